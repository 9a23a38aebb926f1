"""The loss landscape: the cost J over a grid of two weights, everything else held where it is.

Two weights are named as in the Θ CSV export: Θ(l)[i, j] with l and i counted from 1 and j from 0
(j = 0 the bias column). ``landscape`` evaluates J (with λ, over the given examples) at every
point of a K×K grid θ₁ + u, θ₂ + v, u and v running over K evenly spaced values in [−S, S].

All K² settings go through one batched forward pass: changing Θ(l)[i, j] by δ only adds
δ·[1; a(l)]_j to unit i of z(l+1), so the layers before the first chosen weight are computed once,
and from there on each layer is one (P·m, s) product for the P grid points of a chunk (chunks
keep the work arrays near ``CHUNK_ELEMENTS``). Shapes: X (m, s(1)), Y (m, s(L)); ``J`` (K, K) with
``J[a, b]`` at (``w1[a]``, ``w2[b]``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engine.lesson.health import activation_of
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network

CHUNK_ELEMENTS = 1 << 21        # ≈ 16 MB of float64 per work array
MAX_STEPS = 1001


@dataclass(frozen=True)
class WeightRef:
    """Θ(l)[i, j] as the Θ CSV export names it: l and i from 1, j from 0 (the bias column)."""

    l: int
    i: int
    j: int

    def __str__(self) -> str:
        return f"Θ({self.l})[{self.i}, {self.j}]"


@dataclass(frozen=True)
class Landscape:
    """J over the grid: ``w1`` (K,), ``w2`` (K,) the weights' values, ``J`` (K, K)."""

    first: WeightRef
    second: WeightRef
    w1: np.ndarray
    w2: np.ndarray
    J: np.ndarray

    def rows(self) -> list[tuple[float, float, float]]:
        """Return (w1, w2, J) for every grid point, w1 the slower-changing one."""
        return [(float(a), float(b), float(self.J[p, q]))
                for p, a in enumerate(self.w1) for q, b in enumerate(self.w2)]


def check_weight(network: Network, ref: WeightRef) -> WeightRef:
    """Return ``ref`` if it names a weight of ``network``; else raise ValueError naming the
    layer sizes and the ranges l, i and j may take."""
    sizes = network.layer_sizes
    n = len(sizes) - 1
    ok = 1 <= ref.l <= n and 1 <= ref.i <= sizes[ref.l] and 0 <= ref.j <= sizes[ref.l - 1]
    if not 1 <= ref.l <= n:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "weight l,i,j = {l},{i},{j} is not in the network {sizes}: "
                      "l must be 1..{last}"),
            l=ref.l, i=ref.i, j=ref.j, sizes="-".join(map(str, sizes)), last=n)
    if not ok:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "weight l,i,j = {l},{i},{j} is not in the network {sizes}: Θ({l}) has "
                      "i 1..{rows} and j 0..{cols} (j = 0 is the bias)"),
            l=ref.l, i=ref.i, j=ref.j, sizes="-".join(map(str, sizes)),
            rows=sizes[ref.l], cols=sizes[ref.l - 1])
    return ref


