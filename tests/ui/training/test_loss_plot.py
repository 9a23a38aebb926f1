"""ui.training.loss_plot: the curves show the history, and the history the engine's costs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget

from engine.lesson.history import HistoryPoint, LossHistory
from engine.lesson.presets import build_preset
from ui.state import AppState, Settings
from ui.training.loss_plot import LossPlot
from ui.training.scheduler import TrainingController


def _plot(qtbot, history: LossHistory) -> LossPlot:
    plot = LossPlot(history)
    qtbot.addWidget(plot)
    return plot


def test_plot_data_equals_the_engines_costs_for_the_same_seed(qtbot):
    setup = build_preset("xor", seed=3)
    state = AppState(setup.network, setup.X, setup.Y, Settings(lr=0.5), setup.dataset)
    controller = TrainingController(state)
    plot = _plot(qtbot, controller.history)
    controller.train_epochs(60)
    plot.refresh()
    # Independently: a plain engine loop from the same seed, J of each full-batch step.
    plain = build_preset("xor", seed=3)
    expected = [plain.network.train_step(plain.X, plain.Y, 0.5) for _ in range(60)]
    x, y = plot.train_curve.getData()
    np.testing.assert_array_equal(x, np.arange(1, 61))
    np.testing.assert_allclose(y, expected, rtol=1e-12)


def test_test_curve_shows_the_test_cost(qtbot):
    h = LossHistory(capacity=8)
    for e in range(1, 4):
        h.add(HistoryPoint(e, 1.0 / e, 2.0 / e))
    plot = _plot(qtbot, h)
    x, y = plot.test_curve.getData()
    np.testing.assert_allclose(y, [2.0, 1.0, 2.0 / 3])
    assert plot.test_curve.isVisible()


def test_test_curve_is_hidden_without_a_test_set(qtbot):
    h = LossHistory(capacity=8)
    h.add(HistoryPoint(1, 0.7))
    plot = _plot(qtbot, h)
    assert not plot.test_curve.isVisible()


def test_log_scale_toggle_switches_the_cost_axis(qtbot):
    h = LossHistory(capacity=8)
    h.add(HistoryPoint(1, 0.5))
    h.add(HistoryPoint(2, 0.0))          # log(0) cannot be drawn: the point is left out
    plot = _plot(qtbot, h)
    check = plot.findChild(QCheckBox, "logScaleCheck")
    check.setChecked(True)
    assert plot.cost_plot.getPlotItem().ctrl.logYCheck.isChecked()
    assert plot.train_curve.getData()[0].tolist() == [1.0]
    check.setChecked(False)
    assert plot.train_curve.getData()[0].tolist() == [1.0, 2.0]


def test_accuracy_curves_and_readout_follow_the_history(qtbot):
    h = LossHistory(capacity=8)
    h.add(HistoryPoint(1, 0.5, 0.6, 0.75, 0.5))
    plot = _plot(qtbot, h)
    assert plot.train_accuracy_curve.getData()[1].tolist() == [0.75]
    assert plot.test_accuracy_curve.getData()[1].tolist() == [0.5]
    assert "75.0 %" in plot.readout.text() and "50.0 %" in plot.readout.text()


def test_accuracy_plot_can_be_hidden_for_regression(qtbot):
    h = LossHistory(capacity=8)
    h.add(HistoryPoint(1, 0.5, math.nan, math.nan, math.nan))
    plot = _plot(qtbot, h)
    plot.set_show_accuracy(False)
    assert plot.accuracy_plot.isHidden()
    assert "accuracy" not in plot.readout.text()


def test_curve_items_are_reused_between_refreshes(qtbot):
    h = LossHistory(capacity=8)
    plot = _plot(qtbot, h)
    items = list(plot.cost_plot.getPlotItem().listDataItems())
    for e in range(1, 30):
        h.add(HistoryPoint(e, 1.0 / e))
        plot.refresh()
    assert list(plot.cost_plot.getPlotItem().listDataItems()) == items
    assert len(plot.train_curve.getData()[0]) <= 9


def test_dark_theme_recolours_the_plots(qtbot):
    from ui.look.palette import DARK

    plot = _plot(qtbot, LossHistory(capacity=8))
    plot.set_theme(DARK)
    assert plot.cost_plot.backgroundBrush().color().name() == DARK.background.lower()
    assert plot.accuracy_plot.backgroundBrush().color().name() == DARK.background.lower()


def test_accuracy_axis_reads_in_percent(qtbot):
    plot = _plot(qtbot, LossHistory(capacity=8))
    major = plot.accuracy_plot.getAxis("left")._tickLevels[0]
    assert major == [(0.0, "0 %"), (0.5, "50 %"), (1.0, "100 %")]


def test_cleared_history_resets_the_axes_of_the_previous_run(qtbot):
    h = LossHistory(capacity=64)
    for e in range(1, 801):
        h.add(HistoryPoint(e, 3.0 / e))
    plot = _plot(qtbot, h)
    plot.resize(300, 300)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.wait(50)
    box = plot.cost_plot.getPlotItem().getViewBox()
    assert box.viewRange()[0][1] >= 800
    box.scaleBy((0.5, 0.5))           # the user zoomed in: auto-range is off
    qtbot.wait(50)
    h.clear()                         # new data or weights: the history starts again
    plot.refresh()
    (x0, x1), (y0, y1) = box.viewRange()
    assert x1 < 10 and y1 < 10        # not the old run's 0–800 epochs and cost 0–3
    h.add(HistoryPoint(1, 40.0))
    h.add(HistoryPoint(2, 30.0))
    plot.refresh()
    qtbot.wait(50)
    (x0, x1), (y0, y1) = box.viewRange()
    assert x0 <= 1 and x1 >= 2 and y0 <= 30 and y1 >= 40   # the new run is in view


class _PaintCounter(QObject):
    """Count paint events; past ``limit`` break a repaint loop (by freezing the cost plot's
    view) so a failing test ends instead of hanging."""

    def __init__(self, plot: LossPlot, limit: int) -> None:
        super().__init__()
        self.plot, self.limit, self.paints = plot, limit, 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            if self.paints == self.limit:
                self.plot.cost_plot.getPlotItem().getViewBox().disableAutoRange()
        return False


def test_event_loop_settles_when_the_view_fits_the_curves(qtbot):
    # The freeze at ~942,000 XOR epochs: the auto-ranged epoch axis was fitted to the curve as
    # drawn, and with auto-downsampling the drawn curve depends on the range (its first and
    # last points change with the downsampling factor), so range and curve could flip between
    # two states on every paint and no timer ever fired. A gap after the first epoch makes
    # the two states far apart, so the flip is certain where it was once in a blue moon.
    plot = _plot(qtbot, LossHistory())
    plot.resize(220, 480)
    plot.show()
    qtbot.waitExposed(plot)
    QApplication.processEvents()
    view_width = plot.cost_plot.getPlotItem().getViewBox().width()
    n = min(1999, int(2.2 * 5 * view_width))    # ~2 data points per drawn pixel, 5 a pixel
    epochs = np.concatenate([[1], 1000 * n + np.arange(n)])
    cost = 1.0 / np.sqrt(epochs)
    plot.history.load_dict({"capacity": 2000,   # a history as a session may hold it
                            "epochs": epochs.tolist(), "train_cost": cost.tolist(),
                            "test_cost": [None] * epochs.size,
                            "train_accuracy": [1.0] * epochs.size,
                            "test_accuracy": [None] * epochs.size})
    counter = _PaintCounter(plot, limit=300)
    QApplication.instance().installEventFilter(counter)
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    try:
        plot.refresh()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 500)
        settled_paints = counter.paints
        qtbot.waitUntil(lambda: bool(fired), timeout=1000)
    finally:
        QApplication.instance().removeEventFilter(counter)
    assert settled_paints < 50
    x, _ = plot.train_curve.getData()
    assert x.size == epochs.size           # every stored point drawn (≤ 2001 of them)


# --- the first epoch, the min/max band and the measured end -------------------------------------

def _record(history: LossHistory, costs) -> None:
    """Record J of epochs 1, 2, ... as the training controller does (add on the stride)."""
    for epoch, cost in enumerate(costs, start=1):
        if epoch % history.stride == 0:
            history.add(HistoryPoint(epoch, float(cost)))
        else:
            history.note(epoch, float(cost))


def _data(curve) -> tuple[np.ndarray, np.ndarray]:
    """Return the data a curve was given (``getData`` is clipped to the view, which a plot
    that was never shown has not fitted yet)."""
    x, y = curve.getOriginalDataset()
    return (np.array([]), np.array([])) if x is None else (x, y)


def _drawn_cost_values(plot: LossPlot) -> np.ndarray:
    """Return every cost value the cost plot draws: the curve and both edges of the band."""
    return np.concatenate([_data(c)[1] for c in (plot.train_curve, plot.train_low_curve,
                                                 plot.train_high_curve)])


def test_an_oscillating_cost_is_drawn_as_a_band_from_its_low_to_its_high(qtbot):
    costs = np.where(np.arange(1, 20_001) % 2 == 1, 22.2, 2.2)     # 22.2, 2.2, 22.2, ...
    h = LossHistory(capacity=64)
    _record(h, costs)
    plot = _plot(qtbot, h)
    x_line, y_line = _data(plot.train_curve)
    assert x_line[0] == 1 and y_line[0] == 22.2          # the curve starts at epoch 1's J
    assert np.all(y_line[1:] == 2.2)                      # the thinned line alone looks calm
    x_low, y_low = _data(plot.train_low_curve)
    x_high, y_high = _data(plot.train_high_curve)
    assert np.all(y_low == 2.2) and np.all(y_high == 22.2)
    # The band covers every epoch after the first, interval after interval, to the last.
    assert x_low[0] == 1 and x_low[-1] == 20_000 and np.all(np.diff(x_low) >= 0)
    assert plot.train_band.path().boundingRect().height() > 0
    assert "range within each thinned interval" in plot.key.text()


def test_the_drawn_extremes_are_the_extremes_of_every_epoch(qtbot):
    rng = np.random.default_rng(3)
    costs = 1.0 + rng.random(30_000)
    costs[[4_321, 17_777]] = [0.001, 50.0]                # one-epoch spikes, off the stride
    h = LossHistory(capacity=100)
    _record(h, costs)
    plot = _plot(qtbot, h)
    drawn = _drawn_cost_values(plot)
    assert drawn.min() == costs.min() and drawn.max() == costs.max()


def test_no_band_while_every_epoch_is_its_own_point(qtbot):
    h = LossHistory(capacity=64)
    _record(h, np.where(np.arange(1, 41) % 2 == 1, 22.2, 2.2))
    plot = _plot(qtbot, h)
    assert _data(plot.train_curve)[1].tolist() == [22.2, 2.2] * 20   # the zigzag itself
    assert _data(plot.train_low_curve)[0].size == 0
    assert "range within" not in plot.key.text()


def test_the_band_follows_the_log_scale(qtbot):
    h = LossHistory(capacity=16)
    _record(h, np.where(np.arange(1, 2_001) % 2 == 1, 10.0, 0.1))
    plot = _plot(qtbot, h)
    plot.findChild(QCheckBox, "logScaleCheck").setChecked(True)
    _, y_low = _data(plot.train_low_curve)
    _, y_high = _data(plot.train_high_curve)
    assert np.all(y_low == 0.1) and np.all(y_high == 10.0)    # data stay J; the axis is log
    assert plot.cost_plot.getPlotItem().ctrl.logYCheck.isChecked()


def test_the_band_legend_is_translated(qtbot):
    from ui.look import language as i18n

    h = LossHistory(capacity=16)
    _record(h, np.where(np.arange(1, 200) % 2 == 1, 22.2, 2.2))
    plot = _plot(qtbot, h)
    manager = i18n.manager()
    manager.set_choice("pt_BR", remember=False)
    try:
        qtbot.waitUntil(lambda: "de cada intervalo agrupado" in plot.key.text())
    finally:
        manager.set_choice("en", remember=False)
    qtbot.waitUntil(lambda: "range within each thinned interval" in plot.key.text())


def test_accuracy_and_test_curves_reach_the_trainers_epoch_in_the_window(qtbot):
    from tests.ui.training.test_panel import _dispose, _window

    win = _window(["--preset", "digits", "--seed", "0"])
    try:
        trained = win.training.train_epochs(200)
        QApplication.processEvents()
        plot = win.findChild(LossPlot, "lossPlot")
        plot.refresh()
        assert trained == 200 and win.training.epoch == 200
        for curve in (plot.train_accuracy_curve, plot.test_accuracy_curve, plot.test_curve,
                      plot.train_curve):
            x, y = _data(curve)
            assert x[-1] == win.training.epoch and np.isfinite(y[-1])
        # And the value drawn there is the network's accuracy now, computed here afresh.
        X, Y = win.state.X, win.state.Y
        want = np.mean(np.argmax(win.state.network.predict(X), axis=1) == np.argmax(Y, axis=1))
        assert _data(plot.train_accuracy_curve)[1][-1] == pytest.approx(want, abs=1e-12)
    finally:
        _dispose(win)


def test_empty_plots_count_epochs_and_cost_from_zero(qtbot):
    plot = _plot(qtbot, LossHistory())
    plot.resize(300, 400)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.wait(50)
    for w in (plot.cost_plot, plot.accuracy_plot):
        (x0, x1), (y0, y1) = w.getPlotItem().getViewBox().viewRange()
        assert -0.5 < x0 <= 0 < x1, w.objectName()          # no negative epochs
        assert -0.2 < y0 <= 0 < y1, w.objectName()          # no negative cost or accuracy
    assert "Train" in plot.readout.text()


def test_the_plots_keep_their_height_while_the_readout_changes_length(qtbot):
    # The readout wraps in a narrow dock; a shorter one must not give its line back to the
    # plots at each refresh (they would resize and redraw whole while training).
    h = LossHistory(capacity=64)
    plot = _plot(qtbot, h)
    plot.resize(230, 420)
    plot.show()
    qtbot.waitExposed(plot)
    heights = []
    for epoch, (train, test) in enumerate([(0.123456, 0.654321), (1.0, 2.0)] * 3, start=1):
        h.add(HistoryPoint(epoch, train, test, 0.5 + 0.01 * epoch, 0.5))
        plot.refresh()
        QApplication.processEvents()
        heights.append(plot.cost_plot.height())
    assert len(set(heights[1:])) == 1, heights


class _ViewportPaints(QObject):
    """Count the paint events of one widget."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget, self.paints = widget, 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.widget and event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_refresh_that_moves_the_axes_paints_the_cost_plot_once(qtbot):
    # pyqtgraph fits an auto-ranged view while it paints, and a fit that moves the axes asks for
    # another paint: while training, every refresh painted the cost plot twice (4 ms each).
    h = LossHistory()
    plot = _plot(qtbot, h)
    plot.resize(300, 400)
    plot.show()
    qtbot.waitExposed(plot)
    _record(h, 1.0 / np.arange(1, 41))
    plot.refresh()
    qtbot.wait(50)
    counter = _ViewportPaints(plot.cost_plot.viewport())
    QApplication.instance().installEventFilter(counter)
    try:
        before = plot.cost_plot.getPlotItem().getViewBox().viewRange()
        for epoch in range(41, 121):     # later epochs and a higher cost: both axes move
            h.add(HistoryPoint(epoch, 2.0))
        plot.refresh()
        qtbot.wait(100)
    finally:
        QApplication.instance().removeEventFilter(counter)
    after = plot.cost_plot.getPlotItem().getViewBox().viewRange()
    assert after[0][1] > before[0][1] and after[1][1] != before[1][1]   # the axes did move
    assert counter.paints == 1


