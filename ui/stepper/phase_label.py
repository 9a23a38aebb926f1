"""The phase line: where the learner is, in words, always two lines high.

A phase text that wraps to a second line (a long Portuguese title, presenter mode) would
otherwise push the timeline, canvas and math panel down by a line on that step and back up on
the next; the label keeps the height of two lines whatever it says.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LINES = 2


class PhaseLine(QLabel):
    """A bold, word-wrapped, selectable label whose height is ``LINES`` lines of its font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseLine")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.setFont(font)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(LINES * self.fontMetrics().lineSpacing() + margins.top()
                            + margins.bottom() + 2)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.FontChange:   # presenter mode scales every font
            self._fit_height()
        super().changeEvent(event)
