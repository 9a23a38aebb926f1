"""Every neuron's map: what one neuron outputs over the input plane, drawn as a small square
tile left of its circle (TensorFlow Playground draws its neurons as such maps).

The tile sits left of the circle, where the neuron's incoming edges arrive, so the circle keeps
its fill by a, its number and its d ring exactly as the step-through draws them. The tile is
coloured by the layer's own fill scale (``palette.FillScale``), so the colour of the map at the
current example's point (the small ring on the tile) *is* the neuron's fill: the map is the
neuron's a for every point of the plane at once.

Shapes: maps (s(l), ny, nx) with row 0 at the bottom of the plane (``engine.lesson.plane_grid``);
tile rectangles (n, 4) as x, y, width, height in scene units.
"""

from __future__ import annotations

import functools
import sys

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.look import palette
from ui.look.palette import FillScale, Theme

DIM_OPACITY = 0.3       # a dimmed layer's maps: one pixmap blend, as the edge bundles do
MARKER_MIN_SIDE = 28.0  # px: on a smaller tile the example's ring would hide the map
MAX_SIDE = 44.0         # px at presenter scale 1: larger would crowd the d labels; hover enlarges
# RGB32 is the 32-bit word 0xffRRGGBB: in memory B, G, R, 0xff on a little-endian machine.
_RGB32_BYTES = [2, 1, 0, 3] if sys.byteorder == "little" else [3, 0, 1, 2]


def tile_rects(pos: np.ndarray, radius: float, ring: float, scale: float) -> np.ndarray:
    """Return the tiles (n, 4: x, y, width, height) of neurons at ``pos`` (n, 2) with ``radius``
    and a delta ring ``ring`` wide: squares as tall as the column's spacing allows (a little
    less, so neighbours stay apart), right edge just left of the ring, centred on the neuron."""
    pos = np.asarray(pos, dtype=float)
    spacing = float(np.diff(pos[:, 1]).min()) if len(pos) > 1 else 6.0 * radius
    side = max(1.0, min(0.94 * spacing, 2.8 * radius + 4.0 * scale, MAX_SIDE * scale))
    right = pos[:, 0] - radius - ring - 3.0 * scale
    return np.column_stack([right - side, pos[:, 1] - side / 2,
                            np.full(len(pos), side), np.full(len(pos), side)])


def map_rgba(values: np.ndarray, fill_scale: FillScale, levels: int = 256) -> np.ndarray:
    """Return ``fill_scale``'s colours of ``values`` (any shape) as RGBA uint8 (shape + (4,)),
    read from a table of ``levels`` colours the scale itself made: within one level of
    ``fill_scale.rgba`` and far cheaper on the thousands of grid points a frame colours."""
    values = np.asarray(values, dtype=float)
    limit = fill_scale.limit(values)
    lo = -limit if fill_scale.signed else 0.0
    index = (values - lo) * ((levels - 1) / (limit - lo)) + 0.5
    return _colour_table(fill_scale, limit, levels)[np.clip(index, 0, levels - 1).astype(np.intp)]


@functools.lru_cache(maxsize=32)
def _colour_table(fill_scale: FillScale, limit: float, levels: int) -> np.ndarray:
    """Return the ``levels`` colours (levels, 4) of ``fill_scale`` from its lowest value up to
    ``limit``: the same table every frame for a bounded g, so it is made once (read-only)."""
    lo = -limit if fill_scale.signed else 0.0
    table = fill_scale.rgba(np.linspace(lo, limit, levels))
    table.flags.writeable = False
    return table


def map_image(rgba: np.ndarray) -> QImage:
    """Return an RGBA uint8 map (ny, nx, 4), row 0 at the bottom of the plane, as an opaque
    QImage whose top row is the top of the plane (the image owns its pixels; alpha is dropped).
    """
    return _rgb32_image(np.ascontiguousarray(rgba[::-1, :, _RGB32_BYTES]))


def _rgb32_image(words: np.ndarray) -> QImage:
    """Return the RGB32 words (ny, nx, 4 bytes) as a QImage that owns a copy of them."""
    # The maps are opaque, and Qt scales an opaque RGB32 image onto the canvas's cache ~9× faster
    # than an RGBA8888 one (0.02 against 0.19 ms a tile: 30 maps frames a second while training).
    ny, nx = words.shape[:2]
    return QImage(words.data, nx, ny, 4 * nx, QImage.Format.Format_RGB32).copy()


