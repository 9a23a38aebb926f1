"""The course notes' backpropagation, one example at a time, as immutable step records.

This is the path the app animates. It follows the notes line by line with column vectors:

    1. Δ(l) := 0 for every l
    2. for each example t:  a(1) = x(t); z(l+1) = Θ(l)·[1; a(l)]; a(l+1) = g(z(l+1))
                            d(L) = a(L) − y(t)      (or (a(L) − y) ⊙ g′(z(L)) for squared error)
                            d(l) = (Θ(l)ᵀ d(l+1))[without the bias row] ⊙ g′(z(l)),  l = L−1 .. 2
                            Δ(l) := Δ(l) + d(l+1)·[1; a(l)]ᵀ,  l = L−1 .. 1
    3. D(l) = (1/m)(Δ(l) + λΘ(l)) for columns j ≥ 1, (1/m)Δ(l) for the bias column j = 0
    4. Θ(l) := Θ(l) − αD(l)

Shapes in the records: a(l), z(l), d(l) are 1-D of length s(l); [1; a(l)] has length 1 + s(l);
Θ(l), Δ(l), D(l) are (s(l+1), 1 + s(l)). Layers are numbered from 1 as in the notes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

import numpy as np

from engine import steps as words
from engine.activations import Activation
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP, EngineIndexError, EngineValueError
from engine.mistakes import CORRECT, Mistake, Rules, input_factor
from engine.steps import (
    AccumulateStep,
    ForwardAStep,
    ForwardZStep,
    GradientStep,
    HiddenDeltaStep,
    InputStep,
    OutputDeltaStep,
    Payload,
    Phase,
    ResetStep,
    UpdateStep,
    frozen_array,
)


class TracedNetwork(Protocol):
    """What ``run_trace`` needs of a network (engine.network.Network has it; naming the
    protocol, not the class, keeps network → trace one-way)."""

    thetas: list[np.ndarray]
    hidden: tuple[Activation, ...]
    g_out: Activation
    loss: Loss

    @property
    def activation(self) -> Activation | list[Activation]: ...

    @property
    def output(self) -> Activation: ...

    def g_of(self, l: int) -> Activation: ...

    def cost(self, X: np.ndarray, Y: np.ndarray, lam: float = 0.0,
             lam1: float = 0.0) -> float: ...

    def copy(self) -> TracedNetwork: ...

    def set_thetas(self, thetas: Sequence[np.ndarray]) -> None: ...


@dataclass(frozen=True)
class Step:
    """One micro-step of the algorithm.

    ``layer`` is the notes' 1-based layer the step computes (z(l)/a(l)/d(l): that l; Δ(l), D(l),
    Θ(l): that l); None for the reset. ``example`` is the 0-based example index t − 1, or None
    outside the loop over examples. ``payload`` holds the phase's numbers under the notes' names
    (``engine.steps``); ``equation`` is the English equation from the phase table.
    """

    index: int
    phase: Phase
    layer: int | None
    example: int | None
    equation: str
    payload: Payload

    @property
    def stage(self) -> str:
        """Return the stage of this step (see ``Phase.stage``)."""
        return self.phase.stage


@dataclass(frozen=True)
class TraceState:
    """Everything known after some step: dicts from the notes' layer number to arrays."""

    a: dict[int, np.ndarray]
    z: dict[int, np.ndarray]
    d: dict[int, np.ndarray]
    Delta: dict[int, np.ndarray]
    D: dict[int, np.ndarray]
    Theta: dict[int, np.ndarray]
    example: int | None


