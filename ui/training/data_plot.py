"""The data plot: the decision boundary for two-feature data, the regression curve for one.

One dock shows whichever fits the data the state holds (``regression_view.applies_to``): the
task layouts need no dock of their own for regression, and the dock's title says which plot it
holds. Both views stay built; the hidden one skips its redraws until shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDockWidget, QStackedLayout, QWidget

from ui.look import dock_titles
from ui.state import AppState
from ui.training.boundary_view import BoundaryView
from ui.training.regression_view import RegressionView, applies_to


class DataPlot(QWidget):
    """``boundary`` or ``regression``, whichever the state's data calls for; titles its dock."""

    def __init__(self, state: AppState, boundary: BoundaryView, regression: RegressionView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataPlot")
        self.state, self.boundary, self.regression = state, boundary, regression
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(boundary)
        self._stack.addWidget(regression)
        # Connected after the views' own handlers: they are up to date when this one shows them.
        state.network_changed.connect(self._on_state_data_changed)
        state.data_changed.connect(self._on_state_data_changed)
        self._on_state_data_changed()

    def showing_regression(self) -> bool:
        """Return whether the regression curve (not the decision boundary) is on show."""
        return self._stack.currentWidget() is self.regression

    def set_hovered(self, layer: int, index: int) -> None:
        """Pass a unit hovered in the network canvas to both views (see their set_hovered)."""
        self.boundary.set_hovered(layer, index)
        self.regression.set_hovered(layer, index)

    def catch_up(self) -> None:
        """Redraw the plot on show if the weights changed while nobody saw it (its dock's tab
        was behind another)."""
        self.boundary.catch_up()
        self.regression.catch_up()

    def title(self) -> str:
        """Return the dock's full title for the plot on show, in the current language."""
        return self.tr("Regression curve h(x)") if self.showing_regression() \
            else self.tr("Decision boundary")

    def short_title(self) -> str:
        """Return the dock's tab title for the plot on show, in the current language."""
        return self.tr("Curve", "dock tab") if self.showing_regression() \
            else self.tr("Boundary", "dock tab")

    def retranslate(self) -> None:
        """Title the dock that holds this plot (called again when the language changes)."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock_titles.set_titles(dock, self.short_title(), self.title())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_state_data_changed(self) -> None:
        view = self.regression if applies_to(self.state) else self.boundary
        if view is not self._stack.currentWidget():
            self._stack.setCurrentWidget(view)
        self.retranslate()
