"""The loss landscape as a dock of the window, and the canvas's right-click on an edge that puts
that weight on one of the landscape's axes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from ui.canvas.view import NetworkView
from ui.look.on_screen import when_shown
from ui.state import AppState
from ui.training.landscape_view import LandscapeView
from ui.training.scheduler import TrainingController


class EdgeMenu(QObject):
    """A right-click on an edge Θ(l)[i, j] of the canvas offers it as the landscape's x or y
    weight (other right-clicks pass on)."""

    def __init__(self, canvas: NetworkView, landscape: LandscapeView,
                 dock: QDockWidget | None = None) -> None:
        super().__init__(landscape)
        self.canvas, self.landscape, self.dock = canvas, landscape, dock
        canvas.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.ContextMenu:
            return False
        hit = self.canvas.interaction.hit_test(self.canvas.mapToScene(event.pos()))
        if hit is None or len(hit) != 3:
            return False
        menu = self.menu_for(*hit)
        menu.exec(event.globalPos())
        return True

    def menu_for(self, l: int, i: int, j: int) -> QMenu:
        """Return the menu for the edge Θ(l)[i, j] (i from 0, as the canvas counts rows)."""
        menu = QMenu(self.canvas)
        menu.setObjectName("landscapeEdgeMenu")
        name = f"Θ({l})[{i + 1}, {j}]"
        for axis, text in ((0, self.tr("Loss landscape: %1 on the x axis")),
                           (1, self.tr("Loss landscape: %1 on the y axis"))):
            action = menu.addAction(text.replace("%1", name))
            action.setObjectName(f"landscapeAxis{axis}Action")
            action.triggered.connect(lambda _c=False, a=axis: self._pick(l, i, j, a))
        return menu

    def _pick(self, l: int, i: int, j: int, axis: int) -> None:
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()
        self.landscape.pick_weight(l, i, j, axis)


def install(window: QMainWindow, state: AppState, controller: TrainingController,
            canvas: NetworkView | None, beside: QDockWidget | None = None) -> LandscapeView:
    """Add the loss landscape dock to ``window`` (a tab beside ``beside``, else on the right),
    with its View-menu toggle and, on ``canvas``, the right-click on edges; return the view."""
    view = LandscapeView(state, controller)
    controller.trainer.path = view.path      # the trainer records it where epochs end
    dock = QDockWidget(window)
    dock.setObjectName("landscapeDock")
    dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    if beside is not None:
        window.tabifyDockWidget(beside, dock)
        beside.raise_()
    view.dock = dock
    when_shown(dock, view.catch_up)
    view.retranslate()
    window.view_menu.addAction(dock.toggleViewAction())
    if canvas is not None:
        view.edge_menu = EdgeMenu(canvas, view, dock)
    return view
