"""Translated words for the algorithm's phases: stage names, step titles and explanations.

Outside any widget, so every text goes through ``QCoreApplication.translate("PhaseText", ...)``;
callers ask again on ``LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.trace import Phase, Step, Trace


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhaseText", text)


STAGES = ("reset", "forward", "backward", "accumulate", "gradient", "update")


def stage_name(stage: str) -> str:
    """Return the translated name of a stage (reset, forward, backward, ...)."""
    names = {
        "reset": _tr("Reset"), "forward": _tr("Forward"), "backward": _tr("Backward"),
        "accumulate": _tr("Accumulate"), "gradient": _tr("Gradient"), "update": _tr("Update"),
    }
    return names[stage]


def step_title(step: Step) -> str:
    """Return a short translated heading for ``step``, e.g. "Hidden error d(2)"."""
    l = step.layer
    titles = {
        Phase.RESET: _tr("Reset the accumulators Δ"),
        Phase.INPUT: _tr("Input: a(1) = x"),
        Phase.FORWARD_Z: _tr("Weighted input z({l})"),
        Phase.FORWARD_A: _tr("Activation a({l})"),
        Phase.OUTPUT_DELTA: _tr("Output error d({l})"),
        Phase.HIDDEN_DELTA: _tr("Hidden error d({l})"),
        Phase.ACCUMULATE: _tr("Accumulate Δ({l})"),
        Phase.GRADIENT: _tr("Gradient D({l})"),
        Phase.UPDATE: _tr("Update Θ({l})"),
    }
    return titles[step.phase].replace("{l}", str(l))


def equation(step: Step) -> str:
    """Return the step's equation (the engine writes it in English words) in the UI language."""
    words = (("[without bias row]", _tr("[without bias row]")),
             ("(bias column frozen)", _tr("(bias column frozen)")),
             ("for j ≥ 1", _tr("for j ≥ 1")), ("for j = 0", _tr("for j = 0")),
             ("for l = ", _tr("for l = ")))
    text = step.equation
    for english, translated in words:
        text = text.replace(english, translated)
    return text


def phase_line(step: Step, trace: Trace, example: int, n_examples: int) -> str:
    """Return the "where am I" line: "Example 1 of 4 · Backward · d(2) = ..."."""
    head = _tr("Example {t} of {m}").replace("{t}", str(example + 1)).replace(
        "{m}", str(n_examples))
    return f"{head} · {stage_name(step.stage)} · {equation(step)}"


def explanation(step: Step, trace: Trace) -> str:
    """Return one or two plain sentences saying what ``step`` does and why (HTML-safe text)."""
    l, L = step.layer, trace.L
    if step.phase is Phase.RESET:
        text = _tr("Before looping over the examples, every accumulator Δ(l) is set to zero. "
                   "Δ(l) has the shape of Θ(l): one entry per weight.")
    elif step.phase is Phase.INPUT:
        text = _tr("The example's features x become the activations of the input layer.")
    elif step.phase is Phase.FORWARD_Z:
        text = _tr("Each neuron of layer {l} adds up its inputs weighted by Θ({k}); the leading "
                   "1 of [1; a({k})] multiplies the bias weights in column j = 0.")
        text = text.replace("{k}", str(l - 1))
    elif step.phase is Phase.FORWARD_A:
        text = _tr("The activation function g squashes each weighted input: a({l}) = g(z({l})).")
        if l == L:
            text += " " + _tr("This is the network's output, its prediction for the example.")
    elif step.phase is Phase.OUTPUT_DELTA:
        if trace.loss.delta_needs_g_prime:
            text = _tr("The output error compares the prediction with the target y. With the "
                       "½-squared error the derivative g′(z(L)) multiplies it.")
        else:
            text = _tr("The output error is simply a(L) − y: with cross-entropy and a sigmoid "
                       "or softmax output the g′ factor cancels out.")
    elif step.phase is Phase.HIDDEN_DELTA:
        text = _tr("The error flows backwards through the same weights, Θ({l})ᵀ d({n}): each "
                   "neuron of layer {l} collects the errors of the neurons it feeds, weighted "
                   "by the weights that connect them.")
        text = text.replace("{n}", str(l + 1))
    elif step.phase is Phase.ACCUMULATE:
        text = _tr("Each weight Θ({l})ᵢⱼ gets the contribution dᵢ({n})·aⱼ({l}) of this example "
                   "(with a₀ = 1 for the bias): the outer product d({n})·[1; a({l})]ᵀ is added "
                   "to Δ({l}).")
        text = text.replace("{n}", str(l + 1))
    elif step.phase is Phase.GRADIENT:
        text = _tr("After all m examples, divide by m and add the regularization λΘ({l}) — "
                   "except in the bias column j = 0, which is never regularized. D({l}) is "
                   "∂J/∂Θ({l}).")
    else:
        text = _tr("Gradient descent: each weight moves against its gradient, scaled by the "
                   "learning rate α.")
        if trace.freeze_bias:
            text += " " + _tr("In this preset the bias weights are kept fixed, as in Mazur's "
                              "example.")
    return text.replace("{l}", str(l))
