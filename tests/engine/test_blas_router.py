"""engine/blas.py's Router: each shape class of large product goes to the library a trial found
faster (timed with a fake clock here, so the decision is deterministic), the choice is kept,
the two libraries' thread pools never run side by side, and BACKPROP_BLAS forces a route."""

from __future__ import annotations

import numpy as np
import pytest

from engine import blas

# The second library: MKL where it is installed, else numpy's own OpenBLAS through the same
# ctypes binding (the decision logic does not care which library it is).
OTHER = blas.find_mkl() or blas.numpy_openblas()
pytestmark = pytest.mark.skipif(OTHER is None, reason="no CBLAS reachable through ctypes")


class FakeClock:
    """Seconds that move only when a product runs: by the cost the test gives its route."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeThreads:
    """Stands for numpy's OpenBLAS thread control and remembers every count it was given."""

    def __init__(self, n: int) -> None:
        self.n, self.given = n, []

    def get(self) -> int:
        return self.n

    def set(self, n: int) -> None:
        self.n = n
        self.given.append(n)


def _router(costs: dict[str, float], threads: int = 2, forced: str | None = None,
            mkl=lambda: OTHER) -> tuple[blas.Router, FakeThreads, list[str]]:
    """Return a router whose products cost ``costs[route]`` fake seconds, its fake OpenBLAS
    threads, and the list of routes run (in order)."""
    clock, ob, runs = FakeClock(), FakeThreads(threads), []
    router = blas.Router(forced=forced, mkl=mkl, openblas=ob, clock=clock)
    real_run = router._run

    def run(route, a, b, out):
        runs.append(route)
        clock.now += costs[route]
        return real_run(route, a, b, out)

    router._run = run
    return router, ob, runs


