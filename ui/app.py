"""Build the application's objects from the command line and run them."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engine.files.session_format import SessionError
from engine.lesson.presets import build_preset
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
    state = AppState(setup.network, setup.X, setup.Y, settings, setup.dataset,
                     preset=setup.name, seed=setup.seed)
    if getattr(args, "examples", None):
        state.set_example_count(args.examples)
    return state


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


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """Create the QApplication, show the window (or render it to a file) and return the status."""
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Backprop Visualizer")
    app.setOrganizationName("BackpropVisualizer")
    app.setWindowIcon(stepper_ui.app_icon())     # dialogs and the task bar too
    try:
        window = build_main_window(args)
    except SessionError as exc:     # a bad session file: one line, status 2, no traceback
        print(f"backprop-visualizer: {exc}", file=sys.stderr)
        return 2
    if args.export_worked_example or args.export_gif:
        if not args.screenshot:
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.show()
        app.processEvents()
        try:
            session_ui.run_headless(window, args)
        except OSError as exc:
            print(f"backprop-visualizer: {exc}", file=sys.stderr)
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
        if not window.grab().save(args.screenshot):
            print(f"backprop-visualizer: could not write the screenshot {args.screenshot!r}",
                  file=sys.stderr)
            return 2
        return 0
    window.show()
    session_ui.start_app(window, args)
    return app.exec()
