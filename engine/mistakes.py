"""The classic mistakes of backpropagation as explicit variants of single lines of the algorithm.

The notes' algorithm (engine/trace.py) has five lines a learner commonly gets wrong. ``Rules``
names them — the hidden delta's factor, the output delta, the gradient D from Δ, the sign of the
update and the lowest layer whose d is computed — and holds the correct line of each by default.
Each switchable ``Mistake`` replaces exactly one of them (``rules_for``). The step-through
(``run_trace(rules=...)``) and the batched path (``gradients`` here, used by ``Network`` when a
mistake is on) both read the same ``Rules``, so they agree; the correct batched path
(engine/fast_path.py) is untouched and keeps its speed.

Shapes in the batched path, as in the notes' vectorized form: z(l), a(l), d(l) are (m, s(l));
Θ(l), Δ(l), D(l) are (s(l+1), 1 + s(l)).

Predict, then reveal: ``asked_entry`` names the entry of a micro-step the learner predicts (the
first neuron's z(l)₁, a(l)₁, d(l)₁; Δ(l)₁₁, the new Θ(l)₁₁, and D(l)₁₁ — or the bias entry D(l)₁₀
when λ > 0, where regularizing the bias shows); ``agrees`` checks an answer to 3 significant
digits; ``diagnose`` matches a wrong answer against these mistakes and a few that are no switch
(the wrong transpose, a forgotten bias unit, the bias row kept in Θᵀd).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Protocol

import numpy as np

from engine.activations import Activation
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.steps import Phase

# ``Step`` and ``Trace`` are engine.trace's, which imports this module; naming them here would
# make a ring, so the diagnosis takes them as Any.
Step = Trace = Any


class Mistake(StrEnum):
    """A classic mistake; the first six are switches of the "What if…" menu and ``--mistake``,
    the rest are slips the diagnosis of a wrong answer can name."""

    G_INSTEAD_OF_G_PRIME = "g-instead-of-g-prime"
    L_DOWN_TO_1 = "l-down-to-1"
    REGULARIZE_BIAS = "regularize-bias"
    FORGET_1_OVER_M = "forget-1-over-m"
    NO_OUTPUT_G_PRIME = "no-output-g-prime"
    UPDATE_UPHILL = "update-uphill"
    FORGET_BIAS_UNIT = "forget-bias-unit"
    BIAS_ROW_IN_BACK = "bias-row-in-back"
    WRONG_TRANSPOSE = "wrong-transpose"

    @property
    def is_switch(self) -> bool:
        """Whether the mistake can be switched on (the others are only diagnosed)."""
        return self in SWITCHES

    @property
    def title(self) -> str:
        """The mistake in a few words (English; the UI translates it, context "Engine")."""
        return TITLES[self]

    @property
    def consequence(self) -> str:
        """One sentence on what the mistake does to the algorithm (English template)."""
        return CONSEQUENCES[self]


SWITCHES: tuple[Mistake, ...] = tuple(Mistake)[:6]

TITLES: dict[Mistake, str] = {
    Mistake.G_INSTEAD_OF_G_PRIME: QT_TRANSLATE_NOOP("Engine", "g instead of g′"),
    Mistake.L_DOWN_TO_1: QT_TRANSLATE_NOOP("Engine", "l running down to 1"),
    Mistake.REGULARIZE_BIAS: QT_TRANSLATE_NOOP("Engine", "λ on the bias column"),
    Mistake.FORGET_1_OVER_M: QT_TRANSLATE_NOOP("Engine", "forgetting 1/m"),
    Mistake.NO_OUTPUT_G_PRIME: QT_TRANSLATE_NOOP("Engine", "no g′ at the output"),
    Mistake.UPDATE_UPHILL: QT_TRANSLATE_NOOP("Engine", "updating uphill (+αD)"),
    Mistake.FORGET_BIAS_UNIT: QT_TRANSLATE_NOOP("Engine", "forgetting the bias unit"),
    Mistake.BIAS_ROW_IN_BACK: QT_TRANSLATE_NOOP("Engine", "the bias row kept in Θᵀd"),
    Mistake.WRONG_TRANSPOSE: QT_TRANSLATE_NOOP("Engine", "the wrong transpose"),
}

CONSEQUENCES: dict[Mistake, str] = {
    Mistake.G_INSTEAD_OF_G_PRIME: QT_TRANSLATE_NOOP(
        "Engine", "the hidden deltas use g(z) instead of g′(z): D is no longer the gradient"),
    Mistake.L_DOWN_TO_1: QT_TRANSLATE_NOOP(
        "Engine", "d(1) is computed too: it costs work and changes nothing, since no Θ "
                  "feeds the input layer"),
    Mistake.REGULARIZE_BIAS: QT_TRANSLATE_NOOP(
        "Engine", "λ acts on the bias column 0 as well: D(l) gains (λ/m)Θ(l) there"),
    Mistake.FORGET_1_OVER_M: QT_TRANSLATE_NOOP(
        "Engine", "D = Δ + λΘ: every D is m times too large"),
    Mistake.NO_OUTPUT_G_PRIME: QT_TRANSLATE_NOOP(
        "Engine", "d(L) = a(L) − y without g′(z(L)): wrong for the squared error (right, by "
                  "luck, for cross-entropy)"),
    Mistake.UPDATE_UPHILL: QT_TRANSLATE_NOOP(
        "Engine", "Θ := Θ + αD climbs the cost instead of descending it"),
    Mistake.FORGET_BIAS_UNIT: QT_TRANSLATE_NOOP(
        "Engine", "the bias unit 1 was left out of [1; a(l)]"),
    Mistake.BIAS_ROW_IN_BACK: QT_TRANSLATE_NOOP(
        "Engine", "the bias row 0 of Θᵀd(l+1) was kept instead of dropped"),
    Mistake.WRONG_TRANSPOSE: QT_TRANSLATE_NOOP(
        "Engine", "a product used Θ for Θᵀ (or a·dᵀ for d·aᵀ)"),
}


# --- the lines of the algorithm, correct and mistaken ------------------------------------------

def hidden_factor_g_prime(g: Activation, z: np.ndarray) -> np.ndarray:
    """Return g′(z(l)), the factor of the hidden delta (correct)."""
    return g.prime(z)


def hidden_factor_g(g: Activation, z: np.ndarray) -> np.ndarray:
    """Return g(z(l)) — the mistake: the activation where its derivative belongs."""
    return g.g(z)


def output_delta_of_loss(loss: Loss, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return the loss's d(L) (correct): a − y, times g′(z(L)) for the squared error."""
    return loss.delta(z, a, y)


