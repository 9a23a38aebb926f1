"""A legend strip for the network canvas: what fill, ring, colour, dash and width mean.

Once the view knows each layer's ``FillScale``, the fill entry becomes up to two entries, one
for the signed layers and one for the 0..1 layers, each listing its scales with their layers:
"fill = a, hatched < 0: ±1.2 (layer 1); ±1 (layers 2, 3)" for centred inputs and tanh (the swatch
shows orange … grey … blue, hatched on the negative side), "fill = a: 0 … 1 (layer 4)" for
sigmoid; for ReLU/linear it says that a column whose largest |a| is beyond 1 is drawn to that |a|.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.canvas.items import format_value
from ui.look import palette
from ui.look.palette import LIGHT, FillScale, Theme

SWATCH_W = 34.0


class NetworkLegend(QWidget):
    """Draw one swatch per meaning (activation fill, delta ring, weight sign, |Θ|, bias unit),
    wrapping onto more rows when narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkLegend")
        self.theme: Theme = LIGHT
        self.scale = 1.0
        self.entries: list[tuple[str, str]] = []
        self.fill_scales: list[FillScale] | None = None   # one per layer, when known
        # Which parts the drawing has: delta rings (circles), delta bars (cells), heat maps,
        # edges between circle columns (sized by |Θ|).
        self.parts = {"ring": True, "bar": False, "heat": False, "width": True}
        # Compact: one short row of swatches and symbols, for a canvas with no room for more.
        self.compact = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the legend's texts in the current language."""
        entries = [
            *self._fill_entries(),
            ("ring", self.tr("ring = delta d (solid +, dashed −)")),
            ("bar", self.tr("bar = delta d (filled +, hollow −)")),
            ("heat", self.tr("heat map: Θ < 0 … 0 … Θ > 0")),
            ("pos", self.tr("Θ > 0 (blue, solid)")),
            ("neg", self.tr("Θ < 0 (orange, dashed)")),
            ("width", self.tr("line width = |Θ|")),
            ("bias", self.tr("bias unit +1")),
        ]
        if self.compact:     # the swatches say the rest; the tooltip keeps the long texts
            short = {"fill": "a", "signed": "a ±", "ring": "d", "bar": "d", "heat": "Θ",
                     "pos": "Θ > 0", "neg": "Θ < 0", "width": "|Θ|", "bias": self.tr("bias")}
            entries = [(kind, short[kind]) for kind, _ in entries]
        self.entries = [(kind, text) for kind, text in entries if self.parts.get(kind, True)]
        self.setToolTip(self.tr("How to read the network drawing"))
        self.update()

    def set_compact(self, compact: bool) -> bool:
        """Draw one short row of symbols (True) or the full texts; return whether it changed."""
        if compact == self.compact:
            return False
        self.compact = compact
        self.retranslate()
        self.updateGeometry()
        return True

    def set_fill_scales(self, scales: list[FillScale] | None) -> bool:
        """Explain the fill of each layer (``scales[l-1]``; None: one generic entry); return
        whether the entries changed (the legend may then need another height)."""
        if scales == self.fill_scales:
            return False
        self.fill_scales = None if scales is None else list(scales)
        self.retranslate()
        self.updateGeometry()
        return True

    def set_parts(self, ring: bool, bar: bool, heat: bool, width: bool) -> bool:
        """Explain only what the drawing has: delta ``ring``s, delta ``bar``s, ``heat`` maps,
        edge ``width``s; return whether the entries changed."""
        parts = {"ring": ring, "bar": bar, "heat": heat, "width": width}
        if parts == self.parts:
            return False
        self.parts = parts
        self.retranslate()
        self.updateGeometry()
        return True

    def _fill_entries(self) -> list[tuple[str, str]]:
        """Return the fill entries: one for the 0..1 layers, one for the signed layers, each
        listing its ranges with the layers drawn to them."""
        if not self.fill_scales:
            return [("fill", self.tr("fill = activation a"))]
        groups: dict[FillScale, list[int]] = {}
        for layer, scale in enumerate(self.fill_scales, start=1):
            groups.setdefault(scale, []).append(layer)
        entries = []
        for signed in (True, False):
            parts = [self._range_text(scale, layers) for scale, layers in groups.items()
                     if scale.signed == signed]
            if parts:
                # Short: the swatch beside the text shows orange … grey … blue and the hatching.
                text = (self.tr("fill = a, hatched < 0: {0}") if signed
                        else self.tr("fill = a: {0}"))
                entries.append(("signed" if signed else "fill", text.format("; ".join(parts))))
        return entries

    def _range_text(self, scale: FillScale, layers: list[int]) -> str:
        """Return "±1 (layers 2, 3)", "0 … 1 (layer 4)" or, for ReLU/linear, the same saying
        that a larger |a| in the column becomes full colour."""
        where = (self.tr("layer {0}").format(layers[0]) if len(layers) == 1
                 else self.tr("layers {0}").format(_ranges(layers)))
        full = format_value(scale.full, 3)
        if scale.signed and scale.grows:
            text = self.tr("±{0} or the column's largest |a| ({1})")
        elif scale.signed:
            text = self.tr("±{0} ({1})")
        elif scale.grows:
            text = self.tr("0 … {0} or the column's largest a ({1})")
        else:
            text = self.tr("0 … {0} ({1})")
        return text.format(full, where)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_look(self, theme: Theme, scale: float) -> None:
        """Use ``theme`` colours and presenter ``scale``."""
        self.theme, self.scale = theme, scale
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        """Return the legend's texts, in order."""
        return [text for _, text in self.entries]

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF((7.0 if self.compact else 8.5) * self.scale)
        return font

    def _pieces(self, width: float, fm: QFontMetrics) -> list[tuple[str, str]]:
        """Return the entries, each one too wide for a row of its own split after its "; "
        into pieces that fit (a linear output's fill entry lists three ranges); the pieces
        after the first are ``more``: no swatch, the text under the first's."""
        room = width - 8.0 - self._swatch_w() - 6 - 16 * self.scale
        pieces: list[tuple[str, str]] = []
        for kind, text in self.entries:
            if fm.horizontalAdvance(text) <= room or "; " not in text:
                pieces.append((kind, text))
                continue
            line = ""
            for part in text.split("; "):
                longer = f"{line}; {part}" if line else part
                if line and fm.horizontalAdvance(longer) > room:
                    pieces.append((kind, line + ";"))
                    kind, line = "more", part
                else:
                    line = longer
            pieces.append((kind, line))
        return pieces

    def _swatch_w(self) -> float:
        return SWATCH_W * self.scale * (0.7 if self.compact else 1.0)

    def _pad(self) -> float:
        """Return the room above and below a row's text."""
        return (3.0 if self.compact else 10.0) * self.scale

    def _rows(self, width: float) -> list[list[tuple[str, str, float]]]:
        fm = QFontMetrics(self._font())
        rows: list[list[tuple[str, str, float]]] = [[]]
        x = 8.0
        for kind, text in self._pieces(width, fm):
            w = self._swatch_w() + 6 + fm.horizontalAdvance(text) + 16 * self.scale
            if rows[-1] and x + w > width:
                rows.append([])
                x = 8.0
            rows[-1].append((kind, text, w))
            x += w
        return rows

    def height_for(self, width: float) -> int:
        """Return the height needed to show every entry in ``width`` pixels."""
        row_h = QFontMetrics(self._font()).height() + self._pad()
        return int(len(self._rows(width)) * row_h + (2 if self.compact else 6))

    def sizeHint(self) -> QSize:
        return QSize(600, self.height_for(max(self.width(), 600)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), palette.qcolor(self.theme.background))
        p.setFont(self._font())
        row_h = p.fontMetrics().height() + self._pad()
        sw = self._swatch_w()
        sh = min(16 * self.scale, row_h - 2)
        for r, row in enumerate(self._rows(self.width())):
            x, cy = 8.0, (1 if self.compact else 3) + r * row_h + row_h / 2
            for kind, text, w in row:
                self._swatch(p, kind, QRectF(x, cy - sh / 2, sw, sh))
                p.setPen(palette.qcolor(self.theme.text))
                p.drawText(QRectF(x + sw + 6, cy - row_h / 2, w, row_h),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
                x += w
        p.end()

    def _swatch(self, p: QPainter, kind: str, rect: QRectF) -> None:
        th, s = self.theme, self.scale
        fg = QPen(palette.qcolor(th.foreground), 1.0)
        mid = rect.center()
        if kind == "fill":
            grad = QLinearGradient(rect.topLeft(), rect.topRight())
            for t in (0.0, 0.5, 1.0):
                grad.setColorAt(t, palette.sequential_color(t))
            p.setPen(fg)
            p.setBrush(grad)
            p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        elif kind == "signed":
            grad = QLinearGradient(rect.topLeft(), rect.topRight())
            for t in (0.0, 0.5, 1.0):
                grad.setColorAt(t, palette.diverging_color(2 * t - 1))
            p.setPen(fg)
            p.setBrush(grad)
            p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            # The negative half is hatched, as negative neurons are.
            p.save()
            inside = QPainterPath()
            inside.addRoundedRect(rect.adjusted(1, 1, -1, -1), rect.height() / 2 - 1,
                                  rect.height() / 2 - 1)
            p.setClipPath(inside)
            p.setClipRect(QRectF(rect.left(), rect.top(), rect.width() / 2, rect.height()),
                          Qt.ClipOperation.IntersectClip)
            p.setPen(QPen(palette.hatch_color(palette.diverging_color(-0.6)), max(1.0, s)))
            gap = 4.0 * s
            x = rect.left() - rect.height()
            while x < mid.x():
                p.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
                x += gap
            p.restore()
        elif kind == "ring":
            r = rect.height() / 2 - 1.5
            for dx, sign in ((-r - 1.5, 1.0), (r + 1.5, -1.0)):
                pen = QPen(palette.diverging_color(sign), 2.5 * s)
                pen.setStyle(palette.sign_line_style(sign))
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(mid + QPointF(dx, 0), r, r)
        elif kind == "bar":
            h = rect.height() / 3
            for k, sign in enumerate((1.0, -1.0)):
                bar = QRectF(rect.left() + 2 + k * rect.width() / 2, mid.y() - h / 2,
                             rect.width() / 2 - 4, h)
                p.setPen(QPen(palette.diverging_color(sign), 1.0))
                p.setBrush(palette.diverging_color(sign) if sign > 0 else Qt.BrushStyle.NoBrush)
                p.drawRect(bar)
        elif kind == "heat":
            # The heat map's own map: one pixel per weight, orange − … grey 0 … blue +.
            cells = 7
            w = rect.width() / cells
            p.setPen(Qt.PenStyle.NoPen)
            for k in range(cells):
                p.setBrush(palette.diverging_color(2 * k / (cells - 1) - 1))
                p.drawRect(QRectF(rect.left() + k * w, rect.top() + 2, w, rect.height() - 4))
            p.setPen(fg)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(0, 2, 0, -2))
        elif kind in ("pos", "neg"):
            pen = palette.sign_pen(1.0 if kind == "pos" else -1.0, 3.0 * s, th)
            p.setPen(pen)
            p.drawLine(QPointF(rect.left(), mid.y()), QPointF(rect.right(), mid.y()))
        elif kind == "width":
            for k, w in enumerate((1.0, 3.0, 6.0)):
                pen = palette.sign_pen(1.0, w * s, th)
                p.setPen(pen)
                x = rect.left() + (k + 0.5) * rect.width() / 3
                p.drawLine(QPointF(x - 4 * s, rect.bottom()), QPointF(x + 4 * s, rect.top()))
        elif kind == "bias":
            side = rect.height()
            sq = QRectF(mid.x() - side / 2, rect.top(), side, side)
            p.setPen(fg)
            p.setBrush(palette.qcolor(th.bias_fill))
            p.drawRoundedRect(sq, side * 0.3, side * 0.3)
            font = QFont(p.font())
            font.setBold(True)
            font.setPointSizeF(6.5 * s)
            p.save()
            p.setFont(font)
            p.setPen(palette.qcolor(th.text))
            p.drawText(sq, Qt.AlignmentFlag.AlignCenter, "+1")
            p.restore()


def _ranges(layers: list[int]) -> str:
    """Return layer numbers as runs: [1, 2, 3, 5] -> "1–3, 5"."""
    runs: list[list[int]] = []
    for layer in layers:
        if runs and layer == runs[-1][-1] + 1:
            runs[-1].append(layer)
        else:
            runs.append([layer])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)
