"""The training state a session saves besides the weights, so that training continues exactly.

Besides Θ and the settings, two things decide the next training steps: the optimizer's memory of
earlier steps (momentum's velocity; Adam's moments m, v and step count t — per layer, m and v of
the shape of Θ(l)) and the random generator that shuffles the examples into mini-batches. A
mini-batch epoch may also be half done: its first ``epoch_position`` shuffled examples are
trained, at the mini-batch costs ``epoch_costs``. ``rng`` is the generator's state from *before*
that epoch's shuffle, so the reader draws the very same order again.

The optional top-level ``training`` field of a session (docs/session-format.md)::

    "training": {
      "optimizer": {"name": "adam", "t": [12, 12], "m": [Θ(1)-shaped, …], "v": [...]},
      "rng": {"bit_generator": "PCG64", "state": {"state": 3539…, "inc": 8713…},
              "has_uint32": 0, "uinteger": 0},
      "epoch_position": 0,
      "epoch_costs": []
    }

``optimizer`` is null for plain gradient descent and before the first step (fresh moments).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.files.session_checks import (
    SessionError,
    read_choice,
    read_field,
    read_matrix,
    read_whole,
    show_value,
    to_float,
)
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

MAX_STEPS = 10**15          # Adam's t: far beyond any real run (β**t is 0.0 long before)
MAX_UINT128 = 2**128 - 1
MAX_UINT32 = 2**32 - 1

# The per-layer arrays each optimizer's ``state()`` holds (Adam also has its step counts "t").
ARRAYS = {"gradient_descent": (), "momentum": ("velocity",), "adam": ("m", "v")}


@dataclass
class TrainingState:
    """What training needs besides Θ and the settings to continue exactly where it stopped.

    ``optimizer`` names the optimizer whose ``state()`` ``moments`` is (per-layer arrays of the
    shapes of Θ(l), and Adam's step counts "t"; empty: fresh). ``rng`` is the shuffling
    generator's ``bit_generator.state`` at the start of the current epoch (None: not known; the
    window then keeps its generator). The first ``epoch_position`` examples of that epoch's
    shuffled order are trained, at the mini-batch costs ``epoch_costs``.
    """

    optimizer: str = "gradient_descent"
    moments: dict[str, list] = field(default_factory=dict)
    rng: dict[str, Any] | None = None
    epoch_position: int = 0
    epoch_costs: list[float] = field(default_factory=list)


# --- writing ------------------------------------------------------------------------------------

def _layers_dict(arrays: Sequence[np.ndarray], name: str,
                 thetas: Sequence[np.ndarray]) -> list:
    # A moment that does not fit its Θ would make a file that cannot be opened again.
    if len(arrays) != len(thetas):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the number of matrices in {name} is {count}; expected {needed}, one "
                      "per Θ(l)"),
            name=name, count=len(arrays), needed=len(thetas))
    out = []
    for l, (a, theta) in enumerate(zip(arrays, thetas, strict=True), start=1):
        a = np.asarray(a, dtype=np.float64)
        if a.shape != theta.shape:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "{name} has shape {shape}; Θ({l}) has {expected}"),
                name=f"{name}[{l - 1}]", shape=str(a.shape), l=l, expected=str(theta.shape))
        out.append(a.tolist())      # Python floats: json writes them with repr, exactly
    return out


def training_to_dict(state: TrainingState, thetas: Sequence[np.ndarray]) -> dict[str, Any]:
    """Return the JSON-ready ``training`` field of a session whose weights are ``thetas``;
    raise EngineValueError if a saved moment does not have the shape of its Θ(l)."""
    opt = None
    moments = state.moments
    if moments:
        opt = {"name": state.optimizer}
        if "t" in moments:
            opt["t"] = [int(t) for t in moments["t"]]
        for key in ARRAYS[state.optimizer]:
            opt[key] = _layers_dict(moments[key], f"training.optimizer.{key}", thetas)
    rng = None
    if state.rng is not None:
        inner = state.rng["state"]
        rng = {"bit_generator": str(state.rng["bit_generator"]),
               "state": {"state": int(inner["state"]), "inc": int(inner["inc"])},
               "has_uint32": int(state.rng["has_uint32"]), "uinteger": int(state.rng["uinteger"])}
    return {"optimizer": opt, "rng": rng, "epoch_position": int(state.epoch_position),
            "epoch_costs": [float(c) for c in state.epoch_costs]}


# --- reading ------------------------------------------------------------------------------------

def _whole(obj: dict, key: str, where: str, limit: int) -> int:
    return read_whole(read_field(obj, key, where, int), f"{where}.{key}", limit)


def _read_layers(raw: list, name: str, thetas: Sequence[np.ndarray]) -> list[np.ndarray]:
    if len(raw) != len(thetas):
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "the number of matrices in {name} is {count}; expected {needed}, one "
                      "per Θ(l)"),
            name=name, count=len(raw), needed=len(thetas))
    return [read_matrix(a, f"{name}[{l - 1}] (Θ({l}))", rows=t.shape[0], cols=t.shape[1])
            for l, (a, t) in enumerate(zip(raw, thetas, strict=True), start=1)]


def _read_optimizer(obj: dict, name: str, thetas: Sequence[np.ndarray]) -> dict[str, list]:
    w = "training.optimizer"
    read_choice(obj, "name", w, (name,))         # the moments belong to settings.optimizer
    moments: dict[str, list] = {key: _read_layers(read_field(obj, key, w, list), f"{w}.{key}",
                                                  thetas)
                                for key in ARRAYS[name]}
    if name == "adam":
        for l, v in enumerate(moments["v"], start=1):
            bad = np.argwhere(v < 0)
            if bad.size:
                # v averages D², and a negative one would make √v̂ NaN at the next step.
                i, j = (int(k) for k in bad[0])
                raise SessionError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} must be at least {lo:g}, got {value!r}"),
                    name=f"{w}.v[{l - 1}] (Θ({l}))[{i}][{j}]", lo=0.0, value=float(v[i, j]))
        raw_t = read_field(obj, "t", w, list)
        if len(raw_t) != len(thetas):
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "the number of entries in {name} is {count}; expected {width}"),
                name=f"{w}.t", count=len(raw_t), width=len(thetas))
        moments["t"] = [read_whole(t, f"{w}.t[{i}]", MAX_STEPS) for i, t in enumerate(raw_t)]
    return moments


def _read_rng(obj: dict) -> dict[str, Any]:
    w = "training.rng"
    kind = read_choice(obj, "bit_generator", w, ("PCG64",))
    inner = read_field(obj, "state", w, dict)
    return {"bit_generator": kind,
            "state": {"state": _whole(inner, "state", f"{w}.state", MAX_UINT128),
                      "inc": _whole(inner, "inc", f"{w}.state", MAX_UINT128)},
            "has_uint32": _whole(obj, "has_uint32", w, 1),
            "uinteger": _whole(obj, "uinteger", w, MAX_UINT32)}


def read_training(obj: dict, thetas: Sequence[np.ndarray], settings: dict[str, Any],
                  m: int) -> TrainingState:
    """Return the TrainingState in the parsed ``training`` field of a session whose weights are
    ``thetas``, whose checked settings are ``settings`` and which trains on ``m`` examples; raise
    SessionError naming the field otherwise."""
    w = "training"
    name = settings["optimizer"]
    opt = read_field(obj, "optimizer", w, dict, optional=True)
    moments = {} if opt is None else _read_optimizer(opt, name, thetas)
    rng = read_field(obj, "rng", w, dict, optional=True)
    rng = None if rng is None else _read_rng(rng)
    batch = settings["batch_size"]
    mini = batch is not None and batch < m          # as the training controller decides
    position = obj.get("epoch_position", 0)
    position = read_whole(position, f"{w}.epoch_position", m - 1 if mini else 0)
    if position and position % batch:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a multiple of settings.batch_size ({batch}), got {value}"),
            name=f"{w}.epoch_position", batch=batch, value=position)
    if position and rng is None:
        # The order of the epoch in progress is drawn again from the generator.
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} is missing"), name=f"{w}.rng")
    costs = read_field(obj, "epoch_costs", w, list, optional=True) or []
    steps = position // batch if position else 0
    if len(costs) != steps:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "the number of entries in {name} is {count}; expected {width}"),
            name=f"{w}.epoch_costs", count=len(costs), width=steps)
    for i, c in enumerate(costs):
        if isinstance(c, bool) or not isinstance(c, (int, float)):
            raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be a number, got {value}"),
                               name=f"{w}.epoch_costs[{i}]", value=show_value(c))
        if not math.isfinite(to_float(c)):
            raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be finite, got {value!r}"),
                               name=f"{w}.epoch_costs[{i}]", value=to_float(c))
    return TrainingState(name, moments, rng, position, [float(c) for c in costs])
