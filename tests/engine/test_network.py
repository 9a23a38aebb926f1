"""Network: Mazur's published worked example, finite-difference gradient checks on every
configuration, agreement with a plain reference, training options and bad input."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import DivergenceError, Network, gradient_check, make_optimizer, mazur
from tests.engine import reference

COMBOS = [(act, out, loss)
          for act in ("sigmoid", "tanh", "relu", "linear")
          for out, loss in (("sigmoid", "cross_entropy"), ("softmax", "cross_entropy"),
                            ("sigmoid", "squared_error"), ("linear", "squared_error"))]


def mazur_net() -> Network:
    p = mazur()
    return Network.from_thetas(p.thetas, p.activation, p.output, p.loss)


def random_targets(rng, m, k, out):
    if out == "softmax":
        return np.eye(k)[rng.integers(0, k, m)]
    if out == "linear":
        return rng.normal(size=(m, k))
    return rng.uniform(size=(m, k))


# --- Mazur, "A Step by Step Backpropagation Example" (2015): the article's own numbers ---------

def test_mazur_forward_pass_matches_the_article():
    p = mazur()
    fw = mazur_net().forward(p.X)
    np.testing.assert_allclose(fw.z[1][0], [0.3775, 0.3925], atol=1e-9)          # net_h1, net_h2
    np.testing.assert_allclose(fw.a[1][0], [0.593269992, 0.596884378], atol=1e-9)  # out_h1, out_h2
    np.testing.assert_allclose(fw.z[2][0], [1.105905967, 1.224921404], atol=1e-9)  # net_o1, net_o2
    np.testing.assert_allclose(fw.a[2][0], [0.75136507, 0.772928465], atol=1e-8)   # out_o1, out_o2


def test_mazur_total_error_matches_the_article():
    p = mazur()
    assert mazur_net().cost(p.X, p.Y) == pytest.approx(0.298371109, abs=1e-9)


def test_mazur_one_step_gives_the_articles_new_weights():
    p = mazur()
    net = mazur_net()
    J = net.train_step(p.X, p.Y, lr=p.lr, freeze_bias=p.freeze_bias)
    assert J == pytest.approx(0.298371109, abs=1e-9)
    t1, t2 = net.thetas
    # w1+..w4+ and w5+..w8+ as printed in the article; biases unchanged (the article freezes them)
    np.testing.assert_allclose(t1[:, 1:], [[0.149780716, 0.19956143], [0.24975114, 0.29950229]],
                               atol=1e-8)
    np.testing.assert_allclose(t2[:, 1:], [[0.35891648, 0.408666186], [0.511301270, 0.561370121]],
                               atol=1e-8)
    np.testing.assert_array_equal(t1[:, 0], [0.35, 0.35])
    np.testing.assert_array_equal(t2[:, 0], [0.60, 0.60])


def test_mazur_error_after_one_step_matches_the_article():
    p = mazur()
    net = mazur_net()
    net.train_step(p.X, p.Y, lr=p.lr, freeze_bias=True)
    # The article rounds its intermediate values; it reports 0.291027924.
    assert net.cost(p.X, p.Y) == pytest.approx(0.291027924, abs=1e-6)


# --- gradients -----------------------------------------------------------------------------

@pytest.mark.parametrize(("act", "out", "loss"), COMBOS)
@pytest.mark.parametrize("lam", [0.0, 0.7])
def test_gradients_match_finite_differences(act, out, loss, lam):
    # A fixed seed per case (str hash() changes with every process), and a draw whose hidden z
    # stay clear of relu's kink at 0: a central difference that straddles the kink measures the
    # average of two slopes, not the derivative, however right D is.
    rng = np.random.default_rng(zlib.crc32(f"{act}-{out}-{loss}".encode()))
    while True:
        net = Network([3, 5, 4, 3], act, out, loss, rng=rng)
        X = rng.normal(size=(6, 3))
        if min(np.abs(z).min() for z in net.forward(X).z[1:-1]) > 1e-2:
            break
    Y = random_targets(rng, 6, 3, out)
    check = gradient_check(net, X, Y, lam=lam)
    assert check.relative_difference < 1e-7


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(1, 6), min_size=2, max_size=5), m=st.integers(1, 9),
       combo=st.sampled_from(COMBOS), lam=st.sampled_from([0.0, 0.1, 3.0]),
       seed=st.integers(0, 2**32 - 1))
def test_cost_and_gradients_equal_a_plain_reference(sizes, m, combo, lam, seed):
    act, out, loss = combo
    if out == "softmax" and sizes[-1] == 1:
        sizes = [*sizes[:-1], 2]
    rng = np.random.default_rng(seed)
    net = Network(sizes, act, out, loss, rng=rng)
    X = rng.normal(size=(m, sizes[0]))
    Y = random_targets(rng, m, sizes[-1], out)
    J_ref, D_ref = reference.cost_and_gradients(net.thetas, X, Y, act, out, loss, lam)
    assert net.cost(X, Y, lam) == pytest.approx(J_ref, rel=1e-12, abs=1e-12)
    for D, Dr in zip(net.gradients(X, Y, lam), D_ref, strict=True):
        np.testing.assert_allclose(D, Dr, rtol=1e-10, atol=1e-12)


def test_bias_column_is_not_regularized():
    rng = np.random.default_rng(1)
    net = Network([2, 3, 1], rng=rng)
    X, Y = rng.normal(size=(4, 2)), rng.uniform(size=(4, 1))
    D0, D1 = net.gradients(X, Y, 0.0), net.gradients(X, Y, 2.0)
    for t, a, b in zip(net.thetas, D0, D1, strict=True):
        np.testing.assert_allclose(b[:, 0], a[:, 0], rtol=0, atol=1e-15)
        np.testing.assert_allclose(b[:, 1:] - a[:, 1:], 2.0 / 4 * t[:, 1:], rtol=1e-12)


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    rng = np.random.default_rng(2)
    net = Network([2, 3, 1], rng=rng)
    X, Y = rng.normal(size=(4, 2)), rng.uniform(size=(4, 1))
    real = Network.gradients
    # The notes' slip: g instead of g′ would give a different D; any wrong D must show up.
    monkeypatch.setattr(Network, "gradients",
                        lambda self, *a, **k: [d * 1.1 for d in real(self, *a, **k)])
    assert gradient_check(net, X, Y).relative_difference > 1e-2


# --- the public API ------------------------------------------------------------------------

def test_from_thetas_copies_its_input():
    thetas = [np.ones((2, 3)), np.ones((1, 3))]
    net = Network.from_thetas(thetas)
    net.thetas[0][0, 0] = 5.0
    assert thetas[0][0, 0] == 1.0
    assert net.layer_sizes == [2, 2, 1]


def test_thetas_have_the_notes_shapes_and_dtype():
    net = Network([4, 3, 2], rng=np.random.default_rng(0))
    assert [t.shape for t in net.thetas] == [(3, 5), (2, 4)]
    assert all(t.dtype == np.float64 for t in net.thetas)


def test_predict_returns_one_row_per_example():
    net = Network([4, 3, 2], output="softmax", rng=np.random.default_rng(0))
    P = net.predict(np.zeros((7, 4)))
    assert P.shape == (7, 2)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)


def test_uniform_init_stays_within_the_notes_epsilon():
    net = Network([6, 10, 4], rng=np.random.default_rng(0))
    for t, (s_in, s_out) in zip(net.thetas, [(6, 10), (10, 4)], strict=True):
        assert np.abs(t).max() <= np.sqrt(6) / np.sqrt(s_in + s_out)


@pytest.mark.parametrize(("init", "var"), [("xavier", 2 / (300 + 200)), ("he", 2 / 300)])
def test_normal_inits_have_their_variance(init, var):
    t = Network([300, 200], init=init, rng=np.random.default_rng(0)).thetas[0]
    assert np.all(t[:, 0] == 0)
    assert t[:, 1:].var() == pytest.approx(var, rel=0.05)


def test_same_seed_gives_same_weights():
    a = Network([3, 4, 2], rng=np.random.default_rng(42)).thetas
    b = Network([3, 4, 2], rng=np.random.default_rng(42)).thetas
    for x, y in zip(a, b, strict=True):
        np.testing.assert_array_equal(x, y)


def test_integer_labels_are_one_hot_encoded():
    rng = np.random.default_rng(3)
    net = Network([2, 3, 3], output="softmax", rng=rng)
    X = rng.normal(size=(4, 2))
    labels = np.array([0, 2, 1, 2])
    assert net.cost(X, labels) == pytest.approx(net.cost(X, np.eye(3)[labels]), rel=1e-15)


# --- training ------------------------------------------------------------------------------

def test_train_step_is_theta_minus_alpha_D():
    rng = np.random.default_rng(4)
    net = Network([2, 3, 1], rng=rng)
    X, Y = rng.normal(size=(5, 2)), rng.uniform(size=(5, 1))
    before = [t.copy() for t in net.thetas]
    _, D = reference.cost_and_gradients(before, X, Y, "sigmoid", "sigmoid", "cross_entropy", 0.3)
    net.train_step(X, Y, lr=0.2, lam=0.3)
    for t, t0, d in zip(net.thetas, before, D, strict=True):
        np.testing.assert_allclose(t, t0 - 0.2 * d, rtol=1e-12)


def test_training_learns_xor():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    Y = np.array([[0], [1], [1], [0]], float)
    net = Network([2, 4, 1], "tanh", rng=np.random.default_rng(0))
    opt = make_optimizer("adam", 0.05)
    for _ in range(600):
        net.train_epoch(X, Y, opt)
    assert np.array_equal(net.predict(X) > 0.5, Y > 0.5)


def _tiny_problem(seed: int) -> tuple[Network, np.ndarray, np.ndarray, list[np.ndarray]]:
    """Return a 2-2-1 network, 3 examples (X, Y) and a copy of its Θ for a reference loop."""
    rng = np.random.default_rng(seed)
    net = Network([2, 2, 1], rng=rng)
    X, Y = rng.normal(size=(3, 2)), rng.uniform(size=(3, 1))
    return net, X, Y, [t.copy() for t in net.thetas]


def test_momentum_matches_its_recurrence():
    net, X, Y, ref = _tiny_problem(5)
    v = [np.zeros_like(t) for t in ref]
    opt = make_optimizer("momentum", 0.1)
    for _ in range(3):
        _, D = reference.cost_and_gradients(ref, X, Y, "sigmoid", "sigmoid", "cross_entropy", 0)
        v = [0.9 * vi + d for vi, d in zip(v, D, strict=True)]
        ref = [t - 0.1 * vi for t, vi in zip(ref, v, strict=True)]
        net.train_step(X, Y, 0.1, optimizer=opt)
    for t, r in zip(net.thetas, ref, strict=True):
        np.testing.assert_allclose(t, r, rtol=1e-12)


def test_adam_matches_kingma_and_ba():
    net, X, Y, ref = _tiny_problem(6)
    m1 = [np.zeros_like(t) for t in ref]
    m2 = [np.zeros_like(t) for t in ref]
    opt = make_optimizer("adam", 0.01)
    for step in range(1, 4):
        _, D = reference.cost_and_gradients(ref, X, Y, "sigmoid", "sigmoid", "cross_entropy", 0)
        m1 = [0.9 * a + 0.1 * d for a, d in zip(m1, D, strict=True)]
        m2 = [0.999 * b + 0.001 * d * d for b, d in zip(m2, D, strict=True)]
        ref = [t - 0.01 * (a / (1 - 0.9**step)) / (np.sqrt(b / (1 - 0.999**step)) + 1e-8)
               for t, a, b in zip(ref, m1, m2, strict=True)]
        net.train_step(X, Y, 0.01, optimizer=opt)
    for t, r in zip(net.thetas, ref, strict=True):
        np.testing.assert_allclose(t, r, rtol=1e-10)


def test_one_example_at_a_time_takes_m_steps():
    net, X, Y, ref = _tiny_problem(7)
    order = np.random.default_rng(99).permutation(3)
    for i in order:
        _, D = reference.cost_and_gradients(ref, X[i:i + 1], Y[i:i + 1], "sigmoid", "sigmoid",
                                            "cross_entropy", 0)
        ref = [t - 0.5 * d for t, d in zip(ref, D, strict=True)]
    net.train_epoch(X, Y, make_optimizer("gradient_descent", 0.5), batch_size=1,
                    rng=np.random.default_rng(99))
    for t, r in zip(net.thetas, ref, strict=True):
        np.testing.assert_allclose(t, r, rtol=1e-12)


def test_divergence_raises_and_keeps_the_last_finite_weights():
    rng = np.random.default_rng(8)
    net = Network([2, 3, 1], "linear", "linear", "squared_error", rng=rng)
    X, Y = rng.normal(size=(5, 2)) * 1e3, rng.normal(size=(5, 1))
    with pytest.raises(DivergenceError):
        for _ in range(1000):
            kept = [t.copy() for t in net.thetas]
            net.train_step(X, Y, lr=1e3)
    assert all(np.all(np.isfinite(t)) for t in net.thetas)
    for t, k in zip(net.thetas, kept, strict=True):
        np.testing.assert_array_equal(t, k)


# --- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize(("thetas", "why"), [
    ([np.ones((2, 3)), np.ones((1, 4))],
     r"Θ\(2\) has shape \(1, 4\) but Θ\(1\) has shape \(2, 3\)"),
    ([np.ones(3)], r"Θ\(1\) must be a 2-D matrix"),
    ([np.array([[1.0, np.nan]])], r"Θ\(1\) contains NaN"),
    ([np.ones((2, 1))], r"column 0 holds the bias"),
    ([], "at least one weight matrix"),
])
def test_bad_thetas_are_named(thetas, why):
    with pytest.raises(ValueError, match=why):
        Network.from_thetas(thetas)


@pytest.mark.parametrize(("sizes", "why"), [
    ([3], "at least 2 layers"), ([3, 0, 1], "layer 2 size must be at least 1"),
    ([2, 2.5, 1], "layer 2 size must be a whole number"),
])
def test_bad_layer_sizes_are_named(sizes, why):
    with pytest.raises(ValueError, match=why):
        Network(sizes)


@pytest.mark.parametrize(("kw", "why"), [
    ({"activation": "swish"}, "unknown hidden activation"),
    ({"output": "tanh"}, "unknown output"),
    ({"loss": "hinge"}, "unknown loss"),
    ({"init": "zeros"}, "unknown initialization"),
    ({"output": "linear"}, "needs a sigmoid or softmax output"),
])
def test_unknown_names_are_named(kw, why):
    with pytest.raises(ValueError, match=why):
        Network([2, 2, 1], rng=np.random.default_rng(0), **kw)


@pytest.mark.parametrize(("X", "Y", "why"), [
    (np.zeros((4, 3)), np.zeros((4, 1)),
     "X must have shape (m, 2) to match the network's input layer s(1) = 2, got (4, 3)"),
    (np.zeros((4, 2)), np.zeros((5, 1)),
     "X and Y must have one row per example, the same number: X has 4, Y 5"),
    (np.array([[0.0, np.nan]]), np.zeros((1, 1)), "X contains NaN or infinite values"),
    (np.zeros((1, 2)), np.array([[np.inf]]), "Y contains NaN or infinite"),
    (np.zeros((2, 2)), np.array([[0.5], [2.0]]), "targets out of range"),
    (np.zeros((2, 2)), np.zeros((2, 2)),
     "Y must have shape (2, 1) to match the network's output layer s(L) = 1, got (2, 2)"),
    ([["a", "b"]], np.zeros((1, 1)), "X is not numeric"),
])
def test_bad_data_is_named(X, Y, why):
    net = Network([2, 3, 1], rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match=re.escape(why)):
        net.cost(X, Y)


def test_labels_out_of_range_are_named():
    net = Network([2, 3, 3], output="softmax", rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="class label out of range: labels must be 0..2"):
        net.cost(np.zeros((2, 2)), np.array([0, 3]))


@pytest.mark.parametrize("lr", [0.0, -1.0, np.nan, np.inf])
def test_bad_learning_rate_is_named(lr):
    net = mazur_net()
    p = mazur()
    with pytest.raises(ValueError, match="learning rate"):
        net.train_step(p.X, p.Y, lr=lr)


def test_bad_weight_edit_is_named_and_changes_nothing():
    net = mazur_net()
    with pytest.raises(ValueError, match="finite"):
        net.set_weight(1, 0, 1, float("nan"))
    with pytest.raises(ValueError, match=r"index \(5, 0\) is outside"):
        net.set_weight(1, 5, 0, 1.0)
    assert net.thetas[0][0, 1] == 0.15


# --- numerical safety ----------------------------------------------------------------------

@pytest.mark.parametrize(("out", "loss"), [("sigmoid", "cross_entropy"),
                                           ("softmax", "cross_entropy"),
                                           ("sigmoid", "squared_error")])
def test_huge_pre_activations_give_finite_cost_and_gradients(out, loss):
    net = Network.from_thetas([np.array([[0.0, 1e4], [0.0, -1e4]])], output=out, loss=loss)
    X = np.array([[1.0], [-1.0]])
    Y = np.array([[0.0, 1.0], [1.0, 0.0]])  # every output maximally wrong
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        J = net.cost(X, Y)
        D = net.gradients(X, Y)
    assert np.isfinite(J)
    assert all(np.all(np.isfinite(d)) for d in D)
