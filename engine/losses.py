"""Per-example losses and the output delta d(L) they give, as small objects.

Shapes: z and a are (m, K) (one row per example), y is (m, K). ``value`` returns the loss summed
over all m examples (the cost J divides by m). Values are computed from z where a log is involved,
so no log(0) can appear. ``Loss.get(name, output)`` (or ``make_loss``) is the only place a loss
name is looked up; ``str(loss)`` is its name, what the session format stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from engine.activations import Activation
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

LOSSES = ("cross_entropy", "squared_error")


@dataclass(frozen=True)
class Loss:
    """A loss paired with the output activation ``output`` it is used with."""

    output: Activation
    name: ClassVar[str] = ""
    #: Whether the loss is a log-likelihood (its targets must lie in [0, 1]).
    uses_log_likelihood: ClassVar[bool] = False
    #: Whether d(L) carries the factor g′(z(L)) (it cancels for cross-entropy).
    delta_needs_g_prime: ClassVar[bool] = False
    #: The loss's name as the UI shows it (English, context "Engine").
    label: ClassVar[str] = ""

    @staticmethod
    def get(name: str, output: str | Activation) -> Loss:
        """Return the loss ``name`` for output ``output``, rejecting pairs that make no sense.

        Cross-entropy needs probabilities (sigmoid or softmax output); the squared error's d(L)
        uses an elementwise g′, which softmax does not have.
        """
        return Loss.kind(name)(Activation.get(output, output=True))

    @staticmethod
    def kind(name: str) -> type[Loss]:
        """Return the class of the loss ``name`` (before pairing it with an output)."""
        kind = _KINDS.get(name) if isinstance(name, str) else None
        if kind is None:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "unknown loss {name!r}: expected one of {allowed}"),
                name=str(name), allowed=", ".join(LOSSES))
        return kind

    def __post_init__(self) -> None:
        self.check_output(self.output)

    @classmethod
    def accepts(cls, output: Activation) -> bool:
        """Return whether this loss can be paired with ``output``."""
        try:
            cls.check_output(output)
        except ValueError:
            return False
        return True

    @staticmethod
    def check_output(output: Activation) -> None:
        """Raise ValueError if this loss cannot be paired with ``output``."""

    def __str__(self) -> str:
        return self.name

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
        """Return Σ over examples of the loss of output ``a`` = g(``z``) against ``y``."""
        raise NotImplementedError

    def per_example(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Return the loss of each example, shape (m,)."""
        return np.array([self.value(z[i : i + 1], a[i : i + 1], y[i : i + 1])
                         for i in range(z.shape[0])])

    def delta(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Return d(L): a − y, times g′(z) when ``delta_needs_g_prime``."""
        d = a - y
        if self.delta_needs_g_prime:
            d = d * self.output.prime(z)
        return d

    @property
    def formula(self) -> str:
        """The per-example loss in the notes' notation."""
        raise NotImplementedError

    @property
    def delta_formula(self) -> str:
        """The output delta d(L) in the notes' notation."""
        if self.delta_needs_g_prime:
            return "d(L) = (a(L) − y) ⊙ g′(z(L))"
        return "d(L) = a(L) − y"


@dataclass(frozen=True)
class CrossEntropy(Loss):
    """−Σ y log a (softmax) or −Σ [y log a + (1 − y) log(1 − a)] (sigmoid); d(L) = a − y."""

    name: ClassVar[str] = "cross_entropy"
    uses_log_likelihood: ClassVar[bool] = True
    label: ClassVar[str] = QT_TRANSLATE_NOOP("Engine", "cross-entropy")

    @staticmethod
    def check_output(output: Activation) -> None:
        if not output.gives_probabilities:
            # The only output that gives no probabilities is linear.
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "loss 'cross_entropy' needs a sigmoid or softmax output (probabilities), "
                          "not 'linear': use loss 'squared_error' for a linear output"))

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
        if self.output.is_softmax:
            zmax = np.max(z, axis=-1, keepdims=True)
            lse = zmax + np.log(np.sum(np.exp(z - zmax), axis=-1, keepdims=True))
            return float(np.sum(y * (lse - z)))
        # −[y log σ(z) + (1−y) log(1−σ(z))] = log(1 + e^z) − y z, and logaddexp never overflows.
        return float(np.sum(np.logaddexp(0.0, z) - y * z))

    @property
    def formula(self) -> str:
        if self.output.is_softmax:
            return "−Σ_k y_k log a_k(L)"
        return "−Σ_k [y_k log a_k(L) + (1 − y_k) log(1 − a_k(L))]"


@dataclass(frozen=True)
class SquaredError(Loss):
    """½ Σ (a − y)²; d(L) = (a − y) ⊙ g′(z)."""

    name: ClassVar[str] = "squared_error"
    delta_needs_g_prime: ClassVar[bool] = True
    label: ClassVar[str] = QT_TRANSLATE_NOOP("Engine", "½ squared error")

    @staticmethod
    def check_output(output: Activation) -> None:
        if output.is_softmax:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "loss 'squared_error' cannot be paired with a softmax output: its d(L) "
                          "would need the full softmax Jacobian; use loss 'cross_entropy' with "
                          "softmax"))

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
        diff = a - y
        return 0.5 * float(np.vdot(diff, diff))

    @property
    def formula(self) -> str:
        return "½ Σ_k (a_k(L) − y_k)²"


_KINDS: dict[str, type[Loss]] = {k.name: k for k in (CrossEntropy, SquaredError)}


def make_loss(name: str, output: str | Activation) -> Loss:
    """Return ``Loss.get(name, output)``."""
    return Loss.get(name, output)
