"""The gradient check on screen: every Θ(l) as a heat map of |D − D_num| / (|D| + |D_num|).

D is the step-through's (the trace's D), D_num the central difference (J(θ + ε) − J(θ − ε)) / 2ε
with ε = 10⁻⁴ around the weights the trace starts from, on the same examples; the engine computes
both (engine/gradient_check.py), this only draws them on a log colour scale, with each layer's
largest difference written out.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from engine.gradient_check import AGREEMENT, EPSILON, LayerCheck, check_layers, network_of
from engine.trace import Trace
from ui.look import palette
from ui.maths.tables import num, sub

LOG_LO, LOG_HI = -12.0, 0.0      # the colour scale: 10⁻¹² (and exact agreement) … 1
MAX_CELL = 56.0
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def exponent(value: float) -> str:
    """Return ``value`` as 3,2·10⁻⁷ in the user's locale (0 as 0)."""
    if value == 0 or not math.isfinite(value):
        return num(value)
    e = math.floor(math.log10(abs(value)))
    mant = value / 10 ** e
    sup = str(e).translate(SUPERSCRIPTS)
    return f"{QLocale().toString(mant, 'f', 1)}·10{sup}"


def power_of_ten(e: int) -> str:
    """Return 10ᵉ written as 10⁻⁹ (1 for e = 0)."""
    return "1" if e == 0 else "10" + str(e).translate(SUPERSCRIPTS)


def log_position(rel: np.ndarray) -> np.ndarray:
    """Return log10 of the relative differences, exact agreement (0) at the scale's bottom."""
    with np.errstate(divide="ignore"):
        return np.clip(np.log10(np.where(rel > 0, rel, 10 ** LOG_LO)), LOG_LO, LOG_HI)


