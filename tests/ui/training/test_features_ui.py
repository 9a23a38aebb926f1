"""The input features in the window: the Data tab's checkboxes drive the network's s(1), the
data it is fed, the canvas's input names, the boundary map and the test-set scoring."""

from __future__ import annotations

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication

import main
from engine.datasets import load
from engine.features import CrossedDataset, FeatureSet, features_of, raw_of
from engine.lesson.presets import build_preset
from ui.shell.main_window import MainWindow
from ui.state import AppState, Settings
from ui.stepper import controller as stepper_ui
from ui.training import wing
from ui.training.data_controls import DataControls


@pytest.fixture
def win(qtbot):
    """A main window with the step-through canvas and the training wing on circles."""
    args = main.parse_args(["--preset", "circles"])
    setup = build_preset(args.preset, seed=0)
    state = AppState(setup.network, setup.X, setup.Y, Settings(lr=setup.lr), setup.dataset,
                     preset=setup.name, seed=setup.seed)
    w = MainWindow(state)
    stepper = stepper_ui.install(w, state, args)
    built = wing.install(w, state, args, canvas=stepper.view)
    w.network_view, w.training, w.panel = stepper.view, built.controller, built.panel
    w.boundary = built.boundary
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.training.pause()
    w.close()
    shiboken6.delete(w)


def _check(w, name: str) -> None:
    w.panel.data.feature_checks[name].click()


def _input_names(w) -> list[str]:
    return [item.text() for item in w.network_view.captions.inputs]


def test_checkboxes_start_at_x1_x2_for_points_and_are_off_for_other_data(qtbot):
    setup = build_preset("iris", seed=0)
    state = AppState(setup.network, setup.X, setup.Y, dataset=setup.dataset)
    controls = DataControls(state)
    qtbot.addWidget(controls)
    ticked = [n for n, box in controls.feature_checks.items() if box.isChecked()]
    assert ticked == ["x1", "x2"]
    assert not any(box.isEnabled() for box in controls.feature_checks.values())
    ds = load("moons", seed=0)
    state.set_data(ds.X_train, ds.Y_train, ds)
    controls.sync()
    assert all(box.isEnabled() for box in controls.feature_checks.values())
    assert controls.feature_checks["sinx1"].text() == "sin x₁"


def test_ticking_a_feature_adds_an_input_and_keeps_the_hidden_layers(win):
    state = win.state
    raw = state.dataset
    _check(win, "x1sq")
    assert state.network.layer_sizes == [3, 8, 1]
    assert features_of(state.dataset) == FeatureSet(("x1", "x2", "x1sq"))
    np.testing.assert_array_equal(state.X, np.c_[raw.X_train, raw.X_train[:, 0] ** 2])
    assert _input_names(win) == ["x₁", "x₂", "x₁²"]
    assert all(item.isVisible() for item in win.network_view.captions.inputs)


def test_unticking_down_to_one_feature_leaves_it_locked_on(win):
    for name in ("x2sq", "x1", "x2"):
        _check(win, name)
    assert win.state.network.layer_sizes == [1, 8, 1]
    assert _input_names(win) == ["x₂²"]
    last = win.panel.data.feature_checks["x2sq"]
    assert last.isChecked() and not last.isEnabled()
    raw = raw_of(win.state.dataset)
    np.testing.assert_array_equal(win.state.X[:, 0], raw.X_train[:, 1] ** 2)


def test_regenerating_keeps_the_features_and_what_was_learnt(win):
    _check(win, "x1x2")
    net = win.state.network
    win.panel.data.regenerate_button.click()
    ds = win.state.dataset
    assert isinstance(ds, CrossedDataset) and ds.params["seed"] == 1
    assert win.state.network is net
    np.testing.assert_array_equal(win.state.X[:, 2], ds.raw.X_train[:, 0] * ds.raw.X_train[:, 1])


def test_other_data_of_a_plane_takes_the_ticked_features_and_iris_its_own(win):
    _check(win, "sinx1")
    data = win.panel.data
    data.combo.setCurrentIndex(data.combo.findData("moons"))
    assert win.state.dataset.name == "moons" and win.state.network.layer_sizes[0] == 3
    data.combo.setCurrentIndex(data.combo.findData("iris"))
    assert win.state.network.layer_sizes[0] == 4 and features_of(win.state.dataset) is None
    assert not data.feature_checks["x1"].isEnabled()
    assert _input_names(win) == ["x₁", "x₂", "x₃", "x₄"]


def test_training_scores_the_test_set_through_the_same_features(win):
    _check(win, "x1sq")
    _check(win, "x2sq")
    ds = win.state.dataset
    X_test, Y_test = win.training.test_set()
    np.testing.assert_array_equal(X_test, np.c_[ds.raw.X_test, ds.raw.X_test ** 2])
    win.training.train_epochs(2)
    net = win.state.network
    # The test cost the history records is J of the features of the held-out points.
    a = net.predict(X_test)
    expected = -np.mean(Y_test * np.log(a) + (1 - Y_test) * np.log(1 - a))
    assert win.training.history.series("test_cost")[-1] == pytest.approx(expected, rel=1e-9)


def _plain_forward(thetas, X):
    """A forward pass written out for a tanh hidden layer and a sigmoid output."""
    a = X
    for i, theta in enumerate(thetas):
        z = a @ theta[:, 1:].T + theta[:, 0]
        a = np.tanh(z) if i < len(thetas) - 1 else 1.0 / (1.0 + np.exp(-z))
    return a


def test_boundary_map_is_the_network_over_the_features_of_the_plane(win):
    for name in ("x1sq", "x2sq", "x1", "x2"):
        _check(win, name)       # x₁², x₂² only
    assert win.state.network.layer_sizes == [2, 8, 1]
    view = win.boundary
    assert view.is_applicable()
    pts = view.grid.points
    features = np.c_[pts[:, 0] ** 2, pts[:, 1] ** 2]     # the map, computed independently
    expected = _plain_forward(win.state.network.thetas, features)
    np.testing.assert_allclose(view.values, expected.reshape(view.grid.ny, view.grid.nx),
                               rtol=1e-12)
    # The markers are the raw points of the plane, not their features.
    raw = raw_of(win.state.dataset)
    shown = np.vstack([np.c_[item.getData()] for (_, train), item in view._scatter.items()
                       if train])
    assert sorted(map(tuple, shown)) == sorted(map(tuple, raw.X_train))


def test_hovering_an_input_shows_its_feature_over_the_plane(win):
    _check(win, "x1x2")
    view = win.boundary
    view.set_hovered(1, 2)
    pts = view.grid.points
    np.testing.assert_allclose(view.values, (pts[:, 0] * pts[:, 1]).reshape(view.grid.ny,
                                                                            view.grid.nx))


def test_input_names_follow_the_language(win):
    from ui.look import language

    _check(win, "sinx2")
    try:
        language.manager().set_choice("pt_BR", remember=False)
        QCoreApplication.processEvents()
        assert _input_names(win)[-1] == "sen x₂"
        assert win.panel.data.feature_checks["sinx1"].text() == "sen x₁"
    finally:
        language.manager().set_choice("en", remember=False)
        QCoreApplication.processEvents()
    assert _input_names(win)[-1] == "sin x₂"
