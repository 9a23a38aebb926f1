"""The chain rule of one weight multiplies out to D; the loss slice has slope D at its centre."""

from __future__ import annotations

import numpy as np
import pytest

from engine.chain_rule import chain_rule, loss_slice
from engine.lesson.presets import build_preset
from engine.network import Network
from tests.ui import mazur_numbers as mz


@pytest.fixture
def mazur():
    return build_preset("mazur")


def test_w5_multiplies_out_to_the_articles_gradient(mazur):
    rule = chain_rule(mazur.network, mazur.X, mazur.Y, 2, 0, 1)
    (path,) = rule.paths
    # The article: ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5
    #            = 0.74136507 · 0.186815602 · 0.593269992
    assert path.dJ_da == pytest.approx(mz.OUT_O1 - 0.01, abs=1e-8)
    assert path.g_prime == pytest.approx(mz.OUT_O1 * (1 - mz.OUT_O1), abs=1e-8)
    assert path.a_in == pytest.approx(mz.OUT_H1, abs=1e-9)
    assert path.dJ_da * path.g_prime * path.a_in == pytest.approx(mz.DE_DW5, abs=1e-9)
    assert rule.D == pytest.approx(mz.DE_DW5, abs=1e-9)


def test_w1_sums_the_paths_through_both_outputs(mazur):
    rule = chain_rule(mazur.network, mazur.X, mazur.Y, 1, 0, 1)
    (path,) = rule.paths
    assert path.theta_next == (0.40, 0.50)                  # w5 and w7 leave h1
    assert path.d_next[0] == pytest.approx(mz.DELTA_O1, abs=1e-9)
    assert path.a_in == pytest.approx(0.05)                 # i1
    assert rule.D == pytest.approx(mz.DE_DW1, abs=1e-9)


def test_deltas_are_the_traces(mazur):
    trace = mazur.network.trace(mazur.X, mazur.Y, lam=0.0, lr=0.5)
    done = trace.state_at(len(trace) - 1)
    rule = chain_rule(mazur.network, mazur.X, mazur.Y, 1, 1, 2)
    assert rule.paths[0].d == pytest.approx(done.d[2][1], abs=1e-15)
    assert rule.paths[0].d_next == pytest.approx(tuple(done.d[3]), abs=1e-15)


def _plain_gradient(thetas, X, Y, lam):
    """Backprop for a sigmoid network with cross-entropy, written out for this test alone."""
    m = X.shape[0]
    grads = [np.zeros_like(t) for t in thetas]
    for x, y in zip(X, Y, strict=True):
        acts = [np.concatenate(([1.0], x))]
        for t in thetas:
            a = 1 / (1 + np.exp(-(t @ acts[-1])))
            acts.append(np.concatenate(([1.0], a)))
        d = acts[-1][1:] - y
        for k in range(len(thetas) - 1, -1, -1):
            grads[k] += np.outer(d, acts[k])
            if k:
                d = (thetas[k].T @ d)[1:] * acts[k][1:] * (1 - acts[k][1:])
    out = []
    for g, t in zip(grads, thetas, strict=True):
        g = g / m
        g[:, 1:] += lam / m * t[:, 1:]
        out.append(g)
    return out


@pytest.mark.parametrize("where", [(1, 0, 0), (1, 2, 1), (1, 1, 2), (2, 0, 0), (2, 1, 3)])
def test_random_2_3_2_network_every_example_summed(where):
    rng = np.random.default_rng(7)
    net = Network([2, 3, 2], rng=rng)
    X = rng.normal(size=(4, 2))
    Y = rng.integers(0, 2, size=(4, 2)).astype(float)
    rule = chain_rule(net, X, Y, *where, lam=0.4)
    l, i, j = where
    expected = _plain_gradient(net.thetas, X, Y, 0.4)[l - 1][i, j]
    assert rule.m == 4
    assert rule.D == pytest.approx(expected, rel=1e-12, abs=1e-15)
    for p in rule.paths:           # each example's chain is its own product of local derivatives
        assert p.d == pytest.approx(p.dJ_da * p.g_prime, rel=1e-9)


def test_slice_centre_is_J_and_its_slope_is_D(mazur):
    net = mazur.network
    sl = loss_slice(net, mazur.X, mazur.Y, 2, 0, 1)
    assert sl.values.size == 41
    assert sl.J == pytest.approx(mz.E_TOTAL, abs=1e-9)
    assert sl.values[20] == 0.40
    fine = loss_slice(net, mazur.X, mazur.Y, 2, 0, 1, span=20e-4)   # neighbours θ ± 10⁻⁴
    slope = (fine.costs[21] - fine.costs[19]) / (fine.values[21] - fine.values[19])
    assert slope == pytest.approx(mz.DE_DW5, abs=1e-9)
    assert sl.tangent(mz.DE_DW5)[20] == pytest.approx(sl.J)


def test_slice_rejects_an_even_number_of_points(mazur):
    with pytest.raises(ValueError, match="points must be odd"):
        loss_slice(mazur.network, mazur.X, mazur.Y, 1, 0, 0, points=40)
