"""ui.training.regression_view: the network's curve h(x) over one-feature data, drawn live."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network
from engine.datasets import load
from ui.state import AppState
from ui.training.regression_view import CURVE_POINTS, RegressionView, applies_to


def _state(name: str = "sin", hidden: tuple[int, ...] = (3, 2)) -> AppState:
    ds = load(name, seed=1)
    net = Network([1, *hidden, 1], "tanh", "linear", "squared_error",
                  rng=np.random.default_rng(2))
    return AppState(net, ds.X_train, ds.Y_train, dataset=ds)


def _view(qtbot, state: AppState) -> RegressionView:
    view = RegressionView(state)
    qtbot.addWidget(view)
    return view


def _plain_forward(thetas, x: np.ndarray) -> list[np.ndarray]:
    """Return a(1) … a(L) for inputs x (N,): tanh hidden layers, a linear output, written out
    with numpy alone (each a(l) with the "+1" bias unit in front, as in the notes)."""
    a = x.reshape(-1, 1)
    acts = [a]
    for l, theta in enumerate(thetas, start=1):
        z = np.hstack([np.ones((a.shape[0], 1)), a]) @ theta.T
        a = z if l == len(thetas) else np.tanh(z)
        acts.append(a)
    return acts


def test_curve_is_the_networks_forward_pass_over_the_visible_x_range(qtbot):
    state = _state()
    view = _view(qtbot, state)
    xs, ys = view.curve.getData()
    assert xs.size == CURVE_POINTS
    expected = _plain_forward(state.network.thetas, xs)[-1][:, 0]
    np.testing.assert_allclose(ys, expected, rtol=1e-12, atol=1e-15)
    x0, x1 = view.plot.getPlotItem().getViewBox().viewRange()[0]
    assert xs[0] == pytest.approx(x0) and xs[-1] == pytest.approx(x1)


def test_view_spans_every_example_train_and_test(qtbot):
    state = _state()
    view = _view(qtbot, state)
    (x0, x1), (y0, y1) = view.plot.getPlotItem().getViewBox().viewRange()
    ds = state.dataset
    assert x0 < ds.X.min() and x1 > ds.X.max() and y0 < ds.Y.min() and y1 > ds.Y.max()


def test_training_points_are_filled_and_test_points_hollow(qtbot):
    state = _state()
    view = _view(qtbot, state)
    ds = state.dataset
    tx, ty = view.train_points.getData()
    np.testing.assert_array_equal(tx, ds.X_train[:, 0])
    np.testing.assert_array_equal(ty, ds.Y_train[:, 0])
    hx, hy = view.test_points.getData()
    np.testing.assert_array_equal(hx, ds.X_test[:, 0])
    np.testing.assert_array_equal(hy, ds.Y_test[:, 0])
    filled = view.train_points.opts["brush"].color()
    hollow = view.test_points.opts["brush"].color()
    assert filled != hollow and hollow == view.plot.backgroundBrush().color()


def test_curve_follows_new_weights(qtbot):
    state = _state()
    view = _view(qtbot, state)
    before = view.curve.getData()[1].copy()
    state.network.thetas[-1][0, 0] += 0.5       # the output bias: h(x) rises by 0.5 everywhere
    state.notify_weights_changed()
    np.testing.assert_allclose(view.curve.getData()[1], before + 0.5, rtol=1e-12)


def test_hovered_unit_is_drawn_against_x(qtbot):
    state = _state()
    view = _view(qtbot, state)
    view.set_hovered(2, 1)           # the second unit of hidden layer 2
    xs, ys = view.unit_curve.getData()
    expected = _plain_forward(state.network.thetas, xs)[1][:, 1]
    np.testing.assert_allclose(ys, expected, rtol=1e-12)
    assert "neuron 2 of layer 2" in view.title.text()
    view.set_hovered(0, -1)
    xs, _ = view.unit_curve.getData()
    assert view.hovered is None and (xs is None or len(xs) == 0)


def test_the_stepped_example_is_ringed_with_its_error(qtbot):
    state = _state()
    view = _view(qtbot, state)
    state.set_example(7)
    x, y = state.X[7, 0], state.Y[7, 0]
    np.testing.assert_array_equal(view.example_ring.getData()[0], [x])
    ex, ey = view.example_error.getData()
    h = _plain_forward(state.network.thetas, np.array([x]))[-1][0, 0]
    np.testing.assert_array_equal(ex, [x, x])
    np.testing.assert_allclose(ey, [y, h], rtol=1e-12)


def test_clicking_a_training_point_selects_that_example(qtbot):
    state = _state()
    view = _view(qtbot, state)
    spot = view.train_points.points()[5]
    view.train_points.sigClicked.emit(view.train_points, [spot], None)
    assert state.example == 5


def test_it_applies_to_one_feature_and_one_output_only(qtbot):
    assert applies_to(_state("sin"))
    ds = load("xor", seed=0)
    two = AppState(Network([2, 3, 1], rng=np.random.default_rng(0)), ds.X_train, ds.Y_train,
                   dataset=ds)
    assert not applies_to(two)


def test_axes_name_an_imported_feature_and_target(qtbot):
    from engine.files.csv_import import import_csv

    ds = import_csv("hours,sold\n1,2.5\n2,3.25\n3,-1\n4,0.5\n5,1.5\n", test_ratio=0.2, seed=1,
                    standardize=True)
    net = Network([1, 3, 1], "tanh", "linear", "squared_error", rng=np.random.default_rng(0))
    view = _view(qtbot, AppState(net, ds.X_train, ds.Y_train, dataset=ds))
    item = view.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "hours (standardized)"
    assert item.getAxis("left").labelText == "sold"


def test_diverging_weights_draw_a_clipped_curve(qtbot):
    state = _state()
    view = _view(qtbot, state)
    state.network.thetas[-1][0, 0] = 1e300
    state.notify_weights_changed()
    ys = view.curve.getData()[1]
    assert np.all(ys[np.isfinite(ys)] <= 1e6)
