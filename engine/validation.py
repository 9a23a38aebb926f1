"""Checks that turn bad input into a ValueError naming the problem."""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

# The limits a session file states (docs/session-format.md), so that whatever the engine builds
# can be saved and opened again — and a typo such as Network([100000, 100000]) cannot ask numpy
# for 75 GiB.
MAX_LAYERS = 64
MAX_LAYER_SIZE = 4096
MAX_PARAMETERS = 4_000_000           # Σ size of every Θ(l)
MAX_EXAMPLES_GENERATED = 100_000


def check_real(value: object, name: str, lo: float | None = None, hi: float | None = None,
               positive: bool = False) -> float:
    """Return ``value`` as a float if it is a real finite number in the bounds given; raise
    ValueError naming ``name`` otherwise (texts such as "0.5", true/false, None and complex
    numbers are not numbers here)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a real number, got {value}"),
            name=name, value=f"{type(value).__name__} {str(value)[:40]!r}")
    x = float(value)
    if not math.isfinite(x) or (positive and x <= 0) or (lo is not None and x < lo) or \
            (hi is not None and x > hi):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a finite number in {bounds}, got {value!r}"),
            name=name, value=x, bounds=_bounds(lo, hi, positive))
    return x


def _bounds(lo: float | None, hi: float | None, positive: bool) -> str:
    low = "(0" if positive else ("(−∞" if lo is None else f"[{lo:g}")
    return f"{low}, {'∞)' if hi is None else f'{hi:g}]'}"


def check_whole(value: object, name: str, lo: int, hi: int) -> int:
    """Return ``value`` as an int if it is a whole number lo..hi (not a float, text or bool);
    raise ValueError naming ``name`` otherwise."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or \
            not lo <= int(value) <= hi:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a whole number {lo}..{hi}, got {value}"),
            name=name, lo=lo, hi=hi, value=f"{str(value)[:40]!r}")
    return int(value)


def check_layer_sizes(layer_sizes: Sequence[int]) -> list[int]:
    """Return ``layer_sizes`` as a list of ints, or raise ValueError naming the bad entry."""
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "a network needs at least 2 layers (input and output), got {count}"),
            count=len(sizes))
    out = []
    for i, s in enumerate(sizes, start=1):
        if isinstance(s, bool) or not isinstance(s, (int, np.integer)):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "layer {layer} size must be a whole number, got {size!r}"),
                layer=i, size=s)
        if s < 1:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "layer {layer} size must be at least 1, got {size}"), layer=i, size=s)
        if s > MAX_LAYER_SIZE:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "layer {layer} size {size} is larger than the limit {limit} (the "
                          "session format's)"),
                layer=i, size=s, limit=MAX_LAYER_SIZE)
        out.append(int(s))
    if len(out) > MAX_LAYERS:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "a network may have at most {limit} layers (the session format's limit), "
                      "got {count}"), limit=MAX_LAYERS, count=len(out))
    count = sum(b * (1 + a) for a, b in zip(out[:-1], out[1:], strict=False))
    if count > MAX_PARAMETERS:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "layer sizes {sizes} need {count} weights; the limit (the session "
                      "format's) is {limit}"), sizes=str(out)[:80], count=count,
            limit=MAX_PARAMETERS)
    return out


