"""What each step of the notes' algorithm holds, and the one table of words for every phase.

Each ``Phase`` has a frozen payload with the notes' names (``Theta``, ``a_in``, ``z``, ``d_next``,
``Theta_T_d``, ``g_prime``, ``d``, ``Delta_before``, ``Delta_after``, ``D`` …) and one entry in
``PHASE_WORDS``: its stage, title, equation template and explanation. The phase line, the math
panel, the equation builder, the worked example and ``--trace`` all ask this table; the English
texts are marked with ``QT_TRANSLATE_NOOP("Phase", ...)`` so the window translates them once
(``ui/maths/phase_words.py`` passes Qt's translator as ``tr``).

Shapes: a(l), z(l), d(l), g′(z(l)) are 1-D of length s(l); [1; a(l)] has length 1 + s(l);
Θ(l)ᵀd(l+1) has length 1 + s(l); Θ(l), Δ(l), D(l) are (s(l+1), 1 + s(l)).
Templates use {l} for the step's layer, {n} for l + 1, {k} for l − 1 and {last} for L − 1.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from types import MappingProxyType

import numpy as np

from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP

#: The Qt translation context of every phase text.
CONTEXT = "Phase"

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


class Phase(StrEnum):
    """What a step record does, in the order the notes do it."""

    RESET = "reset"                  # Δ(l) := 0
    INPUT = "input"                  # a(1) = x(t)
    FORWARD_Z = "forward_z"          # z(l+1) = Θ(l)·[1; a(l)]
    FORWARD_A = "forward_a"          # a(l+1) = g(z(l+1))
    OUTPUT_DELTA = "output_delta"    # d(L)
    HIDDEN_DELTA = "hidden_delta"    # d(l), l = L−1..2
    ACCUMULATE = "accumulate"        # Δ(l) += d(l+1)·[1; a(l)]ᵀ
    GRADIENT = "gradient"            # D(l)
    UPDATE = "update"                # Θ(l) := Θ(l) − αD(l)

    @property
    def stage(self) -> str:
        """Return the stage this phase belongs to: reset, forward, backward, accumulate,
        gradient or update."""
        return PHASE_WORDS[self].stage


# --- payloads ------------------------------------------------------------------------------------

def frozen_array(arr: np.ndarray) -> np.ndarray:
    """Return a read-only float64 copy of ``arr``."""
    out = np.array(arr, dtype=np.float64, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class Payload:
    """The numbers of one step; arrays are read-only, scalars plain floats."""

    def __post_init__(self) -> None:
        # Every array field becomes a read-only copy, so a record can never change under a replay.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray):
                object.__setattr__(self, f.name, frozen_array(value))
            elif isinstance(value, tuple):
                object.__setattr__(self, f.name, tuple(frozen_array(v) for v in value))

    def named_arrays(self) -> tuple[tuple[str, np.ndarray], ...]:
        """Return (field name, array) for every array field, in the notes' order."""
        return tuple((f.name, getattr(self, f.name)) for f in fields(self)
                     if isinstance(getattr(self, f.name), np.ndarray))

    def named_values(self) -> tuple[tuple[str, float], ...]:
        """Return (field name, value) for every scalar field."""
        return tuple((f.name, getattr(self, f.name)) for f in fields(self)
                     if isinstance(getattr(self, f.name), float))


@dataclass(frozen=True, eq=False)
class ResetStep(Payload):
    """Δ(l) := 0: ``Delta[l − 1]`` is the zero Δ(l)."""

    Delta: tuple[np.ndarray, ...]

    def named_arrays(self) -> tuple[tuple[str, np.ndarray], ...]:
        """Return ("Delta(l)", Δ(l)) for every l."""
        return tuple((f"Delta({l})", D) for l, D in enumerate(self.Delta, 1))


@dataclass(frozen=True, eq=False)
class InputStep(Payload):
    """a(1) = x."""

    a: np.ndarray


