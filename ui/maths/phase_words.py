"""Translated words for the algorithm's phases: stage names, step titles and explanations.

The words live in one table, ``engine.steps.PHASE_WORDS``; this module asks it with Qt's
translator (context "Phase"), so every text is translated once. Callers ask again on
``LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine import steps as words
from engine.trace import Step, Trace, mistaken_equation


def tr(text: str) -> str:
    """Return ``text`` (an English phase text of ``engine.steps``) in the UI language."""
    return QCoreApplication.translate(words.CONTEXT, text)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhaseText", text)


STAGES = ("reset", "forward", "backward", "accumulate", "gradient", "update")


def stage_name(stage: str) -> str:
    """Return the translated name of a stage (reset, forward, backward, ...)."""
    return words.stage_name(stage, tr)


def step_title(step: Step, L: int = 0) -> str:
    """Return a short translated heading for ``step``, e.g. "Hidden error d(2)"."""
    return words.title(step.phase, step.layer, L, tr)


def equation(step: Step, trace: Trace) -> str:
    """Return the step's equation in the UI language (the mistaken line, with a mistake on)."""
    if trace.mistake is not None:
        mistaken = mistaken_equation(step, trace.mistake, trace.L, tr)
        if mistaken is not None:
            return mistaken
    return words.equation(step.phase, step.layer, trace.L, loss=trace.loss,
                          freeze_bias=trace.freeze_bias, tr=tr, lam1=trace.lam1)


def example_of(step: Step, trace: Trace, example: int = 0, n_examples: int = 1) -> str:
    """Return where the step is in the loop: "Example t of K" over the K traced examples, "All
    K examples" for the reset, gradient and update around it; with K = 1, the place of the
    traced ``example`` (0-based) among the ``n_examples`` of the data."""
    if trace.m == 1:
        t, m = example, max(n_examples, 1)
    elif step.example is None:
        return _tr("All {m} examples").replace("{m}", str(trace.m))
    else:
        t, m = step.example, trace.m
    return _tr("Example {t} of {m}").replace("{t}", str(t + 1)).replace("{m}", str(m))


def phase_line(step: Step, trace: Trace, example: int = 0, n_examples: int = 1) -> str:
    """Return the "where am I" line: "Example 1 of 4 · Backward · d(2) = ..."."""
    return f"{example_of(step, trace, example, n_examples)} · {stage_name(step.stage)} · " \
        f"{equation(step, trace)}"


def explanation(step: Step, trace: Trace) -> str:
    """Return one or two plain sentences saying what ``step`` does and why (HTML-safe text)."""
    return words.explanation(step.phase, step.layer, trace.L, loss=trace.loss,
                             freeze_bias=trace.freeze_bias, tr=tr)