def check_thetas(thetas: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Return float copies of ``thetas`` after checking they are finite 2-D matrices that chain.

    Θ(l) must have shape (s(l+1), 1 + s(l)): its column count minus the bias column must equal the
    row count of Θ(l−1).
    """
    if len(thetas) < 1:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "a network needs at least one weight matrix Θ(1)"))
    out = []
    for l, theta in enumerate(thetas, start=1):
        try:
            t = np.array(theta, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            # numpy's own explanation of the bad entry follows, as it comes.
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) is not a numeric matrix: {reason}"), l=l, reason=str(exc)) \
                from None
        if t.ndim != 2:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) must be a 2-D matrix, got shape {shape}"), l=l, shape=t.shape)
        if t.shape[0] < 1 or t.shape[1] < 2:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) has shape {shape}: it needs at least 1 row and 2 columns "
                          "(column 0 holds the bias weights)"), l=l, shape=t.shape)
        if not np.all(np.isfinite(t)):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) contains NaN or infinite values"), l=l)
        if out and t.shape[1] != out[-1].shape[0] + 1:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) has shape {shape} but Θ({previous}) has shape {prev_shape}: "
                          "Θ({l}) needs {columns} columns (1 bias + {rows})"),
                l=l, shape=t.shape, previous=l - 1, rows=out[-1].shape[0],
                prev_shape=out[-1].shape, columns=out[-1].shape[0] + 1)
        out.append(t)
    return out


def check_inputs(X: np.ndarray, n_inputs: int, name: str = "X") -> np.ndarray:
    """Return X as a float (m, n) array, or raise ValueError for a wrong shape or NaN/inf."""
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise EngineValueError(QT_TRANSLATE_NOOP("Engine", "{name} is not numeric: {reason}"),
                               name=name, reason=str(exc)) from None
    if arr.ndim == 1 and n_inputs == arr.shape[0]:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a 2-D array of shape (m, {inputs}), got {shape}"),
            name=name, inputs=n_inputs, shape=arr.shape)
    if arr.shape[1] != n_inputs:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must have shape (m, {inputs}) to match the network's input layer "
                      "s(1) = {inputs}, got {shape}"),
            name=name, inputs=n_inputs, shape=arr.shape)
    if arr.shape[0] < 1:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} has no examples (shape {shape})"), name=name, shape=arr.shape)
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} contains NaN or infinite values (first at row {row}, column "
                      "{column})"), name=name, row=int(bad[0]), column=int(bad[1]))
    return arr


def check_targets(Y: np.ndarray, m: int, n_outputs: int, probabilities: bool) -> np.ndarray:
    """Return Y as a float (m, K) array.

    A 1-D array of integer class labels 0..K−1 is one-hot encoded when K > 1. Raise ValueError
    on a row-count mismatch, NaN/inf, labels out of range, or targets outside [0, 1] when the
    loss needs ``probabilities`` (cross-entropy: ``Loss.uses_log_likelihood``).
    """
    try:
        arr = np.asarray(Y, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise EngineValueError(QT_TRANSLATE_NOOP("Engine", "Y is not numeric: {reason}"),
                               reason=str(exc)) from None
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    if not np.all(np.isfinite(arr)):
        raise EngineValueError(QT_TRANSLATE_NOOP("Engine", "Y contains NaN or infinite values"))
    if arr.ndim == 1:
        if n_outputs == 1:
            arr = arr.reshape(-1, 1)
        elif arr.shape[0] == n_outputs and m == 1:
            arr = arr.reshape(1, -1)
        else:
            if not np.all(arr == np.round(arr)):
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "Y is 1-D, so it must hold class labels 0..{last}, but it has "
                              "non-integer values"), last=n_outputs - 1)
            lo, hi = arr.min(), arr.max()
            if lo < 0 or hi > n_outputs - 1:
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "class label out of range: labels must be 0..{last} for {outputs} "
                              "outputs, got values from {lo:g} to {hi:g}"),
                    last=n_outputs - 1, outputs=n_outputs, lo=float(lo), hi=float(hi))
            onehot = np.zeros((arr.shape[0], n_outputs))
            onehot[np.arange(arr.shape[0]), arr.astype(np.intp)] = 1.0
            arr = onehot
    if arr.ndim != 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "Y must be (m, {outputs}) or 1-D labels, got shape {shape}"),
            outputs=n_outputs, shape=arr.shape)
    if arr.shape[0] != m:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "X and Y must have one row per example, the same number: X has {m}, Y "
                      "{rows}"), m=m, rows=arr.shape[0])
    if arr.shape[1] != n_outputs:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "Y must have shape ({m}, {outputs}) to match the network's output layer "
                      "s(L) = {outputs}, got {shape}"), outputs=n_outputs, m=m, shape=arr.shape)
    if probabilities and (arr.min() < 0 or arr.max() > 1):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "targets out of range: cross-entropy needs targets in [0, 1], got values "
                      "from {lo:g} to {hi:g}"), lo=float(arr.min()), hi=float(arr.max()))
    return arr


def check_lam(lam: float) -> float:
    """Return the L2 regularization λ as a float, or raise ValueError unless finite and ≥ 0."""
    if not np.isfinite(lam) or lam < 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "regularization λ must be a finite number ≥ 0, got {lam!r}"), lam=lam)
    return float(lam)


def check_lam1(lam1: float) -> float:
    """Return the L1 regularization λ₁ as a float, or raise ValueError unless finite and ≥ 0."""
    if not np.isfinite(lam1) or lam1 < 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "L1 regularization λ₁ must be a finite number ≥ 0, got {lam!r}"),
            lam=lam1)
    return float(lam1)


def check_lr(lr: float) -> float:
    """Return the learning rate α as a float, or raise ValueError unless finite and > 0."""
    if not np.isfinite(lr) or lr <= 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "learning rate must be a positive finite number, got {lr!r}"), lr=lr)
    return float(lr)


def check_same_shapes(thetas: Sequence[np.ndarray], shapes: Sequence[tuple[int, ...]]) -> None:
    """Raise ValueError unless ``thetas`` holds one matrix of each of ``shapes``, in order."""
    for l, (t, shape) in enumerate(zip(thetas, shapes, strict=False), start=1):
        if np.shape(t) != tuple(shape):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) must keep shape {shape}, got {got}"),
                l=l, shape=tuple(shape), got=np.shape(t))
    if len(thetas) != len(shapes):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the number of matrices must be {count}, one per Θ(l), got {got}"),
            count=len(shapes), got=len(thetas))
