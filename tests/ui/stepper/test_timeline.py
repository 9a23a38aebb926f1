"""The timeline has a cell per micro-step, labelled by stage, and clicking jumps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from engine.lesson.presets import build_preset
from ui.stepper.timeline import Timeline


@pytest.fixture
def timeline(qtbot):
    s = build_preset("mazur")
    trace = s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias)
    t = Timeline(trace, 0)
    t.resize(700, t.sizeHint().height())
    qtbot.addWidget(t)
    t.show()
    qtbot.waitExposed(t)
    return t


def test_timeline_has_its_object_name_and_tooltip(timeline):
    assert timeline.objectName() == "timeline"
    assert timeline.toolTip()


def test_each_step_has_its_own_cell_left_to_right(timeline):
    xs = [timeline.cell_rect(i).center().x() for i in range(14)]
    assert xs == sorted(xs)
    assert [timeline.index_at(x) for x in xs] == list(range(14))


def test_clicking_a_cell_asks_for_that_step(qtbot, timeline):
    centre = timeline.cell_rect(9).center().toPoint()
    with qtbot.waitSignal(timeline.step_clicked) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [9]


def test_clicks_outside_the_cells_clamp_to_the_ends(qtbot, timeline):
    with qtbot.waitSignal(timeline.step_clicked) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                         pos=QPoint(timeline.width() - 1, 30))
    assert blocker.args == [13]


def test_set_cursor_moves_the_outline(timeline):
    timeline.set_cursor(4)
    assert timeline.cursor == 4
