"""Per-example losses and the output delta d(L) they give.

Shapes: z and a are (m, K) (one row per example), y is (m, K). ``value`` returns the loss summed
over all m examples (the cost J divides by m). Values are computed from z where a log is involved,
so no log(0) can appear.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.activations import ACTIVATIONS
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

LOSSES = ("cross_entropy", "squared_error")


def _binary_cross_entropy(z: np.ndarray, y: np.ndarray) -> float:
    # −[y log σ(z) + (1−y) log(1−σ(z))] = log(1 + e^z) − y z, and logaddexp never overflows.
    return float(np.sum(np.logaddexp(0.0, z) - y * z))


def _softmax_cross_entropy(z: np.ndarray, y: np.ndarray) -> float:
    zmax = np.max(z, axis=-1, keepdims=True)
    lse = zmax + np.log(np.sum(np.exp(z - zmax), axis=-1, keepdims=True))
    return float(np.sum(y * (lse - z)))


def _squared_error(a: np.ndarray, y: np.ndarray) -> float:
    diff = a - y
    return 0.5 * float(np.vdot(diff, diff))


@dataclass(frozen=True)
class Loss:
    """A loss with the output activation it is paired with."""

    name: str
    output: str

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
        """Return Σ over examples of the loss of output ``a`` = g(``z``) against ``y``."""
        if self.name == "squared_error":
            return _squared_error(a, y)
        if self.output == "softmax":
            return _softmax_cross_entropy(z, y)
        return _binary_cross_entropy(z, y)

    def per_example(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Return the loss of each example, shape (m,)."""
        return np.array([self.value(z[i : i + 1], a[i : i + 1], y[i : i + 1])
                         for i in range(z.shape[0])])

    def delta(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Return d(L): a − y for cross-entropy, (a − y) ⊙ g′(z) for squared error."""
        if self.name == "cross_entropy":
            return a - y
        return (a - y) * ACTIVATIONS[self.output].prime(z)

    @property
    def formula(self) -> str:
        """The per-example loss in the notes' notation."""
        if self.name == "squared_error":
            return "½ Σ_k (a_k(L) − y_k)²"
        if self.output == "softmax":
            return "−Σ_k y_k log a_k(L)"
        return "−Σ_k [y_k log a_k(L) + (1 − y_k) log(1 − a_k(L))]"

    @property
    def delta_formula(self) -> str:
        """The output delta d(L) in the notes' notation."""
        if self.name == "cross_entropy":
            return "d(L) = a(L) − y"
        return "d(L) = (a(L) − y) ⊙ g′(z(L))"


def make_loss(name: str, output: str) -> Loss:
    """Return the loss ``name`` for output ``output``, rejecting pairs that make no sense.

    Cross-entropy needs probabilities (sigmoid or softmax output); the squared error's d(L) uses an
    elementwise g′, which softmax does not have.
    """
    if name not in LOSSES:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown loss {name!r}: expected one of {allowed}"),
            name=name, allowed=", ".join(LOSSES))
    if name == "cross_entropy" and output == "linear":
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "loss 'cross_entropy' needs a sigmoid or softmax output (probabilities), "
                      "not 'linear': use loss 'squared_error' for a linear output"))
    if name == "squared_error" and output == "softmax":
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "loss 'squared_error' cannot be paired with a softmax output: its d(L) "
                      "would need the full softmax Jacobian; use loss 'cross_entropy' with "
                      "softmax"))
    return Loss(name, output)
