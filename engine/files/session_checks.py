"""Readers for parsed session JSON: each returns a checked value or raises ``SessionError``
naming the field (``network.thetas[1][0][2]``) or the JSON line, and what was expected."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

import numpy as np

from engine.activations import HIDDEN_ACTIVATIONS
from engine.lesson.history import LossHistory
from engine.messages import (
    QT_TRANSLATE_NOOP,
    EngineError,
    Message,
    message,
    reason,
    show_number,
)

MAX_HISTORY_VALUES = 2_000_000
MAX_NESTING = 16


class SessionError(EngineError, ValueError):
    """A session file that cannot be read; the message names the file and the field or line."""


# Python's json module explains a syntax error in English; these are its explanations.
_JSON_REASONS = {
    "Expecting value": QT_TRANSLATE_NOOP("Engine", "expecting a value"),
    "Expecting property name enclosed in double quotes":
        QT_TRANSLATE_NOOP("Engine", "expecting a property name in double quotes"),
    "Expecting ':' delimiter": QT_TRANSLATE_NOOP("Engine", "expecting ':'"),
    "Expecting ',' delimiter": QT_TRANSLATE_NOOP("Engine", "expecting ','"),
    "Unterminated string starting at":
        QT_TRANSLATE_NOOP("Engine", "a text in quotes is not closed"),
    "Invalid control character at":
        QT_TRANSLATE_NOOP("Engine", "a control character inside a text"),
    "Extra data": QT_TRANSLATE_NOOP("Engine", "more data after the end of the document"),
}


def _reject_constant(name: str) -> float:
    raise SessionError(QT_TRANSLATE_NOOP(
        "Engine", "{name} is not a number a session may hold (numbers must be finite)"),
        name=name)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys silently; a file that says two things is ambiguous.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the key {name} appears twice in one object; a file that says two "
                          "things is ambiguous"), name=repr(key[:60]))
        out[key] = value
    return out


def parse_json(text: str) -> Any:
    """Return the parsed JSON ``text``; NaN/Infinity, keys given twice in one object and syntax
    errors raise SessionError."""
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        known = _JSON_REASONS.get(exc.msg)
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "line {line}, column {column}: not valid JSON ({reason})"),
            line=exc.lineno, column=exc.colno,
            reason=message(known) if known else exc.msg) from None
    except SessionError:
        raise
    except ValueError:
        # Python refuses to read whole numbers past its digit limit (a defence against slow
        # conversions); json passes that on as a plain ValueError with no position.
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "a whole number in the file has more than {limit} digits"),
            limit=sys.get_int_max_str_digits()) from None
    except RecursionError:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "the JSON is nested too deeply")) from None


def read_field(obj: Any, key: str, where: str, kinds: type | tuple,
               optional: bool = False) -> Any:
    """Return ``obj[key]`` checked to be of ``kinds`` (None when optional and absent)."""
    if not isinstance(obj, dict):
        if not where:
            raise SessionError(QT_TRANSLATE_NOOP("Engine", "the file must be a JSON object"))
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be a JSON object"),
                           name=where)
    name = f"{where}.{key}" if where else key
    if key not in obj:
        if optional:
            return None
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} is missing"), name=name)
    value = obj[key]
    if optional and value is None:
        return None
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in (
            kinds if isinstance(kinds, tuple) else (kinds,))):
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be {kind}, got {value}"),
                           name=name, kind=_kind_name(kinds), value=show_value(value))
    return value


_KIND_NAMES = {int: QT_TRANSLATE_NOOP("Engine", "a whole number"),
               float: QT_TRANSLATE_NOOP("Engine", "a number"),
               str: QT_TRANSLATE_NOOP("Engine", "text"),
               bool: QT_TRANSLATE_NOOP("Engine", "true or false"),
               list: QT_TRANSLATE_NOOP("Engine", "a list"),
               dict: QT_TRANSLATE_NOOP("Engine", "an object")}


def _kind_name(kinds: type | tuple) -> Message | str:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    if int in kinds and float in kinds:     # a whole number is a number: say "a number" once
        kinds = tuple(k for k in kinds if k is not int)
    names = [message(_KIND_NAMES[k]) if k in _KIND_NAMES else k.__name__ for k in kinds]
    if len(names) == 1:
        return names[0]
    # "a whole number or a number": one "or" at a time, so each language words its own.
    return message(QT_TRANSLATE_NOOP("Engine", "{first} or {second}"), first=names[0],
                   second=_kind_name(kinds[1:]))


def show_value(value: Any) -> str:
    """Return a short printable one-line form of a JSON value for an error message: texts
    quoted and escaped, long numbers shortened (``1.0e+400``, "a 4,000-digit number")."""
    if isinstance(value, str):
        # repr quotes and escapes control characters and lone surrogates.
        return repr(value[:40]) + ("…" if len(value) > 40 else "")
    if isinstance(value, int) and not isinstance(value, bool):
        return show_number(value)
    if isinstance(value, (list, dict)):
        kind = "a list" if isinstance(value, list) else "an object"
        try:
            text = json.dumps(value, ensure_ascii=True)
        except (ValueError, RecursionError):
            return kind
        return text if len(text) <= 40 else f"{kind} ({text[:30]}…)"
    return json.dumps(value)


def to_float(value: int | float) -> float:
    """Return the JSON number ``value`` as a float: a whole number beyond the floats' range
    (JSON allows 10**400; ``float`` raises OverflowError) becomes ±inf, to be refused as not
    finite."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def read_number(obj: dict, key: str, where: str, lo: float | None = None,
                hi: float | None = None, positive: bool = False) -> float:
    """Return the finite number ``obj[key]``, checked against the bounds given."""
    raw = read_field(obj, key, where, (int, float))
    value = to_float(raw)
    name = f"{where}.{key}"
    # A whole number beyond the floats (10**400) is as much too large as 1e308: same sentence.
    if value == math.inf and hi is not None:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be at most {hi:g}, got "
                                                       "{value}"),
                           name=name, hi=hi, value=show_value(raw))
    if value == -math.inf and lo is not None:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be at least {lo:g}, got "
                                                       "{value}"),
                           name=name, lo=lo, value=show_value(raw))
    if not math.isfinite(value):
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be finite, got {value!r}"),
                           name=name, value=value)
    if positive and value <= 0:
        raise SessionError(QT_TRANSLATE_NOOP("Engine",
                                             "{name} must be greater than 0, got {value!r}"),
                           name=name, value=value)
    if lo is not None and value < lo:
        raise SessionError(QT_TRANSLATE_NOOP("Engine",
                                             "{name} must be at least {lo:g}, got {value!r}"),
                           name=name, lo=lo, value=value)
    if hi is not None and value > hi:
        raise SessionError(QT_TRANSLATE_NOOP("Engine",
                                             "{name} must be at most {hi:g}, got {value!r}"),
                           name=name, hi=hi, value=value)
    return value


