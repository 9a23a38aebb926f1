"""Tests for ui.stepper.optimizer_update: the stepper's Update is the training step."""

from __future__ import annotations

import numpy as np
import pytest

from engine.lesson.presets import build_preset
from engine.steps import AdamUpdateStep
from ui.state import AppState, Settings
from ui.stepper.playback import Stepper
from ui.training.scheduler import TrainingController


def _one_example_state(optimizer: str, freeze_bias: bool = False) -> AppState:
    # One example: the stepper traces it, and a full-batch training step uses exactly it.
    setup = build_preset("xor", seed=0)
    return AppState(setup.network, setup.X[:1], setup.Y[:1],
                    Settings(lr=0.05, optimizer=optimizer, freeze_bias=freeze_bias),
                    None, "xor", 0)


@pytest.mark.parametrize("optimizer", ["gradient_descent", "momentum", "adam"])
def test_the_steppers_new_theta_is_the_trainers_next_step(qtbot, optimizer):
    state = _one_example_state(optimizer)
    stepper = Stepper(state)
    controller = TrainingController(state)
    controller.train_epochs(3)                      # moments that are not fresh
    before = [t.copy() for t in state.network.thetas]
    shown = [np.array(t) for t in stepper.trace.thetas_after]
    for got, want in zip(stepper.trace.thetas, before, strict=True):
        np.testing.assert_array_equal(got, want)        # the "before" weights are training's
    end = stepper.state_at(len(stepper.trace) - 1)      # the update records, replayed
    controller.train_epochs(1)
    for l, want in enumerate(state.network.thetas, start=1):
        np.testing.assert_array_equal(shown[l - 1], want)
        np.testing.assert_array_equal(end.Theta[l], want)


def test_the_update_step_names_the_optimizers_quantities_and_the_kept_bias_column(qtbot):
    state = _one_example_state("adam", freeze_bias=True)
    stepper = Stepper(state)
    TrainingController(state).train_epochs(2)
    update = stepper.trace.steps[-1]
    assert "m̂/(√v̂ + ε)" in update.equation and "bias column frozen" in update.equation
    assert isinstance(update.payload, AdamUpdateStep)
    assert update.payload.t == 3
    np.testing.assert_array_equal(update.payload.Theta_new[:, 0], update.payload.Theta[:, 0])