@dataclass(frozen=True, eq=False)
class ForwardZStep(Payload):
    """z(l+1) = Θ(l)·[1; a(l)]."""

    Theta: np.ndarray
    a_in: np.ndarray
    z: np.ndarray


@dataclass(frozen=True, eq=False)
class ForwardAStep(Payload):
    """a(l) = g(z(l))."""

    z: np.ndarray
    a: np.ndarray


@dataclass(frozen=True, eq=False)
class OutputDeltaStep(Payload):
    """d(L) from a(L) and y; ``g_prime`` = g′(z(L)) for the squared error, else None."""

    a: np.ndarray
    y: np.ndarray
    d: np.ndarray
    g_prime: np.ndarray | None
    loss: float


@dataclass(frozen=True, eq=False)
class HiddenDeltaStep(Payload):
    """d(l) = (Θ(l)ᵀ d(l+1))[1:] ⊙ g′(z(l))."""

    Theta: np.ndarray
    d_next: np.ndarray
    Theta_T_d: np.ndarray
    g_prime: np.ndarray
    d: np.ndarray


@dataclass(frozen=True, eq=False)
class AccumulateStep(Payload):
    """Δ(l) := Δ(l) + d(l+1)·[1; a(l)]ᵀ, with Δ(l) before and after."""

    d_next: np.ndarray
    a_in: np.ndarray
    outer: np.ndarray
    Delta_before: np.ndarray
    Delta_after: np.ndarray


@dataclass(frozen=True, eq=False)
class GradientStep(Payload):
    """D(l) = (1/m)(Δ(l) + λΘ(l) + λ₁ sign(Θ(l))), bias column without λ and λ₁."""

    Delta: np.ndarray
    Theta: np.ndarray
    D: np.ndarray
    m: float
    lam: float
    lam1: float = 0.0


@dataclass(frozen=True, eq=False)
class UpdateStep(Payload):
    """Θ(l) := Θ(l) − αD(l)."""

    Theta: np.ndarray
    D: np.ndarray
    Theta_new: np.ndarray
    lr: float


@dataclass(frozen=True, eq=False)
class MomentumUpdateStep(UpdateStep):
    """v(l) := βv(l) + D(l);  Θ(l) := Θ(l) − αv(l)  (the velocity training holds)."""

    v_before: np.ndarray
    v: np.ndarray
    beta: float


@dataclass(frozen=True, eq=False)
class AdamUpdateStep(UpdateStep):
    """m := β₁m + (1 − β₁)D;  v := β₂v + (1 − β₂)D²;  Θ := Θ − α·m̂/(√v̂ + ε)."""

    m: np.ndarray
    v: np.ndarray
    m_hat: np.ndarray
    v_hat: np.ndarray
    beta1: float
    beta2: float
    eps: float
    t: int


PAYLOADS: Mapping[Phase, type[Payload]] = MappingProxyType({
    Phase.RESET: ResetStep, Phase.INPUT: InputStep, Phase.FORWARD_Z: ForwardZStep,
    Phase.FORWARD_A: ForwardAStep, Phase.OUTPUT_DELTA: OutputDeltaStep,
    Phase.HIDDEN_DELTA: HiddenDeltaStep, Phase.ACCUMULATE: AccumulateStep,
    Phase.GRADIENT: GradientStep, Phase.UPDATE: UpdateStep,
})


# --- the one table of phase words ----------------------------------------------------------------

@dataclass(frozen=True)
class PhaseWords:
    """A phase's stage, title, equation template(s) and explanation; ``equations`` and
    ``explanations`` map a variant ("" usual, else a loss name or "frozen") to a template;
    ``extras`` are sentences added in a case ("output": the last layer, "frozen": fixed
    biases)."""

    stage: str
    title: str
    equations: Mapping[str, str]
    explanations: Mapping[str, str]
    extras: Mapping[str, str] = field(default_factory=dict)


