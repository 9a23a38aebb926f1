"""The training dock shows its tabs' controls, not only its header: at 1280×720 (both tasks
that show it) the Data tab's data set, noise and inputs rows are in view without scrolling; in
presenter mode at 1400×900 at least the first two."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QFormLayout, QScrollArea

from main import build_main_window


def _rows_in_view(win) -> int:
    """Return how many of the Data tab's form rows lie wholly inside the scroll viewport."""
    scroll = win.findChild(QScrollArea, "trainingScroll")
    panel = win.training_panel
    panel.tabs.setCurrentWidget(panel.data)
    QApplication.processEvents()
    form = panel.data.layout()
    assert isinstance(form, QFormLayout)
    seen = 0
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole) or form.itemAt(
            row, QFormLayout.ItemRole.SpanningRole)
        geometry = item.geometry()
        if geometry.height() == 0:
            continue
        bottom = panel.data.mapTo(scroll.viewport(), QPoint(0, geometry.bottom())).y()
        if bottom > scroll.viewport().height():
            break
        seen += 1
    return seen


def _window(qtbot, size, task, *args):
    win = build_main_window(["--preset", "xor", *args])
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.tasks.set_task(task)
    qtbot.wait(20)          # the task switcher sizes the docks from a zero timer
    QApplication.processEvents()
    return win


@pytest.mark.parametrize("task", ["train", "explore"])
@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_three_data_rows_in_view_at_1280x720(qtbot, task, lang):
    assert _rows_in_view(_window(qtbot, (1280, 720), task, "--lang", lang)) >= 3


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_two_data_rows_in_view_in_presenter_mode(qtbot, lang):
    win = _window(qtbot, (1400, 900), "explore", "--lang", lang, "--presenter")
    assert _rows_in_view(win) >= 2


def test_run_buttons_share_one_row_when_the_dock_is_wide_enough(qtbot):
    win = _window(qtbot, (1400, 900), "train", "--lang", "en")
    row = win.training_panel.run_row
    names = [b.objectName() for b in row.buttons]
    assert names == ["trainButton", "epochButton", "resetButton", "compareButton"]
    assert row.rows == 1
    assert len({b.geometry().top() for b in row.buttons}) == 1
