"""The loss landscape on a plane of weight space, with the training path drawn on it.

A plane is θ(u, v) = θ₀ + u·d₁ + v·d₂ through the weights θ₀ of the moment, over the flat
vector of every weight (Θ(1) row by row, then Θ(2), …: ``flatten``). Three kinds of plane, the
last two as in Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets":

- ``weights``: d₁ and d₂ pick out two weights Θ(l)[i, j] (named as in the Θ CSV export), so the
  axes are those weights' own values and J goes through engine.lesson.landscape's shortcut;
- ``random``: two Gaussian directions, filter-normalized: each neuron's incoming weights (a row
  of Θ(l) without its bias) are scaled to the norm of that neuron's weights in θ₀, and the bias
  entries are 0 (Li et al.'s filter normalization with biases ignored), so u = 1 changes every
  neuron's weights by as much as they are long;
- ``pca``: the two main directions of the recorded training path (the principal components of
  θₜ − θ₀ over its points), which hold most of where training went.

``GridJob`` evaluates J over a K×K grid of a plane in pieces (``run(seconds)``), so a window can
keep drawing meanwhile; every piece is one batched forward pass of all its grid points. Shapes: a
flat weight vector (n,); a path (k, n); a grid's ``J`` (K, K) with ``J[a, b]`` at (``u[a]``,
``v[b]``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.lesson.health import activation_of
from engine.lesson.landscape import (
    CHUNK_ELEMENTS,
    WeightRef,
    _loss_sums,
    batched_costs,
    check_weight,
)
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network

KINDS = ("weights", "random", "pca")
PLANE_ROWS = 8192           # examples × grid points per piece of a plane of directions


def flatten(thetas: Sequence[np.ndarray]) -> np.ndarray:
    """Return every weight in one vector (n,): Θ(1) row by row, then Θ(2), …"""
    return np.concatenate([np.asarray(t, dtype=float).ravel() for t in thetas])


def unflatten(flat: np.ndarray, shapes: Sequence[tuple[int, int]]) -> list[np.ndarray]:
    """Return ``flat`` cut into matrices of ``shapes`` (views)."""
    out, start = [], 0
    for r, c in shapes:
        out.append(flat[start:start + r * c].reshape(r, c))
        start += r * c
    return out


def _index(shapes: Sequence[tuple[int, int]], ref: WeightRef) -> int:
    """Return the place of Θ(l)[i, j] in the flat vector."""
    return sum(r * c for r, c in shapes[:ref.l - 1]) + (ref.i - 1) * shapes[ref.l - 1][1] + ref.j


@dataclass(frozen=True)
class Plane:
    """θ₀ + u·d₁ + v·d₂; ``origin`` is what the axes read at the centre (the two weights'
    values for ``weights``, else (0, 0)); ``refs`` the two weights (``weights`` only);
    ``explained`` the path's variance share along d₁, d₂ (``pca`` only)."""

    kind: str
    centre: np.ndarray
    d1: np.ndarray
    d2: np.ndarray
    shapes: tuple[tuple[int, int], ...]
    origin: tuple[float, float] = (0.0, 0.0)
    refs: tuple[WeightRef, WeightRef] | None = None
    explained: tuple[float, float] | None = None

    def coordinates(self, points: np.ndarray) -> np.ndarray:
        """Return the axes' (x, y) of flat weight vectors ``points`` (k, n) projected on the
        plane (least squares: the nearest point of the plane), shape (k, 2)."""
        diff = np.atleast_2d(np.asarray(points, dtype=float)) - self.centre
        basis = np.column_stack([self.d1, self.d2])
        uv = np.linalg.lstsq(basis, diff.T, rcond=None)[0].T
        return uv + np.asarray(self.origin)


