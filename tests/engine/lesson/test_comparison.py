"""Tests for engine.lesson.comparison: the compared run against the main run and against a plain
gradient-descent loop written here."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine import Network
from engine.lesson.comparison import Comparison, Variant
from engine.lesson.presets import spec_for
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer
from tests.trainers import preset_trainer


def _main(preset: str = "xor", seed: int = 0, **settings: object) -> Trainer:
    return preset_trainer(preset, seed, **settings)[0]


def _assert_bitwise_equal(a: list[np.ndarray], b: list[np.ndarray]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert x.shape == y.shape and np.array_equal(x, y)


@pytest.mark.parametrize("settings", [
    {"lr": 0.5},
    {"lr": 0.1, "batch_size": 16},
    {"lr": 0.05, "batch_size": 1, "optimizer": "momentum", "lam": 0.01},
    {"lr": 0.01, "batch_size": 32, "optimizer": "adam"},
])
def test_nothing_changed_gives_bitwise_the_main_run(settings):
    main = _main(**settings)
    comparison = Comparison(Variant("none"), main, seed=0)
    main.run(max_epochs=12)
    comparison.step(12)
    assert comparison.epoch == main.epoch == 12
    _assert_bitwise_equal(comparison.network.thetas, main.network.thetas)
    np.testing.assert_array_equal(comparison.history.series("train_cost"),
                                  main.history.series("train_cost"))


def test_a_comparison_begun_mid_epoch_takes_the_same_batches():
    main = _main(lr=0.1, batch_size=16)
    main.run(max_epochs=3)
    # Stop the main run part way into an epoch: a clock that says the deadline has passed.
    main.clock, t = (lambda: 1.0), main.clock
    main.run(deadline=0.0)
    main.clock = t
    assert 0 < main.epoch_progress() - main.epoch < 1
    comparison = Comparison(Variant("none"), main, seed=0)
    main.run(max_epochs=4)
    comparison.catch_up(main.epoch)
    assert comparison.epoch == main.epoch
    _assert_bitwise_equal(comparison.network.thetas, main.network.thetas)


def test_the_compared_run_keeps_the_main_run_counter_from_its_start():
    main = _main(lr=0.5)
    main.run(max_epochs=5)
    comparison = Comparison(Variant("lr", 0.1), main, seed=0)
    assert comparison.start_epoch == comparison.epoch == 5
    comparison.step(3)
    assert comparison.epoch == 8
    assert comparison.history.epochs()[0] == 6


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _plain_descent(thetas: list[np.ndarray], X: np.ndarray, Y: np.ndarray, lr: float,
                   epochs: int) -> list[np.ndarray]:
    """Return Θ after ``epochs`` full-batch steps Θ := Θ − αD of a sigmoid network with a
    sigmoid output and cross-entropy, backpropagation written out as in the notes."""
    T = [t.copy() for t in thetas]
    m = X.shape[0]
    for _ in range(epochs):
        a = [X]
        for t in T:
            a.append(_sigmoid(a[-1] @ t[:, 1:].T + t[:, 0]))
        d = a[-1] - Y
        D = [None] * len(T)
        for l in range(len(T) - 1, -1, -1):
            ones = np.hstack([np.ones((m, 1)), a[l]])
            D[l] = d.T @ ones / m
            if l:
                d = (d @ T[l][:, 1:]) * a[l] * (1.0 - a[l])
        T = [t - lr * g for t, g in zip(T, D, strict=True)]
    return T


def test_a_changed_learning_rate_is_plain_gradient_descent_with_it():
    # 2-2-1, sigmoid everywhere, cross-entropy
    main, setup = preset_trainer("xor-table", 3, lr=2.0)
    start = [t.copy() for t in setup.network.thetas]
    comparison = Comparison(Variant("lr", 0.3), main, seed=3)
    main.run(max_epochs=40)
    comparison.step(40)
    want = _plain_descent(start, setup.X, setup.Y, 0.3, 40)
    for got, w in zip(comparison.network.thetas, want, strict=True):
        np.testing.assert_allclose(got, w, rtol=1e-11, atol=1e-14)
    # ...and the main run went its own way, with its own α.
    for got, w in zip(main.network.thetas, _plain_descent(start, setup.X, setup.Y, 2.0, 40),
                      strict=True):
        np.testing.assert_allclose(got, w, rtol=1e-11, atol=1e-14)


def test_updating_uphill_makes_the_compared_cost_rise_while_the_main_cost_falls():
    main = _main("xor", lr=0.5)
    comparison = Comparison(Variant("mistake", "update-uphill"), main, seed=0)
    main.run(max_epochs=200)
    comparison.step(200)
    mine, theirs = main.history.series("train_cost"), comparison.history.series("train_cost")
    assert mine[-1] < 0.5 * mine[0]
    finite = theirs[np.isfinite(theirs)]
    assert finite[-1] > 2.0 * finite[0]


def test_a_changed_activation_starts_from_the_same_weights():
    main = _main("deep-sigmoid")
    comparison = Comparison(Variant("activation", "relu"), main, seed=0)
    _assert_bitwise_equal(comparison.network.thetas, main.network.thetas)
    assert [str(g) for g in comparison.network.activations] == ["relu"] * 6
    assert str(comparison.network.output) == str(main.network.output)


def test_a_changed_initialization_draws_its_own_weights_from_the_same_seed():
    main = _main("xor", seed=5)
    comparison = Comparison(Variant("init", "he"), main, seed=5)
    twin = Network(main.network.layer_sizes, "tanh", "sigmoid", "cross_entropy",
                   rng=np.random.default_rng(5), init="he")
    _assert_bitwise_equal(comparison.network.thetas, twin.thetas)


def test_relu_keeps_the_first_layers_gradient_that_sigmoid_loses():
    main = _main("deep-sigmoid")
    comparison = Comparison(Variant("activation", "relu"), main, seed=0)
    main.health = health = type(comparison.health)()
    main.run(max_epochs=1)
    comparison.step(1)
    first = health.records()[0][1]
    other = comparison.health.records()[0][1]
    # The main (sigmoid) run: D(1) orders of magnitude below D(7); ReLU keeps it far larger.
    assert first[0].norm_D < 1e-3 * first[-1].norm_D
    assert other[0].norm_D > 100 * first[0].norm_D


def test_a_runaway_compared_run_stops_and_leaves_the_main_run_alone():
    # XOR with λ = 100 in mini-batches of 16: α·λ/m = 0.01·100/16 is safe, 0.5·100/16 > 2 not.
    main = _main("xor", lr=0.01, lam=100.0, batch_size=16)
    comparison = Comparison(Variant("lr", 0.5), main, seed=0)
    main.run(max_epochs=300)
    result = comparison.step(300)
    assert result is not None and comparison.stopped
    assert comparison.step(5) is result            # stopped: nothing more happens
    assert main.epoch == 300 and all(np.all(np.isfinite(t)) for t in main.network.thetas)


def test_following_the_main_settings_keeps_the_one_change():
    main = _main("xor", lr=0.5)
    comparison = Comparison(Variant("lr", 0.1), main, seed=0)
    comparison.follow(Settings(lr=0.5, lam=0.2, batch_size=8))
    s = comparison.trainer.settings
    assert (s.lr, s.lam, s.batch_size) == (0.1, 0.2, 8)


def test_a_saved_comparison_continues_exactly():
    main = _main("xor", lr=0.1, batch_size=16, optimizer="momentum")
    comparison = Comparison(Variant("lr", 0.05), main, seed=0)
    main.run(max_epochs=6)
    comparison.step(6)
    restored = Comparison.restore(comparison.saved(), main)
    assert restored.epoch == comparison.epoch and restored.start_epoch == 0
    np.testing.assert_array_equal(restored.history.epochs(), comparison.history.epochs())
    comparison.step(4)
    restored.step(4)
    _assert_bitwise_equal(restored.network.thetas, comparison.network.thetas)


@pytest.mark.parametrize(("change", "value", "words"), [
    ("colour", None, "changes one of"),
    ("lr", 0.0, "learning rate"),
    ("lr", math.nan, "learning rate"),
    ("activation", "swish", "activation"),
    ("optimizer", "sgd", "optimizer"),
    ("init", "zeros", "init"),
    ("mistake", "forget-everything", "mistake"),
])
def test_a_bad_variant_is_refused_by_name(change, value, words):
    with pytest.raises(ValueError, match=words):
        Variant(change, value)


def test_a_comparison_refuses_negative_epochs():
    comparison = Comparison(Variant("none"), _main(), seed=0)
    with pytest.raises(ValueError, match="epochs"):
        comparison.step(-1)


def test_the_vanishing_gradient_preset_begins_compared_with_relu():
    change, value = spec_for("deep-sigmoid").compare
    assert Variant(change, value) == Variant("activation", "relu")
    assert spec_for("xor").compare is None


def test_a_changed_optimizer_trains_with_its_own_learning_rate():
    # The main run: Adam at α = 0.01 (as the regression presets); the compared one: gradient
    # descent at the α that suits it, which must be plain gradient descent with that α.
    main, setup = preset_trainer("xor-table", 3, optimizer="adam", lr=0.01)
    start = [t.copy() for t in setup.network.thetas]
    comparison = Comparison(Variant("optimizer", "gradient_descent", lr=2.0), main, seed=3)
    assert comparison.trainer.settings.lr == 2.0
    main.run(max_epochs=40)
    comparison.step(40)
    want = _plain_descent(start, setup.X, setup.Y, 2.0, 40)
    for got, w in zip(comparison.network.thetas, want, strict=True):
        np.testing.assert_allclose(got, w, rtol=1e-11, atol=1e-14)


def test_without_its_own_rate_a_changed_optimizer_keeps_the_main_runs():
    s = Settings(lr=0.5)
    assert Variant("optimizer", "adam").settings_for(s) == Settings(lr=0.5, optimizer="adam")
    assert Variant("optimizer", "adam", 0.01).settings_for(s) == Settings(lr=0.01,
                                                                           optimizer="adam")


@pytest.mark.parametrize(("variant", "said"), [
    (dict(change="lr", value=0.1, lr=0.2), "changed optimizer only, not with a changed lr"),
    (dict(change="optimizer", value="adam", lr=0.0), "α must be a number in"),
    (dict(change="optimizer", value="adam", lr=float("nan")), "α must be a number in"),
])
def test_a_learning_rate_beside_the_change_is_checked(variant, said):
    with pytest.raises(ValueError, match=said):
        Variant(**variant)
