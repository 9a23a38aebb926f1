"""Plot axes whose end ticks keep their labels.

pyqtgraph hides a tick label that would stick out of its axis by even a pixel, and with the grid
on the axis ends exactly where the plot does: the cost plot's "0" (its value sits a few pixels
above the bottom) and the accuracy plot's "0 %" and "100 %" vanished in presenter mode, whose
larger font makes every label taller. ``EndLabelAxis`` lets a label stick out by about half its
own size: a vertical axis's labels into the corner under it (empty) or the margin over it; the
epoch axis's first label into the empty corner left of it, never past the plot's right edge.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

# The widest label an epoch axis starts with ("0" … "1000"): the left end may stick out by half.
FIRST_EPOCH_LABEL = "0000"
# Labels on a vertical axis at least this many text lines apart, centre to centre.
LABEL_PITCH = 1.25


class EndLabelAxis(pg.AxisItem):
    """An axis whose labels at its two ends (left end only, for a horizontal one) may stick out
    by half a label, so the end ticks stay labelled."""

    def _font(self) -> QFont:
        font = self.style.get("tickFont")
        if font is not None:
            return QFont(font)
        app = QApplication.instance()
        return QFont(app.font()) if isinstance(app, QApplication) else QFont()

    def overhang(self) -> float:
        """Return how far (px) a label may stick out past an end of the axis."""
        fm = QFontMetricsF(self._font())
        if self.orientation in ("left", "right"):
            return 0.6 * fm.height()
        return 0.6 * fm.horizontalAdvance(FIRST_EPOCH_LABEL)

    def tickSpacing(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803
        """Return pyqtgraph's tick levels, with the major spacing widened to the next 1-2-5
        step when labels on a vertical axis would touch (pyqtgraph spaces ticks by the axis
        length only: a short cost axis in presenter mode wrote 0 … 1.0 one over the other)."""
        levels = super().tickSpacing(minVal, maxVal, size)
        # (On a log axis the values are log10 units: a wider step skips whole decades.)
        if not levels or self.orientation not in ("left", "right") or size <= 0:
            return levels
        least = LABEL_PITCH * QFontMetricsF(self._font()).height() * abs(maxVal - minVal) / size
        if levels[0][0] >= least:
            return levels
        power = 10.0 ** math.floor(math.log10(least))
        step = next(m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= least)
        return [(step, 0.0)]

    def boundingRect(self) -> QRectF:  # noqa: N802 (pyqtgraph override)
        rect = super().boundingRect()
        more = self.overhang()
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -more, 0, more)
        return rect.adjusted(-more, 0, 0, 0)


def end_label_axes() -> dict[str, EndLabelAxis]:
    """Return new left and bottom axes for a ``pg.PlotWidget(axisItems=...)``."""
    return {"left": EndLabelAxis("left"), "bottom": EndLabelAxis("bottom")}


def fit_stacked(upper: pg.PlotWidget, lower: pg.PlotWidget, title: str, widest: str,
                least: int, rows: int = 3) -> None:
    """Size ``lower``, the short plot under ``upper`` sharing its epoch axis, in the current
    font: tall enough for its rotated ``title`` and ``rows`` tick labels (at least ``least``
    px), both left axes wide enough for the tick label ``widest`` so the epoch axes line up.

    A fixed size cut the title ("acurácia", "% of units") and dropped "100 %" in presenter
    mode; the fonts are read directly, as pyqtgraph sizes an axis only when it next paints.
    """
    axis = lower.getAxis("left")
    fm = QFontMetricsF(axis.label.font())
    ticks = QFontMetricsF(axis.style.get("tickFont") or axis.label.font())
    bottom = ticks.height() + fm.height() + 10.0       # the epoch axis: labels and its title
    need = int(max(float(least), max(fm.horizontalAdvance(title), rows * 1.3 * ticks.height())
                   + bottom + 12.0))
    lower.setMinimumHeight(need)
    lower.setMaximumHeight(max(lower.maximumHeight(), need + 40))
    width = int(max(56.0, ticks.horizontalAdvance(widest) + fm.height() + 18.0))
    half = int(0.6 * ticks.height())
    for w in (upper, lower):
        w.getAxis("left").setWidth(width)
        # Room over the plot for the top label's upper half, which the widget would cut; and
        # under the upper plot (its epoch axis writes no numbers) for its bottom label's.
        w.getPlotItem().layout.setContentsMargins(1, half, 1, half if w is upper else 1)
