"""Finish every canvas animation as soon as a key is pressed, so the key acts on the end state."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ui.canvas.view import NetworkView


class FinishOnKey(QObject):
    """Finish every canvas animation as soon as any key is pressed (the key then does its job).

    One filter per application, owned by it: a filter owned by a window could be torn down while
    Qt is still dispatching an event to it. Views are kept as Python references and skipped once
    Qt has deleted them.
    """

    _instance: FinishOnKey | None = None

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._views: list[NetworkView] = []

    @classmethod
    def serve(cls, view: NetworkView) -> None:
        """Finish ``view``'s animations on key presses from now on."""
        app = QApplication.instance()
        if app is None:
            return
        if cls._instance is None or not shiboken6.isValid(cls._instance):
            cls._instance = cls(app)
            app.installEventFilter(cls._instance)
        cls._instance._views = [v for v in cls._instance._views if shiboken6.isValid(v)]
        cls._instance._views.append(view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            for view in self._views:
                if shiboken6.isValid(view) and view.is_animating():
                    view.finish_animation()
        return False
