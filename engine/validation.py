"""Checks that turn bad input into a ValueError naming the problem."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MAX_LAYER_SIZE = 100_000


def check_layer_sizes(layer_sizes: Sequence[int]) -> list[int]:
    """Return ``layer_sizes`` as a list of ints, or raise ValueError naming the bad entry."""
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(f"a network needs at least 2 layers (input and output), got {len(sizes)}")
    out = []
    for i, s in enumerate(sizes, start=1):
        if isinstance(s, bool) or not isinstance(s, (int, np.integer)):
            raise ValueError(f"layer {i} size must be a whole number, got {s!r}")
        if s < 1:
            raise ValueError(f"layer {i} size must be at least 1, got {s}")
        if s > MAX_LAYER_SIZE:
            raise ValueError(f"layer {i} size {s} is larger than the limit {MAX_LAYER_SIZE}")
        out.append(int(s))
    return out


def check_thetas(thetas: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Return float copies of ``thetas`` after checking they are finite 2-D matrices that chain.

    Θ(l) must have shape (s(l+1), 1 + s(l)): its column count minus the bias column must equal the
    row count of Θ(l−1).
    """
    if len(thetas) < 1:
        raise ValueError("a network needs at least one weight matrix Θ(1)")
    out = []
    for l, theta in enumerate(thetas, start=1):
        try:
            t = np.array(theta, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"Θ({l}) is not a numeric matrix: {exc}") from None
        if t.ndim != 2:
            raise ValueError(f"Θ({l}) must be a 2-D matrix, got shape {t.shape}")
        if t.shape[0] < 1 or t.shape[1] < 2:
            raise ValueError(
                f"Θ({l}) has shape {t.shape}: it needs at least 1 row and 2 columns "
                "(column 0 holds the bias weights)")
        if not np.all(np.isfinite(t)):
            raise ValueError(f"Θ({l}) contains NaN or infinite values")
        if out and t.shape[1] != out[-1].shape[0] + 1:
            raise ValueError(
                f"Θ({l}) has shape {t.shape} but Θ({l - 1}) has {out[-1].shape[0]} rows: "
                f"Θ({l}) needs {out[-1].shape[0] + 1} columns (1 bias + {out[-1].shape[0]})")
        out.append(t)
    return out


def check_inputs(X: np.ndarray, n_inputs: int, name: str = "X") -> np.ndarray:
    """Return X as a float (m, n) array, or raise ValueError for a wrong shape or NaN/inf."""
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} is not numeric: {exc}") from None
    if arr.ndim == 1 and n_inputs == arr.shape[0]:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array of shape (m, {n_inputs}), got {arr.shape}")
    if arr.shape[1] != n_inputs:
        raise ValueError(
            f"{name} has {arr.shape[1]} columns but the network has {n_inputs} inputs "
            f"(expected shape (m, {n_inputs}), got {arr.shape})")
    if arr.shape[0] < 1:
        raise ValueError(f"{name} has no examples (shape {arr.shape})")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise ValueError(f"{name} contains NaN or infinite values (first at row {bad[0]}, "
                         f"column {bad[1]})")
    return arr


def check_targets(Y: np.ndarray, m: int, n_outputs: int, loss: str) -> np.ndarray:
    """Return Y as a float (m, K) array.

    A 1-D array of integer class labels 0..K−1 is one-hot encoded when K > 1. Raise ValueError
    on a row-count mismatch, NaN/inf, labels out of range, or targets outside [0, 1] for
    cross-entropy.
    """
    try:
        arr = np.asarray(Y, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"Y is not numeric: {exc}") from None
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    if not np.all(np.isfinite(arr)):
        raise ValueError("Y contains NaN or infinite values")
    if arr.ndim == 1:
        if n_outputs == 1:
            arr = arr.reshape(-1, 1)
        elif arr.shape[0] == n_outputs and m == 1:
            arr = arr.reshape(1, -1)
        else:
            if not np.all(arr == np.round(arr)):
                raise ValueError(
                    f"Y is 1-D, so it must hold class labels 0..{n_outputs - 1}, "
                    "but it has non-integer values")
            lo, hi = arr.min(), arr.max()
            if lo < 0 or hi > n_outputs - 1:
                raise ValueError(
                    f"class label out of range: labels must be 0..{n_outputs - 1} for "
                    f"{n_outputs} outputs, got values from {lo:g} to {hi:g}")
            onehot = np.zeros((arr.shape[0], n_outputs))
            onehot[np.arange(arr.shape[0]), arr.astype(np.intp)] = 1.0
            arr = onehot
    if arr.ndim != 2:
        raise ValueError(f"Y must be (m, {n_outputs}) or 1-D labels, got shape {arr.shape}")
    if arr.shape[0] != m:
        raise ValueError(f"X has {m} examples but Y has {arr.shape[0]} rows")
    if arr.shape[1] != n_outputs:
        raise ValueError(
            f"Y has {arr.shape[1]} columns but the network has {n_outputs} outputs "
            f"(expected shape ({m}, {n_outputs}))")
    if loss == "cross_entropy" and (arr.min() < 0 or arr.max() > 1):
        raise ValueError(
            "targets out of range: cross-entropy needs targets in [0, 1], got values from "
            f"{arr.min():g} to {arr.max():g}")
    return arr
