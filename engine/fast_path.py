"""The vectorized training path: the notes' matrix backpropagation done in place, in buffers kept
between steps, so a training step allocates (almost) nothing and makes few calls into numpy.

Layout, and why:
    Θ(l)       ``Weights.thetas[l-1]``: (s(l+1), 1 + s(l)) C-contiguous views into ONE flat
               buffer, so the update Θ := Θ − αD and its finiteness check are one numpy call each
               for the whole network (the small networks spend their time in per-call overhead).
    D(l)       views into a second flat buffer, shaped like Θ(l).
    a(l)       feature-major, (s(l), m): rows 1.. of ext(l) = [1; a(l)], shape (1 + s(l), m),
               whose row 0 holds ones written once when the workspace is made. Then
               z(l+1) = Θ(l)·[1; a(l)] and Δ(l) = d(l+1)·[1; a(l)]ᵀ are each ONE matrix product,
               as in the notes, bias included. Feature-major also measured faster with OpenBLAS
               than (m, s) rows for the same products (benchmarks/README.md).
    X          (m, s(1)) as given (never copied: Xᵀ is a view BLAS reads transposed); the first
               layer adds its bias column and sums d(2) for the bias gradient instead.
    d(l)       (s(l), m). 1/m is folded into d(L), so every D(l) comes out already divided by m.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from engine import blas
from engine.activations import Activation
from engine.losses import Loss


def _views(flat: np.ndarray, shapes: Sequence[tuple[int, int]]) -> list[np.ndarray]:
    out, start = [], 0
    for shape in shapes:
        size = shape[0] * shape[1]
        out.append(flat[start:start + size].reshape(shape))
        start += size
    return out


class Weights:
    """Θ(1)..Θ(L−1) as views into one flat buffer, with same-layout buffers for D, the step and
    the candidate new Θ, and the W = Θ[:, 1:] / bias-column views the products use."""

    def __init__(self, values: Sequence[np.ndarray], dtype: np.dtype) -> None:
        shapes = [tuple(int(n) for n in v.shape) for v in values]
        total = sum(r * c for r, c in shapes)
        self.shapes = shapes
        self.flat = np.empty(total, dtype)
        self.D_flat = np.zeros(total, dtype)
        self.step_flat = np.empty(total, dtype)
        self.new_flat = np.empty(total, dtype)
        self.finite = np.empty(total, bool)
        self.thetas = _views(self.flat, shapes)
        for theta, v in zip(self.thetas, values, strict=True):
            theta[...] = v
        self.D = _views(self.D_flat, shapes)
        self.steps = _views(self.step_flat, shapes)
        self.new = _views(self.new_flat, shapes)
        self.W = [t[:, 1:] for t in self.thetas]
        self.WT = [t[:, 1:].T for t in self.thetas]
        self.bias = [t[:, :1] for t in self.thetas]
        self.D_W0 = self.D[0][:, 1:]
        self.D_b0 = self.D[0][:, 0]
        # We hold the views, so their ids cannot be reused while this object lives.
        self._ids = [id(t) for t in self.thetas]
        self._D_ids = [id(g) for g in self.D]

    def __reduce__(self):
        # Copies and pickles must rebuild the views; copying them one by one would detach them.
        return (Weights, ([t.copy() for t in self.thetas], self.flat.dtype))

    def matches(self, thetas: list[np.ndarray]) -> bool:
        """Return whether ``thetas`` still holds exactly these views (nobody replaced one)."""
        return list(map(id, thetas)) == self._ids  # C-speed: this runs twice per step

    @staticmethod
    def first_bad(arrays: list[np.ndarray]) -> int:
        """Return the layer l (from 1) of the first array with a non-finite entry (0: none)."""
        return next((l for l, a in enumerate(arrays, 1) if not np.all(np.isfinite(a))), 0)

    def matches_gradients(self, D: list[np.ndarray]) -> bool:
        """Return whether ``D`` is this storage's own list of D(l) views."""
        return list(map(id, D)) == self._D_ids


def all_finite(flat: np.ndarray, scratch: np.ndarray) -> bool:
    """Return whether every entry of ``flat`` is finite (``scratch``: a bool array as long)."""
    return bool(np.logical_and.reduce(np.isfinite(flat, out=scratch)))


