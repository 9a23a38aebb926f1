"""The saved-session file: versioned JSON that restores a lesson exactly.

A session holds the network (layer sizes, g, output, loss, every Θ(l) of shape
(s(l+1), 1 + s(l))), the training settings, the examples X (m, s(1)) and Y (m, s(L)) — as the
recipe of a generated or shipped data set, or inline — the training history and the stepper's
position, and what training needs besides Θ to continue exactly
(``engine/files/session_training.py``:
the optimizer's moments, the mini-batch shuffler's generator). Floats are written with ``repr``
(shortest string that reads back to the same double), so every number survives a save/load
exactly. See docs/session-format.md.

Loading is ``json`` only: nothing in a file is ever executed, and every field is checked (types,
version, shapes that chain, finite numbers, size limits) before anything is built. Problems raise
``SessionError`` naming the field (``network.thetas[1][0][2]``) or the JSON line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from engine.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS
from engine.datasets import DATASETS, GENERATED, SHIPPED, Dataset, load
from engine.features import NAMES as FEATURE_NAMES
from engine.features import FeatureSet, check_names, with_features
from engine.files.lesson import read_lesson
from engine.files.safe_read import read_bytes_limited
from engine.files.session_checks import (
    SessionError,
    check_activation_names,
    parse_json,
    read_choice,
    read_field,
    read_history,
    read_matrix,
    read_number,
    read_whole,
    show_value,
)
from engine.files.session_comparison import read_comparison
from engine.files.session_free_form import (
    MAX_EXAMPLES_GENERATED,
    check_history,
    check_params,
    check_text,
)
from engine.files.session_landscape import read_landscape
from engine.files.session_record import (  # noqa: F401 (the format's public names)
    FORMAT,
    MAX_DATA_VALUES,
    MAX_FILE_BYTES,
    VERSION,
    Session,
)
from engine.files.session_training import read_training
from engine.files.session_view import read_neuron_maps
from engine.files.session_write import (  # noqa: F401 (the format's public names)
    dumps,
    save_session,
    session_to_dict,
)
from engine.initializers import INITIALIZERS
from engine.lesson.presets import PRESETS
from engine.losses import LOSSES
from engine.messages import QT_TRANSLATE_NOOP, in_file, reason, show_name
from engine.mistakes import SWITCHES
from engine.network import Network
from engine.optimizers import OPTIMIZERS
from engine.trace import MAX_EXAMPLES, default_example_count

# The network limits are the engine's own (engine/validation.py): one place per fact.
from engine.validation import (
    MAX_LAYER_SIZE,
    MAX_LAYERS,
    MAX_PARAMETERS,
    check_inputs,
    check_targets,
)

# --- reading ------------------------------------------------------------------------------------

def _network(obj: Any) -> Network:
    w = "network"
    sizes = read_field(obj, "layer_sizes", w, list)
    if not 2 <= len(sizes) <= MAX_LAYERS:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "network.layer_sizes must list 2..{limit} layers, got {count}"),
            limit=MAX_LAYERS, count=len(sizes))
    for i, s in enumerate(sizes):
        if isinstance(s, bool) or not isinstance(s, int) or not 1 <= s <= MAX_LAYER_SIZE:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be a whole number 1..{limit}, got {value}"),
                name=f"network.layer_sizes[{i}]", limit=MAX_LAYER_SIZE, value=show_value(s))
    n_params = sum(b * (1 + a) for a, b in zip(sizes[:-1], sizes[1:], strict=False))
    if n_params > MAX_PARAMETERS:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "network.layer_sizes {sizes} need {count} weights; the limit is {limit}"),
            sizes=sizes, count=n_params, limit=MAX_PARAMETERS)
    act = _activation(obj, w, len(sizes) - 2)
    out = read_choice(obj, "output", w, OUTPUT_ACTIVATIONS)
    loss = read_choice(obj, "loss", w, LOSSES)
    raw = read_field(obj, "thetas", w, list)
    if len(raw) != len(sizes) - 1:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "the number of matrices in network.thetas is {count}; layer_sizes {sizes} "
                      "need {needed}"),
            count=len(raw), sizes=sizes, needed=len(sizes) - 1)
    thetas = []
    for l, t in enumerate(raw, start=1):
        name = f"network.thetas[{l - 1}] (Θ({l}))"
        thetas.append(read_matrix(t, name, rows=sizes[l], cols=1 + sizes[l - 1]))
    try:
        return Network.from_thetas(thetas, act, out, loss)
    except ValueError as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "network: {reason}"),
                           reason=reason(exc)) from None


def _activation(obj: dict, w: str, hidden: int) -> str | list[str]:
    """Return network.activation: one name for every hidden layer, or a list of one per hidden
    layer (files before per-layer g hold the one name)."""
    if not isinstance(obj.get("activation"), list):
        return read_choice(obj, "activation", w, HIDDEN_ACTIVATIONS)
    names = obj["activation"]
    if len(names) != hidden:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} lists {count} activations; the network has {hidden} hidden "
                      "layers"), name=f"{w}.activation", count=len(names), hidden=hidden)
    return check_activation_names(names, f"{w}.activation")


def _settings(obj: Any) -> dict[str, Any]:
    w = "settings"
    batch = read_field(obj, "batch_size", w, int, optional=True)
    if batch is not None and not 1 <= batch <= 1_000_000:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "settings.batch_size must be empty (full batch) or 1..{limit}, got {value}"),
            limit=1_000_000, value=show_value(batch))
    # Absent in files from before it existed (and left out when off): the correct algorithm.
    mistake = ({"mistake": read_choice(obj, "mistake", w, tuple(str(s) for s in SWITCHES))}
               if obj.get("mistake") is not None else {})
    return {"lr": read_number(obj, "lr", w, positive=True, hi=1e6),
            "lam": read_number(obj, "lam", w, lo=0.0, hi=1e6),
            "freeze_bias": read_field(obj, "freeze_bias", w, bool),
            "batch_size": batch,
            "optimizer": read_choice(obj, "optimizer", w, OPTIMIZERS), **mistake,
            **_l1_and_init(obj)}


def _l1_and_init(obj: dict) -> dict[str, Any]:
    """Return λ₁ and the initialization if the file has them (checked); absent (files from
    before they existed, or at their defaults) they mean λ₁ = 0 and the notes' ±ε."""
    w, out = "settings", {}
    if "lam1" in obj:
        out["lam1"] = read_number(obj, "lam1", w, lo=0.0, hi=1e6)
    if "init" in obj:
        out["init"] = read_choice(obj, "init", w, INITIALIZERS)
    return out


