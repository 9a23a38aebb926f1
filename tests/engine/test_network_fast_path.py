"""The optimized training path (engine/fast_path.py behind Network) equals a plain matrix
backpropagation written here: rows of examples, an explicit ones column, g′ from z, fresh arrays.

float64 must agree to 1e-12; float32 to what single precision allows. Shapes, batch sizes and
workspace reuse are drawn by hypothesis.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine import DivergenceError, GradientDescent, Momentum, Network
from tests.engine.reference import g as _g  # the textbook g and g′(z), shared
from tests.engine.reference import g_prime as _g_prime

COMBOS = [  # (hidden g, output, loss)
    ("sigmoid", "sigmoid", "cross_entropy"),
    ("sigmoid", "softmax", "cross_entropy"),
    ("tanh", "sigmoid", "squared_error"),
    ("relu", "linear", "squared_error"),
    ("linear", "softmax", "cross_entropy"),
    ("tanh", "sigmoid", "cross_entropy"),
]


def plain_cost_and_gradients(thetas, X, Y, hidden, output, loss, lam):
    """Return J and D(l) by the notes' matrix formulas, with [1; a] built every time."""
    m = X.shape[0]
    thetas = [np.asarray(t, dtype=np.float64) for t in thetas]
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    a, z = [X], [None]
    for k, t in enumerate(thetas):
        with_ones = np.concatenate([np.ones((m, 1)), a[-1]], axis=1)
        z.append(with_ones @ t.T)
        a.append(_g(output if k == len(thetas) - 1 else hidden, z[-1]))
    aL = a[-1]
    if loss == "squared_error":
        J = 0.5 * np.sum((aL - Y) ** 2)
        d = (aL - Y) * _g_prime(output, z[-1])
    elif output == "softmax":
        J = -np.sum(Y * np.log(aL))
        d = aL - Y
    else:
        J = -np.sum(Y * np.log(aL) + (1 - Y) * np.log(1 - aL))
        d = aL - Y
    J = J / m + lam / (2 * m) * sum(np.sum(t[:, 1:] ** 2) for t in thetas)
    D = [None] * len(thetas)
    for k in range(len(thetas) - 1, -1, -1):
        with_ones = np.concatenate([np.ones((m, 1)), a[k]], axis=1)
        reg = lam * thetas[k]
        reg[:, 0] = 0.0
        D[k] = (d.T @ with_ones + reg) / m
        if k > 0:
            d = (d @ thetas[k])[:, 1:] * _g_prime(hidden, z[k])
    return float(J), D


def _data(rng, m, sizes, output):
    X = rng.normal(0.0, 1.0, (m, sizes[0]))
    K = sizes[-1]
    # softmax gets soft targets whose rows sum to 1; sigmoid ones any values in [0, 1]
    Y = rng.dirichlet(np.ones(K), size=m) if output == "softmax" else rng.uniform(0, 1, (m, K))
    return X, Y


@st.composite
def problems(draw):
    sizes = draw(st.lists(st.integers(1, 6), min_size=2, max_size=5))
    hidden, output, loss = draw(st.sampled_from(COMBOS))
    if output == "softmax" and sizes[-1] < 2:
        sizes[-1] = 2
    m = draw(st.integers(1, 9))
    lam = draw(st.sampled_from([0.0, 0.7]))
    seed = draw(st.integers(0, 2**31 - 1))
    return sizes, hidden, output, loss, m, lam, seed


def _net(sizes, hidden, output, loss, seed, dtype=np.float64):
    return Network(sizes, hidden, output, loss, rng=np.random.default_rng(seed), dtype=dtype)


@settings(max_examples=60, deadline=None)
@given(problems())
def test_cost_and_gradients_equal_the_plain_matrix_version(problem):
    sizes, hidden, output, loss, m, lam, seed = problem
    net = _net(sizes, hidden, output, loss, seed)
    X, Y = _data(np.random.default_rng(seed + 1), m, sizes, output)
    J, D = net.cost_and_gradients(X, Y, lam)
    J_ref, D_ref = plain_cost_and_gradients(net.thetas, X, Y, hidden, output, loss, lam)
    assert J == pytest.approx(J_ref, rel=1e-12, abs=1e-12)
    for got, want in zip(D, D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_float32_network_agrees_with_float64_plain_version(problem):
    sizes, hidden, output, loss, m, lam, seed = problem
    net = _net(sizes, hidden, output, loss, seed, dtype=np.float32)
    X, Y = _data(np.random.default_rng(seed + 1), m, sizes, output)
    J, D = net.cost_and_gradients(X, Y, lam)
    J_ref, D_ref = plain_cost_and_gradients(net.thetas, X.astype(np.float32), Y, hidden, output,
                                            loss, lam)
    assert J == pytest.approx(J_ref, rel=1e-4, abs=1e-5)
    for got, want in zip(D, D_ref, strict=True):
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, want, rtol=1e-3, atol=1e-5)


