"""Elementwise passes over large (s, m) work arrays, split by rows over a few threads.

numpy runs each ufunc on one core, while BLAS runs the matrix products on all of them: on the
784-128-10 benchmark the sigmoid and g′ passes were the part of a training step that did not
get faster with a second core. numpy releases the GIL inside ufunc loops, so plain Python
threads working on disjoint row ranges run truly in parallel.

The thread count follows the BLAS settings the process was started with (OMP_NUM_THREADS,
OPENBLAS_NUM_THREADS, MKL_NUM_THREADS, else every core), so the app — which sets them to 1 to
keep the window responsive — stays single-threaded; ``set_threads`` overrides it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

# Below this size a pass takes tens of microseconds and handing it to a thread costs more than
# it saves.
MIN_BYTES = 1 << 21

_ENV_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _threads_from_env() -> int:
    for name in _ENV_VARS:
        try:
            n = int(os.environ.get(name, ""))
        except ValueError:
            continue
        if n >= 1:
            return n
    return max(1, os.cpu_count() or 1)


_threads = _threads_from_env()
_pool: ThreadPoolExecutor | None = None


def threads() -> int:
    """Return how many threads the large elementwise passes use."""
    return _threads


def set_threads(n: int) -> None:
    """Use ``n`` ≥ 1 threads for large elementwise passes (1: all on the calling thread)."""
    global _threads, _pool
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "number of threads must be a whole number ≥ 1, got {n!r}"), n=n)
    if _pool is not None and n != _threads:
        _pool.shutdown(wait=True)
        _pool = None
    _threads = n


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(_threads - 1, thread_name_prefix="engine-rows")
    return _pool


def over_rows(rows: int, nbytes: int, work: Callable[[int, int], None]) -> None:
    """Call ``work(r0, r1)`` on row ranges covering 0..rows: one range on this thread if the
    arrays (``nbytes``) are small or one thread is set, else one range per thread, in parallel.

    ``work`` must only write rows r0..r1 of its arrays. The caller's numpy error handling
    (np.errstate) applies in every thread; an exception in any range is raised here.
    """
    n = min(_threads, rows)
    if n <= 1 or nbytes < MIN_BYTES:
        work(0, rows)
        return
    bounds = [rows * i // n for i in range(n + 1)]
    errors = np.geterr()

    def run(r0: int, r1: int) -> None:
        with np.errstate(**errors):
            work(r0, r1)

    futures = [_executor().submit(run, bounds[i], bounds[i + 1]) for i in range(1, n)]
    try:
        work(bounds[0], bounds[1])
    finally:
        for f in futures:
            f.result()
