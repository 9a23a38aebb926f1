"""g and g′: values against their definitions written out here, derivatives against finite
differences, the in-place forms against the plain ones, no overflow, one registry of names."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.activations import (
    ACTIVATIONS,
    HIDDEN_ACTIVATIONS,
    Activation,
    get_activation,
    sigmoid,
    softmax,
)

Z = np.linspace(-6, 6, 41)
Z_OFF_KINK = Z[np.abs(Z) > 1e-3]   # relu and leaky ReLU have no derivative at 0
ELEMENTWISE = [Activation(n) for n in HIDDEN_ACTIVATIONS]


def _reference(name: str, z: np.ndarray) -> np.ndarray:
    # Plain textbook definitions, independent of the engine's overflow-safe forms.
    c = math.sqrt(2 / math.pi)
    return {
        "sigmoid": lambda: 1.0 / (1.0 + np.exp(-z)),
        "tanh": lambda: (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)),
        "relu": lambda: np.where(z > 0, z, 0.0),
        "linear": lambda: z,
        "leaky_relu": lambda: np.where(z > 0, z, 0.01 * z),
        "elu": lambda: np.where(z > 0, z, np.exp(z) - 1.0),
        "softplus": lambda: np.log(1.0 + np.exp(z)),
        "gelu": lambda: 0.5 * z * (1.0 + np.tanh(c * (z + 0.044715 * z**3))),
    }[name]()


def test_sigmoid_matches_its_definition():
    np.testing.assert_allclose(sigmoid(Z), 1.0 / (1.0 + np.exp(-Z)), rtol=1e-14, atol=1e-16)


@pytest.mark.parametrize("g", ELEMENTWISE, ids=str)
def test_g_matches_its_textbook_definition(g):
    np.testing.assert_allclose(g.g(Z), _reference(g.value, Z), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("g", ELEMENTWISE, ids=str)
def test_prime_matches_central_differences(g):
    h = 1e-6
    numeric = (_reference(g.value, Z_OFF_KINK + h) - _reference(g.value, Z_OFF_KINK - h)) / (2 * h)
    np.testing.assert_allclose(g.prime(Z_OFF_KINK), numeric, rtol=1e-7, atol=1e-9)


def test_relu_prime_is_step_away_from_zero():
    z = np.array([-2.0, -1e-3, 1e-3, 3.0])
    np.testing.assert_array_equal(ACTIVATIONS["relu"].prime(z), [0.0, 0.0, 1.0, 1.0])


@pytest.mark.parametrize("g", [g for g in ELEMENTWISE if not g.prime_needs_z], ids=str)
def test_prime_from_a_equals_prime_from_z(g):
    np.testing.assert_allclose(g.prime_from_a(g.g(Z_OFF_KINK)), g.prime(Z_OFF_KINK),
                               rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("g", ELEMENTWISE, ids=str)
def test_inplace_forms_equal_the_plain_ones(g):
    z = Z_OFF_KINK.reshape(2, -1).copy()
    out = z.copy()
    g.apply_inplace(out)
    np.testing.assert_allclose(out, g.g(z), rtol=1e-15, atol=0)
    into = np.empty_like(z)
    g.apply_inplace(into, z)
    np.testing.assert_allclose(into, g.g(z), rtol=1e-15, atol=0)
    d = np.full_like(z, 3.0)
    g.times_prime_inplace(d, g.g(z), z, np.empty_like(z))
    np.testing.assert_allclose(d, 3.0 * g.prime(z), rtol=1e-12, atol=1e-15)


def test_gelu_needs_z_for_its_derivative():
    # GELU falls, then rises (g′ < 0 at −2, > 0 at 0): one a can come from two z with different
    # slopes, so the fast path must keep z for it.
    g = Activation.GELU
    gp = g.prime(np.array([-2.0, 0.0]))
    assert gp[0] < 0 < gp[1]
    assert g.prime_needs_z and not any(h.prime_needs_z for h in ELEMENTWISE if h is not g)


@pytest.mark.parametrize("g", ELEMENTWISE, ids=str)
@pytest.mark.parametrize("scale", [1e2, 1e3, 1e4])
def test_every_activation_stays_finite_for_huge_z(g, scale):
    z = np.array([-scale, -1.0, 0.0, 1.0, scale])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = g.g(z)
        gp = g.prime(z)
        d = np.ones_like(z)
        g.times_prime_inplace(d, a, z, np.empty_like(z))
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(gp)) and np.all(np.isfinite(d))


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
    with pytest.raises(ValueError, match="unknown hidden activation 'softmax'"):
        Activation.get("softmax")


def test_a_member_is_its_name():
    g = Activation.get("leaky_relu")
    assert g is Activation.LEAKY_RELU and g == "leaky_relu" and g.name == "leaky_relu"
    assert str(g) == "leaky_relu"


@pytest.mark.parametrize(("name", "bounded", "signed"), [
    ("sigmoid", True, False), ("tanh", True, True), ("relu", False, False),
    ("linear", False, True), ("leaky_relu", False, True), ("elu", False, True),
    ("softplus", False, False), ("gelu", False, True), ("softmax", True, False),
])
def test_range_properties_match_the_functions(name, bounded, signed):
    g = Activation(name)
    assert (g.is_bounded, g.signed) == (bounded, signed)
    if not g.is_softmax:
        a = g.g(np.linspace(-50, 50, 1001))
        assert (a.min() < 0) == signed
        assert (a.max() - a.min() <= 2) == bounded


def test_every_activation_writes_its_formulas():
    for g in Activation:
        assert g.formula.startswith("g(z)") and g.prime_formula
        assert g.description and g.label
    assert "tanh approximation" in Activation.GELU.formula
    assert Activation.SIGMOID.html_at("0.5", "0.5") == "1 / (1 + e<sup>−0.5</sup>)"
    assert Activation.RELU.text_at("−1", "(−1)", "; ") == "max(0; −1)"
