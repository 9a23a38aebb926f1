"""Whether a switched-on classic mistake changes any number for the current network and settings.

Each mistake of engine/mistakes.py replaces one line of the algorithm, and some lines give the
same numbers either way under some settings: λ on the bias column adds (λ/m)Θ there, nothing
when λ = 0 or every bias weight is 0; forgetting 1/m multiplies D by m, nothing when m = 1;
dropping g′ at the output changes nothing for cross-entropy (a − y is right there) or for a
linear output (g′ = 1); g instead of g′ needs a hidden layer to act on; l running down to 1
never changes a number; updating uphill always does (α > 0). ``no_effect_reason``
derives this from the rule and returns the one honest sentence the window and the documents
show ("" when the mistake does change numbers); tests check it against gradients computed
with and without the mistake.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from engine.activations import Activation
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP
from engine.mistakes import Mistake

# The sentences (English templates, context "Engine"): why the mistake changes no number here,
# and what to change to see it.
NO_EFFECT: dict[str, str] = {
    "lam": QT_TRANSLATE_NOOP(
        "Engine", "With λ = 0 this mistake changes no number here: set λ > 0 to see it."),
    "bias_zero": QT_TRANSLATE_NOOP(
        "Engine", "Every bias weight is 0, so this mistake changes no number here."),
    "m": QT_TRANSLATE_NOOP(
        "Engine", "With m = 1 example this mistake changes no number here: step through more "
                  "examples to see it."),
    "d1": QT_TRANSLATE_NOOP(
        "Engine", "This mistake changes no number: d(1) costs work, but no Θ uses it."),
    "cross_entropy": QT_TRANSLATE_NOOP(
        "Engine", "With cross-entropy d(L) = a(L) − y is right, so this mistake changes no "
                  "number here: choose the squared error to see it."),
    "linear": QT_TRANSLATE_NOOP(
        "Engine", "With a linear output g′ = 1, so this mistake changes no number here: choose "
                  "a sigmoid output to see it."),
    "hidden": QT_TRANSLATE_NOOP(
        "Engine", "Without a hidden layer there is no hidden delta, so this mistake changes no "
                  "number here: add a hidden layer to see it."),
}


def no_effect_reason(mistake: Mistake | None, *, thetas: Sequence[np.ndarray],
                     output: Activation, loss: Loss, lam: float, lr: float, m: int) -> str:
    """Return the sentence saying why ``mistake`` changes no number for a network of weights
    ``thetas`` (Θ(l) of shape (s(l+1), 1 + s(l))), output activation ``output``, ``loss``, L2's
    λ ``lam``, learning rate ``lr`` and ``m`` examples; "" when it changes some (or is None)."""
    if mistake is None:
        return ""
    if mistake is Mistake.L_DOWN_TO_1:
        return NO_EFFECT["d1"]
    if mistake is Mistake.REGULARIZE_BIAS:
        if lam == 0:
            return NO_EFFECT["lam"]
        if not any(np.any(np.asarray(t)[:, 0] != 0) for t in thetas):
            return NO_EFFECT["bias_zero"]
        return ""
    if mistake is Mistake.FORGET_1_OVER_M:
        return NO_EFFECT["m"] if m == 1 else ""
    if mistake is Mistake.NO_OUTPUT_G_PRIME:
        if not loss.delta_needs_g_prime:
            return NO_EFFECT["cross_entropy"]
        return NO_EFFECT["linear"] if output is Activation.LINEAR else ""
    if mistake is Mistake.G_INSTEAD_OF_G_PRIME:
        return NO_EFFECT["hidden"] if len(thetas) < 2 else ""
    return ""     # updating uphill: α > 0 always (the network refuses α ≤ 0), so Θ moves


def network_no_effect_reason(mistake: Mistake | None, network: Any, settings: Any,
                             m: int) -> str:
    """Return ``no_effect_reason`` for an engine.network.Network, Settings (its ``lam`` and
    ``lr``) and m examples."""
    return no_effect_reason(mistake, thetas=network.thetas, output=network.output,
                            loss=network.loss, lam=float(settings.lam), lr=float(settings.lr),
                            m=int(m))


def trace_no_effect_reason(trace: Any) -> str:
    """Return ``no_effect_reason`` for the mistake, network and settings a Trace was made with."""
    return no_effect_reason(trace.mistake, thetas=trace.thetas, output=trace.output,
                            loss=trace.loss, lam=float(trace.lam), lr=float(trace.lr),
                            m=int(np.asarray(trace.X).shape[0]))


def has_effect(mistake: Mistake, network: Any, settings: Any, m: int) -> bool:
    """Return whether ``mistake`` changes any number for ``network`` (an engine Network),
    ``settings`` (its ``lam`` and ``lr``) and ``m`` examples."""
    return not network_no_effect_reason(mistake, network, settings, m)
