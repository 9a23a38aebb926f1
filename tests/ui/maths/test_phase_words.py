"""Every micro-step has a translated title, a phase line and an explanation, placeholders filled."""

from __future__ import annotations

import pytest

from engine.lesson.presets import build_preset
from ui.maths.phase_words import equation, explanation, phase_line, stage_name, step_title


@pytest.mark.parametrize("preset", ["mazur", "spirals", "iris"])
def test_every_step_has_filled_texts(qapp, preset):
    s = build_preset(preset)
    trace = s.network.trace(s.X[:1], s.Y[:1], lam=0.1, lr=0.5, freeze_bias=s.freeze_bias)
    for step in trace:
        for text in (step_title(step), explanation(step, trace), stage_name(step.stage),
                     phase_line(step, trace)):
            assert text and "{" not in text, (step.phase, text)


def test_phase_line_names_example_stage_and_equation(qapp):
    s = build_preset("mazur")
    trace = s.network.trace(s.X, s.Y, lam=0.0, lr=0.5, freeze_bias=True)
    hidden = trace[7]
    assert phase_line(hidden, trace) == (
        "Example 1 of 1 · Backward · d(2) = (Θ(2)ᵀ d(3))[without bias row] ⊙ g′(z(2))")
    assert equation(trace[-1], trace).endswith("(bias column frozen)")