def output_delta_without_g_prime(loss: Loss, z: np.ndarray, a: np.ndarray,
                                 y: np.ndarray) -> np.ndarray:
    """Return a(L) − y whatever the loss — the mistake for the squared error."""
    return a - y


def gradient_correct(Delta: np.ndarray, Theta: np.ndarray, m: int, lam: float,
                     lam1: float) -> np.ndarray:
    """Return D = (1/m)(Δ + λΘ + λ₁ sign Θ) for columns j ≥ 1, (1/m)Δ for the bias column."""
    D = Delta / m
    D[:, 1:] += (lam / m) * Theta[:, 1:]
    if lam1:
        D[:, 1:] += (lam1 / m) * np.sign(Theta[:, 1:])
    return D


def gradient_regularizing_bias(Delta: np.ndarray, Theta: np.ndarray, m: int, lam: float,
                               lam1: float) -> np.ndarray:
    """Return the correct D plus (λ/m)Θ on the bias column — the mistake."""
    D = gradient_correct(Delta, Theta, m, lam, lam1)
    D[:, 0] += (lam / m) * Theta[:, 0]
    return D


def gradient_without_1_over_m(Delta: np.ndarray, Theta: np.ndarray, m: int, lam: float,
                              lam1: float) -> np.ndarray:
    """Return D = Δ + λΘ (bias column: Δ) — the mistake: m times the correct D."""
    return gradient_correct(Delta, Theta, 1, lam, lam1)


HiddenFactor = Callable[[Activation, np.ndarray], np.ndarray]
OutputDelta = Callable[[Loss, np.ndarray, np.ndarray, np.ndarray], np.ndarray]
GradientRule = Callable[[np.ndarray, np.ndarray, int, float, float], np.ndarray]


@dataclass(frozen=True)
class Rules:
    """The five lines a mistake may replace, correct by default.

    ``hidden_factor`` is the factor of d(l) = (Θ(l)ᵀ d(l+1))[1:] ⊙ factor; ``output_delta``
    gives d(L); ``gradient`` makes D(l) from Δ(l); ``update_sign`` is −1 for Θ := Θ − αD;
    ``lowest_delta`` is the lowest l whose d(l) is computed (2 in the notes).
    """

    hidden_factor: HiddenFactor = hidden_factor_g_prime
    output_delta: OutputDelta = output_delta_of_loss
    gradient: GradientRule = gradient_correct
    update_sign: float = -1.0
    lowest_delta: int = 2
    mistake: Mistake | None = None


CORRECT = Rules()

_MISTAKEN: dict[Mistake, Rules] = {
    Mistake.G_INSTEAD_OF_G_PRIME: replace(CORRECT, hidden_factor=hidden_factor_g),
    Mistake.L_DOWN_TO_1: replace(CORRECT, lowest_delta=1),
    Mistake.REGULARIZE_BIAS: replace(CORRECT, gradient=gradient_regularizing_bias),
    Mistake.FORGET_1_OVER_M: replace(CORRECT, gradient=gradient_without_1_over_m),
    Mistake.NO_OUTPUT_G_PRIME: replace(CORRECT, output_delta=output_delta_without_g_prime),
    Mistake.UPDATE_UPHILL: replace(CORRECT, update_sign=1.0),
}
_MISTAKEN = {k: replace(v, mistake=k) for k, v in _MISTAKEN.items()}