class MapColumnItem(QGraphicsItem):
    """The maps of layer ``layer``'s ``n`` neurons, each a tile left of its circle."""

    def __init__(self, layer: int, n: int, theme: Theme) -> None:
        super().__init__()
        self.layer, self.n, self.theme, self.scale = layer, n, theme, 1.0
        self.rects = np.zeros((n, 4))
        self.values: np.ndarray | None = None       # (n, ny, nx) shown now
        self.fill_scale = FillScale()
        self.marker: tuple[float, float] | None = None   # the example's (u, v) in 0..1
        self.images: list[QImage] = []
        self.painted = True     # the last maps given have been painted (frames are dropped)
        self.dimmed = False
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1.5)     # over the edges it covers, under the neurons
        # Cached as a pixmap: pulses and the other columns' changes only blit it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setVisible(False)

    def set_geometry(self, pos: np.ndarray, radius: float, ring: float) -> None:
        """Place the tiles of neurons at ``pos`` (n, 2) with ``radius`` and ring width ``ring``."""
        self.prepareGeometryChange()
        self.rects = tile_rects(pos, radius, ring, self.scale)
        x, y, w, h = self.rects.T
        pad = 2.0 * self.scale
        lo_x, lo_y = float(x.min()) - pad, float(y.min()) - pad
        self._rect = QRectF(lo_x, lo_y, float((x + w).max()) + pad - lo_x,
                            float((y + h).max()) + pad - lo_y)
        self.update()

    def set_maps(self, values: np.ndarray | None, fill_scale: FillScale,
                 marker: tuple[float, float] | None = None) -> None:
        """Show ``values`` (n, ny, nx) coloured by ``fill_scale`` with the current example at
        ``marker`` (fractions of the plane's width and height, from the bottom-left), or hide
        the maps (None)."""
        if values is not None:
            values = np.asarray(values, dtype=float)
            if values.ndim != 3 or values.shape[0] != self.n:
                raise ValueError(f"layer {self.layer} has {self.n} neurons; its maps must have "
                                 f"shape ({self.n}, ny, nx), got {values.shape}")
        self.values, self.fill_scale, self.marker = values, fill_scale, marker
        if values is None:
            self.images = []
            self.setVisible(False)
            return
        # Flipped (the top row is the top of the plane) and reordered for all maps at once.
        words = np.ascontiguousarray(map_rgba(values, fill_scale)[:, ::-1, :, _RGB32_BYTES])
        self.images = [_rgb32_image(words[k]) for k in range(self.n)]
        self.painted = False
        self.setVisible(True)
        self.update()

    def set_marker(self, marker: tuple[float, float] | None) -> None:
        """Move the current example's ring to ``marker`` (or remove it)."""
        if marker != self.marker:
            self.marker = marker
            self.update()

    def set_look(self, theme: Theme, scale: float) -> None:
        """Use ``theme`` colours and presenter ``scale``."""
        self.theme, self.scale = theme, scale
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the maps toward the background (the current step does not touch the layer)."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.setOpacity(DIM_OPACITY if dimmed else 1.0)

    def unit_at(self, x: float, y: float) -> int | None:
        """Return the neuron (0-based) whose tile holds scene point (x, y), or None."""
        if not self.isVisible():
            return None
        rx, ry, w, h = self.rects.T
        inside = np.flatnonzero((x >= rx) & (x <= rx + w) & (y >= ry) & (y <= ry + h))
        return int(inside[0]) if inside.size else None

    def tile(self, k: int) -> QRectF:
        """Return the scene rectangle of neuron k's (0-based) tile."""
        return QRectF(*self.rects[k])

    # QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self.painted = True
        if not self.images:
            return
        painter.save()
        # 32 grid points over ~20-56 px: smooth scaling reads as a map, not as blocks.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        outline = QPen(palette.qcolor(self.theme.foreground), 1.0 * self.scale)
        antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        for k, image in enumerate(self.images):
            rect = self.tile(k)
            # Antialiased, a smooth-scaled image at a fractional place took ~105 µs instead of
            # ~7 (Qt's raster engine), 24 times a second per tile while training; its edge is
            # under the outline drawn next, antialiased.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.drawImage(rect, image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if self.marker is not None and rect.width() >= MARKER_MIN_SIDE * self.scale:
                self._paint_marker(painter, rect)
        painter.restore()

    def _paint_marker(self, painter: QPainter, rect: QRectF) -> None:
        """Ring the current example's point: dark inside a light rim, seen on any colour."""
        u, v = self.marker
        if not (0.0 <= u <= 1.0 and 0.0 <= v <= 1.0):
            return
        c = QPointF(rect.left() + u * rect.width(), rect.bottom() - v * rect.height())
        r = max(2.0, 0.07 * rect.width())
        for color, width in ((QColor("#FFFFFF"), 3.0), (QColor("#111111"), 1.4)):
            painter.setPen(QPen(color, width * self.scale))
            painter.drawEllipse(c, r, r)
