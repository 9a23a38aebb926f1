"""Stray dock tab bars: Qt 6 (seen with 6.11) leaves a copy of a dock group's tab bar behind when a
second group of docks is tabified before the window is shown. The copy is never laid out again,
so it keeps its first place and its first titles and is drawn over the docks' real tab bars
("Fronteira de decisão" across "Custo e acurácia") until an event loop deletes it; a
``--screenshot`` (events processed, no loop run) always showed it."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

_MARK = "\u2063"     # invisible separator: a title no dock has


def hide_stray_tab_bars(window: QMainWindow) -> None:
    """Hide the tab bars of ``window`` that no dock group uses any more. The layout renames
    the tabs of its own bars when a dock's title changes, so a bar that does not follow a
    passing change of every title is a stray. (Laying the docks out again to find them undid
    the sizes the task switcher had just given the docks.)"""
    bars = [bar for bar in window.findChildren(QTabBar)
            if bar.parentWidget() is window and not bar.isHidden()]
    if not bars:
        return
    docks = window.findChildren(QDockWidget)
    titles = [(dock, dock.windowTitle()) for dock in docks]
    for dock, title in titles:
        dock.blockSignals(True)         # nobody else needs to hear of the passing title
        dock.setWindowTitle(_MARK + title)
    live = [any(bar.tabText(i).startswith(_MARK) for i in range(bar.count())) for bar in bars]
    for dock, title in titles:
        dock.setWindowTitle(title)
        dock.blockSignals(False)
    for bar, used in zip(bars, live, strict=True):
        if not used:
            bar.hide()
