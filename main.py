"""Backprop Visualizer: build the application, wire the window, run.

    python main.py                              open the app on the Mazur 2-2-2 preset
    python main.py --trace --preset mazur       print every micro-step to the terminal (no window)
    python main.py --preset mazur --step 7 --screenshot out.png
    python main.py --preset xor --train-epochs 500 --export-health health.csv    (no window)
    python main.py --preset xor --export-landscape J.csv --landscape-weights "1,1,1;2,1,0"
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

PRESETS = ("mazur", "xor", "and", "or", "circles", "moons", "spirals", "blobs", "iris", "digits",
           "deep-sigmoid")


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
    # The headless exports' options (numpy loads here, after main() limited the BLAS threads).
    from engine.lesson import headless as exports

    exports.add_arguments(p)
    args = p.parse_args(list(argv))
    exports.check_arguments(p, args, argv)
    return args


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
        from engine.lesson import headless as exports

        return exports.run(args)
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