def weight_plane(network: Network, first: WeightRef, second: WeightRef) -> Plane:
    """Return the plane of two weights through the network's current weights."""
    check_weight(network, first)
    check_weight(network, second)
    if first == second:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the landscape needs two different weights, got {w} twice"), w=str(first))
    shapes = tuple(t.shape for t in network.thetas)
    centre = flatten(network.thetas)
    d1, d2 = np.zeros_like(centre), np.zeros_like(centre)
    k1, k2 = _index(shapes, first), _index(shapes, second)
    d1[k1] = d2[k2] = 1.0
    return Plane("weights", centre, d1, d2, shapes, (float(centre[k1]), float(centre[k2])),
                 (first, second))


def filter_normalized(thetas: Sequence[np.ndarray], rng: np.random.Generator) -> np.ndarray:
    """Return a Gaussian direction (n,) with each row's non-bias part scaled to the norm of the
    same row of ``thetas`` and every bias entry 0 (Li et al. 2018's filter normalization)."""
    parts = []
    for theta in thetas:
        d = rng.standard_normal(theta.shape)
        d[:, 0] = 0.0
        w = np.linalg.norm(theta[:, 1:], axis=1, keepdims=True)
        n = np.linalg.norm(d[:, 1:], axis=1, keepdims=True)
        d[:, 1:] *= np.divide(w, n, out=np.zeros_like(w), where=n > 0)
        parts.append(d)
    return flatten(parts)


def random_plane(network: Network, rng: np.random.Generator) -> Plane:
    """Return the plane of two filter-normalized random directions through the current weights."""
    thetas = network.thetas
    return Plane("random", flatten(thetas), filter_normalized(thetas, rng),
                 filter_normalized(thetas, rng), tuple(t.shape for t in thetas))


def pca_plane(network: Network, path: np.ndarray) -> Plane:
    """Return the plane of the two main directions of ``path`` (k, n) through the current
    weights; d₁ points from where the path began towards where it is now."""
    centre = flatten(network.thetas)
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != centre.size:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the path must hold points of {n} weights, got shape {shape}"),
            n=centre.size, shape=tuple(path.shape))
    diff = path - centre
    spread = diff - diff.mean(axis=0)
    if path.shape[0] < 3:
        s = np.zeros(2)
    else:
        _u, s, vt = np.linalg.svd(spread, full_matrices=False)
    if s.size < 2 or not s[1] > 1e-12 * max(1.0, s[0]):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the main directions need a training path of at least 3 recorded epochs "
                      "that does not run along one line; train a little first"))
    d1, d2 = vt[0].copy(), vt[1].copy()
    if np.dot(diff[0], d1) > 0:        # the start on the left, so training runs rightwards
        d1 = -d1
    if np.dot(diff[0], d2) > 0:
        d2 = -d2
    share = s ** 2 / float(np.sum(s ** 2))
    return Plane("pca", centre, d1, d2, tuple(t.shape for t in network.thetas),
                 explained=(float(share[0]), float(share[1])))


