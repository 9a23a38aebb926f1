"""ui.shell.tasks on the real main window: the Task switcher, Reset layout, dock shares after a
resize, and the minimum size a laptop or projector can hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDockWidget

from main import build_main_window
from ui.shell.tasks import TASKS

ALL_DOCKS = {"trainingDock", "boundaryDock", "lossDock", "healthDock", "landscapeDock"}


@pytest.fixture
def window(qtbot):
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


def _settle(qtbot) -> None:
    # The switcher re-fits the docks from a zero timer, after Qt's own layout.
    qtbot.wait(20)
    QApplication.processEvents()


def test_minimum_window_fits_1024_by_640(window):
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= 1024 and hint.height() <= 640, hint
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible():
            assert dock.minimumSizeHint().width() <= 500, dock.objectName()


def test_window_can_be_made_1024_by_640(window, qtbot):
    window.resize(1024, 640)
    _settle(qtbot)
    assert window.size() == QSize(1024, 640)


def test_step_through_task_hides_the_training_docks(window, qtbot):
    window.tasks.set_task("step")
    _settle(qtbot)
    assert window.tasks.visible_docks() == set()
    assert window.math_panel.isVisible()
    # No dock at all, not only those the switcher knew of: the gradient-health dock, a tab
    # behind the cost plot, stayed on screen alone when it was left out.
    assert [d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()] == []


def test_train_task_shows_training_docks_and_hides_the_maths(window, qtbot):
    window.tasks.set_task("train")
    _settle(qtbot)
    assert window.tasks.visible_docks() == ALL_DOCKS
    assert not window.math_panel.isVisible()
    assert window.network_view.isVisible()


def test_explore_task_shows_everything(window, qtbot):
    window.tasks.set_task("step")
    window.tasks.set_task("explore")
    _settle(qtbot)
    assert window.tasks.visible_docks() == ALL_DOCKS
    assert window.math_panel.isVisible()


def test_view_menu_and_combo_switch_the_task(window, qtbot):
    window.tasks.actions["step"].trigger()
    _settle(qtbot)
    assert window.tasks.visible_docks() == set()
    assert window.tasks.combo.currentData() == "step"
    window.tasks.combo.setCurrentIndex(TASKS.index("train"))
    window.tasks.combo.activated.emit(TASKS.index("train"))
    _settle(qtbot)
    assert window.tasks.task == "train"
    assert window.tasks.actions["train"].isChecked()


def test_a_task_remembers_the_docks_the_learner_closed(window, qtbot):
    window.tasks.set_task("train")
    _settle(qtbot)
    window.findChild(QDockWidget, "boundaryDock").close()
    window.tasks.set_task("step")
    window.tasks.set_task("train")
    _settle(qtbot)
    # The task's docks come back, including the one closed: a task shows what it needs.
    assert window.tasks.visible_docks() == ALL_DOCKS


def test_reset_layout_restores_the_default(window, qtbot):
    loss = window.findChild(QDockWidget, "lossDock")
    default_width = loss.width()
    window.tasks.set_task("step")
    _settle(qtbot)
    window.tasks.reset_action.trigger()
    _settle(qtbot)
    assert window.tasks.task == "explore"
    assert window.tasks.visible_docks() == ALL_DOCKS
    assert window.math_panel.isVisible()
    assert abs(loss.width() - default_width) <= 4


def test_dock_width_comes_back_after_shrinking_and_growing(window, qtbot):
    loss = window.findChild(QDockWidget, "lossDock")
    before = loss.width()
    window.resize(1024, 640)
    _settle(qtbot)
    window.resize(1280, 720)
    _settle(qtbot)
    assert abs(loss.width() - before) <= 4, (before, loss.width())


def test_unknown_task_is_refused_by_name(window):
    with pytest.raises(ValueError, match="'cooking'"):
        window.tasks.set_task("cooking")


def test_math_panel_catches_up_with_steps_taken_while_hidden(window, qtbot):
    window.tasks.set_task("train")
    _settle(qtbot)
    window.stepper_controller.step_forward()
    window.stepper_controller.step_forward()
    window.tasks.set_task("step")
    _settle(qtbot)
    assert window.math_panel.equation_text().startswith("Step 3 of ")


@pytest.mark.parametrize("task", ["explore", "train"])
def test_choosing_a_task_gives_its_docks_their_shares(window, qtbot, task):
    # Sizing the gradient-health dock, a tab behind the cost plot, fought the cost plot's size
    # and squeezed the training dock to 388 px at 1366×768 (its buttons cut off).
    from ui.shell.tasks import DEFAULT_SHARES

    window.resize(1366, 768)
    _settle(qtbot)
    for _ in range(2):                    # the same task chosen again changes nothing
        window.tasks.set_task(task)
        _settle(qtbot)
        dock = window.findChild(QDockWidget, "trainingDock")
        share = DEFAULT_SHARES[task]["trainingDock"][0]
        assert dock.width() == pytest.approx(share * window.width(), abs=0.03 * window.width())
