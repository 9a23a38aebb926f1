"""The chain rule of one weight: the path from θ = Θ(l)[i, j] to J, multiplied out to D.

For one example t the weight acts through one unit, neuron i + 1 of layer l + 1:

    θ ──a(l)ⱼ──▶ z(l+1)ᵢ ──g′(z)──▶ a(l+1)ᵢ ──∂loss/∂a──▶ loss(t)

so ∂loss(t)/∂θ = a(l)ⱼ · d(l+1)ᵢ, with d(l+1)ᵢ = ∂loss(t)/∂z(l+1)ᵢ. For a hidden unit, a(l+1)ᵢ
feeds every unit k of layer l + 2, and the paths are summed:
∂loss/∂a(l+1)ᵢ = Σₖ Θ(l+1)[k, i+1] · d(l+2)ₖ. Over the m examples, as D is made:

    D(l)ᵢⱼ = (1/m) Σₜ d(l+1)ᵢ(t) · a(l)ⱼ(t)  +  (λ/m) θ   (no λ term for the bias, j = 0)

(plus (λ₁/m) sign(θ) with L1). ``loss_slice`` gives J as a function of that weight alone, whose
slope at θ is D. Indices: l from 1 as in the notes, i the 0-based row (unit i + 1 of layer
l + 1), j the column (j = 0 the bias weight).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.activations import Activation
from engine.gradient_check import check_weight_index
from engine.lesson.landscape import WeightRef, batched_costs
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network


@dataclass(frozen=True)
class ExamplePath:
    """The chain of one example t: each node's value and each edge's local derivative.

    ``dJ_da`` is ∂loss/∂a(l+1)ᵢ and ``g_prime`` g′(z(l+1)ᵢ); both are NaN at a softmax output,
    where d(L) = a − y is only had for z as a whole. For a hidden unit, ``theta_next`` holds
    Θ(l+1)[k, i+1] and ``d_next`` d(l+2)ₖ for every k (empty for an output unit).
    """

    example: int
    a_in: float          # a(l)ⱼ (1 for the bias unit): ∂z/∂θ
    z: float             # z(l+1)ᵢ
    a: float             # a(l+1)ᵢ
    g_prime: float       # ∂a/∂z
    dJ_da: float         # ∂loss/∂a
    d: float             # d(l+1)ᵢ = ∂loss/∂z
    loss: float          # the example's loss
    theta_next: tuple[float, ...]
    d_next: tuple[float, ...]

    @property
    def product(self) -> float:
        """Return this example's ∂loss/∂θ = d(l+1)ᵢ · a(l)ⱼ."""
        return self.d * self.a_in


@dataclass(frozen=True)
class ChainRule:
    """The chain of Θ(l)[i, j] for every example, and the D it multiplies out to."""

    l: int
    i: int
    j: int
    theta: float
    lam: float
    lam1: float
    J: float
    output_layer: bool
    paths: tuple[ExamplePath, ...]

    @property
    def m(self) -> int:
        """Return the number of examples."""
        return len(self.paths)

    @property
    def regularization(self) -> float:
        """Return the λ term of D: (λ/m)θ + (λ₁/m)sign(θ), 0 for the bias weight."""
        if self.j == 0:
            return 0.0
        return (self.lam * self.theta + self.lam1 * float(np.sign(self.theta))) / self.m

    @property
    def D(self) -> float:
        """Return (1/m) Σₜ d(l+1)ᵢ(t) · a(l)ⱼ(t) + the λ term: D(l)ᵢⱼ."""
        return sum(p.product for p in self.paths) / self.m + self.regularization


