"""Predict, then reveal: the asked entry, the 3-significant-digit check, and the diagnosis of a
wrong answer — each mistaken answer computed here, independently of the engine."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network, Phase
from engine.mistakes import Mistake, agrees, asked_entry, diagnose

LAM, LR = 0.4, 0.5


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def setup(loss="cross_entropy", sizes=(2, 2, 2)):
    rng = np.random.default_rng(3)
    net = Network(list(sizes), "sigmoid", "sigmoid", loss, rng=rng)
    X = rng.uniform(0.1, 0.9, size=(2, sizes[0]))
    Y = np.array([[0.0, 1.0], [1.0, 0.0]])[:, :sizes[-1]]
    trace = net.trace(X, Y, lam=LAM, lr=LR)
    return net, X, Y, trace


def plain_forward(thetas, x):
    a, z = [np.asarray(x, float)], [None]
    for t in thetas:
        z.append(t @ np.concatenate(([1.0], a[-1])))
        a.append(sig(z[-1]))
    return z, a


def first(trace, phase, layer, example=0):
    return next(s for s in trace if s.phase is phase and s.layer == layer
                and s.example in (example, None))


def test_agrees_to_three_significant_digits():
    assert agrees(0.593, 0.59327) and agrees(0.5933, 0.59327)
    assert not agrees(0.592, 0.59327)
    assert agrees(-1.23e-4, -0.000123456) and not agrees(-1.24e-4, -0.000123456)
    assert agrees(0.0, 0.0) and not agrees(0.01, 0.0)


def test_asked_entry_of_hidden_delta_is_the_first_neurons_d():
    net, X, Y, trace = setup()
    step = first(trace, Phase.HIDDEN_DELTA, 2)
    asked = asked_entry(step, trace)
    assert asked.label == "d(2)₁"
    assert asked.value == step.payload.d[0]


def _hidden_delta_diagnosis(wrong_answer) -> Mistake | None:
    """Return the diagnosis of the first hidden d(2) answered with ``wrong_answer(th, z, d3)``,
    where th are the Θ(l), z the plain forward pass's z(l) and d3 = a(3) − y."""
    net, X, Y, trace = setup()
    th = [t.copy() for t in net.thetas]
    z, a = plain_forward(th, X[0])
    wrong = wrong_answer(th, z, a[2] - Y[0])
    return diagnose(first(trace, Phase.HIDDEN_DELTA, 2), trace, wrong)


def test_g_instead_of_g_prime_is_found_at_the_hidden_delta():
    # g(z) where g′(z) belongs.
    assert _hidden_delta_diagnosis(lambda th, z, d3: (th[1].T @ d3)[1] * sig(z[1][0])) is \
        Mistake.G_INSTEAD_OF_G_PRIME


def test_bias_row_kept_in_theta_t_d_is_found():
    assert _hidden_delta_diagnosis(
        lambda th, z, d3: (th[1].T @ d3)[0] * sig(z[1][0]) * (1 - sig(z[1][0]))) is \
        Mistake.BIAS_ROW_IN_BACK


def test_wrong_transpose_is_found_at_the_hidden_delta():
    assert _hidden_delta_diagnosis(
        lambda th, z, d3: (th[1][:, 1:] @ d3)[0] * sig(z[1][0]) * (1 - sig(z[1][0]))) is \
        Mistake.WRONG_TRANSPOSE


def test_forgotten_bias_unit_is_found_at_z():
    net, X, Y, trace = setup()
    wrong = float(net.thetas[0][0, 1:] @ X[0])
    assert diagnose(first(trace, Phase.FORWARD_Z, 2), trace, wrong) is \
        Mistake.FORGET_BIAS_UNIT


def test_regularized_bias_and_forgotten_1_over_m_are_found_at_D():
    net, X, Y, trace = setup()
    th = [t.copy() for t in net.thetas]
    Delta = np.zeros_like(th[0])
    for x, y in zip(X, Y, strict=True):
        z, a = plain_forward(th, x)
        d3 = a[2] - y
        d2 = (th[1].T @ d3)[1:] * sig(z[1]) * (1 - sig(z[1]))
        Delta += np.outer(d2, np.concatenate(([1.0], x)))
    step = first(trace, Phase.GRADIENT, 1)
    assert asked_entry(step, trace).label == "D(1)₁₀"    # λ > 0: the bias entry is asked
    assert diagnose(step, trace, (Delta[0, 0] + LAM * th[0][0, 0]) / 2) is \
        Mistake.REGULARIZE_BIAS
    assert diagnose(step, trace, Delta[0, 0]) is Mistake.FORGET_1_OVER_M


def test_sign_error_in_the_update_is_found():
    net, X, Y, trace = setup()
    D = net.gradients(X, Y, LAM)
    wrong = net.thetas[1][0, 1] + LR * D[1][0, 1]
    assert diagnose(first(trace, Phase.UPDATE, 2), trace, wrong) is Mistake.UPDATE_UPHILL


def test_squared_error_delta_without_g_prime_is_found():
    net, X, Y, trace = setup("squared_error")
    z, a = plain_forward([t.copy() for t in net.thetas], X[0])
    wrong = a[2][0] - Y[0][0]
    assert diagnose(first(trace, Phase.OUTPUT_DELTA, 3), trace, wrong) is \
        Mistake.NO_OUTPUT_G_PRIME


def test_wrong_transpose_is_found_at_the_accumulation():
    net, X, Y, trace = setup()
    z, a = plain_forward([t.copy() for t in net.thetas], X[0])
    d3 = a[2] - Y[0]
    wrong = np.outer(np.concatenate(([1.0], a[1])), d3)[0, 1]   # [1; a]·dᵀ
    assert diagnose(first(trace, Phase.ACCUMULATE, 2), trace, wrong) is \
        Mistake.WRONG_TRANSPOSE


@pytest.mark.parametrize("seed", range(5))
def test_random_wrong_answers_are_not_diagnosed(seed):
    net, X, Y, trace = setup()
    rng = np.random.default_rng(seed)
    for step in trace:
        if asked_entry(step, trace) is None:
            continue
        assert diagnose(step, trace, float(rng.uniform(10, 20))) is None


def test_a_right_answer_is_no_mistake():
    net, X, Y, trace = setup()
    step = first(trace, Phase.HIDDEN_DELTA, 2)
    assert diagnose(step, trace, step.payload.d[0]) is None
