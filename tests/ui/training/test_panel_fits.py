"""The training dock at a class's screen sizes: each tab of the panel fits the dock's width
(at most a vertical scroll bar), in English and pt-BR, at 1280×720 and in presenter mode."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from main import build_main_window


@pytest.mark.parametrize("size, extra", [((1280, 720), ()), ((1400, 900), ("--presenter",))])
@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_every_training_tab_fits_the_dock_width(qtbot, size, extra, lang):
    win = build_main_window(["--preset", "xor", "--lang", lang, *extra])
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)      # the task switcher sizes the docks from a zero timer
    scroll = win.findChild(QScrollArea, "trainingScroll")
    panel = win.training_panel
    for i in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        room = scroll.viewport().width()
        # The panel gets the viewport's width; below its minimum, controls would be cut.
        assert panel.minimumSizeHint().width() <= room, (panel.tabs.tabText(i), room)
        assert panel.width() <= room, (panel.tabs.tabText(i), panel.width(), room)
        hbar = scroll.horizontalScrollBar()
        assert not hbar.isVisible() or hbar.maximum() == 0, panel.tabs.tabText(i)
