"""The engine's API refuses wrong types with a ValueError naming the argument — texts, true/false,
None and complex numbers are not numbers — and caps sizes with the session format's limits."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Network, gradient_check
from engine.datasets import load
from engine.files.session_format import MAX_LAYER_SIZE, MAX_PARAMETERS
from engine.optimizers import make_optimizer

X = np.array([[0.05, 0.1], [0.3, 0.7]])
Y = np.array([[0.0], [1.0]])


def _net() -> Network:
    return Network([2, 2, 1], rng=np.random.default_rng(0))


@pytest.mark.parametrize("lr", ["0.5", None, True, 1 + 2j, float("nan"), 0.0, -1.0])
def test_a_learning_rate_that_is_not_a_positive_number_is_named(lr):
    with pytest.raises(ValueError, match=r"learning rate \(lr\)"):
        _net().train_step(X, Y, lr=lr)
    with pytest.raises(ValueError, match=r"learning rate \(lr\)"):
        make_optimizer("adam", lr)
    with pytest.raises(ValueError, match=r"learning rate \(lr\)"):
        _net().trace(X[:1], Y[:1], lr=lr)


@pytest.mark.parametrize("lam", [None, "0", False, 1j, -0.1, float("inf")])
def test_a_bad_lambda_is_named(lam):
    with pytest.raises(ValueError, match=r"regularization λ \(lam\)"):
        _net().cost(X, Y, lam=lam)


@pytest.mark.parametrize("batch_size", [2.5, "2", True, 0, -1])
def test_a_bad_batch_size_is_named(batch_size):
    with pytest.raises(ValueError, match="batch_size"):
        _net().train_epoch(X, Y, make_optimizer("gradient_descent", 0.5), batch_size=batch_size,
                           rng=np.random.default_rng(0))


@pytest.mark.parametrize("eps", [0, 0.0, -1e-4, "1e-4", None])
def test_a_bad_gradient_check_step_is_named(eps):
    with pytest.raises(ValueError, match="eps"):
        gradient_check(_net(), X, Y, eps=eps)


def test_numbers_from_numpy_are_numbers():
    net = _net()
    before = net.thetas[0].copy()
    net.train_epoch(X, Y, make_optimizer("adam", np.float32(0.5)), lam=np.float64(0.0),
                    batch_size=np.int64(1), rng=np.random.default_rng(0))
    assert not np.array_equal(before, net.thetas[0])


def test_a_network_past_the_session_limits_is_refused_before_allocating():
    with pytest.raises(ValueError, match=f"limit {MAX_LAYER_SIZE}"):
        Network([100_000, 100_000])
    side = 2100     # each layer fits, the weights do not: 2100 · 2101 · 2 > 4,000,000
    with pytest.raises(ValueError, match=f"the limit .*is {MAX_PARAMETERS}"):
        Network([side, side, side])


@pytest.mark.parametrize("kw,why", [({"n": 10**8}, "number of examples"),
                                    ({"n": 2.5}, "number of examples"),
                                    ({"noise": "0.1"}, "noise"), ({"seed": -1}, "seed"),
                                    ({"seed": "1"}, "seed"), ({"test_ratio": None}, "test ratio")])
def test_load_caps_and_names_its_arguments(kw, why):
    with pytest.raises(ValueError, match=why):
        load("xor", **kw)
