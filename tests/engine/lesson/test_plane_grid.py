"""Tests for engine.lesson.plane_grid: the grid over the plane and a layer's outputs on it."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network
from engine.lesson.plane_grid import grid_around, layer_outputs_on


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
    from engine.lesson.plane_grid import grid_over

    g = grid_over((0.0, 1.0), (0.0, 2.0), resolution=41)
    assert (g.nx, g.ny) == (20, 41) or (g.nx, g.ny) == (21, 41)
    assert g.points.shape == (g.nx * g.ny, 2)
    assert g.points[0].tolist() == [0.0, 0.0] and g.points[-1].tolist() == [1.0, 2.0]


def test_grid_over_rejects_an_empty_rectangle():
    from engine.lesson.plane_grid import grid_over

    with pytest.raises(ValueError, match="finite rectangle"):
        grid_over((1.0, 1.0), (0.0, 1.0))

