"""engine/parallel.py: a batch split into shards run side by side gives the notes' J and D (a
plain separate implementation here, with λ and λ₁, and central differences), as the whole-batch
path does; every BLAS call is single-threaded meanwhile; worker threads never time products;
numpy's error state holds in them; small networks are never split."""

from __future__ import annotations

import dataclasses
import threading

import numpy as np
import pytest

from engine import GradientDescent, Network, blas, parallel
from engine.blas_libraries import Threads
from engine.gradient_check import gradient_check

RTOL = {np.float32: 2e-5, np.float64: 1e-11}


def _g(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "softmax":   # per row
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return np.tanh(z)


def _g_prime(name, z):
    if name == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1.0 - s)
    if name == "relu":
        return (z > 0).astype(float)
    return 1.0 - np.tanh(z) ** 2


def plain(thetas, X, Y, hidden, output, lam, lam1):
    """Return J and D(l) for cross-entropy by the notes' formulas: rows of examples, an explicit
    ones column, fresh arrays, float64, λ/2m ΣW² and λ₁/m Σ|W| (bias columns excluded)."""
    m = X.shape[0]
    thetas = [np.asarray(t, np.float64) for t in thetas]
    a, z = [np.asarray(X, np.float64)], [None]
    for k, t in enumerate(thetas):
        z.append(np.hstack([np.ones((m, 1)), a[-1]]) @ t.T)
        a.append(_g(output if k == len(thetas) - 1 else hidden, z[-1]))
    aL = a[-1]
    if output == "softmax":
        J = -np.sum(Y * np.log(aL))
    else:
        J = -np.sum(Y * np.log(aL) + (1 - Y) * np.log(1 - aL))
    W = [t[:, 1:] for t in thetas]
    J = J / m + lam / (2 * m) * sum(np.sum(w ** 2) for w in W) + lam1 / m * sum(
        np.sum(np.abs(w)) for w in W)
    d = aL - Y
    D = [None] * len(thetas)
    for k in range(len(thetas) - 1, -1, -1):
        reg = np.hstack([np.zeros((W[k].shape[0], 1)), lam * W[k] + lam1 * np.sign(W[k])])
        D[k] = (d.T @ np.hstack([np.ones((m, 1)), a[k]]) + reg) / m
        if k > 0:
            d = (d @ thetas[k])[:, 1:] * _g_prime(hidden, z[k])
    return float(J), D


@pytest.fixture
def split_always(monkeypatch, restore_router):
    """Split every batch (the thresholds are for speed, not for the maths) and put the module's
    router and numpy's OpenBLAS thread count back afterwards."""
    monkeypatch.setattr(parallel, "MIN_MACS", 0)
    monkeypatch.setattr(parallel, "MIN_COLUMNS", 1)


