"""Backprop Visualizer: build the application, wire the window, run.

    python main.py                              open the app on the Mazur 2-2-2 preset
    python main.py --trace --preset mazur       print every micro-step to the terminal (no window)
    python main.py lesson.json --trace          the same for a saved session's examples
    python main.py --preset mazur --step 7 --screenshot out.png
    python main.py --preset xor --train-epochs 500 --export-health health.csv    (no window)
    python main.py --preset xor --export-landscape J.csv --landscape-weights "1,1,1;2,1,0"
    python main.py --preset circles --features "x1^2,x2^2"   inputs x₁², x₂² instead of x₁, x₂
    python main.py --preset sin --train-epochs 2000 --screenshot fit.png   (regression: curve)
    python main.py --preset deep-sigmoid --activation relu --init he --lr 0.1 --lam1 0.01
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

PRESETS = ("mazur", "xor", "xor-table", "and", "or", "circles", "moons", "spirals", "blobs",
           "iris", "digits", "deep-sigmoid", "sin", "abs", "step", "cubic")
IMAGE_FORMATS = ("png", "jpg", "jpeg", "bmp", "ppm")
MAX_STEP = 1_000_000
MAX_TRAIN_EPOCHS = 1_000_000
MAX_SEED = 2**63 - 1            # what a session file may hold (docs/session-format.md)
# The switchable classic mistakes (engine.mistakes.SWITCHES; a test keeps the two equal). Named
# here so parsing the command line does not load numpy before the BLAS threads are set.
MISTAKES = ("g-instead-of-g-prime", "l-down-to-1", "regularize-bias", "forget-1-over-m",
            "no-output-g-prime", "update-uphill")


def mistake_name(text: str) -> str:
    """Return ``text`` if it names a classic mistake; argparse type with a message that lists
    them all."""
    if text not in MISTAKES:
        raise argparse.ArgumentTypeError(
            f"unknown mistake {text[:40]!r}; choose one of: {', '.join(MISTAKES)}")
    return text


def whole_number(limit: int):
    """Return an argparse type: a whole number 0..``limit`` written in ASCII digits."""
    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit()) or int(text) > limit:
            raise argparse.ArgumentTypeError(
                f"expected a whole number 0..{limit}, got {text[:40]!r}")
        return int(text)
    return parse


def output_path(*suffixes: str):
    """Return an argparse type: a non-empty file name, ending in one of ``suffixes`` if given."""
    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError("expected a file name, got an empty one")
        suffix = os.path.splitext(text)[1].lower().lstrip(".")
        if suffixes and suffix not in suffixes:
            raise argparse.ArgumentTypeError(
                f"unknown format {('.' + suffix) if suffix else '(no extension)'!r}; "
                f"use {', '.join('.' + s for s in suffixes)}")
        return text
    return parse


def language_code(text: str) -> str:
    """Return ``text`` if it looks like a locale name (pt_BR, en, system); argparse type."""
    if not (text.isascii() and 1 <= len(text) <= 20
            and all(c.isalnum() or c in "_-" for c in text)):
        raise argparse.ArgumentTypeError(f"expected a language such as pt_BR or en, got "
                                         f"{text[:40]!r}")
    return text


def _example_count(text: str) -> int:
    """Return K for ``--examples``, or raise argparse's error naming the allowed range."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"K must be a whole number 1..64, got {text[:40]!r}")
    k = int(text)
    if not 1 <= k <= 64:
        raise argparse.ArgumentTypeError(f"K must be 1..64 examples, got {k}")
    return k


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Return the parsed command line (``argv`` without the program name)."""
    p = argparse.ArgumentParser(prog="backprop-visualizer",
                                description="Watch backpropagation happen, step by step.")
    p.add_argument("session", nargs="?", help="a saved session (.json) to open")
    p.add_argument("--preset", choices=PRESETS, default=None,
                   help="start from this network/data set (default: mazur)")
    p.add_argument("--trace", action="store_true",
                   help="print every micro-step of the step-through (see --examples) of the "
                   "session or preset to the terminal and exit")
    p.add_argument("--examples", type=_example_count, default=None, metavar="K",
                   help="step through K examples (1..64) from the selected one; default: the "
                   "whole training set when it has at most 8 examples, otherwise 1")
    p.add_argument("--step", type=whole_number(MAX_STEP), default=0, metavar="N",
                   help="show micro-step N (counted from 1, as the toolbar counts them) "
                        "before showing (or screenshotting) the window")
    p.add_argument("--screenshot", metavar="FILE.png", type=output_path(*IMAGE_FORMATS),
                   help="render the window to FILE.png and exit")
    p.add_argument("--train-epochs", type=whole_number(MAX_TRAIN_EPOCHS), default=0, metavar="N",
                   help="train N epochs before showing (or screenshotting) the window")
    p.add_argument("--lang", default=None, type=language_code, metavar="LOCALE",
                   help="user-interface language, e.g. pt_BR or en")
    p.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                   help="colour theme for this run (default: the one chosen in View → Theme)")
    p.add_argument("--presenter", action="store_true",
                   help="start in presenter mode: larger text, thicker lines (F5 toggles it)")
    p.add_argument("--tour", action="store_true",
                   help="show the tour of the window (it shows by itself on the first run only)")
    p.add_argument("--seed", type=whole_number(MAX_SEED), default=0,
                   help="seed for weights and data (default 0)")
    p.add_argument("--export-worked-example", metavar="FILE.md|FILE.html", type=output_path(),
                   help="write the worked example of the current example and exit")
    p.add_argument("--mistake", type=mistake_name, default=None, metavar="NAME",
                   help="switch on one classic mistake for the stepper, training and exports "
                   "(the \"What if...\" menu): " + ", ".join(MISTAKES))
    p.add_argument("--predict", action="store_true",
                   help="start in predict mode: type each micro-step's result before it is shown")
    p.add_argument("--exercise", metavar="FILE.md|FILE.html", type=output_path("md", "html"),
                   help="write an exercise sheet (worked example with blanks) and its answer key "
                   "FILE.key.md/.html for the session or preset (with --seed N and neither: a "
                   "random small network) and exit")
    p.add_argument("--export-gif", metavar="FILE.gif", type=output_path(),
                   help="write an animated GIF of the step-through and exit")
    # The headless exports' options (numpy loads here, after main() limited the BLAS threads).
    from engine.lesson import headless as exports

    exports.add_arguments(p)
    args = p.parse_args(list(argv))
    exports.check_arguments(p, args, argv)
    return args


def traced_problem(args: argparse.Namespace, random_fallback: bool = False) -> dict:
    """Return what ``--trace`` and ``--exercise`` work on: the session file's network,
    examples and settings (λ, λ₁, α, frozen bias, mistake switch, optimizer), else the preset's
    with the command line's choices, else (``random_fallback``: the exercise) a random small
    network from ``--seed``, else Mazur's. Raise SessionError or OSError for a bad file."""
    from engine.documents.exercise import random_exercise
    from engine.files.session_format import load_session
    from engine.lesson.headless import Choices, apply_choices
    from engine.lesson.presets import build_preset

    if args.session:
        s = load_session(args.session)
        return {"net": s.network, "X": s.X, "Y": s.Y, "start": s.example, "count": s.examples,
                "lam": s.settings["lam"], "lr": s.settings["lr"],
                "freeze_bias": s.settings["freeze_bias"], "lam1": s.settings.get("lam1", 0.0),
                "mistake": args.mistake or s.settings.get("mistake"),
                "optimizer": s.settings["optimizer"]}
    problem = {"start": 0, "count": None, "mistake": args.mistake,
               "optimizer": "gradient_descent"}
    if random_fallback and not args.preset:
        net, X, Y = random_exercise(args.seed)
        return {**problem, "net": net, "X": X, "Y": Y, "lam": 0.0, "lr": 0.5,
                "freeze_bias": False, "lam1": 0.0}
    setup, settings = apply_choices(build_preset(args.preset or "mazur", seed=args.seed,
                                                 features=getattr(args, "features", None)),
                                    Choices.from_args(args))
    return {**problem, "net": setup.network, "X": setup.X, "Y": setup.Y, "lam": setup.lam,
            "lr": setup.lr, "freeze_bias": setup.freeze_bias, "lam1": settings.lam1}


