"""Tests for ui.training.data_controls: the data set picker asks for data, it does not load it."""

from __future__ import annotations

from engine.datasets import load
from engine.lesson.presets import build_preset
from ui.state import AppState
from ui.training.data_controls import CUSTOM, DataControls


def _controls(qtbot, preset: str = "moons"):
    setup = build_preset(preset, seed=0)
    state = AppState(setup.network, setup.X, setup.Y, dataset=setup.dataset)
    controls = DataControls(state)
    qtbot.addWidget(controls)
    return controls, state


def test_shows_the_states_data_set(qtbot):
    controls, _ = _controls(qtbot)
    assert controls.combo.currentData() == "moons"
    assert controls.noise_spin.value() == 0.1
    assert controls.ratio_spin.value() == 20
    assert "160 training and 40 test examples" in controls.info.text()


def test_picking_a_data_set_requests_it_with_the_current_settings(qtbot):
    controls, _ = _controls(qtbot)
    with qtbot.waitSignal(controls.data_requested) as blocker:
        controls.combo.setCurrentIndex(controls.combo.findData("circles"))
    assert blocker.args == ["circles", 0, 0.1, 0.2]


def test_regenerate_requests_the_next_data_seed(qtbot):
    controls, _ = _controls(qtbot)
    with qtbot.waitSignal(controls.data_requested) as blocker:
        controls.regenerate_button.click()
    assert blocker.args == ["moons", 1, 0.1, 0.2]


def test_data_without_a_recipe_shows_as_current_data(qtbot):
    controls, state = _controls(qtbot, "mazur")
    assert controls.combo.currentData() == CUSTOM
    assert not controls.regenerate_button.isEnabled()


def test_shipped_data_has_no_noise_to_set(qtbot):
    controls, state = _controls(qtbot)
    ds = load("iris", seed=0)
    state.set_data(ds.X_train, ds.Y_train, ds)
    controls.sync()
    assert controls.combo.currentData() == "iris"
    assert not controls.noise_spin.isEnabled()


def test_a_new_noise_level_requests_new_data(qtbot):
    controls, _ = _controls(qtbot)
    with qtbot.waitSignal(controls.data_requested) as blocker:
        controls.noise_spin.stepUp()
    assert blocker.args == ["moons", 0, 0.15, 0.2]


def test_showing_the_state_requests_nothing(qtbot):
    controls, _ = _controls(qtbot)
    seen = []
    controls.data_requested.connect(lambda *a: seen.append(a))
    controls.sync()
    assert seen == []


def test_mazurs_example_is_named_as_such(qtbot):
    controls, state = _controls(qtbot, "mazur")
    assert controls.combo.currentText() == "Mazur's worked example"
    state.preset = "imported"
    controls.sync()
    assert controls.combo.currentText() == "(current data)"


def test_feature_boxes_are_hidden_for_data_that_is_not_a_plane(qtbot):
    for preset in ("sin", "digits"):
        controls, _ = _controls(qtbot, preset)
        controls.show()
        assert not controls.feature_boxes.isVisible()
        assert not any(box.isVisible() for box in controls.feature_checks.values())
        assert controls.feature_note.isVisible()
        assert "plane" in controls.feature_note.text()


def test_feature_boxes_are_shown_for_points_of_a_plane(qtbot):
    controls, _ = _controls(qtbot, "xor")
    controls.show()
    assert all(box.isVisible() for box in controls.feature_checks.values())
    assert not controls.feature_note.isVisible()


def test_feature_boxes_appear_when_the_data_becomes_a_plane(qtbot):
    controls, state = _controls(qtbot, "sin")
    controls.show()
    ds = load("xor", seed=0)
    state.set_data(ds.X_train, ds.Y_train, ds)
    controls.sync()
    assert controls.feature_boxes.isVisible() and not controls.feature_note.isVisible()