def plane_costs(network: Network, x: np.ndarray, y: np.ndarray, plane: Plane, u: np.ndarray,
                v: np.ndarray, lam: float = 0.0, lam1: float = 0.0) -> np.ndarray:
    """Return J (P,) at θ₀ + u[p]·d₁ + v[p]·d₂ for checked data x (m, s(1)), y (m, s(L));
    ``network`` holds θ₀ and is not changed. J with λ (and λ₁), bias columns excluded."""
    u, v = np.asarray(u, dtype=float).ravel(), np.asarray(v, dtype=float).ravel()
    if plane.refs is not None:
        return batched_costs(network, x, y, plane.refs, np.column_stack([u, v]), lam, lam1)
    thetas, m, P = network.thetas, x.shape[0], u.size
    D1, D2 = unflatten(plane.d1, plane.shapes), unflatten(plane.d2, plane.shapes)
    uu, vv = u[:, None], v[:, None]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        # Feature-major, as the fast path: a (s(l), P·m), column p·m + t for point p, example
        # t, so every elementwise step below runs along m contiguous numbers.
        a = x.T
        for l, (theta, e1, e2) in enumerate(zip(thetas, D1, D2, strict=True), start=1):
            s_out = theta.shape[0]
            # Θ + u·D₁ + v·D₂ is linear in u and v: one product with [Θ; D₁; D₂] serves every
            # point, instead of one product per point.
            stacked = np.concatenate([theta, e1, e2])                 # (3 s', 1 + s)
            parts = stacked[:, 1:] @ a                                # (3 s', m or P·m)
            parts += stacked[:, :1]
            # Θ's, D₁'s and D₂'s part of z, each (s', 1 or P, m): one for layer 1, whose
            # inputs are the same at every point
            base, along1, along2 = parts.reshape(3, s_out, -1, m)
            z = uu * along1                                           # (s', P, m)
            z += base
            z += vv * along2
            a = activation_of(network, l + 1).g(z).reshape(s_out, P * m)
        z, a = z.transpose(1, 2, 0), a.reshape(-1, P, m).transpose(1, 2, 0)     # (P, m, K)
        out = _loss_sums(network, z, a, y) / m
        t, e1, e2 = (np.concatenate([w[:, 1:].ravel() for w in unflatten(f, plane.shapes)])
                     for f in (plane.centre, plane.d1, plane.d2))
        if lam:       # Σ (θ + u d₁ + v d₂)² over non-bias weights, a quadratic in u and v
            out += lam / (2 * m) * (t @ t + 2 * u * (t @ e1) + 2 * v * (t @ e2)
                                    + u * u * (e1 @ e1) + 2 * u * v * (e1 @ e2)
                                    + v * v * (e2 @ e2))
        if lam1:
            out += lam1 / m * np.abs(t + u[:, None] * e1 + v[:, None] * e2).sum(axis=1)
    return out