class Workspace:
    """Work arrays for one batch size m, feature-major (see the module docstring). With
    ``keep_z`` the hidden z(l) are kept too (in ``z``), for a g′ that needs z itself."""

    def __init__(self, m: int, sizes: Sequence[int], dtype: np.dtype,
                 keep_z: bool = False) -> None:
        self.m, self.sizes, self.dtype, self.keep_z = m, list(sizes), np.dtype(dtype), keep_z
        # ext, d and tmp of every layer are views into one buffer each, back to back, so the
        # gradient-health figures of all layers are a few calls over it (engine/lesson/health.py).
        ext_shapes = [(1 + s, m) for s in sizes[1:-1]]
        self.ext_flat = np.empty(sum(r * c for r, c in ext_shapes), dtype)
        self.ext = _views(self.ext_flat, ext_shapes)
        for e in self.ext:
            e[0] = 1.0
        self.act = [e[1:] for e in self.ext]  # a(2)..a(L−1), each (s, m), C-contiguous
        self.z = [np.empty((s, m), dtype) if keep_z else None for s in sizes[1:-1]]
        K = sizes[-1]
        self.zL = np.empty((K, m), dtype)
        self.aL = np.empty((K, m), dtype)
        self.yT = np.empty((K, m), dtype)
        self.d_flat = np.empty(sum(sizes[1:]) * m, dtype)
        self.d = _views(self.d_flat, [(s, m) for s in sizes[1:]])  # d(2)..d(L)
        self.tmp_flat = np.empty_like(self.d_flat)
        self.tmp = _views(self.tmp_flat, [(s, m) for s in sizes[1:]])
        self.tmp2 = np.empty((K, m), dtype)
        self.row = np.empty((1, m), dtype)
        self.row2 = np.empty((1, m), dtype)

    def __reduce__(self):
        return (Workspace, (self.m, self.sizes, self.dtype, self.keep_z))


# Elementwise passes over arrays larger than this go in blocks of rows that stay in the L2
# cache: the 4 passes of the sigmoid then read main memory once instead of 4 times (measured
# 1.5-2x faster on (128, 10000) float64; see benchmarks/README.md).
BLOCK_BYTES = 1 << 19


