"""The race that decides whether MKL keeps the shape classes its trials won (engine.blas):
the caller's real passes timed under both configurations, alternating, and the verdict.

A product timed alone is not what the learner waits for: with MKL taking one class, the
products left to OpenBLAS run on one thread, and a trial can be timed while the other library's
workers still spin. So the per-product trials only *propose* MKL; the caller's next whole
passes (the training steps' forward and backward passes, ``engine.batched``) are then timed
under both complete configurations — every class numpy's with OpenBLAS at full threads, and
the proposal with OpenBLAS at one thread — alternating, and the proposal is kept only if its
passes are faster by ``MARGIN`` (the median of the ratios of passes timed side by side). Those
are the learner's real steps (``Router.start_race``), not extra passes: deciding used to repeat
a pass 10-20 times, 0.2-2.8 s on a large network's first step; now the first step pays only
the trials (one extra product per large class) and a few steps run in the slower
configuration while the race lasts.

Only the standard library is used here.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

# MKL must be this much faster to take a class: a tie stays with numpy, the library every
# install has (the engine must never be slower with MKL installed than without it).
MARGIN = 0.05
# Real passes timed per configuration when MKL proposes to take a class (``Router.start_race``):
# PASS_VISITS each, interleaved, and more, up to MAX_PASS_VISITS, while they have taken under
# PASS_SECONDS in all — one short step is noisier than the blocks of several a race used to
# time, and cheap steps are cheap to add — or while MKL's lead is within MARGIN of the line
# (784-128-10 float32 at 2 threads: 3 % after 3 visits in one run, 11–14 % in others).
PASS_VISITS, MAX_PASS_VISITS, PASS_SECONDS = 3, 12, 0.1


@dataclass(frozen=True)
class Decision:
    """Which library takes a shape class, and the best time of each in the trial."""

    route: str
    seconds: dict[str, float]
    overruled: bool = False            # MKL won the trial, but whole passes were not faster


@dataclass(frozen=True)
class PassTrial:
    """Whole passes timed under both configurations: the median seconds of each ("numpy":
    without MKL's proposed classes, OpenBLAS at full threads; "mkl": with them) and the one
    kept."""

    route: str
    seconds: dict[str, float]
    classes: int                       # how many classes MKL proposed to take


# The configurations' order in a race: ABBA, so neither always runs right after a switch.
RACE_ORDER = ("mkl", "numpy", "numpy", "mkl")


@dataclass
class Race:
    """Real passes timed under both configurations (``Router.start_race``): the decisions of
    each ("numpy": without MKL's proposed classes, OpenBLAS at full threads; "mkl": with them),
    the seconds seen so far, and where in ``RACE_ORDER`` the next pass is."""

    configs: dict[str, dict[tuple, Decision]]
    classes: int                       # how many classes MKL proposed to take
    times: dict[str, list[float]] = field(default_factory=lambda: {"numpy": [], "mkl": []})
    slot: int = 0
    current: str = ""
    settling: bool = False
    t0: float | None = None

    def record(self, seconds: float) -> PassTrial | None:
        """Add one timed pass of the current configuration; return the verdict once both
        configurations have been seen enough (else None)."""
        self.times[self.current].append(seconds)
        self.slot += 1
        visits = min(len(v) for v in self.times.values())
        spent = sum(map(sum, self.times.values()))
        if self.slot % 2 or visits < PASS_VISITS or (
                spent < PASS_SECONDS and visits < MAX_PASS_VISITS):
            return None
        seconds_of = {name: statistics.median(v) for name, v in self.times.items()}
        # Judged visit by visit: the two passes of a visit ran next to each other and met the
        # same load, so their ratio is steadier on a busy machine than two separate medians.
        ratio = statistics.median(
            a / b for a, b in zip(self.times["mkl"], self.times["numpy"], strict=False))
        if abs(ratio - (1.0 - MARGIN)) < MARGIN and visits < MAX_PASS_VISITS:
            return None     # within a margin of the line: a few disturbed passes can decide
        return PassTrial("mkl" if ratio < 1.0 - MARGIN else "numpy", seconds_of, self.classes)