def chain_rule(net: Network, X: np.ndarray, Y: np.ndarray, l: int, i: int, j: int,
               lam: float = 0.0, lam1: float = 0.0) -> ChainRule:
    """Return the chain of Θ(l)[i, j] on the examples X (m, s(1)), Y (m, s(L)).

    The deltas are computed here from the forward pass, independently of the step records, so
    the two can be held against each other.
    """
    thetas = net.thetas
    check_weight_index(thetas, l, i, j)
    X, Y = net.prepare(X, Y)
    fwd = net.forward(X)
    L = net.L
    zs, acts = fwd.z, fwd.a       # index l − 1 holds layer l
    d = {L: net.loss.delta(zs[L - 1], acts[L - 1], Y)}
    for k in range(L - 1, l, -1):      # only as far back as layer l + 1
        back = d[k + 1] @ thetas[k - 1]
        d[k] = back[:, 1:] * net.g_of(k).prime(zs[k - 1])
    losses = net.loss.per_example(zs[L - 1], acts[L - 1], Y)
    out = l + 1 == L
    g = net.g_of(l + 1)
    paths = []
    for t in range(X.shape[0]):
        z = float(zs[l][t, i])
        a = float(acts[l][t, i])
        a_in = 1.0 if j == 0 else float(acts[l - 1][t, j - 1])
        dt = float(d[l + 1][t, i])
        theta_next: tuple[float, ...] = ()
        d_next: tuple[float, ...] = ()
        if g is Activation.SOFTMAX:
            gp = dJ_da = float("nan")
        else:
            gp = float(g.prime(np.array([z]))[0])
            if out:
                # Squared error: ∂loss/∂a = a − y. Cross-entropy: (a − y)/g′, which is why its
                # d(L) = a − y (the g′ cancels).
                diff = a - float(Y[t, i])
                dJ_da = diff if net.loss.delta_needs_g_prime else (
                    diff / gp if gp != 0 else float("nan"))
            else:
                theta_next = tuple(float(v) for v in thetas[l][:, i + 1])
                d_next = tuple(float(v) for v in d[l + 2][t])
                dJ_da = float(np.dot(theta_next, d_next))
        paths.append(ExamplePath(t, a_in, z, a, gp, dJ_da, dt, float(losses[t]),
                                 theta_next, d_next))
    J = net.cost(X, Y, lam, lam1)
    return ChainRule(l, i, j, float(thetas[l - 1][i, j]), float(lam), float(lam1), J, out,
                     tuple(paths))


@dataclass(frozen=True)
class LossSlice:
    """J along one weight, everything else fixed: J(``values[k]``) = ``costs[k]``; the centre
    is the current θ, where the slope is D."""

    theta: float
    values: np.ndarray
    costs: np.ndarray
    J: float

    def tangent(self, D: float) -> np.ndarray:
        """Return the tangent line J + D·(θ′ − θ) at ``values``."""
        return self.J + D * (self.values - self.theta)


def loss_slice(net: Network, X: np.ndarray, Y: np.ndarray, l: int, i: int, j: int,
               lam: float = 0.0, lam1: float = 0.0, span: float | None = None,
               points: int = 41) -> LossSlice:
    """Return J for ``points`` values of Θ(l)[i, j] evenly over θ ± ``span`` (default
    max(2, 2|θ|)), the others fixed; ``points`` odd, so the middle one is θ itself. Every value
    goes through the loss landscape's one batched pass (engine.lesson.landscape)."""
    if points < 3 or points % 2 == 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "points must be odd and at least 3, got {points}"), points=points)
    check_weight_index(net.thetas, l, i, j)
    keep = float(net.thetas[l - 1][i, j])
    half = max(2.0, 2 * abs(keep)) if span is None else float(span)
    if not (np.isfinite(half) and half > 0):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "span must be a positive number, got {span}"), span=span)
    offsets = np.linspace(-half, half, points)
    offsets[points // 2] = 0.0      # exactly θ, not θ plus rounding
    costs = batched_costs(net, X, Y, [WeightRef(l, i + 1, j)], offsets[:, None], lam, lam1)
    return LossSlice(keep, keep + offsets, costs, float(costs[points // 2]))