@dataclass(frozen=True)
class Trace(Sequence[Step]):
    """The records of one run of the algorithm, plus its results.

    ``thetas`` are Θ before, ``thetas_after`` after the update; ``D`` the gradients; ``J_before``
    and ``J_after`` the cost J on the traced examples before and after the update.
    """

    steps: tuple[Step, ...]
    thetas: tuple[np.ndarray, ...]
    thetas_after: tuple[np.ndarray, ...]
    D: tuple[np.ndarray, ...]
    X: np.ndarray
    Y: np.ndarray
    J_before: float
    J_after: float
    lam: float
    lr: float
    freeze_bias: bool
    activation: Activation | list[Activation]
    output: Activation
    loss: Loss
    hidden: tuple[Activation, ...] = ()
    lam1: float = 0.0
    mistake: Mistake | None = None

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, i):  # type: ignore[override]
        return self.steps[i]

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    @property
    def m(self) -> int:
        """Number of examples traced."""
        return int(self.X.shape[0])

    @property
    def L(self) -> int:
        """Number of layers."""
        return len(self.thetas) + 1

    def g_of(self, l: int) -> Activation:
        """Return the activation of layer l (2..L; the output's for l = L)."""
        return self.output if l == self.L else self.hidden[l - 2]

    def state_at(self, index: int) -> TraceState:
        """Return what is known once step ``index`` has been done (replaying the records)."""
        if not -1 <= index < len(self.steps):
            raise EngineIndexError(QT_TRANSLATE_NOOP(
                "Engine", "step index {index} outside 0..{last}"),
                index=index, last=len(self.steps) - 1)
        st = TraceState({}, {}, {}, {}, {}, {l: t for l, t in enumerate(self.thetas, 1)}, None)
        for step in self.steps[: index + 1]:
            l, p = step.layer, step.payload
            if step.example is not None and step.example != st.example:
                st.a.clear(), st.z.clear(), st.d.clear()
                object.__setattr__(st, "example", step.example)
            if step.phase is Phase.RESET:
                for k, Delta in enumerate(p.Delta, 1):
                    st.Delta[k] = Delta
            elif step.phase is Phase.INPUT:
                st.a[1] = p.a
            elif step.phase is Phase.FORWARD_Z:
                st.z[l] = p.z
            elif step.phase is Phase.FORWARD_A:
                st.a[l] = p.a
            elif step.phase in (Phase.OUTPUT_DELTA, Phase.HIDDEN_DELTA):
                st.d[l] = p.d
            elif step.phase is Phase.ACCUMULATE:
                st.Delta[l] = p.Delta_after
            elif step.phase is Phase.GRADIENT:
                st.D[l] = p.D
            elif step.phase is Phase.UPDATE:
                st.Theta[l] = p.Theta_new
        return st


MAX_EXAMPLES = 64    # examples one step-through may cover (the timeline stays readable)
ALL_EXAMPLES_UP_TO = 8   # data sets this small are stepped through whole by default


def default_example_count(m: int) -> int:
    """Return K, how many examples a step-through covers by default: all m when m ≤ 8, else 1."""
    return m if 1 <= m <= ALL_EXAMPLES_UP_TO else 1


def traced_rows(m: int, start: int, count: int) -> np.ndarray:
    """Return the row indices of the K = ``count`` examples stepped through from ``start``.

    K is clamped to 1 … min(m, 64); the rows wrap around past the last example (start 3 of 4
    with K = 2 traces examples 4 and 1), so every start offers the same K."""
    if m < 1:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "no examples to step through (m = {m})"), m=m)
    k = max(1, min(int(count), m, MAX_EXAMPLES))
    return (int(start) + np.arange(k)) % m


# The equation a mistaken line shows instead of the phase table's (filled like its templates;
# translated in the phase table's context).
MISTAKEN_EQUATIONS: dict[tuple[Mistake, Phase], str] = {
    (Mistake.G_INSTEAD_OF_G_PRIME, Phase.HIDDEN_DELTA): QT_TRANSLATE_NOOP(
        "Phase", "d({l}) = (Θ({l})ᵀ d({n}))[without bias row] ⊙ g(z({l}))   ← g, not g′"),
    (Mistake.NO_OUTPUT_G_PRIME, Phase.OUTPUT_DELTA): QT_TRANSLATE_NOOP(
        "Phase", "d({l}) = a({l}) − y   ← without g′(z({l}))"),
    (Mistake.REGULARIZE_BIAS, Phase.GRADIENT): QT_TRANSLATE_NOOP(
        "Phase", "D({l}) = (1/m)(Δ({l}) + λΘ({l})), bias column j = 0 too"),
    (Mistake.FORGET_1_OVER_M, Phase.GRADIENT): QT_TRANSLATE_NOOP(
        "Phase", "D({l}) = Δ({l}) + λΘ({l})   ← without 1/m"),
    (Mistake.UPDATE_UPHILL, Phase.UPDATE): QT_TRANSLATE_NOOP(
        "Phase", "Θ({l}) := Θ({l}) + αD({l})   ← uphill"),
}
INPUT_DELTA_EQUATION = QT_TRANSLATE_NOOP(
    "Phase", "d(1) = (Θ(1)ᵀ d(2))[without bias row] ⊙ a(1) ⊙ (1 − a(1))   ← wasted: no Θ "
             "feeds layer 1")


def mistaken_equation(step: Step, mistake: Mistake | None, L: int,
                      tr: words.Translate = str) -> str | None:
    """Return the equation of ``step`` as ``mistake`` changed it (through ``tr``), or None
    when the step is the notes' own line."""
    if step.phase is Phase.HIDDEN_DELTA and step.layer == 1:
        return tr(INPUT_DELTA_EQUATION)
    template = MISTAKEN_EQUATIONS.get((mistake, step.phase)) if mistake else None  # type: ignore
    return None if template is None else words.fill(tr(template), step.layer, L)


