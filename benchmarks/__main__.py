"""Run the benchmarks: ``python -m benchmarks [--quick] [--engine-only | --app-only]``."""

from __future__ import annotations

from benchmarks.common import limit_threads

limit_threads()  # before numpy (and its BLAS) is imported anywhere

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks.common import (  # noqa: E402
    THREADS,
    apply_thread_limits,
    blas_description,
    loadavg,
)

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    """Measure, print the table and save it to results/latest.md and latest.json."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="fewer repeats, frames and epochs")
    p.add_argument("--engine-only", action="store_true")
    p.add_argument("--app-only", action="store_true")
    p.add_argument("--repeats", type=int, default=None, help="interleaved blocks per variant")
    p.add_argument("--out", type=Path, default=RESULTS,
                   help="folder for latest.md and latest.json (another folder than the default "
                        "leaves benchmarks/README.md and results/ as they are)")
    args = p.parse_args()
    out = args.out
    apply_thread_limits()
    env = blas_description()
    env["threads"] = str(THREADS)
    env["loadavg_at_start"] = loadavg()
    results: dict = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                     "environment": env}
    if args.engine_only or args.app_only:  # keep the other half of the last run's results
        try:
            last = json.loads((out / "latest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            last = {}
        for part in ("app",) if args.engine_only else ("engine", "health"):
            if part in last:
                results[part] = last[part]
                results.setdefault("earlier", {})[part] = last.get("when", "?")
    if not args.app_only:
        from benchmarks import engine_bench

        repeats = args.repeats or (5 if args.quick else 11)
        results["engine"] = engine_bench.run(repeats)
        from benchmarks import health_bench

        results["health"] = health_bench.run(5 if args.quick else 7)
    if not args.engine_only:
        from benchmarks import app_bench

        results["app"] = app_bench.run(quick=args.quick)
    results["loadavg_at_end"] = loadavg()
    from benchmarks.report import markdown

    text = markdown(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.md").write_text(text + "\n", encoding="utf-8")
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=float) + "\n",
                                     encoding="utf-8")
    print(text)
    if out.resolve() == RESULTS:
        _update_readme(text)
        print(f"\nSaved {out / 'latest.md'} and latest.json; the table in "
              "benchmarks/README.md")
    else:
        print(f"\nSaved {out / 'latest.md'} and latest.json (README and results/ untouched)")
    return 0


def _update_readme(text: str) -> None:
    """Put the new table between the results markers of benchmarks/README.md."""
    readme = RESULTS.parent / "README.md"
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    try:
        old = readme.read_text(encoding="utf-8")
    except OSError:
        return
    if start in old and end in old:
        body = text.split("\n", 1)[1].lstrip("\n")  # drop the page title
        head, rest = old.split(start, 1)
        tail = rest.split(end, 1)[1]
        readme.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
