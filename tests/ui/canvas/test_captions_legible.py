"""The canvas's layer captions on a deep network: never drawn below 9 px, shortened (with the
full text as tooltip) when a column is narrow, and never over a neighbour's caption."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from main import build_main_window

MIN_PX = 9.0


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
@pytest.mark.parametrize("presenter", [False, True])
def test_deep_network_captions_are_legible_and_apart(qtbot, lang, presenter):
    win = build_main_window(["--preset", "deep-sigmoid", "--lang", lang]
                            + (["--presenter"] if presenter else []))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)
    QApplication.processEvents()
    items = [item for pair in win.network_view.captions.layers for item in pair]
    shown = [item for item in items if item.isVisible()]
    titles = [title for title, _ in win.network_view.captions.layers]
    assert all(t.isVisible() for t in titles)       # every layer is named, if only "L3"
    for item in shown:
        px = QFontInfo(item.font()).pixelSize() * item.scale()
        assert px >= MIN_PX - 0.05, (item.text(), px)
        assert item.toolTip()          # the full text, whatever is shown
    rects = [item.sceneBoundingRect() for item in shown]
    for i, a in enumerate(rects):
        for j in range(i + 1, len(rects)):
            assert not a.intersects(rects[j]), (shown[i].text(), shown[j].text())
