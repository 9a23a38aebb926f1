"""The classic mistakes as variants of one line each: every mistaken D differs from the correct
one by what theory predicts, and the step-through agrees with the batched path for each."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network, Phase
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer
from engine.mistakes import SWITCHES, Mistake, check_mistake, rules_for
from engine.optimizers import GradientDescent
from tests.engine import reference

LAM = 0.3


def problem(loss: str = "cross_entropy", sizes=(3, 4, 3, 2), m: int = 5):
    rng = np.random.default_rng(7)
    net = Network(list(sizes), "sigmoid", "sigmoid", loss, rng=rng)
    X = rng.normal(size=(m, sizes[0]))
    Y = (rng.uniform(size=(m, sizes[-1])) > 0.5).astype(float)
    return net, X, Y


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def plain_D(thetas, X, Y, lam, *, hidden_factor, squared: bool, output_g_prime: bool = True):
    """Return D computed example by example with the hidden factor given (g′ or g)."""
    m = X.shape[0]
    Delta = [np.zeros_like(t) for t in thetas]
    for x, y in zip(X, Y, strict=True):
        a, z = [x], [None]
        for t in thetas:
            z.append(t @ np.concatenate(([1.0], a[-1])))
            a.append(sig(z[-1]))
        d = a[-1] - y
        if squared and output_g_prime:
            d = d * sig(z[-1]) * (1 - sig(z[-1]))
        for k in range(len(thetas) - 1, -1, -1):
            Delta[k] += np.outer(d, np.concatenate(([1.0], a[k])))
            if k > 0:
                d = (thetas[k].T @ d)[1:] * hidden_factor(z[k])
    out = []
    for t, dl in zip(thetas, Delta, strict=True):
        reg = np.zeros_like(t)
        reg[:, 1:] = lam * t[:, 1:]
        out.append((dl + reg) / m)
    return out


def test_switches_are_the_six_contract_names():
    assert [str(s) for s in SWITCHES] == [
        "g-instead-of-g-prime", "l-down-to-1", "regularize-bias", "forget-1-over-m",
        "no-output-g-prime", "update-uphill"]


def test_unknown_mistake_names_the_choices():
    with pytest.raises(ValueError, match="g-instead-of-g-prime"):
        check_mistake("g-prime-twice")
    with pytest.raises(ValueError, match="unknown mistake"):
        check_mistake(Mistake.WRONG_TRANSPOSE)   # diagnosed, never switched on


def test_correct_gradient_is_the_reference():
    net, X, Y = problem()
    _, D = reference.cost_and_gradients([t.copy() for t in net.thetas], X, Y, "sigmoid",
                                        "sigmoid", "cross_entropy", LAM)
    for got, want in zip(net.gradients(X, Y, LAM), D, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


def test_regularize_bias_adds_lambda_over_m_theta_on_column_0_only():
    net, X, Y = problem()
    m = X.shape[0]
    right = net.gradients(X, Y, LAM)
    wrong = net.gradients(X, Y, LAM, mistake="regularize-bias")
    for t, r, w in zip(net.thetas, right, wrong, strict=True):
        np.testing.assert_allclose(w[:, 0] - r[:, 0], LAM / m * t[:, 0], rtol=1e-9, atol=1e-14)
        np.testing.assert_allclose(w[:, 1:], r[:, 1:], rtol=1e-10, atol=1e-15)


def test_forget_1_over_m_gives_m_times_the_correct_gradient():
    net, X, Y = problem()
    m = X.shape[0]
    right = net.gradients(X, Y, LAM)
    wrong = net.gradients(X, Y, LAM, mistake="forget-1-over-m")
    for r, w in zip(right, wrong, strict=True):
        np.testing.assert_allclose(w, m * r, rtol=1e-10, atol=1e-13)


def test_g_instead_of_g_prime_matches_a_plain_computation_with_g():
    net, X, Y = problem()
    want = plain_D([t.copy() for t in net.thetas], X, Y, LAM, hidden_factor=sig,
                   squared=False)
    got = net.gradients(X, Y, LAM, mistake="g-instead-of-g-prime")
    for g_, w in zip(got, want, strict=True):
        np.testing.assert_allclose(g_, w, rtol=1e-10, atol=1e-13)
    # ... and the last Θ's gradient does not involve any hidden factor, so it is unchanged.
    np.testing.assert_allclose(got[-1], net.gradients(X, Y, LAM)[-1], rtol=1e-12)


def test_no_output_g_prime_drops_g_prime_at_the_output_with_squared_error():
    net, X, Y = problem("squared_error")
    want = plain_D([t.copy() for t in net.thetas], X, Y, LAM,
                   hidden_factor=lambda z: sig(z) * (1 - sig(z)), squared=True,
                   output_g_prime=False)
    got = net.gradients(X, Y, LAM, mistake="no-output-g-prime")
    for g_, w in zip(got, want, strict=True):
        np.testing.assert_allclose(g_, w, rtol=1e-10, atol=1e-13)
    trace = net.trace(X[:1], Y[:1], lam=LAM, mistake="no-output-g-prime")
    out = next(s for s in trace if s.phase is Phase.OUTPUT_DELTA)
    np.testing.assert_allclose(out.payload.d, out.payload.a - out.payload.y)
    assert out.payload.g_prime is None


def test_no_output_g_prime_changes_nothing_with_cross_entropy():
    net, X, Y = problem()
    for r, w in zip(net.gradients(X, Y, LAM),
                    net.gradients(X, Y, LAM, mistake="no-output-g-prime"), strict=True):
        np.testing.assert_allclose(w, r, rtol=1e-10, atol=1e-14)


def test_l_down_to_1_leaves_D_alone_and_adds_one_step_per_example():
    net, X, Y = problem()
    right = net.trace(X, Y, lam=LAM)
    wrong = net.trace(X, Y, lam=LAM, mistake="l-down-to-1")
    assert len(wrong) == len(right) + X.shape[0]
    extra = [s for s in wrong if s.phase is Phase.HIDDEN_DELTA and s.layer == 1]
    assert [s.example for s in extra] == list(range(X.shape[0]))
    assert extra[0].payload.d.shape == (3,)
    for r, w in zip(right.D, wrong.D, strict=True):
        np.testing.assert_array_equal(w, r)
    for r, w in zip(net.gradients(X, Y, LAM),
                    net.gradients(X, Y, LAM, mistake="l-down-to-1"), strict=True):
        np.testing.assert_allclose(w, r, rtol=1e-10, atol=1e-14)


def test_update_uphill_moves_theta_by_plus_alpha_D():
    net, X, Y = problem()
    lr = 0.25
    D = net.gradients(X, Y, LAM)
    before = [t.copy() for t in net.thetas]
    net.train_step(X, Y, lr, LAM, mistake="update-uphill")
    for b, t, g in zip(before, net.thetas, D, strict=True):
        np.testing.assert_allclose(t - b, lr * g, rtol=1e-9, atol=1e-14)
    trace = net.trace(X, Y, lam=LAM, lr=lr, mistake="update-uphill")
    for t0, t1, g in zip(trace.thetas, trace.thetas_after, trace.D, strict=True):
        np.testing.assert_allclose(t1 - t0, lr * g, rtol=1e-9, atol=1e-14)


@pytest.mark.parametrize("mistake", [None, *SWITCHES])
@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
def test_trace_path_equals_batched_path(mistake, loss):
    net, X, Y = problem(loss)
    trace = net.trace(X, Y, lam=LAM, lr=0.5, mistake=mistake)
    batched = net.gradients(X, Y, LAM, mistake=mistake)
    for t, b in zip(trace.D, batched, strict=True):
        np.testing.assert_allclose(t, b, rtol=1e-9, atol=1e-13)
    stepped = net.copy()
    stepped.train_step(X, Y, 0.5, LAM, mistake=mistake)
    for t, s in zip(trace.thetas_after, stepped.thetas, strict=True):
        np.testing.assert_allclose(t, s, rtol=1e-9, atol=1e-13)
    assert trace.mistake == mistake


def test_mistaken_step_equation_says_which_line_changed():
    net, X, Y = problem()
    trace = net.trace(X[:1], Y[:1], lam=LAM, mistake="g-instead-of-g-prime")
    hidden = next(s for s in trace if s.phase is Phase.HIDDEN_DELTA)
    assert "⊙ g(z(3))" in hidden.equation and "⊙ g′" not in hidden.equation


def test_trainer_trains_with_the_settings_mistake():
    net, X, Y = problem()
    plain = net.copy()
    settings = Settings(lr=0.5, lam=LAM, mistake="forget-1-over-m")
    trainer = Trainer(net, X, Y, settings, np.random.default_rng(0))
    trainer.run(max_epochs=1)
    D = plain.gradients(X, Y, LAM)
    for t0, t1, g in zip(plain.thetas, net.thetas, D, strict=True):
        np.testing.assert_allclose(t0 - t1, 0.5 * X.shape[0] * g, rtol=1e-9, atol=1e-13)


def test_mistaken_update_keeps_the_optimizer_contract():
    net, X, Y = problem()
    rules = rules_for("update-uphill")
    assert rules.update_sign == 1.0 and rules_for(None).update_sign == -1.0
    J = net.train_step(X, Y, 0.1, optimizer=GradientDescent(0.1), mistake="update-uphill")
    assert np.isfinite(J)
