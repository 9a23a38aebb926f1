"""Training and exports without a window: ``--train-epochs N`` with ``--export-health`` or
``--export-landscape`` on the command line.

The trainer here is built exactly as the window's training controller builds it (the preset's
network, data and settings, the shuffling generator from the seed, the held-out set), so N epochs
here give the weights N epochs in the window give.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterable, Sequence

import numpy as np

from engine.lesson.health import CSV_FIELDS, HealthRecorder
from engine.lesson.landscape import Landscape, WeightRef, landscape
from engine.lesson.presets import Setup, build_preset
from engine.lesson.settings import Settings
from engine.lesson.trainer import Divergence, Trainer


def build_trainer(preset: str, seed: int = 0) -> tuple[Setup, Trainer]:
    """Return the preset's setup and a trainer of its network, as the window builds them."""
    setup = build_preset(preset, seed=seed)
    settings = Settings(lr=setup.lr, lam=setup.lam, freeze_bias=setup.freeze_bias)
    ds, net = setup.dataset, setup.network
    test = None
    if (ds is not None and ds.X_test.shape[0] and ds.X_test.shape[1] == net.layer_sizes[0]
            and ds.Y_test.shape[1] == net.layer_sizes[-1]):
        test = (ds.X_test, ds.Y_test)
    return setup, Trainer(net, setup.X, setup.Y, settings, np.random.default_rng(seed), test)


def train(trainer: Trainer, epochs: int, recorder: HealthRecorder | None = None
          ) -> Divergence | None:
    """Train ``epochs`` whole epochs, recording health with ``recorder`` (epoch 0 included,
    and the last epoch even if it is off the recorder's stride); return a Divergence or None."""
    trainer.health = recorder
    divergence = trainer.run(max_epochs=epochs) if epochs else None
    if recorder is not None:
        if not epochs:
            recorder.on_epoch(trainer, trainer.epoch)
        recorder.record_latest(trainer)
    return divergence


def _cell(value: float) -> str:
    return repr(float(value)) if math.isfinite(value) else ""


def _write(path: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write a CSV file (raise OSError for the caller to report)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)


def write_health_csv(recorder: HealthRecorder, path: str | os.PathLike) -> None:
    """Write one row per recorded epoch and layer (``CSV_FIELDS``); NaN as an empty cell."""
    _write(path, CSV_FIELDS, ([epoch, l, *map(_cell, figures)]
                              for epoch, l, *figures in recorder.csv_rows()))


def write_landscape_csv(land: Landscape, path: str | os.PathLike) -> None:
    """Write ``w1, w2, J`` for every grid point (J empty where it is not finite)."""
    _write(path, ("w1", "w2", "J"), ([repr(a), repr(b), _cell(J)] for a, b, J in land.rows()))


def trainer_landscape(trainer: Trainer, refs: tuple[WeightRef, WeightRef], span: float,
                      steps: int) -> Landscape:
    """Return the landscape around the trainer's current weights, J with its λ over its
    training set."""
    x, y = trainer.data()[:2]
    return landscape(trainer.network, x, y, refs[0], refs[1], span, steps,
                     trainer.settings.lam)
