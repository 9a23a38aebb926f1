"""Stray dock tab bars: Qt 6 (seen with 6.11) leaves a copy of a dock group's tab bar behind when a
second group of docks is tabified before the window is shown. The copy is never laid out again,
so it keeps its first place and its first titles and is drawn over the docks' real tab bars
("Fronteira de decisão" across "Custo e acurácia") until an event loop deletes it; a
``--screenshot`` (events processed, no loop run) always showed it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabBar


def hide_stray_tab_bars(window: QMainWindow) -> None:
    """Hide every tab bar of ``window``'s dock groups, then lay the docks out again: the layout
    shows the tab bars it uses and leaves the strays hidden."""
    bars = [bar for bar in window.findChildren(QTabBar) if bar.parentWidget() is window]
    if not bars:
        return
    for bar in bars:
        bar.hide()
    layout = window.layout()
    layout.setGeometry(layout.geometry())    # QMainWindowLayout shows the bars of its groups
