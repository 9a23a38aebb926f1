"""Tests for engine.lesson.landscape_plane: the grid's centre is J now (J written out here in plain
numpy, with λ), its slopes are D (along a weight) or D·d (along a direction), the path's
projection of the current weights is the centre, and the directions are what Li et al. describe."""

from __future__ import annotations

import numpy as np
import pytest

from engine.lesson.landscape import WeightRef
from engine.lesson.landscape_plane import (
    GridJob,
    WeightPath,
    filter_normalized,
    fitted_span,
    flatten,
    grid_axis,
    pca_plane,
    random_plane,
    unflatten,
    weight_plane,
)
from engine.network import Network

LAM = 0.3


def _xor(m: int = 40, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (m, 2))
    return X, ((X[:, 0] * X[:, 1]) > 0).astype(float)[:, None]


def _plain_J(thetas, X, Y, lam, hidden=np.tanh):
    """J of the notes, written out: tanh hidden layers, a sigmoid output, cross-entropy, and
    λ/(2m) Σ Θ² without the bias column."""
    a = X
    for k, theta in enumerate(thetas):
        z = np.hstack([np.ones((a.shape[0], 1)), a]) @ theta.T
        a = 1 / (1 + np.exp(-z)) if k == len(thetas) - 1 else hidden(z)
    m = X.shape[0]
    loss = -np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a)) / m
    return loss + lam / (2 * m) * sum(np.sum(t[:, 1:] ** 2) for t in thetas)


def _net(seed: int = 1) -> Network:
    return Network((2, 4, 4, 1), "tanh", "sigmoid", "cross_entropy",
                   rng=np.random.default_rng(seed))


def _path_of(net: Network, X, Y, epochs: int = 30) -> np.ndarray:
    """Train a copy of ``net`` from perturbed weights to ``net``'s, as a recorded path would."""
    rng = np.random.default_rng(9)
    start = [t + rng.normal(scale=0.5, size=t.shape) for t in net.thetas]
    walker = Network.from_thetas(start, "tanh", "sigmoid", "cross_entropy")
    path = [flatten(walker.thetas)]
    for _ in range(epochs):
        walker.train_step(X, Y, lr=0.5, lam=LAM)
        path.append(flatten(walker.thetas))
    net.set_thetas(walker.thetas)      # the path ends at the network's weights, as in training
    return np.array(path)


def _plane(kind, net, X, Y):
    """Return a plane of ``kind`` through ``net``'s weights (for pca, after a path to them)."""
    if kind == "weights":
        return weight_plane(net, WeightRef(1, 2, 1), WeightRef(3, 1, 0))
    if kind == "random":
        return random_plane(net, np.random.default_rng(3))
    return pca_plane(net, _path_of(net, X, Y))


def _grid(net, X, Y, plane, span=0.5, steps=5):
    u = grid_axis(span, steps)
    job = GridJob(net, X, Y, plane, u, u, lam=LAM)
    job.run(60.0)
    return job.grid()


@pytest.mark.parametrize("kind", ["weights", "random", "pca"])
def test_centre_of_the_grid_is_J_at_the_current_weights(kind):
    X, Y = _xor()
    net = _net()
    plane = _plane(kind, net, X, Y)
    grid = _grid(net, X, Y, plane)
    assert grid.centre_J == pytest.approx(_plain_J(net.thetas, X, Y, LAM), rel=1e-12)


@pytest.mark.parametrize("kind", ["weights", "random", "pca"])
def test_projection_of_the_current_weights_is_the_centre(kind):
    X, Y = _xor()
    net = _net()
    plane = _plane(kind, net, X, Y)
    where = plane.coordinates(flatten(net.thetas)[None])[0]
    assert where == pytest.approx(plane.origin, abs=1e-12)
    grid = _grid(net, X, Y, plane, steps=3)
    assert (grid.x[1], grid.y[1]) == pytest.approx(tuple(where), abs=1e-12)


def test_slopes_at_the_centre_equal_D_of_the_two_chosen_weights():
    X, Y = _xor()
    net = _net(2)
    first, second = WeightRef(2, 3, 4), WeightRef(1, 1, 0)
    h = 1e-5
    grid = _grid(net, X, Y, weight_plane(net, first, second), span=h, steps=3)
    D = net.gradients(X, Y, lam=LAM)
    assert (grid.J[2, 1] - grid.J[0, 1]) / (2 * h) == pytest.approx(
        D[first.l - 1][first.i - 1, first.j], rel=1e-5, abs=1e-9)
    assert (grid.J[1, 2] - grid.J[1, 0]) / (2 * h) == pytest.approx(
        D[second.l - 1][second.i - 1, second.j], rel=1e-5, abs=1e-9)


