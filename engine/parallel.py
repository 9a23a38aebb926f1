"""Data parallelism for a large batch: the m examples' columns split into as many shards as the
engine has threads, each shard's forward and backward pass run in its own thread with every
BLAS call single-threaded, then the shards' D(l) and loss sums added up.

Why: a 2-thread BLAS makes the products faster, but numpy's elementwise passes (g, g′, the
delta products, the cost) run on one core; on 784-128-10 with m = 10000 they were a third of
the step at 2 threads. In shards, both cores do both kinds of work, and each product runs on
one thread with no hand-over between BLAS workers. numpy's ufuncs and BLAS (and ctypes calls
into MKL) release the GIL, so Python threads run in parallel here.

The maths is the notes' unchanged: Δ(l) = Σ over examples, so Δ = Δ(shard 1) + Δ(shard 2) + …,
and J's sum the same; each shard folds 1/m of the *whole* batch into its d(L), so the sum of the
shards' D(l) is D(l). λ and λ₁ are added once, after the sum (``fast_path.regularize``).

Shapes as in ``engine.fast_path``: a shard's x is rows a..b of X (m_s, s(1)), a view.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from engine import blas, fast_path

# Shards pay a hand-over to a thread (tens of µs) and an extra sum of D: worth it only for a
# large step. Below MIN_MACS multiply-adds of products per pass (digits' 64-32-10 with m = 1797
# does ~2^23), or with fewer than MIN_COLUMNS examples per shard, the pass stays whole.
MIN_MACS = 1 << 26
MIN_COLUMNS = 1024


def shard_count(m: int, sizes: Sequence[int], threads: int) -> int:
    """Return how many shards a pass over m examples of a ``sizes`` network is split into with
    ``threads`` threads (1: not split)."""
    if threads < 2:
        return 1
    macs = m * sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    if macs < MIN_MACS:
        return 1
    return max(1, min(threads, m // MIN_COLUMNS))


class GradientShard:
    """The weights of ``weights`` (shared, read only) with this shard's own D(l) buffers: what
    ``fast_path.forward``/``backward`` read and write for one shard."""

    def __init__(self, weights: fast_path.Weights) -> None:
        self.weights = weights
        self.D_flat = np.zeros_like(weights.D_flat)
        self.D = fast_path._views(self.D_flat, weights.shapes)
        self.D_W0 = self.D[0][:, 1:]
        self.D_b0 = self.D[0][:, 0]

    def __reduce__(self):
        # A copy must share the (copied) weights and rebuild its D views over its own buffer.
        return (GradientShard, (self.weights,))

    @property
    def thetas(self) -> list[np.ndarray]:
        return self.weights.thetas

    @property
    def W(self) -> list[np.ndarray]:
        return self.weights.W

    @property
    def WT(self) -> list[np.ndarray]:
        return self.weights.WT

    @property
    def bias(self) -> list[np.ndarray]:
        return self.weights.bias


class Shards:
    """The work arrays and gradient buffers of one batch size m split ``n`` ways; shard 0
    writes straight into the network's own D."""

    def __init__(self, weights: fast_path.Weights, m: int, sizes: Sequence[int],
                 dtype: np.dtype, keep_z: bool, n: int) -> None:
        self.weights, self.m, self.n = weights, m, n
        cuts = [round(i * m / n) for i in range(n + 1)]
        self.bounds = list(zip(cuts[:-1], cuts[1:], strict=True))
        self.workspaces = [fast_path.Workspace(b - a, sizes, dtype, keep_z)
                           for a, b in self.bounds]
        self.grads: list = [weights] + [GradientShard(weights) for _ in range(n - 1)]
        self.measured_for: tuple | None = None   # see ``BatchedPath`` (route trials)

    def __reduce__(self):
        ws = self.workspaces[0]
        return (Shards, (self.weights, self.m, ws.sizes, ws.dtype, ws.keep_z, self.n))

    def run(self, one: Callable[[int], float], parallel: bool) -> float:
        """Return the sum of ``one(i)`` over the shards i, run in the pool's threads (shard 0 in
        this one) if ``parallel``, else one after the other here; then add every shard's D
        into the network's."""
        if parallel and self.n > 1:
            futures: list[Future] = []
            for i in range(1, self.n):
                # numpy's error state (e.g. the trainer's errstate) lives in a context variable:
                # each task runs in a copy of this thread's context.
                futures.append(pool(self.n - 1).submit(contextvars.copy_context().run, one, i))
            total = one(0)
            total += sum(f.result() for f in futures)
        else:
            total = sum(one(i) for i in range(self.n))
        D = self.weights.D_flat
        for g in self.grads[1:]:
            D += g.D_flat
        return total


_pool: ThreadPoolExecutor | None = None
_pool_size = 0
_pool_lock = threading.Lock()


def pool(workers: int) -> ThreadPoolExecutor:
    """Return the process's shard threads (made once, remade if a larger count is asked)."""
    global _pool, _pool_size
    if _pool is None or _pool_size < workers:
        with _pool_lock:
            if _pool is None or _pool_size < workers:
                old = _pool
                _pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="engine-shard",
                                           initializer=blas.mark_shard_thread)
                _pool_size = max(1, workers)
                if old is not None:
                    old.shutdown(wait=False)
    return _pool
