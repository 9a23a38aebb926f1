"""The training controller: trains ``AppState.network`` on the main thread in time-budgeted chunks.

A zero-interval QTimer calls ``_on_timer_timeout``; each call does at most ``budget_ms`` of
training steps (whole epochs, or mini-batches of an epoch that is then finished by later calls),
so the event loop gets the CPU back many times a second and the window never freezes. No thread
is involved, so no Qt object is ever touched off the main thread.

The controller trains whatever network the state holds *now*: the stepper, the architecture
editor and session loading change the state, and training simply continues from it. Views are told
about new weights at most ``redraw_hz`` times a second, and less often when redrawing them takes
more than ``VIEW_SHARE`` of the time, so drawing never holds training back. Test cost and accuracy
are measured on every 2^k-th epoch, k chosen so that measuring takes at most ``MEASURE_SHARE``.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from engine import DivergenceError, Network, make_optimizer
from engine.files.session_training import TrainingState
from engine.lesson.history import HistoryPoint, LossHistory
from engine.lesson.scoring import accuracy
from engine.optimizers import Optimizer
from ui.look.messages import describe
from ui.state import AppState

SAFE_WEIGHT = 1e6       # weights beyond this are on their way to overflow in the views
# While training runs, the views may take at most VIEW_SHARE of the time and measuring test
# cost and accuracy at most MEASURE_SHARE of the training time: together with the loop's own
# overhead that keeps training in the window at ≥ 0.8× the headless engine (make bench).
VIEW_SHARE = 0.1
MEASURE_SHARE = 0.01


class TrainingController(QObject):
    """Train ``state.network`` on ``state.X``/``state.Y`` with ``state.settings``.

    ``epoch`` counts the epochs done since the network was last replaced; ``history`` holds the
    cost (and accuracy) per epoch. ``seed`` is the seed of the current initial weights.
    """

    running_changed = Signal(bool)
    epoch_finished = Signal(int)        # the latest epoch done (at most once per timer tick)
    speed_changed = Signal(float)       # examples per second, measured over about half a second
    # Training stopped because the cost or weights became non-finite: the engine's detail, and
    # the epoch whose weights were restored (the last ones that were finite and moderate).
    diverged = Signal(str, int)
    failed = Signal(str)                # the engine refused the data or settings (its message)

    def __init__(self, state: AppState, seed: int = 0, budget_ms: float = 12.0,
                 redraw_hz: float = 10.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.seed = seed
        # Mazur's preset starts from the article's weights; any network built here is random.
        self.article_weights = state.preset == "mazur"
        self.budget = budget_ms / 1000.0
        self.redraw_interval = 1.0 / redraw_hz
        self.history = LossHistory()
        self.epoch = 0
        self.examples_per_second = 0.0
        self._rng = np.random.default_rng(seed)
        self._prepared: tuple[np.ndarray, ...] | None = None
        self._optimizer: Optimizer | None = None
        self._epoch_order: tuple[np.ndarray, np.ndarray] | None = None   # shuffled x, y
        self._epoch_rng: dict | None = None    # the generator's state before that shuffle
        self._epoch_pos = 0
        self._epoch_costs: list[float] = []
        self._last_notify = 0.0
        self._latest_measured = True
        self._safe: tuple[int, list[np.ndarray]] | None = None   # (epoch, Θ copies) to restore
        self._measure_stride = 1    # test cost and accuracy at epochs that are multiples of it
        self._measure_avg: float | None = None     # seconds per measurement (moving average)
        self._epoch_avg: float | None = None       # seconds per epoch, measuring excluded
        self._measure_seconds = 0.0   # time spent measuring since _tick_t0
        self._tick_t0, self._tick_epoch0 = time.perf_counter(), 0.0   # see _progress
        self._view_cost = 0.0       # seconds the views took after the last publish
        self._notify_time: float | None = None         # how long the last notify took
        self._tick_end = 0.0
        self._speed_t0 = time.perf_counter()
        self._speed_examples = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.running_changed.connect(state.set_training)
        state.network_changed.connect(self._on_state_network_changed)
        state.data_changed.connect(self._on_state_data_changed)
        state.settings_changed.connect(self._on_state_settings_changed)

    # --- what is being trained -----------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether training runs in the background."""
        return self._timer.isActive()

    def is_classification(self) -> bool:
        """Return whether the targets are class labels (0/1 values), so accuracy means something."""
        Y = self.state.Y
        return self.state.network.output != "linear" and bool(np.all((Y == 0) | (Y == 1)))

    def test_set(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Return the data set's held-out (X_test, Y_test) if it fits the network, else None."""
        ds = self.state.dataset
        net = self.state.network
        if ds is None or ds.X_test.shape[0] == 0:
            return None
        if ds.X_test.shape[1] != net.layer_sizes[0] or ds.Y_test.shape[1] != net.layer_sizes[-1]:
            return None
        return ds.X_test, ds.Y_test

    def _data(self) -> tuple[np.ndarray, ...]:
        if self._prepared is None:
            net = self.state.network
            x, y = net.prepare(self.state.X, self.state.Y)
            test = self.test_set()
            self._prepared = (x, y) if test is None else (x, y, *net.prepare(*test))
        return self._prepared

    def _opt(self) -> Optimizer:
        if self._optimizer is None:
            s = self.state.settings
            self._optimizer = make_optimizer(s.optimizer, s.lr)
        return self._optimizer

    # --- saving and restoring ------------------------------------------------------------------
    def training_state(self) -> TrainingState:
        """Return what training needs besides Θ and the settings to continue exactly: the
        optimizer's moments, the shuffling generator as it was at the start of the current
        epoch, and how far a mini-batch epoch in progress got."""
        opt, in_epoch = self._optimizer, self._epoch_order is not None
        return TrainingState(
            optimizer=self.state.settings.optimizer if opt is None else opt.name,
            moments={} if opt is None else opt.state(),
            rng=self._epoch_rng if in_epoch else self._rng.bit_generator.state,
            epoch_position=self._epoch_pos if in_epoch else 0,
            epoch_costs=list(self._epoch_costs) if in_epoch else [])

    def restore_training_state(self, saved: TrainingState) -> None:
        """Continue from ``saved`` (as ``training_state`` returns it, checked against the current
        network, data and settings by the session loader): the next steps are the ones the
        saved run would have taken."""
        s = self.state.settings
        self._optimizer = make_optimizer(s.optimizer, s.lr)
        if saved.optimizer == s.optimizer:
            self._optimizer.set_state(saved.moments, self.state.network.dtype)
        self._epoch_order, self._epoch_rng, self._epoch_pos, self._epoch_costs = None, None, 0, []
        if saved.rng is not None:
            self._rng.bit_generator.state = saved.rng
        if saved.epoch_position:
            self._shuffle_epoch(*self._data()[:2])
            self._epoch_pos, self._epoch_costs = saved.epoch_position, list(saved.epoch_costs)

    # --- commands ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start training in the background (nothing happens if it already runs)."""
        if not self.running:
            self._remember_safe_weights()
            self._speed_t0, self._speed_examples = time.perf_counter(), 0
            # A notify since the last tick (pause, one epoch) was followed by the user's time,
            # not by the views' redrawing: it measures no view cost.
            self._notify_time = None
            self._timer.start()
            self.running_changed.emit(True)

    def pause(self) -> None:
        """Stop after the current chunk; the views get the final weights at once."""
        if self.running:
            self._timer.stop()
            self._publish(force=True)
            self.examples_per_second = 0.0
            self.speed_changed.emit(0.0)
            self.running_changed.emit(False)

    def toggle(self) -> None:
        """Pause if running, else start."""
        self.pause() if self.running else self.start()

    def train_epochs(self, n: int) -> int:
        """Train ``n`` whole epochs now (blocking) and return how many were done (fewer if the
        training diverged). Used by "one epoch" and by ``--train-epochs``."""
        if n < 0:
            raise ValueError(f"number of epochs must be ≥ 0, got {n}")
        done = 0
        self._remember_safe_weights()
        try:
            # Counted from the newest epoch, which a loaded history may hold ahead of the counter.
            target = max(self.epoch, self.history.latest_epoch()) + n
            while self.epoch < target:
                self._advance(deadline=math.inf, stop_after_epoch=True)
                done += 1
        except DivergenceError as exc:
            self._on_divergence(exc)
        except ValueError as exc:
            self._on_failure(exc)
            return done
        self._publish(force=True)
        return done

    def reset_weights(self, seed: int | None = None) -> int:
        """Give the network new random initial weights from ``seed`` (default: the next seed)
        and return the seed used; the history starts again."""
        self.seed = self.seed + 1 if seed is None else int(seed)
        self.state.set_network(self.build_network())
        return self.seed

    def build_network(self, layer_sizes: list[int] | None = None, activation: str | None = None,
                      output: str | None = None, loss: str | None = None) -> Network:
        """Return a new network like the current one, with the changes given, drawn from ``seed``.

        Raise ValueError (from the engine) for an output/loss pair that makes no sense.
        """
        net = self.state.network
        self.article_weights = False
        return Network(layer_sizes or net.layer_sizes, activation or net.activation,
                       output or net.output, loss or net.loss_name,
                       rng=np.random.default_rng(self.seed))

    # --- the work ------------------------------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        start = time.perf_counter()
        if self._notify_time is not None:
            # The views redrew in the notify and in the events since the last tick.
            self._view_cost = self._notify_time + (start - self._tick_end)
            self._notify_time = None
        try:
            self._advance(deadline=start + self.budget)
        except DivergenceError as exc:
            self._on_divergence(exc)
            return
        except ValueError as exc:
            self._on_failure(exc)
            return
        self._publish()
        now = self._tick_end = time.perf_counter()
        if now - self._speed_t0 >= 0.5:
            self.examples_per_second = self._speed_examples / (now - self._speed_t0)
            self._speed_t0, self._speed_examples = now, 0
            self.speed_changed.emit(self.examples_per_second)

    def _advance(self, deadline: float, stop_after_epoch: bool = False) -> None:
        """Take training steps until ``deadline`` (perf_counter seconds), at least one."""
        net, opt = self.state.network, self._opt()
        x, y = self._data()[:2]
        # A loaded history may run ahead of a loaded counter: continue after its newest epoch.
        self.epoch = max(self.epoch, self.history.latest_epoch())
        self._tick_t0, self._tick_epoch0 = time.perf_counter(), self._progress()
        try:
            self._steps(net, opt, x, y, deadline, stop_after_epoch)
        finally:
            self._time_epochs(time.perf_counter())

    def _time_epochs(self, now: float) -> None:
        """Fold the epochs done since the last call into the seconds-per-epoch average
        (time spent measuring excluded; time between ticks is not epoch time). A mini-batch
        epoch spread over several ticks counts in parts, so it is timed over all of them."""
        progress = self._progress()
        done = progress - self._tick_epoch0
        if done > 0:
            seconds = (now - self._tick_t0 - self._measure_seconds) / done
            self._epoch_avg = (seconds if self._epoch_avg is None
                               else 0.9 * self._epoch_avg + 0.1 * seconds)
        self._tick_t0, self._tick_epoch0, self._measure_seconds = now, progress, 0.0

    def _progress(self) -> float:
        """Return the epochs done, with the trained part of a mini-batch epoch in progress."""
        order = self._epoch_order
        return self.epoch + (0.0 if order is None else self._epoch_pos / order[0].shape[0])

    def _steps(self, net: Network, opt: Optimizer, x: np.ndarray, y: np.ndarray,
               deadline: float, stop_after_epoch: bool) -> None:
        s = self.state.settings
        m, batch = x.shape[0], s.batch_size
        lam, freeze_bias = s.lam, s.freeze_bias
        step, clock = net.train_step_prepared, time.perf_counter
        if batch is None or batch >= m:
            # Full batch: one step per epoch. The loop does as little as it can besides the
            # step, since a small network's step takes only tens of microseconds: epochs off
            # the history's stride are only noted (their cost, for the thinned interval's
            # lowest and highest J), and the last one is noted again on the way out.
            history = self.history
            epoch0 = epoch = self.epoch
            stride, cost, note = history.stride, math.nan, history.note
            try:
                while True:
                    cost = step(x, y, opt, lam, freeze_bias)
                    epoch += 1
                    if epoch % stride == 0:
                        self.epoch = epoch
                        self._record_on_stride(epoch, cost)
                        stride = history.stride      # recording may have thinned the history
                    else:
                        note(epoch, cost)           # for the min/max of its thinned interval
                    if stop_after_epoch or clock() >= deadline:
                        return
            finally:
                if epoch != self.epoch:             # the newest epochs were off the stride
                    self.epoch = epoch
                    history.note(epoch, cost)
                    self._latest_measured = False
                self._speed_examples += m * (epoch - epoch0)
        while True:
            if self._epoch_order is None:
                self._shuffle_epoch(x, y)
            xs, ys = self._epoch_order
            p = self._epoch_pos
            self._epoch_costs.append(step(xs[p:p + batch], ys[p:p + batch], opt, lam,
                                          freeze_bias))
            self._speed_examples += min(batch, m - p)
            self._epoch_pos = p + batch
            if self._epoch_pos >= m:
                cost = float(np.mean(self._epoch_costs))
                # Over before _end_epoch times it: the finished epoch is no longer in progress.
                self._epoch_order, self._epoch_pos, self._epoch_costs = None, 0, []
                self._end_epoch(cost)
                if stop_after_epoch:
                    return
            if clock() >= deadline:
                return

    def _shuffle_epoch(self, x: np.ndarray, y: np.ndarray) -> None:
        # The same shuffle as Network.train_epoch, so both paths agree. The generator's state
        # before it is kept: a saved session draws this epoch's order again from it.
        self._epoch_rng = self._rng.bit_generator.state
        order = self._rng.permutation(x.shape[0])
        self._epoch_order = (x[order], y[order])

    def _end_epoch(self, train_cost: float) -> None:
        self.epoch = epoch = self.epoch + 1
        if epoch % self.history.stride:
            self.history.note(epoch, train_cost)
            self._latest_measured = False
        else:
            self._record_on_stride(epoch, train_cost)

    def _record_on_stride(self, epoch: int, train_cost: float) -> None:
        """Store ``epoch`` (on the history's stride), measured if it is on the measure stride."""
        # Measuring costs forward passes: skip it when it would slow training noticeably (the
        # latest epoch is always measured before the views see it). Measured epochs are
        # multiples of a power of two, like the history's stride, so they survive its thinning
        # and the test curve stays evenly sampled.
        history = self.history
        if epoch % self._measure_stride == 0:
            t0 = time.perf_counter()
            self._time_epochs(t0)
            history.add(self._measure(epoch, train_cost))
            measured = time.perf_counter() - t0
            self._measure_seconds += measured
            self._adapt_measure_stride(measured)
            self._latest_measured = True
        else:
            history.add(HistoryPoint(epoch, train_cost))
            self._latest_measured = False

    def _adapt_measure_stride(self, measure_seconds: float) -> None:
        """Measure every 2^k-th epoch, with k just large enough that measuring costs at most
        ``MEASURE_SHARE`` of the training time (k falls again when epochs get slower)."""
        self._measure_avg = (measure_seconds if self._measure_avg is None
                             else 0.8 * self._measure_avg + 0.2 * measure_seconds)
        need = self._measure_avg / (MEASURE_SHARE * max(self._epoch_avg or 0.0, 1e-7))
        self._measure_stride = 1 << max(0, math.ceil(math.log2(max(need, 1.0))))

    def _measure(self, epoch: int, train_cost: float) -> HistoryPoint:
        """Return the epoch's point: its train cost, and the test cost and accuracies now."""
        net, data = self.state.network, self._data()
        lam = self.state.settings.lam
        classify = self.is_classification()
        with np.errstate(over="ignore", invalid="ignore"):
            train_acc = accuracy(net.predict(data[0]), data[1]) if classify else math.nan
            test_cost = test_acc = math.nan
            if len(data) == 4:
                test_cost = net.cost(data[2], data[3], lam)
                test_acc = accuracy(net.predict(data[2]), data[3]) if classify else math.nan
        return HistoryPoint(epoch, train_cost, test_cost, train_acc, test_acc)

    def _publish(self, force: bool = False) -> None:
        """Tell the views about the new weights, at most ``redraw_hz`` times a second, and less
        often if redrawing them takes more than ``VIEW_SHARE`` of the time."""
        now = time.perf_counter()
        # The interval runs from one notify to the next and the redrawing happens inside it,
        # so redrawing takes view_cost / interval of the time.
        interval = max(self.redraw_interval, self._view_cost / VIEW_SHARE)
        if not force and now - self._last_notify < interval:
            return
        last = self.history.latest
        if last is not None and not self._latest_measured:
            # The newest epoch was not on the history's stride: measure it for the curve's end.
            self.history.latest = self._measure(last.epoch, last.train_cost)
            self._latest_measured = True
        self._last_notify = now
        self._remember_safe_weights()
        self.state.notify_weights_changed()
        self.epoch_finished.emit(self.epoch)
        self._notify_time = time.perf_counter() - now

    def _remember_safe_weights(self) -> None:
        """Keep a copy of Θ if it is finite and moderate, to restore after a divergence."""
        thetas = self.state.network.thetas
        if all(np.all(np.isfinite(t)) and np.max(np.abs(t)) <= SAFE_WEIGHT for t in thetas):
            self._safe = (self.epoch, [t.copy() for t in thetas])

    def _on_divergence(self, exc: DivergenceError) -> None:
        # The engine checks before it writes, so the weights are finite; but on the way to
        # infinity they grew so large that every view would overflow: go back to the last
        # moderate ones (at most a tenth of a second of training ago).
        self._timer.stop()
        restored = self.epoch
        if self._safe is not None:
            restored, thetas = self._safe
            self.state.network.set_thetas(thetas)
        self._optimizer = None           # its moments may hold the infinities
        self._epoch_order, self._epoch_pos, self._epoch_costs = None, 0, []
        self.state.notify_weights_changed()
        self.running_changed.emit(False)
        self.diverged.emit(describe(exc), restored)

    def _on_failure(self, exc: ValueError) -> None:
        # Targets the loss cannot use (e.g. values outside 0..1 for cross-entropy): say so.
        was_running = self.running
        self._timer.stop()
        self._prepared = None
        if was_running:
            self.running_changed.emit(False)
        self.failed.emit(describe(exc))

    # --- state changes -------------------------------------------------------------------------
    def _restart_history(self) -> None:
        self.history.clear()
        self._safe = None
        self._measure_stride = 1
        self._measure_avg = self._epoch_avg = None
        self.epoch = 0
        self._prepared = None
        self._optimizer = None
        self._epoch_order, self._epoch_pos, self._epoch_costs = None, 0, []
        self.epoch_finished.emit(0)

    def _on_state_network_changed(self) -> None:
        self._restart_history()

    def _on_state_data_changed(self) -> None:
        self._restart_history()

    def _on_state_settings_changed(self) -> None:
        s = self.state.settings
        opt = self._optimizer
        if opt is not None and type(opt) is type(make_optimizer(s.optimizer, s.lr)):
            opt.lr = s.lr                 # keep momentum/Adam moments across a new rate
        else:
            self._optimizer = None
        # A new batch size or λ starts the epoch over; the weights stay.
        self._epoch_order, self._epoch_pos, self._epoch_costs = None, 0, []
