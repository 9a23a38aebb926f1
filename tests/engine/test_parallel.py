"""engine/parallel.py: large elementwise passes split by rows over threads give the same
numbers as one thread, follow the BLAS thread settings, and keep the caller's error handling."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from engine import Network, parallel
from tests.engine.reference import cost_and_gradients as plain_cost_and_gradients

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def threads(monkeypatch):
    """Set the engine's thread count for one test (and a small size limit, so the test's
    arrays are split), restoring both afterwards."""
    before = parallel.threads()
    monkeypatch.setattr(parallel, "MIN_BYTES", 1)

    def use(n: int) -> None:
        parallel.set_threads(n)

    yield use
    parallel.set_threads(before)


def test_ranges_cover_every_row_once_on_several_threads(threads):
    threads(3)
    seen: list[tuple[int, int, str]] = []
    lock = threading.Lock()

    def work(r0: int, r1: int) -> None:
        with lock:
            seen.append((r0, r1, threading.current_thread().name))

    parallel.over_rows(10, 10_000, work)
    assert sorted((r0, r1) for r0, r1, _ in seen) == [(0, 3), (3, 6), (6, 10)]
    here = threading.current_thread().name
    where = {(r0, r1): name for r0, r1, name in seen}
    assert where[(0, 3)] == here        # the first range on the caller, the rest elsewhere
    assert where[(3, 6)] != here and where[(6, 10)] != here


def test_small_arrays_stay_on_the_calling_thread(threads, monkeypatch):
    threads(4)
    monkeypatch.setattr(parallel, "MIN_BYTES", 1 << 20)
    seen: list[tuple[int, int, str]] = []
    parallel.over_rows(64, 1000, lambda r0, r1: seen.append(
        (r0, r1, threading.current_thread().name)))
    assert seen == [(0, 64, threading.current_thread().name)]


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
def test_threaded_training_step_equals_one_thread_and_the_reference(threads, hidden):
    rng = np.random.default_rng(21)
    sizes, m = [9, 31, 17, 4], 53
    X = rng.standard_normal((m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    results = []
    for n in (1, 3):
        threads(n)
        net = Network(sizes, hidden, "softmax", "cross_entropy", rng=np.random.default_rng(5))
        J, D = net.cost_and_gradients(X, Y, 0.3)
        results.append((J, [g.copy() for g in D]))
    (J1, D1), (J3, D3) = results
    assert J3 == J1                     # the same arithmetic on each element: bit for bit
    for a, b in zip(D1, D3, strict=True):
        np.testing.assert_array_equal(a, b)
    ref_net = Network(sizes, hidden, "softmax", "cross_entropy", rng=np.random.default_rng(5))
    J_ref, D_ref = plain_cost_and_gradients(ref_net.thetas, X, Y, hidden, "softmax",
                                            "cross_entropy", 0.3)
    assert J3 == pytest.approx(J_ref, rel=1e-12)
    for got, want in zip(D3, D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-11, atol=1e-12)


def test_worker_threads_keep_the_callers_error_handling(threads):
    threads(2)
    a = np.full((4, 8), 1e300)

    def work(r0: int, r1: int) -> None:
        a[r0:r1] *= 1e300               # overflows in every row range

    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        parallel.over_rows(4, a.nbytes, work)
    with np.errstate(over="ignore"):
        parallel.over_rows(4, a.nbytes, work)   # no warning and no error from any thread
    assert np.all(np.isinf(a))


def test_thread_count_must_be_a_whole_number_of_at_least_one():
    for bad in (0, -1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="threads"):
            parallel.set_threads(bad)


@pytest.mark.parametrize(("env", "want"), [({"OMP_NUM_THREADS": "1"}, 1),
                                           ({"OPENBLAS_NUM_THREADS": "3"}, 3),
                                           ({"MKL_NUM_THREADS": "2"}, 2)])
def test_thread_count_follows_the_blas_settings(env, want):
    clean = {k: v for k, v in os.environ.items()
             if k not in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    out = subprocess.run(
        [sys.executable, "-c", "from engine import parallel; print(parallel.threads())"],
        env={**clean, **env}, cwd=ROOT, capture_output=True, text=True, check=True)
    assert int(out.stdout) == want
