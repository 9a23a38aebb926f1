"""Checks of the free-form parts of a session (the training history, a data set's ``params``):
bounded nesting and size, finite numbers, texts that can be written back as UTF-8, and the
fields the window reads typed and in the ranges it can hold (epochs < 2³¹: Qt signals carry
32-bit whole numbers)."""

from __future__ import annotations

import math
from typing import Any

from engine.files.session_checks import (
    SessionError,
    read_field,
    read_number,
    read_whole,
    show_value,
    to_float,
)
from engine.messages import QT_TRANSLATE_NOOP, show_name
from engine.validation import MAX_EXAMPLES_GENERATED

MAX_HISTORY_VALUES = 2_000_000
MAX_NESTING = 16
MAX_EPOCH = 2**31 - 1                # the window's Qt signals carry 32-bit whole numbers


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def check_tree(value: Any, name: str, depth: int = 0, count: list | None = None) -> None:
    """Check a free-form part of a session (history, data.params): nesting, size, finite
    numbers, and texts that can be written back (a lone surrogate cannot be UTF-8)."""
    count = [0] if count is None else count
    count[0] += 1
    if count[0] > MAX_HISTORY_VALUES:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} holds more than {limit} values"),
                           name=name.split(".")[0].split("[")[0], limit=MAX_HISTORY_VALUES)
    if depth > MAX_NESTING:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} is nested more than {limit} levels deep"),
            name=show_name(name), limit=MAX_NESTING)
    if isinstance(value, dict):
        for k, v in value.items():
            check_text(k, f"{name} key")
            check_tree(v, f"{name}.{show_name(k, 40)}", depth + 1, count)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            check_tree(v, f"{name}[{i}]", depth + 1, count)
    elif isinstance(value, str):
        check_text(value, name)
    elif isinstance(value, float) and not math.isfinite(value):
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be finite or null, got "
                                                       "{value!r}"), name=show_name(name),
                           value=value)


def check_text(value: str, name: str) -> str:
    """Return ``value``; raise SessionError if it holds a lone surrogate (it could not be saved
    as UTF-8)."""
    if _has_surrogate(value):
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} holds a lone surrogate ({value}), which no UTF-8 file can hold"),
            name=show_name(name), value=show_value(value))
    return value


def check_history(history: dict) -> None:
    """Check the free-form history: its tree, and epochs that fit the window's 32-bit signals."""
    check_tree(history, "history")
    # Epochs reach the window's Qt signals, which carry 32-bit whole numbers.
    latest = history.get("latest")
    places = [("history.epoch", history.get("epoch"))]
    if isinstance(latest, dict):
        places.append(("history.latest.epoch", latest.get("epoch")))
    epochs = history.get("epochs")
    if isinstance(epochs, list):
        places += [(f"history.epochs[{i}]", e) for i, e in enumerate(epochs)]
    for where, epoch in places:
        if epoch is not None:
            read_whole(epoch, where, MAX_EPOCH)


# Types of the data set's recorded parameters that the window reads (the rest is free-form).
_PARAM_KINDS: dict[str, tuple] = {
    "generator": (str,), "separator": (str,), "standardize": (bool,), "has_header": (bool,),
    "standardize_y": (bool,),
    "seed": (int,), "n": (int,), "label_column": (int,), "noise": (int, float),
    "test_ratio": (int, float), "mean": (list,), "std": (list,), "label_name": (str,)}


def check_params(params: dict) -> dict:
    """Return the data set's ``params`` if its tree is sound and the keys the window reads have
    their types and ranges; raise SessionError naming the field otherwise."""
    check_tree(params, "data.params")
    for key, kinds in _PARAM_KINDS.items():
        if key in params and params[key] is not None:
            read_field(params, key, "data.params", kinds)
    if params.get("seed") is not None:
        read_whole(params["seed"], "data.params.seed", 2**63 - 1)
    if params.get("n") is not None:
        read_whole(params["n"], "data.params.n", MAX_EXAMPLES_GENERATED)
    if params.get("label_column") is not None:
        read_whole(params["label_column"], "data.params.label_column", 100_000)
    if params.get("test_ratio") is not None:
        read_number(params, "test_ratio", "data.params", lo=0.0, hi=0.95)
    if params.get("noise") is not None:
        read_number(params, "noise", "data.params", lo=0.0, hi=100.0)
    # y in the file's units is y_std·y + y_mean.
    if params.get("y_mean") is not None:
        read_number(params, "y_mean", "data.params")
    if params.get("y_std") is not None:
        read_number(params, "y_std", "data.params", positive=True)
    for key in ("mean", "std"):
        for i, v in enumerate(params.get(key) or []):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or \
                    not math.isfinite(to_float(v)):
                raise SessionError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} must be a finite number, got {value}"),
                    name=f"data.params.{key}[{i}]", value=show_value(v))
    return params
