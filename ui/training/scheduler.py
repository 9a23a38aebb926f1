"""The training controller: schedules the trainer on the main thread in time-budgeted chunks.

All training decisions (epochs, mini-batches, optimizer moments, measuring, divergence) belong to
``engine.lesson.trainer.Trainer``; this controller only schedules it. A zero-interval QTimer calls
``_on_timer_timeout``; each call lets the trainer work for at most ``budget_ms``, so the event
loop gets the CPU back many times a second and the window never freezes. No thread is involved,
so no Qt object is ever touched off the main thread.

The controller trains whatever network the state holds *now*: the stepper, the architecture
editor and session loading change the state, and the trainer follows. Views are told about new
weights at most ``redraw_hz`` times a second, and less often when redrawing them takes more than
``VIEW_SHARE`` of the time, so drawing never holds training back.

A ``comparison`` (engine/lesson/comparison.py), when set, trains beside the main run: after the
main run's share of each tick, the compared run catches up to the same epoch for at most as long
again, and while it is behind (a mistake's plain path is slower) the main run waits for it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from engine import Network
from engine.files.session_training import TrainingState
from engine.lesson.comparison import Comparison
from engine.lesson.divergence import SAFE_WEIGHT  # noqa: F401 (kept for importers)
from engine.lesson.history import LossHistory
from engine.lesson.presets import article_for
from engine.lesson.trainer import Divergence, Trainer
from engine.optimizers import Optimizer
from ui.look.messages import describe, translate_message
from ui.state import AppState

# While training runs, the views may take at most VIEW_SHARE of the time (the trainer measures
# every MEASURE_EVERY-th stored epoch). With the neuron maps (~6 % at MAX_HZ, neuron_maps.py) and
# the loop's own overhead, that keeps training in the window at ≥ 0.8× the headless engine (make
# bench). A redraw of XOR's window costs ~17 ms, so its plots follow at ~4 Hz; cheaper windows
# at up to ``redraw_hz``. (At 0.1, views and maps took ~18 % and XOR trained at 0.72-0.81×.)
VIEW_SHARE = 0.07
# Each tick trains this long: the first epochs after the views drew run slower (caches), so
# longer ticks keep the rate inside them nearer the headless one (XOR: 0.95× at 12 ms, 0.97× at
# 20 ms). A key waits for at most one tick: p95 ~60 ms while training (issue 14: ≤ 100 ms).
BUDGET_MS = 20.0


class TrainingController(QObject):
    """Schedule a ``Trainer`` of ``state.network`` on ``state.X``/``state.Y`` with
    ``state.settings``.

    ``epoch`` and ``history`` are the trainer's; ``seed`` is the seed of the current initial
    weights (and of the shuffling generator).
    """

    running_changed = Signal(bool)
    epoch_finished = Signal(int)        # the latest epoch done (at most once per timer tick)
    speed_changed = Signal(float)       # examples per second, measured over about half a second
    # Training ran away and everything went back to an epoch: the sentence that says why (in
    # the window's language), and that epoch.
    diverged = Signal(str, int)
    failed = Signal(str)                # the engine refused the data or settings (its message)

    def __init__(self, state: AppState, seed: int = 0, budget_ms: float = BUDGET_MS,
                 redraw_hz: float = 10.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.seed = seed
        # Mazur's preset starts from the article's weights; any network built here is random.
        self.article_weights = article_for(state.network.thetas) is not None
        self.budget = budget_ms / 1000.0
        self.redraw_interval = 1.0 / redraw_hz
        self.examples_per_second = 0.0
        self.divergence: Divergence | None = None    # the last runaway, until the problem changes
        self.trainer = Trainer(state.network, state.X, state.Y, state.settings,
                               np.random.default_rng(seed), self.test_set())
        state.trainer = self.trainer       # the stepper's update previews with its moments
        self.comparison: Comparison | None = None     # the compared run trained beside, if any
        self._last_notify = 0.0
        self._examples_shown = self.trainer.examples     # at the last publish (or at start)
        self._view_cost = 0.0       # seconds the views took after the last publish
        self._notify_time: float | None = None         # how long the last notify took
        self._tick_end = 0.0
        self._speed_t0 = time.perf_counter()
        self._speed_examples0 = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.running_changed.connect(state.set_training)
        state.network_changed.connect(self._on_state_problem_changed)
        state.data_changed.connect(self._on_state_problem_changed)
        state.settings_changed.connect(self._on_state_settings_changed)

    # --- what is being trained -----------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether training runs in the background."""
        return self._timer.isActive()

    @property
    def history(self) -> LossHistory:
        """The trainer's loss history."""
        return self.trainer.history

    @history.setter
    def history(self, history: LossHistory) -> None:
        self.trainer.history = history

    @property
    def epoch(self) -> int:
        """The epochs done since the network was last replaced (the trainer's counter)."""
        return self.trainer.epoch

    @epoch.setter
    def epoch(self, value: int) -> None:
        self.trainer.epoch = int(value)

    def is_classification(self) -> bool:
        """Return whether the targets are class labels (0/1 values), so accuracy means something."""
        return self.trainer.is_classification()

    def test_set(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Return the data set's held-out (X_test, Y_test) if it fits the network, else None."""
        ds = self.state.dataset
        net = self.state.network
        if ds is None or ds.X_test.shape[0] == 0:
            return None
        if ds.X_test.shape[1] != net.layer_sizes[0] or ds.Y_test.shape[1] != net.layer_sizes[-1]:
            return None
        return ds.X_test, ds.Y_test

    def _opt(self) -> Optimizer:
        return self.trainer.optimizer

    @property
    def _epoch_avg(self) -> float | None:
        return self.trainer.seconds_per_epoch

    # --- saving and restoring ------------------------------------------------------------------
    def training_state(self) -> TrainingState:
        """Return the trainer's state besides Θ and the settings (see Trainer.training_state)."""
        return self.trainer.training_state()

    def restore_training_state(self, saved: TrainingState) -> None:
        """Continue from ``saved`` (see Trainer.restore_training_state)."""
        self.trainer.restore_training_state(saved)

    # --- commands ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start training in the background (nothing happens if it already runs)."""
        if not self.running:
            self._speed_t0, self._speed_examples0 = time.perf_counter(), self.trainer.examples
            # A notify since the last tick (pause, one epoch) was followed by the user's time,
            # not by the views' redrawing: it measures no view cost.
            self._notify_time = None
            self._timer.start()
            self.running_changed.emit(True)

    def pause(self) -> None:
        """Stop after the current chunk; the views get the final weights at once."""
        if self.running:
            self._timer.stop()
            if self.comparison is not None:     # at most one tick behind: both stop together
                self.comparison.catch_up(self.trainer.epoch)
            self._publish(force=True)
            self.examples_per_second = 0.0
            self.speed_changed.emit(0.0)
            self.running_changed.emit(False)

    def toggle(self) -> None:
        """Pause if running, else start."""
        self.pause() if self.running else self.start()

    def train_epochs(self, n: int) -> int:
        """Train ``n`` whole epochs now (blocking) and return how many were kept (fewer if the
        training ran away and was rolled back). Used by "one epoch" and by ``--train-epochs``."""
        if n < 0:
            raise ValueError(f"number of epochs must be ≥ 0, got {n}")
        # Counted from the newest epoch, which a loaded history may hold ahead of the counter.
        first = max(self.epoch, self.history.latest_epoch())
        if n == 0:
            return 0
        try:
            divergence = self.trainer.run(max_epochs=n)
        except ValueError as exc:
            self._on_failure(exc)
            return 0
        if self.comparison is not None:
            self.comparison.catch_up(self.trainer.epoch)
        if divergence is not None:
            self._on_divergence(divergence)
            return max(0, self.epoch - first)
        self._publish(force=True)
        return self.epoch - first

    def reset_weights(self, seed: int | None = None) -> int:
        """Give the network new random initial weights from ``seed`` (default: the next seed)
        and return the seed used; the history starts again."""
        self.seed = self.seed + 1 if seed is None else int(seed)
        self.state.set_network(self.build_network())
        return self.seed

    def build_network(self, layer_sizes: list[int] | None = None,
                      activation: str | Sequence[str] | None = None,
                      output: str | None = None, loss: str | None = None,
                      init: str | None = None) -> Network:
        """Return a new network like the current one, with the changes given, drawn from ``seed``
        with ``init`` (default: the settings' initialization).

        ``activation`` is one g for every hidden layer or one per hidden layer. Raise ValueError
        (from the engine) for an output/loss pair that makes no sense.
        """
        net = self.state.network
        self.article_weights = False
        if activation is None:
            # One g per hidden layer fits only as many hidden layers; otherwise g of layer 2.
            keep = layer_sizes is None or len(layer_sizes) == len(net.layer_sizes)
            activation = net.activation if keep else net.g
        return Network(layer_sizes or net.layer_sizes, activation,
                       output or net.output, loss or net.loss_name,
                       rng=np.random.default_rng(self.seed),
                       init=init or self.state.settings.init)

    # --- scheduling ----------------------------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        start = time.perf_counter()
        if self._notify_time is not None:
            # The views redrew in the notify and in the events since the last tick.
            self._view_cost = self._notify_time + (start - self._tick_end)
            self._notify_time = None
        if self._publish_due(start) and self.trainer.examples != self._examples_shown:
            # A tick of its own, not the end of a training one: a key that came while the
            # trainer worked waits for the trainer or for the views, never for both (the loop
            # takes input and paints before it runs a timer again).
            self._publish()
            self._tick_end = time.perf_counter()
            return
        if not self._advance(deadline=start + self.budget):
            return
        now = self._tick_end = time.perf_counter()
        if now - self._speed_t0 >= 0.5:
            done = self.trainer.examples - self._speed_examples0
            self.examples_per_second = done / (now - self._speed_t0)
            self._speed_t0, self._speed_examples0 = now, self.trainer.examples
            self.speed_changed.emit(self.examples_per_second)

    def _advance(self, deadline: float) -> bool:
        """Let the trainer work until ``deadline`` (perf_counter seconds); return whether it
        can go on (False: it ran away or failed, and the window was told)."""
        comparison, divergence = self.comparison, None
        if comparison is None or comparison.stopped or comparison.epoch >= self.trainer.epoch:
            try:
                divergence = self.trainer.run(deadline=deadline)
            except ValueError as exc:
                self._on_failure(exc)
                return False
        if comparison is not None:
            now = time.perf_counter()
            comparison.catch_up(self.trainer.epoch, now + self.budget)
        if divergence is not None:
            self._on_divergence(divergence)
            return False
        return True

    def _publish(self, force: bool = False) -> None:
        """Tell the views about the new weights, at most ``redraw_hz`` times a second, and less
        often if redrawing them takes more than ``VIEW_SHARE`` of the time."""
        now = time.perf_counter()
        if not force and not self._publish_due(now):
            return
        self.trainer.measure_latest()
        if self.comparison is not None:
            self.comparison.trainer.measure_latest()
        self._last_notify = now
        self._examples_shown = self.trainer.examples
        self.state.notify_weights_changed()
        self.epoch_finished.emit(self.epoch)
        self._notify_time = time.perf_counter() - now

    def _publish_due(self, now: float) -> bool:
        """Return whether the views are due new weights at ``now`` (perf_counter seconds)."""
        # The interval runs from one notify to the next and the redrawing happens inside it,
        # so redrawing takes view_cost / interval of the time.
        interval = max(self.redraw_interval, self._view_cost / VIEW_SHARE)
        return now - self._last_notify >= interval

    def _on_divergence(self, divergence: Divergence) -> None:
        # The trainer put weights, counter, history and optimizer back together: show them.
        self.divergence = divergence
        self._timer.stop()
        self.trainer.measure_latest()
        self.state.notify_weights_changed()
        self.epoch_finished.emit(self.epoch)
        self.running_changed.emit(False)
        self.diverged.emit(translate_message(divergence.cause), divergence.epoch)

    def _on_failure(self, exc: ValueError) -> None:
        # Targets the loss cannot use (e.g. values outside 0..1 for cross-entropy): say so.
        was_running = self.running
        self._timer.stop()
        self.trainer.forget_prepared()
        if was_running:
            self.running_changed.emit(False)
        self.failed.emit(describe(exc))

    # --- state changes -------------------------------------------------------------------------
    def _on_state_problem_changed(self) -> None:
        st = self.state
        self.divergence = None
        self.trainer.set_problem(st.network, st.X, st.Y, self.test_set())
        self.epoch_finished.emit(0)

    def _on_state_settings_changed(self) -> None:
        self.trainer.set_settings(self.state.settings)
