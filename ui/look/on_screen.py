"""Whether a widget can be seen: the views that redraw on every epoch or key ask this first.

``QWidget.isVisible()`` is not enough: a dock tabbed behind another dock (the landscape behind
the decision boundary, the gradient health behind the cost plot) stays "visible" — Qt only moves
it out of the window — so a view that asked ``isVisible()`` recomputed and repainted for nobody
(on digits a landscape map took ~80 ms of every timer tick while the learner stepped). Such a
view asks ``on_screen`` instead, remembers that it is behind, and catches up when its dock
comes to the front (``QDockWidget.visibilityChanged``; ``WhenSeen`` does this for a redraw).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QWidget


def on_screen(widget: QWidget) -> bool:
    """Return whether some part of ``widget`` can be seen: it is shown and not clipped away
    (a tab behind another dock, a dock squeezed to nothing)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def hidden_on_screen(widget: QWidget) -> bool:
    """Return whether ``widget`` is out of sight inside a window that is shown: the case where
    work for it can wait (a window not shown yet — tests, ``--screenshot`` — keeps drawing)."""
    window = widget.window()
    return window.isVisible() and not on_screen(widget)


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
        if self._defer() and not on_screen(self.widget):
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
