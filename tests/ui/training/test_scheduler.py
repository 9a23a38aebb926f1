"""Tests for ui.training.scheduler: the time-budgeted training controller on the shared state."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from engine import Network, make_optimizer
from engine.datasets import load
from engine.lesson.presets import build_preset
from ui.state import AppState, Settings
from ui.stepper.playback import Stepper
from ui.training.scheduler import TrainingController


def _xor_state(seed: int = 0, **settings: object) -> AppState:
    setup = build_preset("xor", seed=seed)
    return AppState(setup.network, setup.X, setup.Y,
                    Settings(lr=setup.lr, **settings), setup.dataset, "xor", seed)


def _plain_costs(seed: int, epochs: int, lr: float) -> list[float]:
    """Return J of each full-batch step of a plain engine loop from the same seed."""
    setup = build_preset("xor", seed=seed)
    return [setup.network.train_step(setup.X, setup.Y, lr) for _ in range(epochs)]


def test_history_holds_the_engines_costs_for_the_same_seed(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    controller.train_epochs(40)
    np.testing.assert_allclose(controller.history.series("train_cost"),
                               _plain_costs(0, 40, 0.5), rtol=1e-12)
    assert controller.history.epochs().tolist() == list(range(1, 41))


def test_test_cost_is_the_cost_on_the_held_out_examples(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    controller.train_epochs(5)
    ds = state.dataset
    assert controller.history.latest.test_cost == pytest.approx(
        state.network.cost(ds.X_test, ds.Y_test), rel=1e-12)


def test_mini_batches_match_the_engines_train_epoch_with_the_same_shuffle(qtbot):
    state = _xor_state(batch_size=16)
    controller = TrainingController(state, seed=7)
    controller.train_epochs(3)
    setup = build_preset("xor", seed=0)
    rng = np.random.default_rng(7)
    opt = make_optimizer("gradient_descent", 0.5)
    expected = [setup.network.train_epoch(setup.X, setup.Y, opt, batch_size=16, rng=rng)
                for _ in range(3)]
    np.testing.assert_allclose(controller.history.series("train_cost"), expected, rtol=1e-12)
    for got, want in zip(state.network.thetas, setup.network.thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_background_training_leaves_the_event_loop_running(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    ticks: list[int] = []
    other = QTimer()
    other.timeout.connect(lambda: ticks.append(controller.epoch))
    other.start(5)
    controller.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5 and controller.epoch > 100, timeout=10000)
    controller.pause()
    other.stop()
    assert not controller.running
    # The other timer fired between training chunks, at different epochs.
    assert len(set(ticks)) >= 3


def test_sync_training_tells_the_views_once(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    seen: list[int] = []
    state.weights_changed.connect(lambda: seen.append(1))
    controller.train_epochs(200)
    assert len(seen) == 1


def test_pause_step_resume_keeps_one_state(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    stepper = Stepper(state)
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= 20, timeout=10000)
    controller.pause()
    paused_epoch = controller.epoch
    # The stepper traces the paused network's current weights, not older ones.
    for got, want in zip(stepper.trace.thetas, state.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)
    while stepper.step_forward():
        pass
    # Apply the update the learner just stepped through (the trace's Θ after the update).
    after = [t.copy() for t in stepper.trace.thetas_after]
    state.network.set_thetas(after)
    state.notify_weights_changed()
    net_before = state.network
    controller.train_epochs(1)
    # Training went on from the stepped weights, in the same network, with the same history.
    assert state.network is net_before
    assert controller.epoch == paused_epoch + 1
    check = Network.from_thetas(after, "tanh", "sigmoid", "cross_entropy")
    check.train_step(state.X, state.Y, 0.5)
    for got, want in zip(state.network.thetas, check.thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    for got, want in zip(stepper.trace.thetas, state.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


def test_divergence_stops_training_and_rolls_everything_back_together(qtbot):
    setup = build_preset("xor", seed=0)
    net = Network([2, 4, 1], "relu", "linear", "squared_error", rng=np.random.default_rng(0))
    state = AppState(net, setup.X, setup.Y, Settings(lr=1e5), setup.dataset)
    controller = TrainingController(state)
    messages: list[tuple[str, int]] = []
    controller.diverged.connect(lambda text, epoch: messages.append((text, epoch)))
    controller.start()
    with qtbot.waitSignal(controller.diverged, timeout=10000):
        pass
    assert not controller.running
    text, epoch = messages[0]
    assert "learning rate α = 100000 is too large" in text
    assert "kept" not in text                 # one account of the weights, not two
    # Weights, counter and history agree: all at the epoch the message names.
    assert epoch == controller.epoch == controller.history.latest_epoch()
    assert all(np.all(np.abs(t) <= 1e6) for t in state.network.thetas)
    assert np.isfinite(controller.history.latest.train_cost)
    # Train again runs away from the same place: it ends at the same epoch, no phantom one.
    controller.start()
    with qtbot.waitSignal(controller.diverged, timeout=10000):
        pass
    assert messages[1][1] == controller.epoch == epoch


def test_the_issues_weight_decay_runaway_is_rolled_back_and_named(qtbot):
    # XOR, λ = 100, mini-batches of 16: the counter stayed at 11 while J showed 5.7e71 and the
    # history ran on to 8.4e300 beside the initial weights.
    state = _xor_state(lam=100.0, batch_size=16)
    controller = TrainingController(state)
    messages: list[tuple[str, int]] = []
    controller.diverged.connect(lambda text, epoch: messages.append((text, epoch)))
    controller.start()
    with qtbot.waitSignal(controller.diverged, timeout=10000):
        pass
    text, epoch = messages[0]
    assert "α·λ/m = 0.5·100/16 = 3.1" in text and "is above 2" in text
    history = controller.history
    assert epoch == controller.epoch == history.latest_epoch() == history.epochs()[-1]
    assert np.all(np.abs(history.series("train_cost")) < 1e12)       # not 5.7e71 or 8.4e300
    assert controller.training_state().epoch_position == 0
    # The weights are those after that epoch of a plain run with the same shuffles.
    setup = build_preset("xor", seed=0)
    rng, opt = np.random.default_rng(0), make_optimizer("gradient_descent", 0.5)
    for _ in range(epoch):
        setup.network.train_epoch(setup.X, setup.Y, opt, 100.0, 16, rng)
    for got, want in zip(state.network.thetas, setup.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


def test_a_new_network_starts_a_new_history(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    controller.train_epochs(10)
    controller.reset_weights()
    assert controller.epoch == 0
    assert len(controller.history) == 0
    assert controller.seed == 1
    fresh = Network([2, 4, 1], "tanh", "sigmoid", rng=np.random.default_rng(1))
    for got, want in zip(state.network.thetas, fresh.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


def test_new_data_is_trained_at_once(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    controller.train_epochs(3)
    ds = load("circles", seed=2)
    state.set_data(ds.X_train, ds.Y_train, ds)
    controller.train_epochs(1)
    assert controller.epoch == 1
    assert controller.history.latest.train_cost > 0


def test_a_new_learning_rate_keeps_the_optimizer_moments(qtbot):
    state = _xor_state(optimizer="momentum")
    controller = TrainingController(state)
    controller.train_epochs(2)
    opt = controller._opt()
    state.update_settings(lr=0.1)
    assert controller._opt() is opt and opt.lr == 0.1
    state.update_settings(optimizer="adam")
    assert type(controller._opt()).__name__ == "Adam"


def test_epochs_continue_after_a_loaded_history(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    controller.train_epochs(5)
    saved = controller.history.to_dict()
    other = TrainingController(_xor_state())
    other.history.load_dict(saved)
    other.epoch = 2                    # a counter behind the history must not break training
    other.train_epochs(1)
    assert other.history.latest.epoch == 6


def test_test_cost_keeps_evenly_spread_points_through_thinning(qtbot):
    from engine.lesson.history import LossHistory

    state = _xor_state()
    controller = TrainingController(state)
    controller.history = LossHistory(capacity=16)
    # A clock that ticks once per reading: the measure stride no longer depends on the load.
    controller.trainer.clock = itertools.count().__next__
    controller.train_epochs(3000)
    epochs = controller.history.epochs()[:-1]           # the latest is measured apart
    measured = epochs[np.isfinite(controller.history.series("test_cost")[:-1])]
    # Measured epochs are multiples of 8 × the stride, a power of two like the kept ones, so
    # thinning the history keeps them (skipping at random would leave one or two): an eighth
    # of the kept points at least.
    assert len(measured) >= len(epochs) // 8


def test_the_state_knows_while_training_runs(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    seen: list[bool] = []
    state.training_changed.connect(seen.append)
    controller.start()
    assert state.training
    controller.pause()
    assert not state.training and seen == [True, False]


def test_slow_views_get_at_most_their_share_of_the_time(qtbot):
    # A view that takes 30 ms per redraw: redrawing it 10 times a second would take 30 % of
    # the time. The controller must space redraws so views take at most VIEW_SHARE of it.
    import time

    from ui.training.scheduler import VIEW_SHARE

    state = _xor_state()
    controller = TrainingController(state, redraw_hz=10.0)
    redraw_seconds = 0.03
    redraws: list[float] = []

    def slow_view() -> None:
        redraws.append(time.perf_counter())
        time.sleep(redraw_seconds)

    state.weights_changed.connect(slow_view)
    controller.start()
    qtbot.wait(2500)
    controller.pause()
    gaps = np.diff(redraws[1:-1])        # the first redraw has no cost measured yet
    assert len(gaps) >= 3
    assert float(np.median(gaps)) >= 0.95 * redraw_seconds / VIEW_SHARE


def _mid_epoch(controller: TrainingController, qtbot) -> None:
    """Train in the background until a mini-batch epoch is under way, then pause."""
    controller.budget = 0.0                  # one mini-batch per timer tick
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= 2
                    and controller.training_state().epoch_position > 0, timeout=10_000)
    controller.pause()


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_a_restored_controller_finishes_an_epoch_in_progress_like_the_original(qtbot, optimizer):
    state = _xor_state(optimizer=optimizer, batch_size=7)
    original = TrainingController(state, seed=7)
    _mid_epoch(original, qtbot)
    saved = original.training_state()
    copy = _xor_state(optimizer=optimizer, batch_size=7)
    copy.network.set_thetas(state.network.thetas)
    resumed = TrainingController(copy, seed=99)        # another generator until restored
    resumed.epoch = original.epoch
    resumed.restore_training_state(saved)
    original.train_epochs(3)
    resumed.train_epochs(3)
    for a, b in zip(state.network.thetas, copy.network.thetas, strict=True):
        np.testing.assert_array_equal(a, b)
    # The epoch that was under way ends with the mean of all its mini-batch costs, old and new.
    assert resumed.history.latest.train_cost == original.history.latest.train_cost


def test_the_saved_generator_is_the_one_before_the_current_epochs_shuffle(qtbot):
    state = _xor_state(batch_size=7)
    controller = TrainingController(state, seed=7)
    _mid_epoch(controller, qtbot)
    m = state.X.shape[0]
    # Epochs 1..epoch each drew one permutation of the m examples; the one under way drew the
    # next, from the state that is saved.
    rng = np.random.default_rng(7)
    for _ in range(controller.epoch):
        rng.permutation(m)
    saved = controller.training_state()
    assert saved.rng == rng.bit_generator.state
    assert saved.epoch_position % 7 == 0 and 0 < saved.epoch_position < m
    assert len(saved.epoch_costs) == saved.epoch_position // 7


def test_a_fresh_controller_saves_no_moments(qtbot):
    controller = TrainingController(_xor_state(optimizer="adam"))
    saved = controller.training_state()
    assert (saved.optimizer, saved.moments, saved.epoch_position) == ("adam", {}, 0)


@pytest.mark.parametrize("before", ["one epoch", "pause"])
def test_views_keep_being_redrawn_after_a_publish_outside_the_training_ticks(qtbot, before):
    # "One epoch" and Pause redraw the views outside the timer's ticks. The time until the next
    # tick is the user's, not the views': counting it as view cost (the first tick measured it
    # from perf_counter's zero) spaced the next redraw hours apart, freezing the views.
    import time

    state = _xor_state()
    controller = TrainingController(state, redraw_hz=20.0)
    if before == "one epoch":
        controller.train_epochs(1)
    else:
        controller.start()
        qtbot.wait(200)
        controller.pause()
    time.sleep(0.3)                             # the user reads the screen before Train
    redraws: list[float] = []
    state.weights_changed.connect(lambda: redraws.append(time.perf_counter()))
    controller.start()
    qtbot.wait(1500)
    controller.pause()
    # Quick views (these take microseconds) are redrawn redraw_hz times a second: in 1.5 s
    # about 30 times; a stalled throttle gives only the pause's forced redraw.
    assert len(redraws) >= 10


def test_an_epoch_spread_over_many_ticks_is_timed_whole(qtbot):
    # The views' budget is taken from the seconds per epoch. A mini-batch epoch that takes
    # several timer ticks must be timed over all of them, not only over the tick that ends it.
    import time

    state = _xor_state(batch_size=40)                 # 160 examples: 4 mini-batches an epoch
    controller = TrainingController(state)
    step = state.network.train_step_prepared
    pause = 0.01

    def slow_step(*args):
        time.sleep(pause)
        return step(*args)

    state.network.train_step_prepared = slow_step
    gap = 0.1
    for _ in range(8):                                # 2 epochs, one mini-batch a tick
        controller._advance(deadline=0.0)
        time.sleep(gap)                               # between ticks: the views' time
    assert controller.epoch == 2
    batches = state.X.shape[0] // 40
    assert controller._epoch_avg >= 0.9 * batches * pause     # ≥ 4 sleeps of 10 ms
    assert controller._epoch_avg < 0.75 * batches * gap       # the gaps are not epoch time


def test_train_epochs_after_a_history_ahead_of_the_counter_trains_them_all(qtbot):
    state = _xor_state()
    controller = TrainingController(state)
    controller.train_epochs(5)
    other = TrainingController(_xor_state())
    other.history.load_dict(controller.history.to_dict())
    other.epoch = 2                    # behind the history's epoch 5
    assert other.train_epochs(3) == 3
    assert other.history.latest.epoch == 5 + 3


def _plain_envelope(epochs: np.ndarray, costs: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Return the lowest and highest J of the epochs each history point stands for: those after
    the point before it, up to its own (the first point: its own epoch)."""
    costs = np.asarray(costs)
    lo, hi = [costs[epochs[0] - 1]], [costs[epochs[0] - 1]]
    for before, epoch in zip(epochs[:-1], epochs[1:], strict=True):
        lo.append(costs[before:epoch].min())
        hi.append(costs[before:epoch].max())
    return np.array(lo), np.array(hi)


