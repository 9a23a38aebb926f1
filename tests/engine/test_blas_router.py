"""engine/blas.py's Router: each shape class of large product goes to the library a trial found
faster (timed with a fake clock here, so the decision is deterministic), MKL keeps what it won
only if whole passes are faster with it, the choice is kept, the two libraries' thread pools
never run side by side, and BACKPROP_BLAS forces a route."""

from __future__ import annotations

import numpy as np
import pytest

from engine import blas

# The second library: MKL where it is installed, else numpy's own OpenBLAS through the same
# ctypes binding (the decision logic does not care which library it is).
OTHER = blas.find_mkl() or blas.numpy_openblas()
pytestmark = pytest.mark.skipif(OTHER is None, reason="no CBLAS reachable through ctypes")


class FakeClock:
    """Seconds that move only when a product runs: by the cost the test gives its route."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeThreads:
    """Stands for numpy's OpenBLAS thread control and remembers every count it was given."""

    def __init__(self, n: int) -> None:
        self.n, self.given = n, []

    def get(self) -> int:
        return self.n

    def set(self, n: int) -> None:
        self.n = n
        self.given.append(n)


def _router(costs: dict[str, float], threads: int = 2, forced: str | None = None,
            mkl=lambda: OTHER) -> tuple[blas.Router, FakeThreads, list[str]]:
    """Return a router whose products cost ``costs[route]`` fake seconds, its fake OpenBLAS
    threads, and the list of routes run (in order; "sleep" for each wait of the router)."""
    clock, ob, runs = FakeClock(), FakeThreads(threads), []
    router = blas.Router(forced=forced, mkl=mkl, openblas=ob, clock=clock,
                         sleep=lambda s: runs.append("sleep"))
    real_run = router._run

    def run(route, a, b, out):
        runs.append(route)
        clock.now += costs[route]
        return real_run(route, a, b, out)

    router._run = run
    return router, ob, runs


