"""What the two views of the network's output over the data share.

The decision boundary (two features: a map over the plane) and the regression plot (one feature:
a curve h(x)) both show the examples under the network's output, follow the unit hovered in the
network canvas, let a click on a training example step through it, and skip redrawing while they
are hidden. That behaviour lives here once; each view draws its own way in ``redraw``.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.look.on_screen import hidden_on_screen
from ui.look.palette import LIGHT
from ui.look.theme import scale_plot
from ui.state import AppState


def plain_label(object_name: str) -> QLabel:
    """Return a word-wrapped plain-text label named ``object_name``.

    Class and feature names come from files: plain text, never Qt rich text (styled text, links
    and local images would load)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def quiet_plot() -> pg.PlotWidget:
    """Return a plot without pyqtgraph's context menu and auto-range button (a class should not
    land in pyqtgraph's export menu by a right click)."""
    plot = pg.PlotWidget()
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    return plot


class OutputView(QWidget):
    """Base of the widgets that draw the network's output over the examples of ``state``.

    ``hovered`` is (layer, index) of the unit drawn instead of (or beside) the output, or None.
    Subclasses set ``self.plot`` and implement ``retranslate``, ``_update_title`` and ``redraw``.
    """

    def __init__(self, state: AppState, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumWidth(200)
        self.state = state
        self.hovered: tuple[int, int] | None = None
        self._stale = False     # weights changed while the view was not shown
        self._theme = LIGHT

    # --- hooks ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        raise NotImplementedError

    def _update_title(self) -> None:
        raise NotImplementedError

    def redraw(self) -> None:
        """Redraw what depends on the weights."""
        raise NotImplementedError

    # --- shared behaviour ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_scale(self, _factor: float) -> None:
        """Draw the plot's ticks and titles in the application font (presenter mode)."""
        scale_plot(self.plot)

    def set_hovered(self, layer: int, index: int) -> None:
        """Show unit ``index`` (0-based) of ``layer`` (1-based, the notes' numbering); an index
        of −1 (or a unit that does not exist) goes back to the network's output alone."""
        sizes = self.state.network.layer_sizes
        valid = index >= 0 and 1 <= layer <= len(sizes) and index < sizes[layer - 1]
        new = (layer, index) if valid else None
        if new != self.hovered:
            self.hovered = new
            self._update_title()
            self.redraw()

    def _on_points_clicked(self, _item: pg.ScatterPlotItem, points, _event=None) -> None:
        # A spot's data is its row of state.X: clicking steps through that example.
        if len(points):
            self.state.set_example(int(points[0].data()))

    def _on_state_weights_changed(self) -> None:
        # A closed dock, a tab behind another (or the other plot on show) costs nothing.
        if hidden_on_screen(self):
            self._stale = True
            return
        self.redraw()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.catch_up()
        super().showEvent(event)

    def catch_up(self) -> None:
        """Redraw if the weights changed while nobody saw the view (its dock's tab coming to
        the front shows no widget, so the dock calls this)."""
        if self._stale and self.isVisible():    # the data dock shows one of its two views
            self._stale = False
            self.redraw()