def _product(rng, m: int, k: int, n: int, dtype=np.float64):
    a = rng.standard_normal((m, k)).astype(dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    return a, b, np.full((m, n), np.nan, dtype), a.astype(np.float64) @ b.astype(np.float64)


@pytest.fixture(autouse=True)
def small_min_work(monkeypatch):
    monkeypatch.setattr(blas, "MIN_WORK", 1000)   # test products of ~10^4 multiply-adds count


def test_faster_library_takes_the_class_and_the_product_is_right():
    rng = np.random.default_rng(1)
    router, ob, runs = _router({"numpy": 2.0, "mkl": 1.0})
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    decision = router.decisions[blas.shape_class(a, b, out)]
    assert decision.route == "mkl"
    assert decision.seconds == {"numpy": 2.0, "mkl": 1.0}
    # Each library once to warm up, then TRIALS timed runs each (the fake seconds are over the
    # trial's budget at once), interleaved.
    assert runs.count("mkl") == runs.count("numpy") == 1 + blas.TRIALS


def test_decision_is_kept_and_not_timed_again():
    rng = np.random.default_rng(2)
    router, ob, runs = _router({"numpy": 1.0, "mkl": 3.0})
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    trial_runs = len(runs)
    for _ in range(3):
        a2, b2, out2, want2 = _product(rng, 20, 30, 25)
        router.matmul(a2, b2, out2)
        np.testing.assert_allclose(out2, want2, rtol=1e-12)
    assert len(runs) == trial_runs                      # the kept route runs without a trial
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"
    assert ob.given == []                                # numpy keeps its threads


def test_a_tie_within_the_margin_stays_with_numpy():
    rng = np.random.default_rng(3)
    router, _, _ = _router({"numpy": 1.0, "mkl": 1.0 - blas.MARGIN / 2})
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"


def test_each_shape_class_and_dtype_is_decided_on_its_own():
    rng = np.random.default_rng(4)
    router, _, runs = _router({"numpy": 1.0, "mkl": 2.0})
    products = [_product(rng, 20, 30, 25), _product(rng, 20, 30, 25, np.float32),
                _product(rng, 80, 30, 25)]                  # 4× the work: another class
    for a, b, out, _ in products:
        router.matmul(a, b, out)
    assert len(router.decisions) == 3
    transposed = np.ascontiguousarray(products[0][0].T).T   # same shape, read transposed
    router.matmul(transposed, products[0][1], np.empty((20, 25)))
    assert len(router.decisions) == 4


def test_when_mkl_takes_a_class_openblas_gets_one_thread_and_its_classes_are_decided_again():
    rng = np.random.default_rng(5)
    costs = {"numpy": 1.0, "mkl": 2.0}
    router, ob, _ = _router(costs, threads=2)
    small = _product(rng, 20, 30, 25)
    router.matmul(*small[:3])                                # numpy wins with 2 threads
    assert router.decisions[blas.shape_class(*small[:3])].route == "numpy"
    costs.update(numpy=4.0, mkl=1.0)
    big = _product(rng, 80, 30, 25)
    router.matmul(*big[:3])                                  # MKL wins this class
    assert router.mkl_owns_threads and ob.n == 1
    assert blas.shape_class(*small[:3]) not in router.decisions   # measured with 2 threads
    costs.update(numpy=1.0, mkl=2.0)
    router.matmul(*small[:3])                                # decided again, OpenBLAS on 1
    assert router.decisions[blas.shape_class(*small[:3])].openblas_threads == 1
    assert ob.n == 1                                         # numpy's route stays single


def test_set_threads_gives_openblas_the_count_back_and_measures_again():
    rng = np.random.default_rng(6)
    router, ob, _ = _router({"numpy": 2.0, "mkl": 1.0}, threads=2)
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    assert ob.n == 1
    router.set_threads(2)
    assert ob.n == 2 and router.decisions == {} and not router.mkl_owns_threads


def test_small_products_stay_with_numpy_without_a_trial():
    rng = np.random.default_rng(7)
    router, _, runs = _router({"numpy": 1.0, "mkl": 0.1})
    a, b, out, want = _product(rng, 5, 6, 7)                  # 210 < MIN_WORK
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs == [] and router.decisions == {}


def test_without_mkl_every_product_is_numpys_and_nothing_is_timed():
    rng = np.random.default_rng(8)
    router, ob, runs = _router({"numpy": 1.0, "mkl": 0.1}, mkl=lambda: None)
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs == [] and ob.given == []
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"


def test_forced_numpy_never_looks_for_mkl():
    def no_mkl():
        raise AssertionError("MKL was looked up")

    rng = np.random.default_rng(9)
    router, ob, runs = _router({"numpy": 9.0, "mkl": 0.1}, forced="numpy", mkl=no_mkl)
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs == [] and ob.given == [] and router.decisions == {}


def test_forced_mkl_takes_every_large_product_and_the_threads(monkeypatch):
    rng = np.random.default_rng(10)
    router, ob, runs = _router({"numpy": 0.1, "mkl": 9.0}, forced="mkl")
    used: list[object] = []
    real = blas.gemm_into
    monkeypatch.setattr(blas, "gemm_into", lambda lib, a, b, o: used.append(lib) or real(
        lib, a, b, o))
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert used == [OTHER] and runs == [] and ob.n == 1


@pytest.mark.parametrize(("value", "forced"), [("numpy", "numpy"), ("MKL", "mkl"),
                                               ("auto", None), ("", None)])
def test_backprop_blas_chooses_the_route(monkeypatch, value, forced):
    monkeypatch.setenv("BACKPROP_BLAS", value)
    assert blas.router_from_environment().forced == forced


def test_backprop_blas_with_an_unknown_value_measures_and_says_so(monkeypatch):
    monkeypatch.setenv("BACKPROP_BLAS", "openblas")
    router = blas.router_from_environment()
    assert router.forced is None
    assert router.describe().startswith("BACKPROP_BLAS='openblas' is not numpy, mkl or auto")


def test_cheap_products_are_timed_more_often_up_to_a_limit():
    rng = np.random.default_rng(11)
    router, _, runs = _router({"numpy": 1e-6, "mkl": 2e-6})   # far under the trial's budget
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs.count("mkl") == runs.count("numpy") == 1 + blas.MAX_TRIALS
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"
