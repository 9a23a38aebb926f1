"""The graphics items of the network canvas: batched edges and travelling pulses (neuron columns
live in ``ui.canvas.neurons``).

Per-edge or per-neuron QGraphicsItems cost ~12 µs each to paint and a BSP index entry each, so a
784-128-10 net would crawl. Instead one ``EdgeBundleItem`` paints all drawn edges of a Θ(l) with a
handful of ``drawLines`` calls (one per sign × width bucket), one ``NeuronColumnItem`` paints a
whole layer, and one ``PulseItem`` paints every moving dot. Setting values only recomputes colours
and line batches; nothing is created or destroyed per frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ui.look import palette
from ui.look.palette import Theme

N_BUCKETS = 6
DIM_OPACITY = 0.22   # a dimmed bundle: over the background this equals fading colours 78 %


@dataclass(frozen=True)
class EdgeStyle:
    """How one edge is drawn: ``shown`` False when pruned away; ``value`` the value it shows."""

    shown: bool
    color: QColor
    style: Qt.PenStyle
    width: float
    value: float


def same_values(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Return whether two optional arrays hold the same values (both None counts as same)."""
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))


def format_value(value: float, digits: int = 3) -> str:
    """Return ``value`` with ``digits`` significant digits in the current locale (decimal comma
    in pt)."""
    text = QLocale().toString(float(value), "g", digits)
    return text.replace("-", "−")


