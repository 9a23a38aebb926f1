"""Writing a session file: the JSON-ready dictionary, indented text with one matrix row per line,
and the atomic save. Reading and its checks live in ``engine.files.session_format``."""

from __future__ import annotations

import json
import math
import os
from typing import Any

import numpy as np

from engine.datasets import GENERATED, SHIPPED
from engine.features import features_of, raw_of
from engine.files.lesson import lesson_to_dict
from engine.files.safe_read import write_atomic
from engine.files.session_comparison import comparison_to_dict
from engine.files.session_record import FORMAT, MAX_FILE_BYTES, VERSION, Session
from engine.files.session_training import training_to_dict
from engine.files.session_view import view_to_dict
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError, one_line


def _matrix(arr: np.ndarray) -> list:
    # tolist() gives Python floats, which json writes with repr: exact round trip.
    return np.asarray(arr, dtype=np.float64).tolist()


def _data_dict(session: Session) -> dict[str, Any]:
    features = features_of(session.dataset)
    out = _points_dict(session)
    if features is not None:    # the points are written; the network is fed these features
        out["features"] = list(features.names)
    return out


def _points_dict(session: Session) -> dict[str, Any]:
    ds, raw = session.dataset, raw_of(session.dataset)
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
    X = raw.X_train if raw is not ds else session.X
    out = {"kind": "inline", "X": _matrix(X), "Y": _matrix(session.Y)}
    if ds is not None:
        out.update({
            "name": raw.name, "task": raw.task, "class_names": list(raw.class_names),
            "feature_names": list(raw.feature_names), "source": raw.source,
            "X_test": _matrix(raw.X_test.reshape(-1, X.shape[1])),
            "Y_test": _matrix(raw.Y_test.reshape(-1, session.Y.shape[1])),
            "params": _json_safe(raw.params or {}),
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
            **({"mistake": str(s["mistake"])} if s.get("mistake") else {}),
            # Left out at their defaults, like the mistake: such files stay as they were.
            **({"lam1": float(s["lam1"])} if s.get("lam1") else {}),
            **({"init": str(s["init"])} if s.get("init", "uniform") != "uniform" else {}),
        },
        "data": _data_dict(session),
        "history": None if session.history is None else _json_safe(session.history),
        "stepper": {"example": int(session.example), "cursor": int(session.cursor),
                    **({} if session.examples is None else {"examples": int(session.examples)})},
        "training": (None if session.training is None
                     else training_to_dict(session.training, net.thetas)),
    } | ({} if session.lesson is None else {"lesson": lesson_to_dict(session.lesson)}) | (
        {} if session.predictions is None
        else {"predictions": {k: int(v) for k, v in session.predictions.items()}}) | (
        {} if session.landscape is None else {"landscape": session.landscape.to_dict()}) | (
        {} if session.comparison is None
        else {"comparison": _json_safe(comparison_to_dict(session.comparison))}) | (
        view_to_dict(session.neuron_maps))


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
    """Write ``session`` to ``path`` atomically (``engine.files.safe_read.write_atomic``: a
    temporary file in the same folder, fsynced, renamed over the target; through a link to its
    target; never over a read-only or non-regular file); on any failure the old file is
    untouched. Raise EngineValueError if the session cannot be written as JSON, FileWriteError
    (an OSError) if the file cannot be written."""
    try:
        # Build everything first: a bad value fails before any file is touched.
        data = dumps(session).encode("utf-8")
    except (ValueError, UnicodeEncodeError, RecursionError, TypeError) as exc:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the session cannot be written as JSON ({reason})"),
            reason=one_line(str(exc), 120)) from None
    if len(data) > MAX_FILE_BYTES:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the session is {size} MB of text; files over {limit} MB could not be "
                      "opened again"), size=len(data) // 2**20, limit=MAX_FILE_BYTES // 2**20)
    write_atomic(path, data)
