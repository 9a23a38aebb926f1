"""Plot axes whose end ticks keep their labels.

pyqtgraph hides a tick label that would stick out of its axis by even a pixel, and with the grid
on the axis ends exactly where the plot does: the cost plot's "0" (its value sits a few pixels
above the bottom) and the accuracy plot's "0 %" and "100 %" vanished in presenter mode, whose
larger font makes every label taller. ``EndLabelAxis`` lets a label stick out by about half its
own size: a vertical axis's labels into the corner under it (empty) or the margin over it; the
epoch axis's first label into the empty corner left of it, never past the plot's right edge.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

# The widest label an epoch axis starts with ("0" … "1000"): the left end may stick out by half.
FIRST_EPOCH_LABEL = "0000"


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

    def boundingRect(self) -> QRectF:  # noqa: N802 (pyqtgraph override)
        rect = super().boundingRect()
        more = self.overhang()
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -more, 0, more)
        return rect.adjusted(-more, 0, 0, 0)


def end_label_axes() -> dict[str, EndLabelAxis]:
    """Return new left and bottom axes for a ``pg.PlotWidget(axisItems=...)``."""
    return {"left": EndLabelAxis("left"), "bottom": EndLabelAxis("bottom")}
