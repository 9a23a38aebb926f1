"""Θ(l) drawn as a heat map: one pixel per weight, row i the incoming weights of neuron i+1 of
layer l+1 (column 0 its bias weight), coloured by the diverging map (blue +, grey 0, orange −)
with full colour at the matrix's largest |Θ|.

Hundreds of edges between wide layers are a tangle; the matrix as a picture is how people read
it, and for the first layer of an image each row is itself a picture of what the neuron looks
for. The whole matrix is one QImage, scaled into its rectangle when painted: recolouring is a
numpy map and one image, never an item per weight.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.canvas.items import EdgeStyle, same_values
from ui.look import palette
from ui.look.palette import Theme

DIM_OPACITY = 0.3   # a dimmed heat map: its cached pixmap blended 70 % into the background


class HeatMapItem(QGraphicsItem):
    """Θ(l), shape (s(l+1), 1 + s(l)), as one scaled image in ``rect`` (x, y, width, height).

    It answers like ``EdgeBundleItem`` (``theta``, ``overlay``, ``set_theta``, ``edge_style``…)
    so the view treats every Θ alike; ``shown`` is empty: no line is drawn.
    """

    pruned = False

    def __init__(self, l: int, shape: tuple[int, int], theme: Theme) -> None:
        super().__init__()
        self.l, self.shape_, self.theme, self.scale = l, shape, theme, 1.0
        self.keep = 0
        self.theta: np.ndarray | None = None
        self.overlay: np.ndarray | None = None
        self.overlay_kind = ""
        self.theta_max = 1.0
        self.shown = self.overlay_shown = np.zeros(0, dtype=int)
        self.dimmed = False
        self.hover: tuple[int, int] | None = None      # (i, j) outlined under the mouse
        self.rect = QRectF(0, 0, 10, 10)
        self.image = QImage()
        self._scaled = QImage()     # the image at the size it is drawn, made once per change
        self._rgba = np.zeros((0, 0, 4), np.uint8)     # keeps the image's buffer alive
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def total(self) -> int:
        """Return the number of weights of Θ(l), bias column included."""
        return self.shape_[0] * self.shape_[1]

    def values(self) -> np.ndarray | None:
        """Return the matrix the picture shows: the overlay if any, else Θ(l)."""
        return self.overlay if self.overlay is not None else self.theta

    def full_scale(self) -> float:
        """Return the |value| drawn at full colour: the largest |value| of the shown matrix."""
        v = self.values()
        top = float(np.nanmax(np.abs(v))) if v is not None and v.size else 0.0
        return top if top > 0 and np.isfinite(top) else 1.0

    # geometry and values
    def set_rect(self, rect: tuple[float, float, float, float]) -> None:
        """Place the picture in ``rect`` (x, y, width, height) in scene coordinates."""
        self.prepareGeometryChange()
        self.rect = QRectF(*rect)
        self._scaled = QImage()
        self.update()

    def set_theta(self, theta: np.ndarray | None, theta_max: float) -> None:
        """Show Θ(l) (``theta_max`` is kept for the edge-like interface; the picture uses its
        own largest |Θ(l)| so a matrix of small weights is not washed out)."""
        if theta is not None:
            theta = np.asarray(theta, float)
            if theta.shape != self.shape_:
                raise ValueError(f"Θ({self.l}) must have shape {self.shape_}, got {theta.shape}")
        if same_values(theta, self.theta):
            return
        self.theta, self.theta_max = theta, theta_max
        self._recolor()

    def set_overlay(self, values: np.ndarray | None, kind: str = "") -> None:
        """Show per-weight ``values`` of Θ(l)'s shape instead of Θ(l) (None: Θ again)."""
        if values is not None:
            values = np.asarray(values, float)
            if values.shape != self.shape_:
                raise ValueError(f"values of Θ({self.l}) must have shape {self.shape_}, "
                                 f"got {values.shape}")
        kind = kind if values is not None else ""
        if kind == self.overlay_kind and same_values(values, self.overlay):
            return
        self.overlay, self.overlay_kind = values, kind
        self._recolor()

    def set_look(self, theme: Theme, scale: float) -> None:
        """Use ``theme`` colours and presenter ``scale``."""
        self.theme, self.scale = theme, scale
        self._recolor()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the picture toward the background (the current step does not touch it)."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            # The item is cached: opacity costs one pixmap blend, no new picture.
            self.setOpacity(DIM_OPACITY if dimmed else 1.0)

    def set_cached(self, cached: bool) -> None:
        """Accept the edge bundles' caching switch (a picture is cheap to redraw either way)."""

    def set_hover(self, cell: tuple[int, int] | None) -> None:
        """Outline the weight (i, j) under the mouse, or none."""
        if cell != self.hover:
            self.hover = cell
            self.update()

    def color_rgba(self) -> np.ndarray:
        """Return the (s(l+1), 1 + s(l), 4) RGBA uint8 colours of the picture (before any
        dimming)."""
        v = self.values()
        if v is None:
            bg = palette.qcolor(self.theme.background)
            return np.broadcast_to(np.array([bg.red(), bg.green(), bg.blue(), 255], np.uint8),
                                   (*self.shape_, 4)).copy()
        return palette.diverging_rgba(v, self.full_scale())

    def _recolor(self) -> None:
        self._rgba = np.ascontiguousarray(self.color_rgba())
        rows, cols = self.shape_
        self.image = QImage(self._rgba.data, cols, rows, 4 * cols,
                            QImage.Format.Format_RGBA8888)
        self._scaled = QImage()
        self.update()

    # queries
    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """Return the (i, j) of the weight at scene point (x, y), or None outside."""
        r = self.rect
        if not (r.left() <= x < r.right() and r.top() <= y < r.bottom()):
            return None
        rows, cols = self.shape_
        return (min(int((y - r.top()) / r.height() * rows), rows - 1),
                min(int((x - r.left()) / r.width() * cols), cols - 1))

    def cell_rect(self, i: int, j: int) -> QRectF:
        """Return the scene rectangle of weight (i, j)."""
        r, (rows, cols) = self.rect, self.shape_
        w, h = r.width() / cols, r.height() / rows
        return QRectF(r.left() + j * w, r.top() + i * h, w, h)

    def edge_style(self, i: int, j: int) -> EdgeStyle:
        """Return how weight (i, j) is drawn: its pixel's colour (never as a line)."""
        v = self.values()
        if v is None:
            return EdgeStyle(False, QColor(), Qt.PenStyle.NoPen, 0.0, float("nan"))
        r, g, b, a = (int(c) for c in self.color_rgba()[i, j])
        return EdgeStyle(True, QColor(r, g, b, a), Qt.PenStyle.NoPen, 0.0, float(v[i, j]))

    def _at_size(self, w: int, h: int) -> QImage:
        """Return the picture ``w`` × ``h`` pixels large, each weight a block of pixels."""
        rows, cols = self.shape_
        if w < cols or h < rows:
            # Squeezed (784 inputs in a few hundred pixels): averaging keeps every weight's
            # trace, where picking pixels would drop whole columns.
            return self.image.scaled(w, h, Qt.AspectRatioMode.IgnoreAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        # Each weight a block: repeat rows and columns as often as the size needs.
        reps_r = np.diff(np.arange(rows + 1) * h // rows)
        reps_c = np.diff(np.arange(cols + 1) * w // cols)
        # BGRA bytes are the raster engine's own (A)RGB32 layout: drawn without conversion.
        bgra = self._rgba[..., [2, 1, 0, 3]]
        bgra = np.ascontiguousarray(np.repeat(np.repeat(bgra, reps_r, axis=0), reps_c, axis=1))
        return QImage(bgra.data, w, h, 4 * w, QImage.Format.Format_RGB32).copy()

    # QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.image.isNull():
            return
        # Scaling while painting takes ~6 ms on an antialiased painter, and QImage.scaled
        # ~3 ms: a copy at the drawn size, made in numpy once per change, is a plain blit.
        w, h = max(1, round(self.rect.width())), max(1, round(self.rect.height()))
        if self._scaled.width() != w or self._scaled.height() != h:
            self._scaled = self._at_size(w, h)
        painter.drawImage(self.rect.topLeft(), self._scaled)
        fg = palette.qcolor(self.theme.foreground)
        painter.setPen(QPen(fg, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect)
        # The bias column is set off by a line, as the notes set it off by a bar.
        bias_right = self.cell_rect(0, 0).right()
        painter.drawLine(bias_right, self.rect.top(), bias_right, self.rect.bottom())
        if self.hover is not None:
            painter.setPen(QPen(palette.qcolor(self.theme.highlight), 2.0))
            painter.drawRect(self.cell_rect(*self.hover))
