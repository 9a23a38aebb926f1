"""Activation functions g and their derivatives g′, written so they never overflow.

Every function takes an array ``z`` of any shape and returns an array of the same shape.
The ``*_inplace`` helpers write into ``out`` so the training loop allocates nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")
OUTPUT_ACTIVATIONS = ("sigmoid", "softmax", "linear")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Return g(z) = 1 / (1 + e^−z), computed as ½(1 + tanh(z/2)) so no exp can overflow."""
    out = np.multiply(z, 0.5)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


def sigmoid_inplace(z: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Write sigmoid(z) into ``out`` (which may be ``z`` itself) and return it."""
    np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    """Return softmax over the last axis; the max is subtracted first so exp never overflows."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    np.exp(shifted, out=shifted)
    shifted /= np.sum(shifted, axis=-1, keepdims=True)
    return shifted


def relu(z: np.ndarray) -> np.ndarray:
    """Return max(0, z)."""
    return np.maximum(z, 0.0)


def linear(z: np.ndarray) -> np.ndarray:
    """Return z unchanged (a copy)."""
    return np.array(z, copy=True)


def tanh(z: np.ndarray) -> np.ndarray:
    """Return tanh(z)."""
    return np.tanh(z)


@dataclass(frozen=True)
class Activation:
    """An activation g with its derivative g′.

    ``prime`` takes z (as in the notes, g′(z)); ``prime_from_a`` gives the same value from
    a = g(z), which is what the fast path keeps.
    """

    name: str
    g: Callable[[np.ndarray], np.ndarray]
    prime: Callable[[np.ndarray], np.ndarray]
    prime_from_a: Callable[[np.ndarray], np.ndarray]
    formula: str
    prime_formula: str


def _sigmoid_prime(z: np.ndarray) -> np.ndarray:
    a = sigmoid(z)
    return a * (1.0 - a)


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid", sigmoid, _sigmoid_prime, lambda a: a * (1.0 - a),
        "g(z) = 1 / (1 + e^(−z))", "g′(z) = g(z) ⊙ (1 − g(z))",
    ),
    "tanh": Activation(
        "tanh", tanh, lambda z: 1.0 - np.tanh(z) ** 2, lambda a: 1.0 - a * a,
        "g(z) = tanh(z)", "g′(z) = 1 − tanh²(z)",
    ),
    "relu": Activation(
        "relu", relu, lambda z: (z > 0).astype(np.result_type(z, np.float32)),
        lambda a: (a > 0).astype(a.dtype),
        "g(z) = max(0, z)", "g′(z) = 1 if z > 0 else 0",
    ),
    "linear": Activation(
        "linear", linear, np.ones_like, np.ones_like, "g(z) = z", "g′(z) = 1",
    ),
    "softmax": Activation(
        # g′ of softmax is a Jacobian, never used elementwise: losses.py rejects the pairing.
        "softmax", softmax, lambda z: np.full_like(z, np.nan), lambda a: np.full_like(a, np.nan),
        "g(z)_k = e^(z_k) / Σ_j e^(z_j)", "(Jacobian)",
    ),
}


def get_activation(name: str, *, output: bool = False) -> Activation:
    """Return the activation called ``name``, or raise ValueError naming the allowed ones."""
    allowed = OUTPUT_ACTIVATIONS if output else HIDDEN_ACTIVATIONS
    if name not in allowed:
        if output:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "unknown output {name!r}: expected one of {allowed}"),
                name=name, allowed=", ".join(allowed))
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown hidden activation {name!r}: expected one of {allowed}"),
            name=name, allowed=", ".join(allowed))
    return ACTIVATIONS[name]
