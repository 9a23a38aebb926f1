"""Optimizer state: what ``state()`` returns and what ``set_state()`` continues from."""

from __future__ import annotations

import numpy as np
import pytest

from engine.optimizers import Adam, GradientDescent, Momentum, make_optimizer

SHAPES = [(3, 3), (2, 4)]           # Θ(1) of a 2-3-2 network, Θ(2)


def _gradients(rng: np.random.Generator, steps: int) -> list[list[np.ndarray]]:
    return [[rng.normal(size=s) for s in SHAPES] for _ in range(steps)]


def _run(opt, gradients) -> list[list[np.ndarray]]:
    """Return the steps ``opt`` writes for each layer's D, layer by layer as the network asks."""
    return [[opt.step(l, D, np.empty_like(D)).copy() for l, D in enumerate(Ds)]
            for Ds in gradients]


def test_state_is_empty_before_the_first_step():
    for name in ("gradient_descent", "momentum", "adam"):
        assert make_optimizer(name, 0.1).state() == {}


def test_momentum_state_is_the_velocity_of_its_recurrence():
    # v := β v + D, starting from 0: after D1, D2 the velocity is β D1 + D2.
    D1, D2 = _gradients(np.random.default_rng(1), 2)
    opt = Momentum(0.1, beta=0.5)
    _run(opt, [D1, D2])
    state = opt.state()
    assert list(state) == ["velocity"]
    for v, a, b in zip(state["velocity"], D1, D2, strict=True):
        np.testing.assert_allclose(v, 0.5 * a + b, rtol=1e-15)


def test_adam_state_holds_both_moments_and_the_step_count():
    # m := β1 m + (1−β1) D and v := β2 v + (1−β2) D², from 0: after one step (1−β1) D, (1−β2) D².
    [D] = _gradients(np.random.default_rng(2), 1)
    opt = Adam(0.01)
    _run(opt, [D])
    state = opt.state()
    assert state["t"] == [1, 1]
    for m, v, d in zip(state["m"], state["v"], D, strict=True):
        np.testing.assert_allclose(m, 0.1 * d, rtol=1e-15)
        np.testing.assert_allclose(v, 0.001 * d * d, rtol=1e-12)


@pytest.mark.parametrize("name", ["gradient_descent", "momentum", "adam"])
def test_a_restored_optimizer_takes_the_same_steps_as_the_uninterrupted_one(name):
    first, then = _gradients(np.random.default_rng(3), 4), _gradients(np.random.default_rng(4), 5)
    uninterrupted = make_optimizer(name, 0.05)
    _run(uninterrupted, first)
    restored = make_optimizer(name, 0.05)
    restored.set_state(uninterrupted.state())
    for got, want in zip(_run(restored, then), _run(uninterrupted, then), strict=True):
        for a, b in zip(got, want, strict=True):
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_a_fresh_optimizer_takes_other_steps(name):
    # The test above would pass vacuously if the state did not matter.
    first, then = _gradients(np.random.default_rng(3), 4), _gradients(np.random.default_rng(4), 1)
    trained = make_optimizer(name, 0.05)
    _run(trained, first)
    fresh = make_optimizer(name, 0.05)
    assert not np.array_equal(_run(fresh, then)[0][0], _run(trained, then)[0][0])


def test_state_and_set_state_copy_the_arrays():
    [D] = _gradients(np.random.default_rng(5), 1)
    opt = Momentum(0.1)
    _run(opt, [D])
    state = opt.state()
    state["velocity"][0][...] = 7.0
    assert not np.any(opt.state()["velocity"][0] == 7.0)
    other = Momentum(0.1)
    other.set_state(state)
    state["velocity"][1][...] = 9.0
    assert not np.any(other.state()["velocity"][1] == 9.0)


def test_set_state_keeps_the_networks_dtype():
    opt = Adam(0.01)
    opt.set_state({"m": [np.ones((2, 2))], "v": [np.ones((2, 2))], "t": [4]}, np.float32)
    state = opt.state()
    assert state["m"][0].dtype == state["v"][0].dtype == np.float32
    assert state["t"] == [4]


def test_gradient_descent_has_no_state_to_restore():
    opt = GradientDescent(0.1)
    opt.set_state({})
    assert opt.state() == {}
