"""ui.training.health_plot: the curves show the recorder's figures, fed while training, and the
wing docks the plot with the trainer recording."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget

from engine.lesson.health import HealthRecorder, layer_health
from engine.lesson.presets import build_preset
from main import build_main_window
from ui.state import AppState, Settings
from ui.training.health_plot import HealthPlot
from ui.training.scheduler import TrainingController


def _controller(preset: str = "xor", seed: int = 0) -> TrainingController:
    setup = build_preset(preset, seed=seed)
    state = AppState(setup.network, setup.X, setup.Y, Settings(lr=setup.lr), setup.dataset,
                     preset, seed)
    return TrainingController(state, seed=seed)


def test_curves_hold_the_recorded_norms_per_layer(qtbot):
    controller = _controller("deep-sigmoid")
    recorder = controller.trainer.health = HealthRecorder(every=1)   # record every epoch
    plot = HealthPlot(recorder)
    qtbot.addWidget(plot)
    controller.train_epochs(5)
    plot.refresh()
    assert len(plot.norm_curves) == 7
    curve = plot.norm_curves[0]
    x, y = curve.xData, curve.yData         # as given (getData is log10 on the log axis)
    np.testing.assert_array_equal(x, np.arange(0, 6))
    # Epoch 0: the preset's own initial weights, computed here independently of the recorder.
    setup = build_preset("deep-sigmoid", seed=0)
    assert y[0] == pytest.approx(layer_health(setup.network, setup.X, setup.Y)[0].norm_D)
    assert "D(7)" in plot.key.text()
    saturated = plot.saturated_curves[0]
    assert len(saturated.xData) == 6 and np.all((saturated.yData >= 0) & (saturated.yData <= 1))
    assert plot.dead_curves[0].xData is None or len(plot.dead_curves[0].xData) == 0  # sigmoid


def test_a_new_architecture_rebuilds_the_curves(qtbot):
    controller = _controller("xor")
    recorder = controller.trainer.health = HealthRecorder(every=1)
    plot = HealthPlot(recorder)
    qtbot.addWidget(plot)
    controller.train_epochs(2)
    plot.refresh()
    assert len(plot.norm_curves) == 2
    controller.state.set_network(controller.build_network([2, 3, 3, 3, 1]))
    controller.train_epochs(2)
    plot.refresh()
    assert len(plot.norm_curves) == 4
    assert list(plot.norm_curves[0].xData) == [0, 1, 2]


def test_empty_recorder_says_so(qtbot):
    plot = HealthPlot(HealthRecorder())
    qtbot.addWidget(plot)
    assert plot.readout.text() == "No gradients recorded yet."


def test_window_docks_the_plot_and_shows_the_state_before_training(settings_dir, qtbot):
    win = build_main_window(["--lang", "en", "--preset", "deep-sigmoid"])
    qtbot.addWidget(win)
    dock = win.findChild(QDockWidget, "healthDock")
    assert dock is not None and dock.toolTip() == "Gradient health"
    plot = dock.widget()
    assert isinstance(plot, HealthPlot)
    # Before any training the plot already holds epoch 0 (the vanishing gradient shows).
    first, last = plot.norm_curves[0], plot.norm_curves[-1]
    assert list(first.xData) == [0]
    assert first.yData[0] < 1e-2 * last.yData[0]
    win.training.train_epochs(3)
    assert first.xData[-1] == 3      # the end of "one epoch" is recorded


def test_dock_title_follows_the_language(settings_dir, qtbot):
    win = build_main_window(["--lang", "pt_BR"])
    qtbot.addWidget(win)
    assert win.findChild(QDockWidget, "healthDock").toolTip() == "Saúde do gradiente"


def test_empty_plot_counts_epochs_from_zero(qtbot):
    plot = HealthPlot(HealthRecorder())
    qtbot.addWidget(plot)
    plot.resize(300, 400)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.wait(50)
    (x0, x1), _ = plot.norm_plot.getPlotItem().getViewBox().viewRange()
    assert -0.5 < x0 <= 0 < x1


def test_each_encoding_means_one_thing_and_the_key_keeps_samples_with_labels(qtbot):
    import re

    from PySide6.QtCore import Qt

    controller = _controller("xor")
    recorder = controller.trainer.health = HealthRecorder(every=1)
    plot = HealthPlot(recorder)
    qtbot.addWidget(plot)
    controller.train_epochs(2)
    plot.set_comparison(recorder, ("this", "other"))
    solid, dash_dot = Qt.PenStyle.SolidLine, Qt.PenStyle.DashDotLine
    # Line style is the run, in both plots; the kind of unit is the marker, never the line.
    assert {c.opts["pen"].style() for c in plot.norm_curves + plot.saturated_curves
            + plot.dead_curves} == {solid}
    assert {c.opts["pen"].style() for c in plot.compared_norm_curves
            + plot.compared_share_curves} == {dash_dot}
    pairs = plot.compared_share_curves
    for saturated, dead in ((plot.saturated_curves, plot.dead_curves), (pairs[0::2], pairs[1::2])):
        assert {c.opts["symbol"] for c in saturated}.isdisjoint({c.opts["symbol"] for c in dead})
    # Paler: the compared run's colour is see-through, this run's opaque.
    assert plot.compared_norm_curves[0].opts["pen"].color().alpha() < 255
    assert plot.norm_curves[0].opts["pen"].color().alpha() == 255
    # Every sample sits with its label in one unbreakable span, and each encoding has its row.
    text = plot.key.text()
    rows = text.split("<br>")
    assert len(rows) == 3
    items = re.findall(r'<span style="white-space:nowrap">(.*?)</span>&nbsp;(.*?)</span>', text)
    labels = [label for _, label in items]
    assert labels == ["D(1)", "D(2)", "<b>this</b>", "<b>other</b>", "saturated", "dead"]
    assert "D(1)" in rows[0] and "other" in rows[1] and "dead" in rows[2]
    assert plot.share_plot.getAxis("left").labelText == "% of units"


def test_the_state_before_training_alone_counts_epochs_from_zero(qtbot):
    controller = _controller("xor")
    recorder = controller.trainer.health = HealthRecorder()
    plot = HealthPlot(recorder, before_refresh=lambda: recorder.record_latest(controller.trainer))
    qtbot.addWidget(plot)
    plot.resize(300, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.refresh()
    qtbot.wait(50)
    assert list(recorder.epochs()) == [0]
    (x0, x1), _ = plot.norm_plot.getPlotItem().getViewBox().viewRange()
    assert -0.5 < x0 <= 0 < x1
    controller.train_epochs(40)
    plot.refresh()
    qtbot.wait(50)
    (x0, x1), _ = plot.norm_plot.getPlotItem().getViewBox().viewRange()
    assert x1 >= 40                     # then the curves are framed whole


def test_a_short_dock_keeps_both_plots_whole_and_puts_the_init_caption_away(qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    controller = _controller("deep-sigmoid")
    recorder = controller.trainer.health = HealthRecorder(every=1)
    host = QWidget()        # sized as a dock sizes it: below the plot's minimum if need be
    qtbot.addWidget(host)
    plot = HealthPlot(recorder, parent=host)
    controller.train_epochs(3)
    plot.refresh()

    def show_at(height: int) -> None:
        host.resize(240, height)
        plot.setGeometry(0, 0, 240, height)
        host.show()
        qtbot.waitExposed(host)
        for _ in range(3):
            QApplication.processEvents()

    show_at(800)
    assert plot.init_caption.isVisible()
    # The height of everything whole: the texts at this width, both plots at their least, the
    # gaps; a dock a little shorter than that has room without the caption.
    layout = plot.layout()
    margins = layout.contentsMargins()
    width = 240 - margins.left() - margins.right()
    texts = [w.heightForWidth(width) for w in (plot.init_caption, plot.readout, plot.key)]
    whole = (sum(texts) + plot.norm_plot.minimumHeight() + plot.share_plot.minimumHeight()
             + 4 * layout.spacing() + margins.top() + margins.bottom())
    show_at(whole - texts[0] // 2)
    assert not plot.init_caption.isVisible()
    # The lower plot, with the epoch axis, ends inside the widget (it was cut off).
    assert plot.share_plot.geometry().bottom() < plot.height()
    assert plot.share_plot.height() >= plot.share_plot.minimumHeight()
    show_at(whole)
    assert plot.init_caption.isVisible()
    assert plot.share_plot.geometry().bottom() < plot.height()


def test_larger_type_without_a_resize_puts_the_caption_away(qtbot):
    # Presenter mode's larger type raises the share plot's least height (fit_stacked) without
    # resizing the dock: the check runs on the layout pass that follows.
    from PySide6.QtWidgets import QApplication, QWidget

    controller = _controller("xor")
    recorder = controller.trainer.health = HealthRecorder(every=1)
    host = QWidget()
    qtbot.addWidget(host)
    plot = HealthPlot(recorder, parent=host)
    controller.train_epochs(3)
    plot.refresh()
    host.resize(240, 800)
    plot.setGeometry(0, 0, 240, 800)
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    layout = plot.layout()
    margins = layout.contentsMargins()
    width = 240 - margins.left() - margins.right()
    texts = [w.heightForWidth(width) for w in (plot.init_caption, plot.readout, plot.key)]
    gaps = plot.key.geometry().top() - plot.readout.geometry().bottom() - 1
    whole = (sum(texts) + plot.norm_plot.minimumHeight() + plot.share_plot.minimumHeight()
             + 4 * gaps + margins.top() + margins.bottom())
    host.resize(240, whole + 4)
    plot.setGeometry(0, 0, 240, whole + 4)
    for _ in range(3):
        QApplication.processEvents()
    assert plot.init_caption.isVisible()
    plot.share_plot.setMinimumHeight(plot.share_plot.minimumHeight() + 20)
    for _ in range(3):
        QApplication.processEvents()
    assert not plot.init_caption.isVisible()
    assert plot.share_plot.geometry().bottom() < plot.height()