class HeatMaps(QWidget):
    """Draw each layer's relative differences as a grid (rows i, columns j; j = 0 the bias) and a
    colour bar of the log scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientCheckMaps")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 220)
        self.check: LayerCheck | None = None
        self._cells: list[tuple[QRectF, int, float]] = []   # (grid rectangle, l, cell size)

    def set_check(self, check: LayerCheck | None) -> None:
        """Show ``check`` (None: nothing)."""
        self.check = check
        self.update()

    def _layout(self) -> list[tuple[QRectF, int, float]]:
        check = self.check
        if check is None:
            return []
        fm = QFontMetricsF(self.font())
        top, bar = fm.height() * 2.4, fm.height() * 3.2
        gap = 16.0
        avail_w = self.width() - gap * (len(check.relative) + 1)
        avail_h = self.height() - top - bar - gap
        cols = sum(r.shape[1] for r in check.relative)
        rows = max(r.shape[0] for r in check.relative)
        cell = max(2.0, min(MAX_CELL, avail_w / max(cols, 1), avail_h / max(rows, 1)))
        x = gap
        out = []
        for l, r in enumerate(check.relative, 1):
            w = max(r.shape[1] * cell, fm.horizontalAdvance("Θ(0)  ·10⁻⁰⁰"))
            out.append((QRectF(x, top, r.shape[1] * cell, r.shape[0] * cell), l, cell))
            x += w + gap
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        self._cells = self._layout()
        check = self.check
        if check is None:
            return
        fm = QFontMetricsF(self.font())
        text_pen = QPen(self.palette().windowText().color())
        for rect, l, cell in self._cells:
            rel = check.relative[l - 1]
            rgba = palette.sequential_rgba(log_position(rel), LOG_LO, LOG_HI)
            for i in range(rel.shape[0]):
                for j in range(rel.shape[1]):
                    painter.fillRect(QRectF(rect.left() + j * cell, rect.top() + i * cell,
                                            cell, cell), palette.rgba_to_qcolor(rgba[i, j]))
            painter.setPen(text_pen)
            painter.drawRect(rect)
            worst = check.worst[l - 1]
            painter.drawText(QPointF(rect.left(), rect.top() - fm.height() * 1.3), f"Θ({l})")
            painter.drawText(QPointF(rect.left(), rect.top() - fm.height() * 0.3),
                             "max " + exponent(worst))
        self._paint_bar(painter, fm, text_pen)

    def _paint_bar(self, painter: QPainter, fm: QFontMetricsF, pen: QPen) -> None:
        h = fm.height()
        left, right = 16.0 + h, min(self.width() - 16.0 - h, 16.0 + 420)
        bottom = max((rect.bottom() for rect, _l, _c in self._cells), default=0.0)
        y = min(bottom + h * 1.2, self.height() - h * 2.6)
        steps = 60
        width = (right - left) / steps
        for k in range(steps):
            t = LOG_LO + (LOG_HI - LOG_LO) * (k + 0.5) / steps
            painter.fillRect(QRectF(left + k * width, y, width + 1, h * 0.8),
                             palette.sequential_color(t, LOG_LO, LOG_HI))
        painter.setPen(pen)
        for e in range(int(LOG_LO), int(LOG_HI) + 1, 3):
            x = left + (right - left) * (e - LOG_LO) / (LOG_HI - LOG_LO)
            painter.drawLine(QPointF(x, y + h * 0.8), QPointF(x, y + h))
            label = power_of_ten(e)
            painter.drawText(QPointF(x - fm.horizontalAdvance(label) / 2, y + h * 1.9), label)
        mark = left + (right - left) * (math.log10(AGREEMENT) - LOG_LO) / (LOG_HI - LOG_LO)
        painter.setPen(QPen(pen.color(), 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(mark, y - 3), QPointF(mark, y + h * 0.8 + 3))

    def entry_at(self, pos: QPointF) -> tuple[int, int, int] | None:
        """Return (l, i, j) of the cell under ``pos``, or None."""
        for rect, l, cell in self._cells:
            if rect.contains(pos):
                return l, int((pos.y() - rect.top()) // cell), int((pos.x() - rect.left()) // cell)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.entry_at(event.position())
        if hit is None or self.check is None:
            QToolTip.hideText()
            return
        l, i, j = hit
        c = self.check
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"Θ({l}){sub(i + 1)}{sub(j)}\nD = {num(c.analytic[l - 1][i, j])}\n"
                          f"D_num = {num(c.numerical[l - 1][i, j])}\n"
                          f"|D − D_num| / (|D| + |D_num|) = {exponent(c.relative[l - 1][i, j])}",
                          self)


class GradientCheckView(QDialog):
    """The Gradient check window: the step-through's D against central differences, entry by
    entry, for the trace it is given (``set_trace`` while it is open)."""

    def __init__(self, trace: Trace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientCheckView")
        self._trace = trace
        self.check: LayerCheck | None = None
        self.intro = QLabel(self)
        self.intro.setObjectName("gradientCheckIntro")
        self.intro.setWordWrap(True)
        self.maps = HeatMaps(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("gradientCheckSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.maps, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.retranslate()

    def set_trace(self, trace: Trace) -> None:
        """Check ``trace`` now if the window is open, else when it is next shown."""
        self._trace = trace
        self.check = None
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.check is None:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> LayerCheck:
        """Compute the check of the current trace, show it and return it."""
        t = self._trace
        self.check = check_layers(network_of(t), t.X, t.Y, t.D, t.lam, EPSILON, t.lam1)
        self.maps.set_check(self.check)
        self._write_summary()
        return self.check

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Gradient check"))
        self.intro.setText(self.tr(
            "Each square is one weight Θ(l)ᵢⱼ (rows i, columns j; column 0 the bias). Its colour "
            "is the relative difference |D − D_num| / (|D| + |D_num|) between the step-through's "
            "gradient D and the central difference D_num = (J(θ + ε) − J(θ − ε)) / 2ε, "
            "ε = 10⁻⁴, on a log scale. The notes' advice: agreement to about 10⁻⁹ means the "
            "backprop is right; the dashed mark is 10⁻⁶, above which a square says the gradient "
            "is wrong there. Point at a square for its numbers."))
        self.maps.setToolTip("")
        self._write_summary()

    def _write_summary(self) -> None:
        c = self.check
        if c is None:
            self.summary.setText("")
            return
        rows = []
        for l, worst in enumerate(c.worst, 1):
            verdict = (self.tr("agrees") if worst < AGREEMENT else
                       "<b>" + self.tr("disagrees") + "</b>")
            rows.append(self.tr("Θ({l}): largest relative difference {v}: {verdict}").replace(
                "{l}", str(l)).replace("{v}", exponent(worst)).replace("{verdict}", verdict))
        bad = sum(int(np.count_nonzero(r >= AGREEMENT)) for r in c.relative)
        rows.append(self.tr("m = {m} example(s); {bad} of {n} weights disagree.").replace(
            "{m}", str(self._trace.m)).replace("{bad}", str(bad)).replace(
            "{n}", str(sum(r.size for r in c.relative))))
        self.summary.setText("<br>".join(rows))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
