"""One layer of the network canvas: its neurons (filled by a), delta marks, value labels and the
"+1" bias unit, painted by a single item.

The fill follows the layer's ``palette.FillScale``: 0..1 activations fill a purple ramp, signed
ones (tanh, linear, centred inputs) the diverging map, and a negative activation is hatched too,
so −0.95 never looks like 0 and its sign reads without colour.

A layer too tall for its column is "compact": its neurons have no value labels (hover shows
them). A wide layer (``ui.canvas.layout.layer_kind``) is a column of cells or an image, and a
compact layer with many neurons is "dense": both are painted by ``ui.canvas.cells``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.canvas.cells import MIN_VALUE_PIXELS, paint_cells
from ui.canvas.items import format_value, same_values
from ui.look import palette
from ui.look.hatching import negative_mark
from ui.look.palette import FillScale, Theme

DIM = 0.65   # how far a dimmed layer fades toward the background


def _qcolors(rgba: np.ndarray) -> list[QColor]:
    """Return QColors for RGBA rows (N, 4); ``tolist`` avoids slow numpy-scalar conversions."""
    return [QColor(r, g, b, a) for r, g, b, a in rgba.tolist()]


class NeuronColumnItem(QGraphicsItem):
    """Layer ``layer``'s ``n`` neurons (circles filled by a) and its "+1" bias unit."""

    def __init__(self, layer: int, n: int, theme: Theme) -> None:
        super().__init__()
        self.layer, self.n, self.theme, self.scale = layer, n, theme, 1.0
        self.values: dict[str, np.ndarray | None] = {"a": None, "z": None, "d": None}
        self.fills: list[QColor] = []
        self.fill_scale: FillScale | None = None   # None: decided from the values shown
        self.negative = np.zeros(n, dtype=bool)     # neurons hatched as negative
        self.rings: list[QColor] = []
        self.labels_visible = True
        self.highlighted = False
        self.dimmed = False
        self.pos_ = np.zeros((n, 2))
        self.radius, self.bias, self.bias_half, self.compact = 10.0, None, 10.0, False
        self.dense = False
        self.kind = "circles"            # or "cells", "image" (ui.canvas.layout.layer_kind)
        self.cell = (20.0, 20.0)         # (width, height) of one cell or pixel
        self.room_right = 1e9   # scene units free right of the neurons (set by the view)
        self.d_labels_drawn: list[int] = []   # neurons whose "d = …" label the last paint drew
        # Where each "d = …" label goes (scene rects) and its font, chosen clear of edges and
        # other labels (``ui.canvas.labels.place_column``); None: drawn right of the neuron.
        self.d_rects: list[tuple[float, float, float, float]] | None = None
        self.d_font: QFont | None = None
        self.values_drawn: list[int] = []     # neurons whose a (or z) the last paint wrote inside
        self.value_pixels = 0     # the pixel size the last paint wrote those values in
        self.spacing = 40.0
        self._rect = self._base_rect = QRectF()
        self._compact_batches: list[tuple[QColor, list[QRectF]]] | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Cached as a pixmap: while pulses move, the edges and neurons are blitted, not redrawn.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._recolor()

    # state
    def set_geometry(self, pos: np.ndarray, radius: float, bias: np.ndarray | None,
                     bias_half: float, compact: bool, kind: str = "circles",
                     cell: tuple[float, float] | None = None) -> None:
        """Place neurons at ``pos`` (n, 2) with ``radius``, the bias unit at ``bias`` (2,); a
        ``kind`` "cells" or "image" layer draws each neuron as a ``cell`` (width, height)."""
        self.prepareGeometryChange()
        self.pos_, self.radius, self.bias = np.asarray(pos, float), radius, bias
        self.bias_half, self.compact = bias_half, compact
        self.kind, self.cell = kind, cell if cell is not None else (2 * radius, 2 * radius)
        # Antialiased circles are fine for a few dozen neurons; hundreds need batched squares.
        self.dense = kind != "circles" or (compact and (self.n > 64 or radius < 3.0))
        # Centre-to-centre distance of neurons: decides whether d labels fit below them.
        self.spacing = (float(np.diff(self.pos_[:, 1]).min()) if len(self.pos_) > 1
                        else 6 * radius)
        pts = self.pos_ if bias is None else np.vstack([self.pos_, bias[None, :]])
        pad = max(radius, bias_half, *self.cell) + 40 * self.scale
        lo, hi = pts.min(axis=0) - pad, pts.max(axis=0) + pad
        hi[0] += 90 * self.scale   # room for "d = −0,0380982" drawn right of the neurons
        self._rect = self._base_rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self._compact_batches = None
        # Start the cached pixmap afresh: after the docks resized the canvas, a column of
        # cells was drawn from its old pixmap, shifted down over its caption (digits, Train
        # task, 1280×720), and a moved column kept old neurons where its next paint did not
        # reach (an input neuron drawn three times), until something else repainted it.
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update()

    def set_d_label_rects(self, rects: list[tuple[float, float, float, float]] | None,
                          font: QFont | None) -> None:
        """Draw the "d = …" labels in ``rects`` (scene, one per neuron) with ``font``; None:
        right of the neurons as room allows."""
        self.prepareGeometryChange()
        self.d_rects, self.d_font = rects, font
        self._rect = QRectF(self._base_rect)
        for rect in rects or ():
            self._rect = self._rect.united(QRectF(*rect).adjusted(-2, -2, 2, 2))
        self.update()

    def set_values(self, kind: str, values: np.ndarray | None) -> None:
        """Show ``values`` (n,) of kind "a", "z" or "d" (None clears that kind)."""
        if kind not in self.values:
            raise ValueError(f"neuron value kind must be 'a', 'z' or 'd', got {kind!r}")
        if values is not None:
            values = np.asarray(values, float).ravel()
            if values.shape != (self.n,):
                raise ValueError(f"layer {self.layer} has {self.n} neurons; got values of "
                                 f"shape {values.shape}")
        if same_values(values, self.values[kind]):
            return
        self.values[kind] = values
        self._recolor()

    def set_fill_scale(self, scale: FillScale | None) -> None:
        """Fill neurons by ``scale`` (None: signed only when some a shown is negative)."""
        if scale != self.fill_scale:
            self.fill_scale = scale
            self._recolor()

    def current_fill_scale(self) -> FillScale:
        """Return the fill scale in use for the activations shown now."""
        if self.fill_scale is not None:
            return self.fill_scale
        a = self.values["a"]
        return FillScale(signed=a is not None and bool((a < 0).any()), grows=True)

    def set_look(self, theme: Theme, scale: float) -> None:
        """Use ``theme`` colours and presenter ``scale``."""
        self.theme, self.scale = theme, scale
        self._recolor()

    def set_emphasis(self, highlighted: bool, dimmed: bool) -> None:
        """Outline the layer (the step touches it) or fade it toward the background."""
        if (highlighted, dimmed) != (self.highlighted, self.dimmed):
            self.highlighted, self.dimmed = highlighted, dimmed
            self._compact_batches = None
            self.update()

    def _recolor(self) -> None:
        a, d = self.values["a"], self.values["d"]
        if a is None:
            self.fills = [palette.qcolor(self.theme.background)] * self.n
            self.negative = np.zeros(self.n, dtype=bool)
        else:
            scale = self.current_fill_scale()
            self.fills = _qcolors(scale.rgba(a))
            self.negative = (a < 0) if scale.signed else np.zeros(self.n, dtype=bool)
        if d is None:
            self.rings = []
        else:
            top = float(np.abs(d).max()) or 1.0
            # A floor of 0.45 keeps even the smallest delta's sign colour recognisable.
            t = np.sign(d) * (0.45 + 0.55 * np.abs(d) / top)
            self.rings = _qcolors(palette.diverging_rgba(t))
        self._compact_batches = None
        self.update()

    # queries
    def fill(self, k: int) -> QColor:
        """Return the fill colour of neuron k (0-based)."""
        return self.fills[k]

    def fill_hatched(self, k: int) -> bool:
        """Return whether neuron k (0-based) is hatched, i.e. shows a negative activation."""
        return bool(self.negative[k])

    def delta_visual(self, k: int) -> tuple[QColor, Qt.PenStyle, str] | None:
        """Return (ring colour, ring line style, "+"/"−" marker) of neuron k, or None."""
        d = self.values["d"]
        if d is None:
            return None
        return self.rings[k], palette.sign_line_style(d[k]), ("+" if d[k] >= 0 else "−")

    def ring_width(self) -> float:
        """Return the delta ring's pen width in scene units."""
        return max(1.5, min(5.0 * self.scale, self.radius * 0.3))

    def _c(self, color: QColor) -> QColor:
        """Return ``color`` as drawn now: faded toward the background when dimmed."""
        return palette.mix(color, palette.qcolor(self.theme.background), DIM) if self.dimmed \
            else color

    # QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.dense:
            paint_cells(self, painter)
        else:
            self._paint_circles(painter)
        if self.bias is not None:
            self._paint_bias(painter)

    def _paint_circles(self, painter: QPainter) -> None:
        s, r, th = self.scale, self.radius, self.theme
        outline = QPen(self._c(palette.qcolor(th.highlight if self.highlighted
                                              else th.foreground)),
                       (2.6 if self.highlighted else 1.2) * s)
        font = QFont(painter.font())
        font.setPointSizeF(8.5 * s)
        painter.setFont(font)
        d, rw = self.values["d"], self.ring_width()
        shown = self.labels_visible and not self.compact
        d_layout = self._d_label_layout(font, rw) if shown and d is not None else None
        if shown and d is not None and self.d_rects is not None:
            d_layout = d_layout or (False, font)    # placed clear of everything: always fits
        inside = self._inside_label_layout(font) if shown else None
        self.d_labels_drawn, self.values_drawn = [], []
        self.value_pixels = QFontInfo(inside[1]).pixelSize() if inside else 0
        # Hatching stays off the line the number is written on, so the digits stay crisp.
        band = 0.5 * QFontMetricsF(inside[1]).ascent() + 1.0 if inside else 0.0
        for k in range(self.n):
            c = QPointF(*self.pos_[k])
            painter.setPen(outline)
            painter.setBrush(QBrush(self._c(self.fills[k])))
            painter.drawEllipse(c, r, r)
            if self.negative[k]:
                self._paint_hatch(painter, c, k, r - outline.widthF() / 2, band)
            if d is not None:
                self._paint_ring(painter, c, k, rw)
            if shown:
                self._paint_labels(painter, c, k, rw, d_layout, inside)

    def _paint_hatch(self, painter: QPainter, c: QPointF, k: int, r: float,
                     band: float) -> None:
        """Hatch the disc of radius ``r`` at ``c`` (the mark of a negative a; a "−" bar if it is
        tiny), leaving a band ``band`` high each side of the centre line clear for the number."""
        width = max(1.0, 1.1 * self.scale)
        inner = r - width / 2
        if inner <= 0:
            return
        pen = QPen(self._c(palette.hatch_color(self.fills[k])), width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.save()
        painter.setPen(pen)
        painter.drawLines(negative_mark(c, inner, width, self.scale, band))
        painter.restore()

    def _inside_text(self, k: int, digits: int) -> str:
        a, z = self.values["a"], self.values["z"]
        return (format_value(a[k], digits) if a is not None else
                "z " + format_value(z[k], digits) if z is not None else "")

    def _inside_label_layout(self, font: QFont) -> tuple[int, QFont] | None:
        """Return (significant digits, font) for the numbers written inside this column's
        neurons, or None if they cannot fit. One choice for the whole column, made for its
        widest number: deciding per neuron hid just the negative ones (a minus sign more),
        leaving blank circles that looked not yet computed."""
        if self.values["a"] is None and self.values["z"] is None:
            return None
        fm = QFontMetricsF(font)
        for digits in (3, 2):
            widest = max(fm.horizontalAdvance(self._inside_text(k, digits))
                         for k in range(self.n))
            fit = min(1.0, 1.85 * self.radius / max(widest, 1.0))
            # Under 9 px a class cannot read it: the fill (and hovering) says the value then.
            pixels = int(QFontInfo(font).pixelSize() * fit)
            if pixels >= MIN_VALUE_PIXELS:
                small = QFont(font)
                small.setPixelSize(pixels)
                return digits, small
        return None

    def _d_label_layout(self, font: QFont, rw: float) -> tuple[bool, QFont] | None:
        """Return (under the neuron?, font) for this column's "d = …" labels, or None if they
        cannot fit. One choice for the whole column, made for its widest label: deciding per
        neuron dropped just the longer ones (a minus sign more), often the telling one."""
        fm = QFontMetricsF(font)
        widest = max(fm.horizontalAdvance("d = " + format_value(v)) for v in self.values["d"])
        ring_out = self.radius + rw + 2 * self.scale
        if self.spacing >= 2 * ring_out + fm.height():
            return True, font
        fit = min(1.0, (self.room_right - ring_out - 2) / (widest + 6))
        if font.pointSizeF() * fit < 5.5:
            return None     # hovering the neuron still shows d
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * fit)
        return False, small

    def _paint_ring(self, painter: QPainter, c: QPointF, k: int, rw: float) -> None:
        r, d = self.radius, self.values["d"]
        ring = self._c(self.rings[k])
        pen = QPen(ring, rw)
        pen.setStyle(palette.sign_line_style(d[k]))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ring_r = r + rw / 2 + 1.5 * self.scale
        painter.drawEllipse(c, ring_r, ring_r)
        if self.compact:   # no room for a badge: the dashed ring carries the sign
            return
        # A "+"/"−" badge on the ring so the sign never depends on colour alone.
        br = max(6.0, 7.0 * self.scale)
        bc = c + QPointF(ring_r * 0.71, -ring_r * 0.71)
        painter.setPen(QPen(self._c(palette.qcolor(self.theme.foreground)), 1.0))
        painter.setBrush(ring)
        painter.drawEllipse(bc, br, br)
        painter.setPen(self._c(palette.text_color_on(self.rings[k])))
        rect = QRectF(bc.x() - br, bc.y() - br, 2 * br, 2 * br)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "+" if d[k] >= 0 else "−")

    def _paint_labels(self, painter: QPainter, c: QPointF, k: int, rw: float,
                      d_layout: tuple[bool, QFont] | None,
                      inside_layout: tuple[int, QFont] | None) -> None:
        r, a, d = self.radius, self.values["a"], self.values["d"]
        box = QRectF(c.x() - r * 1.6, c.y() - r, r * 3.2, 2 * r)
        text_color = self._c(palette.qcolor(self.theme.text))
        if inside_layout is not None:
            digits, font = inside_layout
            painter.save()
            painter.setFont(font)
            painter.setPen(self._c(palette.text_color_on(self.fills[k])) if a is not None
                           else text_color)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._inside_text(k, digits))
            painter.restore()
            self.values_drawn.append(k)
        if d is not None and d_layout is not None:
            under, font = d_layout
            painter.save()
            painter.setFont(font)
            fm = QFontMetricsF(font)
            text = "d = " + format_value(d[k])
            w, h = fm.horizontalAdvance(text) + 6, fm.height()
            ring_out = r + rw + 2 * self.scale
            rect = (QRectF(c.x() - w / 2, c.y() + ring_out, w, h) if under
                    else QRectF(c.x() + ring_out + 2, c.y() - h / 2, w, h))
            if self.d_rects is not None and self.d_font is not None:
                painter.setFont(self.d_font)        # a free spot: nothing passes behind it
                rect = QRectF(*self.d_rects[k])
            # An opaque pill so edges passing behind never cross the digits.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.qcolor(self.theme.background))
            painter.drawRoundedRect(rect, h / 2, h / 2)
            painter.setPen(text_color)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()
            self.d_labels_drawn.append(k)

    def _paint_bias(self, painter: QPainter) -> None:
        h, th = self.bias_half, self.theme
        rect = QRectF(self.bias[0] - h, self.bias[1] - h, 2 * h, 2 * h)
        painter.setPen(QPen(self._c(palette.qcolor(th.highlight if self.highlighted
                                                   else th.foreground)),
                            (2.2 if self.highlighted else 1.2) * self.scale))
        painter.setBrush(self._c(palette.qcolor(th.bias_fill)))
        painter.drawRoundedRect(rect, h * 0.3, h * 0.3)
        painter.setPen(self._c(palette.qcolor(th.text)))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(6.0, min(9.0 * self.scale, h * 0.8)))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "+1")