def _trace_of(problem: dict, examples: int | None):
    """Return the trace of ``problem``'s examples (``examples``, else the session's K, else the
    default K), with its settings."""
    from engine.trace import default_example_count, traced_rows

    m = problem["X"].shape[0]
    rows = traced_rows(m, problem["start"],
                       examples or problem["count"] or default_example_count(m))
    return problem["net"].trace(problem["X"][rows], problem["Y"][rows], lam=problem["lam"],
                                lr=problem["lr"], freeze_bias=problem["freeze_bias"],
                                mistake=problem["mistake"], lam1=problem["lam1"])


def run_trace(args: argparse.Namespace) -> int:
    """Print the trace of the session's examples (a session file given), else of the preset's
    first K (``--examples``, else the default K); return the exit status."""
    from engine.documents.trace_text import format_trace
    from engine.files.session_format import SessionError
    from engine.messages import one_line

    try:
        problem = traced_problem(args)
    except (SessionError, OSError) as exc:
        print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
        return 2
    trace = _trace_of(problem, args.examples)
    mistake, optimizer = problem["mistake"], problem["optimizer"]
    if mistake:
        from engine.mistake_effect import trace_no_effect_reason
        reason = trace_no_effect_reason(trace)
        print(f"What if... {mistake} is switched on: "
              + (f"{reason}\n" if reason else "this is NOT backpropagation.\n"))
    if optimizer != "gradient_descent":
        print(f"The session trains with {optimizer}; the update lines below are the notes' "
              "plain gradient descent, Θ := Θ − αD (the window shows the optimizer's step).\n")
    print(format_trace(trace))
    return 0


def run_exercise(args: argparse.Namespace) -> int:
    """Write the exercise sheet and its answer key for the session file (its λ, λ₁, α, frozen
    bias and mistake switch, as ``--trace`` reads it), the preset, or (with neither) a random
    small network from ``--seed``; return the exit status."""
    from engine.documents.exercise import write_exercise
    from engine.files.session_format import SessionError
    from engine.messages import one_line

    try:
        trace = _trace_of(traced_problem(args, random_fallback=True), args.examples)
        key = write_exercise(args.exercise, trace, args.lang or "en")
    except (SessionError, OSError) as exc:
        print(f"backprop-visualizer: {one_line(str(exc))}", file=sys.stderr)
        return 2
    print(f"wrote {args.exercise} and its answer key {key}")
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
    if args.exercise:
        return run_exercise(args)
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
