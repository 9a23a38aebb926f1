"""The per-example trace: the notes' step order, read-only records, agreement with the
vectorized path, and Mazur's numbers at the right steps."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Network, Phase, mazur
from tests.engine import reference


def mazur_trace():
    p = mazur()
    net = Network.from_thetas(p.thetas, p.activation, p.output, p.loss)
    return net, net.trace(p.X, p.Y, lr=p.lr, freeze_bias=p.freeze_bias)


def expected_phases(L: int, m: int) -> list[tuple[Phase, int | None, int | None]]:
    """Return the notes' order written out by hand: (phase, layer, example)."""
    out = [(Phase.RESET, None, None)]
    for t in range(m):
        out.append((Phase.INPUT, 1, t))
        for l in range(2, L + 1):
            out += [(Phase.FORWARD_Z, l, t), (Phase.FORWARD_A, l, t)]
        out.append((Phase.OUTPUT_DELTA, L, t))
        out += [(Phase.HIDDEN_DELTA, l, t) for l in range(L - 1, 1, -1)]
        out += [(Phase.ACCUMULATE, l, t) for l in range(L - 1, 0, -1)]
    out += [(Phase.GRADIENT, l, None) for l in range(1, L)]
    out += [(Phase.UPDATE, l, None) for l in range(1, L)]
    return out


@pytest.mark.parametrize(("sizes", "m"), [([2, 2, 2], 1), ([3, 4, 5, 2], 3), ([2, 1], 2)])
def test_steps_follow_the_notes_order(sizes, m):
    rng = np.random.default_rng(0)
    net = Network(sizes, rng=rng)
    trace = net.trace(rng.normal(size=(m, sizes[0])), rng.uniform(size=(m, sizes[-1])))
    assert [(s.phase, s.layer, s.example) for s in trace] == expected_phases(len(sizes), m)
    assert [s.index for s in trace] == list(range(len(trace)))


def test_backward_steps_visit_layers_in_reverse_and_stop_at_layer_2():
    net = Network([2, 3, 3, 3, 1], rng=np.random.default_rng(0))
    trace = net.trace(np.zeros((1, 2)), np.zeros((1, 1)))
    hidden = [s.layer for s in trace if s.phase is Phase.HIDDEN_DELTA]
    assert hidden == [4, 3, 2]  # l = L−1 down to 2: there is no d(1)


def test_records_are_read_only():
    _, trace = mazur_trace()
    step = trace[3]
    with pytest.raises(ValueError):
        step.payload.a[0] = 1.0
    with pytest.raises(AttributeError):
        step.payload.a = np.zeros(1)
    with pytest.raises(AttributeError):
        step.layer = 7


def test_trace_does_not_change_the_network():
    net, trace = mazur_trace()
    np.testing.assert_array_equal(net.thetas[0], mazur().thetas[0])
    assert not np.array_equal(trace.thetas_after[1], net.thetas[1])


def test_mazur_values_appear_at_their_steps():
    _, trace = mazur_trace()
    by = {(s.phase, s.layer): s for s in trace}
    np.testing.assert_allclose(by[Phase.FORWARD_A, 2].payload.a, [0.593269992, 0.596884378],
                               atol=1e-9)
    np.testing.assert_allclose(by[Phase.FORWARD_A, 3].payload.a, [0.75136507, 0.772928465],
                               atol=1e-8)
    assert by[Phase.OUTPUT_DELTA, 3].payload.loss == pytest.approx(0.298371109, abs=1e-9)
    # Mazur: ∂E/∂w5 = 0.082167041 is Δ(2)[0, 1] for the single example.
    assert by[Phase.ACCUMULATE, 2].payload.Delta_after[0, 1] == pytest.approx(0.082167041, abs=1e-9)
    # and ∂E_total/∂w1 = 0.000438568 is Δ(1)[0, 1].
    assert by[Phase.ACCUMULATE, 1].payload.Delta_after[0, 1] == pytest.approx(0.000438568, abs=1e-9)
    np.testing.assert_allclose(by[Phase.UPDATE, 2].payload.Theta_new[:, 1:],
                               [[0.35891648, 0.408666186], [0.511301270, 0.561370121]], atol=1e-8)
    assert trace.J_before == pytest.approx(0.298371109, abs=1e-9)


