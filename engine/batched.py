"""The network's batched path: its weights in flat buffers (``thetas`` are views into them),
work arrays kept per batch size, and the notes' matrix backpropagation over a whole batch at once
(the kernels of ``engine.fast_path``). A ``Network`` *has* one (``network.fast``); the per-example
trace (``engine.trace``) is the other path, and tests prove the two agree.

Shapes: x (m, s(1)) and y (m, s(L)), prepared by ``Network.prepare``; Θ(l) (s(l+1), 1 + s(l)).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engine import blas, fast_path, parallel
from engine.activations import Activation
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP, EngineError
from engine.optimizers import GradientDescent, Optimizer


class DivergenceError(EngineError, ArithmeticError):
    """Training gave a non-finite cost, gradient or weight; the weights were left as they were."""


class BatchedPath:
    """Flat weight storage and per-batch-size work arrays for a network of ``sizes``."""

    def __init__(self, values: Sequence[np.ndarray], dtype: np.dtype, sizes: Sequence[int],
                 keep_z: bool) -> None:
        self.weights = fast_path.Weights(values, dtype)
        self.dtype, self.sizes, self.keep_z = dtype, list(sizes), keep_z
        self.workspaces: dict[int, fast_path.Workspace] = {}   # by batch size m
        self.shards: dict[tuple[int, int], parallel.Shards] = {}  # by (m, shard count)
        self.macs = sum(a * b for a, b in zip(self.sizes[:-1], self.sizes[1:], strict=True))

    def workspace(self, m: int) -> fast_path.Workspace:
        """Return the work arrays for a batch of ``m`` examples (made once, then reused)."""
        ws = self.workspaces.get(m)
        if ws is None:
            if len(self.workspaces) >= 4:  # a trailing mini-batch adds a second size; bound it
                self.workspaces.clear()
            ws = self.workspaces[m] = fast_path.Workspace(m, self.sizes, self.dtype,
                                                           keep_z=self.keep_z)
        return ws

    def forward(self, x: np.ndarray, hidden: Sequence[Activation],
                g_out: Activation) -> fast_path.Workspace:
        """Run the forward pass on ``x`` and return the work arrays holding every a(l)."""
        ws = self._forward(x, hidden, g_out)
        if blas.router.pending:   # see cost_and_gradients
            blas.router.start_race()
        return ws

    def _forward(self, x: np.ndarray, hidden: Sequence[Activation],
                 g_out: Activation) -> fast_path.Workspace:
        ws = self.workspace(x.shape[0])
        fast_path.forward(ws, self.weights, x, hidden, g_out)
        return ws

    def cost(self, ws: fast_path.Workspace, y: np.ndarray, loss: Loss, g_out: Activation,
             lam: float, lam1: float = 0.0) -> float:
        """Return J of the forward pass in ``ws`` against ``y``, with the λ and λ₁ terms."""
        yT = fast_path.load_targets(ws, y)
        return self._penalized(fast_path.loss_sum(ws, yT, loss, g_out), ws.m, lam, lam1)

    def _penalized(self, loss_sum: float, m: int, lam: float, lam1: float) -> float:
        """Return J from the sum of the examples' losses: divided by m, plus the λ, λ₁ terms."""
        J = loss_sum / m
        if lam:
            # einsum, not vdot: no BLAS call, so numpy's BLAS threads stay asleep (engine/blas.py)
            J += lam / (2 * m) * sum(float(np.einsum("ij,ij->", W, W)) for W in self.weights.W)
        if lam1:
            J += lam1 / m * sum(float(np.abs(W).sum()) for W in self.weights.W)
        return float(J)

    def cost_and_gradients(self, x: np.ndarray, y: np.ndarray, hidden: Sequence[Activation],
                           loss: Loss, g_out: Activation, lam: float, lam1: float = 0.0,
                           whole: bool = False) -> tuple[float, list[np.ndarray]]:
        """Return J and the views D(l) of the gradient buffers (overwritten by the next call).

        ``whole`` keeps the batch in one piece (no shards), so that the workspace of m holds
        every z, a and d of the pass afterwards (what ``fast_path.step_arrays`` lends)."""
        router = blas.router
        racing = router.race is not None   # the two libraries' configurations raced (blas.py)
        if racing:
            router.before_pass()
        J = self._pass(x, y, hidden, loss, g_out, lam, lam1, whole)
        if racing:
            router.after_pass()
        if router.pending:
            # Products were just measured one by one: keep what MKL won only if whole passes,
            # what the learner waits for, are faster with it — timed on the next real passes
            # (engine/blas.py).
            router.start_race()
        return J, list(self.weights.D)

    def _pass(self, x: np.ndarray, y: np.ndarray, hidden: Sequence[Activation], loss: Loss,
              g_out: Activation, lam: float, lam1: float, whole: bool = False) -> float:
        m = x.shape[0]
        # The cheapest test first: small networks pass here.
        if not whole and m * self.macs >= parallel.MIN_MACS:
            router = blas.router
            # Shards only where numpy's BLAS can be held to one thread per call (a BLAS we
            # cannot reach would run each shard's products on every core: pools would compete).
            n = parallel.shard_count(m, self.sizes, router.budget()) if router.openblas else 1
            if n > 1:
                return self._sharded_pass(x, y, hidden, loss, g_out, lam, lam1, n)
        ws = self._forward(x, hidden, g_out)
        J = self.cost(ws, y, loss, g_out, lam, lam1)
        fast_path.backward(ws, self.weights, x, ws.yT, lam, hidden, loss, g_out, lam1)
        return J

    def _sharded_pass(self, x: np.ndarray, y: np.ndarray, hidden: Sequence[Activation],
                      loss: Loss, g_out: Activation, lam: float, lam1: float, n: int) -> float:
        """Return ``_pass``'s J with the batch split into ``n`` shards run side by side
        (engine/parallel.py)."""
        m = x.shape[0]
        shards = self.shards.get((m, n))
        if shards is None:
            if len(self.shards) >= 4:   # bounded as ``workspaces``
                self.shards.clear()
            shards = self.shards[(m, n)] = parallel.Shards(
                self.weights, m, self.sizes, self.dtype, self.keep_z, n)
        router = blas.router
        # The first pass after the router (re)starts deciding runs the shards one by one here,
        # so that trials time each product alone, on one thread, as the shards will run it.
        measured = (id(router), router.generation)
        parallel_ok = shards.measured_for == measured or not router.measures()
        w = self.weights

        def one(i: int) -> float:
            a, b = shards.bounds[i]
            ws, g = shards.workspaces[i], shards.grads[i]
            xs = x[a:b]
            fast_path.forward(ws, g, xs, hidden, g_out)
            yT = fast_path.load_targets(ws, y[a:b])
            total = fast_path.loss_sum(ws, yT, loss, g_out)
            fast_path.backward(ws, g, xs, yT, 0.0, hidden, loss, g_out, 0.0, m=m)
            return total

        with router.one_thread_per_call():
            total = shards.run(one, parallel_ok)
        shards.measured_for = measured
        fast_path.regularize(w, lam, lam1, m)
        return self._penalized(total, m, lam, lam1)

    def apply(self, D: list[np.ndarray], optimizer: Optimizer, freeze_bias: bool) -> None:
        """Take the step ``optimizer`` makes of ``D``; raise DivergenceError, keeping the
        weights, if D or the new Θ is not finite."""
        w = self.weights
        if not w.matches_gradients(D):
            for dst, src in zip(w.D, D, strict=True):
                np.copyto(dst, src)
        # One check and one update over the flat buffers; find the layer only when one fails.
        stateless = type(optimizer) is GradientDescent
        # Gradient descent has no state a bad D could spoil, and a non-finite D makes the new Θ
        # non-finite, so the check of the new Θ below covers D as well.
        if not stateless and not fast_path.all_finite(w.D_flat, w.finite):
            raise DivergenceError(QT_TRANSLATE_NOOP(
                "Engine", "D({l}) is not finite; the weights were kept"), l=w.first_bad(w.D))
        if stateless:  # elementwise and the same for every layer: all of them in one call
            optimizer.step(0, w.D_flat, w.step_flat)
        else:
            for i, (g, out) in enumerate(zip(w.D, w.steps, strict=True)):
                step = optimizer.step(i, g, out)
                if step is not out:
                    np.copyto(out, step)
        if freeze_bias:
            for step in w.steps:
                step[:, 0] = 0.0
        np.subtract(w.flat, w.step_flat, out=w.new_flat)
        if not fast_path.all_finite(w.new_flat, w.finite):
            if not fast_path.all_finite(w.D_flat, w.finite):
                raise DivergenceError(QT_TRANSLATE_NOOP(
                    "Engine", "D({l}) is not finite; the weights were kept"), l=w.first_bad(w.D))
            raise DivergenceError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) would become infinite; the weights were kept"),
                l=w.first_bad(w.new))
        np.copyto(w.flat, w.new_flat)