class EdgeBundleItem(QGraphicsItem):
    """All edges of Θ(l), shape (s(l+1), 1 + s(l)), from the sources (bias, neurons of l) to the
    neurons of l+1; draws the ``keep`` strongest when Θ(l) has more than ``max_edges`` entries."""

    def __init__(self, l: int, src: np.ndarray, dst: np.ndarray, max_edges: int, keep: int,
                 theme: Theme) -> None:
        super().__init__()
        self.l = l
        self.max_edges, self.keep = max_edges, keep
        self.theme, self.scale = theme, 1.0
        self.dimmed = False
        self._faded = False    # dimmed by fading colours (when not cached)
        self._moving = False   # redrawn every frame (a weight morph runs): no antialiasing
        self.shape_ = (dst.shape[0], src.shape[0])
        self.theta: np.ndarray | None = None
        self.overlay: np.ndarray | None = None
        self.overlay_kind = ""
        self.theta_max = 1.0
        self.shown = np.zeros(0, dtype=int)            # flat indices of the drawn Θ edges
        self.overlay_shown = np.zeros(0, dtype=int)
        self._batches: list[tuple[QPen, list[QLineF]]] = []
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Cached as a pixmap: while pulses move, the edges and neurons are blitted, not redrawn.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_geometry(src, dst)

    # geometry and values
    def set_geometry(self, src: np.ndarray, dst: np.ndarray) -> None:
        """Move the end points: ``src`` (1 + s(l), 2), ``dst`` (s(l+1), 2)."""
        self.prepareGeometryChange()
        self.src, self.dst = np.asarray(src, float), np.asarray(dst, float)
        pts = np.vstack([self.src, self.dst])
        lo, hi = pts.min(axis=0) - 10, pts.max(axis=0) + 10
        self._rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self._rebatch()

    def set_theta(self, theta: np.ndarray | None, theta_max: float) -> None:
        """Show Θ(l) values (or nothing); widths are relative to ``theta_max`` (max |Θ| in view)."""
        if theta is not None:
            theta = np.asarray(theta, float)
            if theta.shape != self.shape_:
                raise ValueError(f"Θ({self.l}) must have shape {self.shape_}, got {theta.shape}")
        theta_max = theta_max if theta_max > 0 else 1.0
        # The stepper sends every array on every step: only changed values cost a redraw.
        if theta_max == self.theta_max and same_values(theta, self.theta):
            return
        self.theta, self.theta_max = theta, theta_max
        self.shown = self._strongest(theta)
        self._rebatch()

    def set_overlay(self, values: np.ndarray | None, kind: str = "") -> None:
        """Show per-edge ``values`` of Θ(l)'s shape on top of faded weights (None clears)."""
        if values is not None:
            values = np.asarray(values, float)
            if values.shape != self.shape_:
                raise ValueError(f"edge values of Θ({self.l}) must have shape {self.shape_}, "
                                 f"got {values.shape}")
        kind = kind if values is not None else ""
        if kind == self.overlay_kind and same_values(values, self.overlay):
            return
        self.overlay, self.overlay_kind = values, kind
        self.overlay_shown = self._strongest(values)
        self._rebatch()

    def set_look(self, theme: Theme, scale: float) -> None:
        """Use ``theme`` colours and presenter ``scale`` for line widths."""
        self.theme, self.scale = theme, scale
        self._rebatch()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade every edge toward the background (the current step does not touch them)."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self._apply_dim()

    def set_cached(self, cached: bool) -> None:
        """Keep the drawn edges in a pixmap (True) or redraw them on every paint (False: while
        their weights morph, when they are also drawn without antialiasing)."""
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache if cached
                          else QGraphicsItem.CacheMode.NoCache)
        self._moving = not cached
        self._apply_dim()

    def _apply_dim(self) -> None:
        # Cached, the item's opacity costs one pixmap blend, far cheaper than redrawing every
        # line faded. Uncached, opacity would blend line by line (slow), so colours are faded.
        cached = self.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
        self.setOpacity(DIM_OPACITY if self.dimmed and cached else 1.0)
        faded = self.dimmed and not cached
        if faded != self._faded:
            self._faded = faded
            self._rebatch()

    @property
    def total(self) -> int:
        """Return the number of connections of Θ(l), bias column included."""
        return self.shape_[0] * self.shape_[1]

    @property
    def pruned(self) -> bool:
        """Return whether only the strongest edges are drawn."""
        return self.total > self.max_edges

    def _strongest(self, values: np.ndarray | None) -> np.ndarray:
        if values is None:
            return np.zeros(0, dtype=int)
        flat = np.abs(np.nan_to_num(values.ravel()))
        if flat.size <= self.max_edges:
            return np.arange(flat.size)
        idx = np.argpartition(-flat, self.keep - 1)[:self.keep]
        return np.sort(idx)

    # styling
    def _widths(self, magnitude: np.ndarray, top: float) -> tuple[np.ndarray, np.ndarray]:
        """Return (bucket, width px) for magnitudes relative to ``top``; both non-decreasing."""
        r = np.clip(magnitude / (top if top > 0 else 1.0), 0.0, 1.0)
        bucket = np.minimum((r * N_BUCKETS).astype(int), N_BUCKETS - 1)
        # Many edges at full width would be a solid smear: thin them as the count grows.
        dense = max(1, self.shown.size, self.overlay_shown.size)
        w_min = 0.6 * self.scale
        w_max = max(1.6, min(7.0, 40.0 / np.sqrt(dense))) * self.scale
        return bucket, w_min + (w_max - w_min) * bucket / (N_BUCKETS - 1)

    def edge_style(self, i: int, j: int) -> EdgeStyle:
        """Return how edge (i, j) of Θ(l) is drawn now (the overlay's look when one is shown)."""
        flat = i * self.shape_[1] + j
        overlay = self.overlay is not None
        values, shown = (self.overlay, self.overlay_shown) if overlay else (self.theta,
                                                                            self.shown)
        if values is None:
            return EdgeStyle(False, QColor(), Qt.PenStyle.NoPen, 0.0, float("nan"))
        v = float(values.flat[flat])
        top = float(np.abs(values).max()) if overlay else self.theta_max
        _, width = self._widths(np.array([abs(v)]), top)
        color = palette.qcolor(self.theme.positive if v >= 0 else self.theme.negative)
        return EdgeStyle(bool(np.isin(flat, shown)), color, palette.sign_line_style(v),
                         float(width[0]), v)

    def _rebatch(self) -> None:
        """Group drawn edges into (pen, lines) batches: the only per-frame work of this item."""
        batches: list[tuple[QPen, list[QLineF]]] = []
        if self.theta is not None:
            if self.overlay is None:
                batches += self._batch(self.theta, self.shown, self.theta_max, faded=False)
            else:
                batches += self._batch(self.theta, self.shown, self.theta_max, faded=True)
                top = float(np.abs(self.overlay).max())
                batches += self._batch(self.overlay, self.overlay_shown, top, faded=False)
        elif self.overlay is not None:
            batches += self._batch(self.overlay, self.overlay_shown,
                                   float(np.abs(self.overlay).max()), faded=False)
        self._batches = batches
        self.update()

    def _batch(self, values: np.ndarray, shown: np.ndarray, top: float,
               faded: bool) -> list[tuple[QPen, list[QLineF]]]:
        if shown.size == 0:
            return []
        v = values.ravel()[shown]
        rows, cols = np.divmod(shown, self.shape_[1])
        a, b = self.src[cols], self.dst[rows]
        negative = v < 0
        bucket, width = self._widths(np.abs(v), top)
        if faded:   # weights under an overlay: thin and grey, still dashed when negative
            bucket = np.zeros_like(bucket)
            width = np.full(width.shape, 0.8 * self.scale)
        out = []
        for neg in (False, True):
            for k in np.unique(bucket[negative == neg]):
                sel = np.flatnonzero((negative == neg) & (bucket == k))
                sign = -1.0 if neg else 1.0
                pen = palette.sign_pen(sign, float(width[sel[0]]), self.theme)
                bg = palette.qcolor(self.theme.background)
                # Opaque colours faded toward the background: weak edges recede, strong ones
                # stand out, and no translucent (slow) drawing is needed.
                fade = 0.55 if faded else 0.55 * (1 - k / (N_BUCKETS - 1))
                color = palette.qcolor(self.theme.muted) if faded else pen.color()
                if self._faded:
                    fade = 1 - (1 - fade) * 0.22
                pen.setColor(palette.mix(color, bg, fade))
                # tolist() first: building QLineF from numpy scalars is several times slower.
                lines = [QLineF(*row) for row in np.hstack([a[sel], b[sel]]).tolist()]
                out.append((pen, lines))
        return out

    # QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._moving:
            # Redrawn on each frame of a ¼-second weight morph: aliased lines cut the canvas's
            # frame p95 on 64-32-10 from 16.9 to 14.5 ms (make bench), and the morph's last
            # frame, cached again, is antialiased.
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self._batches:
            painter.setPen(pen)
            painter.drawLines(lines)
        if self._moving:
            painter.restore()


