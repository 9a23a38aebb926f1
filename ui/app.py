"""The composition root: build the application's objects from the command line and run them.

``build`` makes the one ``AppState`` and every part — the step-through, the training wing, the
File menu's session controller, the View menu — in that order, handing each part what it needs
in its constructor (the canvas to the training wing, the stepper and training controller to the
session). No part looks another up through the window.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea, QWidget

from engine.features import plane_inputs
from engine.files.session_format import SessionError
from engine.lesson.headless import Choices, apply_choices
from engine.lesson.presets import build_preset
from engine.messages import one_line
from ui.files import exports, headless
from ui.files import session as session_menu
from ui.files.session import SessionController
from ui.files.session_io import Teammates
from ui.look import theme
from ui.maths.checks import Checks
from ui.shell import tasks, tour, view_menu
from ui.shell.lesson_player import LessonPlayer
from ui.shell.main_window import MainWindow
from ui.shell.tasks import TaskSwitcher
from ui.shell.tour import Stop, Tour
from ui.shell.view_menu import ViewMenu
from ui.state import AppState
from ui.stepper import controller as stepper_controller
from ui.stepper import predict, what_if
from ui.stepper.controller import StepOutOfRangeError, StepperController
from ui.stepper.predict import PredictMode
from ui.stepper.what_if import WhatIf
from ui.training import compare, neuron_maps, wing
from ui.training.compare import CompareController
from ui.training.neuron_maps import NeuronMaps
from ui.training.wing import TrainingWing


def build_state(args: argparse.Namespace) -> AppState:
    """Return the session state for the command line's preset and seed."""
    setup = build_preset(args.preset or "mazur", seed=args.seed,
                         features=getattr(args, "features", None))
    # --lr, --lam, --lam1, --init, --activation: as the headless exports apply them.
    setup, settings = apply_choices(setup, Choices.from_args(args),
                                    mistake=getattr(args, "mistake", None))
    state = AppState(setup.network, setup.X, setup.Y, settings, setup.dataset,
                     preset=setup.name, seed=setup.seed)
    if getattr(args, "examples", None):
        state.set_example_count(args.examples)
    return state


@dataclass(frozen=True)
class Parts:
    """Every part the composition root built, by role."""

    window: MainWindow
    state: AppState
    stepper: StepperController
    training: TrainingWing
    session: SessionController
    view_menu: ViewMenu
    checks: Checks
    tour: Tour
    lesson: LessonPlayer
    tasks: TaskSwitcher
    what_if: WhatIf
    predict: PredictMode
    compare: CompareController | None = None
    maps: NeuronMaps | None = None


def build(args: argparse.Namespace) -> Parts:
    """Build the state and every part of the window, handing each what it needs; return them
    (the window is not shown). A QApplication must already exist."""
    # Language and theme first, so every widget is built with its final texts and colours.
    view_menu.prepare(args)
    state = build_state(args)
    window = MainWindow(state)
    stepper = stepper_controller.install(window, state, args)
    training = wing.install(window, state, args, canvas=stepper.view)
    # Maps over the raw plane: the grid goes through the same input features as the data, and
    # the plane's points are the raw ones behind them (neuron_maps.raw_plane).
    maps = neuron_maps.install(window, state, stepper.view,
                               epoch=lambda: training.controller.epoch,
                               features=lambda points: plane_inputs(state.dataset, points),
                               toolbar=stepper.toolbar, after=stepper.toolbar.labels_button,
                               view_menu=window.view_menu,
                               language_changed=window.language_changed)
    checks = Checks(stepper.stepper, window.view_menu, window)
    stepper.chain_rule_requested.connect(checks.open_chain_rule)
    first_tour = tour.install(window, [
        Stop(stepper.view, "canvas"), Stop(stepper.toolbar, "toolbar"),
        Stop(stepper.timeline, "timeline"), Stop(stepper.math_panel, "maths"),
        Stop(stepper.inspector, "inspector"), Stop(training.panel.train_button, "train")])
    lesson = LessonPlayer(window, stepper.stepper, panels={
        "canvas": stepper.view, "timeline": stepper.timeline, "maths": stepper.math_panel,
        "inspector": _holder(stepper.inspector, QScrollArea),
        "training": _holder(training.panel, QDockWidget),
        "boundary": _holder(training.boundary, QDockWidget),
        "loss": _holder(training.loss_plot, QDockWidget)}, actions={
        "train": training.panel.train_button.click,
        "gradient-check": checks.open_gradient_check,
        "chain-rule": lambda: checks.open_chain_rule(len(state.network.thetas), 0, 1),
        "tour": first_tour.start})
    comparing = compare.install(window, state, training, stepper, args)
    teammates = Teammates(stepper=stepper.stepper, training=training.controller,
                          canvas=stepper.view, step_area=window.centralWidget(),
                          loss_plot=training.loss_plot, lesson=lesson,
                          landscape=training.landscape, compare=comparing, maps=maps)
    session = session_menu.install(window, state, args, teammates)
    lesson.add_lessons_menu(window.help_menu, session.open_path)
    # The banner goes above the phase line, in the step area's own layout.
    step_area = window.centralWidget().layout()
    what_if_menu = what_if.install(window, state, stepper.stepper, step_area)
    predict_mode = predict.install(window, state, stepper, step_area,
                                   on=bool(getattr(args, "predict", False)))
    if args.step:   # after the session and the mistake: --step counts in the step-through they make
        stepper_controller.show_step(stepper, args.step)
    # The theme and presenter scale reach the parts that draw through the signals they follow.
    for widget in (stepper.view, stepper.math_panel, stepper.timeline, training.panel,
                   training.loss_plot, training.boundary, training.health_plot,
                   training.landscape, training.regression):
        theme.follow(widget)
    # The gradient-health dock too (a tab behind the cost plot): else it stayed on in Step.
    switcher = tasks.install(window, stepper.math_panel,
                             [*training.panel.docks, training.health_plot.dock,
                              training.landscape.dock])
    menu = view_menu.install(window, args)      # last: it names every control built above
    parts = Parts(window, state, stepper, training, session, menu, checks, first_tour, lesson,
                  switcher, what_if_menu, predict_mode, comparing, maps)
    _expose(parts)
    return parts


