"""Activation functions g as small objects that own g, g′, their in-place forms and formula text.

``Activation`` is the one registry of names: ``Activation.get("tanh")`` (or ``Activation("tanh")``,
or a member such as ``Activation.TANH``) is the only place a name is looked up; everything else
asks the object (``g.is_bounded``, ``g.signed``, ``g.is_softmax`` ...). A member is also the str of
its name, so sessions store it as it is.

Every function takes an array ``z`` of any shape and returns an array of the same shape, and
stays finite for |z| up to 1e4 (no exp of a large positive number is ever taken). The in-place
forms are what the fast path (engine/fast_path.py) uses:

    g.apply_inplace(out, src=None)        out := g(src) (src defaults to out itself)
    g.times_prime_inplace(d, a, z, tmp)   d := d ⊙ g′(z), from a = g(z) (and z when
                                          ``prime_needs_z``); tmp is scratch shaped like d
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

LEAKY_SLOPE = 0.01   # leaky ReLU: g(z) = 0.01·z for z ≤ 0
ELU_ALPHA = 1.0      # ELU: g(z) = α(e^z − 1) for z ≤ 0
_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_K = 0.044715


def _sigmoid_into(src: np.ndarray, out: np.ndarray) -> np.ndarray:
    # σ(z) = ½(1 + tanh(z/2)): no exp, so nothing can overflow.
    np.multiply(src, 0.5, out=out)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Return g(z) = 1 / (1 + e^−z), computed as ½(1 + tanh(z/2)) so no exp can overflow."""
    z = np.asarray(z)
    return _sigmoid_into(z, np.empty(z.shape, np.result_type(z, np.float32)))