def test_frozen_bias_is_left_alone_by_the_update_step():
    _, trace = mazur_trace()
    for theta, after in zip(trace.thetas, trace.thetas_after, strict=True):
        np.testing.assert_array_equal(theta[:, 0], after[:, 0])


@settings(max_examples=30, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=5), m=st.integers(1, 6),
       act=st.sampled_from(["sigmoid", "tanh", "relu", "linear"]),
       out_loss=st.sampled_from([("sigmoid", "cross_entropy"), ("softmax", "cross_entropy"),
                                 ("sigmoid", "squared_error"), ("linear", "squared_error")]),
       lam=st.sampled_from([0.0, 0.5]), seed=st.integers(0, 2**32 - 1))
def test_trace_and_vectorized_path_give_the_same_D(sizes, m, act, out_loss, lam, seed):
    out, loss = out_loss
    if out == "softmax" and sizes[-1] == 1:
        sizes = [*sizes[:-1], 2]
    rng = np.random.default_rng(seed)
    net = Network(sizes, act, out, loss, rng=rng)
    X = rng.normal(size=(m, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], m)] if out == "softmax" else \
        rng.uniform(size=(m, sizes[-1]))
    trace = net.trace(X, Y, lam=lam, lr=0.1)
    for d_trace, d_fast in zip(trace.D, net.gradients(X, Y, lam), strict=True):
        np.testing.assert_allclose(d_trace, d_fast, rtol=0, atol=1e-12)


def test_trace_update_equals_the_reference_step():
    rng = np.random.default_rng(11)
    net = Network([3, 4, 2], "tanh", rng=rng)
    X, Y = rng.normal(size=(4, 3)), rng.uniform(size=(4, 2))
    _, D = reference.cost_and_gradients(net.thetas, X, Y, "tanh", "sigmoid", "cross_entropy", 0.2)
    trace = net.trace(X, Y, lam=0.2, lr=0.3)
    for t, after, d in zip(net.thetas, trace.thetas_after, D, strict=True):
        np.testing.assert_allclose(after, t - 0.3 * d, rtol=1e-12)
    J_ref, _ = reference.cost_and_gradients(list(trace.thetas_after), X, Y, "tanh", "sigmoid",
                                            "cross_entropy", 0.2)
    assert trace.J_after == pytest.approx(J_ref, rel=1e-12)


def test_state_at_replays_the_records():
    _, trace = mazur_trace()
    start = trace.state_at(-1)
    assert start.a == {} and start.Delta == {}
    after_forward = trace.state_at(5)
    assert set(after_forward.a) == {1, 2, 3} and after_forward.d == {}
    end = trace.state_at(len(trace) - 1)
    np.testing.assert_array_equal(end.Theta[2], trace.thetas_after[1])
    np.testing.assert_array_equal(end.D[1], trace.D[0])
    # going back gives exactly the earlier state again
    again = trace.state_at(5)
    for l in after_forward.a:
        np.testing.assert_array_equal(again.a[l], after_forward.a[l])


def test_hidden_delta_uses_g_prime_not_g():
    # The seed article writes g(z(l)); the notes mean g′(z(l)).
    net = Network([2, 3, 1], rng=np.random.default_rng(3))
    trace = net.trace(np.array([[0.4, -0.2]]), np.array([[1.0]]))
    step = next(s for s in trace if s.phase is Phase.HIDDEN_DELTA)
    z = trace.state_at(step.index).z[2]
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(step.payload.g_prime, s * (1 - s), rtol=1e-12)
    np.testing.assert_allclose(step.payload.d, step.payload.Theta_T_d[1:] * s * (1 - s),
                               rtol=1e-12)


def test_huge_weights_trace_without_floating_point_warnings():
    net = Network.from_thetas([np.array([[0.0, 1e200, -1e200]]), np.array([[0.0, 1e200]])],
                              "linear", "linear", "squared_error")
    trace = net.trace(np.array([[1e200, 1e200]]), np.array([[0.0]]))
    assert len(trace) == len(expected_phases(3, 1))
