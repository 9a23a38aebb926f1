"""What the learner chose to see of the loss landscape, as a session file keeps it.

``{"kind": "weights" | "random" | "pca", "weights": [[l, i, j], [l, i, j]], "span": S,
"seed": N}``: the plane (two weights, random filter-normalized directions or the path's main
directions; see engine.lesson.landscape_plane), the two weights named as in the Θ CSV export (l
and i from 1, j from 0), the smallest half-width of the grid and the seed of the random
directions. Files from before it existed have none: the defaults.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.lesson.landscape import WeightRef, check_weight
from engine.lesson.landscape_plane import KINDS, Plane, pca_plane, random_plane, weight_plane
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network

MAX_SPAN = 1e6
PCA_POINTS = 256            # the main directions come from this many points along the path


def show_value(value: Any) -> str:
    """Return ``value`` for an error message, cut at 40 characters as a session's errors are
    (engine/files/session_checks.show_value; imported from there it would make a ring)."""
    text = json.dumps(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def default_weights(network: Network) -> tuple[WeightRef, WeightRef]:
    """Return the two weights shown first: the output unit's weights from the last hidden
    layer's first two units (or its first unit and its bias)."""
    sizes = network.layer_sizes
    l = len(sizes) - 1
    return WeightRef(l, 1, 1), WeightRef(l, 1, 2 if sizes[-2] >= 2 else 0)


@dataclass(frozen=True)
class LandscapeChoice:
    """The plane's kind, its two weights (None: ``default_weights``), the grid's smallest
    half-width ``span`` and the random directions' ``seed``."""

    kind: str = "weights"
    weights: tuple[WeightRef, WeightRef] | None = None
    span: float = 1.0
    seed: int = 0

    def weights_for(self, network: Network) -> tuple[WeightRef, WeightRef]:
        """Return the chosen weights if ``network`` has both, else its default ones."""
        if self.weights is not None:
            try:
                return check_weight(network, self.weights[0]), check_weight(network,
                                                                           self.weights[1])
            except ValueError:
                pass            # another architecture: its own first pair
        return default_weights(network)

    def plane(self, network: Network, path: np.ndarray) -> Plane:
        """Return the plane of this choice through ``network``'s weights of now; ``path`` holds
        the flattened weights along the training path, one row per point (for "pca").
        Raise ValueError if there is none (e.g. a path too short for its main directions)."""
        if self.kind == "random":
            return random_plane(network, np.random.default_rng(self.seed))
        if self.kind == "pca":
            # The whole path, as Li et al. take it, thinned evenly (its ends kept) for speed.
            keep = np.unique(np.linspace(0, len(path) - 1, PCA_POINTS).round().astype(int))
            return pca_plane(network, path[keep])
        return weight_plane(network, *self.weights_for(network))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form a session file holds."""
        out: dict[str, Any] = {"kind": self.kind, "span": float(self.span), "seed": int(self.seed)}
        if self.weights is not None:
            out["weights"] = [[w.l, w.i, w.j] for w in self.weights]
        return out


def choice_from_dict(obj: Any, network: Network) -> LandscapeChoice:
    """Return the choice a session file holds, checked against ``network``; raise ValueError
    naming the field otherwise."""
    if not isinstance(obj, dict):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "it must be an object, got {value}"), value=type(obj).__name__)
    kind = obj.get("kind", "weights")
    if kind not in KINDS:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "kind must be one of {allowed}, got {value}"),
            allowed=", ".join(KINDS), value=show_value(kind))
    span = obj.get("span", 1.0)
    if isinstance(span, bool) or not isinstance(span, (int, float)) \
            or not (math.isfinite(span) and 0 < span <= MAX_SPAN):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "span must be a number above 0 and at most {most:g}, got {value}"),
            most=MAX_SPAN, value=show_value(span))
    seed = obj.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2 ** 63:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "seed must be a whole number 0 or more, got {value}"),
            value=show_value(seed))
    weights = obj.get("weights")
    refs = None
    if weights is not None:
        if not (isinstance(weights, list) and len(weights) == 2 and all(
                isinstance(w, list) and len(w) == 3
                and all(isinstance(n, int) and not isinstance(n, bool) for n in w)
                for w in weights)):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "weights must be two [l, i, j] lists of whole numbers, got {value}"),
                value=show_value(weights))
        refs = (check_weight(network, WeightRef(*weights[0])),
                check_weight(network, WeightRef(*weights[1])))
        if refs[0] == refs[1]:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "weights must name two different weights, got {value}"),
                value=show_value(weights))
    return LandscapeChoice(kind, refs, float(span), int(seed))
