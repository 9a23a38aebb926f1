"""Issue 16's budgets: recording gradient health costs ≤ 3 % of training time, and a 61×61 loss
landscape on XOR (m = 160, 2-4-4-1) takes ≤ 0.3 s — over two weights (the engine's shortcut) and,
as the landscape panel also draws it, over two random filter-normalized directions through every
weight (a full batched forward pass per grid point).

Recording: the same full-batch training (the trainer's own loop, as the window runs it) with and
without a ``HealthRecorder``, in interleaved blocks; the wall overhead is the median time with over
the median time without, minus one, and the budget is checked on the recorder's own timed share
(the wall difference of two sub-second runs swings by several % on a shared machine). Run alone:
``python -m benchmarks.health_bench``.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from engine.datasets import load
from engine.lesson.health import HealthRecorder
from engine.lesson.landscape import WeightRef, landscape
from engine.lesson.landscape_plane import GridJob, grid_axis, random_plane
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer
from engine.network import Network

RECORD_BUDGET = 0.03
LANDSCAPE_BUDGET_S = 0.3
# (name, layer sizes, hidden g, data set, epochs per timed run)
RECORD_CASES = (
    ("2-4-4-1 XOR", (2, 4, 4, 1), "tanh", "xor", 4000),
    ("2-8×6-1 sigmoid moons", (2, 8, 8, 8, 8, 8, 8, 1), "sigmoid", "moons", 1500),
    ("64-32-10 digits", (64, 32, 10), "sigmoid", "digits", 300),
)


def _xor160() -> tuple[np.ndarray, np.ndarray]:
    ds = load("xor", seed=0, n=200, test_ratio=0.2)
    assert ds.X_train.shape[0] == 160
    return ds.X_train, ds.Y_train


def _train_seconds(sizes, g, data, epochs: int, record: bool) -> tuple[float, float]:
    """Return the seconds a fresh trainer takes for ``epochs`` epochs, and the recorder's part."""
    ds = load(data, seed=0, test_ratio=0.0)
    out = "softmax" if sizes[-1] > 1 else "sigmoid"
    net = Network(sizes, g, out, rng=np.random.default_rng(0))
    trainer = Trainer(net, ds.X_train, ds.Y_train, Settings(lr=0.1), np.random.default_rng(0))
    recorder = HealthRecorder() if record else None
    trainer.health = recorder
    t0 = time.perf_counter()
    trainer.run(max_epochs=epochs)
    return time.perf_counter() - t0, (recorder.seconds if recorder else 0.0)