def _loss_sums(network: Network, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return Σ over examples of the loss for each grid point: z, a (P, m, K), y (m, K)."""
    # The formulas of engine.losses (as the fast path's loss_sum writes them too), summed per
    # point over all of them at once: calling the loss once per point took a third of a grid.
    loss = network.loss
    if not loss.uses_log_likelihood:                        # ½ Σ (a − y)²
        diff = a - y
        return 0.5 * np.einsum("pmk,pmk->p", diff, diff)
    if loss.output.is_softmax:                              # Σ y (log Σ e^z − z)
        zmax = np.max(z, axis=-1, keepdims=True)
        lse = zmax + np.log(np.sum(np.exp(z - zmax), axis=-1, keepdims=True))
        return np.sum(y * (lse - z), axis=(1, 2))
    return np.sum(np.logaddexp(0.0, z) - y * z, axis=(1, 2))  # −[y log σ + (1−y) log(1−σ)]


def batched_costs(network: Network, X: np.ndarray, Y: np.ndarray, refs: Sequence[WeightRef],
                  offsets: np.ndarray, lam: float = 0.0, lam1: float = 0.0) -> np.ndarray:
    """Return J (P,) for P weight settings: setting p adds ``offsets[p, k]`` to weight
    ``refs[k]`` of ``network`` (which is not changed); J with λ (and λ₁) over (X, Y)."""
    x, y = network.prepare(X, Y)
    refs = [check_weight(network, r) for r in refs]
    offsets = np.asarray(offsets, dtype=float).reshape(-1, len(refs))
    thetas, m = network.thetas, x.shape[0]
    first = min(r.l for r in refs)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        a = x          # the layers before the first chosen weight are the same for every point
        for l in range(1, first):
            a = activation_of(network, l + 1).g(a @ thetas[l - 1][:, 1:].T + thetas[l - 1][:, 0])
        reg = sum(float(np.einsum("ij,ij->", t[:, 1:], t[:, 1:])) for t in thetas)
        out = np.empty(offsets.shape[0])
        chunk = max(1, CHUNK_ELEMENTS // (m * max(network.layer_sizes)))
        for start in range(0, offsets.shape[0], chunk):
            part = offsets[start:start + chunk]
            out[start:start + chunk] = _chunk_costs(network, a, y, first, refs, part)
        if lam:                             # λ/(2m) Σ Θ², bias column excluded
            for k, r in enumerate(refs):
                if r.j:
                    theta = thetas[r.l - 1][r.i - 1, r.j]
                    out += lam / (2 * m) * ((theta + offsets[:, k]) ** 2 - theta ** 2)
            out += lam / (2 * m) * reg
        if lam1:                            # λ₁/m Σ |Θ|, bias column excluded
            for k, r in enumerate(refs):
                if r.j:
                    theta = thetas[r.l - 1][r.i - 1, r.j]
                    out += lam1 / m * (np.abs(theta + offsets[:, k]) - abs(theta))
            out += lam1 / m * sum(float(np.abs(t[:, 1:]).sum()) for t in thetas)
    return out


def _chunk_costs(network: Network, a_first: np.ndarray, y: np.ndarray, first: int,
                 refs: Sequence[WeightRef], part: np.ndarray) -> np.ndarray:
    """Return the mean loss for the grid points ``part`` (P, len(refs)), from a(first)."""
    thetas, L = network.thetas, network.L
    P, m = part.shape[0], a_first.shape[0]

    def column(a: np.ndarray, j: int) -> np.ndarray:      # [1; a]_j: (m,) or (P, m)
        return np.ones(m) if j == 0 else a[..., j - 1]

    theta = thetas[first - 1]
    z = a_first @ theta[:, 1:].T + theta[:, 0]             # z(first + 1), the same for all points
    here = [(k, r) for k, r in enumerate(refs) if r.l == first]
    if first + 1 < L:
        # Only the chosen units of layer first + 1 differ between the points: activate just
        # those columns per point, and pass their change on to the next layer as a product.
        units = sorted({r.i - 1 for _k, r in here})
        z_units = np.repeat(z[None][:, :, units], P, axis=0)            # (P, m, u)
        for k, r in here:
            z_units[:, :, units.index(r.i - 1)] += part[:, k, None] * column(a_first, r.j)
        g = activation_of(network, first + 1)
        a_base, a_units = g.g(z), g.g(z_units)
        theta = thetas[first]
        z = ((a_units - a_base[:, units]) @ theta[:, [1 + u for u in units]].T
             + (a_base @ theta[:, 1:].T + theta[:, 0]))                 # z(first + 2), (P, m, s)
        for k, r in enumerate(refs):
            if r.l == first + 1:
                unit = r.j - 1
                col = (a_units[:, :, units.index(unit)] if unit in units
                       else column(a_base, r.j))
                z[:, :, r.i - 1] += part[:, k, None] * col
        done = first + 1
    else:
        z = np.repeat(z[None], P, axis=0)
        for k, r in here:
            z[:, :, r.i - 1] += part[:, k, None] * column(a_first, r.j)
        done = first
    for l in range(done + 1, L):
        a = activation_of(network, l).g(z)                              # a(l), (P, m, s(l))
        theta = thetas[l - 1]
        # One 2-D product for all points: numpy's stacked matmul is slow on small s.
        z = (a.reshape(-1, a.shape[-1]) @ theta[:, 1:].T).reshape(P, m, -1)
        z += theta[:, 0]
        for k, r in enumerate(refs):
            if r.l == l:
                z[:, :, r.i - 1] += part[:, k, None] * column(a, r.j)
    return _loss_sums(network, z, activation_of(network, L).g(z), y) / m


def landscape(network: Network, X: np.ndarray, Y: np.ndarray, first: WeightRef,
              second: WeightRef, span: float, steps: int, lam: float = 0.0,
              progress: Callable[[float], None] | None = None, lam1: float = 0.0) -> Landscape:
    """Return J over the ``steps``×``steps`` grid of the two weights ± ``span`` around their
    current values (everything else fixed). ``progress`` hears the share done, per row of w1."""
    check_weight(network, first)
    check_weight(network, second)
    if first == second:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the landscape needs two different weights, got {w} twice"), w=str(first))
    if not (math.isfinite(span) and span > 0):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the landscape's span must be a positive number, got {span!r}"), span=span)
    if not 2 <= steps <= MAX_STEPS:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the landscape needs 2..{most} steps per side, got {steps}"),
            most=MAX_STEPS, steps=steps)
    u = np.linspace(-span, span, steps)
    if steps % 2:
        u[steps // 2] = 0.0                     # the centre is exactly the current weights
    J = np.empty((steps, steps))
    # Rows of w1 in blocks, so a long evaluation can report progress between them.
    block = max(1, CHUNK_ELEMENTS // (steps * max(1, X.shape[0]) * max(network.layer_sizes)))
    for r0 in range(0, steps, block):
        rows = u[r0:r0 + block]
        offsets = np.column_stack([np.repeat(rows, steps), np.tile(u, rows.size)])
        J[r0:r0 + rows.size] = batched_costs(network, X, Y, (first, second), offsets,
                                             lam, lam1).reshape(rows.size, steps)
        if progress is not None:
            progress(min(1.0, (r0 + rows.size) / steps))
    t1 = network.thetas[first.l - 1][first.i - 1, first.j]
    t2 = network.thetas[second.l - 1][second.i - 1, second.j]
    return Landscape(first, second, t1 + u, t2 + u, J)
