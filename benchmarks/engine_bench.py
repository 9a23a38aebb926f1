"""Engine training speed against PyTorch (hand-written and autograd) and the GEMM bound.

Every case is full-batch gradient descent with sigmoid hidden layers and cross-entropy: sigmoid
output for one unit, softmax for ten. Each step computes J (as the app's loss plot needs it),
the gradients and the update, in every implementation.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from benchmarks.common import interleaved_samples, loadavg, page_faults, paired_ratio
from engine import blas
from engine.datasets import load
from engine.network import Network
from engine.optimizers import GradientDescent

LR = 0.5


@dataclass(frozen=True)
class Case:
    """A network and its data: ``data`` is a data set name or ``random``."""

    name: str
    sizes: tuple[int, ...]
    m: int
    data: str


CASES = (
    Case("2-4-4-1 XOR", (2, 4, 4, 1), 200, "xor"),
    Case("64-32-10 digits", (64, 32, 10), 1797, "digits"),
    Case("784-128-10 random", (784, 128, 10), 10_000, "random"),
)


def make_data(case: Case, dtype: np.dtype) -> tuple[np.ndarray, np.ndarray, str]:
    """Return X (m, s(1)), one-hot or 0/1 Y (m, s(L)) and where they came from."""
    rng = np.random.default_rng(0)
    source = case.data
    if case.data == "xor":
        ds = load("xor", seed=0, n=case.m, test_ratio=0.0)
        X, Y = ds.X_train, ds.Y_train
    elif case.data == "digits":
        try:
            ds = load("digits", seed=0, test_ratio=0.0)
            X, Y = ds.X_train, ds.Y_train
        except OSError:
            source = "random (digits.csv missing)"
            X = rng.uniform(0, 1, (case.m, case.sizes[0]))
            Y = np.eye(case.sizes[-1])[rng.integers(0, case.sizes[-1], case.m)]
    else:
        X = rng.uniform(0, 1, (case.m, case.sizes[0]))
        Y = np.eye(case.sizes[-1])[rng.integers(0, case.sizes[-1], case.m)]
    assert X.shape == (case.m, case.sizes[0]) and Y.shape == (case.m, case.sizes[-1])
    return X.astype(dtype), Y.astype(dtype), source


def output_of(case: Case) -> str:
    """Return the output activation used for ``case``."""
    return "sigmoid" if case.sizes[-1] == 1 else "softmax"


class EngineRunner:
    """Our engine's prepared training step (what the app's training controller calls), with its
    large products routed by ``router`` (engine/blas.py: measured, or forced to one library)."""

    def __init__(self, case: Case, X: np.ndarray, Y: np.ndarray, dtype: np.dtype,
                 router: blas.Router) -> None:
        self.net = Network(case.sizes, "sigmoid", output_of(case), "cross_entropy",
                           rng=np.random.default_rng(1), dtype=dtype)
        self.x, self.y = self.net.prepare(X, Y)
        self.opt = GradientDescent(LR)
        self.router = router

    def step(self) -> float:
        """Take one step and return J."""
        if blas.router is not self.router:
            blas.use(self.router)        # and its thread settings (OpenBLAS 1 when MKL's)
        return self.net.train_step_prepared(self.x, self.y, self.opt)

    def gradients(self) -> list[np.ndarray]:
        """Return copies of D at the current weights, computed through ``router``."""
        blas.use(self.router)
        return [d.copy() for d in self.net.cost_and_gradients(self.x, self.y)[1]]


def make_router(forced: str | None, threads: int) -> blas.Router:
    """Return a fresh router (measured if ``forced`` is None) for ``threads`` threads: a case
    then decides its classes as a new process would."""
    return blas.Router(forced=forced, openblas=blas.numpy_openblas_threads(), threads=threads)


def route_summary(router: blas.Router) -> str:
    """Return "numpy", "mkl", "mixed (k of n classes mkl)" or "– (no large product)"."""
    routes = [d.route for d in router.decisions.values()]
    if not routes:
        return "– (no large product)"
    if len(set(routes)) == 1:
        return routes[0]
    return f"mixed ({routes.count('mkl')} of {len(routes)} classes mkl)"


class TorchManual:
    """Hand-written matrix backprop in PyTorch with preallocated buffers and in-place ops."""

    def __init__(self, thetas: list[np.ndarray], X: np.ndarray, Y: np.ndarray, softmax: bool):
        import torch
        self.torch = torch
        self.W = [torch.tensor(np.ascontiguousarray(t[:, 1:])) for t in thetas]
        self.b = [torch.tensor(t[:, 0].copy()) for t in thetas]
        self.X, self.Y = torch.from_numpy(X), torch.from_numpy(Y)
        self.labels = self.Y.argmax(dim=1)
        m = X.shape[0]
        self.m, self.softmax = m, softmax
        self.A = [torch.empty(m, w.shape[0], dtype=self.X.dtype) for w in self.W]
        self.Dl = [torch.empty(m, w.shape[0], dtype=self.X.dtype) for w in self.W]
        self.T = [torch.empty(m, w.shape[0], dtype=self.X.dtype) for w in self.W]
        self.dW = [torch.empty_like(w) for w in self.W]
        self.db = [torch.empty_like(b) for b in self.b]
        self.zL = torch.empty_like(self.A[-1])

    def step(self) -> float:
        """Take one step and return J."""
        torch, F = self.torch, self.torch.nn.functional
        a = self.X
        last = len(self.W) - 1
        for i, (W, b) in enumerate(zip(self.W, self.b, strict=True)):
            torch.addmm(b, a, W.T, out=self.A[i])
            if i < last:
                self.A[i].sigmoid_()
            a = self.A[i]
        self.zL.copy_(a)
        if self.softmax:
            J = F.cross_entropy(self.zL, self.labels).item()
            torch.softmax(self.zL, dim=1, out=a)
        else:
            J = F.binary_cross_entropy_with_logits(self.zL, self.Y, reduction="sum").item() / self.m
            a.sigmoid_()
        d = self.Dl[-1]
        torch.sub(a, self.Y, out=d)
        for i in range(last, -1, -1):
            a_prev = self.X if i == 0 else self.A[i - 1]
            torch.mm(d.T, a_prev, out=self.dW[i])
            torch.sum(d, 0, out=self.db[i])
            if i > 0:
                d_prev, t = self.Dl[i - 1], self.T[i - 1]
                torch.mm(d, self.W[i], out=d_prev)
                torch.sub(1.0, a_prev, out=t)
                t.mul_(a_prev)
                d_prev.mul_(t)
                d = d_prev
            self.W[i].sub_(self.dW[i], alpha=LR / self.m)
            self.b[i].sub_(self.db[i], alpha=LR / self.m)
        return J


class TorchAutograd:
    """The idiomatic PyTorch step: F.linear, sigmoid, a fused loss, backward(), SGD update."""

    def __init__(self, thetas: list[np.ndarray], X: np.ndarray, Y: np.ndarray, softmax: bool):
        import torch
        self.torch = torch
        self.W = [torch.tensor(np.ascontiguousarray(t[:, 1:]), requires_grad=True)
                  for t in thetas]
        self.b = [torch.tensor(t[:, 0].copy(), requires_grad=True) for t in thetas]
        self.params = [p for pair in zip(self.W, self.b, strict=True) for p in pair]
        self.opt = torch.optim.SGD(self.params, lr=LR)
        self.X, self.Y = torch.from_numpy(X), torch.from_numpy(Y)
        self.labels = self.Y.argmax(dim=1)
        self.softmax = softmax

    def step(self) -> float:
        """Take one step and return J."""
        F = self.torch.nn.functional
        a = self.X
        last = len(self.W) - 1
        for i, (W, b) in enumerate(zip(self.W, self.b, strict=True)):
            a = F.linear(a, W, b)
            if i < last:
                a = self.torch.sigmoid(a)
        if self.softmax:
            loss = F.cross_entropy(a, self.labels)
        else:
            loss = F.binary_cross_entropy_with_logits(a, self.Y)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        return loss.item()


def gemm_bound(case: Case, dtype: np.dtype, x: np.ndarray, layout: str,
               router: blas.Router) -> Callable[[], None]:
    """Return a function doing only the matrix products one training step needs, nothing else,
    through ``router``'s library (a forced router: numpy's matmul or MKL's GEMM) with its thread
    settings — the bound a step through that library can approach.

    ``layout`` "features" is the engine's: a(l) as (s, m) with the ones row, Xᵀ read as a view;
    "rows" is the textbook one, a(l) as (m, s). Outputs contiguous, same shapes as a step.
    """
    library = router.library() if router.forced == "mkl" else None

    def mm(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
        if library is None or not blas.gemm_into(library, a, b, out):
            np.matmul(a, b, out=out)

    rng = np.random.default_rng(2)
    sizes, m = case.sizes, case.m
    n = len(sizes) - 1
    Th = [rng.standard_normal((o, 1 + i)).astype(dtype)
          for i, o in zip(sizes[:-1], sizes[1:], strict=True)]
    W = [np.ascontiguousarray(t[:, 1:]) for t in Th]
    G = [np.empty_like(t) for t in Th]
    G0 = np.empty_like(W[0])
    if layout == "features":
        Z = [np.ones((1 + o, m), dtype) for o in sizes[1:]]  # row 0: the ones
        d = [rng.standard_normal((o, m)).astype(dtype) for o in sizes[1:]]

        def products() -> None:
            mm(W[0], x.T, Z[0][1:])
            for i in range(1, n):
                mm(Th[i], Z[i - 1], Z[i][1:])
            for i in range(n - 1, 0, -1):
                mm(d[i], Z[i - 1].T, G[i])
                mm(W[i].T, d[i], d[i - 1])
            mm(d[0], x, G0)
    else:
        A = [np.empty((m, o), dtype) for o in sizes[1:]]
        dr = [rng.standard_normal((m, o)).astype(dtype) for o in sizes[1:]]
        Gw = [np.empty_like(w) for w in W]

        def products() -> None:
            a = x
            for Wi, Ai in zip(W, A, strict=True):
                mm(a, Wi.T, Ai)
                a = Ai
            for i in range(n - 1, -1, -1):
                mm(dr[i].T, x if i == 0 else A[i - 1], Gw[i])
                if i > 0:
                    mm(dr[i], W[i], dr[i - 1])

    def run() -> None:
        if blas.router is not router:
            blas.use(router)
        products()

    return run


def step_flops(case: Case) -> float:
    """Return the floating-point operations of the matrix products of one step."""
    m, s = case.m, case.sizes
    f = 0.0
    for i, (a, b) in enumerate(zip(s[:-1], s[1:], strict=True)):
        f += 2 * m * a * b * (3 if i > 0 else 2)
    return f


def run_case(case: Case, dtype: np.dtype, repeats: int, settle_s: float = 0.0,
             threads: int = 2) -> dict:
    """Return the medians and ratios for one case and dtype.

    "engine" is the engine as installed: each class of large product measured once and sent to
    the faster library (engine/blas.py; MKL is a candidate when the mkl extra is installed, as
    with ``make bench``). "engine_numpy" is the same engine forced to numpy's matmul (an install
    without the extra), "engine_mkl" forced to MKL's GEMM.
    """
    load_start = loadavg()
    X, Y, source = make_data(case, dtype)
    installed = blas.router
    auto = make_router(None, threads)
    eng = EngineRunner(case, X, Y, dtype, auto)
    thetas = [t.copy() for t in eng.net.thetas]
    # The first step's trials (engine/blas.py) propose a route; the next real steps race the
    # two configurations. Both are timed here, then the race is run to its end so that the
    # interleaved timing below sees the route the engine keeps.
    t0 = time.perf_counter()
    eng.gradients()
    first_step = time.perf_counter() - t0
    race_steps, t0 = 0, time.perf_counter()
    while auto.race is not None and race_steps < 100:
        eng.step()
        race_steps += 1
    race_time = time.perf_counter() - t0
    eng.net.set_thetas(thetas)              # the race's steps trained it: back to the start
    fns = {"engine": eng.step}
    row: dict = {"case": case.name, "dtype": np.dtype(dtype).name, "m": case.m, "data": source}
    forced = {"numpy": make_router("numpy", threads)}
    if blas.find_mkl() is not None:
        forced["mkl"] = make_router("mkl", threads)
    tol = 1e-4 if np.dtype(dtype) == np.float32 else 1e-10
    for route, router in forced.items():
        other = EngineRunner(case, X, Y, dtype, router)
        # Every route must give the same gradients before their speed means anything.
        for a, b in zip(eng.gradients(), other.gradients(), strict=True):
            np.testing.assert_allclose(a, b, rtol=tol, atol=tol * float(np.max(np.abs(b))))
        fns[f"engine_{route}"] = other.step
    try:
        tm = TorchManual(thetas, X, Y, output_of(case) == "softmax")
        ta = TorchAutograd(thetas, X, Y, output_of(case) == "softmax")
        # A sanity check that the three compute the same J from the same weights.
        j = [eng.net.cost(X, Y), tm.step(), ta.step()]
        row["J_check"] = j
        eng.net.set_thetas(thetas)
        tm.__init__(thetas, X, Y, output_of(case) == "softmax")
        ta.__init__(thetas, X, Y, output_of(case) == "softmax")
        fns["torch_manual"] = tm.step
        fns["torch_autograd"] = ta.step
    except ImportError:
        row["torch"] = "not installed"
    if case.m >= 5000:
        for route, router in forced.items():
            for layout in ("features", "rows"):
                fns[f"gemm_{layout}_{route}"] = gemm_bound(case, dtype, eng.x, layout, router)
    target = 0.05 if case.m < 1000 else 0.15
    samples = interleaved_samples(fns, repeats, target, settle_s)
    med = {k: statistics.median(v) for k, v in samples.items()}
    row["s_per_step"] = med
    row["steps_per_s"] = {k: 1.0 / v for k, v in med.items()}
    torch_best = [med[k] for k in ("torch_manual", "torch_autograd") if k in med]
    for key in ("engine", "engine_numpy", "engine_mkl"):
        if torch_best and key in med:
            row[f"ratio_{key}_vs_best_torch"] = min(torch_best) / med[key]
    row["ratio_vs_best_torch"] = row.get("ratio_engine_vs_best_torch")
    row["ratio_engine_vs_numpy"] = paired_ratio(samples, "engine_numpy", "engine")
    if case.m >= 5000:
        bounds = {r: min(med[f"gemm_features_{r}"], med[f"gemm_rows_{r}"]) for r in forced}
        bound = min(bounds.values())       # the faster library and layout: the stricter
        row["gemm_bounds_s"] = bounds
        row["gemm_bound_s"] = bound
        row["gemm_fraction"] = bound / med["engine"]
        row["gemm_fraction_numpy"] = bounds["numpy"] / med["engine_numpy"]
        row["gemm_gflops"] = step_flops(case) / bound / 1e9
        row["engine_gflops"] = step_flops(case) / med["engine"] / 1e9
    blas.use(auto)
    f0 = page_faults()
    n = 50
    for _ in range(n):
        eng.step()
    row["engine_page_faults_per_step"] = (page_faults() - f0) / n
    # After the timing: a class numpy took before MKL took another is decided again at once.
    row["engine_route"] = route_summary(auto)
    row["first_step_s"], row["race_steps"], row["race_s"] = first_step, race_steps, race_time
    row["engine_router"] = (auto.describe() + f"; first step (with the trials) "
                            f"{first_step * 1e3:.1f} ms against {med['engine'] * 1e3:.1f} ms "
                            f"a step later" + (f", then {race_steps} steps raced in "
                                               f"{race_time * 1e3:.0f} ms" if race_steps else ""))
    row["load"] = {"start": load_start, "end": loadavg()}
    blas.use(installed)
    return row


def trace_time(repeats: int = 15) -> dict:
    """Return the median time of ``Network.trace`` on one digits example, 64-32-10."""
    case = CASES[1]
    X, Y, _ = make_data(case, np.float64)
    net = Network(case.sizes, "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(1))
    x, y = X[:1], Y[:1]
    net.trace(x, y)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(20):
            net.trace(x, y)
        times.append((time.perf_counter() - t0) / 20)
    return {"case": "trace 64-32-10, one example", "median_ms": statistics.median(times) * 1e3,
            "steps": len(net.trace(x, y))}


def run(repeats: int = 7, threads: tuple[int, ...] = (2, 1)) -> dict:
    """Return every engine measurement, once per thread count (numpy's BLAS and torch alike).

    One thread is reported beside the requested two because on a shared, oversubscribed
    machine two-thread BLAS calls wait for a core (see benchmarks/README.md).
    """
    from benchmarks.common import apply_thread_limits

    rows = []
    for n in threads:
        limiter = apply_thread_limits(n)
        for c in CASES:
            for dt in (np.float64, np.float32):
                # Idle BLAS/OpenMP threads spin: let them sleep between blocks (see common.py).
                row = run_case(c, dt, repeats, settle_s=0.25 if n > 1 else 0.0, threads=n)
                row["threads"] = n
                rows.append(row)
        if limiter is not None:
            limiter.restore_original_limits()
    apply_thread_limits(threads[0])
    return {"training": rows, "trace": trace_time()}
