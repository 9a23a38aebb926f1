"""ui.training.landscape_view: the map's centre is J at the weights of now (J written out here in
plain numpy, with λ), its slopes there are D, the path grows while the window trains and its
newest point is the centre after a re-centre; the canvas's right-click picks weights; the
choice survives a session file; long maps show progress and finish in slices."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox

import ui.training.landscape_view as landscape_view
from engine.lesson.landscape import WeightRef
from engine.lesson.landscape_choice import LandscapeChoice
from ui.look import language as i18n


@pytest.fixture
def window(make_window, qtbot):
    win = make_window("--preset", "xor")
    win.resize(1400, 900)
    win.show()
    dock = win.findChild(QDockWidget, "landscapeDock")
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: win.landscape.isVisible())
    return win


def _plain_J(thetas, X, Y, lam):
    """J of the XOR preset written out: tanh hidden layer, sigmoid output, cross-entropy, and
    λ/(2m) Σ Θ² without the bias column."""
    a = X
    for k, theta in enumerate(thetas):
        z = np.hstack([np.ones((a.shape[0], 1)), a]) @ theta.T
        a = 1 / (1 + np.exp(-z)) if k == len(thetas) - 1 else np.tanh(z)
    m = X.shape[0]
    loss = -np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a)) / m
    return loss + lam / (2 * m) * sum(np.sum(t[:, 1:] ** 2) for t in thetas)


def _fresh_map(win):
    view = win.landscape
    view.recentre()
    view.finish()
    assert view.grid is not None, view.problem
    return view.grid


def test_centre_of_the_map_is_J_at_the_current_weights_with_lambda(window):
    state = window.landscape.state
    net = state.network
    assert (str(net.g), str(net.output), net.loss_name) == ("tanh", "sigmoid", "cross_entropy")
    state.update_settings(lam=0.2)
    window.training.train_epochs(30)
    grid = _fresh_map(window)
    X, Y = window.training.trainer.data()[:2]
    assert grid.centre_J == pytest.approx(_plain_J(net.thetas, X, Y, 0.2), rel=1e-12)
    assert window.landscape.grid_epoch == 30


def test_slopes_at_the_centre_equal_D_of_the_two_chosen_weights(window):
    view, state = window.landscape, window.landscape.state
    state.update_settings(lam=0.1)
    first, second = WeightRef(1, 3, 2), WeightRef(2, 1, 0)
    view.set_choice(LandscapeChoice("weights", (first, second), span=0.01))
    grid = _fresh_map(window)                # no training yet: the path is one point
    c, h = grid.u.size // 2, grid.u[1] - grid.u[0]
    X, Y = window.training.trainer.data()[:2]
    D = state.network.gradients(X, Y, lam=0.1)
    assert (grid.J[c + 1, c] - grid.J[c - 1, c]) / (2 * h) == pytest.approx(
        D[0][2, 2], rel=1e-4)
    assert (grid.J[c, c + 1] - grid.J[c, c - 1]) / (2 * h) == pytest.approx(
        D[1][0, 0], rel=1e-4)
    assert window.landscape.plot.getPlotItem().getAxis("bottom").labelText == "Θ(1)[3, 2]"


@pytest.mark.parametrize("kind", ["weights", "random", "pca"])
def test_after_a_recentre_the_newest_point_of_the_path_is_the_centre(window, kind):
    window.training.train_epochs(40)
    view = window.landscape
    view.set_choice(LandscapeChoice(kind))
    grid = _fresh_map(window)
    now = view.plot.now_marker.getData()
    centre = view.plot.centre_marker.getData()
    assert (now[0][0], now[1][0]) == pytest.approx(grid.plane.origin, abs=1e-9)
    assert (centre[0][0], centre[1][0]) == pytest.approx(grid.plane.origin, abs=1e-12)


def test_the_path_grows_while_the_window_trains(window, qtbot):
    view, controller = window.landscape, window.training
    _fresh_map(window)
    assert view.path.epochs().tolist() == [0]
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= 60, timeout=20000)
    qtbot.waitUntil(lambda: len(view.plot.path_curve.getData()[0]) >= 10, timeout=20000)
    controller.pause()
    epochs = view.path.epochs()
    assert epochs[0] == 0 and epochs[-1] == controller.epoch and np.all(np.diff(epochs) > 0)
    # The drawn path is the recorded one projected on the map's plane, newest point last.
    view._draw_path()
    x, y = view.plot.path_curve.getData()
    assert len(x) == len(epochs)
    xy = view.grid.plane.coordinates(view.path.points())
    assert np.allclose(x, xy[:, 0]) and np.allclose(y, xy[:, 1])
    first, second = view.grid.plane.refs
    theta = window.landscape.state.network.thetas
    assert x[-1] == pytest.approx(theta[first.l - 1][first.i - 1, first.j])
    assert y[-1] == pytest.approx(theta[second.l - 1][second.i - 1, second.j])


def test_a_new_network_starts_a_new_path(window):
    window.training.train_epochs(20)
    assert len(window.landscape.path) > 2
    window.training.reset_weights()
    assert window.landscape.path.epochs().tolist() == [0]


def test_pca_waits_for_a_path_and_says_so(window):
    view = window.landscape
    view.set_choice(LandscapeChoice("pca"))
    view.finish()
    assert view.grid is None and "train a few epochs" in view.message.text()
    window.training.train_epochs(10)
    grid = _fresh_map(window)
    assert grid.plane.kind == "pca"


def test_right_click_on_an_edge_puts_that_weight_on_an_axis(window):
    view = window.landscape
    menu = view.edge_menu.menu_for(1, 2, 0)      # Θ(1)[3, 0]: the canvas counts rows from 0
    actions = {a.objectName(): a for a in menu.actions()}
    assert "Θ(1)[3, 0]" in actions["landscapeAxis1Action"].text()
    actions["landscapeAxis1Action"].trigger()
    assert view.choice.kind == "weights"
    assert view.choice.weights[1] == WeightRef(1, 3, 0)
    assert view.controls.second_combo.currentText().startswith("Θ(1)[3, 0]")
    view.finish()
    assert view.grid.plane.refs[1] == WeightRef(1, 3, 0)


def test_a_long_map_shows_progress_and_finishes_in_slices(window, qtbot, monkeypatch):
    monkeypatch.setattr(landscape_view, "FIRST_SECONDS", 0.0)
    monkeypatch.setattr(landscape_view, "TICK_SECONDS", 0.0)
    monkeypatch.setattr(landscape_view, "PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(landscape_view.GridJob, "__init__", _small_pieces(
        landscape_view.GridJob.__init__))
    view = window.landscape
    view.set_choice(LandscapeChoice("random", seed=4))
    assert view._job is not None and not view._job.done
    assert view.controls.progress.isVisibleTo(view)
    qtbot.waitUntil(lambda: view._job is None and view.grid is not None, timeout=30000)
    assert not view.controls.progress.isVisibleTo(view)
    assert view.grid.plane.kind == "random"


def _small_pieces(init):
    def small(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.piece = 97
    return small


def test_the_choice_is_saved_with_the_session(window, tmp_path):
    view = window.landscape
    chosen = LandscapeChoice("random", (WeightRef(2, 1, 3), WeightRef(1, 1, 0)), 0.5, 7)
    view.set_choice(chosen)
    path = tmp_path / "lesson.json"
    assert window.session.save_to(path)
    saved = json.loads(path.read_text(encoding="utf-8"))["landscape"]
    assert saved == {"kind": "random", "span": 0.5, "seed": 7,
                     "weights": [[2, 1, 3], [1, 1, 0]]}
    window.session.answers.append(QMessageBox.StandardButton.Discard)
    assert window.session.new()
    assert view.choice == LandscapeChoice()
    assert window.session.open_path(path)
    assert view.choice == chosen


def test_files_without_a_landscape_open_with_the_defaults(window, tmp_path):
    window.landscape.set_choice(LandscapeChoice("pca"))
    path = tmp_path / "old.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["landscape"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert window.session.open_path(path)
    assert window.landscape.choice == LandscapeChoice()


@pytest.mark.parametrize("field,value,fragment", [
    ("kind", "hessian", "landscape: kind must be one of weights, random, pca"),
    ("weights", [[9, 1, 1], [1, 1, 1]], "l must be 1..2"),
    ("span", -1, "span must be"),
])
def test_a_malformed_landscape_is_refused_by_name(window, tmp_path, field, value, fragment):
    path = tmp_path / "bad.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["landscape"][field] = value
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert not window.session.open_path(path)
    assert "landscape" in window.session.errors[-1] and fragment in window.session.errors[-1]


def test_texts_in_portuguese(window, qtbot):
    i18n.manager().set_choice("pt_BR", remember=False)
    view = window.landscape
    qtbot.waitUntil(lambda: view.dock.toolTip() == "Paisagem do custo")
    _fresh_map(window)
    assert view.controls.recentre_button.text() == "Recentralizar"
    assert view.title.text().startswith("J sobre")
    assert "caminho do treino" in view.key.text()


@pytest.mark.parametrize("lo,hi,expected", [
    (0.011, 0.352, [0.02, 0.05, 0.1, 0.2]),
    (0.3, 40.0, [0.5, 1.0, 2.0, 5.0, 10.0, 20.0]),
    (0.71, 0.75, None),                     # no round value inside: inner points instead
])
def test_colour_bar_is_labelled_with_round_values_of_J_inside_its_range(lo, hi, expected):
    from ui.training.landscape_plot import colorbar_values

    values = colorbar_values(lo, hi)
    assert all(lo <= v <= hi for v in values) and len(values) >= 2
    if expected is not None:
        assert values == pytest.approx(expected)
