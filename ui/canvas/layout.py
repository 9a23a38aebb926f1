"""Where the network canvas puts things: pure geometry from layer sizes and a viewport size.

Layers are columns from left to right; each non-output layer's bias unit "+1" sits at the top of
its column, on one shared row, and the neurons are centred below it. Layers too tall for the
viewport are drawn compact (small dots, no labels). Everything here is numpy, so a resize only
moves existing items.

How a layer and a weight matrix are drawn is decided here, by size alone (``layer_kind``,
``theta_kind``): a layer of at most ``WIDE_LAYER`` neurons is a column of circles, a wider one a
column of cells (or, for a square input layer, the image it is), and Θ(l) is drawn as edges
between two circle columns but as a heat map next to a wide layer, where hundreds of lines
would be a tangle. A network with no wide layer is laid out exactly as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

COMPACT_RADIUS = 8.0   # below this radius a neuron has no room for a value label
# A cell this tall (px) holds its value in a ≥ 9 px font; shorter cells are strips.
VALUE_CELL_HEIGHT = 11.5
WIDE_LAYER = 8         # more neurons than this: a layer of cells, not circles
Rect = tuple[float, float, float, float]    # x, y, width, height


def layer_kind(n: int, first: bool) -> str:
    """Return how a layer of ``n`` neurons is drawn: "circles", "cells" or, for a square input
    layer (``first``) of more than ``WIDE_LAYER`` inputs, "image" (64 inputs: an 8×8 image)."""
    if n <= WIDE_LAYER:
        return "circles"
    side = math.isqrt(n)
    return "image" if first and side * side == n else "cells"


def layer_kinds(sizes: Sequence[int]) -> tuple[str, ...]:
    """Return ``layer_kind`` of every layer of ``sizes`` (s(1), …, s(L))."""
    return tuple(layer_kind(int(n), k == 0) for k, n in enumerate(sizes))


def theta_kind(sizes: Sequence[int], l: int) -> str:
    """Return how Θ(l) is drawn: "edges" between two circle columns, else "heatmap"."""
    kinds = layer_kinds(sizes)
    return "edges" if kinds[l - 1] == kinds[l] == "circles" else "heatmap"


@dataclass(frozen=True)
class Layout:
    """Positions in scene coordinates for a network of ``sizes`` (s(1), …, s(L)).

    ``neurons[k]`` is (s(k+1), 2) neuron centres of layer k+1; ``bias[k]`` the (2,) centre of its
    "+1" unit (None for the output layer); ``radius[k]`` its neuron radius; ``bias_half`` half
    the side of a bias square; ``caption_y`` the top of the captions under the columns.
    ``kinds[k]`` is ``layer_kind`` of layer k+1 and ``cell[k]`` the (width, height) of one of its
    cells or pixels; ``heat[l-1]`` the rectangle of Θ(l)'s heat map (None: drawn as edges).
    """

    sizes: tuple[int, ...]
    x: np.ndarray
    neurons: tuple[np.ndarray, ...]
    bias: tuple[np.ndarray | None, ...]
    radius: tuple[float, ...]
    bias_half: float
    caption_y: float
    width: float
    height: float
    kinds: tuple[str, ...] = ()
    cell: tuple[tuple[float, float], ...] = ()
    heat: tuple[Rect | None, ...] = field(default=())

    def kind(self, layer: int) -> str:
        """Return how layer ``layer`` (1-based) is drawn: "circles", "cells" or "image"."""
        return self.kinds[layer - 1] if self.kinds else "circles"

    def compact(self, layer: int) -> bool:
        """Return whether layer ``layer`` (1-based) is drawn as small dots without labels."""
        return self.radius[layer - 1] < COMPACT_RADIUS

    def sources(self, l: int) -> np.ndarray:
        """Return the (1 + s(l), 2) start points of Θ(l)'s columns: the bias unit, then neurons."""
        return np.vstack([self.bias[l - 1][None, :], self.neurons[l - 1]])

    def targets(self, l: int) -> np.ndarray:
        """Return the (s(l+1), 2) end points of Θ(l)'s rows: the neurons of layer l+1."""
        return self.neurons[l]


# The smallest area (px) a layout is made for; a smaller view would cut the drawing off.
MIN_WIDTH, MIN_HEIGHT = 200.0, 160.0


