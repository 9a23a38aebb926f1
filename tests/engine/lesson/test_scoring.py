"""Tests for engine.lesson.scoring: accuracy, evaluation and the boundary grid."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network
from engine.lesson.scoring import (
    accuracy,
    evaluate,
    grid_around,
    layer_outputs_on,
    predicted_classes,
)


def test_binary_outputs_are_thresholded_at_one_half():
    assert predicted_classes(np.array([[0.2], [0.51], [0.5]])).tolist() == [0, 1, 0]


def test_multiclass_outputs_take_the_largest_unit():
    assert predicted_classes(np.array([[0.1, 0.7, 0.2], [0.5, 0.1, 0.4]])).tolist() == [1, 0]


def test_accuracy_counts_matching_classes():
    out = np.array([[0.9], [0.2], [0.7], [0.4]])
    y = np.array([[1.0], [0.0], [0.0], [0.0]])
    assert accuracy(out, y) == 0.75


def test_accuracy_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        accuracy(np.zeros((3, 1)), np.zeros((3, 2)))


def test_evaluate_matches_a_plain_numpy_forward_pass():
    rng = np.random.default_rng(3)
    net = Network([2, 3, 1], "tanh", "sigmoid", "cross_entropy", rng=rng)
    X = rng.normal(size=(10, 2))
    Y = (rng.uniform(size=(10, 1)) > 0.5).astype(float)
    t1, t2 = net.thetas
    h = np.tanh(np.c_[np.ones(10), X] @ t1.T)
    p = 1 / (1 + np.exp(-(np.c_[np.ones(10), h] @ t2.T)))
    J = -np.mean(Y * np.log(p) + (1 - Y) * np.log(1 - p))
    ev = evaluate(net, X, Y)
    assert ev.cost == pytest.approx(J, rel=1e-12)
    assert ev.accuracy == pytest.approx(np.mean((p > 0.5) == (Y > 0.5)))


def test_grid_covers_the_points_with_a_margin():
    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    g = grid_around(X, resolution=5, margin=0.1)
    assert g.points.shape == (25, 2)
    assert g.x_range[0] < 0.0 and g.x_range[1] > 1.0
    assert g.y_range[0] < 0.0 and g.y_range[1] > 2.0
    # row-major from the bottom-left: x varies fastest
    assert g.points[0].tolist() == [g.x_range[0], g.y_range[0]]
    assert g.points[1][1] == g.y_range[0] and g.points[1][0] > g.x_range[0]


def test_grid_rejects_points_that_are_not_two_dimensional():
    with pytest.raises(ValueError, match=r"\(m, 2\)"):
        grid_around(np.zeros((4, 3)))


def test_layer_outputs_on_grid_are_the_units_activation():
    rng = np.random.default_rng(0)
    net = Network([2, 4, 1], "tanh", "sigmoid", rng=rng)
    g = grid_around(np.array([[-1.0, -1.0], [1.0, 1.0]]), resolution=6)
    t1 = net.thetas[0]
    expected = np.tanh(g.points @ t1[2, 1:] + t1[2, 0]).reshape(6, 6)
    np.testing.assert_allclose(layer_outputs_on(net, g, 2, 2), expected, rtol=1e-12)


def test_layer_outputs_reject_a_unit_outside_the_layer():
    net = Network([2, 4, 1], rng=np.random.default_rng(0))
    g = grid_around(np.array([[0.0, 0.0], [1.0, 1.0]]), resolution=3)
    with pytest.raises(ValueError, match="index 4"):
        layer_outputs_on(net, g, 2, 4)


def test_grid_over_a_tall_rectangle_has_square_cells():
    from engine.lesson.scoring import grid_over

    g = grid_over((0.0, 1.0), (0.0, 2.0), resolution=41)
    assert (g.nx, g.ny) == (20, 41) or (g.nx, g.ny) == (21, 41)
    assert g.points.shape == (g.nx * g.ny, 2)
    assert g.points[0].tolist() == [0.0, 0.0] and g.points[-1].tolist() == [1.0, 2.0]


def test_grid_over_rejects_an_empty_rectangle():
    from engine.lesson.scoring import grid_over

    with pytest.raises(ValueError, match="finite rectangle"):
        grid_over((1.0, 1.0), (0.0, 1.0))