def _assert_plain(J, D, J_ref, D_ref) -> None:
    """Assert float64 J and D equal the plain implementation's."""
    assert J == pytest.approx(J_ref, rel=1e-11)
    for got, want in zip(D, D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


def _use(threads: int, forced: str | None = "numpy", **kw) -> blas.Router:
    router = blas.Router(forced=forced, openblas=blas.numpy_openblas_threads(), threads=threads,
                         **kw)
    blas.use(router)
    return router


def _problem(seed, sizes, m, output, dtype=np.float64):
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 1.0, (m, sizes[0]))
    K = sizes[-1]
    Y = (np.eye(K)[rng.integers(0, K, m)] if output == "softmax"
         else rng.integers(0, 2, (m, K)).astype(float))
    return X.astype(dtype), Y.astype(dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("hidden,output", [("sigmoid", "softmax"), ("relu", "softmax"),
                                           ("sigmoid", "sigmoid"), ("tanh", "sigmoid")])
@pytest.mark.parametrize("threads", [2, 3])
def test_sharded_pass_gives_the_plain_J_and_D(split_always, dtype, hidden, output, threads):
    _use(threads)
    sizes, m = [9, 7, 5, 3 if output == "softmax" else 1], 31
    X, Y = _problem(5, sizes, m, output, dtype)
    net = Network(sizes, hidden, output, "cross_entropy", rng=np.random.default_rng(2),
                  dtype=dtype)
    J, D = net.cost_and_gradients(X, Y, lam=0.7, lam1=0.3)
    assert list(net.fast.shards) == [(m, threads)]          # it was split
    J_ref, D_ref = plain(net.thetas, X.astype(np.float64), Y.astype(np.float64), hidden, output,
                         0.7, 0.3)
    tol = RTOL[dtype]
    assert J == pytest.approx(J_ref, rel=tol)
    for got, want in zip(D, D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=tol * 10, atol=tol)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_sharded_and_whole_batch_paths_agree(split_always, monkeypatch, dtype):
    sizes, m = [6, 8, 4], 40
    X, Y = _problem(7, sizes, m, "softmax", dtype)
    got = {}
    for threads in (1, 2):       # one thread: the whole batch at once
        _use(threads)
        net = Network(sizes, "sigmoid", "softmax", "cross_entropy",
                      rng=np.random.default_rng(3), dtype=dtype)
        J, D = net.cost_and_gradients(X, Y, lam=0.2, lam1=0.1)
        got[threads] = (J, [d.copy() for d in D], len(net.fast.shards))
    assert got[1][2] == 0 and got[2][2] == 1
    assert got[2][0] == pytest.approx(got[1][0], rel=RTOL[dtype])
    for a, b in zip(got[2][1], got[1][1], strict=True):
        np.testing.assert_allclose(a, b, rtol=RTOL[dtype] * 10, atol=RTOL[dtype])


def test_sharded_gradients_pass_the_central_difference_check(split_always):
    _use(2)
    sizes, m = [4, 5, 3], 12
    X, Y = _problem(8, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(4))
    check = gradient_check(net, X, Y, lam=0.5, lam1=0.2)
    assert net.fast.shards
    assert check.relative_difference < 1e-8


def test_sharded_training_follows_the_whole_batch_steps(split_always):
    sizes, m = [5, 6, 2], 50
    X, Y = _problem(9, sizes, m, "softmax")
    thetas = {}
    for threads in (1, 2):
        _use(threads)
        net = Network(sizes, "sigmoid", "softmax", "cross_entropy",
                      rng=np.random.default_rng(6))
        x, y = net.prepare(X, Y)
        for _ in range(15):
            net.train_step_prepared(x, y, GradientDescent(0.5), 0.1)
        thetas[threads] = [t.copy() for t in net.thetas]
    for a, b in zip(thetas[2], thetas[1], strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)


def test_every_blas_call_is_single_threaded_during_a_sharded_pass(split_always, monkeypatch):
    counts: list[int] = []
    state = {"n": 2}
    fake = Threads(lambda: state["n"], lambda n: state.update(n=n))
    blas.use(blas.Router(forced="numpy", openblas=fake, threads=2))
    real = blas.matmul

    def recording(a, b, out):
        counts.append(state["n"])
        return real(a, b, out)

    monkeypatch.setattr(blas, "matmul", recording)
    sizes, m = [6, 5, 3], 20
    X, Y = _problem(10, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(1))
    net.cost_and_gradients(X, Y)
    assert counts and set(counts) == {1}      # 3 products per shard, each on one thread
    assert state["n"] == 2                    # given back after the pass


class FakeMklThreads:
    """MKL's two thread counts as its C calls keep them: one global, and one per calling thread
    that overrides it on that thread (0: none), as MKL_Set_Num_Threads_Local does."""

    def __init__(self) -> None:
        self.global_n, self.local = 2, {}

    def set_global(self, n: int) -> None:
        self.global_n = n

    def set_local(self, n: int) -> int:
        before = self.local.get(threading.get_ident(), 0)
        self.local[threading.get_ident()] = n
        return before

    def effective(self) -> int:
        return self.local.get(threading.get_ident(), 0) or self.global_n


def test_mkl_calls_in_shards_run_on_one_thread_even_with_a_local_count(split_always,
                                                                       monkeypatch):
    # threadpoolctl limits MKL with its per-thread call, on the thread that asks: left at 2 on
    # the main thread, shard 0's products ran 2 MKL workers beside shard 1's (3 on 2 cores;
    # measured 28 against 61 steps/s on 784-128-10 float32).
    openblas = blas.numpy_openblas()
    if openblas is None:
        pytest.skip("no CBLAS reachable through ctypes")
    mkl = FakeMklThreads()
    lib = dataclasses.replace(openblas, set_threads=mkl.set_global,
                              set_local_threads=mkl.set_local)
    monkeypatch.setattr(blas, "MIN_WORK", 0)
    _use(2, forced="mkl", mkl=lambda: lib)
    counts: list[int] = []
    real = blas.gemm_into

    def recording(library, a, b, out):
        counts.append(mkl.effective())
        return real(library, a, b, out)

    monkeypatch.setattr(blas, "gemm_into", recording)
    mkl.set_local(2)                                # as threadpool_limits(2) leaves it
    sizes, m = [6, 5, 3], 20
    X, Y = _problem(12, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(1))
    J, D = net.cost_and_gradients(X, Y)
    assert counts and set(counts) == {1}
    assert mkl.effective() == 2 and mkl.local[threading.get_ident()] == 2   # given back
    _assert_plain(J, D, *plain(net.thetas, X, Y, "sigmoid", "softmax", 0.0, 0.0))


def test_shard_threads_never_time_a_product(split_always, monkeypatch):
    other = blas.find_mkl() or blas.numpy_openblas()
    if other is None:
        pytest.skip("no CBLAS reachable through ctypes")
    monkeypatch.setattr(blas, "MIN_WORK", 0)
    router = _use(2, forced=None, mkl=lambda: other)
    deciders: list[str] = []
    real = router._decide

    def deciding(a, b, out):
        deciders.append(threading.current_thread().name)
        return real(a, b, out)

    monkeypatch.setattr(router, "_decide", deciding)
    sizes, m = [6, 5, 3], 24
    X, Y = _problem(11, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(1))
    J, D = net.cost_and_gradients(X, Y)
    J_ref, D_ref = plain(net.thetas, X, Y, "sigmoid", "softmax", 0.0, 0.0)
    assert deciders and set(deciders) == {threading.main_thread().name}
    assert not router.pending
    _assert_plain(J, D, J_ref, D_ref)


def test_the_callers_numpy_error_state_holds_in_shard_threads(split_always):
    _use(2)
    sizes, m = [3, 4, 2], 16
    X, Y = _problem(12, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(1))
    net.thetas[0][:, 1:] = 1.0
    X[m // 2:] = 1e308      # z(2) overflows in the second shard only: a worker thread's
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        net.cost_and_gradients(X, Y)
    with np.errstate(over="ignore", invalid="ignore"):
        net.cost_and_gradients(X, Y)          # and no warning (warnings are errors here)


@pytest.mark.parametrize("m,sizes,threads,want", [
    (10_000, (784, 128, 10), 2, 2),      # the large benchmark network: split
    (10_000, (784, 128, 10), 1, 1),      # one thread: nothing to share
    (10_000, (784, 128, 10), 4, 4),
    (1_797, (64, 32, 10), 2, 1),         # digits: too small to pay for the hand-over
    (200, (2, 4, 4, 1), 2, 1),           # XOR
    (1_500, (784, 512, 10), 2, 1),       # large, but shards would be under MIN_COLUMNS
])
def test_only_large_batches_on_several_threads_are_split(m, sizes, threads, want):
    assert parallel.shard_count(m, sizes, threads) == want


def test_a_deep_copy_after_a_sharded_pass_trains_on_its_own_weights(split_always):
    import copy

    _use(2)
    sizes, m = [5, 4, 3], 30
    X, Y = _problem(13, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(5))
    net.cost_and_gradients(X, Y)                  # the shards exist now
    twin = copy.deepcopy(net)
    before = [t.copy() for t in net.thetas]
    twin.train_step(X, Y, 0.5)
    for a, b in zip(net.thetas, before, strict=True):
        np.testing.assert_array_equal(a, b)       # the original did not move
    J, D = twin.cost_and_gradients(X, Y)
    J_ref, D_ref = plain(twin.thetas, X, Y, "sigmoid", "softmax", 0.0, 0.0)
    _assert_plain(J, D, J_ref, D_ref)


def test_a_step_that_lends_its_arrays_runs_whole_and_lends_the_whole_batch(split_always):
    # The gradient-health recorder reads the step's a(L) and D from the workspace of m; a
    # sharded pass fills only the shards' workspaces, so such a step must not be split.
    _use(2)
    sizes, m = [5, 6, 3], 24
    X, Y = _problem(11, sizes, m, "softmax")
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(6))
    thetas = [t.copy() for t in net.thetas]
    J_ref, D_ref = plain(thetas, X, Y, "sigmoid", "softmax", 0.3, 0.0)
    a = [X]
    for k, t in enumerate(thetas):
        z = np.hstack([np.ones((m, 1)), a[-1]]) @ t.T
        a.append(_g("softmax" if k == len(thetas) - 1 else "sigmoid", z))
    lent = {}

    def inspect(arrays):
        lent["aL"] = np.array(arrays.aL, copy=True)
        lent["D"] = [np.array(d, copy=True) for d in arrays.D]

    x, y = net.prepare(X, Y)
    J = net.train_step_prepared(x, y, GradientDescent(0.1), lam=0.3, inspect=inspect)
    assert J == pytest.approx(J_ref, rel=1e-11)
    np.testing.assert_allclose(lent["aL"].T, a[-1], rtol=1e-11)
    for got, want in zip(lent["D"], D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-13)
    net.train_step_prepared(x, y, GradientDescent(0.1), lam=0.3)   # without: it is split
    assert list(net.fast.shards) == [(m, 2)]