PREDICTION_COUNTS = ("asked", "first_try", "after_hint")


def _predictions(obj: Any) -> dict[str, int] | None:
    """Return predict mode's score from the optional ``predictions`` object, checked."""
    if obj is None:
        return None
    out = {k: read_whole(read_field(obj, k, "predictions", int), f"predictions.{k}", 10**9)
           for k in PREDICTION_COUNTS}
    if out["first_try"] + out["after_hint"] > out["asked"]:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "predictions: first_try + after_hint ({right}) exceed asked ({asked})"),
            right=out["first_try"] + out["after_hint"], asked=out["asked"])
    return out


def _features(obj: dict) -> FeatureSet | None:
    """Return the optional ``data.features`` (absent in files before them: x₁, x₂), checked."""
    names = read_field(obj, "features", "data", list, optional=True)
    if names is None:
        return None
    if len(names) > len(FEATURE_NAMES):
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "data.features lists {n} features; there are {limit}"),
            n=len(names), limit=len(FEATURE_NAMES))
    try:
        return check_names(names)
    except ValueError as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "data.features: {reason}"),
                           reason=reason(exc)) from None


def _data(obj: Any, net: Network) -> tuple[np.ndarray, np.ndarray, Dataset | None]:
    w = "data"
    kind = read_choice(obj, "kind", w, ("generated", "shipped", "inline"))
    features = _features(obj)
    n_in, n_out = net.layer_sizes[0], net.layer_sizes[-1]
    # With chosen features the file holds the points (m, 2); the network is fed their features.
    n_raw = n_in if features is None else 2
    if kind in ("generated", "shipped"):
        allowed = GENERATED if kind == "generated" else SHIPPED
        name = read_choice(obj, "name", w, allowed)
        seed = read_field(obj, "seed", w, int)
        if not 0 <= seed < 2**63:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "data.seed must be 0..2^63−1, got {seed}"), seed=show_value(seed))
        ratio = read_number(obj, "test_ratio", w, lo=0.0, hi=0.95)
        kwargs: dict[str, Any] = {}
        if kind == "generated":
            n = read_field(obj, "n", w, int)
            if not 2 <= n <= MAX_EXAMPLES_GENERATED:
                raise SessionError(QT_TRANSLATE_NOOP(
                    "Engine", "data.n must be 2..{limit}, got {n}"),
                    limit=MAX_EXAMPLES_GENERATED, n=show_value(n))
            kwargs = {"n": n, "noise": read_number(obj, "noise", w, lo=0.0, hi=100.0)}
        try:
            ds = load(name, seed=seed, test_ratio=ratio, **kwargs)
        except (OSError, ValueError) as exc:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "data: could not make data set {name!r}: {reason}"),
                name=name, reason=reason(exc)) from None
        X, Y = ds.X_train, ds.Y_train
    else:
        X = read_matrix(read_field(obj, "X", w, list), "data.X", cols=n_raw)
        Y = read_matrix(read_field(obj, "Y", w, list), "data.Y", rows=X.shape[0], cols=n_out)
        ds = None
        if "X_test" in obj or "name" in obj:
            Xt = read_matrix(read_field(obj, "X_test", w, list), "data.X_test", cols=n_raw,
                        allow_empty=True)
            Yt = read_matrix(read_field(obj, "Y_test", w, list), "data.Y_test", rows=Xt.shape[0],
                        cols=n_out, allow_empty=True)
            names = [read_field(obj, k, w, list) for k in ("class_names", "feature_names")]
            for key, seq in zip(("class_names", "feature_names"), names, strict=True):
                if len(seq) > 100_000 or not all(isinstance(s, str) for s in seq):
                    raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be a list of text"),
                                       name=f"data.{key}")
                for i, text in enumerate(seq):
                    check_text(text, f"data.{key}[{i}]")
            params = check_params(read_field(obj, "params", w, dict, optional=True) or {})
            ds = Dataset(check_text(read_field(obj, "name", w, str), "data.name")[:200],
                         X.copy(), Y.copy(), Xt, Yt,
                         read_choice(obj, "task", w, ("binary", "multiclass", "regression")),
                         tuple(names[0]), tuple(names[1]),
                         check_text(str(read_field(obj, "source", w, str, optional=True) or ""),
                                     "data.source")[:500], params)
    if features is not None:
        if ds is None or ds.n_inputs != 2:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "data.features needs a data set of points with two features"))
        ds = with_features(ds, features)
        X = ds.X_train
    count = X.size + Y.size + (0 if ds is None else ds.X_test.size + ds.Y_test.size)
    if count > MAX_DATA_VALUES:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "data holds {count} numbers; the limit is {limit}"),
            count=count, limit=MAX_DATA_VALUES)
    try:
        X = check_inputs(X, n_in, "data.X")
        Y = check_targets(Y, X.shape[0], n_out, net.loss.uses_log_likelihood)
        if ds is not None and ds.X_test.shape[0]:
            check_inputs(ds.X_test, n_in, "data.X_test")
            try:
                check_targets(ds.Y_test, ds.X_test.shape[0], n_out,
                              net.loss.uses_log_likelihood)
            except ValueError as exc:
                raise SessionError(QT_TRANSLATE_NOOP("Engine", "data.Y_test: {reason}"),
                                   reason=reason(exc)) from None
    except SessionError:
        raise
    except ValueError as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "data: {reason}"),
                           reason=reason(exc)) from None
    return X, Y, ds