@dataclass(frozen=True)
class PlaneGrid:
    """J over the grid: ``u`` (K,) and ``v`` (K,) the steps along d₁ and d₂, ``J`` (K, K)."""

    plane: Plane
    u: np.ndarray
    v: np.ndarray
    J: np.ndarray

    @property
    def x(self) -> np.ndarray:
        """Return the first axis' values (a weight's value, or u)."""
        return self.plane.origin[0] + self.u

    @property
    def y(self) -> np.ndarray:
        """Return the second axis' values."""
        return self.plane.origin[1] + self.v

    @property
    def centre_J(self) -> float:
        """Return J at the grid's centre, the weights the plane goes through."""
        return float(self.J[self.u.size // 2, self.v.size // 2])


def grid_axis(span: float, steps: int) -> np.ndarray:
    """Return ``steps`` values evenly over [−span, span], the middle one exactly 0 (odd steps)."""
    if not (math.isfinite(span) and span > 0):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the landscape's span must be a positive number, got {span!r}"), span=span)
    if not 3 <= steps <= 1001 or steps % 2 == 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the landscape needs an odd number of steps 3..1001, got {steps}"),
            steps=steps)
    axis = np.linspace(-span, span, steps)
    axis[steps // 2] = 0.0
    return axis


class GridJob:
    """J over ``u`` × ``v`` of ``plane``, evaluated a piece at a time.

    The job keeps its own copy of the weights θ₀ and of the data, so training may go on while it
    runs. ``run(seconds)`` evaluates whole pieces until about ``seconds`` have passed (at least
    one piece) and returns the share done; ``grid()`` is the result once ``done``.
    """

    def __init__(self, network: Network, X: np.ndarray, Y: np.ndarray, plane: Plane,
                 u: np.ndarray, v: np.ndarray, lam: float = 0.0, lam1: float = 0.0) -> None:
        self.network = Network.from_thetas(unflatten(plane.centre, plane.shapes),
                                           network.activation, network.output,
                                           network.loss_name)
        self.x, self.y = (np.array(a) for a in self.network.prepare(X, Y))
        self.plane, self.u, self.v = plane, np.asarray(u, float), np.asarray(v, float)
        self.lam, self.lam1 = float(lam), float(lam1)
        self._uu = np.repeat(self.u, self.v.size)
        self._vv = np.tile(self.v, self.u.size)
        self._J = np.empty(self._uu.size)
        self._next = 0
        m = self.x.shape[0]
        # Pieces of directions keep the products at about PLANE_ROWS rows: a small product
        # stays on one thread and in cache, where a large one on a busy 2-core machine waited
        # for its second thread (61×61 on XOR: 2.5 s in pieces of 1092 points, 0.4 s in 48).
        self.piece = (max(1, CHUNK_ELEMENTS // (m * max(self.network.layer_sizes)))
                      if plane.refs is not None else max(1, PLANE_ROWS // m))
        self.seconds = 0.0          # spent evaluating so far

    @property
    def done(self) -> bool:
        """Return whether every grid point has its J."""
        return self._next >= self._J.size

    @property
    def share(self) -> float:
        """Return the share of grid points evaluated."""
        return self._next / self._J.size

    def run(self, seconds: float) -> float:
        """Evaluate pieces for about ``seconds`` (at least one) and return the share done."""
        t0 = time.perf_counter()
        while not self.done:
            stop = min(self._J.size, self._next + self.piece)
            self._J[self._next:stop] = plane_costs(
                self.network, self.x, self.y, self.plane, self._uu[self._next:stop],
                self._vv[self._next:stop], self.lam, self.lam1)
            self._next = stop
            if time.perf_counter() - t0 >= seconds:
                break
        self.seconds += time.perf_counter() - t0
        return self.share

    def grid(self) -> PlaneGrid:
        """Return the finished grid (raise ValueError while points are missing)."""
        if not self.done:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "the grid is {share} % evaluated; run() the rest first"),
                share=round(100 * self.share))
        return PlaneGrid(self.plane, self.u, self.v,
                         self._J.reshape(self.u.size, self.v.size).copy())


class WeightPath:
    """The training path: the flat weights at the epochs recorded, in bounded memory.

    When ``capacity`` points are held, every other one goes (the first and the newest stay), so a
    long run keeps its whole shape. An epoch at or before the newest (a rollback, a reset)
    drops the points from that epoch on before it is added.
    """

    def __init__(self, capacity: int = 1024) -> None:
        if capacity < 4:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "the path's capacity must be at least 4 points, got {capacity}"),
                capacity=capacity)
        self.capacity = capacity
        self.clear()

    def clear(self) -> None:
        """Forget every point."""
        self._epochs: list[int] = []
        self._points: list[np.ndarray] = []

    def __len__(self) -> int:
        """Return the number of points held."""
        return len(self._epochs)

    def record(self, epoch: int, thetas: Sequence[np.ndarray]) -> None:
        """Add the weights ``thetas`` at ``epoch`` (a different network size starts afresh)."""
        flat = flatten(thetas)
        if self._points and self._points[-1].size != flat.size:
            self.clear()
        while self._epochs and self._epochs[-1] >= epoch:
            self._epochs.pop()
            self._points.pop()
        self._epochs.append(int(epoch))
        self._points.append(flat)
        if len(self._epochs) > self.capacity:
            keep = list(range(0, len(self._epochs) - 1, 2)) + [len(self._epochs) - 1]
            self._epochs = [self._epochs[k] for k in keep]
            self._points = [self._points[k] for k in keep]

    def on_epoch(self, trainer: Any, epoch: int) -> None:
        """Record the trainer's weights at ``epoch`` (the trainer calls this on the loss
        history's stride, and before it trains)."""
        self.record(epoch, trainer.network.thetas)

    def epochs(self) -> np.ndarray:
        """Return the recorded epochs (k,)."""
        return np.array(self._epochs, dtype=np.int64)

    def points(self) -> np.ndarray:
        """Return the recorded weights (k, n) (empty (0, 0) before any)."""
        return np.array(self._points) if self._points else np.zeros((0, 0))


def fitted_span(plane: Plane, points: np.ndarray, minimum: float, margin: float = 1.15
                ) -> tuple[float, float]:
    """Return the half-widths along each axis that hold every point of ``points`` (k, n)
    projected on ``plane`` (with ``margin``), and at least ``minimum``."""
    if len(points) == 0:
        return minimum, minimum
    reach = np.abs(plane.coordinates(points) - np.asarray(plane.origin)).max(axis=0) * margin
    return float(max(minimum, reach[0])), float(max(minimum, reach[1]))
