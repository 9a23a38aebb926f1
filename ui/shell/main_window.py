"""The main window: it only arranges menus, toolbars and docks; ui/app.py builds what goes in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from ui.state import AppState


class MainWindow(QMainWindow):
    """Menus File / View / Help, a central area and dock areas, around one ``AppState``.

    The composition root (ui/app.py) also leaves handles on the window for scripts and tests —
    ``stepper``, ``network_view``, ``math_panel``, ``timeline``, ``inspector``, ``training``,
    ``training_panel``, ``loss_plot``, ``boundary_view``, ``session`` — which no part reads.
    """

    language_changed = Signal()   # after the window's own texts are retranslated

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.state = state
        self.file_menu: QMenu = self.menuBar().addMenu("")
        self.file_menu.setObjectName("fileMenu")
        self.view_menu: QMenu = self.menuBar().addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.help_menu: QMenu = self.menuBar().addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.resize(1400, 900)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text of the window itself (called again when the language changes)."""
        self.setWindowTitle(self.tr("Backprop Visualizer"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.language_changed.emit()
        super().changeEvent(event)
