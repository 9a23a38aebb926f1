"""The step-through window: toolbar, keys, play, animation interrupt, editing, --step."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSlider, QSpinBox, QToolButton

from engine.trace import Phase
from main import build_main_window
from tests.conftest import ROOT
from tests.ui import mazur_numbers as mz


def open_window(qtbot, *argv: str):
    window = build_main_window(["--preset", "mazur", *argv])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def test_window_exposes_the_stepper_parts(window):
    assert window.network_view.objectName() == "networkView"
    assert window.math_panel.objectName() == "mathPanel"
    assert window.timeline.objectName() == "timeline"
    assert window.stepper.cursor == 0


@pytest.mark.parametrize("name", ["stepForwardButton", "stepBackButton", "playButton",
                                  "restartButton"])
def test_toolbar_buttons_have_names_and_tooltips(window, name):
    button = window.findChild(QToolButton, name)
    assert button is not None
    assert button.toolTip() and button.defaultAction().statusTip()


def test_speed_slider_has_a_tooltip(window):
    slider = window.findChild(QSlider, "speedSlider")
    assert slider is not None and slider.toolTip()


def test_right_arrow_steps_forward(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.stepper.cursor == 1


def test_left_arrow_steps_back(qtbot, window):
    window.stepper.set_cursor(5)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.stepper.cursor == 4


def test_home_restarts(qtbot, window):
    window.stepper.set_cursor(9)
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.stepper.cursor == 0


def test_end_jumps_to_the_update(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.stepper.step.phase is Phase.UPDATE


def test_space_plays_and_pauses(qtbot, window):
    controller = window.stepper_controller
    window.findChild(QSlider, "speedSlider").setValue(10)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert controller.play_timer.isActive()
    qtbot.waitUntil(lambda: window.stepper.cursor >= 3, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not controller.play_timer.isActive()


def test_play_runs_to_the_end_and_stops(qtbot, window):
    window.findChild(QSlider, "speedSlider").setValue(10)
    qtbot.mouseClick(window.findChild(QToolButton, "playButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stepper.at_end(), timeout=10000)
    qtbot.waitUntil(lambda: not window.stepper_controller.play_timer.isActive(), timeout=2000)


def test_buttons_step_like_the_keys(qtbot, window):
    qtbot.mouseClick(window.findChild(QToolButton, "stepForwardButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QToolButton, "stepForwardButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QToolButton, "stepBackButton"), Qt.MouseButton.LeftButton)
    assert window.stepper.cursor == 1


def test_forward_step_animates_and_any_key_finishes_it(qtbot, window):
    window.stepper.set_cursor(1)                       # input done; next: z(2), a pulse
    window.stepper_controller.step_forward()
    assert window.network_view.is_animating()
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert not window.network_view.is_animating()
    assert window.stepper.cursor == 2


def test_stepping_shows_mazurs_numbers_in_the_math_panel(qtbot, window):
    for _ in range(4):                                  # reset → input → z(2) → a(2)
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert mz.shows(window.math_panel.equation_text(), mz.OUT_H1)


def test_back_restores_the_earlier_text(qtbot, window):
    window.stepper.set_cursor(3)
    text = window.math_panel.equation_text()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.math_panel.equation_text() == text


def test_phase_line_says_where_we_are(window):
    window.stepper.set_cursor(7)
    text = window.findChild(type(window.stepper_controller.phase), "phaseLine").text()
    assert text.startswith("Example 1 of 1 · Backward · d(2) = ")


def test_timeline_click_jumps(qtbot, window):
    centre = window.timeline.cell_rect(10).center().toPoint()
    qtbot.mouseClick(window.timeline, Qt.MouseButton.LeftButton, pos=centre)
    assert window.stepper.cursor == 10


def test_hovering_an_edge_fills_the_inspector(window):
    window.stepper.set_cursor(len(window.stepper.trace) - 1)
    window.network_view.edge_hovered.emit(2, 0, 1)
    assert mz.shows(window.inspector.text(), mz.W5_PLUS)


def test_editing_a_weight_recomputes_the_trace(qtbot, window):
    window.stepper.set_cursor(4)                       # z(3) = Θ(2)·[1; a(2)]
    editor = window.stepper_controller.edit_weight(2, 0, 1)
    qtbot.addWidget(editor)
    editor.edit.setText("1")
    editor._on_buttons_accepted()
    assert window.stepper.trace.thetas[1][0, 1] == 1.0
    assert window.stepper.cursor == 4
    assert "1·0.593269992" in window.math_panel.equation_text().replace(" ", "")


def test_step_argument_shows_micro_step_n_as_the_panel_counts_it(qtbot):
    window = open_window(qtbot, "--step", "8")
    assert window.stepper.cursor == 7
    assert f"Step 8 of {len(window.stepper.trace)}" in window.math_panel.equation_text()
    assert not window.network_view.is_animating()


def test_step_argument_past_the_end_is_refused_in_one_line(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--preset", "mazur",
                          "--step", "999", "--screenshot", str(tmp_path / "x.png")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "--step 999" in lines[0] and "micro-steps" in lines[0]
    assert not (tmp_path / "x.png").exists()


def test_about_names_the_version_in_pyproject(window):
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    about = window.stepper_controller.show_about()
    assert f"{version}" in about.browser.toPlainText()
    about.close()


def test_help_menu_lists_the_notes_references(window):
    about = window.stepper_controller.show_about()
    text = about.browser.toPlainText()
    for name in ("CS231n", "Siraj Raval", "Andrew Ng", "Brilliant", "Wikipedia", "Mazur"):
        assert name in text
    about.close()


def test_help_menu_lists_the_shortcuts(window):
    dialog = window.stepper_controller.show_shortcuts()
    text = dialog.browser.toPlainText()
    assert "→" in text and "←" in text and "Space" in text and "Home" in text
    dialog.close()


def test_shortcuts_list_names_every_window_key_including_f1_and_f5(window):
    from PySide6.QtGui import QAction, QKeySequence

    from ui.shell.help_dialogs import shortcuts
    listed = {key for key, _ in shortcuts()}
    bound = {a.shortcut().toString() for a in window.findChildren(QAction)
             if not a.shortcut().isEmpty()}
    # Single function keys of the window (F1 help, F5 presenter mode) are listed too.
    for key in ("F1", "F5"):
        assert QKeySequence(key).toString() in bound
        assert key in listed
    dialog = window.stepper_controller.show_shortcuts()
    assert "double-click" in dialog.browser.toPlainText()
    dialog.close()


def test_window_has_an_icon(window):
    assert not window.windowIcon().isNull()


def test_v_key_toggles_the_value_labels(qtbot, window):
    assert window.network_view.labels_visible
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert not window.network_view.labels_visible
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert window.network_view.labels_visible


def test_example_selector_chooses_the_example(qtbot):
    window = build_main_window(["--preset", "xor"])
    qtbot.addWidget(window)
    spin = window.findChild(QSpinBox, "exampleSpin")
    assert spin.isEnabled() and spin.toolTip()
    spin.setValue(3)
    assert window.state.example == 2
    assert (window.stepper.trace.X[0] == window.state.X[2]).all()
    assert window.stepper_controller.phase.text().startswith(
        f"Example 3 of {window.state.X.shape[0]} · ")


def test_status_bar_hint_is_shown_at_start(window):
    assert "→" in window.statusBar().currentMessage()


def test_language_switch_retranslates_the_toolbar_and_phase_line(qtbot, window, qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.look import language as i18n
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    button = window.findChild(QToolButton, "stepForwardButton")
    assert button.text() == "Next"
    mgr = i18n.manager()
    try:
        mgr.set_choice("pt_BR", remember=False)
        qtbot.waitUntil(lambda: button.text() != "Next")
        assert window.stepper_controller.phase.text().startswith("Exemplo 1 de 1")
    finally:
        mgr.set_choice("en", remember=False)
    qtbot.waitUntil(lambda: button.text() == "Next")


def test_clicking_an_edge_opens_the_weight_editor(qtbot, window):
    from ui.maths.inspector import WeightEditor
    window.network_view.edge_clicked.emit(1, 0, 1)                 # w1 of Mazur's article
    editor = window.findChild(WeightEditor)
    assert editor is not None and editor.isVisible()
    assert "w1" in editor.label.text()
    editor.edit.setText("0.2")
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert window.state.network.thetas[0][0, 1] == 0.2
    assert window.stepper.trace.thetas[0][0, 1] == 0.2


def test_while_training_only_the_canvas_follows_new_weights(window):
    window.stepper.set_cursor(2)  # z(2) = Θ(1)·[1; a(1)]: the equation shows w1 = 0.15
    assert "0.15" in window.math_panel.equation_text()
    window.state.set_training(True)
    window.state.network.set_weight(1, 0, 1, -0.625)
    window.state.notify_weights_changed()
    style = window.network_view.edge_style(1, 0, 1)
    assert style.value == -0.625 and style.style == Qt.PenStyle.DashLine  # canvas: new Θ
    assert "0.625" not in window.math_panel.equation_text()                  # text: not yet
    phase = window.stepper_controller.phase
    assert "pause to see" in phase.text()                                    # and says so
    window.state.set_training(False)
    assert "0.625" in window.math_panel.equation_text()                      # caught up
    assert "pause to see" not in phase.text()


def test_while_training_no_number_from_before_training_stays_and_stepping_waits(window):
    window.stepper.set_cursor(2)  # the equation shows w1 = 0.15
    window.state.set_training(True)
    window.state.network.set_weight(1, 0, 1, -0.625)
    window.state.notify_weights_changed()
    # Neither the math panel nor the inspector still shows the weights training replaced.
    assert "0.15" not in window.math_panel.equation_text()
    assert window.math_panel.tables_text() == ""
    inspector = window.stepper_controller.inspector
    assert "0.15" not in inspector.text() and "Pause training" in inspector.text()
    assert not window.stepper_controller.forward_action.isEnabled()
    assert not window.stepper_controller.play_action.isEnabled()
    window.state.set_training(False)
    assert window.stepper_controller.forward_action.isEnabled()
    assert window.stepper_controller.play_action.isEnabled()
    assert "0.625" in window.math_panel.equation_text()


def test_first_step_hint_leaves_the_status_bar_once_the_learner_moves(window):
    status = window.statusBar()
    assert status.currentMessage().startswith("Press → (Next) to take the first step")
    window.stepper.set_cursor(3)
    assert "first step" not in status.currentMessage()


def test_keys_still_finish_animations_after_another_window_was_deleted(qtbot):
    import shiboken6

    first = build_main_window(["--preset", "mazur"])
    shiboken6.delete(first)   # Qt deletes it; its view must drop out of the key filter
    second = open_window(qtbot)
    second.stepper.set_cursor(1)
    second.stepper_controller.step_forward()
    assert second.network_view.is_animating()
    qtbot.keyClick(second, Qt.Key.Key_Shift)
    assert not second.network_view.is_animating()


def test_a_language_change_retranslates_through_the_window_signal(qtbot, window):
    seen: list[bool] = []
    window.language_changed.connect(lambda: seen.append(True))
    window.stepper_controller.phase.setText("stale")
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert seen and window.stepper_controller.phase.text() != "stale"
