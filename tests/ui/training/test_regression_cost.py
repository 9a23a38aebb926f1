"""The Cost dock for regression on the real window: no accuracy (plot hidden, title says RMSE),
and the readout's RMSE equals one computed here from Θ with a plain forward pass."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtWidgets import QDockWidget

from ui.look import dock_titles


def _plain_rmse(thetas, X, Y) -> float:
    """Return √(mean (h(x) − y)²): tanh hidden layers, linear output (the sin preset's)."""
    a = X
    for k, theta in enumerate(thetas):
        z = np.c_[np.ones(len(a)), a] @ theta.T
        a = z if k == len(thetas) - 1 else np.tanh(z)
    return float(np.sqrt(np.mean((a - Y) ** 2)))


def test_regression_shows_rmse_where_classes_show_accuracy(make_window):
    win = make_window("--preset", "sin")
    win.training.train_epochs(30)
    plot = win.loss_plot
    assert not plot.show_accuracy
    readout = plot.readout.text()
    assert "accuracy" not in readout
    found = re.search(r"RMSE now ([0-9.e+-]+) · test ([0-9.e+-]+)", readout)
    assert found, readout
    ds = win.state.dataset
    thetas = win.state.network.thetas
    assert float(found[1]) == np.float64(f"{_plain_rmse(thetas, win.state.X, win.state.Y):.3g}")
    assert float(found[2]) == np.float64(f"{_plain_rmse(thetas, ds.X_test, ds.Y_test):.3g}")
    dock = win.findChild(QDockWidget, "lossDock")
    assert dock_titles.full_title(dock) == "Cost and RMSE"


def test_class_labels_keep_accuracy(make_window):
    win = make_window("--preset", "xor")
    win.training.train_epochs(3)
    assert win.loss_plot.show_accuracy
    assert "RMSE" not in win.loss_plot.readout.text()
    dock = win.findChild(QDockWidget, "lossDock")
    assert dock_titles.full_title(dock) == "Cost and accuracy"