def compute_layout(sizes: list[int] | tuple[int, ...], width: float, height: float,
                   scale: float = 1.0) -> Layout:
    """Return the layout of ``sizes`` in a ``width`` × ``height`` area at presenter ``scale``."""
    sizes = tuple(int(s) for s in sizes)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"a network needs at least two layers of ≥ 1 neuron, got {list(sizes)}")
    width, height = max(float(width), MIN_WIDTH), max(float(height), MIN_HEIGHT)
    kinds = layer_kinds(sizes)
    if any(k != "circles" for k in kinds):
        return _wide_layout(sizes, kinds, width, height, scale)
    L = len(sizes)
    # Margins and node size shrink in a small view (or a big presenter scale) rather than
    # letting columns collide.
    margin_l = min(80.0 * scale, 0.13 * width)    # input captions and an input image
    margin_r = min(118.0 * scale, 0.22 * width)   # output d labels, right of the neurons
    gap = (width - margin_l - margin_r) / (L - 1)
    top = 14.0 * scale
    caption_h = 44.0 * scale
    max_r = min(24.0 * scale, 0.16 * gap)
    bias_half = min(15.0 * scale, max(6.0, height * 0.035), 0.12 * gap)
    x = margin_l + np.arange(L) * gap
    bias_y = top + bias_half
    col_top = bias_y + bias_half + 10.0 * scale    # neurons start below the "+1" row
    col_bottom = height - caption_h
    avail = max(col_bottom - col_top, 40.0)
    neurons, bias, radius = [], [], []
    spacings = [min(3.5 * max_r, avail / n) for n in sizes]
    block = max(sp * n for sp, n in zip(spacings, sizes, strict=True))
    for k, n in enumerate(sizes):
        spacing = spacings[k]
        r = float(min(max_r, 0.36 * spacing))
        # Centre each column on the tallest one, which starts right under the bias row.
        y0 = col_top + (block - spacing * n) / 2 + spacing / 2
        ys = y0 + spacing * np.arange(n)
        neurons.append(np.column_stack([np.full(n, x[k]), ys]))
        radius.append(max(r, min(0.8, 0.5 * spacing)))
        bias.append(np.array([x[k], bias_y]) if k < L - 1 else None)
    # Captions sit just under the lowest neuron (with room for its d label), not at the very
    # bottom, so short networks keep their captions near the drawing.
    lowest = max(float(pos[:, 1].max()) + r for pos, r in zip(neurons, radius, strict=True))
    caption_y = min(col_bottom + 8.0 * scale, lowest + 30.0 * scale)
    # Centre the whole drawing (bias row to captions) vertically when it is shorter.
    shift = max(0.0, (height - (caption_y + caption_h - 8.0 * scale)) / 2)
    if shift > 0:
        neurons = [pos + np.array([0.0, shift]) for pos in neurons]
        bias = [None if b is None else b + np.array([0.0, shift]) for b in bias]
        caption_y += shift
    return Layout(sizes, x, tuple(neurons), tuple(bias), tuple(radius), bias_half,
                  caption_y, width, height, kinds, tuple((2 * r, 2 * r) for r in radius),
                  (None,) * (L - 1))


