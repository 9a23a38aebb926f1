"""Tests for engine.lesson.scoring: accuracy and evaluation."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network
from engine.lesson.scoring import accuracy, evaluate, predicted_classes, rmse


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



def test_rmse_of_a_worked_example():
    # Errors 0, 0, 2 (and 1, 1, 1 in a second column): √(4/3) and √((4 + 3)/6).
    assert rmse(np.array([[1.0], [2.0], [3.0]]), np.array([[1.0], [2.0], [5.0]])) == \
        pytest.approx(np.sqrt(4 / 3), rel=1e-15)
    assert rmse(np.array([[1.0, 1.0], [2.0, 1.0], [3.0, 1.0]]),
                np.array([[1.0, 0.0], [2.0, 0.0], [5.0, 0.0]])) == pytest.approx(np.sqrt(7 / 6))


def test_rmse_names_mismatched_shapes_and_refuses_no_examples():
    with pytest.raises(ValueError, match=r"\(3, 1\).*\(2, 1\)"):
        rmse(np.zeros((3, 1)), np.zeros((2, 1)))
    with pytest.raises(ValueError, match="at least one example"):
        rmse(np.zeros((0, 1)), np.zeros((0, 1)))
