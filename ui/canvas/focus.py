"""The focused unit of the network canvas: clicking a neuron draws its fan-in (the row of
Θ(l−1) feeding it) and fan-out (its column of Θ(l)) as edges with their weights written on them,
while the view dims everything else. On a wide network that is the only place single weights
are lines; the heat maps show the rest.

When the fan-in comes from an image (64 inputs as 8×8), the row of weights is itself a picture:
it is painted over the input image, in the heat maps' colours, as what the neuron looks for, and
only its strongest weights are also lines with numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.canvas.cells import block_rect
from ui.canvas.items import format_value
from ui.look import palette
from ui.look.palette import Theme

MAX_LABELS = 8   # numbers per fan: more would overlap; the strongest are written
PICTURE_LABELS = 4   # numbers over a picture of weights: it must stay visible under them


@dataclass(frozen=True)
class FocusEdge:
    """One drawn edge of the focus: Θ(l)[i, j] from ``start`` to ``end`` (scene points)."""

    l: int
    i: int
    j: int
    value: float
    start: tuple[float, float]
    end: tuple[float, float]
    labelled: bool


def fan_edges(layout, thetas, layer: int, k: int,
              labels: tuple[int, int] = (MAX_LABELS, MAX_LABELS)) -> list[FocusEdge]:
    """Return the fan-in and fan-out of unit k (0 = "+1", 1..s(layer)) of ``layer`` as edges,
    the ``labels`` (fan-in, fan-out) largest |Θ| of each fan labelled. ``layout`` is a
    ``Layout``, ``thetas`` Θ(1)…Θ(L−1)."""
    out: list[FocusEdge] = []
    fans = []
    if k >= 1 and layer >= 2:   # fan-in: row k−1 of Θ(layer−1), from [+1; a(layer−1)]
        l = layer - 1
        src, dst = layout.sources(l), layout.targets(l)[k - 1]
        fans.append((labels[0], [(l, k - 1, j, src[j], dst) for j in range(src.shape[0])]))
    if layer <= len(thetas):    # fan-out: column k of Θ(layer), to the neurons of layer+1
        l = layer
        src, dst = layout.sources(l)[k], layout.targets(l)
        fans.append((labels[1], [(l, i, k, src, dst[i]) for i in range(dst.shape[0])]))
    for n_labels, fan in fans:
        values = np.array([thetas[l - 1][i, j] for l, i, j, _, _ in fan])
        strongest = set(np.argsort(-np.abs(values), kind="stable")[:n_labels].tolist())
        for n, (l, i, j, a, b) in enumerate(fan):
            out.append(FocusEdge(l, i, j, float(values[n]), (float(a[0]), float(a[1])),
                                 (float(b[0]), float(b[1])), n in strongest))
    return out


def show_focus(view) -> None:
    """Draw the focus of ``view`` (a NetworkView) for its ``focused`` unit, or clear it."""
    layer, k = view.focused
    lay, thetas, item = view.layout_, view.thetas, view.focus_item
    if layer <= 0 or lay is None or thetas is None:
        item.set_focus([], QRectF(), view.theme, view.scale_factor)
        return
    col = view.columns[layer - 1]
    c = view.unit_scene_pos(layer, k)
    cell = bool(k) and col.kind != "circles"
    if cell:
        unit = QRectF(c.x() - col.cell[0] / 2, c.y() - col.cell[1] / 2, *col.cell)
    else:
        r = max(col.radius, col.bias_half if k == 0 else 0.0)
        unit = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
    source = view.columns[0]
    pictured = layer == 2 and k >= 1 and source.kind == "image"
    edges = fan_edges(lay, thetas, layer, k,
                      (PICTURE_LABELS if pictured else MAX_LABELS, MAX_LABELS))
    picture = None
    if pictured:
        side = round(np.sqrt(source.n))
        row = thetas[0][k - 1, 1:]
        top = float(np.abs(row).max()) or 1.0
        rgba = np.ascontiguousarray(palette.diverging_rgba(row.reshape(side, side), top))
        text = QCoreApplication.translate(
            "NetworkView", "Θ(1) into neuron {0} as {1}×{1}: what it looks for").format(k, side)
        picture = (block_rect(source), rgba, text, lay.caption_y)
        # The picture shows every weight; lines only for the strongest, with their numbers.
        edges = [e for e in edges if e.l != 1 or e.j == 0 or e.labelled]
    item.set_focus(edges, unit, view.theme, view.scale_factor, round_unit=not cell,
                   picture=picture)


class FocusItem(QGraphicsItem):
    """Paints the focused unit's edges, their numbers and a ring around the unit."""

    def __init__(self) -> None:
        super().__init__()
        self.edges: list[FocusEdge] = []
        self.unit = QRectF()
        self.theme, self.scale = palette.LIGHT, 1.0
        self.round_unit = True
        self.picture: tuple[QRectF, np.ndarray, str, float] | None = None
        self.picture_image = QImage()
        self._rect = QRectF()
        self.setZValue(6)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_focus(self, edges: list[FocusEdge], unit: QRectF, theme: Theme,
                  scale: float, round_unit: bool = True,
                  picture: tuple[QRectF, np.ndarray, str, float] | None = None) -> None:
        """Draw ``edges`` and a ring around ``unit`` (an empty rect and no edges: nothing);
        ``round_unit`` False outlines a cell with a rectangle. ``picture`` (rect, RGBA (h, w, 4)
        uint8, caption, caption top) is painted in rect, its caption over the layer's."""
        self.prepareGeometryChange()
        self.edges, self.unit, self.theme, self.scale = edges, unit, theme, scale
        self.round_unit = round_unit
        self.picture = picture
        self.picture_image = QImage()
        rect = QRectF(unit)
        if picture is not None:
            area, rgba, _, _ = picture
            h, w = rgba.shape[:2]
            self.picture_image = QImage(rgba.data, w, h, 4 * w,
                                        QImage.Format.Format_RGBA8888).copy()
            rect = rect.united(area).united(QRectF(area.left() - 24 * scale, picture[3],
                                                   area.width() + 48 * scale, 40 * scale))
        for e in edges:
            rect = rect.united(QRectF(QPointF(*e.start), QPointF(*e.end)).normalized())
        self._rect = rect.adjusted(-60 * scale, -20 * scale, 60 * scale, 20 * scale)
        self.setVisible(bool(edges) or not unit.isEmpty())
        self.update()

    def _paint_picture(self, painter: QPainter) -> None:
        area, _, text, caption_y = self.picture
        painter.drawImage(area, self.picture_image)
        painter.setPen(QPen(palette.qcolor(self.theme.foreground), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)
        font = QFont(painter.font())
        font.setPointSizeF(7.5 * self.scale)
        painter.setFont(font)
        left = max(2.0, area.left() - 20 * self.scale)   # never past the view's left edge
        room = QRectF(left, max(area.bottom() + 2, caption_y),
                      area.right() + 20 * self.scale - left, 36 * self.scale)
        flags = (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                 | Qt.TextFlag.TextWordWrap)
        # Over the (dimmed) layer caption, on the background, so the two never mix.
        used = painter.boundingRect(room, flags, text)
        painter.fillRect(QRectF(0.0, room.top() - 1, room.right() + 4, max(room.height(),
                                                                      used.height() + 2)),
                         palette.qcolor(self.theme.background))
        painter.setPen(palette.qcolor(self.theme.text))
        painter.drawText(room, flags, text)

    def _label_rect(self, e: FocusEdge, w: float, h: float, placed: list[QRectF]) -> QRectF:
        """Return where edge ``e``'s number goes: the first spot along it, from its far end
        (at the focused unit every edge meets), that overlaps no number placed before."""
        far, near = ((e.start, e.end) if self.unit.contains(QPointF(*e.end))
                     else (e.end, e.start))
        rect = QRectF()
        for t in (0.2, 0.35, 0.5, 0.65, 0.1, 0.8):
            p = QPointF(far[0] + t * (near[0] - far[0]), far[1] + t * (near[1] - far[1]))
            rect = QRectF(p.x() - w / 2, p.y() - h / 2, w, h)
            if not any(rect.intersects(r) for r in placed):
                break
        return rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        s, th = self.scale, self.theme
        if self.picture is not None:
            self._paint_picture(painter)
        top = max((abs(e.value) for e in self.edges), default=1.0) or 1.0
        for e in self.edges:
            painter.setPen(palette.sign_pen(e.value, (0.8 + 3.2 * abs(e.value) / top) * s, th))
            painter.drawLine(QLineF(*e.start, *e.end))
        painter.setPen(QPen(palette.qcolor(th.highlight), 2.6 * s))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not self.unit.isEmpty():
            ring = self.unit.adjusted(-3 * s, -3 * s, 3 * s, 3 * s)
            if self.round_unit:
                painter.drawEllipse(ring)
            else:
                painter.drawRect(ring)
        font = QFont(painter.font())
        font.setPointSizeF(7.5 * s)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        bg = palette.qcolor(th.background)
        placed: list[QRectF] = [self.unit]
        for e in self.edges:
            if not e.labelled:
                continue
            text = format_value(e.value)
            w, h = fm.horizontalAdvance(text) + 6, fm.height()
            rect = self._label_rect(e, w, h, placed)
            placed.append(rect)
            painter.setPen(QPen(palette.qcolor(th.positive if e.value >= 0 else th.negative),
                                1.0))
            painter.setBrush(bg)
            painter.drawRoundedRect(rect, h / 2, h / 2)
            painter.setPen(palette.qcolor(th.text))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
