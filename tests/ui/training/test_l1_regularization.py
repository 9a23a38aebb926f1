"""λ₁ (L1) beside λ₂ (L2): the Learning tab's box, the stepper's D against a finite-difference
gradient of J written here in plain numpy, the trainer's step, the gradient-health figures and
the math panel's D step."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDoubleSpinBox

from engine.lesson.health import layer_health
from engine.lesson.presets import build_preset
from engine.trace import Phase
from ui.maths.panel import MathPanel
from ui.state import AppState, Settings
from ui.stepper.playback import Stepper
from ui.training.learning_controls import LearningControls
from ui.training.scheduler import TrainingController

LR, LAM, LAM1, M = 0.1, 0.3, 0.2, 8


def _state() -> AppState:
    setup = build_preset("xor", seed=0)          # 2-4-1, tanh hidden, sigmoid + cross-entropy
    assert (str(setup.network.activation), str(setup.network.output),
            setup.network.loss_name) == ("tanh", "sigmoid", "cross_entropy")
    state = AppState(setup.network, setup.X[:M], setup.Y[:M],
                     Settings(lr=LR, lam=LAM, lam1=LAM1), None, "xor", 0)
    state.set_example_count(M)                    # the stepper's loop covers all m examples
    return state


def _numpy_cost(thetas: list[np.ndarray], X: np.ndarray, Y: np.ndarray) -> float:
    """J = −(1/m)Σ[y log a + (1 − y) log(1 − a)] + λ₂/(2m)ΣΘ² + λ₁/m Σ|Θ| (bias column out)."""
    m = X.shape[0]
    a = X
    for l, theta in enumerate(thetas):
        z = np.hstack([np.ones((m, 1)), a]) @ theta.T
        a = np.tanh(z) if l < len(thetas) - 1 else 1.0 / (1.0 + np.exp(-z))
    data = -np.mean(np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a), axis=1))
    weights = [t[:, 1:] for t in thetas]
    return (data + LAM / (2 * m) * sum(np.sum(w * w) for w in weights)
            + LAM1 / m * sum(np.sum(np.abs(w)) for w in weights))


def _finite_difference_D(thetas: list[np.ndarray], X: np.ndarray, Y: np.ndarray,
                         eps: float = 1e-6) -> list[np.ndarray]:
    grads = []
    for l, theta in enumerate(thetas):
        g = np.zeros_like(theta)
        for idx in np.ndindex(theta.shape):
            plus = [t.copy() for t in thetas]
            minus = [t.copy() for t in thetas]
            plus[l][idx] += eps
            minus[l][idx] -= eps
            g[idx] = (_numpy_cost(plus, X, Y) - _numpy_cost(minus, X, Y)) / (2 * eps)
        grads.append(g)
    return grads


def test_the_lambda1_box_sets_and_follows_the_settings(qtbot):
    state = _state()
    controls = LearningControls(state)
    qtbot.addWidget(controls)
    spin = controls.findChild(QDoubleSpinBox, "lambda1Spin")
    assert spin.value() == LAM1
    spin.setValue(0.05)
    assert state.settings.lam1 == 0.05 and state.settings.lam == LAM
    state.update_settings(lam1=0.0)
    assert spin.value() == 0.0


def test_the_steppers_D_is_the_gradient_of_J_with_both_penalties(qtbot):
    state = _state()
    stepper = Stepper(state)
    trace = stepper.trace
    assert trace.lam1 == LAM1 and trace.X.shape[0] == M
    thetas = [np.array(t, dtype=np.float64) for t in trace.thetas]
    # No weight sits within ε of 0, where |θ| has no derivative.
    assert min(np.abs(t[:, 1:]).min() for t in thetas) > 1e-3
    expected = _finite_difference_D(thetas, np.array(state.X), np.array(state.Y))
    shown = {s.layer: s.payload.D for s in trace if s.phase is Phase.GRADIENT}
    for l, want in enumerate(expected, start=1):
        np.testing.assert_allclose(shown[l], want, rtol=1e-6, atol=1e-9)
    # Without λ₁ the D differs by (λ₁/m)·sign(Θ) off the bias column: the term is really there.
    state.update_settings(lam1=0.0)
    plain = {s.layer: s.payload.D for s in stepper.trace if s.phase is Phase.GRADIENT}
    for l, theta in enumerate(thetas, start=1):
        np.testing.assert_allclose(shown[l][:, 1:] - plain[l][:, 1:],
                                   LAM1 / M * np.sign(theta[:, 1:]), atol=1e-12)
        np.testing.assert_allclose(shown[l][:, 0], plain[l][:, 0], atol=1e-15)


def test_the_trainer_applies_the_steppers_update_with_lambda1(qtbot):
    state = _state()
    stepper = Stepper(state)
    shown_D = [np.array(s.payload.D) for s in stepper.trace if s.phase is Phase.GRADIENT]
    shown_after = [np.array(t) for t in stepper.trace.thetas_after]
    before = [t.copy() for t in state.network.thetas]
    TrainingController(state).train_epochs(1)       # full batch: one gradient-descent step
    for l, (old, new) in enumerate(zip(before, state.network.thetas, strict=True), start=1):
        np.testing.assert_array_equal(shown_after[l - 1], new)
        np.testing.assert_allclose((old - new) / LR, shown_D[l - 1], rtol=1e-9, atol=1e-12)


def test_gradient_health_measures_D_with_lambda1(qtbot):
    state = _state()
    thetas = [np.array(t) for t in state.network.thetas]
    expected = _finite_difference_D(thetas, np.array(state.X), np.array(state.Y))
    rows = layer_health(state.network, state.X, state.Y, LAM, LAM1)
    for row, want in zip(rows, expected, strict=True):
        assert row.norm_D == pytest.approx(np.linalg.norm(want), rel=1e-6)


def test_the_math_panel_writes_D_with_the_l1_term_and_its_numbers(qtbot):
    state = _state()
    trace = Stepper(state).trace
    panel = MathPanel(trace, 0)
    qtbot.addWidget(panel)
    step = next(s for s in trace if s.phase is Phase.GRADIENT and s.layer == 1)
    panel.show_step(trace, step.index)
    text = panel.equation_text()
    assert "D(1) = (1/8)(Δ(1) + 0.3·Θ(1) + 0.2·sign(Θ(1)))" in text
    assert "sign(Θ(1))" in text and "λ₁ = 0.2" in text
    # The first written-out entry with j = 1: Δ, λ₂·θ and λ₁·sign(θ) as the numbers they are.
    theta = float(step.payload.Theta[0, 1])
    assert f"+ 0.2 · ({'1' if theta > 0 else '−1'})" in text
    assert "λ₁ sign(Θ(1))" in step.equation and "λ₂Θ(1)" in step.equation
