"""Where the network canvas puts things: pure geometry from layer sizes and a viewport size.

Layers are columns from left to right; each non-output layer's bias unit "+1" sits at the top of
its column, on one shared row, and the neurons are centred below it. Layers too tall for the
viewport are drawn compact (small dots, no labels). Everything here is numpy, so a resize only
moves existing items.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

COMPACT_RADIUS = 8.0   # below this radius a neuron has no room for a value label


@dataclass(frozen=True)
class Layout:
    """Positions in scene coordinates for a network of ``sizes`` (s(1), …, s(L)).

    ``neurons[k]`` is (s(k+1), 2) neuron centres of layer k+1; ``bias[k]`` the (2,) centre of its
    "+1" unit (None for the output layer); ``radius[k]`` its neuron radius; ``bias_half`` half
    the side of a bias square; ``caption_y`` the top of the captions under the columns.
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

    def compact(self, layer: int) -> bool:
        """Return whether layer ``layer`` (1-based) is drawn as small dots without labels."""
        return self.radius[layer - 1] < COMPACT_RADIUS

    def sources(self, l: int) -> np.ndarray:
        """Return the (1 + s(l), 2) start points of Θ(l)'s columns: the bias unit, then neurons."""
        return np.vstack([self.bias[l - 1][None, :], self.neurons[l - 1]])

    def targets(self, l: int) -> np.ndarray:
        """Return the (s(l+1), 2) end points of Θ(l)'s rows: the neurons of layer l+1."""
        return self.neurons[l]


def compute_layout(sizes: list[int] | tuple[int, ...], width: float, height: float,
                   scale: float = 1.0) -> Layout:
    """Return the layout of ``sizes`` in a ``width`` × ``height`` area at presenter ``scale``."""
    sizes = tuple(int(s) for s in sizes)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"a network needs at least two layers of ≥ 1 neuron, got {list(sizes)}")
    width, height = max(float(width), 200.0), max(float(height), 160.0)
    L = len(sizes)
    # Margins and node size shrink in a small view (or a big presenter scale) rather than
    # letting columns collide.
    margin_l = min(80.0 * scale, 0.13 * width)    # input captions and an input image
    margin_r = min(118.0 * scale, 0.17 * width)   # output d labels, right of the neurons
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
                  caption_y, width, height)


def point_segment_distance(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return the distances (N,) from point ``p`` (2,) to the segments ``a``→``b`` (N, 2)."""
    ab = b - a
    denom = np.einsum("ij,ij->i", ab, ab)
    denom = np.where(denom == 0, 1.0, denom)
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / denom, 0.0, 1.0)
    closest = a + ab * t[:, None]
    return np.hypot(*(closest - p).T)
