"""Update rules that turn the gradients D(l) into the step subtracted from Θ(l).

Each optimizer writes its step for layer l into ``out`` (same shape as Θ(l)); the network then
applies Θ(l) := Θ(l) − step, after checking the result is finite.

Momentum and Adam remember per layer what earlier steps did (the velocity v; the moments m, v and
the step count t). ``state()`` returns copies of it, one entry per layer in the order of Θ, and
``set_state()`` puts such copies back, so a saved session continues exactly where it stopped.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from numpy.typing import DTypeLike

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.validation import check_real

OPTIMIZERS = ("gradient_descent", "momentum", "adam")


@dataclass
class GradientDescent:
    """Plain gradient descent: step = α D."""

    name: ClassVar[str] = "gradient_descent"
    lr: float

    def step(self, l: int, D: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Write α·D(l) into ``out`` and return it."""
        return np.multiply(D, self.lr, out=out)

    def reset(self) -> None:
        """Forget any state (none for plain gradient descent)."""

    def state(self) -> dict[str, list]:
        """Return the state to save: none (an empty dict)."""
        return {}

    def set_state(self, state: Mapping[str, Sequence], dtype: DTypeLike = np.float64) -> None:
        """Accept the empty state ``state()`` returns (there is nothing to restore)."""


@dataclass
class Momentum:
    """Heavy-ball momentum: v := β v + D, step = α v."""

    name: ClassVar[str] = "momentum"
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

    def state(self) -> dict[str, list]:
        """Return copies of the velocities: ``{"velocity": [v of Θ(1), v of Θ(2), …]}``, each of
        the shape of its Θ(l); an empty dict before the first step."""
        if not self._v:
            return {}
        return {"velocity": [self._v[l].copy() for l in range(len(self._v))]}

    def set_state(self, state: Mapping[str, Sequence], dtype: DTypeLike = np.float64) -> None:
        """Continue from ``state`` as ``state()`` returns it (copies in ``dtype``, the network's:
        the arithmetic must be the one an uninterrupted run does); empty means fresh."""
        self._v = {l: np.array(v, dtype=dtype) for l, v in enumerate(state.get("velocity", ()))}


@dataclass
class Adam:
    """Adam (Kingma & Ba, 2015) with bias-corrected first and second moments."""

    name: ClassVar[str] = "adam"
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

    def state(self) -> dict[str, list]:
        """Return copies of the moments and step counts: ``{"m": [...], "v": [...], "t": [...]}``,
        one entry per Θ(l) (m and v of its shape, t a whole number); empty before the first
        step."""
        if not self._m:
            return {}
        layers = range(len(self._m))
        return {"m": [self._m[l].copy() for l in layers], "v": [self._v[l].copy() for l in layers],
                "t": [int(self._t[l]) for l in layers]}

    def set_state(self, state: Mapping[str, Sequence], dtype: DTypeLike = np.float64) -> None:
        """Continue from ``state`` as ``state()`` returns it (copies in ``dtype``, the network's);
        empty means fresh."""
        m, v, t = state.get("m", ()), state.get("v", ()), state.get("t", ())
        self._m = {l: np.array(a, dtype=dtype) for l, a in enumerate(m)}
        self._v = {l: np.array(a, dtype=dtype) for l, a in enumerate(v)}
        self._t = {l: int(n) for l, n in enumerate(t)}


Optimizer = GradientDescent | Momentum | Adam


def make_optimizer(name: str, lr: float, **kwargs: float) -> Optimizer:
    """Return a new optimizer called ``name`` with learning rate ``lr``."""
    lr = check_real(lr, "learning rate (lr)", positive=True)
    if name == "gradient_descent":
        return GradientDescent(lr)
    if name == "momentum":
        return Momentum(lr, **kwargs)
    if name == "adam":
        return Adam(lr, **kwargs)
    raise EngineValueError(QT_TRANSLATE_NOOP(
        "Engine", "unknown optimizer {name!r}: expected one of {allowed}"),
        name=name, allowed=", ".join(OPTIMIZERS))


@dataclass(frozen=True)
class UpdatePreview:
    """One update Θ(l) := Θ(l) − step(l) as the optimizer would take it, without taking it.

    ``thetas``/``D``/``thetas_after`` are per layer, shaped like Θ(l). ``quantities`` holds per
    layer what the optimizer computed on the way: momentum ``v_before`` and ``v``; Adam ``m``,
    ``v``, ``m_hat``, ``v_hat`` (after this step). ``constants`` are its β's, ε and step count t.
    """

    optimizer: str
    lr: float
    freeze_bias: bool
    thetas: tuple[np.ndarray, ...]
    D: tuple[np.ndarray, ...]
    thetas_after: tuple[np.ndarray, ...]
    quantities: tuple[dict[str, np.ndarray], ...]
    constants: dict[str, float]


def step_preview(optimizer: Optimizer, thetas: Sequence[np.ndarray], D: Sequence[np.ndarray],
                 freeze_bias: bool = False) -> UpdatePreview:
    """Return the update ``optimizer`` (with its current state) would make to ``thetas`` given
    the gradients ``D``; ``optimizer`` itself is not changed.

    The arithmetic is the training step's (Network._apply): the optimizer's own ``step`` on a
    copy of its state, the bias column zeroed when frozen, then Θ − step, so the new Θ is the
    one a training step from the same state gives, bit for bit.
    """
    probe = copy.deepcopy(optimizer)
    before = probe.state()
    after, quantities = [], []
    for l, (theta, d) in enumerate(zip(thetas, D, strict=True)):
        out = np.empty_like(theta)
        step = probe.step(l, d, out)
        if step is not out:
            np.copyto(out, step)
        if freeze_bias:
            out[:, 0] = 0.0
        after.append(np.subtract(theta, out))
        quantities.append(_quantities(probe, l, before))
    constants: dict[str, float] = {}
    if isinstance(probe, Momentum):
        constants = {"beta": probe.beta}
    elif isinstance(probe, Adam):
        constants = {"beta1": probe.beta1, "beta2": probe.beta2, "eps": probe.eps,
                     "t": float(probe._t[0]) if probe._t else 1.0}
    return UpdatePreview(probe.name, float(probe.lr), freeze_bias,
                         tuple(np.array(t) for t in thetas), tuple(np.array(d) for d in D),
                         tuple(after), tuple(quantities), constants)


def _quantities(opt: Optimizer, l: int, before: Mapping[str, Sequence]) -> dict[str, np.ndarray]:
    if isinstance(opt, Momentum):
        old = before.get("velocity")
        v = opt._v[l]
        return {"v_before": np.zeros_like(v) if not old else np.array(old[l]), "v": v.copy()}
    if isinstance(opt, Adam):
        t = opt._t[l]
        m, v = opt._m[l], opt._v[l]
        return {"m": m.copy(), "v": v.copy(), "m_hat": m / (1.0 - opt.beta1**t),
                "v_hat": v / (1.0 - opt.beta2**t)}
    return {}
