"""The training wing: the panel, the loss plot, the data plot (the decision boundary, or the
regression curve for one-feature data) and the gradient health as docks of the window, around
one ``TrainingController``; ``--train-epochs N`` trains before the window shows."""

from __future__ import annotations

import argparse
import contextlib
import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from engine.lesson.health import HealthRecorder
from engine.lesson.scoring import rmse
from ui.canvas.view import NetworkView
from ui.look.on_screen import WhenSeen
from ui.state import AppState
from ui.training import landscape_dock
from ui.training.boundary_view import BoundaryView
from ui.training.data_plot import DataPlot
from ui.training.health_plot import HealthPlot
from ui.training.landscape_view import LandscapeView
from ui.training.loss_plot import LossPlot
from ui.training.panel import TrainingPanel
from ui.training.panel_scroll import PanelScroll
from ui.training.regression_view import RegressionView
from ui.training.scheduler import TrainingController


@dataclass(frozen=True)
class TrainingWing:
    """What ``install`` built: the scheduler, the panel, the plots and their docks."""

    controller: TrainingController
    panel: TrainingPanel
    loss_plot: LossPlot
    boundary: BoundaryView
    health_plot: HealthPlot | None = None
    landscape: LandscapeView | None = None
    regression: RegressionView | None = None
    data_plot: DataPlot | None = None


def install(window: QMainWindow, state: AppState, args: argparse.Namespace,
            canvas: NetworkView | None = None) -> TrainingWing:
    """Add the training panel, loss plot and decision boundary docks to ``window`` and return
    them; hovering a neuron of ``canvas`` shows its map. With ``--train-epochs N``, train N
    epochs now (before any screenshot)."""
    controller = TrainingController(state, seed=getattr(args, "seed", 0) or 0, parent=window)
    panel = TrainingPanel(state, controller)
    loss_plot = LossPlot(controller.history)
    boundary = BoundaryView(state)
    regression = RegressionView(state)
    data_plot = DataPlot(state, boundary, regression)
    # While training, a plot nobody sees (its tab behind another) is redrawn once it is seen.
    loss_redraw = WhenSeen(loss_plot, loss_plot.refresh, defer=lambda: controller.running)
    controller.epoch_finished.connect(lambda _e: loss_redraw.request())
    # The trainer records the layers' gradient health on its stride. While it is stopped, the
    # newest weights are recorded too (new weights before training: a deep sigmoid net shows
    # its problem at once; the end of "one epoch" or --train-epochs); never while running, where
    # that would cost a pass per redraw.
    recorder = controller.trainer.health = HealthRecorder()

    def record_stopped() -> None:
        # Data the loss cannot use is skipped here: the controller says so when training.
        if not controller.running:
            with contextlib.suppress(ValueError):
                recorder.record_latest(controller.trainer)

    health_plot = HealthPlot(recorder, before_refresh=record_stopped)
    health_redraw = WhenSeen(health_plot, health_plot.refresh, defer=lambda: controller.running)
    controller.epoch_finished.connect(lambda _e: health_redraw.request())

    def show_init() -> None:
        health_plot.set_init(None if controller.article_weights else state.settings.init)

    # A session credits an article's weights only after its network is in: epoch_finished follows.
    state.settings_changed.connect(show_init)
    state.network_changed.connect(show_init)
    controller.epoch_finished.connect(lambda _e: show_init())
    show_init()
    state.data_changed.connect(lambda: loss_plot.set_show_accuracy(
        controller.is_classification()))
    loss_plot.set_show_accuracy(controller.is_classification())
    loss_plot.rmse_now = lambda: regression_rmse(controller, state)
    if canvas is not None:
        # The canvas numbers units k = 1..s(l) with 0 the "+1" bias unit, and (0, −1) for none.
        canvas.neuron_hovered.connect(lambda layer, k: data_plot.set_hovered(layer, k - 1))

    scroll = PanelScroll(panel)
    # Right of the step-through canvas: the controls, and below them the boundary beside the
    # cost plot (side by side, the square boundary map wastes no width).
    docks = []
    for name, widget in (("trainingDock", scroll), ("boundaryDock", data_plot),
                         ("lossDock", loss_plot), ("healthDock", health_plot)):
        dock = QDockWidget(window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    window.splitDockWidget(docks[1], docks[2], Qt.Orientation.Horizontal)
    window.tabifyDockWidget(docks[2], docks[3])     # behind the loss plot, a tab away
    docks[2].raise_()
    window.resizeDocks([docks[0], docks[1]], [330, 510], Qt.Orientation.Vertical)
    window.resizeDocks([docks[1], docks[2]], [280, 280], Qt.Orientation.Horizontal)
    panel.docks = docks[:3]
    docks[1].visibilityChanged.connect(lambda shown: shown and data_plot.catch_up())
    loss_redraw.follow(docks[2])
    health_redraw.follow(docks[3])
    health_plot.dock = docks[3]
    panel.retranslate()
    data_plot.retranslate()     # the panel titles the other docks; this one says which plot
    health_plot.retranslate()
    for dock in docks:
        window.view_menu.addAction(dock.toggleViewAction())
    # The loss landscape: a tab beside the decision boundary (both maps of a plane).
    landscape = landscape_dock.install(window, state, controller, canvas, beside=docks[1])
    epochs = int(getattr(args, "train_epochs", 0) or 0)
    if epochs:
        def train() -> None:
            controller.train_epochs(epochs)
            loss_plot.refresh()
            health_plot.refresh()

        if getattr(args, "session", None):
            # The session file is opened by a part built after this one: train what it
            # loads, once the event loop first runs (before a --screenshot is taken).
            QTimer.singleShot(0, train)
        else:
            train()
    return TrainingWing(controller, panel, loss_plot, boundary, health_plot, landscape,
                        regression, data_plot)


def regression_rmse(controller: TrainingController, state: AppState) -> tuple[float, float] | None:
    """Return the RMSE on the training and test examples (NaN without a test set) at the
    current weights, or None where the targets are class labels (accuracy says it there)."""
    if controller.is_classification():
        return None
    net = state.network
    with np.errstate(over="ignore", invalid="ignore"):
        train = rmse(net.predict(state.X), state.Y)
        test_set = controller.test_set()
        test = math.nan if test_set is None else rmse(net.predict(test_set[0]), test_set[1])
    return train, test