def _expose(parts: Parts) -> None:
    """Give scripts and tests handles on the parts through the window. No part reads these:
    each was handed what it needs in ``build``."""
    w = parts.window
    w.stepper_controller, w.stepper = parts.stepper, parts.stepper.stepper
    w.network_view, w.math_panel = parts.stepper.view, parts.stepper.math_panel
    w.timeline, w.inspector = parts.stepper.timeline, parts.stepper.inspector
    w.training, w.training_panel = parts.training.controller, parts.training.panel
    w.loss_plot, w.boundary_view = parts.training.loss_plot, parts.training.boundary
    w.landscape = parts.training.landscape
    w.session, w.view_menu_controller = parts.session, parts.view_menu
    w.checks, w.tour, w.lesson_player = parts.checks, parts.tour, parts.lesson
    w.tasks = parts.tasks
    w.what_if, w.predict = parts.what_if, parts.predict
    w.compare = parts.compare
    w.neuron_maps = parts.maps


def _holder(widget: QWidget, kind: type) -> QWidget:
    """Return the nearest ancestor of ``widget`` of type ``kind`` (the scroll area or dock that
    shows it: hiding that hides the panel, not just its contents), else ``widget``."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parentWidget()
    return parent or widget


def build_main_window(args: argparse.Namespace) -> MainWindow:
    """Return the wired main window (not shown). A QApplication must already exist."""
    return build(args).window


# The offscreen platform (headless screenshots and exports) says this on every window it shows;
# it is about window-manager hints that do not exist there, so it tells the user nothing.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen(mode: QtMsgType, context, message: str) -> None:
    """Pass Qt's messages on to stderr, except the offscreen platform's size-hint notice."""
    if message == OFFSCREEN_NOISE:
        return
    print(message, file=sys.stderr)


def _program_name() -> str:
    """Return the program's name as Qt may take it (undecodable bytes replaced)."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "backprop-visualizer"
    return name.encode("utf-8", "replace").decode("utf-8")


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """Create the QApplication, show the window (or render it to a file) and return the status."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        qInstallMessageHandler(_quiet_offscreen)
    # Qt gets only the program's name: the command line is parsed already, and a file name that
    # is not UTF-8 (legal on Linux) crashed Qt's own argument parsing.
    app = QApplication.instance() or QApplication([_program_name()])
    app.setApplicationName("Backprop Visualizer")
    app.setOrganizationName("BackpropVisualizer")
    app.setWindowIcon(stepper_controller.app_icon())     # dialogs and the task bar too
    try:
        parts = build(args)
    except (SessionError, StepOutOfRangeError) as exc:   # one line, status 2, no traceback
        print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
        return 2
    window = parts.window
    if args.export_worked_example or args.export_gif:
        if not args.screenshot:
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.show()
        app.processEvents()
        try:
            headless.run_headless(parts.session, args)
        except OSError as exc:
            print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
            return 2
        if not args.screenshot:
            return 0
    if args.screenshot:
        window.show()
        app.processEvents()
        # Layout first (the canvas fits itself to its size), then no half-finished animation.
        parts.stepper.view.finish_animation()
        if getattr(args, "tour", False):
            parts.tour.start()
        app.processEvents()
        try:
            exports.export_widget_image(window, args.screenshot)
        except OSError as exc:
            print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
            return 2
        return 0
    window.show()
    session_menu.start_app(parts.session, args)
    if getattr(args, "tour", False) or not tour.seen():
        # Once the window has its size, so the card lands beside what it points at.
        QTimer.singleShot(0, parts.tour.start)
    return app.exec()
