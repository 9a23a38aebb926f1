"""Backprop Visualizer: build the application, wire the window, run.

    python main.py                              open the app on the Mazur 2-2-2 preset
    python main.py --trace --preset mazur       print every micro-step to the terminal (no window)
    python main.py --preset mazur --step 7 --screenshot out.png
    python main.py --preset xor --train-epochs 500 --export-health health.csv    (no window)
    python main.py --preset xor --export-landscape J.csv --landscape-weights "1,1,1;2,1,0"
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence

PRESETS = ("mazur", "xor", "and", "or", "circles", "moons", "spirals", "blobs", "iris", "digits",
           "deep-sigmoid")


def _weight_pair(text: str):
    """Return the two WeightRefs of "l,i,j;l,i,j" (argparse type; one-line errors)."""
    from engine.lesson.landscape import WeightRef

    parts = [w.strip() for w in text.split(";")]
    try:
        refs = tuple(WeightRef(*(int(n) for n in w.split(","))) for w in parts)
    except (TypeError, ValueError):
        refs = ()
    if len(refs) != 2:
        raise argparse.ArgumentTypeError(
            f"expected two weights as \"l,i,j;l,i,j\" (whole numbers), got {text!r}")
    return refs


def _positive(text: str) -> float:
    """Return a positive finite number (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def _steps(text: str) -> int:
    """Return a grid size 2..1001 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 2 <= value <= 1001:
        raise argparse.ArgumentTypeError(f"expected a whole number 2..1001, got {text!r}")
    return value


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Return the parsed command line (``argv`` without the program name)."""
    p = argparse.ArgumentParser(prog="backprop-visualizer",
                                description="Watch backpropagation happen, step by step.")
    p.add_argument("session", nargs="?", help="a saved session (.json) to open")
    p.add_argument("--preset", choices=PRESETS, default=None,
                   help="start from this network/data set (default: mazur)")
    p.add_argument("--trace", action="store_true",
                   help="print every micro-step of one example to the terminal and exit")
    p.add_argument("--step", type=int, default=0, metavar="N",
                   help="show micro-step N (counted from 1, as the toolbar counts them) "
                        "before showing (or screenshotting) the window")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="render the window to FILE.png and exit")
    p.add_argument("--train-epochs", type=int, default=0, metavar="N",
                   help="train N epochs before showing (or screenshotting) the window")
    p.add_argument("--lang", default=None, metavar="LOCALE", help="user-interface language, "
                   "e.g. pt_BR or en")
    p.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                   help="colour theme for this run (default: the one chosen in View → Theme)")
    p.add_argument("--presenter", action="store_true",
                   help="start in presenter mode: larger text, thicker lines (F5 toggles it)")
    p.add_argument("--seed", type=int, default=0, help="seed for weights and data (default 0)")
    p.add_argument("--export-worked-example", metavar="FILE.md|FILE.html",
                   help="write the worked example of the current example and exit")
    p.add_argument("--export-gif", metavar="FILE.gif",
                   help="write an animated GIF of the step-through and exit")
    p.add_argument("--export-health", metavar="FILE.csv",
                   help="after --train-epochs N (no window): write the gradient health per "
                        "recorded epoch and layer (epoch 0: before training) and exit")
    p.add_argument("--export-landscape", metavar="FILE.csv",
                   help="after --train-epochs N (no window): write J over a grid of two "
                        "weights (w1, w2, J) and exit")
    p.add_argument("--landscape-weights", type=_weight_pair, metavar="l,i,j;l,i,j",
                   help="the landscape's two weights Θ(l)[i, j], l and i from 1, j from 0 "
                        "(the bias), as in the Θ CSV export")
    p.add_argument("--landscape-span", type=_positive, default=1.0, metavar="S",
                   help="the landscape runs over each weight ± S (default 1)")
    p.add_argument("--landscape-steps", type=_steps, default=41, metavar="K",
                   help="grid points per weight, 2..1001 (default 41)")
    args = p.parse_args(list(argv))
    _check_exports(p, args, argv)
    return args


def _check_exports(p: argparse.ArgumentParser, args: argparse.Namespace,
                   argv: Sequence[str]) -> None:
    """Reject export options that cannot work together (one-line argparse errors)."""
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
        from engine.lesson.landscape import check_weight
        from engine.lesson.presets import build_preset

        net = build_preset(args.preset or "mazur", seed=args.seed).network
        first, second = args.landscape_weights
        if first == second:
            p.error(f"--landscape-weights names the same weight twice ({first})")
        for ref in (first, second):
            try:
                check_weight(net, ref)
            except ValueError as exc:
                p.error(f"--landscape-weights: {exc}")


def run_exports(args: argparse.Namespace) -> int:
    """Train the preset headlessly, write the health and/or landscape CSV; return the status."""
    from engine.lesson import headless
    from engine.lesson.health import HealthRecorder

    _setup, trainer = headless.build_trainer(args.preset or "mazur", seed=args.seed)
    recorder = HealthRecorder() if args.export_health else None
    divergence = headless.train(trainer, args.train_epochs, recorder)
    if divergence is not None:
        print(f"backprop-visualizer: training stopped at epoch {divergence.epoch}: "
              f"{divergence.cause}", file=sys.stderr)
    try:
        if recorder is not None:
            headless.write_health_csv(recorder, args.export_health)
        if args.export_landscape:
            land = headless.trainer_landscape(trainer, args.landscape_weights,
                                              args.landscape_span, args.landscape_steps)
            headless.write_landscape_csv(land, args.export_landscape)
    except OSError as exc:
        print(f"backprop-visualizer: could not write {exc.filename}: {exc.strerror}",
              file=sys.stderr)
        return 2
    return 0


def run_trace(args: argparse.Namespace) -> int:
    """Print the trace of the preset's first example; return the exit status."""
    from engine.documents.trace_text import format_trace
    from engine.lesson.presets import build_preset

    setup = build_preset(args.preset or "mazur", seed=args.seed)
    trace = setup.network.trace(setup.X[:1], setup.Y[:1], lam=setup.lam, lr=setup.lr,
                                freeze_bias=setup.freeze_bias)
    print(format_trace(trace))
    return 0


def has_display() -> bool:
    """Return whether Qt can open a window (a display, or a platform chosen explicitly)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def build_main_window(argv: list[str]):
    """Return the fully wired main window for ``argv`` (not shown; a QApplication must exist)."""
    from ui.app import build_main_window as build

    return build(parse_args(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app (or a headless command) and return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # One BLAS thread: the app's matrices are small, and a second BLAS thread competes with the
    # event loop for the machine's cores (on 2 cores the digits preset's input latency p99 fell
    # from 136 to 29 ms; benchmarks/README.md). Set before numpy loads.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    args = parse_args(argv)
    if args.trace:
        return run_trace(args)
    if args.export_health or args.export_landscape:
        return run_exports(args)
    headless = bool(args.screenshot or args.export_worked_example or args.export_gif)
    if not has_display():
        if headless:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        else:
            print("backprop-visualizer: no display found (DISPLAY is not set); run it on a "
                  "desktop, or under a virtual one with `xvfb-run python main.py`, or use "
                  "--screenshot FILE.png / --trace, which need no display.", file=sys.stderr)
            return 1
    from ui.app import run

    return run(args, argv)


if __name__ == "__main__":
    sys.exit(main())
