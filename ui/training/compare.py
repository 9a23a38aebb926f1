"""Compare…: a second run with one thing changed, trained beside the main run and drawn with it.

``CompareController`` owns the engine's ``Comparison`` (engine/lesson/comparison.py) and hands it
to the training controller, which trains it in the same ticks. Three actions drive it — Compare…
(the dialog), Show compared run (the canvas shows the other network, read-only) and Stop
comparing — in the View menu and on a row of the training panel. A new network (Reset weights,
a new architecture or data set) starts the comparison again from the new weights; opening a
session brings its own comparison, or none. The loss and gradient-health plots overlay the
compared run's curves, named by what differs ("sigmoid (this run)" / "ReLU (compared)").
"""

from __future__ import annotations

import argparse
import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.lesson.comparison import Comparison, SavedComparison, Variant
from engine.lesson.presets import spec_for
from ui.look import theme as look
from ui.state import AppState
from ui.training.button_row import ButtonRow
from ui.training.compare_canvas import ComparedCanvas
from ui.training.compare_dialog import CompareDialog, activation_label, mistake_title
from ui.training.scheduler import TrainingController

if TYPE_CHECKING:
    from ui.stepper.controller import StepperController
    from ui.training.wing import TrainingWing


class CompareController(QObject):
    """Start, restart, stop, save and restore the comparison beside ``training``'s run."""

    comparison_changed = Signal()     # started, restarted, restored or stopped
    shown_changed = Signal(bool)      # the canvas shows the compared run (True) or this one

    def __init__(self, window: QMainWindow, state: AppState, training: TrainingController
                 ) -> None:
        super().__init__(window)
        self.window, self.state, self.training = window, state, training
        self._variant: Variant | None = None
        self._reported: object = None       # the divergence already told
        self.compare_action = QAction(self)
        self.compare_action.setObjectName("compareAction")
        self.compare_action.triggered.connect(self.open_dialog)
        self.show_action = QAction(self)
        self.show_action.setObjectName("compareShowAction")
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self.shown_changed)
        self.stop_action = QAction(self)
        self.stop_action.setObjectName("compareStopAction")
        self.stop_action.triggered.connect(self.stop)
        self.dialog: CompareDialog | None = None
        self.canvas: ComparedCanvas | None = None      # set by install()
        state.network_changed.connect(self._on_state_problem_changed)
        state.data_changed.connect(self._on_state_problem_changed)
        state.settings_changed.connect(self._on_state_settings_changed)
        training.epoch_finished.connect(self._on_training_epoch_finished)
        self._sync_actions()
        self.retranslate()

    # --- what runs -----------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        """The compared run, or None."""
        return self.training.comparison

    def suggested(self) -> Variant:
        """Return the variant the dialog pre-selects: the running one, the preset's, or a g."""
        if self._variant is not None:
            return self._variant
        pair = spec_for(self.state.preset).compare
        return Variant(*pair) if pair else Variant("activation", "relu")

    def open_dialog(self) -> CompareDialog:
        """Open the Compare… dialog (not modal to the tests: it is returned, already shown)."""
        s, net = self.state.settings, self.state.network
        dialog = CompareDialog(self.suggested(), str(net.g), s.lr, s.optimizer, s.mistake,
                               self.training.epoch, self.training.seed, self.window,
                               preset=self.state.preset or "custom")
        dialog.accepted.connect(lambda: self.start(dialog.variant(), dialog.from_start()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start(self, variant: Variant, from_start: bool = False) -> None:
        """Compare this run with one changed as ``variant`` says; with ``from_start``, both start
        again from the weights of the current seed (a reset that keeps the seed)."""
        self.training.pause()
        self._variant = variant
        if from_start:
            self.training.reset_weights(seed=self.training.seed)   # rebuilds it: see below
        else:
            self._build()

    def start_preset(self) -> None:
        """Begin the comparison the state's preset asks for (the vanishing gradient's)."""
        pair = spec_for(self.state.preset).compare
        if pair is not None and self.comparison is None:
            self.start(Variant(*pair))

    def stop(self) -> None:
        """End the comparison (the canvas shows this run again)."""
        self._variant = None
        self._set(None)

    def _build(self) -> None:
        with contextlib.suppress(ValueError):   # data the loss refuses: the panel says so
            self._set(Comparison(self._variant, self.training.trainer, self.training.seed))
            return
        self._set(None)

    def _set(self, comparison: Comparison | None) -> None:
        self.training.comparison = comparison
        self._reported = None
        if comparison is None:
            self.show_action.setChecked(False)
        self._sync_actions()
        self.comparison_changed.emit()

    def _sync_actions(self) -> None:
        on = self.comparison is not None
        self.show_action.setEnabled(on)
        self.stop_action.setEnabled(on)

    # --- the session file -------------------------------------------------------------------
    def saved(self) -> SavedComparison | None:
        """Return what a session keeps of the comparison (None: none runs)."""
        return None if self.comparison is None else self.comparison.saved()

    def load(self, saved: SavedComparison | None) -> None:
        """Replace the comparison by the session's (checked by its reader), or end it."""
        self._variant = None if saved is None else saved.variant
        self._set(None if saved is None else Comparison.restore(saved, self.training.trainer))

    # --- following the state and the trainer ----------------------------------------------
    def _on_state_problem_changed(self) -> None:
        # Reset weights, a new shape, new data: both runs start again, the same thing changed.
        if self._variant is not None:
            self._build()

    def _on_state_settings_changed(self) -> None:
        if self.comparison is not None:
            self.comparison.follow(self.state.settings)
            self.comparison_changed.emit()      # the names say this run's α, optimizer…

    def _on_training_epoch_finished(self, _epoch: int) -> None:
        c = self.comparison
        if c is not None and c.divergence is not None and c.divergence is not self._reported:
            self._reported = c.divergence
            self.window.statusBar().showMessage(self.tr(
                "The compared run ran away and stopped at epoch %1; this run goes on.").replace(
                "%1", QLocale().toString(c.divergence.epoch)), 20000)

    # --- names ---------------------------------------------------------------------------------
    def names(self) -> tuple[str, str]:
        """Return the legend's names of this run and of the compared one, each saying what it
        has where they differ ("sigmoid (this run)", "ReLU (compared)")."""
        mine, theirs = self.sides()
        if not mine:
            return "", ""
        return (self.tr("%1 (this run)").replace("%1", mine),
                self.tr("%1 (compared)").replace("%1", theirs))

    def sides(self) -> tuple[str, str]:
        """Return what this run and the compared one have where they differ ("sigmoid",
        "ReLU"); empty texts with no comparison."""
        c = self.comparison
        return ("", "") if c is None else self._sides(c.variant)

    def _sides(self, v: Variant) -> tuple[str, str]:
        s, net, loc = self.state.settings, self.state.network, QLocale()
        if v.change == "activation":
            gs = {str(g) for g in net.activations}
            mine = activation_label(gs.pop()) if len(gs) == 1 else self.tr("this g")
            return mine, activation_label(str(v.value))
        if v.change == "lr":
            return (self.tr("α = %1").replace("%1", loc.toString(s.lr, "g", 4)),
                    self.tr("α = %1").replace("%1", loc.toString(float(v.value), "g", 4)))
        if v.change == "optimizer":
            if v.lr is None or v.lr == s.lr:
                return self._optimizer(s.optimizer), self._optimizer(str(v.value))
            # Each optimizer with its own α: say both, or the key would hide the second change.
            with_lr = self.tr("%1, α = %2")
            return (with_lr.replace("%1", self._optimizer(s.optimizer)).replace(
                        "%2", loc.toString(s.lr, "g", 4)),
                    with_lr.replace("%1", self._optimizer(str(v.value))).replace(
                        "%2", loc.toString(v.lr, "g", 4)))
        if v.change == "init":
            return (self.tr("seed %1").replace("%1", str(self.training.seed)),
                    self._init(str(v.value)))
        if v.change == "mistake":
            return self._mistake(s.mistake), self._mistake(v.value)
        return self.tr("this run"), self.tr("the same again")

    def _optimizer(self, name: str) -> str:
        return {"gradient_descent": self.tr("gradient descent"),
                "momentum": self.tr("momentum"), "adam": self.tr("Adam")}[name]

    def _init(self, name: str) -> str:
        return {"uniform": self.tr("uniform ±ε init"), "xavier": self.tr("Xavier init"),
                "he": self.tr("He init")}[name]

    def _mistake(self, name: str | float | None) -> str:
        return self.tr("correct") if not name else mistake_title(str(name))

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set the actions' texts in the current language."""
        self.compare_action.setText(self.tr("Compare…"))
        self.compare_action.setIconText(self.compare_action.text())   # keep the … on buttons
        self.compare_action.setToolTip(self.tr(
            "Train a second copy of this network with one thing changed (g, α, optimizer, "
            "initialization or a classic mistake) and draw both runs' curves"))
        self.show_action.setText(self.tr("Show compared run"))
        self.show_action.setToolTip(self.tr(
            "Show the compared run's network on the canvas (read-only) instead of this one"))
        self.stop_action.setText(self.tr("Stop comparing"))
        self.stop_action.setToolTip(self.tr("End the compared run; this run goes on"))
        for a in (self.compare_action, self.show_action, self.stop_action):
            a.setStatusTip(a.toolTip())
        self.comparison_changed.emit()      # the plots' names follow the language


class CompareBar(QWidget):
    """A row of the training panel: Compare…, Show compared run, Stop comparing, and a line that
    says what the compared run changes and where it is."""

    def __init__(self, controller: CompareController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareBar")
        self.controller = controller
        self.buttons = []
        # Compare… joins the panel's run buttons (``install``); Stop and Show side by side
        # when the dock is wide enough, else one above the other: side by side they made the
        # training dock 584 px wide at least (presenter, pt-BR), more than a 1280 px window's.
        self.compare_button = QPushButton()     # a push button like its run-row neighbours
        self.compare_button.setObjectName("compareButton")
        _follow_action(self.compare_button, controller.compare_action)
        self.buttons.append(self.compare_button)
        self.row = ButtonRow()
        self.row.setObjectName("compareButtonRow")
        for action, name in ((controller.show_action, "compareShowButton"),
                             (controller.stop_action, "compareStopButton")):
            b = QToolButton()
            b.setObjectName(name)
            b.setDefaultAction(action)
            self.buttons.append(b)
        for b in reversed(self.buttons[1:]):     # Stop first, as Compare… sits above it
            self.row.add(b)
        self.status = QLabel()
        self.status.setObjectName("compareStatus")
        self.status.setWordWrap(True)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.row)
        column.addWidget(self.status)
        outer.addWidget(box)
        controller.comparison_changed.connect(self.update_status)
        controller.training.epoch_finished.connect(self.update_status)
        self.update_status()

    def update_status(self, *_: object) -> None:
        """Say what is compared and where the compared run is (hidden with no comparison)."""
        c = self.controller.comparison
        self.status.setVisible(c is not None)
        # Show and Stop only while there is a run to show or stop: disabled, their row took
        # the height the training tabs need at 1280×720.
        for b in self.buttons[1:]:
            b.setVisible(c is not None)
        if c is None:
            return
        mine, theirs = self.controller.names()
        last = c.history.latest
        text = self.tr("Comparing %1 with %2").replace("%1", mine).replace("%2", theirs)
        if last is not None:
            text += " · " + self.tr("compared J %1").replace(
                "%1", QLocale().toString(last.train_cost, "g", 4))
        if c.stopped:
            text += " · " + self.tr("stopped: it ran away")
        self.status.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.update_status()
        super().changeEvent(event)


def _follow_action(button: QPushButton, action: QAction) -> None:
    """Make ``button`` show and trigger ``action`` (texts, enabled state) as a tool button's
    default action would."""
    def sync() -> None:
        button.setText(action.iconText())
        button.setToolTip(action.toolTip())
        button.setStatusTip(action.statusTip())
        button.setEnabled(action.isEnabled())

    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    sync()


def install(window: QMainWindow, state: AppState, wing: TrainingWing,
            stepper: StepperController, args: argparse.Namespace | None = None
            ) -> CompareController:
    """Build the comparison: its actions in the View menu and on a row of the training panel,
    the plots' overlays and the canvas's label and toggle; begin the preset's comparison."""
    controller = CompareController(window, state, wing.controller)
    bar = CompareBar(controller)
    wing.panel.run_row.add(bar.buttons[0])
    wing.panel.run_box.layout().insertWidget(1, bar)
    window.view_menu.addSeparator()
    for action in (controller.compare_action, controller.show_action, controller.stop_action):
        window.view_menu.addAction(action)
    health_plot, recorded = wing.health_plot, wing.health_plot.before_refresh

    def record_stopped() -> None:
        # As the wing does for this run: the newest weights too, while training is stopped.
        if recorded is not None:
            recorded()
        c = controller.comparison
        if c is not None and not wing.controller.running:
            with contextlib.suppress(ValueError):
                c.health.record_latest(c.trainer)

    health_plot.before_refresh = record_stopped

    def show_comparison() -> None:
        c, names = controller.comparison, controller.names()
        wing.loss_plot.set_comparison(None if c is None else c.history, names)
        health_plot.set_comparison(None if c is None else c.health, names)

    controller.comparison_changed.connect(show_comparison)
    canvas = ComparedCanvas(stepper.view, state, stepper.stepper, stepper.animator, controller)
    look.follow(canvas)
    controller.canvas = canvas
    if hasattr(window, "language_changed"):
        window.language_changed.connect(controller.retranslate)
    controller.start_preset()
    if controller.comparison is not None and health_plot.dock is not None:
        # The vanishing gradient is what this preset shows: its tab in front, once the window
        # has arranged its docks (the task switcher puts the loss plot's tab first).
        QTimer.singleShot(0, health_plot.dock.raise_)
    epochs = wing.controller.epoch
    if controller.comparison is not None and epochs and getattr(args, "train_epochs", 0):
        # --train-epochs trained this run before the comparison existed: train both from the
        # start, the same epochs, so the screenshot shows the two side by side.
        controller.start(controller.comparison.variant, from_start=True)
        wing.controller.train_epochs(epochs)
        wing.loss_plot.refresh()
        health_plot.refresh()
    return controller
