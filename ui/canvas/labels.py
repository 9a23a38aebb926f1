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


def nearest_is(rect: Rect, centre: Sequence[float], centres: np.ndarray) -> bool:
    """Return whether no neuron of ``centres`` (K, 2) is nearer to ``rect`` than ``centre``:
    a label next to a neighbour would be read as the neighbour's."""
    if not len(centres):
        return True
    x, y, w, h = rect

    def dist(px: np.ndarray, py: np.ndarray) -> np.ndarray:
        return np.hypot(np.clip(px, x, x + w) - px, np.clip(py, y, y + h) - py)

    own = float(dist(np.array([centre[0]]), np.array([centre[1]]))[0])
    return bool((dist(centres[:, 0], centres[:, 1]) >= own - 1e-9).all())


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


def _hits_segments(rect: Rect, segs: np.ndarray, hw: np.ndarray) -> bool:
    """Return whether any thick segment comes within its half width (+ GAP) of ``rect``."""
    return bool(_segments_hit(rect, segs, hw).any())


def _segments_hit(rect: Rect, segs: np.ndarray, hw: np.ndarray) -> np.ndarray:
    """Return which thick segments come within their half width (+ GAP) of ``rect`` (N,)
    (Liang–Barsky clipping against the rectangle grown by that much)."""
    if not len(segs):
        return np.zeros(0, dtype=bool)
    grow = hw + GAP
    x0, y0 = rect[0] - grow, rect[1] - grow
    x1, y1 = rect[0] + rect[2] + grow, rect[1] + rect[3] + grow
    px, py = segs[:, 0], segs[:, 1]
    dx, dy = segs[:, 2] - px, segs[:, 3] - py
    t0, t1 = np.zeros(len(segs)), np.ones(len(segs))
    ok = np.ones(len(segs), dtype=bool)
    for p, q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        par = p == 0
        ok &= ~(par & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(par, 0.0, q / np.where(par, 1.0, p))
        enter, leave = (p < 0) & ~par, (p > 0) & ~par
        t0 = np.where(enter, np.maximum(t0, r), t0)
        t1 = np.where(leave, np.minimum(t1, r), t1)
    return ok & (t0 <= t1)


def _hits_rects(rect: Rect, rects: np.ndarray) -> bool:
    if not len(rects):
        return False
    x, y, w, h = rect
    return bool(((rects[:, 0] < x + w + GAP) & (x - GAP < rects[:, 0] + rects[:, 2])
                 & (rects[:, 1] < y + h + GAP) & (y - GAP < rects[:, 1] + rects[:, 3])).any())


def _hits_discs(rect: Rect, discs: np.ndarray) -> bool:
    if not len(discs):
        return False
    x, y, w, h = rect
    nx = np.clip(discs[:, 0], x, x + w)
    ny = np.clip(discs[:, 1], y, y + h)
    return bool((np.hypot(nx - discs[:, 0], ny - discs[:, 1]) < discs[:, 2] + GAP).any())


def is_free(rect: Rect, obstacles: Obstacles, bounds: Rect | None = None) -> bool:
    """Return whether ``rect`` touches none of ``obstacles`` and lies inside ``bounds``."""
    if bounds is not None:
        bx, by, bw, bh = bounds
        if rect[0] < bx or rect[1] < by or rect[0] + rect[2] > bx + bw \
                or rect[1] + rect[3] > by + bh:
            return False
    return not (_hits_rects(rect, obstacles.rects) or _hits_discs(rect, obstacles.discs)
                or _hits_segments(rect, obstacles.segments, obstacles.half_widths))


def place(spots: Sequence[Sequence[Rect]], obstacles: Obstacles, bounds: Rect | None = None,
          strict: bool = True) -> list[Rect] | None:
    """Return one free spot per label (each label's ``spots`` tried in order, the labels
    placed so far counting as obstacles), or None when some label has no free spot.

    Not ``strict``: a spot may cross edges (the fewest, then the first), never a neuron, a
    caption, another label or the bounds."""
    chosen: list[Rect] = []
    for options in spots:
        if strict:
            spot = next((r for r in options if is_free(r, obstacles, bounds)), None)
        else:
            solid = Obstacles(rects=obstacles.rects, discs=obstacles.discs)
            fair = [r for r in options if is_free(r, solid, bounds)]
            spot = min(fair, key=lambda r: int(_segments_hit(r, obstacles.segments,
                                                             obstacles.half_widths).sum()),
                       default=None)
        if spot is None:
            return None
        chosen.append(spot)
        obstacles = obstacles.with_rect(spot)
    return chosen


SHRINK = (1.0, 0.85, 0.72)   # label sizes tried, as shares of the full size
PRIMARY = 4                  # the first candidates: right of, under, above, left of the neuron
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
    if d is None or not col.labels_visible or col.compact or col.dense:
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
    for shrink, first, strict in tries:
        font = QFont(full)
        font.setPointSizeF(full.pointSizeF() * shrink)
        fm = QFontMetricsF(font)
        # Only spots nearer their own neuron than any other.
        spots = [[r for r in candidates(x, y, out, fm.horizontalAdvance(t) + 4, fm.height())
                  [:first] if nearest_is(r, (x, y), obstacles.centres)]
                 for (x, y), t in zip(col.pos_.tolist(), texts, strict=True)]
        chosen = place(spots, obstacles, bounds, strict)
        if chosen is not None:
            col.set_d_label_rects(chosen, font)
            for rect in chosen:
                obstacles = obstacles.with_rect(rect)
            return obstacles
    col.set_d_label_rects(None, None)
    return obstacles


def place_view(view) -> None:
    """Place the "d = …" labels of every column of ``view`` (last layer first)."""
    lay = view.layout_
    if lay is None:
        return
    obstacles = gather(view)
    base = view.scene().font()
    for col in reversed(view.columns):
        obstacles = place_column(col, obstacles, (0.0, 0.0, lay.width, lay.height), base)
