"""Losses: values against their textbook formulas, pairings, and no log(0) for huge z."""

from __future__ import annotations

import numpy as np
import pytest

from engine.losses import make_loss


def test_binary_cross_entropy_matches_formula():
    z = np.array([[0.3, -1.2], [2.0, 0.1]])
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    a = 1 / (1 + np.exp(-z))
    expected = -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))
    assert make_loss("cross_entropy", "sigmoid").value(z, a, y) == pytest.approx(expected, 1e-13)


def test_softmax_cross_entropy_matches_formula():
    z = np.array([[0.3, -1.2, 2.0]])
    y = np.array([[0.0, 0.0, 1.0]])
    a = np.exp(z) / np.exp(z).sum()
    expected = -np.log(a[0, 2])
    assert make_loss("cross_entropy", "softmax").value(z, a, y) == pytest.approx(expected, 1e-13)


def test_squared_error_is_half_the_sum_of_squares():
    a = np.array([[0.75136507, 0.772928465]])
    y = np.array([[0.01, 0.99]])
    # Mazur's E_total for these outputs.
    assert make_loss("squared_error", "sigmoid").value(a, a, y) == pytest.approx(0.298371109, 1e-8)


@pytest.mark.parametrize("z", [1e4, -1e4])
def test_cross_entropy_is_finite_for_saturated_outputs(z):
    loss = make_loss("cross_entropy", "sigmoid")
    zz = np.array([[z]])
    a = np.where(zz > 0, 1.0, 0.0)
    wrong = np.array([[0.0 if z > 0 else 1.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = loss.value(zz, a, wrong)
    assert value == pytest.approx(1e4)  # −log σ(−10⁴) = 10⁴, exactly representable here


def test_softmax_cross_entropy_is_finite_for_huge_logits():
    loss = make_loss("cross_entropy", "softmax")
    z = np.array([[1e4, -1e4, 0.0]])
    y = np.array([[0.0, 1.0, 0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert loss.value(z, z, y) == pytest.approx(2e4)


@pytest.mark.parametrize(("loss", "output", "why"), [
    ("cross_entropy", "linear", "needs a sigmoid or softmax output"),
    ("squared_error", "softmax", "cannot be paired with a softmax"),
    ("hinge", "sigmoid", "unknown loss 'hinge'"),
])
def test_pairs_that_make_no_sense_are_rejected(loss, output, why):
    with pytest.raises(ValueError, match=why):
        make_loss(loss, output)
