"""The benchmark code still runs against the current app and engine (no timing is asserted:
speed targets live in `make bench`). A benchmark that breaks only shows up there otherwise."""

from __future__ import annotations

import numpy as np


def test_canvas_benchmark_drives_the_current_canvas(qapp):
    from benchmarks.app_bench import canvas_frames

    result = canvas_frames((2, 3, 1), frames=5)
    assert result["frames"] > 0 and result["case"] == "2-3-1"


def test_engine_benchmark_case_runs_and_checks_its_variants():
    from benchmarks.engine_bench import CASES, run_case
    from engine import blas

    row = run_case(CASES[0], np.float32, repeats=1)
    # The engine as installed is timed beside the engine forced to each route it can take.
    want = {"engine", "engine_numpy"} | ({"engine_mkl"} if blas.find_mkl() is not None else set())
    assert want <= set(row["steps_per_s"])
    assert all(v > 0 for v in row["steps_per_s"].values())


def test_health_benchmark_runs_against_the_current_engine():
    from benchmarks import health_bench

    land = health_bench.landscape_seconds(repeats=1)
    directions = health_bench.directions_seconds(repeats=1)
    assert land["seconds"] > 0 and directions["seconds"] > 0
    result = {"recording": [], "landscape": land, "landscape_directions": directions}
    lines = health_bench.table(result)
    assert sum(line.startswith("| 61×61") for line in lines) == 2
    maps = {"target_fps": 20.0, "canvas_fps_on": 12.0}
    summary = "\n".join(health_bench.budgets(result, maps))
    assert "≤ 0.3 s" in summary and "≥ 20 canvas frames/s | 12.0 frames/s | **MISSED**" in summary


def test_key_benchmark_presses_real_keys_in_the_current_window(qapp):
    from benchmarks.key_bench import key_latency_idle, table

    row = key_latency_idle("mazur", presses=4)
    assert row["presses"] == 4 and row["p95_ms"] >= row["p50_ms"] > 0
    assert row["steps_moved"] > 0     # the keys went through Qt's shortcuts to the stepper
    assert "| mazur | idle | 4 |" in table([row])
