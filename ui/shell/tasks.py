"""Tasks: the window arranged for what the learner is doing — stepping through an example,
training, or exploring with everything in view.

``install(window, math_panel, docks)`` adds a "Task" combo to a toolbar and "Task" entries with
"Reset layout" to the View menu, and returns the ``TaskSwitcher``. Each task shows its docks
(and, for training, hides the math panel, whose numbers wait while training runs anyway); the
layout a learner makes of a task is remembered (``saveState``) and comes back when the task is
chosen again. Dock sizes follow the window: after a resize the docks get back the share of the
window they had, instead of staying squeezed.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLabel, QMainWindow, QWidget

from ui.shell.tab_bars import hide_stray_tab_bars

TASKS = ("step", "train", "explore")
DEFAULT_TASK = "explore"
# Which docks each task shows (by objectName); the step-through area is always there.
TASK_DOCKS: dict[str, frozenset[str]] = {
    "step": frozenset(),
    "train": frozenset({"trainingDock", "boundaryDock", "lossDock", "healthDock",
                        "landscapeDock"}),
    "explore": frozenset({"trainingDock", "boundaryDock", "lossDock", "healthDock",
                          "landscapeDock"}),
}
TASK_SHOWS_MATHS = {"step": True, "train": False, "explore": True}
# Each dock's (width, height) as shares of the window when a task is first shown: exploring
# leaves the step-through two thirds of the width; training gives the plots 40 %, so the live
# network keeps room for the digits' 8×8 image, Θ heat maps and cells (at half, its canvas was
# 450 px wide at 1400×900 and its hidden layer unreadable at 1280×720).
# The training dock gets 40 % of the height: at 36 % its tabs showed one row at 1280×720 (at
# 44 % the cost and accuracy plots were squeezed in presenter mode).
DEFAULT_SHARES: dict[str, dict[str, tuple[float, float]]] = {
    "explore": {"trainingDock": (0.34, 0.4), "boundaryDock": (0.17, 0.6),
                "lossDock": (0.17, 0.6), "healthDock": (0.17, 0.6),
                "landscapeDock": (0.17, 0.6)},
    "train": {"trainingDock": (0.4, 0.4), "boundaryDock": (0.2, 0.6),
              "lossDock": (0.2, 0.6), "healthDock": (0.2, 0.6), "landscapeDock": (0.2, 0.6)},
}


class TaskSwitcher(QObject):
    """Switch the window between tasks; remember each task's layout; keep dock shares on
    resize."""

    task_changed = Signal(str)

    def __init__(self, window: QMainWindow, math_panel: QWidget | None,
                 docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window, self.math_panel, self.docks = window, math_panel, list(docks)
        self.task = DEFAULT_TASK
        self._states: dict[str, QByteArray] = {}
        self._default_state = window.saveState()
        # task → dock objectName → (width, height) as shares of the window's
        self._shares = {k: dict(v) for k, v in DEFAULT_SHARES.items()}
        self._settled = window.size()
        self._quiet_until = 0.0
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._apply_shares)
        # Reset layout and the View menu's entries
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for name in TASKS:
            action = QAction(self)
            action.setObjectName(f"task_{name}Action")
            action.setCheckable(True)
            action.setData(name)
            self.group.addAction(action)
            self.actions[name] = action
        self.actions[self.task].setChecked(True)
        self.group.triggered.connect(lambda a: self.set_task(a.data()))
        self.reset_action = QAction(self)
        self.reset_action.setObjectName("resetLayoutAction")
        self.reset_action.triggered.connect(self.reset_layout)
        self.combo = QComboBox()
        self.combo.setObjectName("taskCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name in TASKS:
            self.combo.addItem("", name)
        self.combo.setCurrentIndex(TASKS.index(self.task))
        self.combo.activated.connect(lambda i: self.set_task(TASKS[i]))
        self.label = QLabel()
        window.installEventFilter(self)
        for dock in self.docks:
            dock.installEventFilter(self)
        self.retranslate()

    def names(self) -> dict[str, str]:
        """Return each task's name in the current language."""
        return {"step": self.tr("Step through"), "train": self.tr("Train"),
                "explore": self.tr("Explore")}

    def retranslate(self) -> None:
        """Set the texts of the combo and the menu entries in the current language."""
        names = self.names()
        tips = {"step": self.tr("Only the step-through: network, equations and inspector"),
                "train": self.tr("Training controls, cost curve and decision boundary beside "
                                 "the live network"),
                "explore": self.tr("Everything at once: step-through and training side by "
                                   "side")}
        for i, name in enumerate(TASKS):
            self.combo.setItemText(i, names[name])
            self.combo.setItemData(i, tips[name], Qt.ItemDataRole.ToolTipRole)
            self.actions[name].setText(names[name])
            self.actions[name].setStatusTip(tips[name])
        tip = self.tr("Arrange the window for what you are doing")
        self.combo.setToolTip(tip)
        self.combo.setStatusTip(tip)
        self.label.setText(" " + self.tr("Task") + " ")
        self.reset_action.setText(self.tr("&Reset layout"))
        self.reset_action.setStatusTip(self.tr("Put every panel back where it started, for "
                                               "every task"))

    # --- switching ---------------------------------------------------------------------------
    def set_task(self, name: str) -> None:
        """Arrange the window for task ``name`` (one of TASKS), as the learner last left it."""
        if name not in TASKS:
            raise ValueError(f"task {name!r}: expected one of {', '.join(TASKS)}")
        if name != self.task:
            self._states[self.task] = self.window.saveState()
        self.task = name
        saved = self._states.get(name)
        if saved is not None:
            self.window.restoreState(saved)
        self._show_docks(name)
        self._sync_controls()
        self._refit.start()              # once Qt has laid the docks out
        self.task_changed.emit(name)

    def reset_layout(self) -> None:
        """Forget every task's layout and show the default task as the window started."""
        self._states.clear()
        self.task = DEFAULT_TASK
        self.window.restoreState(self._default_state)
        self._show_docks(DEFAULT_TASK)
        self._sync_controls()
        self._shares = {k: dict(v) for k, v in DEFAULT_SHARES.items()}
        self._refit.start()
        self.task_changed.emit(DEFAULT_TASK)

    def visible_docks(self) -> set[str]:
        """Return the objectNames of the docks the window shows now."""
        return {d.objectName() for d in self.docks if d.isVisibleTo(self.window)}

    def _show_docks(self, name: str) -> None:
        for dock in self.docks:
            dock.setVisible(dock.objectName() in TASK_DOCKS[name])
        if self.math_panel is not None:
            self.math_panel.setVisible(TASK_SHOWS_MATHS[name])

    def _sync_controls(self) -> None:
        self.actions[self.task].setChecked(True)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(TASKS.index(self.task))
        self.combo.blockSignals(False)

    # --- sizes that follow the window ----------------------------------------------------------
    def _record_shares(self) -> None:
        """Remember each visible dock's share of the window in this task (what a resize gives
        back)."""
        w, h = max(1, self.window.width()), max(1, self.window.height())
        shares = self._shares.setdefault(self.task, {})
        for dock in self._placed():
            shares[dock.objectName()] = (dock.width() / w, dock.height() / h)

    def _placed(self) -> list[QDockWidget]:
        """Return the docks laid out in the window now: shown, docked, and the front tab of
        their group (sizing a tab behind another fought its front tab's size)."""
        return [d for d in self.docks if d.isVisibleTo(self.window) and not d.isFloating()
                and not d.visibleRegion().isEmpty()]

    def _apply_shares(self) -> None:
        if not self.window.isVisible():
            return
        shares = self._shares.get(self.task, {})
        docks = self._placed()
        hide_stray_tab_bars(self.window)     # Qt's leftover copies (after tabify, restoreState)
        known = [d for d in docks if d.objectName() in shares]
        w, h = self.window.width(), self.window.height()
        if known:
            parts = [shares[d.objectName()] for d in known]
            self.window.resizeDocks(known, [max(1, round(p[0] * w)) for p in parts],
                                    Qt.Orientation.Horizontal)
            self.window.resizeDocks(known, [max(1, round(p[1] * h)) for p in parts],
                                    Qt.Orientation.Vertical)
        if len(known) < len(docks):
            self._record_shares()      # first time in this task: its layout as Qt made it
        self._settled = self.window.size()
        # The resizes Qt makes now are ours, not the learner's: do not take them as shares.
        self._quiet_until = time.monotonic() + 0.3

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if watched is self.window and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self._quiet_until = time.monotonic() + 0.3
            self._refit.start()          # after Qt's own layout of the new size
        elif kind == QEvent.Type.Resize and watched is not self.window \
                and self.window.size() == self._settled and not self._refit.isActive() \
                and time.monotonic() > self._quiet_until:
            # A dock changed size while the window did not: the learner dragged a separator.
            self._record_shares()
        return False


def install(window: QMainWindow, math_panel: QWidget | None,
            docks: list[QDockWidget]) -> TaskSwitcher:
    """Add the task switcher to ``window``'s View menu and, as a combo, to the right end of
    its menu bar (where it takes no room from the crowded Step toolbar); return it."""
    switcher = TaskSwitcher(window, math_panel, docks)
    menu = window.view_menu
    menu.addSeparator()
    for action in switcher.actions.values():
        menu.addAction(action)
    menu.addAction(switcher.reset_action)
    corner = switcher.corner = QWidget()     # kept: PySide does not hand it to the menu bar
    corner.setObjectName("taskCorner")
    row = QHBoxLayout(corner)
    row.setContentsMargins(0, 0, 4, 0)
    row.addWidget(switcher.label)
    row.addWidget(switcher.combo)
    window.menuBar().setCornerWidget(corner, Qt.Corner.TopRightCorner)
    window.language_changed.connect(switcher.retranslate)
    return switcher
