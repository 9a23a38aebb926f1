"""Numerical gradient checking: central differences against the backpropagated D.

The notes' advice: with ε = 10⁻⁴, (J(θ + ε) − J(θ − ε)) / 2ε agrees with backprop's D to a
relative difference of about 10⁻⁹ when the backpropagation is right; a mistake shows as a
difference of 10⁻² or more where it acts. Shapes: every D(l) and its check are shaped like Θ(l),
(s(l+1), 1 + s(l)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from engine.activations import Activation
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network
from engine.validation import check_real


@dataclass(frozen=True)
class GradientCheck:
    """The numerical and backpropagated gradients, per layer, and how far apart they are.

    ``relative_difference`` is ‖num − D‖ / ‖num + D‖ over all weights (0 when both are 0);
    below about 1e-7 the backpropagation is right.
    """

    numerical: list[np.ndarray]
    analytic: list[np.ndarray]
    relative_difference: float


def numerical_gradients(net: Network, X: np.ndarray, Y: np.ndarray, lam: float = 0.0,
                        eps: float = 1e-4, lam1: float = 0.0) -> list[np.ndarray]:
    """Return (J(Θ + ε) − J(Θ − ε)) / 2ε for every weight, shaped like ``net.thetas``."""
    probe = net.copy()
    x, y = probe.prepare(X, Y)
    grads = []
    for theta in probe.thetas:
        num = np.zeros_like(theta, dtype=np.float64)
        for idx in np.ndindex(theta.shape):
            keep = theta[idx]
            theta[idx] = keep + eps
            plus = probe._cost_and_gradients_prepared(x, y, lam, lam1)[0]
            theta[idx] = keep - eps
            minus = probe._cost_and_gradients_prepared(x, y, lam, lam1)[0]
            theta[idx] = keep
            num[idx] = (plus - minus) / (2 * eps)
        grads.append(num)
    return grads


def gradient_check(net: Network, X: np.ndarray, Y: np.ndarray, lam: float = 0.0,
                   eps: float = 1e-4, lam1: float = 0.0) -> GradientCheck:
    """Return the numerical gradient (central differences, step ``eps``) beside D and their
    relative difference."""
    eps = check_real(eps, "eps", positive=True)
    num = numerical_gradients(net, X, Y, lam, eps, lam1)
    ana = net.gradients(X, Y, lam, lam1)
    diff = np.sqrt(sum(float(np.sum((n - a) ** 2)) for n, a in zip(num, ana, strict=True)))
    total = np.sqrt(sum(float(np.sum((n + a) ** 2)) for n, a in zip(num, ana, strict=True)))
    rel = 0.0 if total == 0 else diff / total
    return GradientCheck(num, ana, float(rel))


#: The floor of the relative difference's denominator: where D and the central difference are
#: both zero (an input that is always 0, say) the two agree, and 0/0 must not say otherwise.
TINY = 1e-12

#: The notes' step for central differences.
EPSILON = 1e-4

#: Below this relative difference an entry agrees: the notes expect about 10⁻⁹; a small D can
#: reach 10⁻⁷ from the central difference's own ε² error; a wrong gradient gives 10⁻⁴ and more.
AGREEMENT = 1e-6


class CostModel(Protocol):
    """What the checks need of a network: its weights and its cost."""

    thetas: list[np.ndarray]

    def cost(self, X: np.ndarray, Y: np.ndarray, lam: float = 0.0,
             lam1: float = 0.0) -> float: ...

    def copy(self) -> CostModel: ...


class TracedRun(Protocol):
    """What ``network_of`` reads of a trace (engine.trace.Trace has it)."""

    thetas: tuple[np.ndarray, ...]
    hidden: tuple[Activation, ...]
    output: Activation
    loss: Loss


def network_of(trace: TracedRun) -> Network:
    """Return a network with the weights a trace starts from (Θ before its update) and the
    trace's activations and loss, to evaluate J around those weights."""
    hidden = [g.name for g in trace.hidden]
    return Network.from_thetas([np.array(t) for t in trace.thetas],
                               hidden if hidden else "sigmoid", trace.output.name,
                               trace.loss.name)


