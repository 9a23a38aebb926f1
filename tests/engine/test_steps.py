"""The typed step payloads and the one table of phase words (engine/steps.py)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.losses import Loss
from engine.network import Network
from engine.steps import PAYLOADS, PHASE_WORDS, STAGE_NAMES, Phase, equation, explanation, title
from tests.engine.reference import g, g_prime

FIELDS = {
    Phase.RESET: ("Delta",),
    Phase.INPUT: ("a",),
    Phase.FORWARD_Z: ("Theta", "a_in", "z"),
    Phase.FORWARD_A: ("z", "a"),
    Phase.OUTPUT_DELTA: ("a", "y", "d", "g_prime", "loss"),
    Phase.HIDDEN_DELTA: ("Theta", "d_next", "Theta_T_d", "g_prime", "d"),
    Phase.ACCUMULATE: ("d_next", "a_in", "outer", "Delta_before", "Delta_after"),
    Phase.GRADIENT: ("Delta", "Theta", "D", "m", "lam", "lam1"),
    Phase.UPDATE: ("Theta", "D", "Theta_new", "lr"),
}


def test_every_phase_has_words_and_a_payload():
    assert set(PHASE_WORDS) == set(Phase) == set(PAYLOADS)
    for phase, words in PHASE_WORDS.items():
        assert words.title and words.equations[""] and words.explanations[""], phase
        assert words.stage in STAGE_NAMES


@pytest.mark.parametrize("phase", list(Phase))
def test_payload_field_names_follow_the_notes(phase):
    assert tuple(f.name for f in dataclasses.fields(PAYLOADS[phase])) == FIELDS[phase]


CE = Loss.get("cross_entropy", "sigmoid")
SE = Loss.get("squared_error", "sigmoid")


def test_words_fill_the_layer_numbers():
    assert title(Phase.FORWARD_Z, 3, 4) == "Weighted input z(3)"
    assert equation(Phase.FORWARD_Z, 3, 4, loss=CE, freeze_bias=False) == \
        "z(3) = Θ(2)·[1; a(2)]"
    assert equation(Phase.RESET, None, 4, loss=CE, freeze_bias=False) == \
        "Δ(l) := 0 for l = 1 .. 3"
    assert equation(Phase.OUTPUT_DELTA, 3, 3, loss=SE, freeze_bias=False) == \
        "d(3) = (a(3) − y) ⊙ g′(z(3))"
    assert equation(Phase.UPDATE, 1, 3, loss=SE, freeze_bias=True).endswith(
        "(bias column frozen)")
    assert "Mazur" in explanation(Phase.UPDATE, 1, 3, loss=SE, freeze_bias=True)
    assert "Mazur" not in explanation(Phase.UPDATE, 1, 3, loss=SE,
                                      freeze_bias=False)


def test_words_go_through_the_translator():
    portuguese = {"Gradient D({l})": "Gradiente D({l})"}
    assert title(Phase.GRADIENT, 2, 3, lambda text: portuguese.get(text, text)) == \
        "Gradiente D(2)"


def _plain(thetas, x, y):
    """Return the forward and backward quantities of one example, written out plainly."""
    a, z = {1: x}, {}
    for l, T in enumerate(thetas, 1):
        z[l + 1] = T @ np.concatenate(([1.0], a[l]))
        a[l + 1] = g("sigmoid", z[l + 1])
    L = len(thetas) + 1
    d = {L: (a[L] - y) * g_prime("sigmoid", z[L])}
    for l in range(L - 1, 1, -1):
        d[l] = (thetas[l - 1].T @ d[l + 1])[1:] * g_prime("sigmoid", z[l])
    return a, z, d


def test_payloads_equal_a_plain_computation_over_several_examples():
    rng = np.random.default_rng(7)
    net = Network([2, 3, 2], activation="sigmoid", output="sigmoid", loss="squared_error",
                  rng=rng)
    X, Y = rng.normal(size=(3, 2)), rng.uniform(size=(3, 2))
    lam, lr = 0.3, 0.5
    trace = net.trace(X, Y, lam=lam, lr=lr)
    thetas = [np.array(t) for t in net.thetas]
    Delta = [np.zeros_like(t) for t in thetas]
    for t in range(3):
        a, z, d = _plain(thetas, X[t], Y[t])
        for step in (s for s in trace if s.example == t):
            p, l = step.payload, step.layer
            if step.phase is Phase.FORWARD_Z:
                np.testing.assert_allclose(p.z, z[l], rtol=1e-12)
                np.testing.assert_allclose(p.a_in, np.concatenate(([1.0], a[l - 1])), rtol=1e-12)
            elif step.phase is Phase.FORWARD_A:
                np.testing.assert_allclose(p.a, a[l], rtol=1e-12)
            elif step.phase is Phase.OUTPUT_DELTA:
                np.testing.assert_allclose(p.g_prime, g_prime("sigmoid", z[l]), rtol=1e-12)
                np.testing.assert_allclose(p.d, d[l], rtol=1e-12)
                assert p.loss == pytest.approx(0.5 * np.sum((a[l] - Y[t]) ** 2), rel=1e-12)
            elif step.phase is Phase.HIDDEN_DELTA:
                np.testing.assert_allclose(p.Theta_T_d, thetas[l - 1].T @ d[l + 1], rtol=1e-12)
                np.testing.assert_allclose(p.d, d[l], rtol=1e-12)
            elif step.phase is Phase.ACCUMULATE:
                outer = np.outer(d[l + 1], np.concatenate(([1.0], a[l])))
                np.testing.assert_allclose(p.Delta_before, Delta[l - 1], rtol=1e-12)
                Delta[l - 1] = Delta[l - 1] + outer
                np.testing.assert_allclose(p.outer, outer, rtol=1e-12)
                np.testing.assert_allclose(p.Delta_after, Delta[l - 1], rtol=1e-12)
    for step in (s for s in trace if s.phase is Phase.GRADIENT):
        l, p = step.layer, step.payload
        expected = Delta[l - 1] / 3
        expected[:, 1:] += lam / 3 * thetas[l - 1][:, 1:]
        np.testing.assert_allclose(p.D, expected, rtol=1e-12)
        assert p.m == 3 and p.lam == lam


def test_payload_arrays_are_read_only_copies():
    net = Network([2, 2, 1], rng=np.random.default_rng(0))
    x = np.array([[0.5, -1.0]])
    trace = net.trace(x, np.array([[1.0]]))
    x[0, 0] = 99.0
    assert trace[1].payload.a[0] == 0.5
    with pytest.raises(dataclasses.FrozenInstanceError):
        trace[1].payload.a = np.zeros(2)