def session_from_dict(doc: Any) -> Session:
    """Return the Session described by a parsed JSON document, or raise SessionError."""
    if not isinstance(doc, dict):
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "the file is not a session: expected a JSON object at the top level"))
    if doc.get("format") != FORMAT:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "format must be {format!r}, got {value}: this is not a Backprop "
                      "Visualizer session"), format=FORMAT, value=show_value(doc.get("format")))
    version = read_field(doc, "version", "", int)
    if version > VERSION:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "version {version} is not supported (written by a newer version of the "
                      "app); this app reads version {supported}"),
            version=show_value(version), supported=VERSION)
    if version != VERSION:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "version {version} is not supported; this app reads version {supported}"),
            version=show_value(version), supported=VERSION)
    net = _network(read_field(doc, "network", "", dict))
    settings = _settings(read_field(doc, "settings", "", dict))
    X, Y, ds = _data(read_field(doc, "data", "", dict), net)
    history = read_field(doc, "history", "", dict, optional=True)
    if history is not None:
        check_history(history)   # its tree, and epochs the window's signals can carry
        read_history(history)    # what engine.lesson.history can load
    stepper = read_field(doc, "stepper", "", dict)
    example = read_field(stepper, "example", "stepper", int)
    if not 0 <= example < X.shape[0]:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "stepper.example must be 0..{last}, got {value}"),
            last=X.shape[0] - 1, value=show_value(example))
    # Absent in files from before it existed: the data's default K.
    examples = read_field(stepper, "examples", "stepper", int, optional=True)
    if examples is not None and not 1 <= examples <= min(X.shape[0], MAX_EXAMPLES):
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "stepper.examples must be 1..{last}, got {value}"),
            last=min(X.shape[0], MAX_EXAMPLES), value=show_value(examples))
    k = examples if examples is not None else default_example_count(X.shape[0])
    cursor = read_field(stepper, "cursor", "stepper", int)
    # With l running down to 1, each example has one step more (its d(1)).
    total = steps_per_example(net.L, k) + (k if settings.get("mistake") == "l-down-to-1" else 0)
    if not 0 <= cursor < total:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "stepper.cursor must be 0..{last} for {layers} layers, got {value}"),
            last=total - 1, layers=net.L, value=show_value(cursor))
    preset = read_field(doc, "preset", "", str, optional=True) or "custom"
    if preset not in ("mazur", "custom", *DATASETS, *PRESETS):     # deep-sigmoid too
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "preset must be mazur, custom or a data set name, got {value}"),
            value=show_value(preset))
    seed = read_field(doc, "seed", "", int, optional=True) or 0
    # New weights are drawn from it (np.random.default_rng takes no negative seed).
    seed = read_whole(seed, "seed", 2**63 - 1)
    # Absent in files from before it existed: training then starts from fresh moments.
    training = read_field(doc, "training", "", dict, optional=True)
    if training is not None:
        training = read_training(training, net.thetas, settings, X.shape[0])
    lesson = read_field(doc, "lesson", "", dict, optional=True)
    predictions = _predictions(read_field(doc, "predictions", "", dict, optional=True))
    # Absent in files from before it existed (and left out when none runs).
    comparison = doc.get("comparison")
    comparison = (None if comparison is None
                  else read_comparison(comparison, net.thetas, settings, X.shape[0],
                                       [str(g) for g in net.activations]))
    return Session(net, X, Y, ds, settings, history, example, cursor, preset, int(seed),
                   training, examples, lesson=None if lesson is None else read_lesson(lesson),
                   predictions=predictions, comparison=comparison,
                   landscape=read_landscape(doc, net), neuron_maps=read_neuron_maps(doc))


def steps_per_example(L: int, examples: int = 1) -> int:
    """Return the number of records in the trace of ``examples`` examples for an L-layer
    network."""
    per_example = 1 + 2 * (L - 1) + 1 + (L - 2) + (L - 1)
    return 1 + examples * per_example + 2 * (L - 1)


def loads(text: str | bytes) -> Session:
    """Return the Session in JSON ``text``, or raise SessionError."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the file is larger than the {limit} MB limit"),
                limit=MAX_FILE_BYTES // 2**20)
        if text[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the file is UTF-32 text; sessions are UTF-8 JSON"))
        if text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the file is UTF-16 text; sessions are UTF-8 JSON"))
        if b"\x00" in text[:4096]:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the file is binary, not a JSON session"))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the file is not UTF-8 text (bad byte at offset {offset})"),
                offset=exc.start) from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "the file is empty"))
    return session_from_dict(parse_json(text))


def load_session(path: str | os.PathLike) -> Session:
    """Return the Session saved in ``path``; raise SessionError naming the file and the problem."""
    p = Path(path)
    data = read_bytes_limited(p, MAX_FILE_BYTES, SessionError)
    try:
        return loads(data)
    except SessionError as exc:
        raise in_file(SessionError, show_name(p.name), exc) from None
