"""Numerical gradient checking: central differences against the backpropagated D."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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


MAX_CHECKED_WEIGHTS = 5000   # central differences cost 2 costs per weight; beyond this, skip


def layer_differences(net: Network, X: np.ndarray, Y: np.ndarray, D: list[np.ndarray],
                      lam: float = 0.0, eps: float = 1e-4) -> list[float] | None:
    """Return, per layer, the largest relative difference |num − D| / max(|num| + |D|, 1e-12)
    between central differences and a given D (a mistake's, say), or None when the network has
    more than ``MAX_CHECKED_WEIGHTS`` weights."""
    if sum(t.size for t in net.thetas) > MAX_CHECKED_WEIGHTS:
        return None
    num = numerical_gradients(net, X, Y, lam, check_real(eps, "eps", positive=True))
    out = []
    for n, a in zip(num, D, strict=True):
        rel = np.abs(n - a) / np.maximum(np.abs(n) + np.abs(a), 1e-12)
        out.append(float(rel.max()))
    return out
