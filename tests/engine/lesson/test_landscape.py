"""Tests for engine.lesson.landscape: the grid's centre is J now, its finite-difference slopes
are D, and any batched point is Network.cost with those weights set directly."""

from __future__ import annotations

import numpy as np
import pytest

from engine.lesson.landscape import WeightRef, batched_costs, check_weight, landscape
from engine.network import Network


def _xor(m: int = 40, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (m, 2))
    return X, ((X[:, 0] * X[:, 1]) > 0).astype(float)[:, None]


CASES = [
    # (sizes, activation, output, loss, first, second)
    ((2, 4, 4, 1), "tanh", "sigmoid", "cross_entropy", WeightRef(1, 2, 1), WeightRef(3, 1, 0)),
    ((2, 4, 4, 1), "sigmoid", "sigmoid", "squared_error", WeightRef(2, 3, 4), WeightRef(2, 1, 0)),
    ((2, 3, 1), "relu", "linear", "squared_error", WeightRef(1, 1, 0), WeightRef(1, 3, 2)),
    # the second weight reads a unit of layer 2 that the first does not change
    ((2, 4, 4, 1), "tanh", "sigmoid", "cross_entropy", WeightRef(1, 1, 2), WeightRef(2, 2, 3)),
    # both in the output matrix
    ((2, 4, 4, 1), "sigmoid", "sigmoid", "cross_entropy", WeightRef(3, 1, 2), WeightRef(3, 1, 0)),
]


@pytest.mark.parametrize("sizes,g,out,loss,first,second", CASES)
def test_centre_of_the_grid_is_J_at_the_current_weights(sizes, g, out, loss, first, second):
    X, Y = _xor()
    net = Network(sizes, g, out, loss, rng=np.random.default_rng(1))
    land = landscape(net, X, Y, first, second, span=0.5, steps=7, lam=0.2)
    assert land.J[3, 3] == pytest.approx(net.cost(X, Y, 0.2), rel=1e-12)
    assert land.w1[3] == net.thetas[first.l - 1][first.i - 1, first.j]
    assert land.w2[3] == net.thetas[second.l - 1][second.i - 1, second.j]


@pytest.mark.parametrize("sizes,g,out,loss,first,second", CASES)
def test_slopes_at_the_centre_equal_D_of_the_two_weights(sizes, g, out, loss, first, second):
    X, Y = _xor()
    net = Network(sizes, g, out, loss, rng=np.random.default_rng(2))
    h = 1e-5
    land = landscape(net, X, Y, first, second, span=h, steps=3, lam=0.2)
    D = net.gradients(X, Y, lam=0.2)
    slope1 = (land.J[2, 1] - land.J[0, 1]) / (2 * h)
    slope2 = (land.J[1, 2] - land.J[1, 0]) / (2 * h)
    assert slope1 == pytest.approx(D[first.l - 1][first.i - 1, first.j], rel=1e-5, abs=1e-9)
    assert slope2 == pytest.approx(D[second.l - 1][second.i - 1, second.j], rel=1e-5, abs=1e-9)


@pytest.mark.parametrize("sizes,g,out,loss,first,second", CASES)
def test_every_batched_point_is_the_cost_with_those_weights_set(sizes, g, out, loss, first,
                                                                second):
    X, Y = _xor()
    net = Network(sizes, g, out, loss, rng=np.random.default_rng(3))
    land = landscape(net, X, Y, first, second, span=1.3, steps=5, lam=0.4)
    for p, q in [(0, 0), (0, 4), (4, 1), (2, 3)]:
        probe = net.copy()
        probe.set_weight(first.l, first.i - 1, first.j, land.w1[p])
        probe.set_weight(second.l, second.i - 1, second.j, land.w2[q])
        assert land.J[p, q] == pytest.approx(probe.cost(X, Y, 0.4), rel=1e-12)


def test_softmax_points_match_the_cost_and_chunks_do_not_change_the_answer(monkeypatch):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 3))
    Y = np.eye(3)[rng.integers(0, 3, 30)]
    net = Network([3, 5, 3], "tanh", "softmax", rng=rng)
    refs = (WeightRef(1, 5, 3), WeightRef(2, 2, 5))
    offsets = rng.normal(size=(9, 2))
    whole = batched_costs(net, X, Y, refs, offsets, lam=0.1)
    import engine.lesson.landscape as module
    monkeypatch.setattr(module, "CHUNK_ELEMENTS", 1)      # one grid point per chunk
    assert np.allclose(batched_costs(net, X, Y, refs, offsets, lam=0.1), whole, rtol=1e-13)
    probe = net.copy()
    probe.thetas[0][4, 3] += offsets[6, 0]
    probe.thetas[1][1, 5] += offsets[6, 1]
    assert whole[6] == pytest.approx(probe.cost(X, Y, 0.1), rel=1e-12)


def test_the_network_is_left_as_it_was():
    X, Y = _xor()
    net = Network([2, 3, 1], rng=np.random.default_rng(5))
    before = [t.copy() for t in net.thetas]
    landscape(net, X, Y, WeightRef(1, 1, 1), WeightRef(2, 1, 2), span=2.0, steps=5)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.thetas, strict=True))


def test_rows_run_over_w2_within_w1_as_the_csv_writes_them():
    X, Y = _xor()
    net = Network([2, 3, 1], rng=np.random.default_rng(5))
    land = landscape(net, X, Y, WeightRef(1, 1, 1), WeightRef(2, 1, 2), span=1.0, steps=3)
    rows = land.rows()
    assert len(rows) == 9
    assert rows[1] == (land.w1[0], land.w2[1], land.J[0, 1])


def test_progress_reaches_one():
    X, Y = _xor()
    net = Network([2, 3, 1], rng=np.random.default_rng(5))
    heard: list[float] = []
    landscape(net, X, Y, WeightRef(1, 1, 1), WeightRef(2, 1, 2), 1.0, 9, progress=heard.append)
    assert heard and heard[-1] == 1.0 and heard == sorted(heard)


@pytest.mark.parametrize("ref,fragment", [
    (WeightRef(3, 1, 0), "2-4-1: l must be 1..2"),
    (WeightRef(1, 5, 0), "Θ(1) has i 1..4 and j 0..2"),
    (WeightRef(2, 1, 5), "Θ(2) has i 1..1 and j 0..4"),
    (WeightRef(1, 0, 0), "i 1..4"),
])
def test_a_weight_outside_the_network_names_the_layer_sizes(ref, fragment):
    net = Network([2, 4, 1], rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        check_weight(net, ref)


@pytest.mark.parametrize("kwargs,fragment", [
    ({"span": 0.0}, "span"), ({"span": float("nan")}, "span"), ({"steps": 1}, "steps"),
    ({"second": WeightRef(1, 1, 1)}, "twice"),
])
def test_bad_grid_arguments_are_refused_by_name(kwargs, fragment):
    X, Y = _xor()
    net = Network([2, 3, 1], rng=np.random.default_rng(0))
    args = {"first": WeightRef(1, 1, 1), "second": WeightRef(2, 1, 0), "span": 1.0, "steps": 5}
    args.update(kwargs)
    with pytest.raises(ValueError, match=fragment):
        landscape(net, X, Y, **args)
