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

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol

import numpy as np

from engine.activations import Activation
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP, EngineIndexError


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
        return _STAGES[self]


_STAGES = {
    Phase.RESET: "reset", Phase.INPUT: "forward", Phase.FORWARD_Z: "forward",
    Phase.FORWARD_A: "forward", Phase.OUTPUT_DELTA: "backward", Phase.HIDDEN_DELTA: "backward",
    Phase.ACCUMULATE: "accumulate", Phase.GRADIENT: "gradient", Phase.UPDATE: "update",
}


def _frozen(arr: np.ndarray) -> np.ndarray:
    out = np.array(arr, dtype=np.float64, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True)
class Step:
    """One micro-step of the algorithm.

    ``layer`` is the notes' 1-based layer the step computes (z(l)/a(l)/d(l): that l; Δ(l), D(l),
    Θ(l): that l); None for the reset. ``example`` is the 0-based example index t − 1, or None
    outside the loop over examples. ``arrays`` maps names to read-only arrays; ``values`` holds
    scalars (the example's loss, α, λ, m).
    """

    index: int
    phase: Phase
    layer: int | None
    example: int | None
    equation: str
    arrays: Mapping[str, np.ndarray]
    values: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

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
            l, arr = step.layer, step.arrays
            if step.example is not None and step.example != st.example:
                st.a.clear(), st.z.clear(), st.d.clear()
                object.__setattr__(st, "example", step.example)
            if step.phase is Phase.RESET:
                for k in range(1, self.L):
                    st.Delta[k] = arr[f"Delta({k})"]
            elif step.phase is Phase.INPUT:
                st.a[1] = arr["a"]
            elif step.phase is Phase.FORWARD_Z:
                st.z[l] = arr["z"]
            elif step.phase is Phase.FORWARD_A:
                st.a[l] = arr["a"]
            elif step.phase in (Phase.OUTPUT_DELTA, Phase.HIDDEN_DELTA):
                st.d[l] = arr["d"]
            elif step.phase is Phase.ACCUMULATE:
                st.Delta[l] = arr["Delta"]
            elif step.phase is Phase.GRADIENT:
                st.D[l] = arr["D"]
            elif step.phase is Phase.UPDATE:
                st.Theta[l] = arr["Theta_new"]
        return st


def _step(steps: list[Step], phase: Phase, layer: int | None, example: int | None,
          equation: str, arrays: dict[str, np.ndarray], **values: float) -> None:
    steps.append(Step(len(steps), phase, layer, example, equation,
                      MappingProxyType({k: _frozen(v) for k, v in arrays.items()}),
                      MappingProxyType({k: float(v) for k, v in values.items()})))


