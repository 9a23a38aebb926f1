"""The gradient check: one weight's central difference, and every weight's relative difference."""

from __future__ import annotations

import numpy as np
import pytest

from engine.gradient_check import (
    EPSILON,
    central_difference,
    check_layers,
    network_of,
    relative_difference,
)
from engine.lesson.presets import PRESETS, build_preset
from engine.network import Network
from tests.ui import mazur_numbers as mz

SMALL = [name for name in PRESETS
         if sum(t.size for t in build_preset(name).network.thetas) <= 200]


def test_small_presets_are_most_of_them():
    assert len(SMALL) >= 8 and "mazur" in SMALL


@pytest.mark.parametrize("name", SMALL)
def test_correct_backprop_agrees_everywhere_on_every_small_preset(name):
    # Entry by entry the central difference's own error, about ε²·J‴/6 ≈ 10⁻¹¹ absolute, is
    # what is left: relative to a small D (circles has one of 6·10⁻⁵) it reaches 3·10⁻⁷; a
    # mistake shows as 10⁻⁴ and more (the tampered test below).
    s = build_preset(name)
    check = check_layers(s.network, s.X, s.Y, lam=0.3)     # the whole data set, as trained
    assert max(check.worst) < 1e-6
    overall = np.linalg.norm(np.concatenate([(a - n).ravel() for a, n in zip(
        check.analytic, check.numerical, strict=True)])) / np.linalg.norm(
        np.concatenate([(a + n).ravel() for a, n in zip(check.analytic, check.numerical,
                                                         strict=True)]))
    assert overall < 1e-8


def test_tampered_entries_and_only_they_light_up():
    s = build_preset("xor")
    X, Y = s.X[:6], s.Y[:6]
    D = [d.copy() for d in s.network.gradients(X, Y, 0.1)]
    D[0][2, 1] += 1e-3
    D[1][0, 3] *= -1
    check = check_layers(s.network, X, Y, D, lam=0.1)
    lit = {(l, i, j) for l, r in enumerate(check.relative, 1)
           for (i, j) in zip(*np.nonzero(r > 1e-4), strict=True)}
    assert lit == {(1, 2, 1), (2, 0, 3)}
    assert check.relative[1][0, 3] == pytest.approx(1.0)      # a sign error: |2D| / 2|D|


def test_relative_difference_is_zero_where_both_are_zero():
    r = relative_difference(np.array([0.0, 1.0, -2.0]), np.array([0.0, 1.0, 2.0]))
    assert r.tolist() == [0.0, 0.0, 1.0]


def test_one_weight_costs_two_evaluations_and_matches_mazurs_w5():
    s = build_preset("mazur")
    calls = []

    class Counting(Network):
        def cost(self, *args, **kwargs):
            calls.append(1)
            return super().cost(*args, **kwargs)

    net = Counting.from_thetas(s.network.thetas, "sigmoid", "sigmoid", "squared_error")
    net.copy = lambda: Counting.from_thetas(net.thetas, "sigmoid", "sigmoid", "squared_error")
    value = central_difference(net, s.X, s.Y, 2, 0, 1)
    assert len(calls) == 2
    assert value == pytest.approx(mz.DE_DW5, abs=1e-9)         # ∂E_total/∂w5 of the article


def test_one_weight_leaves_the_network_unchanged():
    s = build_preset("mazur")
    before = [t.copy() for t in s.network.thetas]
    central_difference(s.network, s.X, s.Y, 1, 1, 2, eps=EPSILON)
    assert all(np.array_equal(a, b) for a, b in zip(before, s.network.thetas, strict=True))


def test_network_of_a_trace_has_its_starting_weights_and_cost():
    s = build_preset("iris")
    trace = s.network.trace(s.X[:3], s.Y[:3], lam=0.2, lr=0.1)
    net = network_of(trace)
    assert net.cost(trace.X, trace.Y, 0.2) == pytest.approx(trace.J_before, rel=1e-12)


def test_a_weight_outside_the_layer_is_named():
    s = build_preset("mazur")
    with pytest.raises(ValueError, match=r"Θ\(1\) has shape \(2, 3\)"):
        central_difference(s.network, s.X, s.Y, 1, 5, 0)
