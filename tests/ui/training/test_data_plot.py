"""ui.training.data_plot on the real window: one dock shows the decision boundary for two
features and the regression curve for one, and says which in its title."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDockWidget

from tests.ui.training.test_panel import _choose, _dispose, _window
from ui.look import language as i18n


@pytest.fixture
def make_window(qtbot):
    made = []

    def make(preset: str):
        win = _window(["--preset", preset, "--seed", "0"])
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        _dispose(win)


def _dock(win) -> QDockWidget:
    return win.findChild(QDockWidget, "boundaryDock")


def _plot(win):
    return _dock(win).widget()


def _tanh_linear_forward(thetas, x: np.ndarray) -> np.ndarray:
    """Return h(x) for inputs x (N,), tanh hidden layers and a linear output, in plain numpy."""
    a = x.reshape(-1, 1)
    for l, theta in enumerate(thetas, start=1):
        z = theta[:, 0] + a @ theta[:, 1:].T
        a = z if l == len(thetas) else np.tanh(z)
    return a[:, 0]


def test_a_regression_preset_shows_its_curve_in_the_data_dock(make_window):
    win = make_window("sin")
    plot = _plot(win)
    assert plot.showing_regression()
    assert plot.regression.isVisible() and not plot.boundary.isVisible()
    assert _dock(win).toolTip() == "Regression curve h(x)"


def test_two_feature_data_keeps_the_decision_boundary(make_window):
    win = make_window("xor")
    plot = _plot(win)
    assert not plot.showing_regression()
    assert plot.boundary.isVisible() and not plot.regression.isVisible()
    assert _dock(win).toolTip() == "Decision boundary"


def test_the_curve_moves_with_training_and_is_the_networks_output(make_window):
    win = make_window("sin")
    view = _plot(win).regression
    before = view.curve.getData()[1].copy()
    win.training.train_epochs(30)
    xs, ys = view.curve.getData()
    assert not np.allclose(ys, before)
    np.testing.assert_allclose(ys, _tanh_linear_forward(win.state.network.thetas, xs),
                               rtol=1e-10, atol=1e-12)


def test_picking_data_in_the_data_tab_switches_the_plot_and_the_network(make_window):
    win = make_window("xor")
    _choose(win, "datasetCombo", "cubic")
    net = win.state.network
    assert (net.layer_sizes[0], net.layer_sizes[-1]) == (1, 1)
    assert (net.output, net.loss_name) == ("linear", "squared_error")
    assert (win.state.settings.optimizer, win.state.settings.lr) == ("adam", 0.01)
    assert _plot(win).showing_regression()
    assert _dock(win).toolTip() == "Regression curve h(x)"
    _choose(win, "datasetCombo", "moons")
    net = win.state.network
    assert (net.output, net.loss_name) == ("sigmoid", "cross_entropy")
    assert not _plot(win).showing_regression()
    assert _dock(win).toolTip() == "Decision boundary"


def test_another_regression_set_keeps_the_linear_output(make_window):
    win = make_window("sin")
    _choose(win, "datasetCombo", "step")
    assert win.state.network.output == "linear" and _plot(win).showing_regression()


def test_hovering_a_neuron_draws_its_output_against_x(make_window):
    win = make_window("sin")
    win.network_view.neuron_hovered.emit(3, 2)     # canvas numbering: unit 2 of layer 3
    assert _plot(win).regression.hovered == (3, 1)


def test_the_regression_entries_are_listed_in_the_data_set_combo(make_window):
    win = make_window("mazur")
    combo = win.findChild(QComboBox, "datasetCombo")
    for name, text in (("sin", "y = sin x (1 feature, regression)"),
                       ("abs", "y = |x| (1 feature, regression)"),
                       ("step", "A step (1 feature, regression)"),
                       ("cubic", "Cubic y = 4x³ − 3x (1 feature, regression)")):
        assert combo.itemText(combo.findData(name)) == text


def test_the_dock_title_follows_the_language(make_window, qtbot, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    win = make_window("sin")
    languages = i18n.manager()
    languages.set_choice("pt_BR", remember=False)
    try:
        qtbot.wait(20)              # LanguageChange is posted to the windows
        assert _dock(win).toolTip() == "Curva de regressão h(x)"
        combo = win.findChild(QComboBox, "datasetCombo")
        assert combo.currentText() == "y = sen x (1 atributo, regressão)"
        _choose(win, "datasetCombo", "xor")
        assert _dock(win).toolTip() == "Fronteira de decisão"
    finally:
        languages.set_choice("en", remember=False)
        qtbot.wait(20)