@pytest.mark.parametrize("kind", ["random", "pca"])
def test_slopes_along_directions_are_D_dotted_with_them(kind):
    X, Y = _xor()
    net = _net(4)
    plane = _plane(kind, net, X, Y)
    h = 1e-5
    grid = _grid(net, X, Y, plane, span=h, steps=3)
    D = flatten(net.gradients(X, Y, lam=LAM))
    assert (grid.J[2, 1] - grid.J[0, 1]) / (2 * h) == pytest.approx(D @ plane.d1, rel=1e-5)
    assert (grid.J[1, 2] - grid.J[1, 0]) / (2 * h) == pytest.approx(D @ plane.d2, rel=1e-5)


def test_every_point_of_a_direction_grid_is_J_with_those_weights():
    X, Y = _xor()
    net = _net(5)
    plane = random_plane(net, np.random.default_rng(0))
    grid = _grid(net, X, Y, plane, span=0.8, steps=5)
    for a, b in [(0, 0), (4, 1), (1, 3)]:
        thetas = unflatten(plane.centre + grid.u[a] * plane.d1 + grid.v[b] * plane.d2,
                           plane.shapes)
        assert grid.J[a, b] == pytest.approx(_plain_J(thetas, X, Y, LAM), rel=1e-11)


def test_l1_term_is_added_at_every_point():
    X, Y = _xor()
    net = _net(6)
    plane = random_plane(net, np.random.default_rng(1))
    u = grid_axis(0.5, 3)
    job = GridJob(net, X, Y, plane, u, u, lam=0.0, lam1=0.2)
    job.run(60.0)
    thetas = unflatten(plane.centre + u[0] * plane.d1 + u[2] * plane.d2, plane.shapes)
    l1 = 0.2 / X.shape[0] * sum(np.abs(t[:, 1:]).sum() for t in thetas)
    assert job.grid().J[0, 2] == pytest.approx(_plain_J(thetas, X, Y, 0.0) + l1, rel=1e-11)


def test_pieces_of_any_size_give_the_same_grid():
    X, Y = _xor()
    net = _net(7)
    plane = random_plane(net, np.random.default_rng(2))
    u = grid_axis(1.0, 7)
    whole = GridJob(net, X, Y, plane, u, u, lam=LAM)
    whole.run(60.0)
    bits = GridJob(net, X, Y, plane, u, u, lam=LAM)
    bits.piece = 5
    shares = [bits.run(0.0) for _ in range(10)]
    assert shares == sorted(shares) and shares[-1] == 1.0 and shares[0] < 1.0
    assert np.allclose(bits.grid().J, whole.grid().J, rtol=1e-13)


def test_the_job_keeps_its_own_weights_while_training_goes_on():
    X, Y = _xor()
    net = _net(8)
    expected = _plain_J(net.thetas, X, Y, LAM)
    job = GridJob(net, X, Y, weight_plane(net, WeightRef(1, 1, 1), WeightRef(2, 1, 1)),
                  grid_axis(0.5, 3), grid_axis(0.5, 3), lam=LAM)
    net.train_step(X, Y, lr=1.0)
    job.run(60.0)
    assert job.grid().centre_J == pytest.approx(expected, rel=1e-12)


def test_filter_normalized_rows_have_the_weights_norm_and_no_bias():
    net = _net(9)
    d = unflatten(filter_normalized(net.thetas, np.random.default_rng(0)),
                  [t.shape for t in net.thetas])
    for theta, direction in zip(net.thetas, d, strict=True):
        assert np.all(direction[:, 0] == 0)
        assert np.linalg.norm(direction[:, 1:], axis=1) == pytest.approx(
            np.linalg.norm(theta[:, 1:], axis=1), rel=1e-12)


def test_pca_finds_the_plane_a_path_lies_in():
    net = _net(10)
    centre = flatten(net.thetas)
    rng = np.random.default_rng(0)
    e1, e2 = np.linalg.qr(rng.normal(size=(centre.size, 2)))[0].T
    t = np.linspace(0, 1, 12)
    path = centre + np.outer(3 * (t - 1), e1) + np.outer(np.sin(4 * t), e2)
    plane = pca_plane(net, path)
    assert abs(plane.d1 @ plane.d2) < 1e-12
    assert plane.d1 @ plane.d1 == pytest.approx(1.0) and plane.d2 @ plane.d2 == pytest.approx(1)
    # the path lies in the plane: projecting and going back gives every point again
    uv = plane.coordinates(path)
    back = centre + np.outer(uv[:, 0], plane.d1) + np.outer(uv[:, 1], plane.d2)
    assert np.allclose(back, path, atol=1e-10)
    assert uv[0, 0] < 0                       # the start on the left
    assert sum(plane.explained) == pytest.approx(1.0)


