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



def test_unit_maps_are_every_units_output_from_a_plain_forward_pass():
    from engine.lesson.plane_grid import unit_maps

    net = Network([2, 3, 2, 1], "tanh", "sigmoid", rng=np.random.default_rng(4))
    g = grid_around(np.array([[-2.0, -1.0], [1.0, 3.0]]), resolution=5)
    t1, t2, t3 = net.thetas
    # The notes' forward pass, one grid point at a time.
    for p, (x, y) in enumerate(g.points):
        a1 = np.array([x, y])
        a2 = np.tanh(t1 @ np.r_[1.0, a1])
        a3 = np.tanh(t2 @ np.r_[1.0, a2])
        a4 = 1.0 / (1.0 + np.exp(-(t3 @ np.r_[1.0, a3])))
        row, col = divmod(p, g.nx)
        maps = unit_maps(net, g)
        for layer, a in enumerate((a1, a2, a3, a4)):
            np.testing.assert_allclose(maps[layer][:, row, col], a, rtol=1e-12)
    assert [m.shape for m in unit_maps(net, g)] == [(2, 5, 5), (3, 5, 5), (2, 5, 5), (1, 5, 5)]


def test_unit_maps_put_the_grid_through_the_input_features():
    from engine.lesson.plane_grid import unit_maps

    net = Network([3, 2, 1], "tanh", "sigmoid", rng=np.random.default_rng(5))
    g = grid_around(np.array([[-1.0, -1.0], [1.0, 1.0]]), resolution=4)

    def crossed(points):    # x1, x2 and x1·x2, as a feature cross would add
        return np.c_[points, points[:, 0] * points[:, 1]]

    t1 = net.thetas[0]
    x = g.points
    expected = np.tanh(t1[:, 0] + x[:, 0:1] * t1[:, 1] + x[:, 1:2] * t1[:, 2]
                       + (x[:, 0] * x[:, 1])[:, None] * t1[:, 3])
    np.testing.assert_allclose(unit_maps(net, g, crossed)[1],
                               expected.T.reshape(2, g.ny, g.nx), rtol=1e-12)
    with pytest.raises(ValueError, match="takes 3 inputs"):
        unit_maps(net, g)           # the raw plane alone does not fit a 3-input network
