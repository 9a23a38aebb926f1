"""Build the application's objects from the command line and run them."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engine.files.session_format import SessionError
from engine.lesson.presets import build_preset
from engine.messages import one_line
from ui.files import exports
from ui.files import session as session_ui
from ui.shell import view_menu
from ui.shell.main_window import MainWindow
from ui.state import AppState, Settings
from ui.stepper import controller as stepper_ui
from ui.training import panel as training_panel


def build_state(args: argparse.Namespace) -> AppState:
    """Return the session state for the command line's preset and seed."""
    setup = build_preset(args.preset or "mazur", seed=args.seed)
    settings = Settings(lr=setup.lr, lam=setup.lam, freeze_bias=setup.freeze_bias)
    return AppState(setup.network, setup.X, setup.Y, settings, setup.dataset,
                    preset=setup.name, seed=setup.seed)


def build_main_window(args: argparse.Namespace) -> MainWindow:
    """Return the wired main window (not shown). A QApplication must already exist."""
    # Language and theme first, so every widget is built with its final texts and colours.
    view_menu.prepare(args)
    state = build_state(args)
    window = MainWindow(state)
    # Each feature adds its widgets, menus and command-line behaviour to the window.
    for feature in (stepper_ui, training_panel, session_ui, view_menu):
        feature.install(window, state, args)
    return window


def _program_name() -> str:
    """Return the program's name as Qt may take it (undecodable bytes replaced)."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "backprop-visualizer"
    return name.encode("utf-8", "replace").decode("utf-8")


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """Create the QApplication, show the window (or render it to a file) and return the status."""
    # Qt gets only the program's name: the command line is parsed already, and a file name that
    # is not UTF-8 (legal on Linux) crashed Qt's own argument parsing.
    app = QApplication.instance() or QApplication([_program_name()])
    app.setApplicationName("Backprop Visualizer")
    app.setOrganizationName("BackpropVisualizer")
    app.setWindowIcon(stepper_ui.app_icon())     # dialogs and the task bar too
    try:
        window = build_main_window(args)
    except SessionError as exc:     # a bad session file: one line, status 2, no traceback
        print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
        return 2
    if args.export_worked_example or args.export_gif:
        if not args.screenshot:
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.show()
        app.processEvents()
        try:
            session_ui.run_headless(window, args)
        except OSError as exc:
            print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
            return 2
        if not args.screenshot:
            return 0
    if args.screenshot:
        window.show()
        app.processEvents()
        # Layout first (the canvas fits itself to its size), then no half-finished animation.
        view = getattr(window, "network_view", None)
        if view is not None:
            view.finish_animation()
        app.processEvents()
        try:
            exports.export_widget_image(window, args.screenshot)
        except OSError as exc:
            print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
            return 2
        return 0
    window.show()
    session_ui.start_app(window, args)
    return app.exec()