class PulseItem(QGraphicsItem):
    """Dots that travel from ``start`` to ``end`` points (N, 2) as ``progress`` goes 0 → 1."""

    MAX_DOTS = 400   # more dots add no meaning and cost frame time

    def __init__(self) -> None:
        super().__init__()
        self.start = np.zeros((0, 2))
        self.end = np.zeros((0, 2))
        self.progress = 0.0
        self.color, self.radius = QColor("#111111"), 4.0
        self.rim = QColor("#FFFFFF")
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10)
        self.setVisible(False)
        self._rect = QRectF()

    def set_paths(self, start: np.ndarray, end: np.ndarray, color: QColor, radius: float,
                  rim: QColor | None = None) -> None:
        """Set the dots' paths: ``start`` and ``end`` of shape (N, 2), the first ``MAX_DOTS``."""
        self.prepareGeometryChange()
        self.start, self.end = start[: self.MAX_DOTS], end[: self.MAX_DOTS]
        self.color, self.radius = color, radius
        self.rim = rim if rim is not None else QColor("#FFFFFF")
        if self.start.size:
            pts = np.vstack([self.start, self.end])
            lo, hi = pts.min(axis=0) - radius - 2, pts.max(axis=0) + radius + 2
            self._rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self.progress = 0.0
        self.update()

    def set_progress(self, t: float) -> None:
        """Move every dot to fraction ``t`` of its path."""
        self.progress = float(t)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.start.size:
            return
        pts = self.start + (self.end - self.start) * self.progress
        poly = QPolygonF([QPointF(x, y) for x, y in pts])
        # A light rim first, so dots stay visible on top of dark, thick edges.
        for color, width in ((self.rim, 2 * self.radius + 3), (self.color, 2 * self.radius)):
            pen = QPen(color, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPoints(poly)
