"""ui.training.health_plot: the curves show the recorder's figures, fed while training, and the
wing docks the plot with the trainer recording."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget

from engine.lesson.health import HealthRecorder, layer_health
from engine.lesson.presets import build_preset
from main import build_main_window
from ui.look import language as i18n
from ui.look import theme
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
    recorder = controller.trainer.health = HealthRecorder(share=1e9)   # record every epoch
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
    recorder = controller.trainer.health = HealthRecorder(share=1e9)
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


@pytest.fixture
def settings_dir(qapp, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("BackpropVisualizerTest")
    yield tmp_path
    theme.manager().set_choice("light", remember=False)
    i18n.manager().set_choice("en", remember=False)


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
