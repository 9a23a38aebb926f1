"""Readers for parsed session JSON: each returns a checked value or raises ``SessionError``
naming the field (``network.thetas[1][0][2]``) or the JSON line, and what was expected."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np


class SessionError(ValueError):
    """A session file that cannot be read; the message names the file and the field or line."""


def _reject_constant(name: str) -> float:
    raise SessionError(f"{name} is not a number a session may hold (numbers must be finite)")


def parse_json(text: str) -> Any:
    """Return the parsed JSON ``text``; NaN/Infinity and syntax errors raise SessionError."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise SessionError(f"line {exc.lineno}, column {exc.colno}: not valid JSON "
                           f"({exc.msg})") from None
    except RecursionError:
        raise SessionError("the JSON is nested too deeply") from None


def read_field(obj: Any, key: str, where: str, kinds: type | tuple,
               optional: bool = False) -> Any:
    """Return ``obj[key]`` checked to be of ``kinds`` (None when optional and absent)."""
    if not isinstance(obj, dict):
        raise SessionError(f"{where or 'the file'} must be a JSON object")
    name = f"{where}.{key}" if where else key
    if key not in obj:
        if optional:
            return None
        raise SessionError(f"{name} is missing")
    value = obj[key]
    if optional and value is None:
        return None
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise SessionError(f"{name} must be {_kind_name(kinds)}, got {show_value(value)}")
    if not isinstance(value, kinds):
        raise SessionError(f"{name} must be {_kind_name(kinds)}, got {show_value(value)}")
    return value


def _kind_name(kinds: type | tuple) -> str:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    names = {int: "a whole number", float: "a number", str: "text", bool: "true or false",
             list: "a list", dict: "an object"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def show_value(value: Any) -> str:
    """Return a short printable form of a JSON value for an error message."""
    text = json.dumps(value)[:40] if not isinstance(value, str) else repr(value[:40])
    return text


def read_number(obj: dict, key: str, where: str, lo: float | None = None,
                hi: float | None = None, positive: bool = False) -> float:
    """Return the finite number ``obj[key]``, checked against the bounds given."""
    value = float(read_field(obj, key, where, (int, float)))
    name = f"{where}.{key}"
    if not math.isfinite(value):
        raise SessionError(f"{name} must be finite, got {value!r}")
    if positive and value <= 0:
        raise SessionError(f"{name} must be greater than 0, got {value!r}")
    if lo is not None and value < lo:
        raise SessionError(f"{name} must be at least {lo:g}, got {value!r}")
    if hi is not None and value > hi:
        raise SessionError(f"{name} must be at most {hi:g}, got {value!r}")
    return value


def read_choice(obj: dict, key: str, where: str, allowed: tuple[str, ...]) -> str:
    """Return the text ``obj[key]`` if it is one of ``allowed``."""
    value = read_field(obj, key, where, str)
    if value not in allowed:
        raise SessionError(f"{where}.{key} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def read_matrix(value: Any, name: str, rows: int | None = None, cols: int | None = None,
                allow_empty: bool = False) -> np.ndarray:
    """Return a finite float (r, c) array from nested JSON lists, naming the first bad entry."""
    if not isinstance(value, list):
        raise SessionError(f"{name} must be a list of rows, got {show_value(value)}")
    if not value and not allow_empty:
        raise SessionError(f"{name} has no rows")
    width = cols
    for i, row in enumerate(value):
        if not isinstance(row, list):
            raise SessionError(f"{name}[{i}] must be a list of numbers, got {show_value(row)}")
        if width is None:
            width = len(row)
        if len(row) != width:
            raise SessionError(f"{name}[{i}] has {len(row)} numbers; expected {width}")
        for j, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise SessionError(f"{name}[{i}][{j}] must be a number, got {show_value(v)}")
            if not math.isfinite(v):
                raise SessionError(f"{name}[{i}][{j}] must be finite, got {v!r}")
    if rows is not None and len(value) != rows:
        raise SessionError(f"{name} has {len(value)} rows; expected {rows}")
    return np.array(value, dtype=np.float64).reshape(len(value), width or 0)
