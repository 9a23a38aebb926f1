"""Tests for engine.lesson.trainer: the one epoch loop, compared with plain loops written here."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest

from engine import Network, make_optimizer
from engine.lesson.presets import build_preset
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer
from tests.trainers import preset_trainer


def _xor(seed: int = 0, **settings: object) -> tuple[Trainer, Network, np.ndarray, np.ndarray]:
    """Return a trainer of XOR's preset network and an untouched copy of that network."""
    trainer, setup = preset_trainer("xor", seed, rng_seed=7, **settings)
    return trainer, setup.network.copy(), setup.X, setup.Y


def _plain_step(net: Network, X: np.ndarray, Y: np.ndarray, lr: float, lam: float = 0.0) -> float:
    """Take Θ := Θ − α D with D from the network's gradients; return J before the step."""
    J = net.cost(X, Y, lam)
    D = net.gradients(X, Y, lam)
    net.set_thetas([t - lr * d for t, d in zip(net.thetas, D, strict=True)])
    return J


def test_full_batch_epochs_are_plain_gradient_steps():
    trainer, twin, X, Y = _xor(lr=0.5)
    assert trainer.run(max_epochs=30) is None
    costs = [_plain_step(twin, X, Y, 0.5) for _ in range(30)]
    assert trainer.epoch == 30
    for got, want in zip(trainer.network.thetas, twin.thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(trainer.history.series("train_cost"), costs, rtol=1e-12)


@pytest.mark.parametrize("batch", [16, 1])
def test_a_mini_batch_epoch_is_the_plain_shuffled_loop(batch):
    trainer, twin, X, Y = _xor(lr=0.3, lam=0.01, batch_size=batch)
    trainer.run(max_epochs=2)
    rng = np.random.default_rng(7)
    m = X.shape[0]
    means = []
    for _ in range(2):
        order = rng.permutation(m)
        xs, ys = X[order], Y[order]
        costs = [_plain_step(twin, xs[p:p + batch], ys[p:p + batch], 0.3, 0.01)
                 for p in range(0, m, batch)]
        means.append(float(np.mean(costs)))
    for got, want in zip(trainer.network.thetas, twin.thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(trainer.history.series("train_cost"), means, rtol=1e-10)


def test_training_in_pieces_equals_training_at_once():
    whole, _, _, _ = _xor(optimizer="adam", lr=0.01, batch_size=7)
    pieces, _, _, _ = _xor(optimizer="adam", lr=0.01, batch_size=7)
    whole.run(max_epochs=3)
    while pieces.epoch < 3:
        pieces.run(deadline=-math.inf)          # a past deadline: one mini-batch a call
    for a, b in zip(whole.network.thetas, pieces.network.thetas, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("optimizer", ["gradient_descent", "momentum", "adam"])
@pytest.mark.parametrize("freeze_bias", [False, True])
def test_the_preview_is_the_next_training_step_and_changes_nothing(optimizer, freeze_bias):
    trainer, _, X, Y = _xor(optimizer=optimizer, lr=0.05, freeze_bias=freeze_bias)
    trainer.run(max_epochs=3)                       # moments that are not fresh
    before = [t.copy() for t in trainer.network.thetas]
    moments = copy.deepcopy(trainer.optimizer.state())
    preview = trainer.preview_update(X, Y)
    for t, b in zip(trainer.network.thetas, before, strict=True):
        np.testing.assert_array_equal(t, b)
    after_state = trainer.optimizer.state()
    for key in moments:
        for a, b in zip(after_state[key], moments[key], strict=True):
            np.testing.assert_array_equal(a, b)
    trainer.run(max_epochs=1)
    for got, want in zip(preview.thetas_after, trainer.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)
    if freeze_bias:
        for got, old in zip(preview.thetas_after, before, strict=True):
            np.testing.assert_array_equal(got[:, 0], old[:, 0])


def test_the_preview_shows_adams_moments_by_the_formulas():
    trainer, twin, X, Y = _xor(optimizer="adam", lr=0.01)
    trainer.run(max_epochs=2)
    m0, v0 = (np.array(a) for a in (trainer.optimizer.state()["m"][0],
                                    trainer.optimizer.state()["v"][0]))
    p = trainer.preview_update(X, Y)
    D = p.D[0]
    m = 0.9 * m0 + 0.1 * D
    v = 0.999 * v0 + 0.001 * D * D
    np.testing.assert_allclose(p.quantities[0]["m"], m, rtol=1e-12)
    np.testing.assert_allclose(p.quantities[0]["m_hat"], m / (1 - 0.9**3), rtol=1e-12)
    np.testing.assert_allclose(p.quantities[0]["v_hat"], v / (1 - 0.999**3), rtol=1e-12)
    np.testing.assert_allclose(p.thetas_after[0], p.thetas[0] - 0.01 * (m / (1 - 0.9**3)) / (
        np.sqrt(v / (1 - 0.999**3)) + 1e-8), rtol=1e-10)
    assert p.constants["t"] == 3


def _replay(X: np.ndarray, Y: np.ndarray, epochs: int, lr: float, lam: float,
            batch: int) -> Network:
    """Return XOR's network after ``epochs`` plain mini-batch epochs (generator seed 7)."""
    net = build_preset("xor", seed=0).network
    rng = np.random.default_rng(7)
    opt = make_optimizer("gradient_descent", lr)
    for _ in range(epochs):
        net.train_epoch(X, Y, opt, lam, batch, rng)
    return net


def test_divergence_rolls_weights_counter_history_and_generator_back_together():
    # The case: XOR, λ = 100, mini-batches of 16, α = 0.5 → α·λ/m = 3.125 > 2.
    trainer, _, X, Y = _xor(lr=0.5, lam=100.0, batch_size=16)
    divergence = trainer.run(max_epochs=10_000)
    assert divergence is not None
    E = divergence.epoch
    assert E == trainer.epoch == trainer.history.latest_epoch()
    assert trainer.history.epochs()[-1] == E
    assert np.all(np.isfinite(trainer.history.series("train_cost")))
    # The weights are the ones after epoch E, and epoch E + 1 takes them past moderate.
    want = _replay(X, Y, E, 0.5, 100.0, 16)
    for got, w in zip(trainer.network.thetas, want.thetas, strict=True):
        np.testing.assert_array_equal(got, w)
    assert max(float(np.max(np.abs(t))) for t in want.thetas) <= 1e6
    nxt = _replay(X, Y, E + 1, 0.5, 100.0, 16)
    assert max(float(np.max(np.abs(t))) for t in nxt.thetas) > 1e6
    # The generator is where it was after E epochs: the next epoch shuffles like epoch E + 1.
    rng = np.random.default_rng(7)
    for _ in range(E):
        rng.permutation(X.shape[0])
    assert trainer.training_state().rng == rng.bit_generator.state
    assert "α·λ/m" in divergence.cause.template
    assert divergence.cause.params["ratio"] == pytest.approx(0.5 * 100 / 16)


def test_a_large_rate_is_named_as_the_cause():
    setup = build_preset("xor", seed=0)
    net = Network([2, 4, 1], "relu", "linear", "squared_error", rng=np.random.default_rng(0))
    trainer = Trainer(net, setup.X, setup.Y, Settings(lr=1e5), np.random.default_rng(0))
    divergence = trainer.run(max_epochs=1000)
    assert divergence is not None
    assert "learning rate" in divergence.cause.template
    assert all(np.all(np.abs(t) <= 1e6) for t in trainer.network.thetas)
    assert divergence.epoch == trainer.epoch == trainer.history.latest_epoch()


def test_test_metrics_are_measured_on_every_eighth_stored_epoch_whatever_the_clock():
    """The documented rule: the first stored epoch (1) and every multiple of MEASURE_EVERY (8)
    × the history's stride, 1 while its 1000 points are not full; the newest epoch (203) is
    measured when training stops. A clock where every reading is a second later changes none."""
    from engine.datasets import load

    ds = load("xor", seed=0, n=200, test_ratio=0.2)
    net = Network([2, 4, 1], "tanh", rng=np.random.default_rng(0))
    ticks = iter(range(10**6))
    trainer = Trainer(net, ds.X_train, ds.Y_train, Settings(lr=0.5), np.random.default_rng(0),
                      test=(ds.X_test, ds.Y_test), clock=lambda: float(next(ticks)))
    trainer.run(max_epochs=203)
    trainer.measure_latest()
    h = trainer.history
    assert h.stride == 1
    measured = h.epochs()[np.isfinite(h.series("test_cost"))]
    assert list(measured) == [1, *range(8, 201, 8), 203]
    assert np.array_equal(np.isfinite(h.series("test_accuracy")),
                          np.isfinite(h.series("test_cost")))


def test_a_measured_test_cost_is_the_cost_of_the_weights_at_that_epoch():
    from engine.datasets import load

    ds = load("xor", seed=0, n=200, test_ratio=0.2)

    def fresh() -> Trainer:
        net = Network([2, 4, 1], "tanh", rng=np.random.default_rng(0))
        return Trainer(net, ds.X_train, ds.Y_train, Settings(lr=0.5), np.random.default_rng(0),
                       test=(ds.X_test, ds.Y_test))

    trainer = fresh()
    trainer.run(max_epochs=20)
    replay = fresh()
    replay.run(max_epochs=16)
    # Plain numpy: the mean cross-entropy of the replayed weights' outputs on the test set.
    a = replay.network.predict(ds.X_test).reshape(-1)
    y = ds.Y_test.reshape(-1)
    J = float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
    i = list(trainer.history.epochs()).index(16)
    assert trainer.history.series("test_cost")[i] == pytest.approx(J, rel=1e-5)


@pytest.mark.parametrize("epochs", [40, 41])
def test_training_accuracy_read_from_the_next_step_is_the_accuracy_at_that_epoch(epochs):
    """The training accuracy of a measured epoch comes from the next full-batch step's forward
    pass (at the same weights); at the end of a run, with no step after it, from its own."""
    setup = build_preset("xor", seed=3)
    X, Y = setup.X, setup.Y
    trainer = Trainer(setup.network.copy(), X, Y, Settings(lr=0.5), np.random.default_rng(7))
    trainer.run(max_epochs=epochs)
    twin, plain = setup.network.copy(), {}
    for epoch in range(epochs + 1):      # the accuracy written out: a(L) > ½ against the labels
        plain[epoch] = float(np.mean((twin.predict(X) > 0.5) == (Y > 0.5)))
        _plain_step(twin, X, Y, 0.5)
    got = dict(zip(trainer.history.epochs(), trainer.history.series("train_accuracy"),
                   strict=True))
    measured = [e for e, acc in got.items() if not math.isnan(acc)]
    assert measured[:6] == [1, 8, 16, 24, 32, 40]
    for epoch in measured:
        assert got[epoch] == pytest.approx(plain[epoch], abs=1e-12), epoch