def _hosted(qtbot, history: LossHistory) -> tuple[QWidget, LossPlot]:
    """Return a plot in a host that sizes it as a dock does (a window of its own could not be
    made shorter than its minimum)."""
    host = QWidget()
    qtbot.addWidget(host)
    return host, LossPlot(history, parent=host)


def _shown_at(qtbot, host: QWidget, plot: LossPlot, width: int, height: int) -> None:
    host.resize(width, height)
    plot.setGeometry(0, 0, width, height)
    host.show()
    qtbot.waitExposed(host)
    for _ in range(3):
        QApplication.processEvents()


def _five_epochs(qtbot) -> tuple[QWidget, LossPlot]:
    """Return a hosted plot of five epochs of a classifier (accuracy 55 … 75 %)."""
    h = LossHistory()
    for epoch in range(1, 6):
        h.add(HistoryPoint(epoch, 1.0 / epoch, 1.2 / epoch, 0.5 + 0.05 * epoch, 0.5))
    host, plot = _hosted(qtbot, h)
    plot.refresh()
    return host, plot


def test_a_short_dock_gives_the_cost_plot_the_room_and_keeps_accuracy_in_the_readout(qtbot):
    host, plot = _five_epochs(qtbot)
    _shown_at(qtbot, host, plot, 260, 700)
    assert plot.accuracy_plot.isVisible()
    least = plot.accuracy_plot.minimumHeight()
    # Everything but the two plots and the gap between them: the readout, key and check.
    gap = plot.accuracy_plot.geometry().top() - plot.cost_plot.geometry().bottom() - 1
    texts = plot.height() - plot.cost_plot.height() - plot.accuracy_plot.height() - gap
    keep = max(least // 2, plot.cost_plot.minimumSizeHint().height())
    # A projector's short dock, where the two plots no longer fit at their least heights:
    # the cost plot alone, with the epoch axis's numbers of its own.
    _shown_at(qtbot, host, plot, 260, texts + gap + least + keep - 20)
    assert not plot.accuracy_plot.isVisible()
    assert plot.cost_plot.getAxis("bottom").style["showValues"]
    assert "accuracy 75.0 %" in plot.readout.text()
    # Just taller, room for both but not to spare: still the cost plot alone (no flicker) ...
    _shown_at(qtbot, host, plot, 260, texts + gap + least + keep + 10)
    assert not plot.accuracy_plot.isVisible()
    # ... tall again: both, the epoch axis's numbers under the accuracy plot.
    _shown_at(qtbot, host, plot, 260, 700)
    assert plot.accuracy_plot.isVisible()
    assert not plot.cost_plot.getAxis("bottom").style["showValues"]
    assert plot.cost_plot.height() >= least // 2


def test_regression_targets_never_show_the_accuracy_plot_whatever_the_room(qtbot):
    host, plot = _hosted(qtbot, LossHistory())
    plot.set_show_accuracy(False)
    _shown_at(qtbot, host, plot, 260, 320)
    _shown_at(qtbot, host, plot, 260, 800)
    assert not plot.accuracy_plot.isVisible()
    plot.set_show_accuracy(True)
    assert plot.accuracy_plot.isVisible()


def test_a_readout_that_grows_without_a_resize_still_makes_room(qtbot):
    # Before training the readout is one line; the first epochs make it several in a narrow
    # dock, and nothing resizes the dock: the cost plot must not be left squeezed.
    h = LossHistory()
    host, plot = _hosted(qtbot, h)
    plot.refresh()                                 # "No epochs yet: press Train."
    _shown_at(qtbot, host, plot, 200, 700)
    least = plot.accuracy_plot.minimumHeight()
    keep = max(least // 2, plot.cost_plot.minimumSizeHint().height())
    gap = plot.accuracy_plot.geometry().top() - plot.cost_plot.geometry().bottom() - 1
    texts = plot.height() - plot.cost_plot.height() - plot.accuracy_plot.height() - gap
    _shown_at(qtbot, host, plot, 200, texts + gap + least + keep + 4)   # both just fit
    assert plot.accuracy_plot.isVisible()
    lines = plot.readout_box.height()
    for epoch in range(1, 4):
        h.add(HistoryPoint(epoch, 0.123456 / epoch, 0.654321 / epoch, 0.75, 0.5))
    plot.refresh()
    for _ in range(3):
        QApplication.processEvents()
    assert plot.readout_box.height() > lines + 4          # it did grow, by a line or more
    assert not plot.accuracy_plot.isVisible()
    assert plot.cost_plot.geometry().bottom() < plot.height()


def test_a_dock_shown_first_at_a_short_size_drops_the_accuracy_plot(qtbot):
    host, plot = _five_epochs(qtbot)
    assert not host.isVisible()
    _shown_at(qtbot, host, plot, 260, 200)    # sized before it is ever shown, then shown
    assert not plot.accuracy_plot.isVisible()
    assert plot.cost_plot.getAxis("bottom").style["showValues"]