def run_trace(net: TracedNetwork, X: np.ndarray, Y: np.ndarray, *, lam: float, lr: float,
              freeze_bias: bool, lam1: float = 0.0) -> Trace:
    """Return the Trace of the notes' algorithm on checked (m, n) X and (m, K) Y."""
    thetas = [np.array(t, dtype=np.float64) for t in net.thetas]
    L = len(thetas) + 1
    g_out, loss = net.g_out, net.loss
    m = X.shape[0]
    steps: list[Step] = []

    Delta = [np.zeros_like(t) for t in thetas]
    _step(steps, Phase.RESET, None, None, "Δ(l) := 0 for l = 1 .. " + str(L - 1),
          {f"Delta({l})": Delta[l - 1] for l in range(1, L)})

    for t in range(m):
        x, y = X[t].astype(np.float64), Y[t].astype(np.float64)
        a: dict[int, np.ndarray] = {1: x}
        z: dict[int, np.ndarray] = {}
        _step(steps, Phase.INPUT, 1, t, "a(1) = x", {"a": x})
        for l in range(1, L):
            a_in = np.concatenate(([1.0], a[l]))
            z[l + 1] = thetas[l - 1] @ a_in
            _step(steps, Phase.FORWARD_Z, l + 1, t, f"z({l + 1}) = Θ({l})·[1; a({l})]",
                  {"Theta": thetas[l - 1], "a_in": a_in, "z": z[l + 1]})
            a[l + 1] = net.g_of(l + 1).g(z[l + 1])
            _step(steps, Phase.FORWARD_A, l + 1, t, f"a({l + 1}) = g(z({l + 1}))",
                  {"z": z[l + 1], "a": a[l + 1]})

        d: dict[int, np.ndarray] = {}
        zL, aL = z[L][None, :], a[L][None, :]
        example_loss = loss.value(zL, aL, y[None, :])
        d[L] = loss.delta(zL, aL, y[None, :])[0]
        arrays = {"a": a[L], "y": y, "d": d[L]}
        if loss.delta_needs_g_prime:
            arrays["g_prime"] = g_out.prime(z[L])
        _step(steps, Phase.OUTPUT_DELTA, L, t, loss.delta_formula.replace("L", str(L)), arrays,
              loss=example_loss)

        for l in range(L - 1, 1, -1):
            back = thetas[l - 1].T @ d[l + 1]
            gp = net.g_of(l).prime(z[l])
            d[l] = back[1:] * gp
            _step(steps, Phase.HIDDEN_DELTA, l, t,
                  f"d({l}) = (Θ({l})ᵀ d({l + 1}))[without bias row] ⊙ g′(z({l}))",
                  {"Theta": thetas[l - 1], "d_next": d[l + 1], "Theta_T_d": back,
                   "g_prime": gp, "d": d[l]})

        for l in range(L - 1, 0, -1):
            a_in = np.concatenate(([1.0], a[l]))
            outer = np.outer(d[l + 1], a_in)
            Delta[l - 1] = Delta[l - 1] + outer
            _step(steps, Phase.ACCUMULATE, l, t, f"Δ({l}) := Δ({l}) + d({l + 1})·[1; a({l})]ᵀ",
                  {"d_next": d[l + 1], "a_in": a_in, "outer": outer, "Delta": Delta[l - 1]})

    D = []
    for l in range(1, L):
        Dl = Delta[l - 1] / m
        Dl[:, 1:] += (lam / m) * thetas[l - 1][:, 1:]
        if lam1:  # L1: the subgradient sign(Θ), 0 at 0; the bias column is left out too
            Dl[:, 1:] += (lam1 / m) * np.sign(thetas[l - 1][:, 1:])
        D.append(Dl)
        l1_term, l1_value = (f" + λ₁ sign(Θ({l}))", {"lam1": lam1}) if lam1 else ("", {})
        _step(steps, Phase.GRADIENT, l, None,
              f"D({l}) = (1/m)(Δ({l}) + λΘ({l}){l1_term}) for j ≥ 1;  "
              f"D({l}) = (1/m)Δ({l}) for j = 0",
              {"Delta": Delta[l - 1], "Theta": thetas[l - 1], "D": Dl}, m=m, lam=lam,
              **l1_value)

    after = []
    for l in range(1, L):
        step = lr * D[l - 1]
        if freeze_bias:
            step[:, 0] = 0.0
        new = thetas[l - 1] - step
        after.append(new)
        eq = f"Θ({l}) := Θ({l}) − α·D({l})" + ("  (bias column frozen)" if freeze_bias else "")
        _step(steps, Phase.UPDATE, l, None, eq,
              {"Theta": thetas[l - 1], "D": D[l - 1], "Theta_new": new}, lr=lr)

    J_before = net.cost(X, Y, lam, lam1)
    J_after = float("nan")
    if all(np.all(np.isfinite(t)) for t in after):
        probe = net.copy()
        probe.set_thetas(after)
        J_after = probe.cost(X, Y, lam, lam1)
    return Trace(tuple(steps), tuple(_frozen(t) for t in thetas),
                 tuple(_frozen(t) for t in after), tuple(_frozen(x) for x in D),
                 _frozen(X), _frozen(Y), J_before, J_after, lam, lr, freeze_bias,
                 net.activation, net.output, net.loss, tuple(net.hidden), lam1)
