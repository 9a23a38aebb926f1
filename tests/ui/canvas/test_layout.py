"""Tests of ui/canvas/layout.py: columns, bias row, compact layers, segment distances."""

from __future__ import annotations

import numpy as np
import pytest

from ui.canvas.layout import compute_layout, point_segment_distance


def test_layers_are_columns_left_to_right_inside_the_area():
    lay = compute_layout([2, 4, 4, 1], 900, 600)
    assert np.all(np.diff(lay.x) > 0)
    for pos in lay.neurons:
        assert np.all(pos[:, 0] == pos[0, 0])               # one column per layer
        assert np.all(np.diff(pos[:, 1]) > 0)               # neuron 1 on top
        assert pos[:, 1].min() > 0 and pos[:, 1].max() < 600
    assert lay.x[0] > 0 and lay.x[-1] < 900


def test_bias_units_sit_above_their_column_and_output_has_none():
    lay = compute_layout([3, 5, 2], 800, 500)
    assert lay.bias[-1] is None
    for k in (0, 1):
        assert lay.bias[k][0] == lay.x[k]
        assert lay.bias[k][1] + lay.bias_half < lay.neurons[k][:, 1].min() - lay.radius[k]


def test_neurons_of_a_column_do_not_overlap():
    for sizes in ([2, 2, 2], [2, 8, 8, 1], [4, 8, 3]):
        lay = compute_layout(sizes, 1000, 700)
        for pos, r in zip(lay.neurons, lay.radius, strict=True):
            if len(pos) > 1:
                assert np.diff(pos[:, 1]).min() >= 2 * r - 1e-9


def test_cells_and_pixels_of_wide_layers_do_not_overlap():
    for sizes in ([64, 32, 10], [784, 128, 10], [50, 9, 3]):
        lay = compute_layout(sizes, 1000, 700)
        for pos, (w, h) in zip(lay.neurons, lay.cell, strict=True):
            # Two cells overlap when both their x and y distances are under a cell's size.
            dx = np.abs(pos[:, None, 0] - pos[None, :, 0])
            dy = np.abs(pos[:, None, 1] - pos[None, :, 1])
            clash = (dx < w - 1e-9) & (dy < h - 1e-9)
            assert clash.sum() == len(pos)                   # each cell only with itself


def test_tall_layers_are_compact_and_small_ones_are_not():
    lay = compute_layout([2, 8, 1], 600, 170)
    assert lay.compact(2) and not lay.compact(1)


def test_captions_sit_below_every_neuron():
    lay = compute_layout([2, 6, 1], 900, 600)
    lowest = max(float(p[:, 1].max()) + r for p, r in zip(lay.neurons, lay.radius, strict=True))
    assert lay.caption_y > lowest


def test_presenter_scale_makes_nodes_bigger():
    small = compute_layout([2, 2, 2], 1200, 800, scale=1.0)
    big = compute_layout([2, 2, 2], 1200, 800, scale=1.5)
    assert big.radius[1] > small.radius[1]


def test_theta_sources_start_with_the_bias_unit():
    lay = compute_layout([2, 3, 1], 800, 500)
    src = lay.sources(2)
    assert src.shape == (4, 2) and np.array_equal(src[0], lay.bias[1])
    assert lay.targets(2).shape == (1, 2)


def test_a_network_needs_two_layers():
    with pytest.raises(ValueError, match="at least two layers"):
        compute_layout([3], 800, 500)


def test_point_segment_distance_matches_hand_computed_values():
    a = np.array([[0.0, 0.0], [0.0, 0.0], [2.0, 2.0]])
    b = np.array([[10.0, 0.0], [10.0, 0.0], [2.0, 2.0]])
    p = np.array([5.0, 3.0])
    # perpendicular foot inside; the same segment; a degenerate segment (a point)
    d = point_segment_distance(p, a, b)
    assert d == pytest.approx([3.0, 3.0, np.hypot(3.0, 1.0)])
    beyond = point_segment_distance(np.array([13.0, 4.0]), a[:1], b[:1])
    assert beyond == pytest.approx([5.0])                  # nearest point is the end (10, 0)


def test_heat_map_rows_are_level_with_the_neurons_they_feed():
    for sizes in ([64, 32, 10], [50, 9, 3]):
        lay = compute_layout(sizes, 900, 500)
        for l in (1, 2):
            x, y, w, h = lay.heat[l - 1]
            rows = sizes[l]
            centres = y + h / rows * (np.arange(rows) + 0.5)
            assert np.allclose(centres, lay.neurons[l][:, 1])
            # between the two layers it joins
            assert lay.neurons[l - 1][:, 0].max() < x and x + w < lay.neurons[l][:, 0].min()


def test_small_networks_have_no_heat_maps():
    assert compute_layout([2, 4, 4, 1], 900, 500).heat == (None, None, None)
