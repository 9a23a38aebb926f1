"""Dock titles that fit a tab: a docked dock is titled with a short word ("Cost", "Landscape"),
which is what its tab shows when docks share a place (long titles were cut to "Gradien…" and
"Paisagem …"); its full name is its tooltip and its title once it floats as a window of its
own."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

_SHORT, _FULL = "shortTitle", "fullTitle"


def set_titles(dock: QDockWidget, short: str, full: str) -> None:
    """Title ``dock`` ``short`` while docked and ``full`` while floating; ``full`` is its
    tooltip either way."""
    first = dock.property(_SHORT) is None
    dock.setProperty(_SHORT, short)
    dock.setProperty(_FULL, full)
    dock.setToolTip(full)
    if first:
        dock.topLevelChanged.connect(lambda _floating: _show(dock))
    _show(dock)


def full_title(dock: QDockWidget) -> str:
    """Return ``dock``'s full name (its title when floating)."""
    full = dock.property(_FULL)
    return str(full) if full is not None else dock.windowTitle()


def _show(dock: QDockWidget) -> None:
    dock.setWindowTitle(str(dock.property(_FULL if dock.isFloating() else _SHORT)))