def read_whole(value: Any, name: str, limit: int) -> int:
    """Return ``value`` if it is a whole number 0..``limit`` (true/false are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a whole number 0..{limit}, got {value}"),
            name=name, limit=limit, value=show_value(value))
    return value


def read_choice(obj: dict, key: str, where: str, allowed: tuple[str, ...]) -> str:
    """Return the text ``obj[key]`` if it is one of ``allowed``."""
    value = read_field(obj, key, where, str)
    if value not in allowed:
        raise SessionError(QT_TRANSLATE_NOOP("Engine",
                                             "{name} must be one of {allowed}, got {value}"),
                           name=f"{where}.{key}", allowed=", ".join(allowed),
                           value=show_value(value))
    return value


def read_matrix(value: Any, name: str, rows: int | None = None, cols: int | None = None,
                allow_empty: bool = False) -> np.ndarray:
    """Return a finite float (r, c) array from nested JSON lists, naming the first bad entry."""
    if not isinstance(value, list):
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be a list of rows, "
                                             "got {value}"), name=name, value=show_value(value))
    if not value and not allow_empty:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} has no rows"), name=name)
    width = cols
    for i, row in enumerate(value):
        if not isinstance(row, list):
            raise SessionError(QT_TRANSLATE_NOOP("Engine",
                                                 "{name} must be a list of numbers, got {value}"),
                               name=f"{name}[{i}]", value=show_value(row))
        if width is None:
            width = len(row)
        if len(row) != width:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the number of entries in {name} is {count}; expected {width}"),
                               name=f"{name}[{i}]", count=len(row), width=width)
        for j, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise SessionError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} must be a number, got {value}"),
                    name=f"{name}[{i}][{j}]", value=show_value(v))
            if not math.isfinite(to_float(v)):
                raise SessionError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} must be finite, got {value!r}"),
                    name=f"{name}[{i}][{j}]", value=to_float(v))
    if rows is not None and len(value) != rows:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "the number of rows of {name} is {count}; "
                                                       "expected {rows}"),
                           name=name, count=len(value), rows=rows)
    return np.array(value, dtype=np.float64).reshape(len(value), width or 0)


def read_history(history: dict) -> None:
    """Raise SessionError unless ``history`` (a session's training history) holds only finite
    numbers or nulls, within the limits, and ``engine.lesson.history`` can load it."""
    _check_history(history)
    _read_history(history)


def _check_history(value: Any, name: str = "history", depth: int = 0, count: list | None = None):
    count = [0] if count is None else count
    count[0] += 1
    if count[0] > MAX_HISTORY_VALUES:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "history holds more than {limit} values"),
                           limit=MAX_HISTORY_VALUES)
    if depth > MAX_NESTING:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} is nested more than {limit} levels deep"),
            name=name, limit=MAX_NESTING)
    if isinstance(value, dict):
        for k, v in value.items():
            _check_history(v, f"{name}.{k}", depth + 1, count)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_history(v, f"{name}[{i}]", depth + 1, count)
    elif isinstance(value, float) and not math.isfinite(value):
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be finite or null, got "
                                                       "{value!r}"), name=name, value=value)


def _read_history(history: dict) -> None:
    """Raise SessionError unless ``engine.lesson.history`` can load ``history`` (its schema,
    with the envelope of the training cost, lives there); the command line and the window then
    refuse the same files with the same sentence."""
    data = {k: v for k, v in history.items() if k != "epoch"}   # epochs trained: the window's
    if "epochs" not in data:
        return
    try:
        LossHistory().load_dict(data)
    except ValueError as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "history: {reason}"),
                           reason=reason(exc)) from None


def check_activation_names(names: list, field: str) -> list[str]:
    """Return ``names`` (the list at ``field``) if every one is a hidden activation's name,
    else raise SessionError naming the first that is not."""
    for i, name in enumerate(names):
        if not isinstance(name, str) or name not in HIDDEN_ACTIVATIONS:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be one of {allowed}, got {value}"),
                name=f"{field}[{i}]", allowed=", ".join(HIDDEN_ACTIVATIONS),
                value=show_value(name))
    return list(names)
