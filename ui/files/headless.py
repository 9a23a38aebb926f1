"""The command line's exports, done by a window no one looks at: ``--export-worked-example`` and
``--export-gif`` (the stepper's trace, so they follow ``--examples``)."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QApplication

from ui.files import exports
from ui.files.session import SessionController
from ui.look.language import manager


def run_headless(controller: SessionController, args: argparse.Namespace) -> int | None:
    """Do the command line's exports (``--export-worked-example``, ``--export-gif``) and return
    0, or None when there is nothing to export; raise OSError (ExportError) on failure."""
    if not (args.export_worked_example or args.export_gif):
        return None
    window, parts = controller.window, controller.parts
    if args.export_worked_example:
        exports.export_worked_example(exports.current_trace(controller.state, parts.stepper),
                                      args.export_worked_example, _language(),
                                      y_scale=exports.y_scale_of(controller.state.dataset))
    if args.export_gif:
        # No one is looking at this window: make it tall enough that the math panel in the
        # frames shows whole explanations rather than a scroll bar.
        window.resize(max(window.width(), 1500), max(window.height(), 1150))
        QApplication.instance().processEvents()
        exports.export_gif(parts.stepper, parts.step_area, parts.canvas, args.export_gif)
    return 0


def _language() -> str:
    try:
        return manager().language
    except RuntimeError:     # no QApplication: the document's default language
        return "en"
