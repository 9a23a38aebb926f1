"""The Network tab's options: one g per hidden layer in the architecture editor, and the
initialization of the weights (its statistics, its note, and the health plot's caption)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from engine import Network
from engine.datasets import load
from tests.ui.training.test_panel import _dispose, _window
from ui.state import AppState
from ui.training.network_controls import NetworkControls
from ui.training.scheduler import TrainingController

SEED = 5


def _controls(qtbot, hidden: list[int], activation="sigmoid"):
    ds = load("moons", seed=0)
    net = Network([ds.n_inputs, *hidden, ds.n_outputs], activation, "sigmoid",
                  rng=np.random.default_rng(0))
    state = AppState(net, ds.X_train, ds.Y_train, dataset=ds)
    controls = NetworkControls(state, TrainingController(state, seed=SEED))
    state.network_changed.connect(controls.sync)        # as the training panel does
    qtbot.addWidget(controls)
    return controls, state


def _pick(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


# --- one g per hidden layer --------------------------------------------------------------------

def test_each_hidden_layer_row_has_a_combo_of_all_eight_activations(qtbot):
    controls, _ = _controls(qtbot, [3, 3, 3])
    combos = [controls.findChild(QComboBox, f"hiddenLayerActivation{i}") for i in range(3)]
    assert all(c is not None for c in combos)
    keys = [combos[0].itemData(i) for i in range(combos[0].count())]
    assert keys == ["sigmoid", "tanh", "relu", "linear", "leaky_relu", "elu", "softplus", "gelu"]
    assert combos[2].itemText(keys.index("leaky_relu")) == "leaky ReLU"
    assert [c.currentData() for c in combos] == ["sigmoid"] * 3


def test_choosing_a_layers_g_builds_a_network_with_that_list_from_the_seed(qtbot):
    controls, state = _controls(qtbot, [3, 4, 2])
    _pick(controls.findChild(QComboBox, "hiddenLayerActivation1"), "relu")
    _pick(controls.findChild(QComboBox, "hiddenLayerActivation2"), "gelu")
    assert state.network.activation == ["sigmoid", "relu", "gelu"]
    # The same draw as the engine makes for that list from the controller's seed.
    expected = Network([2, 3, 4, 2, 1], ["sigmoid", "relu", "gelu"], "sigmoid",
                       rng=np.random.default_rng(SEED))
    for got, want in zip(state.network.thetas, expected.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


def test_a_new_layer_takes_the_g_of_the_layer_above_it(qtbot):
    controls, state = _controls(qtbot, [3, 3])
    _pick(controls.findChild(QComboBox, "hiddenLayerActivation1"), "elu")
    qtbot.mouseClick(controls.findChild(QPushButton, "addLayerButton"),
                     Qt.MouseButton.LeftButton)
    assert state.network.layer_sizes == [2, 3, 3, 3, 1]
    assert state.network.activation == ["sigmoid", "elu", "elu"]
    qtbot.mouseClick(controls.findChild(QPushButton, "removeLayerButton"),
                     Qt.MouseButton.LeftButton)
    assert state.network.activation == ["sigmoid", "elu"]


def test_the_all_layers_combo_sets_every_layer_even_to_the_name_it_shows(qtbot):
    controls, state = _controls(qtbot, [3, 3], activation=["tanh", "relu"])
    assert controls.activation_combo.currentData() == "tanh"       # layer 2's, as shown
    index = controls.activation_combo.findData("tanh")
    controls.activation_combo.activated.emit(index)                 # the learner picks it again
    assert state.network.activation == "tanh"
    combos = [controls.findChild(QComboBox, f"hiddenLayerActivation{i}") for i in range(2)]
    assert [c.currentData() for c in combos] == ["tanh", "tanh"]
    _pick(controls.activation_combo, "softplus")
    assert state.network.activation == "softplus"
    assert [c.currentData() for c in combos] == ["softplus", "softplus"]


def test_a_network_from_elsewhere_shows_its_gs_in_the_rows_without_rebuilding(qtbot):
    controls, state = _controls(qtbot, [3, 3])
    net = Network([2, 3, 3, 1], ["leaky_relu", "gelu"], rng=np.random.default_rng(3))
    state.set_network(net)
    controls.sync()
    assert state.network is net
    assert controls.editor.activations == ["leaky_relu", "gelu"]


def test_the_summary_names_the_layers_gs_counting_runs(qtbot):
    controls, _ = _controls(qtbot, [3, 3, 3, 3])
    controls.choose_activations(["sigmoid", "relu", "relu", "relu"])
    assert controls.activation_text() == "sigmoid, ReLU ×3"
    controls.choose_activations("tanh")
    assert controls.activation_text() == "tanh"


def test_choose_activations_is_the_callable_form_of_the_combos(qtbot):
    controls, state = _controls(qtbot, [3, 3])
    controls.choose_activations(["relu", "tanh"])
    assert state.network.activation == ["relu", "tanh"]
    with pytest.raises(ValueError, match="activation"):
        controls.choose_activations(["relu"])


# --- initialization ----------------------------------------------------------------------------

def _weights_of_layer_2(state: AppState) -> tuple[np.ndarray, np.ndarray]:
    theta = np.asarray(state.network.thetas[1])     # Θ(2): 64 × (1 + 64)
    return theta[:, 1:].ravel(), theta[:, 0]


@pytest.mark.parametrize(("init", "variance"), [("he", 2.0 / 64), ("xavier", 2.0 / (64 + 64))])
def test_normal_inits_draw_weights_with_their_spread_and_zero_biases(qtbot, init, variance):
    controls, state = _controls(qtbot, [64, 64])
    _pick(controls.init_combo, init)
    assert state.settings.init == init
    weights, biases = _weights_of_layer_2(state)
    # 4096 draws: the sample standard deviation has a relative standard error 1/√(2n) ≈ 1.1 %,
    # so 5 % is over four standard errors (fails by chance about once in 10⁵ seeds; the seed is
    # fixed anyway), while the other init's spread is 29 % (He vs Xavier) away.
    assert weights.std() == pytest.approx(np.sqrt(variance), rel=0.05)
    assert abs(weights.mean()) < 4 * np.sqrt(variance / weights.size)
    np.testing.assert_array_equal(biases, 0.0)


def test_the_notes_uniform_init_stays_within_plus_minus_epsilon(qtbot):
    controls, state = _controls(qtbot, [64, 64])
    _pick(controls.init_combo, "he")
    _pick(controls.init_combo, "uniform")
    assert state.settings.init == "uniform"
    weights, biases = _weights_of_layer_2(state)
    eps = np.sqrt(6.0) / np.sqrt(64 + 64)
    both = np.concatenate([weights, biases])
    assert np.all(np.abs(both) <= eps)
    assert np.abs(both).max() > 0.99 * eps         # 4160 draws reach the edge of the interval
    assert np.any(biases != 0.0)                    # the notes draw the biases too
    # U(−ε, ε) has variance ε²/3; the same 5 % tolerance as for the normal draws.
    assert both.std() == pytest.approx(eps / np.sqrt(3.0), rel=0.05)


def test_the_init_note_names_the_draw_and_why_it_matters(qtbot):
    controls, _ = _controls(qtbot, [3])
    note = controls.findChild(QLabel, "initNote")
    _pick(controls.init_combo, "he")
    assert "N(0, 2/s(l))" in note.text() and "saturate" in note.text()
    _pick(controls.init_combo, "xavier")
    assert "N(0, 2/(s(l) + s(l+1)))" in note.text()


def test_a_later_change_of_shape_or_g_keeps_drawing_with_the_chosen_init(qtbot):
    controls, state = _controls(qtbot, [64, 64])
    controls.choose_init("he")
    _pick(controls.activation_combo, "relu")
    weights, biases = _weights_of_layer_2(state)
    np.testing.assert_array_equal(biases, 0.0)      # uniform would have drawn them
    assert weights.std() == pytest.approx(np.sqrt(2.0 / 64), rel=0.05)
    with pytest.raises(ValueError, match="initialization"):
        controls.choose_init("glorot")


def test_settings_changed_elsewhere_show_in_the_init_combo_without_new_weights(qtbot):
    controls, state = _controls(qtbot, [3])
    net = state.network
    state.update_settings(init="xavier")            # e.g. a session being opened
    assert controls.init_combo.currentData() == "xavier"
    assert state.network is net


def test_the_health_plot_names_the_initialization_in_use(qtbot):
    win = _window(["--preset", "xor", "--seed", "0", "--lang", "en"])
    try:
        caption = win.findChild(QLabel, "healthInitCaption")
        assert "uniform ±ε" in caption.text()
        _pick(win.findChild(QComboBox, "initCombo"), "he")
        assert "He" in caption.text() and "uniform" not in caption.text()
    finally:
        _dispose(win)


def test_the_health_plot_does_not_call_an_articles_weights_drawn(qtbot):
    win = _window(["--preset", "mazur", "--seed", "0", "--lang", "en"])
    try:
        caption = win.findChild(QLabel, "healthInitCaption")
        assert "not drawn" in caption.text()
        win.findChild(QPushButton, "resetButton").menu().actions()[0].trigger()   # random ones
        assert "uniform ±ε" in caption.text()
    finally:
        _dispose(win)


def test_the_new_controls_speak_portuguese_after_a_language_switch(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDoubleSpinBox

    from ui.look import language as i18n
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    win = _window(["--preset", "xor", "--seed", "0", "--lang", "en"])
    languages = i18n.manager()
    languages.set_choice("pt_BR", remember=False)
    try:
        qtbot.wait(20)              # LanguageChange is posted to the windows
        init = win.findChild(QComboBox, "initCombo")
        assert [init.itemText(i) for i in range(3)] == ["Uniforme ±ε (as notas)",
                                                        "Xavier (Glorot)", "He"]
        assert "saturam" in win.findChild(QLabel, "initNote").text()
        assert win.findChild(QDoubleSpinBox, "lambda1Spin").prefix() == "λ₁ = "
        assert "Regularização L1" in win.findChild(QDoubleSpinBox, "lambda1Spin").toolTip()
        assert "aba Rede" in win.findChild(QLabel, "healthInitCaption").text()
        assert "camada 2" in win.findChild(QComboBox, "hiddenLayerActivation0").toolTip()
    finally:
        languages.set_choice("en", remember=False)
        qtbot.wait(20)
        _dispose(win)
