"""Update rules that turn the gradients D(l) into the step subtracted from Θ(l).

Each optimizer writes its step for layer l into ``out`` (same shape as Θ(l)); the network then
applies Θ(l) := Θ(l) − step, after checking the result is finite.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

OPTIMIZERS = ("gradient_descent", "momentum", "adam")


@dataclass
class GradientDescent:
    """Plain gradient descent: step = α D."""

    lr: float

    def step(self, l: int, D: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Write α·D(l) into ``out`` and return it."""
        return np.multiply(D, self.lr, out=out)

    def reset(self) -> None:
        """Forget any state (none for plain gradient descent)."""


@dataclass
class Momentum:
    """Heavy-ball momentum: v := β v + D, step = α v."""

    lr: float
    beta: float = 0.9
    _v: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def step(self, l: int, D: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Update the velocity of layer l and write α·v into ``out``."""
        v = self._v.get(l)
        if v is None or v.shape != D.shape:
            v = self._v[l] = np.zeros_like(D)
        v *= self.beta
        v += D
        return np.multiply(v, self.lr, out=out)

    def reset(self) -> None:
        """Forget the velocities."""
        self._v.clear()


@dataclass
class Adam:
    """Adam (Kingma & Ba, 2015) with bias-corrected first and second moments."""

    lr: float
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    _m: dict[int, np.ndarray] = field(default_factory=dict, repr=False)
    _v: dict[int, np.ndarray] = field(default_factory=dict, repr=False)
    _t: dict[int, int] = field(default_factory=dict, repr=False)

    def step(self, l: int, D: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Update the moments of layer l and write the Adam step into ``out``."""
        if l not in self._m or self._m[l].shape != D.shape:
            self._m[l] = np.zeros_like(D)
            self._v[l] = np.zeros_like(D)
            self._t[l] = 0
        self._t[l] += 1
        t = self._t[l]
        m, v = self._m[l], self._v[l]
        m *= self.beta1
        m += (1.0 - self.beta1) * D
        v *= self.beta2
        v += (1.0 - self.beta2) * (D * D)
        m_hat_scale = self.lr / (1.0 - self.beta1**t)
        v_hat_scale = 1.0 / (1.0 - self.beta2**t)
        np.multiply(v, v_hat_scale, out=out)
        np.sqrt(out, out=out)
        out += self.eps
        np.divide(m, out, out=out)
        out *= m_hat_scale
        return out

    def reset(self) -> None:
        """Forget the moments."""
        self._m.clear()
        self._v.clear()
        self._t.clear()


Optimizer = GradientDescent | Momentum | Adam


def make_optimizer(name: str, lr: float, **kwargs: float) -> Optimizer:
    """Return a new optimizer called ``name`` with learning rate ``lr``."""
    if not np.isfinite(lr) or lr <= 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "learning rate must be a positive finite number, got {lr!r}"), lr=lr)
    if name == "gradient_descent":
        return GradientDescent(lr)
    if name == "momentum":
        return Momentum(lr, **kwargs)
    if name == "adam":
        return Adam(lr, **kwargs)
    raise EngineValueError(QT_TRANSLATE_NOOP(
        "Engine", "unknown optimizer {name!r}: expected one of {allowed}"),
        name=name, allowed=", ".join(OPTIMIZERS))
