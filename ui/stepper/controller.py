"""The step-through window: canvas, phase line, timeline, math panel, inspector and the toolbar.

``install(window, state, args)`` builds the central area and the "Step" toolbar and returns the
``StepperController`` (its ``stepper``, ``view``, ``math_panel``, ``timeline`` and ``inspector``
are what the composition root hands to other parts). ``--step N`` advances N micro-steps without
animating.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.lesson.presets import article_for
from engine.trace import MAX_EXAMPLES
from ui.canvas.view import NetworkView
from ui.maths.inspector import Inspector, WeightEditor
from ui.maths.panel import MathPanel
from ui.maths.phase_words import phase_line
from ui.shell.help_dialogs import AboutDialog, ShortcutsDialog
from ui.state import AppState
from ui.stepper.animator import StepAnimator
from ui.stepper.finish_on_key import FinishOnKey
from ui.stepper.phase_label import PhaseLine
from ui.stepper.playback import Stepper
from ui.stepper.quiet_tooltip import QuietTooltip
from ui.stepper.timeline import Timeline
from ui.stepper.toolbar import StepToolbar

STEP_MS = 450          # animation of one manual step


class StepperController(QObject):
    """Wire the stepper to its widgets and actions inside ``window``."""

    chain_rule_requested = Signal(int, int, int)    # the weight editor's Chain rule button

    def __init__(self, window: QMainWindow, state: AppState) -> None:
        super().__init__(window)
        self.window, self.state = window, state
        self.stepper = Stepper(state, self)
        trace = self.stepper.trace
        self.view = NetworkView(state.network.layer_sizes)
        self.animator = StepAnimator(self.view, self.stepper, self)
        self.math_panel = MathPanel(trace, 0)
        self.timeline = Timeline(trace, 0)
        self.inspector = Inspector(trace, 0)
        self.phase = PhaseLine()
        self._build_central()
        self._build_toolbar()
        self._build_help()
        self.play_timer = QTimer(self)
        self.play_timer.timeout.connect(self._on_play_timer_timeout)
        self.stepper.step_changed.connect(self._on_stepper_step_changed)
        self.stepper.trace_changed.connect(self._on_stepper_trace_changed)
        self._text_stale = False
        state.training_changed.connect(self._on_state_training_changed)
        state.example_changed.connect(self._on_state_example_changed)
        state.data_changed.connect(self._sync_example_spin)
        state.example_count_changed.connect(self._sync_example_spin)
        self.quiet_tooltip = QuietTooltip(self.view)   # the inspector shows the hovered unit
        self.view.neuron_hovered.connect(self.inspector.show_neuron)
        self.view.edge_hovered.connect(self.inspector.show_edge)
        self.view.edge_clicked.connect(self._on_view_edge_clicked)
        self.view.unit_focused.connect(self.math_panel.set_focus)
        self.timeline.step_clicked.connect(self._on_timeline_step_clicked)
        self._animate_next = False
        # Asked before each step forward; False keeps the step hidden (predict mode).
        self.forward_gate: Callable[[], bool] | None = None
        self.retranslate()
        self._refresh(animate_ms=0)

    # --- building -------------------------------------------------------------------------------
    def _build_central(self) -> None:
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setObjectName("canvasSplitter")
        top.addWidget(self.view)
        # Scrolls rather than clips when long texts (Portuguese, presenter mode) outgrow it.
        inspector_scroll = QScrollArea()
        inspector_scroll.setObjectName("inspectorScroll")
        inspector_scroll.setWidget(self.inspector)
        inspector_scroll.setWidgetResizable(True)
        inspector_scroll.setFrameShape(QFrame.Shape.NoFrame)
        inspector_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inspector_scroll.setMinimumWidth(self.inspector.minimumWidth()
                                         + inspector_scroll.verticalScrollBar().sizeHint().width())
        top.addWidget(inspector_scroll)
        top.setStretchFactor(0, 4)
        top.setStretchFactor(1, 1)
        top.setSizes([1100, 290])
        body = QSplitter(Qt.Orientation.Vertical)
        body.setObjectName("stepperSplitter")
        body.addWidget(top)
        body.addWidget(self.math_panel)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setSizes([370, 430])   # the equations need the height more than the canvas
        central = QWidget()
        central.setObjectName("stepperArea")
        # The step-through is the main view: docks (training, plots) must not squeeze it below
        # the width the equations need — and the window must still fit 1024 px beside them.
        central.setMinimumWidth(600)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.phase)
        layout.addWidget(self.timeline)
        layout.addWidget(body, 1)
        self.window.setCentralWidget(central)

    def _build_toolbar(self) -> None:
        bar = StepToolbar(self.window)
        self.toolbar = bar
        for name in ("restart_action", "back_action", "play_action", "forward_action",
                     "end_action", "labels_action", "speed", "example_spin",
                     "example_count_spin"):
            setattr(self, name, getattr(bar, name))
        self.restart_action.triggered.connect(self.restart)
        self.back_action.triggered.connect(self.step_back)
        self.play_action.triggered.connect(self.toggle_play)
        self.forward_action.triggered.connect(self.step_forward)
        self.end_action.triggered.connect(self.go_to_end)
        self.labels_action.triggered.connect(self._on_labels_toggled)
        self.speed.valueChanged.connect(self._on_speed_value_changed)
        self.example_spin.valueChanged.connect(self._on_example_spin_value_changed)
        self.example_count_spin.valueChanged.connect(self.state.set_example_count)
        self._sync_example_spin()
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_help(self) -> None:
        menu = self.window.help_menu
        self.shortcuts_action = QAction(self.window)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.window)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.about_action)

    def retranslate(self) -> None:
        """Set every text of the toolbar, menus and phase line in the current language."""
        texts = {
            self.shortcuts_action: (self.tr("&Keyboard shortcuts"),
                                    self.tr("List the keys of the step-through window")),
            self.about_action: (self.tr("&About Backprop Visualizer"),
                                self.tr("What this app is, and the references of the notes")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.view.setStatusTip(self.tr("Hover a neuron or an edge to inspect it; click an edge "
                                       "to change its weight; wheel to zoom, drag to pan."))
        self.timeline.setStatusTip(self.timeline.statusTip())
        self.phase.setToolTip(self.tr("Where you are: the example, the stage of the algorithm "
                                      "and the equation of this micro-step"))
        self._update_phase_line()

    # --- actions --------------------------------------------------------------------------------
    def step_forward(self) -> bool:
        """Advance one micro-step, animating it; return False at the end, or when
        ``forward_gate`` (predict mode, ui/stepper/predict.py) holds the step back."""
        if self.forward_gate is not None and not self.forward_gate():
            return False
        self.view.finish_animation()
        self._animate_next = True
        moved = self.stepper.step_forward()
        self._animate_next = False
        return moved

    def step_back(self) -> None:
        """Go back one micro-step (no animation: the earlier state is replayed)."""
        self.view.finish_animation()
        self.stepper.step_back()

    def restart(self) -> None:
        """Go back to the first step."""
        self.view.finish_animation()
        self.stepper.restart()

    def go_to_end(self) -> None:
        """Jump to the last step."""
        self.view.finish_animation()
        self.stepper.set_cursor(len(self.stepper.trace) - 1)

    def toggle_play(self) -> None:
        """Start or stop playing (the action's checked state says which)."""
        if self.play_timer.isActive():
            self.pause()
        else:
            if self.stepper.at_end():
                self.stepper.restart()
            self.play_action.setChecked(True)
            self.play_timer.start(self._interval())
            self._update_play_look()

    def pause(self) -> None:
        """Stop playing."""
        self.play_timer.stop()
        self.play_action.setChecked(False)
        self._update_play_look()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Open Help → Keyboard shortcuts (non-modal) and return it."""
        dialog = ShortcutsDialog(self.window)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        """Open Help → About (non-modal) and return it."""
        dialog = AboutDialog(self.window)
        dialog.show()
        return dialog

    def edit_weight(self, l: int, i: int, j: int) -> WeightEditor:
        """Return the editor for Θ(l)[i, j]; accepting it sets the weight (and the trace
        recomputes)."""
        self.pause()
        value = float(self.state.network.thetas[l - 1][i, j])
        article = article_for(self.state.network.thetas)
        name = article.weight_name(l, i, j) if article is not None else None
        editor = WeightEditor(l, i, j, value, self.window, name)

        def apply() -> None:
            new = editor.value()
            if new is not None:
                self.state.network.set_weight(l, i, j, new)
                self.state.notify_weights_changed()

        editor.accepted.connect(apply)
        editor.chain_rule_requested.connect(self.chain_rule_requested)
        return editor

    # --- slots ----------------------------------------------------------------------------------
    def _interval(self) -> int:
        return self.toolbar.interval()

    def _on_speed_value_changed(self, value: int) -> None:
        if self.play_timer.isActive():
            self.play_timer.setInterval(self._interval())

    def _on_play_timer_timeout(self) -> None:
        if not self.step_forward() or self.stepper.at_end():
            self.pause()

    def _update_play_look(self) -> None:
        self.toolbar.set_playing(self.play_timer.isActive())

    def _on_labels_toggled(self, checked: bool) -> None:
        self.view.set_labels_visible(checked)

    def _on_timeline_step_clicked(self, index: int) -> None:
        self.view.finish_animation()
        self.stepper.set_cursor(index)

    def _on_view_edge_clicked(self, l: int, i: int, j: int) -> None:
        self.edit_weight(l, i, j).open()

    def _on_example_spin_value_changed(self, value: int) -> None:
        if 1 <= value <= self.state.X.shape[0]:
            self.state.set_example(value - 1)

    def _on_state_example_changed(self, index: int) -> None:
        self.example_spin.blockSignals(True)
        self.example_spin.setValue(index + 1)
        self.example_spin.blockSignals(False)
        self._update_phase_line()

    def _sync_example_spin(self) -> None:
        m = self.state.X.shape[0]
        self.toolbar.set_examples(m, self.state.example)
        self.toolbar.set_example_count(self.state.example_count, min(m, MAX_EXAMPLES))

    def _on_stepper_trace_changed(self) -> None:
        self.timeline.set_trace(self.stepper.trace, self.stepper.cursor)

    def _on_stepper_step_changed(self, index: int) -> None:
        ms = min(STEP_MS, int(0.8 * self._interval())) if self.play_timer.isActive() else STEP_MS
        self._refresh(animate_ms=ms if self._animate_next else 0)

    def _on_state_training_changed(self, running: bool) -> None:
        if not running:
            self.play_action.setEnabled(True)
            self._refresh(animate_ms=0)
            return
        # Training replaces the weights many times a second: stepping would show numbers of
        # weights already gone. Hold it, and put the reason where the numbers were.
        self.pause()
        for action in (self.restart_action, self.back_action, self.play_action,
                       self.forward_action, self.end_action):
            action.setEnabled(False)
        note = QCoreApplication.translate(
            "StepperController", "Stepping waits while training runs: the network shows the "
            "weights live. Pause training to step through this example with them.")
        self.math_panel.show_note(note)
        self.inspector.show_note(note)
        self._text_stale = True
        self._update_phase_line()

    def _refresh(self, animate_ms: int) -> None:
        trace, i = self.stepper.trace, self.stepper.cursor
        self.animator.view.finish_animation()
        if self.state.training:
            # Laying out the math panel takes tens of milliseconds: while training publishes new
            # weights only the canvas follows; the text catches up when training stops.
            self._text_stale = True
            self.animator.show(i, 0)
            return
        self._text_stale = False
        # Text first: laying out the math panel's tables blocks for tens of milliseconds, and
        # would otherwise eat the first frames of the animation started below.
        self.math_panel.show_step(trace, i, self.animator.fill_scales())
        self.timeline.set_cursor(i)
        self.inspector.set_step(trace, i)
        self._update_phase_line()
        self.back_action.setEnabled(i > 0)
        self.restart_action.setEnabled(i > 0)
        self.forward_action.setEnabled(i < len(trace) - 1)
        self.end_action.setEnabled(i < len(trace) - 1)
        self.animator.show(i, animate_ms)

    def _update_phase_line(self) -> None:
        step = self.stepper.step
        text = phase_line(step, self.stepper.trace, self.state.example, self.state.X.shape[0])
        if self.state.training:
            # The math panel and inspector wait for the pause (see _refresh): say so.
            text = QCoreApplication.translate(
                "StepperController", "Training… the network shows the weights live; pause to "
                "see this step's numbers for them.")
        self.phase.setText(text)


class StepOutOfRangeError(ValueError):
    """``--step N`` names a micro-step past the end of the step-through."""


def install(window: QMainWindow, state: AppState,
            args: argparse.Namespace | None) -> StepperController:
    """Build the step-through area in ``window`` and return the controller (``show_step`` applies
    ``--step`` once the session is in place)."""
    controller = StepperController(window, state)
    window.language_changed.connect(controller.retranslate)
    FinishOnKey.serve(controller.view)
    window.setWindowIcon(app_icon())
    # Creating the status bar makes every status tip show; the first hint says where to start.
    status = window.statusBar()
    if not (args is not None and getattr(args, "step", 0)):
        # translate() with the class as context: lupdate would file controller.tr() under
        # "controller", a context the app never asks for.
        hint = QCoreApplication.translate(
            "StepperController", "Press → (Next) to take the first step, Space to play; "
            "hover the network to inspect it.")
        status.showMessage(hint, 15000)

        def _on_stepper_step_changed(_index: int) -> None:
            # The hint is about the first step: wrong once the learner (or an opened session)
            # has moved on.
            if status.currentMessage() == hint:
                status.clearMessage()

        controller.stepper.step_changed.connect(_on_stepper_step_changed)
    return controller


def show_step(controller: StepperController, steps: int) -> None:
    """Show micro-step ``steps`` as the toolbar and math panel count them (from 1), without
    animating; raise StepOutOfRangeError past the end of the step-through."""
    total = len(controller.stepper.trace)
    if steps > total:
        raise StepOutOfRangeError(f"--step {steps}: this step-through has {total} micro-steps "
                                  f"(1 to {total})")
    controller.stepper.set_cursor(steps - 1)
    controller.view.finish_animation()


def app_icon() -> QIcon:
    """Return the application icon (resources/icons/app.svg, with the PNG as a fallback)."""
    icons = Path(__file__).resolve().parents[2] / "resources" / "icons"
    icon = QIcon(str(icons / "app.svg"))
    icon.addFile(str(icons / "app.png"))
    return icon
