"""A deliberately plain backpropagation, written from the course notes for the tests only.

It builds [1; a] with np.concatenate, loops over examples and uses textbook formulas, so it shares
no code with the engine's vectorized path.
"""

from __future__ import annotations

import numpy as np


def g(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.where(z > 0, z, 0.0)
    if name == "linear":
        return z.copy()
    if name == "softmax":  # over the last axis: one example (1-D) or one per row (2-D)
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    raise AssertionError(name)


def g_prime(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1 - s)
    if name == "tanh":
        return 1 - np.tanh(z) ** 2
    if name == "relu":
        return (z > 0).astype(float)
    return np.ones_like(z)


def cost_and_gradients(thetas, X, Y, act, out, loss, lam):
    """Return J and D computed example by example."""
    m = X.shape[0]
    Delta = [np.zeros_like(t) for t in thetas]
    J = 0.0
    for x, y in zip(X, Y, strict=True):
        a, z = [x], [None]
        for k, t in enumerate(thetas):
            zz = t @ np.concatenate(([1.0], a[-1]))
            z.append(zz)
            a.append(g(out if k == len(thetas) - 1 else act, zz))
        aL = a[-1]
        if loss == "squared_error":
            J += 0.5 * np.sum((aL - y) ** 2)
            d = (aL - y) * g_prime(out, z[-1])
        elif out == "softmax":
            J += -np.sum(y * np.log(aL))
            d = aL - y
        else:
            J += -np.sum(y * np.log(aL) + (1 - y) * np.log(1 - aL))
            d = aL - y
        for k in range(len(thetas) - 1, -1, -1):
            Delta[k] += np.outer(d, np.concatenate(([1.0], a[k])))
            if k > 0:
                d = (thetas[k].T @ d)[1:] * g_prime(act, z[k])
    J = J / m + lam / (2 * m) * sum(np.sum(t[:, 1:] ** 2) for t in thetas)
    D = []
    for t, dl in zip(thetas, Delta, strict=True):
        reg = np.zeros_like(t)
        reg[:, 1:] = lam * t[:, 1:]
        D.append((dl + reg) / m)
    return J, D