def _blocks(arr: np.ndarray) -> range | None:
    """Return the row starts for cache-sized blocks of a C-contiguous 2-D array, or None if it is
    small enough to process whole (then the Python loop would cost more than it saves)."""
    if arr.nbytes <= 2 * BLOCK_BYTES:
        return None
    return range(0, arr.shape[0], max(1, BLOCK_BYTES // (arr.shape[1] * arr.itemsize)))


def finish_hidden(out: np.ndarray, bias: np.ndarray | None, g: Activation,
                  z: np.ndarray | None = None) -> None:
    """Add ``bias`` (s, 1) if given, keep z in ``z`` if given, then apply the hidden
    activation g, in place on (s, m)."""
    starts = _blocks(out)
    if starts is None:
        if bias is not None:
            out += bias
        if z is not None:
            np.copyto(z, out)
        g.apply_inplace(out)
        return
    step = starts.step
    for r in starts:
        block = out[r:r + step]
        if bias is not None:
            block += bias[r:r + step]
        if z is not None:
            np.copyto(z[r:r + step], block)
        g.apply_inplace(block)


def times_prime(g: Activation, d: np.ndarray, a: np.ndarray, tmp: np.ndarray,
                z: np.ndarray | None = None) -> None:
    """``g.times_prime_inplace`` in cache-sized blocks of rows when the arrays are large."""
    starts = _blocks(d)
    if starts is None:
        g.times_prime_inplace(d, a, z, tmp)
        return
    step = starts.step
    for r in starts:
        g.times_prime_inplace(d[r:r + step], a[r:r + step],
                              None if z is None else z[r:r + step], tmp[r:r + step])


def forward(ws: Workspace, w: Weights, x: np.ndarray, hidden: Sequence[Activation],
            output: Activation) -> None:
    """Fill ws with z(L), a(L) and every hidden a(l) for X of shape (m, s(1)); ``hidden``
    holds g of each hidden layer 2..L−1."""
    last = len(w.thetas) - 1
    for i in range(last + 1):
        out = ws.zL if i == last else ws.act[i]
        if i == 0:
            blas.matmul(w.W[0], x.T, out=out)
            if last == 0:
                out += w.bias[0]
            else:
                finish_hidden(out, w.bias[0], hidden[0], ws.z[0])
        else:
            blas.matmul(w.thetas[i], ws.ext[i - 1], out=out)
            if i < last:
                finish_hidden(out, None, hidden[i], ws.z[i])
    aL, zL = ws.aL, ws.zL
    if output.is_softmax:
        row = ws.row
        np.maximum.reduce(zL, axis=0, keepdims=True, out=row)
        np.subtract(zL, row, out=aL)
        np.exp(aL, out=aL)
        np.add.reduce(aL, axis=0, keepdims=True, out=ws.row2)
        aL /= ws.row2
    else:
        output.apply_inplace(aL, zL)


def load_targets(ws: Workspace, y: np.ndarray) -> np.ndarray:
    """Copy Y (m, s(L)) into ws.yT, feature-major, and return it."""
    np.copyto(ws.yT, y.T)
    return ws.yT


def loss_sum(ws: Workspace, yT: np.ndarray, loss: Loss, output: Activation) -> float:
    """Return Σ over examples of the loss, from z(L) and a(L) in ``ws`` (after ``forward``)."""
    tmp = ws.tmp[-1]
    if not loss.uses_log_likelihood:  # ½ squared error
        np.subtract(ws.aL, yT, out=tmp)
        tmp *= tmp
        return 0.5 * float(tmp.sum())
    if output.is_softmax:
        # Σ y (log Σ e^z − z); ws.row holds max z and ws.row2 Σ e^(z − max) from ``forward``
        # (row2 is scratch: overwritten here).
        lse = ws.row2
        np.log(lse, out=lse)
        lse += ws.row
        np.subtract(lse, ws.zL, out=tmp)
        tmp *= yT
        return float(tmp.sum())
    # sigmoid: −[y log σ(z) + (1−y) log(1−σ(z))] = log(1 + e^z) − y z
    np.logaddexp(0.0, ws.zL, out=tmp)
    yz = ws.tmp2
    np.multiply(yT, ws.zL, out=yz)
    return float(tmp.sum()) - float(yz.sum())


def backward(ws: Workspace, w: Weights, x: np.ndarray, yT: np.ndarray, lam: float,
             hidden: Sequence[Activation], loss: Loss, output: Activation,
             lam1: float = 0.0, m: int | None = None) -> None:
    """Fill w.D with every D(l) = ∂J/∂Θ(l) (already divided by m), after ``forward``; ``lam1``
    adds L1's subgradient (λ₁/m) sign(Θ) to the non-bias columns. ``m``: the whole batch's
    size when ``ws`` holds a shard of it (engine/parallel.py; default ws.m)."""
    m = ws.m if m is None else m
    n = len(w.thetas)
    d = ws.d[-1]
    np.subtract(ws.aL, yT, out=d)
    if loss.delta_needs_g_prime:
        output.times_prime_inplace(d, ws.aL, ws.zL, ws.tmp[-1])
    d *= 1.0 / m
    for i in range(n - 1, 0, -1):
        blas.matmul(d, ws.ext[i - 1].T, out=w.D[i])
        d_prev = ws.d[i - 1]
        blas.matmul(w.WT[i], d, out=d_prev)
        times_prime(hidden[i - 1], d_prev, ws.act[i - 1], ws.tmp[i - 1], ws.z[i - 1])
        d = d_prev
    blas.matmul(d, x, out=w.D_W0)
    np.add.reduce(d, axis=1, out=w.D_b0)
    regularize(w, lam, lam1, m)


def regularize(w: Weights, lam: float, lam1: float, m: int) -> None:
    """Add (λ/m) W and (λ₁/m) sign(W) to the non-bias columns of every D(l) in ``w``."""
    if lam:
        scale = lam / m
        for D_l, W in zip(w.D, w.W, strict=True):
            D_l[:, 1:] += scale * W
    if lam1:
        scale = lam1 / m
        for D_l, W in zip(w.D, w.W, strict=True):
            D_l[:, 1:] += scale * np.sign(W)


class StepArrays(NamedTuple):
    """One full-batch pass's arrays, lent between ``backward`` and the update (the next pass
    overwrites them: read, never keep). Θ and D are the storage's own (D with λ and λ₁,
    divided by m); ``d[i]`` is d(i+2)/m and ``a[i]``, ``z[i]`` (None unless kept) the hidden
    layer i+2's, all (s, m); ``tmp[i]`` is scratch shaped like ``d[i]``. ``theta_flat`` and
    ``D_flat`` hold every layer back to back, layer l from ``starts[l-1]``; ``d_flat`` and
    ``tmp_flat`` every d and tmp, ``ext_flat`` every hidden [1; a] (1 + s, m), back to back;
    ``aL`` is a(L), (s(L), m)."""

    # Immutable like a frozen dataclass, and 10× faster to make (4 µs less per recorded epoch).

    m: int
    thetas: list[np.ndarray]
    D: list[np.ndarray]
    theta_flat: np.ndarray
    D_flat: np.ndarray
    starts: list[int]
    d: list[np.ndarray]
    a: list[np.ndarray]
    z: list[np.ndarray | None]
    tmp: list[np.ndarray]
    d_flat: np.ndarray
    tmp_flat: np.ndarray
    ext_flat: np.ndarray
    aL: np.ndarray


def step_arrays(ws: Workspace, w: Weights) -> StepArrays:
    """Return ``ws`` and ``w`` after ``backward`` as a ``StepArrays``."""
    starts = list(accumulate((r * c for r, c in w.shapes[:-1]), initial=0))  # (np.cumsum: 5 µs)
    return StepArrays(ws.m, w.thetas, w.D, w.flat, w.D_flat, starts, ws.d, ws.act, ws.z,
                      ws.tmp, ws.d_flat, ws.tmp_flat, ws.ext_flat, ws.aL)
