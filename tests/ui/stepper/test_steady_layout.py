"""The step-through's layout stays put: Play/Pause keeps the button's width, and the phase line
keeps its height whether its text takes one line or two."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from main import build_main_window


@pytest.fixture
def window(qtbot):
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_play_button_keeps_its_width_when_it_turns_into_pause(window):
    controller = window.stepper_controller
    button = controller.toolbar.play_button
    QApplication.processEvents()
    playing_before = button.width()
    controller.toggle_play()
    QApplication.processEvents()
    assert controller.play_action.text() == "Pause"
    assert button.width() == playing_before
    controller.pause()
    QApplication.processEvents()
    assert button.width() == playing_before


def test_phase_line_height_is_the_same_for_short_and_long_text(window):
    phase = window.stepper_controller.phase
    phase.setText("Reset")
    QApplication.processEvents()
    short = phase.height()
    phase.setText("A long phase text " * 8)
    QApplication.processEvents()
    assert phase.height() == short
    assert short >= 2 * phase.fontMetrics().lineSpacing()
