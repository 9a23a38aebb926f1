"""Whether a person can see a widget, and redrawing put off until they can.

Qt counts a dock tabbed behind another as visible (``isVisible()`` is True) although nobody sees
it: only its visible region is empty. While training runs, a view nobody sees skips its redraws
(on digits the hidden landscape and health tabs took a fifth of the window's training time) and
catches up once, when its dock's tab comes to the front (``QDockWidget.visibilityChanged``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QWidget


def is_seen(widget: QWidget) -> bool:
    """Return whether some of ``widget`` is on the screen: shown, and not covered (a dock tabbed
    behind another is shown to Qt, with an empty visible region)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class WhenSeen(QObject):
    """Run ``redraw`` for ``widget`` now, or, if nobody sees the widget and ``defer()`` says
    redraws may wait (default: always), once the dock given to ``follow`` shows it again.

    ``skipped`` counts the redraws put off (a test reads it; several put off run once).
    """

    def __init__(self, widget: QWidget, redraw: Callable[[], object],
                 defer: Callable[[], bool] = lambda: True, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else widget)
        self.widget, self._redraw, self._defer = widget, redraw, defer
        self.pending = False
        self.skipped = 0

    def follow(self, dock: QDockWidget) -> None:
        """Catch up when ``dock`` (the widget's) comes to the front or is shown."""
        dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    def request(self) -> bool:
        """Redraw now unless nobody sees the widget and the redraw may wait; return whether it
        ran."""
        if self._defer() and not is_seen(self.widget):
            self.pending = True
            self.skipped += 1
            return False
        self.pending = False
        self._redraw()
        return True

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible and self.pending:
            self.pending = False
            self._redraw()
