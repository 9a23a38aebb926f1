"""g and g′: values against their definitions, derivatives against finite differences,
no overflow."""

from __future__ import annotations

import numpy as np
import pytest

from engine.activations import ACTIVATIONS, get_activation, sigmoid, softmax

Z = np.linspace(-6, 6, 41)


def test_sigmoid_matches_its_definition():
    np.testing.assert_allclose(sigmoid(Z), 1.0 / (1.0 + np.exp(-Z)), rtol=1e-14, atol=1e-16)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "linear"])
def test_prime_matches_central_differences(name):
    g = ACTIVATIONS[name]
    h = 1e-6
    numeric = (g.g(Z + h) - g.g(Z - h)) / (2 * h)
    np.testing.assert_allclose(g.prime(Z), numeric, rtol=1e-7, atol=1e-9)


def test_relu_prime_is_step_away_from_zero():
    z = np.array([-2.0, -1e-3, 1e-3, 3.0])
    np.testing.assert_array_equal(ACTIVATIONS["relu"].prime(z), [0.0, 0.0, 1.0, 1.0])


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "linear"])
def test_prime_from_a_equals_prime_from_z(name):
    g = ACTIVATIONS[name]
    z = Z[Z != 0]
    np.testing.assert_allclose(g.prime_from_a(g.g(z)), g.prime(z), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("scale", [1e2, 1e3, 1e4])
def test_sigmoid_and_softmax_stay_finite_for_huge_z(scale):
    z = np.array([[-scale, 0.0, scale], [scale, scale, -scale]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s, p = sigmoid(z), softmax(z)
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[0], [0.0, 0.0, 1.0], atol=1e-40)


def test_softmax_matches_its_definition():
    z = np.array([[1.0, 2.0, 3.0]])
    e = np.exp(z)
    np.testing.assert_allclose(softmax(z), e / e.sum())


def test_unknown_activation_names_the_choices():
    with pytest.raises(ValueError, match="unknown hidden activation 'swish'.*sigmoid"):
        get_activation("swish")
    with pytest.raises(ValueError, match="unknown output 'relu'"):
        get_activation("relu", output=True)