def test_background_training_gives_every_epochs_cost_to_the_envelope(qtbot):
    from engine.lesson.history import LossHistory

    # α = 100 makes J jump from epoch to epoch; full batch, so each tick runs many epochs in
    # the controller's fast loop, most of them off the history's stride.
    state = _xor_state()
    state.update_settings(lr=100.0)
    controller = TrainingController(state)
    controller.history = LossHistory(capacity=16)
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= 1500, timeout=60_000)
    controller.pause()
    h = controller.history
    epochs = h.epochs()
    assert epochs[0] == 1 and epochs[-1] == controller.epoch and h.stride >= 64
    plain = _plain_costs(0, controller.epoch, 100.0)
    want_lo, want_hi = _plain_envelope(epochs, plain)
    lo, hi = h.envelope()
    np.testing.assert_allclose(lo, want_lo, rtol=1e-12)
    np.testing.assert_allclose(hi, want_hi, rtol=1e-12)
    np.testing.assert_allclose([lo.min(), hi.max()], [min(plain), max(plain)], rtol=1e-12)


def test_a_comparison_trains_in_the_same_ticks_and_stops_with_the_main_run(qtbot):
    from engine.lesson.comparison import Comparison, Variant
    state = _xor_state()        # full batch: a pause never falls inside an epoch
    controller = TrainingController(state, budget_ms=2.0)
    controller.comparison = Comparison(Variant("none"), controller.trainer, controller.seed)
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= 30, timeout=20000)
    controller.pause()
    other = controller.comparison
    assert other.epoch == controller.epoch
    for a, b in zip(other.network.thetas, state.network.thetas, strict=True):
        np.testing.assert_array_equal(a, b)