def _wide_layout(sizes: tuple[int, ...], kinds: tuple[str, ...], width: float, height: float,
                 scale: float) -> Layout:
    """Return the layout of a network with a wide layer: each layer a slot (image, cells or
    circles) and each Θ(l) a heat map (or edges) between them, its rows level with the neurons
    of layer l+1 they feed."""
    s, L = scale, len(sizes)
    bias_half = min(12.0 * s, max(6.0, height * 0.035))
    bias_y = 14.0 * s + bias_half
    # Beside the bias row, over each heat map, go its two caption lines.
    col_top = max(bias_y + bias_half + 10.0 * s, 36.0 * s)
    caption_h = 44.0 * s
    avail = max(height - caption_h - col_top, 40.0)
    cell, body, right = [], [], []
    pitch = []   # centre-to-centre distance down a column
    for k, (n, kind) in enumerate(zip(sizes, kinds, strict=True)):
        if kind == "image":
            px = min(avail, 0.2 * width) / math.isqrt(n)
            pitch.append(px)
            cell.append((px, px))
            body.append(px * math.isqrt(n))
            right.append(6.0 * s)
        elif kind == "cells":
            h = min(avail / n, 24.0 * s)
            # Tall cells are wide enough to hold their value ("−0.96" in a font as tall as the
            # cell lets: ~3.7 em at h / 1.2 px an em); short ones are narrow strips.
            w = min(max(3.6 * h if h >= VALUE_CELL_HEIGHT else 2.4 * h, 12.0 * s), 64.0 * s)
            pitch.append(h)
            cell.append((w, h))
            body.append(w)
            right.append(22.0 * s if k else 6.0 * s)   # room for the delta bars
        else:
            spacing = min(avail / n, 3.5 * 16.0 * s)
            r = float(min(16.0 * s, 0.36 * spacing))
            pitch.append(spacing)
            cell.append((2 * r, 2 * r))
            body.append(2 * r)
            right.append((40.0 if k == L - 1 else 22.0) * s)
    margin = 10.0 * s
    free = max(width - 2 * margin - sum(body) - sum(right), 40.0 * (L - 1))
    # The gaps share the free width by the square root of the columns their heat maps hold
    # (the digits' Θ(1) has 65, Θ(2) 33: equal gaps left Θ(1) under 2 px a weight at
    # 1280×720; in proportion, Θ(2)'s caption shrank unreadably); edges count as 16 columns.
    weight = [math.sqrt(16.0 if kinds[k] == kinds[k + 1] == "circles" else sizes[k] + 1.0)
              for k in range(L - 1)]
    share = [free * w / sum(weight) for w in weight]
    x, cursor = [], margin
    for k in range(L):
        x.append(cursor + body[k] / 2)
        cursor += body[k] + right[k] + (share[k] if k < L - 1 else 0.0)
    heights = [p * (math.isqrt(n) if kind == "image" else n)
               for n, kind, p in zip(sizes, kinds, pitch, strict=True)]
    block = max(heights)
    neurons, bias, radius = [], [], []
    for k, n in enumerate(sizes):
        y0 = col_top + (block - heights[k]) / 2
        w, h = cell[k]
        idx = np.arange(n)
        if kinds[k] == "image":   # row-major, as the data sets store images
            side = math.isqrt(n)
            pos = np.column_stack([x[k] - body[k] / 2 + w * (idx % side + 0.5),
                                   y0 + h * (idx // side + 0.5)])
        else:
            pos = np.column_stack([np.full(n, x[k]), y0 + pitch[k] * (idx + 0.5)])
        neurons.append(pos)
        radius.append(min(w, h) / 2)
        bias.append(np.array([x[k], bias_y]) if k < L - 1 else None)
    heat: list[Rect | None] = []
    for l in range(1, L):
        if kinds[l - 1] == kinds[l] == "circles":
            heat.append(None)
            continue
        gap = 8.0 * s
        left = x[l - 1] + body[l - 1] / 2 + right[l - 1] + gap
        room = max(x[l] - body[l] / 2 - gap - left, 10.0)
        # Wider than 14 px a weight adds nothing; the matrix stays centred in its gap.
        w = min(room, (sizes[l - 1] + 1) * 14.0 * s)
        h = pitch[l]   # one row per neuron of layer l+1, level with it
        top = float(neurons[l][:, 1].min()) - h / 2
        heat.append((left + (room - w) / 2, top, w, h * sizes[l]))
    lowest = max(col_top + block, *(r[1] + r[3] for r in heat if r is not None))
    caption_y = lowest + 10.0 * s
    shift = max(0.0, (height - (caption_y + caption_h - 8.0 * s)) / 2)
    if shift > 0:
        neurons = [pos + np.array([0.0, shift]) for pos in neurons]
        bias = [None if b is None else b + np.array([0.0, shift]) for b in bias]
        heat = [None if r is None else (r[0], r[1] + shift, r[2], r[3]) for r in heat]
        caption_y += shift
    return Layout(sizes, np.array(x), tuple(neurons), tuple(bias), tuple(radius), bias_half,
                  caption_y, width, height, kinds, tuple(cell), tuple(heat))


def point_segment_distance(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return the distances (N,) from point ``p`` (2,) to the segments ``a``→``b`` (N, 2)."""
    ab = b - a
    denom = np.einsum("ij,ij->i", ab, ab)
    denom = np.where(denom == 0, 1.0, denom)
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / denom, 0.0, 1.0)
    closest = a + ab * t[:, None]
    return np.hypot(*(closest - p).T)
