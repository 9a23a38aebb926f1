"""The grid over the plane that a 2-D decision boundary and each neuron's map are drawn on, and a
layer's outputs over it.

Shapes: points (ny·nx, 2), row-major from the bottom-left corner; maps (ny, nx); a layer's maps
(s(l), ny, nx).

The grid is over the *raw* plane (x1, x2). What the network takes as input at a point is
``network_inputs(points)``: the identity today; input features beyond x1, x2 (x1², x1·x2, sin x1,
…) are one function of that shape, handed in wherever a grid meets the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine.features import FeatureSet
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network

# Turn raw plane points (N, 2) into the network's inputs (N, s(1)).
FeatureMap = Callable[[np.ndarray], np.ndarray]


def network_inputs(points: np.ndarray) -> np.ndarray:
    """Return the network's inputs (N, s(1)) at raw plane points (N, 2): the points themselves,
    while the inputs are x1 and x2."""
    return points


@dataclass(frozen=True)
class Grid:
    """A regular grid over a rectangle of the plane: ``points`` (ny·nx, 2), row-major from the
    bottom-left corner, so ``values.reshape(ny, nx)`` puts y on the first axis."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    nx: int
    ny: int
    points: np.ndarray


def grid_around(X: np.ndarray, resolution: int = 80, margin: float = 0.15) -> Grid:
    """Return a ``resolution``×``resolution`` grid covering the 2-D points X (m, 2) plus a
    ``margin`` (fraction of the span) on every side."""
    x = np.asarray(X, dtype=float)
    if x.ndim != 2 or x.shape[1] != 2 or x.shape[0] == 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "a boundary grid needs points of shape (m, 2), got {shape}"), shape=x.shape)
    if resolution < 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "grid resolution must be at least 2, got {resolution}"),
            resolution=resolution)
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    pad = np.maximum(span * margin, 0.1)
    lo, hi = lo - pad, hi + pad
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    gx, gy = np.meshgrid(xs, ys)
    points = np.c_[gx.ravel(), gy.ravel()]
    return Grid((float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1])), resolution,
                resolution, points)


def grid_over(x_range: tuple[float, float], y_range: tuple[float, float],
              resolution: int = 80) -> Grid:
    """Return a grid covering exactly the rectangle ``x_range`` × ``y_range``, with
    ``resolution`` points along its longer side and square cells."""
    (x0, x1), (y0, y1) = x_range, y_range
    if not (np.isfinite([x0, x1, y0, y1]).all() and x1 > x0 and y1 > y0):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "a grid needs a finite rectangle, got x {x}, y {y}"), x=x_range, y=y_range)
    if resolution < 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "grid resolution must be at least 2, got {resolution}"),
            resolution=resolution)
    w, h = x1 - x0, y1 - y0
    nx = max(2, round(resolution * min(1.0, w / h)))
    ny = max(2, round(resolution * min(1.0, h / w)))
    gx, gy = np.meshgrid(np.linspace(x0, x1, nx), np.linspace(y0, y1, ny))
    return Grid((float(x0), float(x1)), (float(y0), float(y1)), nx, ny,
                np.c_[gx.ravel(), gy.ravel()])


def layer_outputs_on(net: Network, grid: Grid, layer: int, index: int,
                     features: FeatureSet | None = None) -> np.ndarray:
    """Return a_index(layer) (layer numbered from 1, as in the notes) over the grid, shape (ny, nx),
    the grid's points fed through ``features`` (``engine.features``) if given.

    Layer 1 is the input itself: its map is the coordinate x1 or x2, or the feature (x₁², …).
    """
    if not 1 <= layer <= net.L:
        raise EngineValueError(QT_TRANSLATE_NOOP("Engine", "layer must be 1..{last}, got {layer}"),
                               last=net.L, layer=layer)
    size = net.layer_sizes[layer - 1]
    if not 0 <= index < size:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "layer {layer} has {size} units; index {index} is outside 0..{last}"),
            layer=layer, size=size, index=index, last=size - 1)
    points = grid.points if features is None else features.apply(grid.points)
    a = net.forward(points).a[layer - 1]
    return a[:, index].reshape(grid.ny, grid.nx)


def unit_maps(net: Network, grid: Grid,
              features: FeatureMap = network_inputs) -> list[np.ndarray]:
    """Return every unit's output over the grid from one batched forward pass: entry l − 1 holds
    a(l) of layer l as maps of shape (s(l), ny, nx), layer 1 (the inputs) included.

    Weights on their way to divergence give huge or non-finite outputs: they come back clipped
    to ±1e6 and finite, so colouring them never fails."""
    inputs = np.asarray(features(grid.points), dtype=float)
    if inputs.ndim != 2 or inputs.shape != (grid.points.shape[0], net.layer_sizes[0]):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the plane's points became network inputs of shape {shape}; the network "
            "takes {n} inputs per point"), shape=inputs.shape, n=net.layer_sizes[0])
    with np.errstate(over="ignore", invalid="ignore"):
        acts = net.forward(inputs).a
    return [np.clip(np.nan_to_num(a, nan=0.0), -1e6, 1e6).T.reshape(a.shape[1], grid.ny, grid.nx)
            for a in acts]