def _product(rng, m: int, k: int, n: int, dtype=np.float64):
    a = rng.standard_normal((m, k)).astype(dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    return a, b, np.full((m, n), np.nan, dtype), a.astype(np.float64) @ b.astype(np.float64)


@pytest.fixture(autouse=True)
def small_min_work(monkeypatch):
    monkeypatch.setattr(blas, "MIN_WORK", 1000)   # test products of ~10^4 multiply-adds count


def test_faster_library_takes_the_class_and_the_product_is_right():
    rng = np.random.default_rng(1)
    router, ob, runs = _router({"numpy": 2.0, "mkl": 1.0})
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    decision = router.decisions[blas.shape_class(a, b, out)]
    assert decision.route == "mkl"
    assert decision.seconds == {"numpy": 2.0, "mkl": 1.0}
    # Each library once to warm up, then TRIALS timed runs each (the fake seconds are over the
    # trial's budget at once), interleaved.
    assert runs.count("mkl") == runs.count("numpy") == 1 + blas.TRIALS


def test_decision_is_kept_and_not_timed_again():
    rng = np.random.default_rng(2)
    router, ob, runs = _router({"numpy": 1.0, "mkl": 3.0})
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    router.start_race()                                 # nothing proposed: no race
    assert router.race is None
    trial_runs = len(runs)
    for _ in range(3):
        a2, b2, out2, want2 = _product(rng, 20, 30, 25)
        router.matmul(a2, b2, out2)
        np.testing.assert_allclose(out2, want2, rtol=1e-12)
    assert len(runs) == trial_runs                      # the kept route runs without a trial
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"
    assert router.passes == [] and not router.pending
    assert ob.n == 2                                    # numpy has its threads back


def test_a_tie_within_the_margin_stays_with_numpy():
    rng = np.random.default_rng(3)
    router, _, _ = _router({"numpy": 1.0, "mkl": 1.0 - blas.MARGIN / 2})
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"


def test_each_shape_class_and_dtype_is_decided_on_its_own():
    rng = np.random.default_rng(4)
    router, _, runs = _router({"numpy": 1.0, "mkl": 2.0})
    products = [_product(rng, 20, 30, 25), _product(rng, 20, 30, 25, np.float32),
                _product(rng, 80, 30, 25)]                  # 4× the work: another class
    for a, b, out, _ in products:
        router.matmul(a, b, out)
    assert len(router.decisions) == 3
    transposed = np.ascontiguousarray(products[0][0].T).T   # same shape, read transposed
    router.matmul(transposed, products[0][1], np.empty((20, 25)))
    assert len(router.decisions) == 4


def test_trials_run_with_openblas_on_one_thread_after_its_workers_stopped():
    rng = np.random.default_rng(5)
    router, ob, runs = _router({"numpy": 1.0, "mkl": 2.0}, threads=2)
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    # What the proposal would run: the products MKL does not take on one OpenBLAS thread.
    assert ob.given[0] == 1 and router.pending
    assert runs[0] == "sleep"                            # before the first timed product
    router.start_race()
    assert ob.n == 2 and not router.pending and router.race is None


def test_set_threads_gives_openblas_the_count_back_and_measures_again():
    rng = np.random.default_rng(6)
    router, ob, _ = _router({"numpy": 2.0, "mkl": 1.0}, threads=2)
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    assert ob.n == 1
    router.set_threads(2)
    assert ob.n == 2 and router.decisions == {} and not router.mkl_owns_threads


def test_small_products_stay_with_numpy_without_a_trial():
    rng = np.random.default_rng(7)
    router, _, runs = _router({"numpy": 1.0, "mkl": 0.1})
    a, b, out, want = _product(rng, 5, 6, 7)                  # 210 < MIN_WORK
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs == [] and router.decisions == {}


def test_without_mkl_every_product_is_numpys_and_nothing_is_timed():
    rng = np.random.default_rng(8)
    router, ob, runs = _router({"numpy": 1.0, "mkl": 0.1}, mkl=lambda: None)
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs == [] and ob.given == []
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"


def test_forced_numpy_never_looks_for_mkl():
    def no_mkl():
        raise AssertionError("MKL was looked up")

    rng = np.random.default_rng(9)
    router, ob, runs = _router({"numpy": 9.0, "mkl": 0.1}, forced="numpy", mkl=no_mkl)
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs == [] and ob.given == [] and router.decisions == {}


def test_forced_mkl_takes_every_large_product_and_the_threads(monkeypatch):
    rng = np.random.default_rng(10)
    router, ob, runs = _router({"numpy": 0.1, "mkl": 9.0}, forced="mkl")
    used: list[object] = []
    real = blas.gemm_into
    monkeypatch.setattr(blas, "gemm_into", lambda lib, a, b, o: used.append(lib) or real(
        lib, a, b, o))
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert used == [OTHER] and runs == [] and ob.n == 1
    assert not router.pending and router.fresh == set()    # nothing to confirm


@pytest.mark.parametrize(("value", "forced"), [("numpy", "numpy"), ("MKL", "mkl"),
                                               ("auto", None), ("", None)])
def test_backprop_blas_chooses_the_route(monkeypatch, value, forced):
    monkeypatch.setenv("BACKPROP_BLAS", value)
    assert blas.router_from_environment().forced == forced


def test_backprop_blas_with_an_unknown_value_measures_and_says_so(monkeypatch):
    monkeypatch.setenv("BACKPROP_BLAS", "openblas")
    router = blas.router_from_environment()
    assert router.forced is None
    assert router.describe().startswith("BACKPROP_BLAS='openblas' is not numpy, mkl or auto")


def test_cheap_products_are_timed_more_often_up_to_a_limit():
    rng = np.random.default_rng(11)
    router, _, runs = _router({"numpy": 1e-6, "mkl": 2e-6})   # far under the trial's budget
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs.count("mkl") == runs.count("numpy") == 1 + blas.MAX_TRIALS
    assert router.decisions[blas.shape_class(a, b, out)].route == "numpy"


class Step:
    """A fake whole pass: two products of different classes through the router, costing
    ``cost["mkl"]`` fake seconds while MKL keeps a class (OpenBLAS on one thread), else
    ``cost["numpy"]``."""

    def __init__(self, router: blas.Router, cost: dict[str, float]) -> None:
        rng = np.random.default_rng(12)
        self.router, self.cost, self.calls = router, cost, 0
        self.products = [_product(rng, 20, 30, 25), _product(rng, 80, 30, 25)]

    def __call__(self) -> None:
        self.calls += 1
        for a, b, out, want in self.products:
            out[...] = np.nan
            self.router.matmul(a, b, out)
            np.testing.assert_allclose(out, want, rtol=1e-12)
        self.router.clock.now += self.cost["mkl" if self.router.mkl_owns_threads else "numpy"]

    def first(self) -> int:
        """Run the pass once, as the engine does before starting a race, then the passes of
        the race until it is decided; return how many passes the race took."""
        self()
        return _race(self.router, self)


def _race(router: blas.Router, run_pass) -> int:
    """Start the race and time real passes, as engine.batched does, until it is decided;
    return how many passes it took."""
    router.start_race()
    n = 0
    while router.race is not None:
        router.before_pass()
        run_pass()
        router.after_pass()
        n += 1
        assert n < 100, "the race never ended"
    return n


def test_mkl_keeps_its_classes_when_whole_passes_are_faster_with_them():
    router, ob, _ = _router({"numpy": 2.0, "mkl": 1.0})
    step = Step(router, {"numpy": 10.0, "mkl": 8.0})
    step.first()
    assert {d.route for d in router.decisions.values()} == {"mkl"}
    assert router.mkl_owns_threads and ob.n == 1
    assert router.passes == [blas.PassTrial("mkl", {"numpy": 10.0, "mkl": 8.0}, 2)]


def test_mkl_gives_its_classes_back_when_whole_passes_are_slower_with_them():
    # Each product faster through MKL, the whole pass slower (e.g. what stays with OpenBLAS
    # now has one thread): what the learner waits for decides.
    router, ob, _ = _router({"numpy": 2.0, "mkl": 1.0})
    step = Step(router, {"numpy": 8.0, "mkl": 10.0})
    step.first()
    assert {d.route for d in router.decisions.values()} == {"numpy"}
    assert all(d.overruled for d in router.decisions.values())
    assert not router.mkl_owns_threads and ob.n == 2
    assert router.passes[-1].route == "numpy"
    calls = step.calls
    step()                                                 # decided: no more trials or passes
    assert step.calls == calls + 1 and not router.pending


def test_a_tie_of_whole_passes_within_the_margin_stays_with_numpy():
    router, ob, _ = _router({"numpy": 2.0, "mkl": 1.0})
    step = Step(router, {"numpy": 10.0, "mkl": 10.0 * (1 - blas.MARGIN / 2)})
    step.first()
    assert {d.route for d in router.decisions.values()} == {"numpy"} and ob.n == 2


def test_whole_passes_are_timed_interleaved_and_judged_by_their_medians():
    router, _, _ = _router({"numpy": 2.0, "mkl": 1.0})
    cost = {"numpy": 10.0, "mkl": 8.0}
    seen: list[str] = []
    step = Step(router, cost)

    def noisy() -> None:
        # One MKL pass disturbed by a load spike: the median is not moved by it.
        seen.append("mkl" if router.mkl_owns_threads else "numpy")
        spike = 100.0 if seen.count("mkl") == 2 and seen[-1] == "mkl" else 0.0
        router.clock.now += spike
        step()

    noisy()
    _race(router, noisy)
    timed = [name for name in seen[1:]]
    assert "numpy" in timed[:3] and "mkl" in timed[:3]           # alternated, not in blocks
    assert router.passes[-1].route == "mkl"
    assert router.passes[-1].seconds == {"numpy": 10.0, "mkl": 8.0}


def test_openblas_workers_are_waited_for_only_with_more_than_one_thread():
    for threads, waits in ((1, False), (2, True)):
        router, _, runs = _router({"numpy": 2.0, "mkl": 1.0}, threads=threads)
        Step(router, {"numpy": 10.0, "mkl": 8.0}).first()
        assert ("sleep" in runs) is waits


@pytest.mark.parametrize("forced", ["numpy", "mkl"])
def test_forced_routes_never_time_whole_passes(forced):
    router, _, runs = _router({"numpy": 2.0, "mkl": 1.0}, forced=forced)
    step = Step(router, {"numpy": 10.0, "mkl": 8.0})
    step()
    assert not router.pending and router.passes == [] and runs == []


def test_a_race_times_only_the_callers_passes_and_ends_within_its_visits():
    router, ob, runs = _router({"numpy": 2.0, "mkl": 1.0})
    step = Step(router, {"numpy": 10.0, "mkl": 8.0})
    step()
    trial_runs = len(runs)
    n = _race(router, step)
    assert len(runs) == trial_runs               # no product timed again, no pass of its own
    # At least PASS_VISITS timed passes of each configuration, one untimed after each switch
    # (2 threads), and no more than MAX_PASS_VISITS each.
    assert 2 * blas.PASS_VISITS <= n <= 4 * blas.MAX_PASS_VISITS
    assert step.calls == 1 + n


def test_a_race_on_one_thread_times_every_pass():
    router, _, _ = _router({"numpy": 2.0, "mkl": 1.0}, threads=1)
    step = Step(router, {"numpy": 10.0, "mkl": 8.0})
    assert step.first() == 2 * blas.PASS_VISITS   # the fake passes exceed PASS_SECONDS
    assert router.passes[-1].route == "mkl"


def test_set_threads_ends_a_race_and_measures_again():
    router, ob, _ = _router({"numpy": 2.0, "mkl": 1.0})
    step = Step(router, {"numpy": 10.0, "mkl": 8.0})
    step()
    router.start_race()
    assert router.race is not None
    router.set_threads(2)
    assert router.race is None and router.decisions == {} and ob.n == 2


def test_a_close_race_times_more_passes_before_it_decides():
    # MKL's first passes only 3 % faster (a disturbed start), then 20 %: three visits would
    # have given the classes back to numpy; a lead within the margin of the line asks for more.
    router, _, _ = _router({"numpy": 2.0, "mkl": 1.0})
    cost = {"numpy": 10.0, "mkl": 9.7}
    step = Step(router, cost)
    timed = {"mkl": 0}

    def settling_later() -> None:
        timed["mkl"] += router.mkl_owns_threads
        if timed["mkl"] > 2 * blas.PASS_VISITS:         # settle passes included
            cost["mkl"] = 8.0
        step()

    step()
    n = _race(router, settling_later)
    assert n > 4 * blas.PASS_VISITS
    assert router.passes[-1].route == "mkl"


def test_a_close_race_that_stays_close_ends_with_numpy_after_its_last_visit():
    router, _, _ = _router({"numpy": 2.0, "mkl": 1.0})
    step = Step(router, {"numpy": 10.0, "mkl": 9.7})
    step()
    n = _race(router, step)
    assert router.passes[-1].route == "numpy"
    # It timed past PASS_VISITS (a clear race stops there) and stopped at MAX_PASS_VISITS.
    assert 4 * blas.PASS_VISITS < n <= 4 * blas.MAX_PASS_VISITS


@pytest.mark.parametrize(("costs", "runs_each"), [
    ({"numpy": 2.0, "mkl": 2.2}, 1 + blas.CLOSE_TRIALS),   # within CLOSE: timed again
    ({"numpy": 2.0, "mkl": 1.0}, 1 + blas.TRIALS),         # far apart: one timed run is enough
])
def test_a_close_trial_is_timed_more_often_before_it_decides(costs, runs_each):
    rng = np.random.default_rng(13)
    router, _, runs = _router(costs)          # each product over the trial's time budget
    a, b, out, want = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    np.testing.assert_allclose(out, want, rtol=1e-12)
    assert runs.count("mkl") == runs.count("numpy") == runs_each


def test_a_close_trial_keeps_the_best_of_its_runs():
    # MKL's first timed run disturbed (2.4 against numpy's 2.0, as 9.3 against 8.2 ms once was),
    # its next ones 1.5: one run would have given the class to numpy.
    rng = np.random.default_rng(14)
    router, _, runs = _router({"numpy": 2.0, "mkl": 1.5})
    real_run = router._run
    mkl_runs = []

    def disturbed(route, a, b, out):
        if route == "mkl":
            mkl_runs.append(1)
            if len(mkl_runs) == 2:           # the first timed run (the first one warms up)
                router.clock.now += 0.9
        return real_run(route, a, b, out)

    router._run = disturbed
    a, b, out, _ = _product(rng, 20, 30, 25)
    router.matmul(a, b, out)
    decision = router.decisions[blas.shape_class(a, b, out)]
    assert decision.route == "mkl" and decision.seconds == {"numpy": 2.0, "mkl": 1.5}