def test_pca_of_a_straight_or_short_path_is_refused_in_words():
    net = _net(11)
    centre = flatten(net.thetas)
    line = centre + np.outer(np.linspace(-1, 0, 5), np.ones(centre.size))
    for path in (line, line[:2]):
        with pytest.raises(ValueError, match="at least 3 recorded epochs"):
            pca_plane(net, path)
    with pytest.raises(ValueError, match="points of 37 weights"):
        pca_plane(net, np.zeros((5, 3)))


def test_path_keeps_its_first_and_newest_points_and_drops_rolled_back_ones():
    path = WeightPath(capacity=8)
    for epoch in range(20):
        path.record(epoch, [np.full((1, 2), float(epoch))])
    epochs = path.epochs()
    assert len(path) <= 8 and epochs[0] == 0 and epochs[-1] == 19
    assert np.all(np.diff(epochs) > 0)
    assert path.points()[-1] == pytest.approx([19.0, 19.0])
    path.record(12, [np.full((1, 2), -1.0)])        # rolled back to epoch 12
    assert path.epochs()[-1] == 12 and np.all(path.epochs()[:-1] < 12)
    path.record(13, [np.zeros((2, 2))])             # another network: a new path
    assert path.epochs().tolist() == [13]


def test_fitted_span_holds_the_whole_path():
    net = _net(12)
    X, Y = _xor()
    path = _path_of(net, X, Y)
    plane = weight_plane(net, WeightRef(1, 1, 1), WeightRef(2, 2, 0))
    su, sv = fitted_span(plane, path, minimum=1e-3)
    xy = plane.coordinates(path) - np.asarray(plane.origin)
    assert np.all(np.abs(xy[:, 0]) < su) and np.all(np.abs(xy[:, 1]) < sv)
    assert fitted_span(plane, path, minimum=50.0) == (50.0, 50.0)


@pytest.mark.parametrize("span,steps,fragment", [(0.0, 5, "span"), (1.0, 4, "odd"),
                                                 (float("inf"), 5, "span"), (1.0, 1, "odd")])
def test_bad_grid_axes_are_refused_by_name(span, steps, fragment):
    with pytest.raises(ValueError, match=fragment):
        grid_axis(span, steps)


def test_the_trainer_records_the_path_where_epochs_end():
    from engine.lesson.settings import Settings
    from engine.lesson.trainer import Trainer

    X, Y = _xor()
    net = _net(13)
    start = [t.copy() for t in net.thetas]
    trainer = Trainer(net, X, Y, Settings(lr=0.5), np.random.default_rng(0))
    trainer.path = path = WeightPath()
    trainer.run(max_epochs=5)
    assert path.epochs().tolist() == [0, 1, 2, 3, 4, 5]
    assert np.array_equal(path.points()[0], flatten(start))
    assert np.array_equal(path.points()[-1], flatten(net.thetas))
    # epoch 1 is one gradient step from the start, computed here by the network itself
    probe = Network.from_thetas(start, "tanh", "sigmoid", "cross_entropy")
    probe.train_step(X, Y, lr=0.5)
    assert np.allclose(path.points()[1], flatten(probe.thetas), rtol=1e-12)


@pytest.mark.parametrize("output, loss, targets", [
    ("softmax", "cross_entropy", "one_hot"), ("linear", "squared_error", "real"),
    ("sigmoid", "squared_error", "labels")])
def test_direction_grids_sum_every_loss_per_point(output, loss, targets):
    """Each point's J, for each pairing of output and loss, equals the cost of a network holding
    that point's weights (the training path's own J, another implementation)."""
    X, Y = _xor(m=30, seed=4)
    K = 2 if targets == "one_hot" else 1
    Y = np.column_stack([Y[:, 0], 1 - Y[:, 0]]) if targets == "one_hot" else Y
    Y = X[:, :1] * 2.0 - X[:, 1:] if targets == "real" else Y
    net = Network((2, 3, 4, K), ["relu", "tanh"], output, loss, rng=np.random.default_rng(2))
    plane = random_plane(net, np.random.default_rng(5))
    grid = _grid(net, X, Y, plane, span=0.6, steps=5)
    for a, b in [(0, 4), (2, 2), (3, 1)]:
        thetas = unflatten(plane.centre + grid.u[a] * plane.d1 + grid.v[b] * plane.d2,
                           plane.shapes)
        at = Network.from_thetas(thetas, ["relu", "tanh"], output, loss)
        assert grid.J[a, b] == pytest.approx(at.cost(X, Y, LAM), rel=1e-10)
