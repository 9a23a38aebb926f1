"""Matrix products for the training path: numpy's matmul or MKL's GEMM, whichever this machine
runs faster — measured, never assumed.

numpy's wheels ship OpenBLAS; the optional ``mkl`` package (``pip install '.[mkl]'``) brings
Intel's MKL. Which is faster depends on the CPU, the shape and the precision: on the Intel
machine of benchmarks/README.md MKL's sgemm beat OpenBLAS's on the 784-128-10 products, while a
user on AMD EPYC measured the MKL route 5× slower than numpy's. So, when MKL is installed, the
first large product of each *shape class* (precision, operand layout and size to a factor of
two) is done by both libraries, interleaved (once each if that takes over TRIAL_SECONDS, more
often if cheaper), and the faster one keeps that class for the rest of the process
(``Router``). Products under ``MIN_WORK`` multiply-adds always stay ``np.matmul``.
``BACKPROP_BLAS=numpy`` or ``=mkl`` forces a route (``auto``, the default, measures).

Two thread pools must never fight over the cores: a BLAS's idle workers spin for a while after
each call (OpenBLAS ~0.1 s, Intel OpenMP 0.2 s), and on a 2-core machine a 2-thread call of the
other library then waits for a core. Hence: MKL's OpenMP workers go to sleep at once after each
call (``KMP_BLOCKTIME=0``), so MKL never spins; and while MKL's trials run and whenever MKL
keeps a class, numpy's OpenBLAS is set to one thread, so it has no workers to spin. A pass in
shards (engine.parallel) runs every call of both on one thread, MKL's per-thread count included.

The per-product trials only *propose* MKL; whole passes decide (``engine.blas_race``).

Only the standard library and numpy are used here: no Qt, no compiled extension of our own.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np

from engine.blas_libraries import (  # noqa: F401 (engine.blas's public names)
    NO_TRANS,
    ROW_MAJOR,
    TRANS,
    Cblas,
    Threads,
    find_mkl,
    gemm_into,
    numpy_openblas,
    numpy_openblas_threads,
    plan,
)
from engine.blas_race import (  # noqa: F401 (engine.blas's public names)
    MARGIN,
    MAX_PASS_VISITS,
    PASS_SECONDS,
    PASS_VISITS,
    RACE_ORDER,
    Decision,
    PassTrial,
    Race,
)

ROUTES = ("numpy", "mkl")

# Smaller products (M·N·K below this) stay with numpy without measuring: a ctypes call costs a
# few microseconds more than np.matmul's dispatch, which matters for the small networks only.
MIN_WORK = 1 << 20
# Timed runs per library when deciding a class (after one warm-up call of a library's first
# use): at least TRIALS, and up to MAX_TRIALS while the trial has taken under TRIAL_SECONDS;
# the fastest of several runs is the least disturbed. Best times within a factor CLOSE of each
# other get CLOSE_TRIALS (one run gave MKL's 7 ms product 9.3 ms, and the class to numpy).
TRIALS, MAX_TRIALS, TRIAL_SECONDS, CLOSE, CLOSE_TRIALS = 1, 9, 0.004, 1.25, 3
# OpenBLAS's idle workers spin ~0.1 s after a call (measured: 99 ms of CPU time during a 0.5 s
# sleep after a 2-thread dgemm on the Intel machine). Before MKL's 2-thread products are timed,
# the router waits, in steps of SPIN_POLL seconds and at most SPIN_SECONDS, until no other
# thread of the process uses the CPU.
SPIN_POLL, SPIN_SECONDS = 0.01, 0.15


def shape_class(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> tuple:
    """Return the class a product is decided for: dtype, how each operand is laid out, and
    log2 of its multiply-adds (a factor of two apart counts as another class)."""
    layout = (a.strides[-1] == a.itemsize, b.strides[-1] == b.itemsize)
    return out.dtype.char, layout, int(math.log2(out.size * a.shape[-1]))


@dataclass
class Router:
    """Send each large product to the library this machine runs it faster with.

    ``forced``: "numpy" or "mkl" to skip measuring (BACKPROP_BLAS); None measures. ``mkl``: a
    function returning MKL's CBLAS or None, called at the first large product (so a process
    that never needs it never loads it). ``openblas``: numpy's OpenBLAS thread control (None if
    unreachable). ``clock``: seconds, for the trials; ``sleep``: waits for OpenBLAS's idle
    workers (tests pass fake ones).
    """

    forced: str | None = None
    mkl: Callable[[], Cblas | None] = find_mkl
    openblas: Threads | None = None
    clock: Callable[[], float] = time.perf_counter
    sleep: Callable[[float], object] = time.sleep
    threads: int = 0                   # the thread budget; 0: OpenBLAS's count when first used
    note: str = ""                     # said first by ``describe`` (e.g. a bad BACKPROP_BLAS)
    decisions: dict[tuple, Decision] = field(default_factory=dict)
    mkl_owns_threads: bool = False
    # Trials since the last pass (OpenBLAS on one thread meanwhile), and the classes they gave
    # MKL: a proposal, until whole passes confirm it (``start_race``).
    pending: bool = False
    fresh: set[tuple] = field(default_factory=set)
    passes: list[PassTrial] = field(default_factory=list)
    race: Race | None = None           # see ``start_race``
    # Counts every clearing of ``decisions``: the sharded pass (engine/parallel.py) runs its
    # shards one after the other, trials and all, the first time after each.
    generation: int = 0
    # Inside ``one_thread_per_call``: every BLAS call single-threaded (the shards' threads share
    # the cores instead of BLAS's workers).
    single: bool = False
    _lib: Cblas | None | bool = False  # False: not looked up yet
    _warm: set[str] = field(default_factory=set)

    def library(self) -> Cblas | None:
        """Return MKL's CBLAS (looked up once, set to the thread budget), or None."""
        if self._lib is False:
            self._lib = None if self.forced == "numpy" else self.mkl()
            self._set_threads_of_mkl()
        return self._lib

    def _budget(self) -> int:
        if not self.threads:
            self.threads = max(1, self.openblas.get()) if self.openblas else 1
        return self.threads

    def measures(self) -> bool:
        """Return whether this router may still time products (MKL installed, no route forced)."""
        return self.forced is None and self.library() is not None

    def budget(self) -> int:
        """Return how many threads the large products may use."""
        return self._budget()

    def _set_threads_of_mkl(self) -> None:
        if self._lib and self._lib.set_threads is not None:
            self._lib.set_threads(1 if self.single else self._budget())

    @contextmanager
    def one_thread_per_call(self) -> Iterator[None]:
        """Run the body with every BLAS call on one thread (OpenBLAS and MKL alike), for
        callers that run several products at once in threads of their own; then give the
        libraries their thread counts back."""
        if self.single or self._budget() < 2:
            yield
            return
        self.single = True
        # This thread's own MKL count (threadpoolctl sets one) beats the global one: 1 too.
        local = self._lib.set_local_threads if self._lib else None
        before = local(1) if local is not None else 0
        try:
            self.activate()
            self._set_threads_of_mkl()
            yield
        finally:
            self.single = False
            if local is not None:
                local(before)
            self.activate()
            self._set_threads_of_mkl()

    def set_threads(self, n: int) -> None:
        """Let the large products use ``n`` threads, and measure every class again."""
        self.threads = int(n)
        self.decisions.clear()
        self.generation += 1
        self.fresh.clear()
        self.race = None
        self.pending = self.mkl_owns_threads = False
        self._set_threads_of_mkl()
        self.activate()

    def activate(self) -> None:
        """Give numpy's OpenBLAS the thread count this router's state needs (one thread while
        MKL has the cores or a proposal is being measured); call after anything else set it,
        e.g. threadpoolctl."""
        if self.openblas is not None:
            owns = (self.mkl_owns_threads or self.pending or self.single
                    or (self.forced == "mkl" and self.library()))
            self.openblas.set(1 if owns else self._budget())

    def route(self, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> str:
        """Return "numpy" or "mkl" for this product, or "undecided" if its class has not been
        measured yet."""
        if out.size * a.shape[-1] < MIN_WORK or self.forced == "numpy":
            return "numpy"
        if self.forced == "mkl":
            if self.library() is not None and not self.mkl_owns_threads:
                self.mkl_owns_threads = True
                self.activate()
            return "mkl" if self.library() is not None else "numpy"
        decision = self.decisions.get(shape_class(a, b, out))
        return decision.route if decision is not None else "undecided"

    def matmul(self, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Write a·b into ``out`` (as ``np.matmul(a, b, out=out)``) and return ``out``."""
        route = self.route(a, b, out)
        if route == "undecided" and getattr(_thread, "shard", False):
            # A shard's worker thread never times: another shard runs beside it. (Its caller
            # ran the shards one by one first, so this is a safety net.)
            route = "numpy"
        if route == "undecided":
            self._decide(a, b, out)            # the trial's last run leaves a·b in ``out``
        elif route == "numpy" or not gemm_into(self._lib, a, b, out):
            np.matmul(a, b, out=out)
        return out

    def _run(self, route: str, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> bool:
        """Write a·b into ``out`` through ``route``; return False if that library refused."""
        if route == "mkl":
            return gemm_into(self._lib, a, b, out)
        np.matmul(a, b, out=out)
        return True

    def _decide(self, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
        key = shape_class(a, b, out)
        lib = self.library()
        if lib is None or plan(lib, a, b, out) is None:
            np.matmul(a, b, out=out)
            self.decisions[key] = Decision("numpy", {})
            return
        if not self.pending:
            # Measure as the proposal would run: OpenBLAS on one thread (with more, the
            # products MKL does not take would wait for the cores MKL's workers use), once
            # its idle workers have stopped spinning.
            self.pending = True
            if self._budget() > 1 and not self.mkl_owns_threads:
                self.activate()
                self._wait_for_idle_workers()
        for route in ROUTES:
            if route not in self._warm:      # a library's first call pays its set-up
                self._run(route, a, b, out)
                self._warm.add(route)
        times: dict[str, list[float]] = {"numpy": [], "mkl": []}
        spent = 0.0
        for i in range(MAX_TRIALS):
            ratio = min(times["mkl"], default=1.0) / min(times["numpy"], default=1.0)
            if i >= TRIALS and spent >= TRIAL_SECONDS and (
                    i >= CLOSE_TRIALS or not 1.0 / CLOSE < ratio < CLOSE):
                break
            for route in ("mkl", "numpy"):     # numpy last: its a·b stays in ``out``
                t0 = self.clock()
                self._run(route, a, b, out)
                times[route].append(self.clock() - t0)
                spent += times[route][-1]
        seconds = {r: min(v) for r, v in times.items()}
        faster = seconds["mkl"] < (1.0 - MARGIN) * seconds["numpy"]
        self.decisions[key] = Decision("mkl" if faster else "numpy", seconds)
        if faster:
            self.fresh.add(key)

    def start_race(self) -> None:
        """End the trials since the last pass: if they gave MKL classes, let the caller's next
        real passes (the training steps the learner waits for anyway) alternate between both
        configurations, timed through ``before_pass``/``after_pass``, and keep MKL's classes
        only if its passes are faster by ``MARGIN``; else give OpenBLAS its threads back now.

        No pass is run for the measurement: the race costs only the steps that happen to run
        in the slower configuration while it lasts (2 × PASS_VISITS to 2 × MAX_PASS_VISITS
        timed passes, and an untimed one after each switch with more than one thread).
        """
        configs = {"mkl": dict(self.decisions),
                   "numpy": {k: replace(d, route="numpy", overruled=True) if k in self.fresh else d
                             for k, d in self.decisions.items()}}
        self.pending = False
        if not self.fresh:
            self.race = None
            self._configure(configs["numpy"])
            return
        self.race = Race(configs, len(self.fresh))
        self.fresh.clear()

    def before_pass(self) -> None:
        """Set the configuration the race (if any) times the coming pass under."""
        race = self.race
        if race is None:
            return
        name = RACE_ORDER[race.slot % len(RACE_ORDER)]
        if name != race.current:
            self._configure(race.configs[name])
            # A switch: the pass right after it runs untimed, so that the other
            # configuration's spinning workers and cold pools do not count against this one.
            race.current, race.settling = name, self._budget() > 1
        race.t0 = self.clock()

    def after_pass(self) -> None:
        """Record the pass begun at ``before_pass``; end the race when it has seen enough."""
        race = self.race
        if race is None or race.t0 is None:
            return
        seconds, race.t0 = self.clock() - race.t0, None
        if race.settling:
            race.settling = False
            return
        trial = race.record(seconds)
        if trial is not None:
            self.passes.append(trial)
            self.race = None
            self._configure(race.configs[trial.route])

    def run_race(self, run_pass: Callable[[], object]) -> None:
        """Finish a started race by running ``run_pass`` (one whole pass of the caller's work)
        until it is decided (for callers with no real passes to time)."""
        while self.race is not None:
            self.before_pass()
            run_pass()
            self.after_pass()

    def _wait_for_idle_workers(self) -> None:
        """Wait until no other thread of this process uses the CPU (OpenBLAS's workers spin
        after their last call), at most SPIN_SECONDS."""
        waited = 0.0
        while waited < SPIN_SECONDS:
            others = time.process_time() - time.thread_time()
            self.sleep(SPIN_POLL)
            waited += SPIN_POLL
            if time.process_time() - time.thread_time() - others < 0.2 * SPIN_POLL:
                return

    def _configure(self, decisions: dict[tuple, Decision]) -> None:
        """Route by ``decisions``; OpenBLAS on one thread if MKL takes any class, else all."""
        self.decisions = dict(decisions)   # a copy: trials add to it, the race's stay as made
        self.mkl_owns_threads = any(d.route == "mkl" for d in decisions.values())
        self.activate()

    def describe(self) -> str:
        """Return one line saying which library takes which class, with the trial times."""
        if self.forced:
            lib = self.library() if self.forced == "mkl" else None
            name = lib.name if lib else "numpy"
            return f"{self.note}forced by BACKPROP_BLAS={self.forced}: {name}"
        if self._lib is None:
            return f"{self.note}numpy (MKL not installed)"
        parts = []
        for (dtype, layout, work), d in sorted(self.decisions.items(), key=str):
            kind = "f32" if dtype == "f" else "f64"
            times = ", ".join(f"{r} {s * 1e3:.2f} ms" for r, s in d.seconds.items())
            why = "; overruled by whole passes" if d.overruled else ""
            parts.append(f"{kind} ~2^{work} MACs {'NT'[not layout[0]]}{'NT'[not layout[1]]}: "
                         f"{d.route}" + (f" ({times}{why})" if times else ""))
        for p in self.passes:
            times = ", ".join(f"{r} {s * 1e3:.2f} ms" for r, s in p.seconds.items())
            parts.append(f"whole pass with MKL's {p.classes} proposed class(es) or without "
                         f"(median {times}): {p.route}")
        owner = "MKL" if self.mkl_owns_threads else "numpy's OpenBLAS"
        return (f"{self.note}measured; {owner} has the threads; "
                + ("; ".join(parts) or "nothing decided"))


def router_from_environment() -> Router:
    """Return a router as ``BACKPROP_BLAS`` (numpy, mkl or auto; default auto) asks."""
    value = os.environ.get("BACKPROP_BLAS", "auto").strip().lower()
    note = ""
    if value not in ("numpy", "mkl", "auto", ""):
        # Not an error: a typo in a tuning variable must not stop the app; the benchmarks'
        # header shows the note.
        note = f"BACKPROP_BLAS={value!r} is not numpy, mkl or auto: measuring. "
    forced = value if value in ROUTES else None
    return Router(forced=forced, openblas=numpy_openblas_threads(), note=note)


router: Router = router_from_environment()
_thread = threading.local()   # ``shard``: True in engine/parallel.py's worker threads


def mark_shard_thread() -> None:
    """Mark the calling thread as a shard worker: its products never start a trial."""
    _thread.shard = True


def matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Write a·b into ``out`` (as ``np.matmul(a, b, out=out)``) and return ``out``."""
    # Cheapest test first: the small networks' products pass here thousands of times a second.
    if out.size * a.shape[-1] < MIN_WORK:
        return np.matmul(a, b, out=out)
    return router.matmul(a, b, out)


def use(new: Router) -> Router:
    """Make ``new`` the module's router (its thread settings applied); return the old one."""
    global router
    old, router = router, new
    new.activate()
    return old


def set_threads(n: int) -> None:
    """Let the engine's large products use ``n`` threads (both libraries; MKL reads
    MKL_NUM_THREADS only when it loads), and measure every class again."""
    router.set_threads(n)


def name() -> str:
    """Return which library does the large products, and why."""
    return router.describe()
