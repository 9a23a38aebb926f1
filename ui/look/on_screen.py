"""Whether a widget can be seen: the views that redraw on every epoch or key ask this first.

``QWidget.isVisible()`` is not enough: a dock tabbed behind another dock (the landscape behind
the decision boundary, the gradient health behind the cost plot) stays "visible" — Qt only moves
it out of the window — so a view that asked ``isVisible()`` recomputed and repainted for nobody
(on digits a landscape map took ~80 ms of every timer tick while the learner stepped). Such a
view asks ``on_screen`` instead, remembers that it is behind, and catches up when
``when_shown`` tells it its dock came to the front (or was shown again).
"""

from __future__ import annotations

from collections.abc import Callable

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


def when_shown(dock: QDockWidget, catch_up: Callable[[], None]) -> None:
    """Call ``catch_up`` each time ``dock`` comes into sight (its tab chosen, or shown again)."""
    dock.visibilityChanged.connect(lambda shown: catch_up() if shown else None)


class RedrawWhenSeen:
    """Call ``redraw`` now if ``widget`` can be seen, else at ``catch_up`` (connect it with
    ``when_shown``): a plot tabbed behind another redrew for nobody at every epoch shown."""

    def __init__(self, widget: QWidget, redraw: Callable[[], None]) -> None:
        self.widget, self.redraw = widget, redraw
        self.behind = False         # a redraw was skipped while out of sight

    def __call__(self) -> None:
        if hidden_on_screen(self.widget):
            self.behind = True
            return
        self.behind = False
        self.redraw()

    def catch_up(self) -> None:
        """Redraw if a redraw was skipped while out of sight."""
        if self.behind:
            self.behind = False
            self.redraw()