def recording_overhead(repeats: int = 5) -> list[dict]:
    """Return, per case, the median training seconds without and with recording and the share."""
    rows = []
    for name, sizes, g, data, epochs in RECORD_CASES:
        plain, recorded, inside = [], [], []
        _train_seconds(sizes, g, data, max(1, epochs // 10), True)       # warm up
        for _ in range(repeats):
            plain.append(_train_seconds(sizes, g, data, epochs, False)[0])
            seconds, rec = _train_seconds(sizes, g, data, epochs, True)
            recorded.append(seconds)
            inside.append(rec / seconds)
        without, with_ = statistics.median(plain), statistics.median(recorded)
        rows.append({"case": name, "epochs": epochs, "seconds_without": without,
                     "seconds_with": with_, "overhead": with_ / without - 1.0,
                     "recorder_share": statistics.median(inside),
                     "ok": statistics.median(inside) <= RECORD_BUDGET})
    return rows


def landscape_seconds(repeats: int = 7) -> dict:
    """Return the median seconds of a 61×61 landscape on XOR (m = 160, 2-4-4-1)."""
    X, Y = _xor160()
    net = Network((2, 4, 4, 1), "tanh", rng=np.random.default_rng(0))
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        landscape(net, X, Y, WeightRef(1, 2, 1), WeightRef(2, 3, 0), 2.0, 61, lam=0.01)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    return {"case": "61×61, XOR m = 160, 2-4-4-1", "seconds": median, "best": min(times),
            "ok": median <= LANDSCAPE_BUDGET_S}


def directions_seconds(repeats: int = 7) -> dict:
    """Return the median seconds of a 61×61 landscape over two random directions on XOR
    (m = 160, 2-4-4-1), evaluated as the panel does (one GridJob, all pieces)."""
    X, Y = _xor160()
    net = Network((2, 4, 4, 1), "tanh", rng=np.random.default_rng(0))
    plane = random_plane(net, np.random.default_rng(1))
    axis = grid_axis(1.0, 61)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        GridJob(net, X, Y, plane, axis, axis, lam=0.01).run(float("inf"))
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    return {"case": "61×61 over two random directions, XOR m = 160, 2-4-4-1",
            "seconds": median, "best": min(times), "ok": median <= LANDSCAPE_BUDGET_S}


def run(repeats: int = 7) -> dict:
    """Measure the budgets."""
    return {"recording": recording_overhead(repeats), "landscape": landscape_seconds(repeats),
            "landscape_directions": directions_seconds(repeats)}


def _met(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def table(result: dict) -> list[str]:
    """Return the markdown lines of the two budgets, each with its target and met/MISSED."""
    lines = ["### Gradient health recording (≤ 3 % of training) and the loss landscape (≤ 0.3 s)",
             "", "| case | epochs | s without | s with | wall overhead | recorder's share | "
             "target share ≤ 3 % |", "|---|---|---|---|---|---|---|"]
    for r in result["recording"]:
        lines.append(f"| {r['case']} | {r['epochs']} | {r['seconds_without']:.3f} | "
                     f"{r['seconds_with']:.3f} | {100 * r['overhead']:+.1f} % | "
                     f"{100 * r['recorder_share']:.2f} % | {_met(r['ok'])} |")
    lines += ["", "| landscape | median (ms) | best (ms) | target median ≤ 300 ms |",
              "|---|---:|---:|---|"]
    for key in ("landscape", "landscape_directions"):
        land = result.get(key)
        if land is not None:       # runs from before the directions have only the first
            lines.append(f"| {land['case']} | {land['seconds'] * 1e3:.0f} | "
                         f"{land['best'] * 1e3:.0f} | {_met(land['ok'])} |")
    return lines


def budgets(result: dict | None, maps: dict | None) -> list[str]:
    """Return issue 16's three budgets in one table: the worst case of each against its target,
    met or MISSED (``result``: this module's ``run``; ``maps``: maps_bench's row; either may be
    missing from a partial run)."""
    lines = ["### Issue 16's budgets", "", "| budget | target | worst case measured | |",
             "|---|---|---|---|"]
    if result is not None and result.get("recording"):
        worst = max(result["recording"], key=lambda r: r["recorder_share"])
        lines.append(f"| gradient-health recording | ≤ {100 * RECORD_BUDGET:.0f} % of training "
                     f"time | {100 * worst['recorder_share']:.2f} % ({worst['case']}) | "
                     f"{_met(all(r['ok'] for r in result['recording']))} |")
    lands = [result[k] for k in ("landscape", "landscape_directions") if k in (result or {})]
    if lands:
        slow = max(lands, key=lambda r: r["seconds"])
        lines.append(f"| loss landscape 61×61, XOR m = 160 | ≤ {LANDSCAPE_BUDGET_S:g} s | "
                     f"{slow['seconds'] * 1e3:.0f} ms ({slow['case']}) | "
                     f"{_met(all(r['ok'] for r in lands))} |")
    if maps is not None:
        lines.append(f"| every neuron's map while training, 2-8-8-1 | ≥ {maps['target_fps']:g} "
                     f"canvas frames/s | {maps['canvas_fps_on']:.1f} frames/s | "
                     f"{_met(maps['canvas_fps_on'] >= maps['target_fps'])} |")
    return lines


if __name__ == "__main__":
    from benchmarks.common import apply_thread_limits, limit_threads

    limit_threads()
    apply_thread_limits()
    print("\n".join(table(run())))