def check_weight_index(thetas: Sequence[np.ndarray], l: int, i: int, j: int) -> None:
    """Raise ValueError unless Θ(l)[i, j] (l from 1) is a weight of ``thetas``."""
    if not 1 <= l <= len(thetas):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "layer l must be 1..{last}, got {l}"), last=len(thetas), l=l)
    shape = thetas[l - 1].shape
    if not (0 <= i < shape[0] and 0 <= j < shape[1]):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "Θ({l}) has shape {shape}; index ({i}, {j}) is outside it"),
            l=l, shape=shape, i=i, j=j)


def central_difference(net: CostModel, X: np.ndarray, Y: np.ndarray, l: int, i: int, j: int,
                       lam: float = 0.0, eps: float = EPSILON, lam1: float = 0.0) -> float:
    """Return (J(θ + ε) − J(θ − ε)) / 2ε for the one weight θ = Θ(l)[i, j] (l from 1): two
    cost evaluations on a copy, ``net`` untouched."""
    eps = check_real(eps, "eps", positive=True)
    check_weight_index(net.thetas, l, i, j)
    probe = net.copy()
    theta = probe.thetas[l - 1]
    keep = float(theta[i, j])
    theta[i, j] = keep + eps
    plus = probe.cost(X, Y, lam, lam1)
    theta[i, j] = keep - eps
    minus = probe.cost(X, Y, lam, lam1)
    return (plus - minus) / (2 * eps)


def relative_difference(analytic: np.ndarray | float, numerical: np.ndarray | float,
                        tiny: float = TINY) -> np.ndarray:
    """Return |D − D_num| / max(|D| + |D_num|, tiny), entry by entry."""
    a, n = np.asarray(analytic, dtype=np.float64), np.asarray(numerical, dtype=np.float64)
    return np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), tiny)


@dataclass(frozen=True)
class LayerCheck:
    """The gradient check of every Θ(l), entry by entry: ``relative[l − 1]`` is shaped like
    Θ(l) and holds |D − D_num| / max(|D| + |D_num|, tiny)."""

    numerical: tuple[np.ndarray, ...]
    analytic: tuple[np.ndarray, ...]
    relative: tuple[np.ndarray, ...]
    eps: float

    @property
    def worst(self) -> tuple[float, ...]:
        """Return the largest relative difference of each layer (Θ(1) first)."""
        return tuple(float(r.max()) if r.size else 0.0 for r in self.relative)


def check_layers(net: Network, X: np.ndarray, Y: np.ndarray, D: Sequence[np.ndarray] | None = None,
                 lam: float = 0.0, eps: float = EPSILON, lam1: float = 0.0) -> LayerCheck:
    """Return the per-entry gradient check of ``D`` (default: the network's own backprop D on
    X, Y) against central differences with step ``eps``."""
    eps = check_real(eps, "eps", positive=True)
    analytic = [np.array(d, dtype=np.float64) for d in
                (net.gradients(X, Y, lam, lam1) if D is None else D)]
    shapes = [t.shape for t in net.thetas]
    if [d.shape for d in analytic] != shapes:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "D has shapes {got}; the network's Θ have {expected}"),
            got=[d.shape for d in analytic], expected=shapes)
    numerical = numerical_gradients(net, X, Y, lam, eps, lam1)
    relative = [relative_difference(a, n) for a, n in zip(analytic, numerical, strict=True)]
    return LayerCheck(tuple(numerical), tuple(analytic), tuple(relative), eps)


MAX_CHECKED_WEIGHTS = 5000   # central differences cost 2 costs per weight; beyond this, skip


def layer_differences(net: Network, X: np.ndarray, Y: np.ndarray, D: list[np.ndarray],
                      lam: float = 0.0, eps: float = EPSILON, lam1: float = 0.0
                      ) -> list[float] | None:
    """Return, per layer, the largest relative difference between central differences and a
    given D (a mistake's, say), or None when the network has more than
    ``MAX_CHECKED_WEIGHTS`` weights."""
    if sum(t.size for t in net.thetas) > MAX_CHECKED_WEIGHTS:
        return None
    return list(check_layers(net, X, Y, D, lam, eps, lam1).worst)
