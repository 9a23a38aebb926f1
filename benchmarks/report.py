"""Turn the measurements into the Markdown table of benchmarks/results/latest.md."""

from __future__ import annotations

import math


def _f(v: float, digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:,.{digits}f}"


def _ok(flag: bool) -> str:
    return "met" if flag else "**MISSED**"


def _load(value: str | None) -> str:
    return value.split()[0] if value else "?"


def _ratio(r: dict, key: str, target: float | None = None) -> str:
    v = r.get(key)
    if v is None:
        return "–"
    return f"{v:.3f}×" + ("" if target is None else f" {_ok(v >= target)}")


def engine_table(engine: dict) -> list[str]:
    """Return the lines of the engine tables (training speed, GEMM bound, trace)."""
    rows = engine["training"]
    lines = [
        "### Engine: full-batch training steps per second (higher is better)",
        "",
        "\"engine\" is the engine as installed (with MKL when the `mkl` extra is there), on the "
        "route it chose itself (engine/blas.py): each class of large product is tried on both "
        "libraries, and MKL keeps what it won only if whole forward+backward passes run faster "
        "that way than with every product on numpy's OpenBLAS at full threads. \"numpy "
        "BLAS\" is the same engine forced to numpy's matmul (`BACKPROP_BLAS=numpy`: an install "
        "without MKL), \"MKL forced\" every large product to MKL (`BACKPROP_BLAS=mkl`). The "
        "three (and torch) are timed in one process, interleaved in alternating order, medians "
        "of the repeats. \"engine ÷ numpy BLAS\" is the check that installing MKL never makes "
        "the engine slower (≥ 1.0 up to the noise): the median, over the repetitions, of the "
        "two blocks timed next to each other (so they share that moment's load). Load: the "
        "1-minute load average (as `uptime` shows it) when the row started and ended.",
        "",
        "| network | dtype | m | threads | route chosen | engine | engine, numpy BLAS | "
        "engine, MKL forced | engine ÷ numpy BLAS | torch hand-written | torch autograd | "
        "engine ÷ faster torch (≥ 1.0) | numpy BLAS ÷ faster torch (≥ 1.0) | "
        "page faults/step | load start → end |",
        "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        sps = r["steps_per_s"]
        load = r.get("load", {})
        lines.append(
            f"| {r['case']} | {r['dtype']} | {r['m']:,} | {r.get('threads', '?')} | "
            f"{r.get('engine_route', '?')} | {_f(sps['engine'])} | "
            f"{_f(sps.get('engine_numpy'))} | {_f(sps.get('engine_mkl'))} | "
            f"{_ratio(r, 'ratio_engine_vs_numpy')} | "
            f"{_f(sps.get('torch_manual'))} | {_f(sps.get('torch_autograd'))} | "
            f"{_ratio(r, 'ratio_engine_vs_best_torch', 1.0)} | "
            f"{_ratio(r, 'ratio_engine_numpy_vs_best_torch', 1.0)} | "
            f"{_f(r['engine_page_faults_per_step'], 2)} | "
            f"{_load(load.get('start'))} → {_load(load.get('end'))} |")
    lines += ["", "Routes the engine measured (best trial time per library, per shape class: "
              "dtype, ~multiply-adds, operands read as stored N or transposed T; then the "
              "median whole pass with MKL's classes and without):", ""]
    for r in rows:
        if not r.get("engine_route", "–").startswith("–"):
            lines.append(f"- {r['case']} {r['dtype']}, {r.get('threads', '?')} threads: "
                         f"{r.get('engine_router', '?')}")
    lines += ["", "### Engine: share of the GEMM bound on 784-128-10 (≥ 80 %)", "",
              "The bound: the step's matrix products alone, in the faster of two layouts, "
              "through numpy's matmul and through MKL; the engine is held to the faster of the "
              "two, the numpy route to numpy's.", "",
              "| dtype | threads | engine step (ms) | products alone, numpy / MKL (ms) | "
              "GFLOP/s GEMM | GFLOP/s engine | engine fraction | numpy route: step (ms), "
              "fraction |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        if "gemm_fraction" in r:
            b = r["gemm_bounds_s"]
            frac, frac_np = r["gemm_fraction"], r["gemm_fraction_numpy"]
            lines.append(
                f"| {r['dtype']} | {r.get('threads', '?')} | "
                f"{_f(r['s_per_step']['engine'] * 1e3, 2)} | "
                f"{_f(b['numpy'] * 1e3, 2)} / {_f(b.get('mkl', float('nan')) * 1e3, 2)} | "
                f"{_f(r['gemm_gflops'])} | {_f(r['engine_gflops'])} | "
                f"{frac:.1%} {_ok(frac >= 0.8)} | "
                f"{_f(r['s_per_step']['engine_numpy'] * 1e3, 2)}, {frac_np:.1%} "
                f"{_ok(frac_np >= 0.8)} |")
    t = engine["trace"]
    lines += ["", "### Step-by-step trace (< 1 ms)", "",
              "| case | records | median (ms) | target |", "|---|---:|---:|---|",
              f"| {t['case']} | {t['steps']} | {_f(t['median_ms'], 3)} | "
              f"{_ok(t['median_ms'] < 1.0)} |"]
    return lines


def app_table(app: dict) -> list[str]:
    """Return the lines of the app tables."""
    limits = {"2-4-4-1": 16.0, "64-32-10": 16.0, "784-128-10": 33.0}
    lines = ["### App: canvas frame time offscreen (the step-through's pulse and morph "
             "animations; and a step change without animation)",
             "", "| network | edges drawn per Θ | animation frames | p50 (ms) | p95 (ms) | "
             "target p95 | step change p50 / p95 (ms) |",
             "|---|---|---:|---:|---:|---|---:|"]
    for c in app.get("canvas", []):
        lim = limits.get(c["case"], 16.0)
        lines.append(f"| {c['case']} | {c['drawn_edges']} | {c['frames']} | "
                     f"{_f(c['p50_ms'])} | {_f(c['p95_ms'])} | "
                     f"≤ {lim:g} ms {_ok(c['p95_ms'] <= lim)} | "
                     f"{_f(c.get('step_p50_ms'))} / {_f(c.get('step_p95_ms'))} |")
    lines += ["", "### App: training in the window vs the headless engine; input latency meanwhile",
              "", "| preset | network | m | headless epochs/s | in-app epochs/s | ratio (≥ 0.8) | "
              "latency p50 (ms) | latency p99 (≤ 50 ms) |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for t in app.get("training", []):
        lines.append(
            f"| {t['preset']} | {'-'.join(map(str, t['layer_sizes']))} | {t['m']} | "
            f"{_f(t['headless_epochs_per_s'])} | {_f(t['app_epochs_per_s'])} | "
            f"{t['ratio']:.3f} {_ok(t['ratio'] >= 0.8)} | {_f(t['latency_p50_ms'])} | "
            f"{_f(t['latency_p99_ms'])} {_ok(t['latency_p99_ms'] <= 50)} |")
    maps = app.get("maps")
    if maps:
        from benchmarks.maps_bench import table as maps_table

        lines += ["", "### App: painted frames while training with every neuron's map on "
                  "(issue 16; benchmarks/maps_bench.py)", "", maps_table(maps)]
    keys = app.get("keys")
    if keys:
        from benchmarks.key_bench import table

        lines += ["", "### App: a real key (→ ← Home End) to the painted window", "",
                  table(keys)]
    s = app.get("startup")
    if s:
        lines += ["", "### App: start-up to the first painted window", "",
                  "| runs | app median (s) | floor median (s): import PySide6.QtWidgets, "
                  "pyqtgraph | app − floor (s) | target median ≤ 1.0 s |",
                  "|---:|---:|---:|---:|---|",
                  f"| {s['runs']} | {_f(s['first_paint_median_s'], 2)} | "
                  f"{_f(s['floor_median_s'], 2)} | "
                  f"{_f(s['first_paint_median_s'] - s['floor_median_s'], 2)} | "
                  f"{_ok(s['first_paint_median_s'] <= 1.0)} |"]
    m = app.get("memory")
    if m:
        lines += ["", "### App: memory over XOR epochs through the app's training loop", "",
                  "| epochs | seconds | RSS start (MB) | RSS end (MB) | growth incl. peak (MB) | "
                  "target ≤ 50 MB |", "|---:|---:|---:|---:|---:|---|",
                  f"| {m['epochs']:,} | {_f(m['seconds'])} | {_f(m['rss_start_mb'])} | "
                  f"{_f(m['rss_end_mb'])} | {_f(m['growth_mb'])} | "
                  f"{_ok(m['growth_mb'] <= 50 and m['epochs'] >= 1_000_000)} |"]
        if "when" in m:
            lines += ["", f"(Memory re-measured alone at {m['when']}: {m['note']})"]
        if "froze_at_epoch" in m:
            lines += ["", f"**The app's event loop froze at epoch {m['froze_at_epoch']:,}** "
                      "(no timer fired for 30 s: training stopped; the stack was in pyqtgraph "
                      "painting), so the million epochs could not be completed."]
    return lines


def markdown(results: dict) -> str:
    """Return the whole results page."""
    env = results["environment"]
    lines = [f"# Benchmark results — {env.get('cpu_vendor', '?')} {env.get('cpu', '?')} — "
             f"{results['when']}", "",
             "Medians of interleaved repeats, every variant timed side by side in one run. "
             f"Threads: {env.get('threads')} for numpy's BLAS (threadpoolctl + "
             "OMP/OPENBLAS/MKL_NUM_THREADS) and for torch. The machine is small and shared "
             "(2 cores, several people running tests): load average "
             f"{env.get('loadavg_at_start')} at the start, {results.get('loadavg_at_end')} at "
             "the end.", "",
             f"Machine: {env.get('cpu_vendor', '?')} {env.get('cpu', '?')}; numpy's OpenBLAS "
             f"kernels: {env.get('numpy OpenBLAS kernel', '?')}; MKL: "
             f"{env.get('engine MKL', '?')}; the engine's BLAS route: chosen per process by "
             "measuring (column \"route chosen\" below).", "",
             "Environment: " + "; ".join(f"{k}: {v}" for k, v in env.items()), ""]
    for part, when in results.get("earlier", {}).items():
        lines += [f"(The {part} tables are from the run of {when}; this run measured the "
                  "rest.)", ""]
    if "engine" in results:
        lines += engine_table(results["engine"]) + [""]
    if "app" in results:
        lines += app_table(results["app"]) + [""]
    if "health" in results:
        from benchmarks.health_bench import table

        lines += table(results["health"]) + [""]
    maps = results.get("app", {}).get("maps")
    if "health" in results or maps:
        from benchmarks.health_bench import budgets

        lines += budgets(results.get("health"), maps) + [""]
    return "\n".join(lines)
