"""The enlarged map of the hovered neuron: its output over the plane at a readable size, with the
plane's extent on both axes, the training examples on it and a colour bar saying what the
colours mean.

It is a child of the window that holds the canvas (so it may reach over the panels below a
short canvas), painted by itself, transparent to the mouse so hovering goes on underneath it.
``ui.training.neuron_maps`` decides what it shows.

Shapes: values (ny, nx), row 0 at the bottom of the plane; points (m, 2); classes (m,).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QWidget

from ui.canvas.items import format_value
from ui.canvas.maps import map_image
from ui.look import palette
from ui.look.palette import CLASS_HEX, LIGHT, FillScale, Theme

SIDE = 176          # px of the map at presenter scale 1
PAD = 8


@dataclass(frozen=True)
class PopupMap:
    """What the popup shows: one unit's ``values`` over ``x_range`` × ``y_range`` coloured by
    ``fill_scale``; ``title`` above; axis ``names``; the examples ``points`` with ``classes``
    (−1: no class colour); ``marker`` the current example (or None)."""

    values: np.ndarray
    fill_scale: FillScale
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    title: str
    names: tuple[str, str]
    points: np.ndarray
    classes: np.ndarray
    marker: tuple[float, float] | None = None


class MapPopup(QWidget):
    """A neuron's map, enlarged, beside the neuron under the pointer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("neuronMapPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.theme: Theme = LIGHT
        self.scale = 1.0
        self.shown: PopupMap | None = None
        self.image = QImage()
        self._side = float(SIDE)
        self.hide()

    def show_map(self, shown: PopupMap, beside: QRectF, theme: Theme, scale: float) -> None:
        """Show ``shown`` next to ``beside`` (the neuron and its tile, in the parent's pixels):
        to its right if there is room, else to its left, kept inside the parent."""
        self.shown, self.theme, self.scale = shown, theme, scale
        self.image = map_image(shown.fill_scale.rgba(shown.values))
        area = self.parentWidget().rect()
        self._side = SIDE * scale
        size = self._size()
        if size.height() > area.height():     # a short window: a smaller map, all of it seen
            self._side = max(60.0, self._side - (size.height() - area.height()))
            size = self._size()
        self.resize(size)
        x = beside.right() + 10 * scale
        if x + size.width() > area.right():
            x = beside.left() - 10 * scale - size.width()
        x = min(max(x, area.left()), area.right() - size.width())
        y = beside.center().y() - size.height() / 2
        y = min(max(y, area.top()), area.bottom() - size.height())
        self.move(QPoint(round(x), round(y)))
        self.show()
        self.raise_()
        self.update()

    def _font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(points * self.scale)
        font.setBold(bold)
        return font

    def _size(self) -> QSize:
        fm = QFontMetricsF(self._font(8.5))
        side = self._side
        axis_w = max(fm.horizontalAdvance(format_value(v)) for v in self._y_ticks()) + 6
        w = PAD * 2 + axis_w + fm.height() + side
        h = PAD * 2 + self._title_height(w) + side \
            + fm.height() * 2 + 14 * self.scale + fm.height()
        return QSize(round(w), round(h))

    def _title_height(self, width: float) -> float:
        """Return the height the title takes, wrapped to the popup's ``width``."""
        if self.shown is None:
            return 0.0
        fm = QFontMetricsF(self._font(9, True))
        box = fm.boundingRect(QRectF(0, 0, width - 2 * PAD, 10_000),
                              int(Qt.TextFlag.TextWordWrap), self.shown.title)
        return box.height() + 4

    def _y_ticks(self) -> tuple[float, float]:
        return self.shown.y_range if self.shown is not None else (0.0, 1.0)

    def _map_rect(self) -> QRectF:
        fm = QFontMetricsF(self._font(8.5))
        side = self._side
        axis_w = max(fm.horizontalAdvance(format_value(v)) for v in self._y_ticks()) + 6
        top = PAD + self._title_height(self.width())
        return QRectF(PAD + fm.height() + axis_w, top, side, side)

    def map_rect(self) -> QRectF:
        """Return where the map is drawn, in the popup's pixels (tests hover points of it)."""
        return self._map_rect()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.shown is None:
            return
        th, shown = self.theme, self.shown
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setPen(QPen(palette.qcolor(th.foreground), 1.0))
        painter.setBrush(palette.qcolor(th.background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        text = palette.qcolor(th.text)
        title_font, font = self._font(9, True), self._font(8.5)
        fm = QFontMetricsF(font)
        painter.setFont(title_font)
        painter.setPen(text)
        box = QRectF(PAD, PAD, self.width() - 2 * PAD, self._title_height(self.width()))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, shown.title)
        rect = self._map_rect()
        painter.drawImage(rect, self.image)
        self._paint_points(painter, rect)
        painter.setPen(QPen(palette.qcolor(th.foreground), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        self._paint_axes(painter, rect, font, fm, text)
        self._paint_colour_bar(painter, rect, font, fm, text)
        painter.end()

    def _to_pixel(self, rect: QRectF, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        (x0, x1), (y0, y1) = self.shown.x_range, self.shown.y_range
        px = rect.left() + (x - x0) / (x1 - x0) * rect.width()
        py = rect.bottom() - (y - y0) / (y1 - y0) * rect.height()
        return px, py

    def _paint_points(self, painter: QPainter, rect: QRectF) -> None:
        shown = self.shown
        if shown.points.size:
            px, py = self._to_pixel(rect, shown.points[:, 0], shown.points[:, 1])
            r = 2.2 * self.scale
            painter.setPen(QPen(QColor("#111111"), 0.8 * self.scale))
            for cls in np.unique(shown.classes):
                colour = QColor("#FFFFFF") if cls < 0 else QColor(CLASS_HEX[int(cls)
                                                                             % len(CLASS_HEX)])
                painter.setBrush(colour)
                for x, y in zip(px[shown.classes == cls].tolist(),
                                py[shown.classes == cls].tolist(), strict=True):
                    painter.drawEllipse(QPointF(x, y), r, r)
        if shown.marker is not None:
            u, v = shown.marker
            c = QPointF(rect.left() + u * rect.width(), rect.bottom() - v * rect.height())
            for colour, width in ((QColor("#FFFFFF"), 3.2), (QColor("#111111"), 1.6)):
                painter.setPen(QPen(colour, width * self.scale))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(c, 5 * self.scale, 5 * self.scale)

    def _paint_axes(self, painter: QPainter, rect: QRectF, font: QFont, fm: QFontMetricsF,
                    text: QColor) -> None:
        (x0, x1), (y0, y1) = self.shown.x_range, self.shown.y_range
        painter.setFont(font)
        painter.setPen(text)
        h = fm.height()
        below = QRectF(rect.left(), rect.bottom() + 2, rect.width(), h)
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, format_value(x0, 2))
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, format_value(x1, 2))
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, self.shown.names[0])
        left = QRectF(rect.left() - 200, rect.top(), 197, rect.height())
        painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         format_value(y1, 2))
        painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         format_value(y0, 2))
        painter.save()          # the second axis's name, written upwards beside the map
        turn = QTransform.fromTranslate(PAD + h * 0.8, rect.center().y())
        turn.rotate(-90)
        painter.setTransform(turn, True)
        painter.drawText(QRectF(-rect.height() / 2, -h, rect.height(), h),
                         Qt.AlignmentFlag.AlignCenter, self.shown.names[1])
        painter.restore()

    def _paint_colour_bar(self, painter: QPainter, rect: QRectF, font: QFont,
                          fm: QFontMetricsF, text: QColor) -> None:
        scale = self.shown.fill_scale
        limit = scale.limit(self.shown.values)
        lo = -limit if scale.signed else 0.0
        ramp = np.linspace(lo, limit, 64)
        strip = map_image(scale.rgba(ramp)[None, :, :])
        h = fm.height()
        bar = QRectF(rect.left(), rect.bottom() + h + 6 * self.scale, rect.width(),
                     8 * self.scale)
        painter.drawImage(bar, strip)
        painter.setPen(QPen(palette.qcolor(self.theme.foreground), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        painter.setPen(text)
        under = QRectF(bar.left(), bar.bottom() + 1, bar.width(), h)
        painter.drawText(under, Qt.AlignmentFlag.AlignLeft, format_value(lo, 2))
        painter.drawText(under, Qt.AlignmentFlag.AlignRight, format_value(limit, 2))
        mid = 0.0 if scale.signed else limit / 2
        painter.drawText(under, Qt.AlignmentFlag.AlignHCenter, format_value(mid, 2))