STAGE_NAMES: Mapping[str, str] = MappingProxyType({
    "reset": QT_TRANSLATE_NOOP("Phase", "Reset"),
    "forward": QT_TRANSLATE_NOOP("Phase", "Forward"),
    "backward": QT_TRANSLATE_NOOP("Phase", "Backward"),
    "accumulate": QT_TRANSLATE_NOOP("Phase", "Accumulate"),
    "gradient": QT_TRANSLATE_NOOP("Phase", "Gradient"),
    "update": QT_TRANSLATE_NOOP("Phase", "Update"),
})

_W = PhaseWords
PHASE_WORDS: Mapping[Phase, PhaseWords] = MappingProxyType({
    Phase.RESET: _W(
        "reset", QT_TRANSLATE_NOOP("Phase", "Reset the accumulators Δ"),
        {"": QT_TRANSLATE_NOOP("Phase", "Δ(l) := 0 for l = 1 .. {last}")},
        {"": QT_TRANSLATE_NOOP("Phase", "Before looping over the examples, every accumulator "
                               "Δ(l) is set to zero. Δ(l) has the shape of Θ(l): one entry per "
                               "weight.")}),
    Phase.INPUT: _W(
        "forward", QT_TRANSLATE_NOOP("Phase", "Input: a(1) = x"),
        {"": "a(1) = x"},
        {"": QT_TRANSLATE_NOOP("Phase", "The example's features x become the activations of "
                               "the input layer.")}),
    Phase.FORWARD_Z: _W(
        "forward", QT_TRANSLATE_NOOP("Phase", "Weighted input z({l})"),
        {"": "z({l}) = Θ({k})·[1; a({k})]"},
        {"": QT_TRANSLATE_NOOP("Phase", "Each neuron of layer {l} adds up its inputs weighted "
                               "by Θ({k}); the leading 1 of [1; a({k})] multiplies the bias "
                               "weights in column j = 0.")}),
    Phase.FORWARD_A: _W(
        "forward", QT_TRANSLATE_NOOP("Phase", "Activation a({l})"),
        {"": "a({l}) = g(z({l}))"},
        {"": QT_TRANSLATE_NOOP("Phase", "The activation function g squashes each weighted "
                               "input: a({l}) = g(z({l})).")},
        {"output": QT_TRANSLATE_NOOP("Phase", "This is the network's output, its prediction "
                                     "for the example.")}),
    Phase.OUTPUT_DELTA: _W(
        "backward", QT_TRANSLATE_NOOP("Phase", "Output error d({l})"),
        {"": "d({l}) = a({l}) − y", "g_prime": "d({l}) = (a({l}) − y) ⊙ g′(z({l}))"},
        {"": QT_TRANSLATE_NOOP("Phase", "The output error is simply a(L) − y: with "
                               "cross-entropy and a sigmoid or softmax output the g′ factor "
                               "cancels out."),
         "g_prime": QT_TRANSLATE_NOOP("Phase", "The output error compares the prediction "
                                            "with the target y. With the ½-squared error the "
                                            "derivative g′(z(L)) multiplies it.")}),
    Phase.HIDDEN_DELTA: _W(
        "backward", QT_TRANSLATE_NOOP("Phase", "Hidden error d({l})"),
        {"": QT_TRANSLATE_NOOP("Phase", "d({l}) = (Θ({l})ᵀ d({n}))[without bias row] ⊙ "
                               "g′(z({l}))")},
        {"": QT_TRANSLATE_NOOP("Phase", "The error flows backwards through the same weights, "
                               "Θ({l})ᵀ d({n}): each neuron of layer {l} collects the errors of "
                               "the neurons it feeds, weighted by the weights that connect "
                               "them.")}),
    Phase.ACCUMULATE: _W(
        "accumulate", QT_TRANSLATE_NOOP("Phase", "Accumulate Δ({l})"),
        {"": "Δ({l}) := Δ({l}) + d({n})·[1; a({l})]ᵀ"},
        {"": QT_TRANSLATE_NOOP("Phase", "Each weight Θ({l})ᵢⱼ gets the contribution "
                               "dᵢ({n})·aⱼ({l}) of this example (with a₀ = 1 for the bias): the "
                               "outer product d({n})·[1; a({l})]ᵀ is added to Δ({l}).")}),
    Phase.GRADIENT: _W(
        "gradient", QT_TRANSLATE_NOOP("Phase", "Gradient D({l})"),
        {"": QT_TRANSLATE_NOOP("Phase", "D({l}) = (1/m)(Δ({l}) + λΘ({l})) for j ≥ 1;  "
                               "D({l}) = (1/m)Δ({l}) for j = 0"),
         "l1": QT_TRANSLATE_NOOP("Phase", "D({l}) = (1/m)(Δ({l}) + λ₂Θ({l}) + λ₁ sign(Θ({l}))) "
                                 "for j ≥ 1;  D({l}) = (1/m)Δ({l}) for j = 0")},
        {"": QT_TRANSLATE_NOOP("Phase", "After all m examples, divide by m and add the "
                               "regularization λΘ({l}) — except in the bias column j = 0, which "
                               "is never regularized. D({l}) is ∂J/∂Θ({l}).")}),
    Phase.UPDATE: _W(
        "update", QT_TRANSLATE_NOOP("Phase", "Update Θ({l})"),
        {"": "Θ({l}) := Θ({l}) − α·D({l})",
         "frozen": QT_TRANSLATE_NOOP("Phase", "Θ({l}) := Θ({l}) − α·D({l})  (bias column "
                                     "frozen)")},
        {"": QT_TRANSLATE_NOOP("Phase", "Gradient descent: each weight moves against its "
                               "gradient, scaled by the learning rate α.")},
        {"frozen": QT_TRANSLATE_NOOP("Phase", "In this preset the bias weights are kept fixed, "
                                     "as in Mazur's example.")}),
})


