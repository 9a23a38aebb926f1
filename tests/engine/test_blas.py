"""engine/blas.py: the ctypes GEMM binding computes numpy's products for every operand layout
the training path uses, refuses what it cannot do in place, and the engine gives the same D and
products through either route (numpy's matmul, MKL's GEMM). The decision between the routes is
tested in test_blas_router.py."""

from __future__ import annotations

import ctypes
import platform
import sys

import numpy as np
import pytest

from engine import Network, blas
from tests.engine.reference import cost_and_gradients as plain_cost_and_gradients

RTOL = {np.float32: 2e-5, np.float64: 1e-12}


def _libraries() -> list[blas.Cblas]:
    libs = [blas.numpy_openblas(), blas.find_mkl()]
    if sys.platform == "linux" and platform.machine() == "x86_64":
        # numpy's Linux wheels bundle OpenBLAS: the ctypes binding is checked against it on every
        # machine, and against MKL too where the optional extra is installed.
        assert libs[0] is not None, "numpy's bundled OpenBLAS was not found"
    return [lib for lib in libs if lib is not None]


LIBS = _libraries()


def _layouts(rng: np.random.Generator, shape: tuple[int, int], dtype) -> dict[str, np.ndarray]:
    """Return arrays of ``shape`` in the layouts the engine passes: C-ordered, a transpose, and
    rows further apart than their length (a view like Θ[:, 1:])."""
    r, c = shape
    c_order = rng.standard_normal(shape).astype(dtype)
    transposed = np.ascontiguousarray(rng.standard_normal((c, r)).astype(dtype)).T
    wide = rng.standard_normal((r, c + 3)).astype(dtype)[:, 2:2 + c]
    return {"C": c_order, "T": transposed, "strided": wide}


@pytest.mark.parametrize("lib", LIBS, ids=lambda lib: lib.name)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_gemm_equals_numpy_for_every_layout(lib, dtype):
    rng = np.random.default_rng(3)
    m, k, n = 13, 29, 17
    for a_name, a in _layouts(rng, (m, k), dtype).items():
        for b_name, b in _layouts(rng, (k, n), dtype).items():
            for out_name, out in (("C", np.empty((m, n), dtype)),
                                  ("strided", np.empty((m, n + 1), dtype)[:, 1:])):
                out[...] = np.nan
                assert blas.gemm_into(lib, a, b, out), (a_name, b_name, out_name)
                want = a.astype(np.float64) @ b.astype(np.float64)
                np.testing.assert_allclose(out, want, rtol=RTOL[dtype], atol=RTOL[dtype] * 10,
                                           err_msg=f"{a_name}·{b_name} → {out_name}")


@pytest.mark.parametrize("lib", LIBS, ids=lambda lib: lib.name)
def test_gemm_refuses_what_it_cannot_do_in_place_and_writes_nothing(lib):
    rng = np.random.default_rng(4)
    a = rng.standard_normal((4, 6))
    b = rng.standard_normal((6, 5))
    big = np.zeros((8, 8))
    cases = {
        "integers": (a.astype(np.int64), b.astype(np.int64), np.zeros((4, 5), np.int64)),
        "mixed dtypes": (a.astype(np.float32), b, np.zeros((4, 5))),
        "inner sizes differ": (a, rng.standard_normal((5, 5)), np.zeros((4, 5))),
        "wrong output shape": (a, b, np.zeros((5, 4))),
        "every other column": (rng.standard_normal((4, 12))[:, ::2], b, np.zeros((4, 5))),
        "transposed output": (a, b, np.zeros((5, 4)).T),
        "output overlaps an operand": (big[:4, :6], rng.standard_normal((6, 5)), big[:4, 1:6]),
        "three dimensions": (a[None], b, np.zeros((1, 4, 5))),
        "no rows": (a[:0], b, np.zeros((0, 5))),
    }
    for name, (x, y, out) in cases.items():
        before = out.copy()
        assert not blas.gemm_into(lib, x, y, out), name
        np.testing.assert_array_equal(out, before, err_msg=name)
    frozen = np.zeros((4, 5))
    frozen.flags.writeable = False
    assert not blas.gemm_into(lib, a, b, frozen)