def test_a_tick_trains_or_redraws_the_views_never_both(qtbot):
    # A key that arrives while the trainer works then waits for the trainer or for the views'
    # redraw, not for the two one after the other.
    state = _xor_state()
    controller = TrainingController(state, redraw_hz=1e6)      # a redraw is always due
    redraws = [0]
    state.weights_changed.connect(lambda: redraws.__setitem__(0, redraws[0] + 1))
    kinds = []
    for _ in range(8):
        examples, before = controller.trainer.examples, redraws[0]
        controller._on_timer_timeout()
        trained, redrew = controller.trainer.examples != examples, redraws[0] != before
        assert trained != redrew
        kinds.append("train" if trained else "views")
    # Nothing new to show: the first tick trains; after that the two take turns.
    assert kinds == ["train", "views"] * 4


def test_a_key_that_arrives_while_the_trainer_works_is_handled_before_it_works_again(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QWidget

    state = _xor_state()
    controller = TrainingController(state)
    target = QWidget()
    qtbot.addWidget(target)
    log: list[str] = []

    class Keys(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if watched is target and event.type() == QEvent.Type.KeyPress:
                log.append("key")
            return False

    keys = Keys()
    target.installEventFilter(keys)
    run = controller.trainer.run

    def run_and_type(*args, **kwargs):
        log.append("train")
        if log.count("train") == 3:       # a key from the keyboard, in the middle of a tick
            QCoreApplication.postEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right,
                                                         Qt.KeyboardModifier.NoModifier))
        return run(*args, **kwargs)

    controller.trainer.run = run_and_type
    controller.start()
    qtbot.waitUntil(lambda: log.count("train") >= 6, timeout=10000)
    controller.pause()
    assert log.index("key") == 3         # right after the tick it came in
