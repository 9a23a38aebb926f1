"""The saved-session file: versioned JSON that restores a lesson exactly.

A session holds the network (layer sizes, g, output, loss, every Θ(l) of shape
(s(l+1), 1 + s(l))), the training settings, the examples X (m, s(1)) and Y (m, s(L)) — as the
recipe of a generated or shipped data set, or inline — the training history and the stepper's
position. Floats are written with ``repr`` (shortest string that reads back to the same double),
so every number survives a save/load exactly. See docs/session-format.md.

Loading is ``json`` only: nothing in a file is ever executed, and every field is checked (types,
version, shapes that chain, finite numbers, size limits) before anything is built. Problems raise
``SessionError`` naming the field (``network.thetas[1][0][2]``) or the JSON line.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from engine.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from engine.datasets import DATASETS, GENERATED, SHIPPED, Dataset, load
from engine.losses import LOSSES
from engine.network import Network
from engine.optimizers import OPTIMIZERS
from engine.validation import check_inputs, check_targets

FORMAT = "backprop-visualizer-session"
VERSION = 1
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_LAYERS = 64
MAX_LAYER_SIZE = 4096
MAX_PARAMETERS = 4_000_000           # Σ size of every Θ(l)
MAX_DATA_VALUES = 3_000_000          # Σ size of X, Y (train and test); ≈ 60 MB of JSON
MAX_EXAMPLES_GENERATED = 100_000
MAX_HISTORY_VALUES = 2_000_000
MAX_NESTING = 16


class SessionError(ValueError):
    """A session file that cannot be read; the message names the file and the field or line."""


@dataclass
class Session:
    """Everything a session file restores.

    ``X`` (m, s(1)) and ``Y`` (m, s(L)) are the examples being stepped/trained (the data set's
    training part when ``dataset`` is set). ``settings`` has keys lr, lam, freeze_bias,
    batch_size (None = full batch) and optimizer. ``history`` is the training panel's
    ``to_dict()`` (JSON-safe) or None. ``example`` and ``cursor`` place the stepper.
    """

    network: Network
    X: np.ndarray
    Y: np.ndarray
    dataset: Dataset | None = None
    settings: dict[str, Any] = field(default_factory=lambda: {
        "lr": 0.5, "lam": 0.0, "freeze_bias": False, "batch_size": None,
        "optimizer": "gradient_descent"})
    history: dict[str, Any] | None = None
    example: int = 0
    cursor: int = 0
    preset: str = "custom"
    seed: int = 0


# --- writing ------------------------------------------------------------------------------------

def _matrix(arr: np.ndarray) -> list:
    # tolist() gives Python floats, which json writes with repr: exact round trip.
    return np.asarray(arr, dtype=np.float64).tolist()


def _data_dict(session: Session) -> dict[str, Any]:
    ds = session.dataset
    if ds is not None:
        params = ds.params or {}
        gen = params.get("generator")
        if gen in GENERATED + SHIPPED and isinstance(params.get("seed"), int) \
                and ds.X_train.shape == session.X.shape \
                and np.array_equal(ds.X_train, session.X) and np.array_equal(ds.Y_train, session.Y):
            out = {"kind": "generated" if gen in GENERATED else "shipped", "name": gen,
                   "seed": params["seed"], "test_ratio": float(params.get("test_ratio", 0.2))}
            if gen in GENERATED:
                out["n"] = int(params.get("n", 200))
                out["noise"] = float(params.get("noise", 0.1))
            return out
    out = {"kind": "inline", "X": _matrix(session.X), "Y": _matrix(session.Y)}
    if ds is not None:
        out.update({
            "name": ds.name, "task": ds.task, "class_names": list(ds.class_names),
            "feature_names": list(ds.feature_names), "source": ds.source,
            "X_test": _matrix(ds.X_test.reshape(-1, session.X.shape[1])),
            "Y_test": _matrix(ds.Y_test.reshape(-1, session.Y.shape[1])),
            "params": _json_safe(ds.params or {}),
        })
    return out


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, np.ndarray):
        return _json_safe(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else None  # JSON has no NaN: None marks "no value"
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def session_to_dict(session: Session) -> dict[str, Any]:
    """Return the JSON-ready dictionary of ``session`` (format name and version first)."""
    net = session.network
    s = session.settings
    return {
        "format": FORMAT,
        "version": VERSION,
        "preset": session.preset,
        "seed": int(session.seed),
        "network": {
            "layer_sizes": net.layer_sizes, "activation": net.activation, "output": net.output,
            "loss": net.loss_name, "thetas": [_matrix(t) for t in net.thetas],
        },
        "settings": {
            "lr": float(s["lr"]), "lam": float(s["lam"]), "freeze_bias": bool(s["freeze_bias"]),
            "batch_size": None if s.get("batch_size") is None else int(s["batch_size"]),
            "optimizer": str(s.get("optimizer", "gradient_descent")),
        },
        "data": _data_dict(session),
        "history": None if session.history is None else _json_safe(session.history),
        "stepper": {"example": int(session.example), "cursor": int(session.cursor)},
    }


def _pretty(value: Any, indent: str = "") -> str:
    # Objects one key per line, each vector/matrix row on one line: readable and diff-friendly.
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_pretty(v, inner)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
        return "[\n" + ",\n".join(inner + _pretty(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def dumps(session: Session) -> str:
    """Return the session as indented JSON text (UTF-8, no NaN/Infinity, floats exact)."""
    return _pretty(session_to_dict(session)) + "\n"


def save_session(path: str | os.PathLike, session: Session) -> None:
    """Write ``session`` to ``path`` atomically: a temporary file in the same folder is written,
    flushed and fsynced, then renamed over ``path``; on any failure the old file is untouched."""
    text = dumps(session)  # build everything first: a bad value fails before any file is touched
    if len(text) > MAX_FILE_BYTES:
        raise ValueError(f"the session is {len(text) // 2**20} MB of text; files over "
                         f"{MAX_FILE_BYTES // 2**20} MB could not be opened again")
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --- reading ------------------------------------------------------------------------------------

def _reject_constant(name: str) -> float:
    raise SessionError(f"{name} is not a number a session may hold (numbers must be finite)")


def _parse(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise SessionError(f"line {exc.lineno}, column {exc.colno}: not valid JSON "
                           f"({exc.msg})") from None
    except RecursionError:
        raise SessionError("the JSON is nested too deeply") from None


def _field(obj: Any, key: str, where: str, kinds: type | tuple, optional: bool = False) -> Any:
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
        raise SessionError(f"{name} must be {_kind_name(kinds)}, got {_show(value)}")
    if not isinstance(value, kinds):
        raise SessionError(f"{name} must be {_kind_name(kinds)}, got {_show(value)}")
    return value


def _kind_name(kinds: type | tuple) -> str:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    names = {int: "a whole number", float: "a number", str: "text", bool: "true or false",
             list: "a list", dict: "an object"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _show(value: Any) -> str:
    text = json.dumps(value)[:40] if not isinstance(value, str) else repr(value[:40])
    return text


def _number(obj: dict, key: str, where: str, lo: float | None = None,
            hi: float | None = None, positive: bool = False) -> float:
    value = float(_field(obj, key, where, (int, float)))
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


def _choice(obj: dict, key: str, where: str, allowed: tuple[str, ...]) -> str:
    value = _field(obj, key, where, str)
    if value not in allowed:
        raise SessionError(f"{where}.{key} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _array(value: Any, name: str, rows: int | None = None, cols: int | None = None,
           allow_empty: bool = False) -> np.ndarray:
    """Return a finite float (r, c) array from nested JSON lists, naming the first bad entry."""
    if not isinstance(value, list):
        raise SessionError(f"{name} must be a list of rows, got {_show(value)}")
    if not value and not allow_empty:
        raise SessionError(f"{name} has no rows")
    width = cols
    for i, row in enumerate(value):
        if not isinstance(row, list):
            raise SessionError(f"{name}[{i}] must be a list of numbers, got {_show(row)}")
        if width is None:
            width = len(row)
        if len(row) != width:
            raise SessionError(f"{name}[{i}] has {len(row)} numbers; expected {width}")
        for j, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise SessionError(f"{name}[{i}][{j}] must be a number, got {_show(v)}")
            if not math.isfinite(v):
                raise SessionError(f"{name}[{i}][{j}] must be finite, got {v!r}")
    if rows is not None and len(value) != rows:
        raise SessionError(f"{name} has {len(value)} rows; expected {rows}")
    return np.array(value, dtype=np.float64).reshape(len(value), width or 0)


def _network(obj: Any) -> Network:
    w = "network"
    sizes = _field(obj, "layer_sizes", w, list)
    if not 2 <= len(sizes) <= MAX_LAYERS:
        raise SessionError(f"network.layer_sizes must list 2..{MAX_LAYERS} layers, "
                           f"got {len(sizes)}")
    for i, s in enumerate(sizes):
        if isinstance(s, bool) or not isinstance(s, int) or not 1 <= s <= MAX_LAYER_SIZE:
            raise SessionError(f"network.layer_sizes[{i}] must be a whole number "
                               f"1..{MAX_LAYER_SIZE}, got {_show(s)}")
    n_params = sum(b * (1 + a) for a, b in zip(sizes[:-1], sizes[1:], strict=False))
    if n_params > MAX_PARAMETERS:
        raise SessionError(f"network.layer_sizes {sizes} need {n_params} weights; the limit is "
                           f"{MAX_PARAMETERS}")
    act = _choice(obj, "activation", w, HIDDEN_ACTIVATIONS)
    out = _choice(obj, "output", w, OUTPUT_ACTIVATIONS)
    loss = _choice(obj, "loss", w, LOSSES)
    raw = _field(obj, "thetas", w, list)
    if len(raw) != len(sizes) - 1:
        raise SessionError(f"network.thetas has {len(raw)} matrices; layer_sizes {sizes} need "
                           f"{len(sizes) - 1}")
    thetas = []
    for l, t in enumerate(raw, start=1):
        name = f"network.thetas[{l - 1}] (Θ({l}))"
        thetas.append(_array(t, name, rows=sizes[l], cols=1 + sizes[l - 1]))
    try:
        return Network.from_thetas(thetas, act, out, loss)
    except ValueError as exc:
        raise SessionError(f"network: {exc}") from None


def _settings(obj: Any) -> dict[str, Any]:
    w = "settings"
    batch = _field(obj, "batch_size", w, int, optional=True)
    if batch is not None and not 1 <= batch <= 1_000_000:
        raise SessionError(f"settings.batch_size must be empty (full batch) or 1..1000000, "
                           f"got {batch}")
    return {"lr": _number(obj, "lr", w, positive=True, hi=1e6),
            "lam": _number(obj, "lam", w, lo=0.0, hi=1e6),
            "freeze_bias": _field(obj, "freeze_bias", w, bool),
            "batch_size": batch,
            "optimizer": _choice(obj, "optimizer", w, OPTIMIZERS)}


def _data(obj: Any, net: Network) -> tuple[np.ndarray, np.ndarray, Dataset | None]:
    w = "data"
    kind = _choice(obj, "kind", w, ("generated", "shipped", "inline"))
    n_in, n_out = net.layer_sizes[0], net.layer_sizes[-1]
    if kind in ("generated", "shipped"):
        allowed = GENERATED if kind == "generated" else SHIPPED
        name = _choice(obj, "name", w, allowed)
        seed = _field(obj, "seed", w, int)
        if not 0 <= seed < 2**63:
            raise SessionError(f"data.seed must be 0..2^63−1, got {seed}")
        ratio = _number(obj, "test_ratio", w, lo=0.0, hi=0.95)
        kwargs: dict[str, Any] = {}
        if kind == "generated":
            n = _field(obj, "n", w, int)
            if not 2 <= n <= MAX_EXAMPLES_GENERATED:
                raise SessionError(f"data.n must be 2..{MAX_EXAMPLES_GENERATED}, got {n}")
            kwargs = {"n": n, "noise": _number(obj, "noise", w, lo=0.0, hi=100.0)}
        try:
            ds = load(name, seed=seed, test_ratio=ratio, **kwargs)
        except (OSError, ValueError) as exc:
            raise SessionError(f"data: could not make data set {name!r}: {exc}") from None
        X, Y = ds.X_train, ds.Y_train
    else:
        X = _array(_field(obj, "X", w, list), "data.X", cols=n_in)
        Y = _array(_field(obj, "Y", w, list), "data.Y", rows=X.shape[0], cols=n_out)
        ds = None
        if "X_test" in obj or "name" in obj:
            Xt = _array(_field(obj, "X_test", w, list), "data.X_test", cols=n_in,
                        allow_empty=True)
            Yt = _array(_field(obj, "Y_test", w, list), "data.Y_test", rows=Xt.shape[0],
                        cols=n_out, allow_empty=True)
            names = [_field(obj, k, w, list) for k in ("class_names", "feature_names")]
            for key, seq in zip(("class_names", "feature_names"), names, strict=True):
                if len(seq) > 100_000 or not all(isinstance(s, str) for s in seq):
                    raise SessionError(f"data.{key} must be a list of text")
            params = _field(obj, "params", w, dict, optional=True) or {}
            ds = Dataset(_field(obj, "name", w, str)[:200], X.copy(), Y.copy(), Xt, Yt,
                         _choice(obj, "task", w, ("binary", "multiclass", "regression")),
                         tuple(names[0]), tuple(names[1]),
                         str(_field(obj, "source", w, str, optional=True) or "")[:500], params)
    if X.size + Y.size > MAX_DATA_VALUES:
        raise SessionError(f"data holds {X.size + Y.size} numbers; the limit is {MAX_DATA_VALUES}")
    try:
        X = check_inputs(X, n_in, "data.X")
        Y = check_targets(Y, X.shape[0], n_out, net.loss_name)
    except ValueError as exc:
        raise SessionError(f"data: {exc}") from None
    return X, Y, ds


def _check_history(value: Any, name: str = "history", depth: int = 0, count: list | None = None):
    count = [0] if count is None else count
    count[0] += 1
    if count[0] > MAX_HISTORY_VALUES:
        raise SessionError(f"history holds more than {MAX_HISTORY_VALUES} values")
    if depth > MAX_NESTING:
        raise SessionError(f"{name} is nested more than {MAX_NESTING} levels deep")
    if isinstance(value, dict):
        for k, v in value.items():
            _check_history(v, f"{name}.{k}", depth + 1, count)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_history(v, f"{name}[{i}]", depth + 1, count)


def session_from_dict(doc: Any) -> Session:
    """Return the Session described by a parsed JSON document, or raise SessionError."""
    if not isinstance(doc, dict):
        raise SessionError("the file is not a session: expected a JSON object at the top level")
    if doc.get("format") != FORMAT:
        raise SessionError(f"format must be {FORMAT!r}, got {_show(doc.get('format'))}: "
                           "this is not a Backprop Visualizer session")
    version = _field(doc, "version", "", int)
    if version != VERSION:
        newer = " (written by a newer version of the app)" if version > VERSION else ""
        raise SessionError(f"version {version} is not supported{newer}; this app reads "
                           f"version {VERSION}")
    net = _network(_field(doc, "network", "", dict))
    settings = _settings(_field(doc, "settings", "", dict))
    X, Y, ds = _data(_field(doc, "data", "", dict), net)
    history = _field(doc, "history", "", dict, optional=True)
    if history is not None:
        _check_history(history)
    stepper = _field(doc, "stepper", "", dict)
    example = _field(stepper, "example", "stepper", int)
    if not 0 <= example < X.shape[0]:
        raise SessionError(f"stepper.example must be 0..{X.shape[0] - 1}, got {example}")
    cursor = _field(stepper, "cursor", "stepper", int)
    if not 0 <= cursor < steps_per_example(net.L):
        raise SessionError(f"stepper.cursor must be 0..{steps_per_example(net.L) - 1} for "
                           f"{net.L} layers, got {cursor}")
    preset = _field(doc, "preset", "", str, optional=True) or "custom"
    if preset not in ("mazur", "custom", *DATASETS):
        raise SessionError(f"preset must be mazur, custom or a data set name, got {_show(preset)}")
    seed = _field(doc, "seed", "", int, optional=True) or 0
    return Session(net, X, Y, ds, settings, history, example, cursor, preset, int(seed))


def steps_per_example(L: int) -> int:
    """Return the number of records in the trace of one example for an L-layer network."""
    per_example = 1 + 2 * (L - 1) + 1 + (L - 2) + (L - 1)
    return 1 + per_example + 2 * (L - 1)


def loads(text: str | bytes) -> Session:
    """Return the Session in JSON ``text``, or raise SessionError."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise SessionError(f"the file is larger than the {MAX_FILE_BYTES // 2**20} MB limit")
        if text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise SessionError("the file is UTF-16 text; sessions are UTF-8 JSON")
        if b"\x00" in text[:4096]:
            raise SessionError("the file is binary, not a JSON session")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SessionError(f"the file is not UTF-8 text (bad byte at offset {exc.start})") \
                from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SessionError("the file is empty")
    return session_from_dict(_parse(text))


def load_session(path: str | os.PathLike) -> Session:
    """Return the Session saved in ``path``; raise SessionError naming the file and the problem."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SessionError(f"{p.name}: the file is {size // 2**20} MB; the limit is "
                               f"{MAX_FILE_BYTES // 2**20} MB")
        data = p.read_bytes()
    except OSError as exc:
        raise SessionError(f"{p.name}: cannot read the file ({exc.strerror or exc})") from None
    try:
        return loads(data)
    except SessionError as exc:
        raise SessionError(f"{p.name}: {exc}") from None
