"""More of the networks people build: every hidden activation (leaky ReLU, ELU, softplus, GELU
too), one g per hidden layer, and L1 regularization beside L2, checked against central
differences and a plain forward pass written here, in the fast path and the trace path."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from engine import Network, gradient_check, numerical_gradients
from engine.activations import HIDDEN_ACTIVATIONS
from engine.files.session_format import Session, dumps, loads
from engine.messages import EngineValueError

NEW = ("leaky_relu", "elu", "softplus", "gelu")


def _plain_g(name: str, z: np.ndarray) -> np.ndarray:
    c = math.sqrt(2 / math.pi)
    return {
        "sigmoid": lambda: 1 / (1 + np.exp(-z)), "tanh": lambda: np.tanh(z),
        "relu": lambda: np.maximum(z, 0), "linear": lambda: z,
        "leaky_relu": lambda: np.where(z > 0, z, 0.01 * z),
        "elu": lambda: np.where(z > 0, z, np.exp(np.minimum(z, 0)) - 1),
        "softplus": lambda: np.log1p(np.exp(z)),
        "gelu": lambda: 0.5 * z * (1 + np.tanh(c * (z + 0.044715 * z ** 3))),
    }[name]()


def _problem(seed: int, sizes=(3, 5, 4, 2), m: int = 7):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, sizes[0]))
    Y = rng.uniform(size=(m, sizes[-1]))
    return rng, X, Y


def _trace_D(net: Network, X, Y, lam=0.0, lam1=0.0) -> list[np.ndarray]:
    return [np.array(d) for d in net.trace(X, Y, lam=lam, lr=0.1, lam1=lam1).D]


@pytest.mark.parametrize("act", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize(("out", "loss"), [("sigmoid", "cross_entropy"),
                                           ("linear", "squared_error")])
@pytest.mark.parametrize("lam", [0.0, 0.7])
def test_every_activation_passes_the_gradient_check_in_both_paths(act, out, loss, lam):
    rng, X, Y = _problem(len(act) * 7 + len(out))
    net = Network([3, 5, 4, 2], act, out, loss, rng=rng)
    check = gradient_check(net, X, Y, lam=lam)
    assert check.relative_difference < 1e-7                    # the fast path's D
    for D_trace, num in zip(_trace_D(net, X, Y, lam), check.numerical, strict=True):
        np.testing.assert_allclose(D_trace, num, rtol=1e-6, atol=1e-9)   # the trace's D


def test_one_activation_per_hidden_layer_passes_the_gradient_check():
    rng, X, Y = _problem(3, (2, 4, 3, 5, 3, 1))
    net = Network([2, 4, 3, 5, 3, 1], ["gelu", "elu", "leaky_relu", "softplus"], rng=rng)
    for lam in (0.0, 0.5):
        check = gradient_check(net, X, Y, lam=lam)
        assert check.relative_difference < 1e-7
        for D_trace, D in zip(_trace_D(net, X, Y, lam), check.analytic, strict=True):
            np.testing.assert_allclose(D_trace, D, rtol=1e-9, atol=1e-12)


def test_one_activation_per_hidden_layer_is_what_the_forward_pass_uses():
    rng, X, _ = _problem(4, (2, 3, 3, 1))
    net = Network([2, 3, 3, 1], ["relu", "gelu"], "linear", "squared_error", rng=rng)
    a = X
    for theta, name in zip(net.thetas, ["relu", "gelu", "linear"], strict=True):
        a = _plain_g(name, a @ theta[:, 1:].T + theta[:, 0])
    np.testing.assert_allclose(net.predict(X), a, rtol=1e-12)
    assert net.activation == ["relu", "gelu"]
    assert Network([2, 3, 3, 1], ["tanh", "tanh"]).activation == "tanh"


def test_a_wrong_number_of_activations_is_named():
    with pytest.raises(EngineValueError, match="expected 2 names.*got 3"):
        Network([2, 3, 3, 1], ["relu", "gelu", "elu"])
    with pytest.raises(ValueError, match="unknown hidden activation 'swish'"):
        Network([2, 3, 3, 1], ["relu", "swish"])


@pytest.mark.parametrize("act", NEW)
def test_copy_keeps_the_activations(act):
    net = Network([2, 3, 3, 1], [act, "tanh"], rng=np.random.default_rng(0))
    assert net.copy().activation == [act, "tanh"]
    assert repr(net).count(act) == 1


@pytest.mark.parametrize("act", HIDDEN_ACTIVATIONS)
def test_huge_pre_activations_give_finite_values(act):
    # |z| reaches 1e4 in the hidden layer: g, g′, J and D must stay finite in both paths.
    theta1 = np.array([[0.0, 1e4], [0.0, -1e4]])
    theta2 = np.array([[0.1, 1e-4, -1e-4]])
    net = Network.from_thetas([theta1, theta2], act)
    X, Y = np.array([[1.0], [-1.0], [0.5]]), np.array([[1.0], [0.0], [1.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        J, D = net.cost_and_gradients(X, Y, lam=0.1, lam1=0.1)
    assert math.isfinite(J) and all(np.all(np.isfinite(d)) for d in D)
    trace = net.trace(X, Y, lam=0.1, lam1=0.1)
    assert all(np.all(np.isfinite(d)) for d in trace.D)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_gelu_fast_path_keeps_z_for_every_batch_size(dtype):
    # GELU's g′ needs z: the workspace keeps it, also for a mini-batch of another size.
    rng, X, Y = _problem(9, (3, 6, 2), m=10)
    net = Network([3, 6, 2], "gelu", rng=rng, dtype=dtype)
    ref = Network.from_thetas(net.thetas, "gelu")
    for rows in (slice(0, 10), slice(0, 3)):
        for D, Dr in zip(net.gradients(X[rows], Y[rows]), _trace_D(ref, X[rows], Y[rows]),
                         strict=True):
            np.testing.assert_allclose(D, Dr, rtol=1e-4 if dtype == np.float32 else 1e-10,
                                       atol=1e-6 if dtype == np.float32 else 1e-13)


# --- L1 regularization ----------------------------------------------------------------------

def _away_from_zero(net: Network) -> Network:
    thetas = [np.where(np.abs(t) < 0.05, 0.05 * np.sign(t) + (t == 0) * 0.05, t)
              for t in net.thetas]
    return Network.from_thetas(thetas, net.activation, net.output, net.loss_name)


@pytest.mark.parametrize("act", ["sigmoid", "relu", "gelu"])
@pytest.mark.parametrize("lam", [0.0, 0.3])
def test_l1_gradient_equals_central_differences_away_from_zero(act, lam):
    rng, X, Y = _problem(11)
    net = _away_from_zero(Network([3, 5, 4, 2], act, rng=rng))
    num = numerical_gradients(net, X, Y, lam=lam, lam1=0.8, eps=1e-5)
    for D, D_trace, n in zip(net.gradients(X, Y, lam, lam1=0.8),
                             _trace_D(net, X, Y, lam, lam1=0.8), num, strict=True):
        np.testing.assert_allclose(D, n, rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(D_trace, n, rtol=1e-6, atol=1e-9)


def test_l1_adds_lam1_over_m_times_the_sum_of_non_bias_absolute_weights():
    rng, X, Y = _problem(12)
    net = Network([3, 5, 4, 2], "tanh", rng=rng)
    m = X.shape[0]
    l1 = sum(np.abs(t[:, 1:]).sum() for t in net.thetas)
    assert net.cost(X, Y, lam=0.2, lam1=0.9) == pytest.approx(
        net.cost(X, Y, lam=0.2) + 0.9 / m * l1, rel=1e-13)


def test_l1_leaves_the_bias_column_and_zero_weights_alone():
    rng, X, Y = _problem(13)
    net = Network([3, 5, 4, 2], "tanh", rng=rng)
    net.set_weight(1, 0, 1, 0.0)
    m = X.shape[0]
    for D1, D0, theta in zip(net.gradients(X, Y, lam1=0.6), net.gradients(X, Y), net.thetas,
                             strict=True):
        np.testing.assert_array_equal(D1[:, 0], D0[:, 0])
        expected = D0[:, 1:] + 0.6 / m * np.sign(theta[:, 1:])
        np.testing.assert_allclose(D1[:, 1:], expected, rtol=1e-12, atol=1e-15)
    assert net.gradients(X, Y, lam1=0.6)[0][0, 1] == net.gradients(X, Y)[0][0, 1]


def test_train_step_with_l1_steps_along_its_gradient():
    rng, X, Y = _problem(14)
    net = Network([3, 5, 4, 2], "elu", rng=rng)
    D = net.gradients(X, Y, lam=0.1, lam1=0.4)
    before = [t.copy() for t in net.thetas]
    J = net.train_step(X, Y, 0.3, lam=0.1, lam1=0.4)
    assert J == pytest.approx(Network.from_thetas(before, "elu").cost(X, Y, 0.1, 0.4))
    for t, b, d in zip(net.thetas, before, D, strict=True):
        np.testing.assert_allclose(t, b - 0.3 * d, rtol=1e-12, atol=1e-15)


def test_the_trace_records_l1():
    rng, X, Y = _problem(15)
    net = Network([3, 5, 4, 2], "tanh", rng=rng)
    trace = net.trace(X, Y, lam=0.1, lam1=0.4)
    assert trace.lam1 == 0.4 and trace.J_before == pytest.approx(net.cost(X, Y, 0.1, 0.4))
    gradient = [s for s in trace if s.phase == "gradient"][0]
    assert "λ₁ sign(Θ(1))" in gradient.equation and gradient.payload.lam1 == 0.4


@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf")])
def test_bad_lam1_is_named(bad):
    rng, X, Y = _problem(16)
    with pytest.raises(ValueError, match="λ₁"):
        Network([3, 5, 4, 2], rng=rng).cost(X, Y, lam1=bad)


# --- sessions -------------------------------------------------------------------------------

def _session(activation) -> Session:
    rng, X, Y = _problem(17, (2, 3, 3, 1))
    return Session(Network([2, 3, 3, 1], activation, rng=rng), X, np.round(Y))


def test_session_keeps_one_activation_per_hidden_layer():
    s = _session(["softplus", "leaky_relu"])
    doc = json.loads(dumps(s))
    assert doc["network"]["activation"] == ["softplus", "leaky_relu"]
    assert loads(dumps(s)).network.activation == ["softplus", "leaky_relu"]


def test_session_with_one_activation_still_writes_one_name():
    doc = json.loads(dumps(_session("elu")))
    assert doc["network"]["activation"] == "elu"    # as files written before per-layer g
    assert loads(json.dumps(doc)).network.activations == ["elu", "elu"]


@pytest.mark.parametrize(("value", "why"), [
    (["relu"], "lists 1 activations; the network has 2 hidden layers"),
    (["relu", "swish"], r"network.activation\[1\] must be one of"),
    (["relu", 3], r"network.activation\[1\] must be one of"),
])
def test_session_with_a_bad_activation_list_is_named(value, why):
    doc = json.loads(dumps(_session("tanh")))
    doc["network"]["activation"] = value
    with pytest.raises(ValueError, match=why):
        loads(json.dumps(doc))