def check_mistake(name: str | Mistake | None) -> Mistake | None:
    """Return the switchable Mistake called ``name`` (None stays None), or raise a ValueError
    listing the names."""
    if name is None or name == "":
        return None
    try:
        mistake = Mistake(name)
    except ValueError:
        mistake = None
    if mistake is None or not mistake.is_switch:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown mistake {name!r}; use one of {names}"),
            name=str(name), names=", ".join(SWITCHES))
    return mistake


def rules_for(mistake: str | Mistake | None) -> Rules:
    """Return the algorithm's lines with ``mistake`` switched on (None: the correct ones)."""
    checked = check_mistake(mistake)
    return CORRECT if checked is None else _MISTAKEN[checked]


def input_factor(x: np.ndarray) -> np.ndarray:
    """Return the factor d(1) would take when l runs down to 1: there is no z(1), so the slip
    uses the notes' a ⊙ (1 − a) with a(1) = x."""
    return x * (1.0 - x)


# --- the batched path with a mistake -----------------------------------------------------------

class MistakenNetwork(Protocol):
    """What ``gradients`` needs of a network (engine.network.Network has it)."""

    thetas: list[np.ndarray]
    loss: Loss

    def g_of(self, l: int) -> Activation: ...


def deltas(net: MistakenNetwork, x: np.ndarray, y: np.ndarray, rules: Rules
           ) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Return z(l), a(l) and d(l) by layer for (m, s(1)) x and (m, s(L)) y under ``rules``."""
    thetas = [np.asarray(t, dtype=np.float64) for t in net.thetas]
    L = len(thetas) + 1
    a: dict[int, np.ndarray] = {1: np.asarray(x, dtype=np.float64)}
    z: dict[int, np.ndarray] = {}
    for l in range(1, L):
        z[l + 1] = a[l] @ thetas[l - 1][:, 1:].T + thetas[l - 1][:, 0]
        a[l + 1] = net.g_of(l + 1).g(z[l + 1])
    d = {L: rules.output_delta(net.loss, z[L], a[L], np.asarray(y, dtype=np.float64))}
    for l in range(L - 1, rules.lowest_delta - 1, -1):
        back = d[l + 1] @ thetas[l - 1][:, 1:]
        factor = rules.hidden_factor(net.g_of(l), z[l]) if l >= 2 else input_factor(a[1])
        d[l] = back * factor
    return z, a, d


def gradients(net: MistakenNetwork, x: np.ndarray, y: np.ndarray, lam: float, lam1: float,
              rules: Rules) -> list[np.ndarray]:
    """Return every D(l) as ``rules`` compute it (new arrays shaped like Θ(l))."""
    thetas = [np.asarray(t, dtype=np.float64) for t in net.thetas]
    _, a, d = deltas(net, x, y, rules)
    m = x.shape[0]
    out = []
    for l, theta in enumerate(thetas, 1):
        ones = np.ones((m, 1))
        Delta = d[l + 1].T @ np.hstack([ones, a[l]])
        out.append(rules.gradient(Delta, theta, m, lam, lam1))
    return out


def step_direction(D: Sequence[np.ndarray], rules: Rules) -> list[np.ndarray]:
    """Return what an optimizer that subtracts should be given so Θ moves by update_sign·αD."""
    return [np.asarray(g) * -rules.update_sign for g in D]


# --- predict, then reveal: the asked entry and the diagnosis of a wrong answer ----------------

SIGNIFICANT_DIGITS = 3


@dataclass(frozen=True)
class Asked:
    """The entry a learner predicts: its label in the notes' notation (e.g. "d(2)₁", "D(1)₁₀"),
    its value, and where it is (``row``, ``column``; column None for a vector)."""

    label: str
    value: float
    row: int
    column: int | None


SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _sub(*indices: int) -> str:
    return "".join(str(i) for i in indices).translate(SUB)


def asked_entry(step: Step, trace: Trace) -> Asked | None:
    """Return the entry of ``step`` the learner predicts, or None for a step without one (the
    reset and the input, which show only what is given)."""
    p, l = step.payload, step.layer
    if step.phase is Phase.FORWARD_Z:
        return Asked(f"z({l}){_sub(1)}", float(p.z[0]), 0, None)
    if step.phase is Phase.FORWARD_A:
        return Asked(f"a({l}){_sub(1)}", float(p.a[0]), 0, None)
    if step.phase in (Phase.OUTPUT_DELTA, Phase.HIDDEN_DELTA):
        return Asked(f"d({l}){_sub(1)}", float(p.d[0]), 0, None)
    if step.phase is Phase.ACCUMULATE:
        return Asked(f"Δ({l}){_sub(1, 1)}", float(p.Delta_after[0, 1]), 0, 1)
    if step.phase is Phase.GRADIENT:
        j = 0 if p.lam > 0 else 1
        return Asked(f"D({l}){_sub(1, j)}", float(p.D[0, j]), 0, j)
    if step.phase is Phase.UPDATE:
        return Asked(f"Θ({l}){_sub(1, 1)}", float(p.Theta_new[0, 1]), 0, 1)
    return None


def agrees(answer: float, value: float, digits: int = SIGNIFICANT_DIGITS) -> bool:
    """Return whether ``answer`` agrees with ``value`` to ``digits`` significant digits (within
    half a unit of the last digit; a zero value accepts |answer| below 0.0005)."""
    if not (math.isfinite(answer) and math.isfinite(value)):
        return False
    scale = 10.0 ** (math.floor(math.log10(abs(value))) - (digits - 1)) if value else 1e-3
    return abs(answer - value) <= 0.5 * scale * (1 + 1e-9)


def _candidates(step: Step, trace: Trace) -> Iterator[tuple[Mistake, float]]:
    """Yield (mistake, the asked entry's number under it) for the mistakes this step can show."""
    p, l = step.payload, step.layer
    state = trace.state_at(step.index)
    if step.phase is Phase.FORWARD_Z:
        # z without the bias unit: Θ(l−1)[:, 1:] a(l−1)
        yield Mistake.FORGET_BIAS_UNIT, float(p.Theta[0, 1:] @ p.a_in[1:])
        W = p.Theta[:, 1:]
        if W.shape[0] == W.shape[1]:
            yield Mistake.WRONG_TRANSPOSE, float(W.T[0] @ p.a_in[1:] + p.Theta[0, 0])
    elif step.phase is Phase.OUTPUT_DELTA:
        z = state.z[l]
        if trace.loss.delta_needs_g_prime:   # with cross-entropy a − y is right as it is
            yield Mistake.NO_OUTPUT_G_PRIME, float(p.a[0] - p.y[0])
            yield Mistake.G_INSTEAD_OF_G_PRIME, float(
                (p.a[0] - p.y[0]) * trace.g_of(l).g(z)[0])
    elif step.phase is Phase.HIDDEN_DELTA:
        factor = (trace.g_of(l).g(state.z[l]) if l >= 2 else input_factor(state.a[1]))
        back = p.Theta_T_d
        yield Mistake.G_INSTEAD_OF_G_PRIME, float(back[1] * factor[0])
        yield Mistake.BIAS_ROW_IN_BACK, float(back[0] * p.g_prime[0])
        W = p.Theta[:, 1:]
        if W.shape[0] == W.shape[1]:
            yield Mistake.WRONG_TRANSPOSE, float((W @ p.d_next)[0] * p.g_prime[0])
    elif step.phase is Phase.ACCUMULATE:
        before, d, a_in = p.Delta_before, p.d_next, p.a_in
        if len(a_in) > 2:   # d·a(l)ᵀ without the 1: column 1 gets a(l)'s second entry
            yield Mistake.FORGET_BIAS_UNIT, float(before[0, 1] + d[0] * a_in[2])
        if len(d) > 1:      # [1; a]·dᵀ: entry [0, 1] is 1·d₂
            yield Mistake.WRONG_TRANSPOSE, float(before[0, 1] + d[1])
    elif step.phase is Phase.GRADIENT:
        j = 0 if p.lam > 0 else 1
        Delta, Theta, m = p.Delta[0, j], p.Theta[0, j], p.m
        if j == 0:
            yield Mistake.REGULARIZE_BIAS, float((Delta + p.lam * Theta) / m)
            yield Mistake.FORGET_1_OVER_M, float(Delta)
        else:
            yield Mistake.FORGET_1_OVER_M, float(Delta + p.lam * Theta
                                                 + p.lam1 * np.sign(Theta))
    elif step.phase is Phase.UPDATE:
        Theta, new = p.Theta[0, 1], p.Theta_new[0, 1]
        yield Mistake.UPDATE_UPHILL, float(Theta + (Theta - new))


def diagnose(step: Step, trace: Trace, answer: float) -> Mistake | None:
    """Return the usual mistake whose number for ``step``'s asked entry agrees with ``answer``
    (to 3 significant digits) while the correct number does not; else None."""
    asked = asked_entry(step, trace)
    if asked is None or agrees(answer, asked.value):
        return None
    with np.errstate(all="ignore"):
        for mistake, value in _candidates(step, trace):
            if math.isfinite(value) and not agrees(value, asked.value) and agrees(answer, value):
                return mistake
    return None
