"""The saved session as one record: what a session file restores, and the format's name,
version and size limits (the reading and writing modules both speak of them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.datasets import Dataset
from engine.files.lesson import Lesson
from engine.files.session_training import TrainingState
from engine.lesson.comparison import SavedComparison
from engine.lesson.landscape_choice import LandscapeChoice
from engine.network import Network

FORMAT = "backprop-visualizer-session"
VERSION = 1
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_DATA_VALUES = 3_000_000          # Σ size of X, Y (train and test); ≈ 60 MB of JSON


@dataclass
class Session:
    """Everything a session file restores.

    ``X`` (m, s(1)) and ``Y`` (m, s(L)) are the examples being stepped/trained (the data set's
    training part when ``dataset`` is set). ``settings`` has keys lr, lam, freeze_bias,
    batch_size (None = full batch) and optimizer, and may hold lam1 (λ₁; absent: 0) and init
    (how new weights are drawn; absent: "uniform"). ``history`` is the training panel's
    ``to_dict()`` (JSON-safe) or None. ``example`` and ``cursor`` place the stepper;
    ``examples`` is K, the examples one step-through covers (None: the data's default).
    ``training`` is the optimizer's and the shuffler's state (None: train from fresh moments).
    ``settings`` may also hold ``mistake``, the classic mistake switched on (None: none).
    ``predictions`` is predict mode's score: {"asked", "first_try", "after_hint"} counts, or
    None. ``lesson`` is the lesson the session carries (engine/files/lesson.py), or None.
    ``landscape`` is what the loss-landscape panel shows (its plane and weights), or None.
    ``comparison`` is the compared run (engine/lesson/comparison.py), or None.
    ``neuron_maps`` is the learner's neuron-maps switch, or None for the window's default.
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
    training: TrainingState | None = None
    examples: int | None = None
    lesson: Lesson | None = None
    predictions: dict[str, int] | None = None
    landscape: LandscapeChoice | None = None
    comparison: SavedComparison | None = None
    neuron_maps: bool | None = None