# The "mkl" route through MKL where it is installed, else through numpy's own OpenBLAS bound the
# same way (the ctypes route is the same code whichever CBLAS it calls).
ROUTES = ["numpy", "mkl"]
CBLAS = blas.find_mkl() or LIBS[0]


def _forced(route: str) -> blas.Router:
    return blas.Router(forced=route, mkl=lambda: CBLAS, openblas=blas.numpy_openblas_threads())


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_matmul_through_each_route_gives_the_product_for_every_layout(monkeypatch, route, dtype,
                                                                       restore_router):
    monkeypatch.setattr(blas, "MIN_WORK", 0)          # every product goes to the route
    blas.use(_forced(route))
    rng = np.random.default_rng(5)
    m, k, n = 9, 21, 14
    for a_name, a in _layouts(rng, (m, k), dtype).items():
        for b_name, b in _layouts(rng, (k, n), dtype).items():
            out = np.full((m, n), np.nan, dtype)
            assert blas.matmul(a, b, out=out) is out
            want = a.astype(np.float64) @ b.astype(np.float64)
            np.testing.assert_allclose(out, want, rtol=RTOL[dtype], atol=RTOL[dtype] * 10,
                                       err_msg=f"{route}: {a_name}·{b_name}")
    odd = rng.standard_normal((m, 2 * k))[:, ::2].astype(dtype)   # no library takes it as is
    out = np.empty((m, n), dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    np.testing.assert_allclose(blas.matmul(odd, b, out=out),
                               odd.astype(np.float64) @ b.astype(np.float64),
                               rtol=RTOL[dtype], atol=RTOL[dtype] * 10)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("route", ROUTES)
def test_training_gradients_through_each_route_equal_the_reference(monkeypatch, route, dtype,
                                                                   restore_router):
    monkeypatch.setattr(blas, "MIN_WORK", 0)      # every product of the step goes to ``route``
    blas.use(_forced(route))
    calls: list[np.dtype] = []
    real_gemm_into = blas.gemm_into

    def counting(library, a, b, out):
        calls.append(out.dtype)
        return real_gemm_into(library, a, b, out)

    monkeypatch.setattr(blas, "gemm_into", counting)
    rng = np.random.default_rng(6)
    sizes, m = [11, 7, 5, 3], 23
    X = rng.standard_normal((m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    net = Network(sizes, "tanh", "softmax", "cross_entropy", rng=np.random.default_rng(8),
                  dtype=dtype)
    J, D = net.cost_and_gradients(X, Y, 0.2)
    thetas = [t.astype(np.float64) for t in net.thetas]
    J_ref, D_ref = plain_cost_and_gradients(thetas, X.astype(dtype).astype(np.float64), Y,
                                            "tanh", "softmax", "cross_entropy", 0.2)
    # Through MKL goes every product of the step: 3 forward, and 2 per layer back but 1 for the
    # first (no d(1)); the numpy route calls no library of ours.
    assert len(calls) == (3 + 2 + 2 + 1 if route == "mkl" else 0)
    tol = 1e-5 if dtype == np.float32 else 1e-12
    assert J == pytest.approx(J_ref, rel=tol)
    for got, want in zip(D, D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=tol * 100, atol=tol)


@pytest.mark.parametrize("threads", [1, 2])
def test_a_measured_route_is_raced_on_real_steps_that_give_the_reference_gradients(
        monkeypatch, restore_router, threads):
    # The real clock: whichever configuration the passes favour, the numbers must be the same,
    # and deciding runs no pass beyond the caller's own (each call: exactly one pass).
    from engine.batched import BatchedPath

    monkeypatch.setattr(blas, "MIN_WORK", 0)
    passes: list[int] = []
    real_pass = BatchedPath._pass

    def counted(self, *args):
        passes.append(1)
        return real_pass(self, *args)

    monkeypatch.setattr(BatchedPath, "_pass", counted)
    router = blas.Router(mkl=lambda: CBLAS, openblas=blas.numpy_openblas_threads(),
                         threads=threads)
    blas.use(router)
    rng = np.random.default_rng(9)
    sizes, m = [11, 7, 5, 3], 23
    X = rng.standard_normal((m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    net = Network(sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(3))
    J_ref, D_ref = plain_cost_and_gradients([t.copy() for t in net.thetas], X, Y, "sigmoid",
                                            "softmax", "cross_entropy", 0.0)
    calls = 0
    while calls == 0 or router.race is not None:
        J, D = net.cost_and_gradients(X, Y)
        calls += 1
        assert router.decisions and not router.pending and not router.fresh
        assert J == pytest.approx(J_ref, rel=1e-12)
        for got, want in zip(D, D_ref, strict=True):
            np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-13)
        assert calls <= 4 * blas.MAX_PASS_VISITS + 1, "the race never ended"
    assert len(passes) == calls


@pytest.mark.skipif(blas.find_mkl() is None, reason="MKL is not installed")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_training_through_mkl_and_through_numpy_gives_the_same_weights(monkeypatch,
                                                                      restore_router, dtype):
    monkeypatch.setattr(blas, "MIN_WORK", 0)
    rng = np.random.default_rng(10)
    sizes, m = [30, 20, 4], 64
    X = rng.standard_normal((m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)]
    thetas = {}
    for route in ("numpy", "mkl"):
        blas.use(blas.Router(forced=route, openblas=blas.numpy_openblas_threads()))
        net = Network(sizes, "sigmoid", "softmax", "cross_entropy",
                      rng=np.random.default_rng(4), dtype=dtype)
        for _ in range(20):
            net.train_step(X, Y, 0.5)
        thetas[route] = [t.astype(np.float64) for t in net.thetas]
    tol = 1e-4 if dtype == np.float32 else 1e-10
    for a, b in zip(thetas["mkl"], thetas["numpy"], strict=True):
        np.testing.assert_allclose(a, b, rtol=tol, atol=tol)


def test_a_missing_library_or_symbol_is_reported_by_load(tmp_path):
    with pytest.raises(OSError):
        blas.Cblas.load(str(tmp_path / "libnothing.so"), "nothing")
    libc = ctypes.util.find_library("c")
    with pytest.raises(AttributeError):
        blas.Cblas.load(libc, "libc")


@pytest.mark.skipif(blas.numpy_openblas_threads() is None,
                    reason="numpy's wheel has no OpenBLAS we can reach")
def test_numpy_openblas_thread_count_can_be_set_and_read_back(restore_router):
    threads = blas.numpy_openblas_threads()
    threads.set(1)
    assert threads.get() == 1
    threads.set(2)
    assert threads.get() == 2


def _run_python(code: str, **env: str) -> str:
    import os
    import subprocess

    environ = {k: v for k, v in os.environ.items() if k != "KMP_BLOCKTIME"} | env
    done = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.skipif(blas.find_mkl() is None, reason="MKL is not installed")
def test_mkl_workers_sleep_after_each_call_unless_the_user_chose_a_block_time():
    code = ("import os\nfrom engine import blas\nassert blas.find_mkl() is not None\n"
            "print(os.environ.get('KMP_BLOCKTIME'))")
    assert _run_python(code) == "0"
    assert _run_python(code, KMP_BLOCKTIME="50") == "50"


@pytest.mark.skipif(blas.find_mkl() is None, reason="MKL is not installed")
@pytest.mark.parametrize("layer", ["LP64", "ILP64", "GNU,ILP64"])
def test_mkl_is_called_with_the_integers_of_its_interface_layer(layer):
    # MKL's single library reads MKL_INTERFACE_LAYER when it loads: with ILP64 its GEMM takes
    # 64-bit sizes, and passing it 32-bit ones gave garbage or a segmentation fault. (GNU asks
    # for libmkl_gf_*, which the pip package lacks: MKL exits unless told LP64 first.)
    import json
    import os
    import subprocess

    code = (
        "import numpy as np\n"
        "from engine import blas\n"
        "lib = blas.find_mkl()\n"
        "a = np.arange(12, dtype=np.float32).reshape(3, 4)\n"
        "b = np.arange(20, dtype=np.float32).reshape(4, 5).T.copy().T\n"
        "out = np.zeros((3, 5), np.float32)\n"
        "assert blas.gemm_into(lib, a, b, out)\n"
        "print(out.astype(int).tolist())\n")
    env = {**os.environ, "MKL_INTERFACE_LAYER": layer}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    # Row i of a is 4i … 4i+3, column j of b is j, j+5, j+10, j+15.
    want = [[sum((4 * i + t) * (j + 5 * t) for t in range(4)) for j in range(5)]
            for i in range(3)]
    assert json.loads(done.stdout) == want
