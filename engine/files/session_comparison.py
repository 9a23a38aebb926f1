"""The compared run in a session file (engine/lesson/comparison.py): written and read back checked.

The optional top-level ``comparison`` field (absent: no comparison; files from before it still
open)::

    "comparison": {
      "change": "activation", "value": "relu",       # what the compared run changes, to what
      ("lr": 0.01,)                                   # with "optimizer" only: its α
      "seed": 0, "start_epoch": 0, "epoch": 800,      # its weights' seed, first and last epoch
      "thetas": [Θ(1), …],                           # its weights, shaped like the main run's
      "history": {…}, "health": {…},                  # its loss history and gradient health
      "training": {…}                                 # as the session's own "training" field
    }

Every field is checked before anything is built; a bad one raises ``SessionError`` naming it
(``comparison.thetas[0] (Θ(1))[1][2] must be finite``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from engine.activations import HIDDEN_ACTIVATIONS
from engine.files.session_checks import (
    SessionError,
    check_activation_names,
    read_choice,
    read_field,
    read_history,
    read_matrix,
    read_number,
    read_whole,
    show_value,
)
from engine.files.session_free_form import MAX_EPOCH, check_tree
from engine.files.session_training import read_training, training_to_dict
from engine.initializers import INITIALIZERS
from engine.lesson.comparison import CHANGES, MAX_LR, MISTAKES, SavedComparison, Variant
from engine.lesson.health import HealthRecorder
from engine.messages import QT_TRANSLATE_NOOP, reason
from engine.optimizers import OPTIMIZERS

W = "comparison"
_CHOICES = {"activation": HIDDEN_ACTIVATIONS, "optimizer": OPTIMIZERS, "init": INITIALIZERS,
            "mistake": MISTAKES}


def comparison_to_dict(saved: SavedComparison) -> dict[str, Any]:
    """Return the JSON-ready ``comparison`` field (NaN still to be written as null)."""
    return {**saved.variant.as_dict(), "seed": int(saved.seed),
            "start_epoch": int(saved.start_epoch), "epoch": int(saved.epoch),
            "thetas": [np.asarray(t, dtype=np.float64).tolist() for t in saved.thetas],
            "history": saved.history, "health": saved.health,
            "training": None if saved.training is None
            else training_to_dict(saved.training, saved.thetas)} | (
            {} if saved.activations is None else {"activation": list(saved.activations)})


def _variant(obj: dict) -> Variant:
    change = read_choice(obj, "change", W, CHANGES)
    if change == "lr":
        value: Any = read_number(obj, "value", W, positive=True, hi=MAX_LR)
    elif change == "none" or (change == "mistake" and obj.get("value") is None):
        if obj.get("value") is not None:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be empty when nothing is changed"), name=f"{W}.value")
        value = None
    else:
        value = read_choice(obj, "value", W, _CHOICES[change])
    # Optional, with a changed optimizer: the α it trains with (absent: the main run's).
    lr = None
    if obj.get("lr") is not None:
        if change != "optimizer":
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} goes with a changed optimizer only"), name=f"{W}.lr")
        lr = read_number(obj, "lr", W, positive=True, hi=MAX_LR)
    return Variant(change, value, lr)


def _activations(obj: dict, variant: Variant, main: Sequence[str] | None
                 ) -> tuple[str, ...] | None:
    """Return the compared network's hidden activations (optional ``activation``), checked to
    be the main network's ``main`` except for the variant's change."""
    names = read_field(obj, "activation", W, list, optional=True)
    if names is None:
        return None
    check_activation_names(names, f"{W}.activation")
    if main is not None:
        expected = [str(variant.value)] * len(main) if variant.change == "activation" \
            else list(main)
        if list(names) != expected:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} is {value}, but the compared network must be the main one "
                          "except for its {change}: expected {expected}"),
                name=f"{W}.activation", value=show_value(names), change=variant.change,
                expected=show_value(expected))
    return tuple(names)


def read_comparison(obj: Any, thetas: Sequence[np.ndarray], settings: dict[str, Any],
                    m: int, main_activations: Sequence[str] | None = None
                    ) -> SavedComparison:
    """Return the comparison in the parsed ``comparison`` field of a session whose weights are
    ``thetas`` (the compared ones must have their shapes), whose hidden activations are
    ``main_activations`` (the compared ones must be the same but for the change), whose checked
    settings are ``settings`` and which trains on ``m`` examples; raise SessionError naming the
    field."""
    if not isinstance(obj, dict):
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be a JSON object"), name=W)
    variant = _variant(obj)
    activations = _activations(obj, variant, main_activations)
    seed = read_whole(read_field(obj, "seed", W, int), f"{W}.seed", 2**63 - 1)
    start = read_whole(read_field(obj, "start_epoch", W, int), f"{W}.start_epoch", MAX_EPOCH)
    epoch = read_whole(read_field(obj, "epoch", W, int), f"{W}.epoch", MAX_EPOCH)
    if epoch < start:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be at least start_epoch ({start}), got {value}"),
            name=f"{W}.epoch", start=start, value=epoch)
    raw = read_field(obj, "thetas", W, list)
    if len(raw) != len(thetas):
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "the number of matrices in {name} is {count}; expected {needed}, one "
                      "per Θ(l)"),
            name=f"{W}.thetas", count=len(raw), needed=len(thetas))
    mine = [read_matrix(t, f"{W}.thetas[{l - 1}] (Θ({l}))", rows=theta.shape[0],
                        cols=theta.shape[1])
            for l, (t, theta) in enumerate(zip(raw, thetas, strict=True), start=1)]
    history = read_field(obj, "history", W, dict, optional=True)
    health = read_field(obj, "health", W, dict, optional=True)
    training = read_field(obj, "training", W, dict, optional=True)
    try:
        if history is not None:
            check_tree(history, "history")
            read_history(history)
        if health is not None:
            check_tree(health, "health")
            HealthRecorder().load_dict(health, len(thetas))
        if training is not None:
            mine_settings = dict(settings)
            if variant.change == "optimizer":
                mine_settings["optimizer"] = variant.value
            training = read_training(training, mine, mine_settings, m)
    except (ValueError, TypeError) as exc:      # SessionError is a ValueError: named once more
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "comparison: {reason}"),
                           reason=reason(exc)) from None
    return SavedComparison(variant, seed, start, epoch, mine, history, health, training,
                           activations)
