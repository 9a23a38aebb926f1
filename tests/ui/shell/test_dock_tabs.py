"""The docks' tab bars on the real main window: no stray copy of a tab bar drawn over the real
ones (Qt left one behind when a second dock group was tabified), tabs titled with short words
that fit, and a floating dock titled with its full name."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar

from main import build_main_window

# Short enough for a tab of a 200 px dock at presenter scale (the long titles were cut).
MAX_TAB_CHARS = 12


def _window(qtbot, *args: str, size=(1400, 900)):
    win = build_main_window(list(args))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    # As --screenshot does: events processed, but no event loop run. (An event loop's deferred
    # deletions removed the stray tab bar, so only the screenshots showed it.)
    for _ in range(5):
        QApplication.processEvents()
    return win


def _bars(win) -> list[QTabBar]:
    return [b for b in win.findChildren(QTabBar) if b.parentWidget() is win and b.isVisible()]


@pytest.mark.parametrize("args", [("--lang", "en"), ("--lang", "pt_BR", "--presenter")])
def test_every_visible_dock_tab_bar_sits_under_a_dock_of_its_group(qtbot, args):
    win = _window(qtbot, *args)
    docks = [d for d in win.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    bars = _bars(win)
    assert len(bars) == 2, [[b.tabText(i) for i in range(b.count())] for b in bars]
    for bar in bars:
        under = [d for d in docks if d.x() == bar.x() and d.geometry().bottom() + 1 == bar.y()
                 and not d.visibleRegion().isEmpty()]
        assert under, [bar.tabText(i) for i in range(bar.count())]
        titles = {d.windowTitle() for d in docks}
        assert all(bar.tabText(i) in titles for i in range(bar.count()))
    assert not bars[0].geometry().intersects(bars[1].geometry())


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_dock_tabs_are_short_and_whole(qtbot, lang):
    win = _window(qtbot, "--lang", lang, "--presenter")
    for bar in _bars(win):
        for i in range(bar.count()):
            text = bar.tabText(i)
            assert len(text) <= MAX_TAB_CHARS, text
            # whole: the tab is as wide as its text needs (Qt elides a squeezed tab)
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text), text


def test_a_floating_dock_is_titled_with_its_full_name(qtbot):
    win = _window(qtbot, "--lang", "en")
    dock = win.findChild(QDockWidget, "healthDock")
    assert dock.windowTitle() == "Health" and dock.toolTip() == "Gradient health"
    dock.setFloating(True)
    assert dock.windowTitle() == "Gradient health"
    dock.setFloating(False)
    assert dock.windowTitle() == "Health"
