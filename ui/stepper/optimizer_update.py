"""Make the trace's Update records the update training takes: the selected optimizer's step.

The engine's trace writes the notes' plain Θ := Θ − αD. Training uses the optimizer chosen in
the panel with the moments it holds, so the stepper replaces the Update records (and the trace's
new Θ and J after) by ``engine.lesson.update_preview.preview_update``'s result on the same examples.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from engine.lesson.update_preview import preview_update
from engine.mistakes import Mistake
from engine.optimizers import UpdatePreview
from engine.steps import AdamUpdateStep, MomentumUpdateStep, UpdateStep
from engine.trace import Phase, Trace
from ui.state import AppState

EQUATIONS = {
    "gradient_descent": "Θ({l}) := Θ({l}) − α·D({l})",
    "momentum": "v({l}) := β·v({l}) + D({l});  Θ({l}) := Θ({l}) − α·v({l})",
    "adam": "m := β₁m + (1 − β₁)D({l});  v := β₂v + (1 − β₂)D({l})²;  "
            "Θ({l}) := Θ({l}) − α·m̂/(√v̂ + ε)",
}


def with_training_update(trace: Trace, state: AppState, X: np.ndarray, Y: np.ndarray) -> Trace:
    """Return ``trace`` with its Update records replaced by the trainer's next update on (X, Y)."""
    if trace.mistake is Mistake.UPDATE_UPHILL and state.settings.optimizer == "gradient_descent":
        return trace    # the trace's own update is training's, and shows +αD as it is
    trainer = state.trainer
    # The moments belong to the trainer's network; a network it has not seen yet starts fresh.
    held = None
    if trainer is not None and trainer.network is state.network:
        held = trainer.held_optimizer
    preview = preview_update(state.network, state.settings, held, X, Y)
    return apply_preview(trace, preview, state)


def apply_preview(trace: Trace, preview: UpdatePreview, state: AppState) -> Trace:
    """Return ``trace`` whose Update records show and apply ``preview``."""
    steps = []
    for step in trace.steps:
        if step.phase is Phase.UPDATE:
            i = step.layer - 1
            eq = EQUATIONS[preview.optimizer].replace("{l}", str(step.layer))
            if preview.freeze_bias:
                eq += "  (bias column frozen)"
            step = replace(step, equation=eq, payload=_payload(preview, i))
        steps.append(step)
    J_after = float("nan")
    if all(np.all(np.isfinite(t)) for t in preview.thetas_after):
        probe = state.network.copy()
        probe.set_thetas(list(preview.thetas_after))
        with np.errstate(over="ignore", invalid="ignore"):
            J_after = probe.cost(trace.X, trace.Y, trace.lam, trace.lam1)
    return replace(trace, steps=tuple(steps),
                   thetas_after=tuple(_frozen(t) for t in preview.thetas_after), J_after=J_after)


def _payload(preview: UpdatePreview, i: int) -> UpdateStep:
    """Return layer ``i + 1``'s Update payload for the optimizer ``preview`` ran."""
    base = (preview.thetas[i], preview.D[i], preview.thetas_after[i], float(preview.lr))
    q, c = preview.quantities[i], preview.constants
    if preview.optimizer == "momentum":
        return MomentumUpdateStep(*base, q["v_before"], q["v"], float(c["beta"]))
    if preview.optimizer == "adam":
        return AdamUpdateStep(*base, q["m"], q["v"], q["m_hat"], q["v_hat"], float(c["beta1"]),
                              float(c["beta2"]), float(c["eps"]), int(c["t"]))
    return UpdateStep(*base)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a)
    a.setflags(write=False)
    return a
