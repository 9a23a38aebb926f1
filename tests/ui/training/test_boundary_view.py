"""ui.training.boundary_view: the output map over the plane, unit maps on hover, the examples."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network
from engine.datasets import load
from ui.state import AppState
from ui.training.boundary_view import RESOLUTION, BoundaryView


def _state(name: str = "moons", hidden: tuple[int, ...] = (3,)) -> AppState:
    ds = load(name, seed=1)
    net = Network([ds.n_inputs, *hidden, ds.n_outputs], "tanh",
                  "softmax" if ds.n_outputs > 1 else "sigmoid", rng=np.random.default_rng(2))
    return AppState(net, ds.X_train, ds.Y_train, dataset=ds)


def _view(qtbot, state: AppState) -> BoundaryView:
    view = BoundaryView(state)
    qtbot.addWidget(view)
    return view


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_map_is_the_network_output_over_the_grid(qtbot):
    state = _state()
    view = _view(qtbot, state)
    t1, t2 = state.network.thetas
    pts = view.grid.points
    # A plain forward pass, written out for this 2-3-1 network.
    expected = _sigmoid(np.tanh(pts @ t1[:, 1:].T + t1[:, 0]) @ t2[:, 1:].T + t2[:, 0])
    g = view.grid
    np.testing.assert_allclose(view.values, expected.reshape(g.ny, g.nx), rtol=1e-12)
    assert view.image.image.shape == (g.ny, g.nx, 4)
    assert max(g.nx, g.ny) == RESOLUTION


def test_grid_covers_every_example(qtbot):
    state = _state()
    view = _view(qtbot, state)
    X = state.dataset.X
    assert view.grid.x_range[0] < X[:, 0].min() and view.grid.x_range[1] > X[:, 0].max()
    assert view.grid.y_range[0] < X[:, 1].min() and view.grid.y_range[1] > X[:, 1].max()


def test_map_follows_new_weights(qtbot):
    state = _state()
    view = _view(qtbot, state)
    before = view.values.copy()
    state.network.thetas[1][0, 0] += 3.0     # a larger output bias: every output rises
    state.notify_weights_changed()
    assert np.all(view.values > before)


def test_hovering_a_hidden_unit_shows_its_own_output(qtbot):
    state = _state()
    view = _view(qtbot, state)
    view.set_hovered(2, 1)
    t1 = state.network.thetas[0]
    expected = np.tanh(view.grid.points @ t1[1, 1:] + t1[1, 0])
    np.testing.assert_allclose(view.values.ravel(), expected, rtol=1e-12)
    assert "Neuron 2 of layer 2" in view.title.text()
    assert not view.contour.isVisible()


def test_hover_index_minus_one_goes_back_to_the_output(qtbot):
    state = _state()
    view = _view(qtbot, state)
    view.set_hovered(2, 0)
    view.set_hovered(0, -1)
    assert view.hovered is None
    assert view.title.text().startswith("Output")
    assert view.contour.isVisible()


def test_examples_are_drawn_train_filled_and_test_hollow_per_class(qtbot):
    state = _state()
    view = _view(qtbot, state)
    ds = state.dataset
    train_counts = {k: item.data.shape[0] for (k, train), item in view._scatter.items() if train}
    test_counts = {k: item.data.shape[0] for (k, train), item in view._scatter.items()
                   if not train}
    assert train_counts == {0: int(np.sum(ds.Y_train == 0)), 1: int(np.sum(ds.Y_train == 1))}
    assert test_counts == {0: int(np.sum(ds.Y_test == 0)), 1: int(np.sum(ds.Y_test == 1))}
    filled = view._scatter[(0, True)].opts["brush"].color()
    hollow = view._scatter[(0, False)].opts["brush"].color()
    assert filled != hollow
    assert view._scatter[(0, True)].opts["symbol"] != view._scatter[(1, True)].opts["symbol"]


def test_three_classes_take_the_most_likely_class(qtbot):
    state = _state("blobs")
    view = _view(qtbot, state)
    probs = state.network.predict(view.grid.points)
    np.testing.assert_allclose(view.values.ravel(), probs.max(axis=1), rtol=1e-12)
    assert len({k for k, _ in view._scatter}) == 3


def test_data_with_more_than_two_features_gets_a_message(qtbot):
    state = _state("iris")
    view = _view(qtbot, state)
    assert not view.is_applicable()
    assert "4" in view.message.text()
    assert view._stack.currentWidget() is view.message


@pytest.mark.parametrize("weight", [1e200, -1e200])
def test_huge_weights_do_not_break_the_map(qtbot, weight):
    state = _state()
    view = _view(qtbot, state)
    state.network.thetas[1][0, 1] = weight
    state.notify_weights_changed()
    assert np.all(np.isfinite(view.values))


def test_dark_theme_keeps_test_markers_hollow_on_the_dark_background(qtbot):
    from ui.look.palette import DARK

    view = _view(qtbot, _state())
    view.set_theme(DARK)
    hollow = view._scatter[(0, False)].opts["brush"].color().name()
    assert hollow == DARK.background.lower()
    assert view.plot.backgroundBrush().color().name() == DARK.background.lower()


def test_real_valued_targets_show_a_message_instead_of_a_boundary(qtbot):
    from engine.lesson.presets import build_preset
    from ui.state import AppState
    from ui.training.boundary_view import BoundaryView

    setup = build_preset("mazur")   # targets 0.01 and 0.99: not classes
    state = AppState(setup.network, setup.X, setup.Y)
    view = BoundaryView(state)
    qtbot.addWidget(view)
    assert not view.is_applicable()
    assert "not classes" in view.message.text()


def test_imported_data_names_its_classes_and_axes(qtbot):
    from engine.files.csv_import import import_csv
    ds = import_csv("altura;peso;classe\n1,60;55;baixo\n1,85;80;alto\n1,70;62;baixo\n"
                    "1,90;90;alto\n1,55;50;baixo\n1,80;77;alto\n", test_ratio=0.0)
    net = Network([2, 3, 1], "tanh", "sigmoid", rng=np.random.default_rng(2))
    view = _view(qtbot, AppState(net, ds.X_train, ds.Y_train, dataset=ds))
    # Class k of the file is its k-th sorted name (0 = orange, 1 = blue), as the import says.
    assert ds.class_names == ("alto", "baixo")
    assert "alto ● orange · baixo ■ blue" in view.legend.text()
    axis = view.plot.getPlotItem()
    assert (axis.getAxis("bottom").labelText, axis.getAxis("left").labelText) == ("altura",
                                                                                  "peso")


def test_generated_data_keeps_numbered_classes_and_x1_x2(qtbot):
    view = _view(qtbot, _state("moons"))
    assert "class 0 ● orange · class 1 ■ blue" in view.legend.text()
    assert view.plot.getPlotItem().getAxis("bottom").labelText == "x1"


def test_clicking_a_training_point_chooses_that_example(qtbot):
    state = _state("moons")
    view = _view(qtbot, state)
    item = view._scatter[(1, True)]
    spot = item.points()[3]
    item.sigClicked.emit(item, [spot], None)
    # The example now stepped through is the one drawn at the clicked spot.
    x = state.X[state.example]
    assert (x[0], x[1]) == (spot.pos().x(), spot.pos().y())
    assert state.Y[state.example, 0] == 1
    assert "Click a training point" in view.toolTip()