def sigmoid_inplace(z: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Write sigmoid(z) into ``out`` (which may be ``z`` itself) and return it."""
    return _sigmoid_into(z, out)


def softmax(z: np.ndarray) -> np.ndarray:
    """Return softmax over the last axis; the max is subtracted first so exp never overflows."""
    shifted = z - np.max(z, axis=-1, keepdims=True)
    np.exp(shifted, out=shifted)
    shifted /= np.sum(shifted, axis=-1, keepdims=True)
    return shifted


# --- the functions, elementwise; (g, g′ from z, in-place g, in-place d ⊙ g′) ------------------

def _elu(z: np.ndarray) -> np.ndarray:
    return np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0)))


def _gelu(z: np.ndarray) -> np.ndarray:
    # tanh approximation: ½ z (1 + tanh(√(2/π)(z + 0.044715 z³)))
    t = np.tanh(_GELU_C * (z + _GELU_K * z * z * z))
    return 0.5 * z * (1.0 + t)


def _gelu_prime(z: np.ndarray) -> np.ndarray:
    t = np.tanh(_GELU_C * (z + _GELU_K * z * z * z))
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * _GELU_C * (1.0 + 3.0 * _GELU_K * z * z)


def _assign(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[..., None]:
    def inplace(out: np.ndarray, src: np.ndarray | None = None) -> None:
        out[...] = fn(out if src is None else src)
    return inplace


def _sigmoid_times_prime(d, a, z, tmp) -> None:
    np.subtract(1.0, a, out=tmp)
    tmp *= a
    d *= tmp


def _tanh_times_prime(d, a, z, tmp) -> None:
    np.multiply(a, a, out=tmp)
    np.subtract(1.0, tmp, out=tmp)
    d *= tmp


def _relu_times_prime(d, a, z, tmp) -> None:
    np.sign(a, out=tmp)  # a = max(0, z) ≥ 0, so sign(a) is 1 where z > 0, else 0
    d *= tmp


def _leaky_times_prime(d, a, z, tmp) -> None:
    np.greater(a, 0.0, out=tmp)  # a has the sign of z
    tmp *= 1.0 - LEAKY_SLOPE
    tmp += LEAKY_SLOPE
    d *= tmp


def _elu_times_prime(d, a, z, tmp) -> None:
    # z ≤ 0: g′ = α e^z = a + α; z > 0: 1 (and a + α > 1 there when α = 1)
    np.add(a, ELU_ALPHA, out=tmp)
    np.minimum(tmp, 1.0, out=tmp)
    d *= tmp


def _softplus_times_prime(d, a, z, tmp) -> None:
    # g′ = σ(z) = 1 − e^(−a), since a = log(1 + e^z); a ≥ 0 so e^(−a) cannot overflow
    np.negative(a, out=tmp)
    np.expm1(tmp, out=tmp)
    np.negative(tmp, out=tmp)
    d *= tmp


def _gelu_times_prime(d, a, z, tmp) -> None:
    d *= _gelu_prime(z)


def _no_change(d, a, z, tmp) -> None:
    pass


def _softmax_times_prime(d, a, z, tmp) -> None:
    d[...] = np.nan  # softmax has a Jacobian, not an elementwise g′ (as ``prime`` says)


@dataclass(frozen=True)
class _Spec:
    g: Callable[[np.ndarray], np.ndarray]
    prime: Callable[[np.ndarray], np.ndarray]
    apply_inplace: Callable[..., None]
    times_prime_inplace: Callable[..., None]
    formula: str          # g(z) in plain text (the UI renders it)
    prime_formula: str    # g′(z) in plain text
    text_form: str        # g at one number: {z} the number, {p} it in brackets when negative
    html_form: str        # the same in the math panel's HTML
    description: str      # a sentence the UI translates (context "Engine")
    label: str            # the short name the UI translates (context "Engine")
    is_bounded: bool      # its values lie in a fixed interval
    signed: bool          # it takes negative values
    prime_needs_z: bool = False   # g′ cannot be had from a = g(z) alone


class Activation(StrEnum):
    """An activation g (a str: its name) with g, g′, their in-place forms and formula text."""

    SIGMOID = "sigmoid"
    TANH = "tanh"
    RELU = "relu"
    LINEAR = "linear"
    LEAKY_RELU = "leaky_relu"
    ELU = "elu"
    SOFTPLUS = "softplus"
    GELU = "gelu"
    SOFTMAX = "softmax"

    @classmethod
    def get(cls, name: str | Activation, *, output: bool = False) -> Activation:
        """Return the activation called ``name``, or raise ValueError naming the allowed ones
        (``output``: among the output activations, else among the hidden ones)."""
        allowed = OUTPUT_ACTIVATIONS if output else HIDDEN_ACTIVATIONS
        if not isinstance(name, str) or name not in allowed:
            if output:
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "unknown output {name!r}: expected one of {allowed}"),
                    name=str(name), allowed=", ".join(allowed))
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "unknown hidden activation {name!r}: expected one of {allowed}"),
                name=str(name), allowed=", ".join(allowed))
        return cls(name)

    @property
    def name(self) -> str:  # type: ignore[override]
        """Return the name the session format stores ("sigmoid"), not the member's "SIGMOID"."""
        return self._value_

    def g(self, z: np.ndarray) -> np.ndarray:
        """Return g(z) as a new array shaped like ``z``."""
        return self._spec.g(np.asarray(z))

    def prime(self, z: np.ndarray) -> np.ndarray:
        """Return g′(z), shaped like ``z`` (NaN for softmax, whose g′ is a Jacobian)."""
        return self._spec.prime(np.asarray(z))

    def prime_from_a(self, a: np.ndarray) -> np.ndarray:
        """Return g′(z) from a = g(z) (only when not ``prime_needs_z``)."""
        a = np.asarray(a)
        d = np.ones_like(a)
        self._spec.times_prime_inplace(d, a, None, np.empty_like(d))
        return d

    def apply_inplace(self, out: np.ndarray, src: np.ndarray | None = None) -> None:
        """Write g(src) into ``out`` (``src`` defaults to ``out``: g applied in place)."""
        self._spec.apply_inplace(out, src)

    def times_prime_inplace(self, d: np.ndarray, a: np.ndarray, z: np.ndarray | None,
                            tmp: np.ndarray) -> None:
        """Multiply ``d`` in place by g′(z), using a = g(z) (and z when ``prime_needs_z``);
        ``tmp`` is scratch of d's shape."""
        self._spec.times_prime_inplace(d, a, z, tmp)

    @property
    def formula(self) -> str:
        """Return g(z) in plain text, e.g. "g(z) = 1 / (1 + e^(−z))"."""
        return self._spec.formula

    @property
    def prime_formula(self) -> str:
        """Return g′(z) in plain text, e.g. "g′(z) = g(z)(1 − g(z))"."""
        return self._spec.prime_formula

    def text_at(self, z: str, p: str, sep: str = ", ") -> str:
        """Return g written at one number: ``z`` its text, ``p`` the same bracketed when
        negative, ``sep`` the list separator of the language."""
        return self._spec.text_form.format(z=z, p=p, sep=sep)

    def html_at(self, z: str, p: str, sep: str = ", ") -> str:
        """Return ``text_at`` in the math panel's HTML (powers as superscripts)."""
        return self._spec.html_form.format(z=z, p=p, sep=sep)

    @property
    def description(self) -> str:
        """Return a sentence naming g (English, marked for translation in context "Engine")."""
        return self._spec.description

    @property
    def label(self) -> str:
        """Return the short name shown in menus (English, context "Engine")."""
        return self._spec.label

    @property
    def is_bounded(self) -> bool:
        """Whether its values lie in a fixed interval (sigmoid, tanh, softmax)."""
        return self._spec.is_bounded

    @property
    def signed(self) -> bool:
        """Whether it takes negative values."""
        return self._spec.signed

    @property
    def is_softmax(self) -> bool:
        """Whether it normalizes a whole layer (softmax) rather than acting elementwise."""
        return self is Activation.SOFTMAX

    @property
    def is_identity(self) -> bool:
        """Whether g(z) = z."""
        return self is Activation.LINEAR

    @property
    def gives_probabilities(self) -> bool:
        """Whether its outputs are probabilities (what cross-entropy needs)."""
        return self in (Activation.SIGMOID, Activation.SOFTMAX)

    @property
    def prime_needs_z(self) -> bool:
        """Whether g′ needs z itself (g is not one-to-one, e.g. GELU), not just a = g(z)."""
        return self._spec.prime_needs_z


HIDDEN_ACTIVATIONS: tuple[str, ...] = ("sigmoid", "tanh", "relu", "linear", "leaky_relu", "elu",
                                       "softplus", "gelu")
OUTPUT_ACTIVATIONS: tuple[str, ...] = ("sigmoid", "softmax", "linear")


def _copy_into(out: np.ndarray, src: np.ndarray | None = None) -> None:
    if src is not None:
        np.copyto(out, src)


def _tanh_into(out: np.ndarray, src: np.ndarray | None = None) -> None:
    np.tanh(out if src is None else src, out=out)


def _relu_into(out: np.ndarray, src: np.ndarray | None = None) -> None:
    np.maximum(out if src is None else src, 0.0, out=out)


def _sigmoid_apply(out: np.ndarray, src: np.ndarray | None = None) -> None:
    _sigmoid_into(out if src is None else src, out)


def _sigmoid_prime(z: np.ndarray) -> np.ndarray:
    a = sigmoid(z)
    return a * (1.0 - a)


_SPECS: dict[Activation, _Spec] = {
    Activation.SIGMOID: _Spec(
        sigmoid, _sigmoid_prime,
        _sigmoid_apply,
        _sigmoid_times_prime,
        "g(z) = σ(z) = 1 / (1 + e^(−z))", "g′(z) = g(z) ⊙ (1 − g(z))",
        "1 / (1 + e^(−{p}))", "1 / (1 + e<sup>−{p}</sup>)",
        QT_TRANSLATE_NOOP("Engine", "g is the sigmoid"), QT_TRANSLATE_NOOP("Engine", "sigmoid"),
        is_bounded=True, signed=False),
    Activation.TANH: _Spec(
        np.tanh, lambda z: 1.0 - np.tanh(z) ** 2, _tanh_into, _tanh_times_prime,
        "g(z) = tanh(z)", "g′(z) = 1 − tanh²(z) = 1 − g(z)²",
        "tanh({z})", "tanh({p})",
        QT_TRANSLATE_NOOP("Engine", "g is tanh"), QT_TRANSLATE_NOOP("Engine", "tanh"),
        is_bounded=True, signed=True),
    Activation.RELU: _Spec(
        lambda z: np.maximum(z, 0.0),
        lambda z: (z > 0).astype(np.result_type(z, np.float32)), _relu_into, _relu_times_prime,
        "g(z) = max(0, z)", "g′(z) = 1 if z > 0, else 0",
        "max(0{sep}{z})", "max(0, {p})",
        QT_TRANSLATE_NOOP("Engine", "g is ReLU"), QT_TRANSLATE_NOOP("Engine", "ReLU"),
        is_bounded=False, signed=False),
    Activation.LINEAR: _Spec(
        lambda z: np.array(z, copy=True), np.ones_like, _copy_into, _no_change,
        "g(z) = z", "g′(z) = 1",
        "{z}", "{p}",
        QT_TRANSLATE_NOOP("Engine", "g is the identity"), QT_TRANSLATE_NOOP("Engine", "linear"),
        is_bounded=False, signed=True),
    Activation.LEAKY_RELU: _Spec(
        lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
        lambda z: np.where(z > 0, 1.0, LEAKY_SLOPE).astype(np.result_type(z, np.float32)),
        _assign(lambda z: np.where(z > 0, z, LEAKY_SLOPE * z)), _leaky_times_prime,
        "g(z) = max(0.01·z, z)", "g′(z) = 1 if z > 0, else 0.01",
        "max(0.01·{p}{sep}{z})", "max(0.01·{p}, {p})",
        QT_TRANSLATE_NOOP("Engine", "g is the leaky ReLU (slope 0.01 below 0)"),
        QT_TRANSLATE_NOOP("Engine", "leaky ReLU"),
        is_bounded=False, signed=True),
    Activation.ELU: _Spec(
        _elu, lambda z: np.where(z > 0, 1.0, np.exp(np.minimum(z, 0.0))),
        _assign(_elu), _elu_times_prime,
        "g(z) = z if z > 0, else e^z − 1  (ELU, α = 1)", "g′(z) = 1 if z > 0, else e^z = g(z) + 1",
        "ELU({z})", "ELU({z})",
        QT_TRANSLATE_NOOP("Engine", "g is the ELU: z above 0, e^z − 1 below"),
        QT_TRANSLATE_NOOP("Engine", "ELU"),
        is_bounded=False, signed=True),
    Activation.SOFTPLUS: _Spec(
        lambda z: np.logaddexp(0.0, z), sigmoid,
        _assign(lambda z: np.logaddexp(0.0, z)), _softplus_times_prime,
        "g(z) = log(1 + e^z)", "g′(z) = σ(z) = 1 / (1 + e^(−z))",
        "log(1 + e^{p})", "log(1 + e<sup>{p}</sup>)",
        QT_TRANSLATE_NOOP("Engine", "g is the softplus, a smooth ReLU"),
        QT_TRANSLATE_NOOP("Engine", "softplus"),
        is_bounded=False, signed=False),
    Activation.GELU: _Spec(
        _gelu, _gelu_prime, _assign(_gelu), _gelu_times_prime,
        "g(z) = ½ z (1 + tanh(√(2/π)(z + 0.044715 z³)))  (GELU, tanh approximation)",
        "g′(z) = ½(1 + t) + ½ z (1 − t²) √(2/π)(1 + 0.134145 z²),  "
        "t = tanh(√(2/π)(z + 0.044715 z³))",
        "GELU({z})", "GELU({z})",
        QT_TRANSLATE_NOOP("Engine", "g is the GELU (its tanh approximation)"),
        QT_TRANSLATE_NOOP("Engine", "GELU"),
        is_bounded=False, signed=True, prime_needs_z=True),
    Activation.SOFTMAX: _Spec(
        # g′ of softmax is a Jacobian, never used elementwise: losses.py rejects the pairing.
        softmax, lambda z: np.full_like(z, np.nan), _assign(softmax), _softmax_times_prime,
        "g(z)_k = e^(z_k) / Σ_j e^(z_j)", "(Jacobian)",
        "e^{p} / Σₖ e^z(k)", "e<sup>{z}</sup> / Σ<sub>k</sub> e<sup>z<sub>k</sub></sup>",
        QT_TRANSLATE_NOOP("Engine", "the output layer uses softmax"),
        QT_TRANSLATE_NOOP("Engine", "softmax"),
        is_bounded=True, signed=False),
}

# Each member holds its functions directly: the fast path asks for them every step, and a dict
# lookup would call the Enum's Python-level __hash__ each time.
for _member, _functions in _SPECS.items():
    _member._spec = _functions
    # The two the fast path calls per layer and step go straight to the function.
    _member.apply_inplace = _functions.apply_inplace
    _member.times_prime_inplace = _functions.times_prime_inplace

#: Every activation by name (the Enum's own lookup, kept for older callers).
ACTIVATIONS: dict[str, Activation] = {a.value: a for a in Activation}


def get_activation(name: str, *, output: bool = False) -> Activation:
    """Return ``Activation.get(name, output=output)``."""
    return Activation.get(name, output=output)


def activation_names(activation: Activation | list[Activation]) -> str:
    """Return "tanh" for one g, or "relu, tanh" for one per hidden layer."""
    if isinstance(activation, str):
        return str(activation)
    return ", ".join(str(g) for g in activation)