def test_float32_network_computes_in_float32_end_to_end():
    net = _net([5, 4, 3], "sigmoid", "softmax", "cross_entropy", 0, dtype=np.float32)
    X, Y = _data(np.random.default_rng(1), 7, [5, 4, 3], "softmax")
    x, y = net.prepare(X, Y)
    net.train_step_prepared(x, y, GradientDescent(0.5))
    assert x.dtype == y.dtype == np.float32
    arrays = [*net.thetas, *net.cost_and_gradients(X, Y)[1], net.predict(X)]
    for ws in net.fast.workspaces.values():  # the fast path's own buffers, too
        arrays += [v for v in vars(ws).values() if isinstance(v, np.ndarray)]
        arrays += [e for e in ws.ext + ws.d + ws.tmp]
    assert {a.dtype for a in arrays} == {np.dtype(np.float32)}


@settings(max_examples=30, deadline=None)
@given(problems(), st.lists(st.integers(1, 9), min_size=2, max_size=7))
def test_workspaces_reused_across_batch_sizes_stay_exact(problem, ms):
    sizes, hidden, output, loss, _, lam, seed = problem
    net = _net(sizes, hidden, output, loss, seed)
    rng = np.random.default_rng(seed + 2)
    for m in ms + ms[:1]:  # more sizes than the workspace cache keeps, then the first again
        X, Y = _data(rng, m, sizes, output)
        J, D = net.cost_and_gradients(X, Y, lam)
        J_ref, D_ref = plain_cost_and_gradients(net.thetas, X, Y, hidden, output, loss, lam)
        assert J == pytest.approx(J_ref, rel=1e-12, abs=1e-12)
        for got, want in zip(D, D_ref, strict=True):
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@settings(max_examples=30, deadline=None)
@example(([6, 4, 4], "relu", "linear", "squared_error", 7, 0.0, 3775), 1, True)  # diverged at α 0.3
@given(problems(), st.integers(1, 5), st.booleans())
def test_minibatch_epoch_equals_plain_steps_on_the_same_order(problem, batch, freeze):
    sizes, hidden, output, loss, m, lam, seed = problem
    m += 3
    net = _net(sizes, hidden, output, loss, seed)
    X, Y = _data(np.random.default_rng(seed + 1), m, sizes, output)
    thetas = [t.copy() for t in net.thetas]
    lr = 0.05  # small enough that no drawn network diverges within one epoch (≤ 12 steps)
    mean_J = net.train_epoch(X, Y, GradientDescent(lr), lam, batch_size=batch,
                             rng=np.random.default_rng(seed), freeze_bias=freeze)
    order = np.random.default_rng(seed).permutation(m)
    Js = []
    for start in range(0, m, batch):
        idx = order[start:start + batch]
        J, D = plain_cost_and_gradients(thetas, X[idx], Y[idx], hidden, output, loss, lam)
        Js.append(J)
        for t, g in zip(thetas, D, strict=True):
            step = lr * g
            if freeze:
                step[:, 0] = 0.0
            t -= step
    assert mean_J == pytest.approx(np.mean(Js), rel=1e-12, abs=1e-12)
    for got, want in zip(net.thetas, thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def test_momentum_steps_follow_their_recurrence_layer_by_layer():
    sizes = [3, 4, 2]
    net = _net(sizes, "sigmoid", "sigmoid", "cross_entropy", 3)
    X, Y = _data(np.random.default_rng(4), 6, sizes, "sigmoid")
    thetas = [t.copy() for t in net.thetas]
    v = [np.zeros_like(t) for t in thetas]
    opt = Momentum(0.2, beta=0.8)
    for _ in range(4):
        net.train_step(X, Y, lr=0.2, optimizer=opt)
        _, D = plain_cost_and_gradients(thetas, X, Y, "sigmoid", "sigmoid", "cross_entropy", 0)
        for t, vl, g in zip(thetas, v, D, strict=True):
            vl *= 0.8
            vl += g
            t -= 0.2 * vl
    for got, want in zip(net.thetas, thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def test_thetas_stay_the_same_live_arrays_through_training():
    net = _net([2, 3, 1], "sigmoid", "sigmoid", "cross_entropy", 5)
    held = list(net.thetas)
    before = [t.copy() for t in held]
    net.train_step(np.eye(2), np.array([[1.0], [0.0]]), lr=1.0)
    assert all(a is b for a, b in zip(net.thetas, held, strict=True))
    assert any(not np.array_equal(a, b) for a, b in zip(held, before, strict=True))


def test_replacing_a_theta_in_the_list_is_used_by_the_next_step():
    sizes = [2, 3, 1]
    net = _net(sizes, "sigmoid", "sigmoid", "cross_entropy", 6)
    X, Y = _data(np.random.default_rng(7), 4, sizes, "sigmoid")
    net.cost(X, Y)  # builds the workspaces around the old arrays
    net.thetas[0] = np.full((3, 3), 0.25)
    J, D = net.cost_and_gradients(X, Y)
    J_ref, D_ref = plain_cost_and_gradients(net.thetas, X, Y, "sigmoid", "sigmoid",
                                            "cross_entropy", 0)
    assert J == pytest.approx(J_ref, rel=1e-12)
    np.testing.assert_allclose(D[0], D_ref[0], rtol=1e-12, atol=1e-12)


def test_deep_copies_train_independently():
    sizes = [2, 4, 1]
    net = _net(sizes, "tanh", "sigmoid", "cross_entropy", 8)
    X, Y = _data(np.random.default_rng(9), 5, sizes, "sigmoid")
    net.cost(X, Y)
    twin = copy.deepcopy(net)
    twin.train_step(X, Y, lr=1.0)
    J_ref, _ = plain_cost_and_gradients(net.thetas, X, Y, "tanh", "sigmoid", "cross_entropy", 0)
    assert net.cost(X, Y) == pytest.approx(J_ref, rel=1e-12)
    assert twin.cost(X, Y) != pytest.approx(J_ref, rel=1e-6)


def test_gradient_buffers_are_reused_between_calls():
    net = _net([2, 2, 1], "sigmoid", "sigmoid", "cross_entropy", 10)
    X, Y = np.eye(2), np.array([[1.0], [0.0]])
    first = net.cost_and_gradients(X, Y)[1]
    second = net.cost_and_gradients(X * 2, Y)[1]
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_non_finite_gradient_names_its_layer_and_keeps_weights():
    net = _net([2, 3, 1], "linear", "linear", "squared_error", 11)
    before = [t.copy() for t in net.thetas]
    X = np.array([[1e200, -1e200]])
    with pytest.raises(DivergenceError, match=r"not finite|infinite"):
        net.train_step(X, np.array([[0.0]]), lr=1.0)
    for got, want in zip(net.thetas, before, strict=True):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
def test_cache_blocked_passes_equal_the_plain_version(monkeypatch, hidden):
    from engine import fast_path

    sizes, m = [7, 13, 5, 3], 37
    monkeypatch.setattr(fast_path, "BLOCK_BYTES", 3 * m * 8)  # 3 rows a block, a partial last
    net = _net(sizes, hidden, "softmax", "cross_entropy", 12)
    X, Y = _data(np.random.default_rng(13), m, sizes, "softmax")
    J, D = net.cost_and_gradients(X, Y, 0.1)
    J_ref, D_ref = plain_cost_and_gradients(net.thetas, X, Y, hidden, "softmax", "cross_entropy",
                                            0.1)
    assert fast_path._blocks(net.fast.workspaces[m].act[0]) is not None  # the blocked path ran
    assert J == pytest.approx(J_ref, rel=1e-12)
    for got, want in zip(D, D_ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def test_divergence_leaves_momentum_state_untouched():
    net = _net([2, 3, 1], "linear", "linear", "squared_error", 14)
    opt = Momentum(0.1)
    X, Y = np.array([[1.0, 2.0]]), np.array([[0.5]])
    net.train_step(X, Y, lr=0.1, optimizer=opt)
    velocity = {l: v.copy() for l, v in opt._v.items()}
    with pytest.raises(DivergenceError):
        net.train_step(np.array([[1e200, -1e200]]), Y, lr=0.1, optimizer=opt)
    for l, v in velocity.items():
        np.testing.assert_array_equal(opt._v[l], v)
