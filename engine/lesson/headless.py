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
from dataclasses import dataclass, replace

import numpy as np

from engine.activations import HIDDEN_ACTIVATIONS
from engine.features import NAMES, FeatureSet
from engine.initializers import INITIALIZERS
from engine.lesson.health import CSV_FIELDS, HealthRecorder
from engine.lesson.landscape import Landscape, WeightRef, check_weight, landscape
from engine.lesson.landscape_choice import MAX_SPAN
from engine.lesson.presets import Setup, build_preset
from engine.lesson.settings import Settings
from engine.lesson.trainer import Divergence, Trainer
from engine.messages import QT_TRANSLATE_NOOP
from engine.network import Network


@dataclass(frozen=True)
class Choices:
    """The command line's changes to a preset (``--lr``, ``--lam``, ``--lam1``, ``--init``,
    ``--activation``); None keeps the preset's own."""

    lr: float | None = None
    lam: float | None = None
    lam1: float | None = None
    init: str | None = None
    activation: tuple[str, ...] | None = None   # one name for all hidden layers, or one each

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Choices:
        """Return the choices a parsed command line holds (missing attributes: None)."""
        return cls(*(getattr(args, name, None)
                     for name in ("lr", "lam", "lam1", "init", "activation")))


def apply_choices(setup: Setup, choices: Choices, mistake: str | None = None
                  ) -> tuple[Setup, Settings]:
    """Return the setup with ``choices`` applied and its training settings.

    ``init`` redraws the weights from the setup's seed, as the Network tab's initialization
    does; ``activation`` alone keeps the weights (an article's too)."""
    settings = setup.settings(mistake=mistake)
    changes = {k: v for k, v in (("lr", choices.lr), ("lam", choices.lam),
                                 ("lam1", choices.lam1), ("init", choices.init))
               if v is not None}
    settings = replace(settings, **changes)
    net = setup.network
    activation = net.activation
    if choices.activation is not None:
        activation = (choices.activation[0] if len(choices.activation) == 1
                      else list(choices.activation))
    if choices.init is not None:
        net = Network(net.layer_sizes, activation, net.output, net.loss_name,
                      rng=np.random.default_rng(setup.seed), init=choices.init)
    elif choices.activation is not None:
        net = Network.from_thetas(net.thetas, activation, net.output, net.loss_name)
    return replace(setup, network=net, lr=settings.lr, lam=settings.lam), settings


def build_trainer(preset: str, seed: int = 0, features: FeatureSet | None = None,
                  choices: Choices | None = None) -> tuple[Setup, Trainer]:
    """Return the preset's setup (its points fed through ``features``, if given, the command
    line's ``choices`` applied) and a trainer of its network, as the window builds them."""
    setup, settings = apply_choices(build_preset(preset, seed=seed, features=features),
                                    choices or Choices())
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
                     trainer.settings.lam, lam1=trainer.settings.lam1)


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


def _number(flag: str, minimum: float, strict: bool):
    """Return an argparse type: a finite number above (``strict``) or from ``minimum``."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < minimum or (strict and value == minimum):
            bound = f"> {minimum:g}" if strict else f"≥ {minimum:g}"
            raise _bad(QT_TRANSLATE_NOOP(
                "Engine", "{flag} must be a finite number {bound}, got {value}"),
                flag=flag, bound=bound, value=repr(text[:40]))
        return value
    return parse


def _bad(template: str, **params: object) -> argparse.ArgumentTypeError:
    """Return argparse's error for a bad flag value, in the words of ``template``."""
    return argparse.ArgumentTypeError(template.format(**params))


def _activations(text: str) -> tuple[str, ...]:
    """Return the hidden activations of "NAME" or "n1,n2,..."; argparse type."""
    names = tuple(n.strip() for n in text.split(","))
    unknown = [n for n in names if n not in HIDDEN_ACTIVATIONS]
    if unknown:
        raise _bad(QT_TRANSLATE_NOOP(
            "Engine", "unknown activation {name}; choose from {allowed}"),
            name=repr(unknown[0][:40]), allowed=", ".join(HIDDEN_ACTIVATIONS))
    return names


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add the training choices and the export options to the command line's parser."""
    p.add_argument("--lr", type=_number("α", 0.0, strict=True), default=None, metavar="A",
                   help="learning rate α > 0 for the window and the exports (default: the "
                        "preset's)")
    p.add_argument("--lam", type=_number("λ", 0.0, strict=False), default=None, metavar="L",
                   help="L2 regularization λ ≥ 0 (default: the preset's)")
    p.add_argument("--lam1", type=_number("λ₁", 0.0, strict=False), default=None, metavar="L1",
                   help="L1 regularization λ₁ ≥ 0 (default 0)")
    p.add_argument("--init", choices=INITIALIZERS, default=None,
                   help="draw the weights from --seed with this initialization (default: the "
                        "preset's uniform ±ε)")
    p.add_argument("--activation", type=_activations, default=None, metavar='"NAME[,NAME…]"',
                   help="hidden activation g, one for all hidden layers or one per hidden "
                        "layer: " + ", ".join(HIDDEN_ACTIVATIONS))
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


def check_choices(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse training choices beside a session file, and an activation list that does not
    give one g per hidden layer of the preset (argparse's one-line error)."""
    given = [f"--{name}" for name in ("lr", "lam", "lam1", "init", "activation")
             if getattr(args, name) is not None]
    if given and args.session:
        p.error(f"{given[0]} works on a --preset; a session file keeps its own settings")
    if args.activation is not None and len(args.activation) > 1:
        net = build_preset(args.preset or "mazur", seed=args.seed,
                           features=args.features).network
        hidden = len(net.layer_sizes) - 2
        if len(args.activation) != hidden:
            p.error(f"argument --activation: {len(args.activation)} names for "
                    f"{hidden} hidden layer(s) of preset {args.preset or 'mazur'!r}; give one "
                    f"name for all or one per hidden layer")


def check_arguments(p: argparse.ArgumentParser, args: argparse.Namespace,
                   argv: Sequence[str]) -> None:
    """Reject export options that cannot work together (one-line argparse errors)."""
    check_features(p, args)
    check_choices(p, args)
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
                                    features=args.features, choices=Choices.from_args(args))
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