def _step(steps: list[Step], phase: Phase, layer: int | None, example: int | None,
          payload: Payload, *, L: int, loss: Loss, freeze_bias: bool, lam1: float,
          mistake: Mistake | None = None) -> None:
    equation = words.equation(phase, layer, L, loss=loss, freeze_bias=freeze_bias, lam1=lam1)
    if mistake is not None:
        probe = Step(len(steps), phase, layer, example, equation, payload)
        equation = mistaken_equation(probe, mistake, L) or equation
    steps.append(Step(len(steps), phase, layer, example, equation, payload))


def run_trace(net: TracedNetwork, X: np.ndarray, Y: np.ndarray, *, lam: float, lr: float,
              freeze_bias: bool, lam1: float = 0.0, rules: Rules = CORRECT) -> Trace:
    """Return the Trace of the notes' algorithm on checked (m, n) X and (m, K) Y; ``rules``
    (engine/mistakes.py) may replace one line of it with a classic mistake."""
    thetas = [np.array(t, dtype=np.float64) for t in net.thetas]
    L = len(thetas) + 1
    g_out, loss = net.g_out, net.loss
    m = X.shape[0]
    steps: list[Step] = []
    put = partial(_step, steps, L=L, loss=loss, freeze_bias=freeze_bias, lam1=lam1,
                  mistake=rules.mistake)

    Delta = [np.zeros_like(t) for t in thetas]
    put(Phase.RESET, None, None, ResetStep(tuple(Delta)))

    for t in range(m):
        x, y = X[t].astype(np.float64), Y[t].astype(np.float64)
        a: dict[int, np.ndarray] = {1: x}
        z: dict[int, np.ndarray] = {}
        put(Phase.INPUT, 1, t, InputStep(x))
        for l in range(1, L):
            a_in = np.concatenate(([1.0], a[l]))
            z[l + 1] = thetas[l - 1] @ a_in
            put(Phase.FORWARD_Z, l + 1, t, ForwardZStep(thetas[l - 1], a_in, z[l + 1]))
            a[l + 1] = net.g_of(l + 1).g(z[l + 1])
            put(Phase.FORWARD_A, l + 1, t, ForwardAStep(z[l + 1], a[l + 1]))

        d: dict[int, np.ndarray] = {}
        zL, aL = z[L][None, :], a[L][None, :]
        example_loss = float(loss.value(zL, aL, y[None, :]))
        d[L] = rules.output_delta(loss, zL, aL, y[None, :])[0]
        gp_out = (g_out.prime(z[L]) if loss.delta_needs_g_prime
                  and rules.output_delta is CORRECT.output_delta else None)
        put(Phase.OUTPUT_DELTA, L, t, OutputDeltaStep(a[L], y, d[L], gp_out, example_loss))

        for l in range(L - 1, rules.lowest_delta - 1, -1):
            back = thetas[l - 1].T @ d[l + 1]
            # d(1) (only when l wrongly runs down to 1) has no z(1) to take g′ of.
            gp = rules.hidden_factor(net.g_of(l), z[l]) if l >= 2 else input_factor(a[1])
            d[l] = back[1:] * gp
            put(Phase.HIDDEN_DELTA, l, t, HiddenDeltaStep(thetas[l - 1], d[l + 1], back, gp, d[l]))

        for l in range(L - 1, 0, -1):
            a_in = np.concatenate(([1.0], a[l]))
            outer = np.outer(d[l + 1], a_in)
            before = Delta[l - 1]
            Delta[l - 1] = before + outer
            put(Phase.ACCUMULATE, l, t,
                AccumulateStep(d[l + 1], a_in, outer, before, Delta[l - 1]))

    D = []
    for l in range(1, L):
        # L1 adds the subgradient sign(Θ), 0 at 0; the bias column is left out of λ and λ₁.
        Dl = rules.gradient(Delta[l - 1], thetas[l - 1], m, lam, lam1)
        D.append(Dl)
        put(Phase.GRADIENT, l, None,
            GradientStep(Delta[l - 1], thetas[l - 1], Dl, float(m), float(lam), float(lam1)))

    after = []
    for l in range(1, L):
        step = lr * D[l - 1]
        if freeze_bias:
            step[:, 0] = 0.0
        new = thetas[l - 1] + rules.update_sign * step
        after.append(new)
        put(Phase.UPDATE, l, None, UpdateStep(thetas[l - 1], D[l - 1], new, float(lr)))

    J_before = net.cost(X, Y, lam, lam1)
    J_after = float("nan")
    if all(np.all(np.isfinite(t)) for t in after):
        probe = net.copy()
        probe.set_thetas(after)
        J_after = probe.cost(X, Y, lam, lam1)
    return Trace(tuple(steps), tuple(frozen_array(t) for t in thetas),
                 tuple(frozen_array(t) for t in after), tuple(frozen_array(x) for x in D),
                 frozen_array(X), frozen_array(Y), J_before, J_after, lam, lr, freeze_bias,
                 net.activation, net.output, net.loss, tuple(net.hidden), lam1, rules.mistake)
