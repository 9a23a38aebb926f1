"""The training panel's scroll area: it scrolls up and down only. It is never narrower than the
panel's own minimum width, so the dock keeps its controls whole instead of showing a
horizontal scroll bar (pt-BR) or cutting the buttons off at a class's screen sizes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget


class PanelScroll(QScrollArea):
    """Hold ``panel`` with a vertical scroll bar only; ask for the panel's minimum width."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingScroll")
        self.setWidgetResizable(True)
        self.setWidget(panel)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(panel.minimumSizeHint().width() + bar, hint.height())
