"""The trainer: the one epoch loop of the app, in pieces small enough for a window to schedule.

``Trainer.run(deadline, max_epochs)`` trains ``network`` on (X, Y) with ``settings`` — full batch
(one step an epoch), mini-batches of ``batch_size`` shuffled with the passed-in generator, or one
example at a time (batch size 1) — until the deadline or the number of whole epochs, and
returns. A mini-batch epoch may stop half done; the next call finishes it. The trainer owns the
optimizer and its moments, the epoch counter, the loss history (test cost and accuracy measured
at the first stored epoch and at every multiple of ``MEASURE_EVERY`` × the history's stride) and the
handling of divergence: weights, counter, history, optimizer and generator all go back together
to the last epoch whose weights were finite and moderate, and ``Divergence.cause`` says why in
one sentence. Shapes: X (m, s(1)), Y (m, s(L)), Θ(l) (s(l+1), 1 + s(l)).
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from engine.fast_path import StepArrays
from engine.files.session_training import TrainingState
from engine.lesson.divergence import Checkpoint, Divergence, moderate, roll_back  # noqa: F401
from engine.lesson.history import HistoryPoint, LossHistory
from engine.lesson.scoring import accuracy, measure_point
from engine.lesson.settings import Settings
from engine.lesson.update_preview import preview_update
from engine.mistakes import check_mistake
from engine.network import DivergenceError, Network
from engine.optimizers import Optimizer, UpdatePreview, make_optimizer

# Test cost and accuracies are measured on every MEASURE_EVERY-th epoch of the history's stride:
# epochs only (never the clock), so a run of N epochs has the same test curve blocking or live,
# about E/8 points up to 1000 epochs and 63..125 when the history is full (its stride doubles).
# Measuring is two forward passes (≈ 1-3 epochs of a small network): every 8th epoch keeps it
# near a tenth of small networks' training time, less once the history's stride grows.
MEASURE_EVERY = 8


def measures_epoch(history: LossHistory, epoch: int, every: int = MEASURE_EVERY) -> bool:
    """Return whether ``epoch`` is measured: the history's first point, or a multiple of
    ``every`` × its stride (a power of two times it, so it survives the history's thinning)."""
    return not len(history) or epoch % (every * history.stride) == 0


class EpochObserver(Protocol):
    """What the trainer tells where epochs end (engine.lesson.health.HealthRecorder is one;
    it also has ``due`` and ``on_step``, so full-batch steps lend it their pass's arrays)."""

    def on_epoch(self, trainer: Trainer, epoch: int) -> None:
        """Look at ``trainer`` now that ``epoch`` is done (also called before training)."""


@dataclass
class _Measuring:
    """The clock-keeping behind the seconds per epoch (seconds; a moving average)."""

    epoch_avg: float | None = None
    measure_seconds: float = 0.0
    t0: float = field(default_factory=time.perf_counter)
    progress0: float = 0.0


class Trainer:
    """Train ``network`` on ``X``/``Y`` (and measure on ``test``, a held-out (X, Y) or None).

    ``epoch`` counts the epochs done since the network was last replaced, ``history`` holds the
    cost (and accuracy) per epoch, ``examples`` counts every example trained on (for the speed).
    ``health``, if set, records the layers' gradient health where epochs end (on its stride);
    ``path``, if set, the weights there (the loss landscape's training path).
    """

    health: EpochObserver | None = None
    path: EpochObserver | None = None

    def __init__(self, network: Network, X: np.ndarray, Y: np.ndarray, settings: Settings,
                 rng: np.random.Generator, test: tuple[np.ndarray, np.ndarray] | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.rng, self.clock, self.settings = rng, clock, settings
        self.history = LossHistory()
        self.examples, self.latest_measured = 0, True
        self.set_problem(network, X, Y, test)

    # --- what is trained -------------------------------------------------------------------------
    def set_problem(self, network: Network, X: np.ndarray, Y: np.ndarray,
                    test: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """Train ``network`` on new examples from scratch: counter, history and moments restart."""
        self.network, self._X, self._Y, self._test = network, X, Y, test
        self.restart()

    def restart(self) -> None:
        """Forget the history, the counter, the optimizer's moments and any epoch under way."""
        self.history.clear()
        self.epoch = 0
        self._prepared: tuple[np.ndarray, ...] | None = None
        self._optimizer: Optimizer | None = None
        self._end_partial_epoch()
        self._measuring = _Measuring()
        self._checkpoint: Checkpoint | None = None
        # Epochs whose health / training accuracy the next full-batch step's pass gives.
        self._health_due: int | None = None
        self._accuracy_due = False

    def set_settings(self, settings: Settings) -> None:
        """Use ``settings`` from now on: a new rate keeps the moments, another optimizer starts
        fresh, and a new batch size or λ starts the epoch under way over (the weights stay)."""
        self.settings = settings
        opt = self._optimizer
        if opt is not None and opt.name == settings.optimizer:
            opt.lr = settings.lr
        else:
            self._optimizer = None
        self._end_partial_epoch()
        self._checkpoint = None

    @property
    def optimizer(self) -> Optimizer:
        """The optimizer of the settings, with the moments of the steps taken so far."""
        if self._optimizer is None:
            self._optimizer = make_optimizer(self.settings.optimizer, self.settings.lr)
        return self._optimizer

    @property
    def held_optimizer(self) -> Optimizer | None:
        """The optimizer with the moments of the steps taken, or None before the first step."""
        return self._optimizer

    @property
    def test(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The held-out (X_test, Y_test), or None."""
        return self._test

    def is_classification(self) -> bool:
        """Return whether the targets are class labels (0/1 values), so accuracy means something."""
        Y = self._Y
        return self.network.output.gives_probabilities and bool(np.all((Y == 0) | (Y == 1)))

    def data(self) -> tuple[np.ndarray, ...]:
        """Return the prepared (x, y[, x_test, y_test]) the loop trains and measures on."""
        if self._prepared is None:
            x, y = self.network.prepare(self._X, self._Y)
            test = self._test
            self._prepared = (x, y) if test is None else (x, y, *self.network.prepare(*test))
        return self._prepared

    def forget_prepared(self) -> None:
        """Prepare the examples again before the next step (they were refused)."""
        self._prepared = None

    def epoch_progress(self) -> float:
        """Return the epochs done, with the trained part of a mini-batch epoch under way."""
        order = self._order
        return self.epoch + (0.0 if order is None else self._pos / order[0].shape[0])

    @property
    def seconds_per_epoch(self) -> float | None:
        """The moving average of an epoch's training time, measuring excluded (None: unknown)."""
        return self._measuring.epoch_avg

    # --- training --------------------------------------------------------------------------------
    def run(self, deadline: float = math.inf, max_epochs: int | None = None) -> Divergence | None:
        """Train until ``clock()`` passes ``deadline`` (at least one step) or ``max_epochs``
        whole epochs are done; return the Divergence if training ran away (everything rolled
        back), else None. Raise ValueError (the engine's) for data the loss cannot use."""
        # A loaded history may run ahead of a loaded counter: continue after its newest epoch.
        self.epoch = max(self.epoch, self.history.latest_epoch())
        target = math.inf if max_epochs is None else self.epoch + max_epochs
        if self.health is not None:         # the state before training is epoch 0's record
            self._observe_health(self.epoch)
        if self.path is not None:
            self.path.on_epoch(self, self.epoch)
        if self._order is None:
            self._remember()
        meas = self._measuring
        meas.t0, meas.progress0 = self.clock(), self.epoch_progress()
        try:
            self._steps(deadline, target)
        except DivergenceError:
            return roll_back(self)
        finally:
            self._flush_due()
            self._time_epochs(self.clock())
        if self._order is None:
            self._remember()
        return None

    def _steps(self, deadline: float, target: float) -> None:
        s = self.settings
        x, y = self.data()[:2]
        m, batch = x.shape[0], s.batch_size
        lam, freeze_bias, opt = s.lam, s.freeze_bias, self.optimizer
        step, clock = self.network.train_step_prepared, self.clock
        if s.lam1:      # bound once, like the mistake: the loop below stays the same
            step = functools.partial(step, lam1=s.lam1)
        if s.mistake:   # bound once here, so the loop below is the same with or without one
            step = functools.partial(step, mistake=check_mistake(s.mistake))
        if batch is None or batch >= m:
            # Full batch: one step per epoch. The loop does as little as it can besides the
            # step, since a small network's step takes only tens of microseconds: epochs off
            # the history's stride are only noted (their J, for the lowest and highest of their
            # thinned interval), and the last one is noted again on the way out.
            history = self.history
            epoch0 = epoch = self.epoch
            stride, cost, note = history.stride, math.nan, history.note
            try:
                while True:
                    if self._health_due is None and not self._accuracy_due:
                        cost = step(x, y, opt, lam, freeze_bias)
                    else:   # this step's pass is the last epoch's: lend its arrays
                        cost = step(x, y, opt, lam, freeze_bias, inspect=self._lend)
                    epoch += 1
                    if epoch % stride == 0:
                        self.epoch = epoch
                        self._record_on_stride(epoch, cost)
                        stride = history.stride      # recording may have thinned the history
                    else:
                        note(epoch, cost)            # for the min/max of its thinned interval
                    if epoch >= target or clock() >= deadline:
                        return
            finally:
                self._flush_due()                   # no step followed a due epoch: measure it
                if epoch != self.epoch:             # the newest epochs were off the stride
                    self.epoch = epoch
                    history.note(epoch, cost)
                    self.latest_measured = False
                self.examples += m * (epoch - epoch0)
        while True:
            if self._order is None:
                self._shuffle()
            xs, ys = self._order
            p = self._pos
            self._costs.append(step(xs[p:p + batch], ys[p:p + batch], opt, lam, freeze_bias))
            self.examples += min(batch, m - p)
            self._pos = p + batch
            if self._pos >= m:
                cost = float(np.mean(self._costs))
                # Over before _end_epoch times it: the finished epoch is no longer under way.
                self._end_partial_epoch()
                self._end_epoch(cost)
                self._remember()
                if self.epoch >= target:
                    return
            if clock() >= deadline:
                return

    def _shuffle(self) -> None:
        # The same shuffle as Network.train_epoch, so both paths agree. The generator's state
        # before it is kept: a saved session draws this epoch's order again from it.
        x, y = self.data()[:2]
        self._order_rng = self.rng.bit_generator.state
        order = self.rng.permutation(x.shape[0])
        self._order = (x[order], y[order])

    def _end_partial_epoch(self) -> None:
        self._order: tuple[np.ndarray, np.ndarray] | None = None
        self._order_rng: dict[str, Any] | None = None
        self._pos = 0
        self._costs: list[float] = []

    def _end_epoch(self, train_cost: float) -> None:
        self.epoch = epoch = self.epoch + 1
        if epoch % self.history.stride:
            self.history.note(epoch, train_cost)
            self.latest_measured = False
        else:
            self._record_on_stride(epoch, train_cost)

    # --- measuring -------------------------------------------------------------------------------
    def _record_on_stride(self, epoch: int, train_cost: float) -> None:
        """Store ``epoch`` (on the history's stride), measured if ``measures_epoch`` says so."""
        meas = self._measuring
        if measures_epoch(self.history, epoch):
            t0 = self.clock()
            self._time_epochs(t0)
            # The training accuracy needs a(L) at these weights, which the next full-batch
            # step computes anyway: it is read there (``_lend``) when such a step follows.
            self._accuracy_due = self.is_classification() and self._lends_steps()
            self.history.add(self.measure(epoch, train_cost, not self._accuracy_due))
            meas.measure_seconds += self.clock() - t0
            self.latest_measured = True
        else:
            self.history.add(HistoryPoint(epoch, train_cost))
            self.latest_measured = False
        if self.health is not None:
            self._observe_health(epoch)
        if self.path is not None:
            self.path.on_epoch(self, epoch)

    def _lends_steps(self) -> bool:
        """Return whether the steps are full-batch steps of the plain algorithm: each one's
        pass is over the training set at the weights of the epoch before it."""
        s = self.settings
        return not s.mistake and (s.batch_size is None or s.batch_size >= self.data()[0].shape[0])

    def _observe_health(self, epoch: int) -> None:
        """Record the health at ``epoch`` now, or leave it to the next step's pass."""
        due = getattr(self.health, "due", None)
        if due is not None and not due(self, epoch):
            return      # off the recorder's stride (most epochs): nothing more to ask
        if due is not None and self._lends_steps():
            self._health_due = epoch
        else:
            self.health.on_epoch(self, epoch)

    def _lend(self, arrays: StepArrays) -> None:
        """Take what is due from the pass of the step after it (before the step's update)."""
        if self._accuracy_due:
            self._accuracy_due = False
            with np.errstate(over="ignore", invalid="ignore"):
                acc = accuracy(arrays.aL.T, self.data()[1])
            self.history.latest = replace(self.history.latest, train_accuracy=acc)
        if self._health_due is not None:
            epoch, self._health_due = self._health_due, None
            self.health.on_step(self, epoch, arrays)

    def _flush_due(self) -> None:
        """Measure what is due directly: no step followed its epoch."""
        if self._accuracy_due:
            self._accuracy_due = False
            with np.errstate(over="ignore", invalid="ignore"):
                x, y = self.data()[:2]
                acc = accuracy(self.network._forward_fast(x).aL.T, y)
            self.history.latest = replace(self.history.latest, train_accuracy=acc)
        if self._health_due is not None:
            epoch, self._health_due = self._health_due, None
            self.health.on_epoch(self, epoch)

    def _time_epochs(self, now: float) -> None:
        """Fold the epochs done since the last call into the seconds-per-epoch average (time
        spent measuring excluded). A mini-batch epoch spread over several calls is timed whole."""
        meas, progress = self._measuring, self.epoch_progress()
        done = progress - meas.progress0
        if done > 0:
            seconds = (now - meas.t0 - meas.measure_seconds) / done
            meas.epoch_avg = (seconds if meas.epoch_avg is None
                              else 0.9 * meas.epoch_avg + 0.1 * seconds)
        meas.t0, meas.progress0, meas.measure_seconds = now, progress, 0.0

    def measure(self, epoch: int, train_cost: float, train_accuracy: bool = True
                ) -> HistoryPoint:
        """Return the epoch's point: its train cost, and the test cost and accuracies now
        (without ``train_accuracy``, NaN for the training set's)."""
        return measure_point(self.network, self.data(), self.settings, epoch, train_cost,
                             self.is_classification() and train_accuracy,
                             self.is_classification())

    def measure_latest(self) -> None:
        """Measure the newest epoch if it was off the measure stride (for the curve's end)."""
        last = self.history.latest
        if last is not None and not self.latest_measured:
            self.history.latest = self.measure(last.epoch, last.train_cost)
        self.latest_measured = True

    # --- divergence ------------------------------------------------------------------------------
    def _remember(self) -> None:
        """Keep everything needed to come back to this epoch, if its weights are moderate."""
        if moderate(self.network.thetas):
            self._checkpoint = Checkpoint.take(self)

    # --- saving and restoring --------------------------------------------------------------------
    def training_state(self) -> TrainingState:
        """Return what training needs besides Θ and the settings to continue exactly: the
        optimizer's moments, the shuffling generator as it was at the start of the current
        epoch, and how far a mini-batch epoch under way got."""
        opt, in_epoch = self._optimizer, self._order is not None
        return TrainingState(
            optimizer=self.settings.optimizer if opt is None else opt.name,
            moments={} if opt is None else opt.state(),
            rng=self._order_rng if in_epoch else self.rng.bit_generator.state,
            epoch_position=self._pos if in_epoch else 0,
            epoch_costs=list(self._costs) if in_epoch else [])

    def restore_training_state(self, saved: TrainingState) -> None:
        """Continue from ``saved`` (as ``training_state`` returns it, checked against the
        network, data and settings by the session loader): the next steps are the saved run's."""
        s = self.settings
        self._optimizer = make_optimizer(s.optimizer, s.lr)
        if saved.optimizer == s.optimizer:
            self._optimizer.set_state(saved.moments, self.network.dtype)
        self._end_partial_epoch()
        if saved.rng is not None:
            self.rng.bit_generator.state = saved.rng
        if saved.epoch_position:
            self._shuffle()
            self._pos, self._costs = saved.epoch_position, list(saved.epoch_costs)
        self._checkpoint = None
        if self._order is None:
            self._remember()

    # --- the stepper's update --------------------------------------------------------------------
    def preview_update(self, X: np.ndarray, Y: np.ndarray) -> UpdatePreview:
        """Return the update one training step on (X, Y) would make now — with the settings'
        optimizer and the moments held — without changing the network or the trainer."""
        return preview_update(self.network, self.settings, self._optimizer, X, Y)
