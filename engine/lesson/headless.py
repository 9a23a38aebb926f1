"""Training and exports without a window: ``--train-epochs N`` with ``--export-health`` or
``--export-landscape`` on the command line (``add_arguments``, ``check_arguments`` and ``run``
are what main.py calls; argument errors are argparse's one-line errors, status 2).

The trainer here is built exactly as the window's training controller builds it (the preset's
network, data and settings, the shuffling generator from the seed, the held-out set), so N epochs
here give the weights N epochs in the window give.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from collections.abc import Iterable, Sequence

import numpy as np

from engine.features import NAMES, FeatureSet
from engine.lesson.health import CSV_FIELDS, HealthRecorder
from engine.lesson.landscape import Landscape, WeightRef, check_weight, landscape
from engine.lesson.landscape_choice import MAX_SPAN
from engine.lesson.presets import Setup, build_preset
from engine.lesson.trainer import Divergence, Trainer


def build_trainer(preset: str, seed: int = 0, features: FeatureSet | None = None
                  ) -> tuple[Setup, Trainer]:
    """Return the preset's setup (its points fed through ``features``, if given) and a trainer
    of its network, as the window builds them."""
    setup = build_preset(preset, seed=seed, features=features)
    settings = setup.settings()
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


# --- the command line ---------------------------------------------------------------------------
def _weight_pair(text: str) -> tuple[WeightRef, ...] | None:
    """Return the two WeightRefs of "l,i,j;l,i,j", or None if the text is not that."""
    try:
        refs = tuple(WeightRef(*(int(n) for n in w.split(","))) for w in text.split(";"))
    except (TypeError, ValueError):
        return None
    return refs if len(refs) == 2 else None


def _span(text: str) -> float | None:
    """Return a number in (0, MAX_SPAN] (a session's landscape span has the same limit; beyond
    it the grid's J overflows), or None."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and 0 < value <= MAX_SPAN else None


def _steps(text: str) -> int | None:
    """Return a grid size 2..1001, or None."""
    try:
        value = int(text)
    except ValueError:
        return None
    return value if 2 <= value <= 1001 else None


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add the export options to the command line's parser."""
    p.add_argument("--export-health", metavar="FILE.csv",
                   help="after --train-epochs N (no window): write the gradient health per "
                        "recorded epoch and layer (epoch 0: before training) and exit")
    p.add_argument("--export-landscape", metavar="FILE.csv",
                   help="after --train-epochs N (no window): write J over a grid of two "
                        "weights (w1, w2, J) and exit")
    # Read as text and converted in check_arguments, whose p.error gives argparse's one line.
    p.add_argument("--landscape-weights", metavar="l,i,j;l,i,j",
                   help="the landscape's two weights Θ(l)[i, j], l and i from 1, j from 0 "
                        "(the bias), as in the Θ CSV export")
    p.add_argument("--landscape-span", default="1", metavar="S",
                   help="the landscape runs over each weight ± S (default 1)")
    p.add_argument("--landscape-steps", default="41", metavar="K",
                   help="grid points per weight, 2..1001 (default 41)")
    p.add_argument("--features", default=None, metavar='"x1,x2,x1x2,…"',
                   help="the network's inputs for a data set of points (the Data tab's "
                        "features): some of " + ", ".join(NAMES) + " (also written x1^2, "
                        "x1*x2, sin(x1)); default x1,x2")


def check_features(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Turn ``--features`` into a FeatureSet (None without it) that the preset can take, or
    stop with argparse's one-line error."""
    if args.features is None:
        return
    try:
        features = FeatureSet.parse(args.features)
    except ValueError as exc:
        p.error(f"argument --features: {exc}")
    if args.session:
        p.error("--features works on a --preset; a session file keeps its own features")
    try:
        build_preset(args.preset or "mazur", seed=args.seed, features=features)
    except ValueError as exc:
        p.error(f"--features: {exc}")
    args.features = features


def check_arguments(p: argparse.ArgumentParser, args: argparse.Namespace,
                   argv: Sequence[str]) -> None:
    """Reject export options that cannot work together (one-line argparse errors)."""
    check_features(p, args)
    landscape_opts = [o for o in ("--landscape-weights", "--landscape-span", "--landscape-steps")
                      if any(a == o or a.startswith(o + "=") for a in argv)]
    if landscape_opts and not args.export_landscape:
        p.error(f"{landscape_opts[0]} needs --export-landscape FILE.csv")
    if not (args.export_health or args.export_landscape):
        return
    if args.train_epochs < 0:
        p.error(f"--train-epochs must be ≥ 0, got {args.train_epochs}")
    if args.session:
        p.error("--export-health and --export-landscape work on a --preset, not a session file")
    for other in ("screenshot", "export_gif", "export_worked_example", "trace"):
        if getattr(args, other):
            p.error(f"--{other.replace('_', '-')} cannot be combined with the headless exports")
    if args.export_landscape:
        if args.landscape_weights is None:
            p.error('--export-landscape needs --landscape-weights "l,i,j;l,i,j"')
        text = args.landscape_weights
        args.landscape_weights = _weight_pair(text)
        if args.landscape_weights is None:
            p.error('argument --landscape-weights: expected two weights as "l,i,j;l,i,j" '
                    f"(whole numbers), got {text!r}")
        span, steps = _span(args.landscape_span), _steps(args.landscape_steps)
        if span is None:
            p.error(f"argument --landscape-span: expected a positive number at most "
                    f"{MAX_SPAN:g}, got {args.landscape_span[:40]!r}")
        if steps is None:
            p.error("argument --landscape-steps: expected a whole number 2..1001, "
                    f"got {args.landscape_steps[:40]!r}")
        args.landscape_span, args.landscape_steps = span, steps
        net = build_preset(args.preset or "mazur", seed=args.seed,
                           features=args.features).network
        first, second = args.landscape_weights
        if first == second:
            p.error(f"--landscape-weights names the same weight twice ({first})")
        for ref in (first, second):
            try:
                check_weight(net, ref)
            except ValueError as exc:
                p.error(f"--landscape-weights: {exc}")


def run(args: argparse.Namespace) -> int:
    """Train the preset headlessly, write the health and/or landscape CSV; return the status."""
    _setup, trainer = build_trainer(args.preset or "mazur", seed=args.seed,
                                    features=args.features)
    recorder = HealthRecorder() if args.export_health else None
    divergence = train(trainer, args.train_epochs, recorder)
    if divergence is not None:
        print(f"backprop-visualizer: training stopped at epoch {divergence.epoch}: "
              f"{divergence.cause}", file=sys.stderr)
    try:
        if recorder is not None:
            write_health_csv(recorder, args.export_health)
        if args.export_landscape:
            land = trainer_landscape(trainer, args.landscape_weights,
                                              args.landscape_span, args.landscape_steps)
            write_landscape_csv(land, args.export_landscape)
    except OSError as exc:
        print(f"backprop-visualizer: could not write {exc.filename}: {exc.strerror}",
              file=sys.stderr)
        return 2
    return 0