def fill(template: str, layer: int | None, L: int) -> str:
    """Return ``template`` with {l}, {n} = l + 1, {k} = l − 1 and {last} = L − 1 filled in."""
    l = layer or 0
    return (template.replace("{last}", str(L - 1)).replace("{l}", str(l))
            .replace("{n}", str(l + 1)).replace("{k}", str(l - 1)))


def _variant(phase: Phase, loss: Loss, freeze_bias: bool, lam1: float = 0.0) -> str:
    if phase is Phase.OUTPUT_DELTA and loss.delta_needs_g_prime:
        return "g_prime"
    if phase is Phase.GRADIENT and lam1:
        return "l1"
    if phase is Phase.UPDATE and freeze_bias:
        return "frozen"
    return ""


def stage_name(stage: str, tr: Translate = _same) -> str:
    """Return the name of a stage (reset, forward, backward, ...), through ``tr``."""
    return tr(STAGE_NAMES[stage])


def title(phase: Phase, layer: int | None, L: int, tr: Translate = _same) -> str:
    """Return the short heading of a step, e.g. "Hidden error d(2)"."""
    return fill(tr(PHASE_WORDS[phase].title), layer, L)


def equation(phase: Phase, layer: int | None, L: int, *, loss: Loss, freeze_bias: bool,
             tr: Translate = _same, lam1: float = 0.0) -> str:
    """Return the step's equation in the notes' notation (words through ``tr``); ``lam1``
    adds the L1 term to the gradient's."""
    words = PHASE_WORDS[phase].equations
    return fill(tr(words.get(_variant(phase, loss, freeze_bias, lam1), words[""])), layer, L)


def explanation(phase: Phase, layer: int | None, L: int, *, loss: Loss, freeze_bias: bool,
                tr: Translate = _same) -> str:
    """Return one or two plain sentences saying what the step does and why."""
    words = PHASE_WORDS[phase]
    key = _variant(phase, loss, freeze_bias)
    text = tr(words.explanations.get(key, words.explanations[""]))
    if phase is Phase.FORWARD_A and layer == L:
        text += " " + tr(words.extras["output"])
    if key == "frozen" and "frozen" in words.extras:
        text += " " + tr(words.extras["frozen"])
    return fill(text, layer, L)
