"""Where a neuron's "d = …" label goes: the first spot around it that no edge, neuron, bias unit,
caption or other label touches.

The search is geometry (numpy, scene coordinates), so a test can check the answer without
painting: rectangles are (x, y, width, height); edges are segments (x1, y1, x2, y2) with their
half line width. ``place_view`` gathers a canvas's obstacles and places every column's labels,
the output layer's first (they have the right margin to themselves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QFont, QFontMetricsF

from ui.canvas.items import EdgeBundleItem, format_value

Rect = tuple[float, float, float, float]
GAP = 2.0     # px kept clear around a label


@dataclass
class Obstacles:
    """What a label must not touch: ``segments`` (N, 4) with ``half_widths`` (N,), ``rects``
    (M, 4) and ``discs`` (K, 3) as (cx, cy, r)."""

    segments: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    half_widths: np.ndarray = field(default_factory=lambda: np.zeros(0))
    rects: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    discs: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))
    centres: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))   # every neuron

    def with_rect(self, rect: Rect) -> Obstacles:
        """Return these obstacles and ``rect`` too."""
        return Obstacles(self.segments, self.half_widths,
                         np.vstack([self.rects, np.asarray(rect, float)[None, :]]), self.discs,
                         self.centres)


def candidates(cx: float, cy: float, out: float, w: float, h: float) -> list[Rect]:
    """Return spots for a ``w``×``h`` label around a neuron at (cx, cy) whose drawing reaches
    ``out`` from its centre, best first: right (where the output layer's labels read), under,
    above, left, then the four diagonals and slid along the right and left sides."""
    right, left = cx + out + GAP, cx - out - GAP - w
    mid = cy - h / 2
    d = out * 0.71
    spots = [(right, mid), (cx - w / 2, cy + out + GAP), (cx - w / 2, cy - out - GAP - h),
             (left, mid),
             (cx + d, cy + d), (cx + d, cy - d - h), (cx - d - w, cy + d), (cx - d - w, cy - d - h)]
    for k in (0.5, 1.0, 1.5):
        spots += [(right, mid - k * h), (right, mid + k * h), (left, mid - k * h),
                  (left, mid + k * h)]
    return [(x, y, w, h) for x, y in spots]


def _nearest_own(rects: np.ndarray, own: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Return, for each of ``rects`` (R, 4), whether no neuron of ``centres`` (K, 2) is nearer
    to it than its own neuron ``own`` (R, 2): a label next to a neighbour would be read as the
    neighbour's."""
    if not len(centres):
        return np.ones(len(rects), dtype=bool)

    def dist(px: np.ndarray, py: np.ndarray) -> np.ndarray:
        x, y = rects[:, 0:1], rects[:, 1:2]
        return np.hypot(np.clip(px, x, x + rects[:, 2:3]) - px,
                        np.clip(py, y, y + rects[:, 3:4]) - py)

    mine = dist(own[:, 0:1], own[:, 1:2])                                     # (R, 1)
    return (dist(centres[None, :, 0], centres[None, :, 1]) >= mine - 1e-9).all(axis=1)


def _edge_hits(rects: np.ndarray, segs: np.ndarray, hw: np.ndarray) -> np.ndarray:
    """Return how many thick segments (N, 4) come within their half width (+ GAP) of each of
    ``rects`` (R, 4): the pairs whose boxes meet, clipped Liang–Barsky style against the
    rectangle grown by that much."""
    if not len(segs) or not len(rects):
        return np.zeros(len(rects), dtype=int)
    grow = hw + GAP
    lo = np.minimum(segs[:, :2], segs[:, 2:]) - grow[:, None]                 # (N, 2)
    hi = np.maximum(segs[:, :2], segs[:, 2:]) + grow[:, None]
    meet = ((lo[None, :, 0] <= (rects[:, 0] + rects[:, 2])[:, None])
            & (hi[None, :, 0] >= rects[:, 0:1]) & (lo[None, :, 1] <= (rects[:, 1]
                                                                       + rects[:, 3])[:, None])
            & (hi[None, :, 1] >= rects[:, 1:2]))
    ri, si = np.nonzero(meet)
    if not len(ri):
        return np.zeros(len(rects), dtype=int)
    g = grow[si]
    x0, y0 = rects[ri, 0] - g, rects[ri, 1] - g
    x1, y1 = rects[ri, 0] + rects[ri, 2] + g, rects[ri, 1] + rects[ri, 3] + g
    px, py = segs[si, 0], segs[si, 1]
    dx, dy = segs[si, 2] - px, segs[si, 3] - py
    t0, t1 = np.zeros(len(ri)), np.ones(len(ri))
    ok = np.ones(len(ri), dtype=bool)
    for p, q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        par = p == 0
        ok &= ~(par & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(par, 0.0, q / np.where(par, 1.0, p))
        t0 = np.where((p < 0) & ~par, np.maximum(t0, r), t0)
        t1 = np.where((p > 0) & ~par, np.minimum(t1, r), t1)
    return np.bincount(ri[ok & (t0 <= t1)], minlength=len(rects))


def _solid_free(rects: np.ndarray, obstacles: Obstacles, bounds: Rect | None) -> np.ndarray:
    """Return, for each of ``rects`` (C, 4), whether it lies inside ``bounds`` and touches no
    rectangle or disc of ``obstacles`` (edges aside)."""
    x, y, w, h = (rects[:, k:k + 1] for k in range(4))
    free = np.ones(len(rects), dtype=bool)
    if bounds is not None:
        bx, by, bw, bh = bounds
        free &= ((x >= bx) & (y >= by) & (x + w <= bx + bw) & (y + h <= by + bh))[:, 0]
    o = obstacles.rects
    if len(o):
        free &= ~((o[None, :, 0] < x + w + GAP) & (x - GAP < o[None, :, 0] + o[None, :, 2])
                  & (o[None, :, 1] < y + h + GAP) & (y - GAP < o[None, :, 1] + o[None, :, 3])
                  ).any(axis=1)
    c = obstacles.discs
    if len(c):
        nx = np.clip(c[None, :, 0], x, x + w) - c[None, :, 0]
        ny = np.clip(c[None, :, 1], y, y + h) - c[None, :, 1]
        free &= ~(np.hypot(nx, ny) < c[None, :, 2] + GAP).any(axis=1)
    return free


def is_free(rect: Rect, obstacles: Obstacles, bounds: Rect | None = None) -> bool:
    """Return whether ``rect`` touches none of ``obstacles`` and lies inside ``bounds``."""
    rects = np.asarray(rect, float)[None, :]
    return bool(_solid_free(rects, obstacles, bounds)[0]
                and _edge_hits(rects, obstacles.segments, obstacles.half_widths)[0] == 0)


def place(spots: Sequence[Sequence[Rect]], obstacles: Obstacles, bounds: Rect | None = None,
          strict: bool = True, anchors: Sequence[Sequence[float]] | None = None
          ) -> list[Rect] | None:
    """Return one free spot per label (each label's ``spots`` tried in order, the labels
    placed before it counting as obstacles), or None when some label has no free spot.

    Not ``strict``: a spot may cross edges (the fewest, then the first), never a neuron, a
    caption, another label or the bounds. With ``anchors`` (each label's neuron), only spots
    nearer their own neuron than any of ``obstacles.centres``."""
    counts = [len(options) for options in spots]
    if not counts or min(counts) == 0:
        return None if counts else []
    # Every label's every spot against the fixed obstacles at once; the labels placed before
    # it are few and checked one by one.
    rects = np.asarray([r for options in spots for r in options], float).reshape(-1, 4)
    owner = np.repeat(np.arange(len(spots)), counts)
    ok = _solid_free(rects, obstacles, bounds)
    if anchors is not None:
        ok &= _nearest_own(rects, np.asarray(anchors, float)[owner], obstacles.centres)
    hits = _edge_hits(rects, obstacles.segments, obstacles.half_widths)
    if strict:
        ok &= hits == 0
    chosen: list[Rect] = []
    for k in range(len(spots)):
        idx = np.flatnonzero(ok & (owner == k))
        if chosen and len(idx):
            placed = Obstacles(rects=np.asarray(chosen, float))
            idx = idx[_solid_free(rects[idx], placed, None)]
        if not len(idx):
            return None
        best = int(idx[0] if strict else idx[int(np.argmin(hits[idx]))])   # first of fewest
        chosen.append(tuple(float(v) for v in rects[best]))
    return chosen


SHRINK = (1.0, 0.85, 0.72)   # label sizes tried, as shares of the full size
PRIMARY = 4                  # the first candidates: right of, under, above, left of the neuron
CROWDED = 4                  # more neurons than this in a column: labels right of them
EDGE_HALF = 3.5              # × presenter scale: half the widest edge line (items._widths)


def gather(view) -> Obstacles:
    """Return the obstacles of ``view``'s drawing: every edge, neuron with its ring and sign
    badge, bias unit and caption."""
    s = view.scale_factor
    segs = [np.hstack([b.src[np.repeat(np.arange(len(b.src)), len(b.dst))],
                       np.tile(b.dst, (len(b.src), 1))])
            for b in view.bundles if isinstance(b, EdgeBundleItem)]
    segments = np.vstack(segs) if segs else np.zeros((0, 4))
    discs, rects = [], []
    for col in view.columns:
        out = col.radius + col.ring_width() + 1.5 * s
        discs += [(x, y, out) for x, y in col.pos_.tolist()]
        badge = max(6.0, 7.0 * s)
        discs += [(x + out * 0.71, y - out * 0.71, badge) for x, y in col.pos_.tolist()]
        if col.bias is not None:
            h = col.bias_half
            rects.append((col.bias[0] - h, col.bias[1] - h, 2 * h, 2 * h))
    for pair in view.captions.pairs():
        for item in pair:
            if item.isVisible() and item.text():
                r = item.sceneBoundingRect()
                rects.append((r.x(), r.y(), r.width(), r.height()))
    centres = np.vstack([col.pos_ for col in view.columns]) if view.columns else None
    return Obstacles(segments, np.full(len(segments), EDGE_HALF * s),
                     np.asarray(rects, float).reshape(-1, 4), np.asarray(discs, float),
                     np.zeros((0, 2)) if centres is None else centres)


def place_column(col, obstacles: Obstacles, bounds: Rect, base: QFont) -> Obstacles:
    """Give column ``col`` (a ``NeuronColumnItem``) spots for its "d = …" labels clear of
    ``obstacles`` inside ``bounds``, at full size or a little smaller (None when there is
    none: it draws them right of the neurons); return the obstacles with its labels added."""
    d = col.values["d"]
    # A column of many neurons keeps its labels right of them: its search cost up to ~20 ms a
    # step on a loaded machine, and its other spots land nearer a neighbour anyway.
    if d is None or not col.labels_visible or col.compact or col.dense or col.n > CROWDED:
        col.set_d_label_rects(None, None)
        return obstacles
    full = QFont(base)
    full.setPointSizeF(8.5 * col.scale)
    out = col.radius + col.ring_width() + 2 * col.scale
    texts = ["d = " + format_value(v) for v in d]
    # Clear of everything beside, under or above the neuron, at full size or a little
    # smaller; then on a diagonal or slid along a side; else, a little smaller, across the
    # fewest edges (the opaque pill then hides a short piece of them).
    tries = [*((k, PRIMARY, True) for k in SHRINK), *((k, None, True) for k in SHRINK),
             (SHRINK[1], None, False)]
    anchors = col.pos_.tolist()
    # Only edges that can reach a label of this column are tested: those within a label's
    # reach (out + the widest label) left and right of the column.
    fm = QFontMetricsF(full)
    widths = [fm.horizontalAdvance(t) for t in texts]
    reach = out + GAP + max(widths) + 8
    xs = col.pos_[:, 0]
    segs = obstacles.segments
    near = ((np.maximum(segs[:, 0], segs[:, 2]) >= xs.min() - reach)
            & (np.minimum(segs[:, 0], segs[:, 2]) <= xs.max() + reach))
    local = Obstacles(segs[near], obstacles.half_widths[near], obstacles.rects,
                      obstacles.discs, obstacles.centres)
    for n, (shrink, first, strict) in enumerate(tries):
        if n == 1 and not _try(col, local, bounds, full, out, widths, anchors, SHRINK[-1],
                               None, True):
            shrink, first, strict = tries[-1]   # nothing clear at the smallest size: skip on
        chosen = _try(col, local, bounds, full, out, widths, anchors, shrink, first, strict)
        if chosen is not None:
            rects, font = chosen
            col.set_d_label_rects(rects, font)
            for rect in rects:
                obstacles = obstacles.with_rect(rect)
            return obstacles
    col.set_d_label_rects(None, None)
    return obstacles


def _try(col, obstacles: Obstacles, bounds: Rect, full: QFont, out: float, widths: list[float],
         anchors: list[list[float]], shrink: float, first: int | None,
         strict: bool) -> tuple[list[Rect], QFont] | None:
    """Return spots and font for ``col``'s labels (text ``widths`` at the full size) at
    ``shrink`` of the ``full`` font among the ``first`` candidates (None: all), or None."""
    font = QFont(full)
    font.setPointSizeF(full.pointSizeF() * shrink)
    h = QFontMetricsF(font).height()
    spots = [candidates(x, y, out, w * shrink + 4, h)[:first]
             for (x, y), w in zip(anchors, widths, strict=True)]
    # Only spots nearer their own neuron than any other.
    chosen = place(spots, obstacles, bounds, strict, anchors)
    return None if chosen is None else (chosen, font)


def place_view(view) -> None:
    """Place the "d = …" labels of every column of ``view`` (last layer first)."""
    lay = view.layout_
    if lay is None:
        return
    obstacles = gather(view)
    base = view.scene().font()
    for col in reversed(view.columns):
        obstacles = place_column(col, obstacles, (0.0, 0.0, lay.width, lay.height), base)
