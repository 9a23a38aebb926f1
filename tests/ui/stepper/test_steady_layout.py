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


def _show_tooltip(view) -> str:
    """Send the canvas a tooltip request, as hovering still does; return the tooltip shown."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    pos = QPoint(20, 20)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_generic_tooltip_stays_away_while_a_neuron_or_edge_is_inspected(window):
    view = window.network_view
    view.neuron_hovered.emit(2, 1)
    assert _show_tooltip(view) == ""
    view.neuron_hovered.emit(0, -1)
    view.edge_hovered.emit(1, 1, 0)
    assert _show_tooltip(view) == ""


def test_generic_tooltip_still_shows_over_the_empty_canvas(window):
    view = window.network_view
    view.neuron_hovered.emit(0, -1)
    view.edge_hovered.emit(0, 0, 0)
    assert _show_tooltip(view) == view.toolTip() != ""
