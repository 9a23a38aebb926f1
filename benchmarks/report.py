"""Turn the measurements into the Markdown table of benchmarks/results/latest.md."""

from __future__ import annotations

import math


def _f(v: float, digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:,.{digits}f}"


def _ok(flag: bool) -> str:
    return "met" if flag else "**MISSED**"


def engine_table(engine: dict) -> list[str]:
    """Return the lines of the engine tables (training speed, GEMM bound, trace)."""
    rows = engine["training"]
    blas_name = next((r["engine_blas"] for r in rows if r.get("engine_blas", "numpy") != "numpy"),
                     "numpy")
    lines = [
        "### Engine: full-batch training steps per second (higher is better)",
        "",
        f"\"engine\" does its large float32 matrix products with {blas_name} (engine/blas.py; the "
        "`mkl` extra, installed by `make bench`) and float64 ones with numpy; \"engine, numpy "
        "BLAS\" is the same engine on numpy's own matmul (the OpenBLAS in numpy's wheel), for an "
        "install without the extra.",
        "",
        "| network | dtype | m | threads | engine | engine, numpy BLAS | torch hand-written | "
        "torch autograd | engine ÷ faster torch (≥ 1.0) | numpy BLAS ÷ faster torch | "
        "page faults/step |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        sps = r["steps_per_s"]
        ratio = r.get("ratio_vs_best_torch")
        verdict = "–" if ratio is None else f"{ratio:.3f}× {_ok(ratio >= 1.0)}"
        ratio_np = r.get("ratio_numpy_vs_best_torch")
        lines.append(
            f"| {r['case']} | {r['dtype']} | {r['m']:,} | {r.get('threads', '?')} | "
            f"{_f(sps['engine'])} | {_f(sps.get('engine_numpy'))} | "
            f"{_f(sps.get('torch_manual'))} | {_f(sps.get('torch_autograd'))} | {verdict} | "
            f"{'–' if ratio_np is None else f'{ratio_np:.3f}×'} | "
            f"{_f(r['engine_page_faults_per_step'], 2)} |")
    lines += ["", "### Engine: share of the GEMM bound on 784-128-10 (≥ 80 %)", "",
              "The bound: the step's matrix products alone, through the same library, in the "
              "faster of two layouts.", "",
              "| dtype | threads | step (ms) | its matrix products alone (ms) | GFLOP/s GEMM | "
              "GFLOP/s engine | fraction | numpy BLAS: step / products (ms), fraction |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        if "gemm_fraction" in r:
            frac = r["gemm_fraction"]
            np_part = "–"
            if "gemm_fraction_numpy" in r:
                np_part = (f"{_f(r['s_per_step']['engine_numpy'] * 1e3, 2)} / "
                           f"{_f(r['gemm_bound_numpy_s'] * 1e3, 2)}, "
                           f"{r['gemm_fraction_numpy']:.1%}")
            lines.append(
                f"| {r['dtype']} | {r.get('threads', '?')} | "
                f"{_f(r['s_per_step']['engine'] * 1e3, 2)} | "
                f"{_f(r['gemm_bound_s'] * 1e3, 2)} | {_f(r['gemm_gflops'])} | "
                f"{_f(r['engine_gflops'])} | {frac:.1%} {_ok(frac >= 0.8)} | {np_part} |")
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
    lines = [f"# Benchmark results — {results['when']}", "",
             "Medians of interleaved repeats, every variant timed side by side in one run. "
             f"Threads: {env.get('threads')} for numpy's BLAS (threadpoolctl + "
             "OMP/OPENBLAS/MKL_NUM_THREADS) and for torch. The machine is small and shared "
             "(2 cores, several people running tests): load average "
             f"{env.get('loadavg_at_start')} at the start, {results.get('loadavg_at_end')} at "
             "the end.", "", "Environment: " + "; ".join(f"{k}: {v}" for k, v in env.items()),
             ""]
    for part, when in results.get("earlier", {}).items():
        lines += [f"(The {part} tables are from the run of {when}; this run measured the "
                  "rest.)", ""]
    if "engine" in results:
        lines += engine_table(results["engine"]) + [""]
    if "app" in results:
        lines += app_table(results["app"]) + [""]
    return "\n".join(lines)
