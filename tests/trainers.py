"""Trainers of the presets for tests, built one way instead of once per test file."""

from __future__ import annotations

import numpy as np

from engine.lesson.presets import Setup, build_preset
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer


def preset_trainer(preset: str = "xor", seed: int = 0, rng_seed: int | None = None,
                   **settings: object) -> tuple[Trainer, Setup]:
    """Return a trainer of ``preset``'s network and data (built with ``seed``) with
    ``Settings(**settings)``, its shuffling generator seeded with ``rng_seed`` (default
    ``seed``), and the preset's set-up (whose network is the one being trained)."""
    setup = build_preset(preset, seed=seed)
    rng = np.random.default_rng(seed if rng_seed is None else rng_seed)
    return Trainer(setup.network, setup.X, setup.Y, Settings(**settings), rng), setup
