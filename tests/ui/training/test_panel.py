"""Tests for ui.training.panel: the controls, driven like a user, on the real main window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

import main
from engine import Network
from engine.lesson.presets import build_preset
from engine.lesson.scoring import accuracy
from ui.shell.main_window import MainWindow
from ui.state import AppState, Settings
from ui.stepper import controller as stepper_ui
from ui.training import wing

ROOT = Path(__file__).resolve().parents[3]


def _window(argv: list[str]):
    """Return a main window with the step-through canvas and the training feature only (the
    other features are tested on their own)."""
    args = main.parse_args(argv)
    setup = build_preset(args.preset, seed=args.seed)
    state = AppState(setup.network, setup.X, setup.Y,
                     Settings(lr=setup.lr, lam=setup.lam, freeze_bias=setup.freeze_bias),
                     setup.dataset, preset=setup.name, seed=setup.seed)
    win = MainWindow(state)
    stepper = stepper_ui.install(win, state, args)
    built = wing.install(win, state, args, canvas=stepper.view)
    win.stepper_controller, win.stepper, win.network_view = stepper, stepper.stepper, stepper.view
    win.training, win.training_panel = built.controller, built.panel
    win.loss_plot, win.boundary_view = built.loss_plot, built.boundary
    return win


def _dispose(win) -> None:
    """Stop and delete a window now, so no half-torn-down window outlives its test (a later
    language change would reach it)."""
    win.training.pause()
    win.close()
    shiboken6.delete(win)


@pytest.fixture
def window(qtbot):
    win = _window(["--preset", "mazur", "--seed", "0"])
    yield win
    _dispose(win)


def _find(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    return widget


def _choose(window, name: str, data: str) -> None:
    combo = _find(window, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0 and combo.model().item(index).isEnabled()
    combo.setCurrentIndex(index)


def test_xor_trained_through_the_controls_reaches_full_accuracy(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    _choose(window, "activationCombo", "tanh")
    _find(window, QSpinBox, "hiddenLayerSpin0").setValue(4)
    _find(window, QDoubleSpinBox, "learningRateSpin").setValue(0.5)
    state = window.state
    assert state.network.layer_sizes == [2, 4, 1]
    qtbot.mouseClick(_find(window, QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    assert window.training.running
    qtbot.waitUntil(lambda: accuracy(state.network.predict(state.X), state.Y) == 1.0,
                    timeout=20000)
    qtbot.mouseClick(_find(window, QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    assert not window.training.running
    assert accuracy(state.network.predict(state.X), state.Y) == 1.0
    assert _find(window, QLabel, "epochLabel").text().startswith("Epoch")
    assert str(window.training.epoch) in _find(window, QLabel, "epochLabel").text().replace(
        ",", "")


def test_train_button_says_what_it_will_do(window, qtbot):
    button = _find(window, QPushButton, "trainButton")
    assert button.text() == "Train"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Pause"
    assert not _find(window, QPushButton, "epochButton").isEnabled()


def test_one_epoch_button_trains_exactly_one_epoch(window, qtbot):
    before = [t.copy() for t in window.state.network.thetas]
    qtbot.mouseClick(_find(window, QPushButton, "epochButton"), Qt.MouseButton.LeftButton)
    assert window.training.epoch == 1
    assert _find(window, QLabel, "epochLabel").text() == "Epoch 1"
    assert any(not np.array_equal(a, b) for a, b in zip(before, window.state.network.thetas,
                                                          strict=True))


def test_divergence_shows_one_account_that_agrees_with_the_counter(window, qtbot):
    _choose(window, "datasetCombo", "moons")
    _choose(window, "activationCombo", "relu")
    _choose(window, "outputCombo", "linear")
    _find(window, QDoubleSpinBox, "learningRateSpin").setValue(1e5)
    qtbot.mouseClick(_find(window, QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    message = _find(window, QLabel, "trainingMessage")
    qtbot.waitUntil(lambda: not message.isHidden(), timeout=10000)
    epoch = window.training.epoch
    assert "α = 100000 is too large" in message.text()
    # One account: back at the epoch the counter shows, never also "the weights were kept".
    assert f"back at epoch {epoch}." in message.text() and "kept" not in message.text()
    assert _find(window, QLabel, "epochLabel").text() == f"Epoch {epoch}"
    assert window.training.history.latest_epoch() == epoch
    assert not window.training.running
    assert _find(window, QPushButton, "trainButton").text() == "Train"
    assert all(np.all(np.abs(t) <= 1e6) for t in window.state.network.thetas)
    # The message is about this data and network: new data takes it away.
    _choose(window, "datasetCombo", "circles")
    assert message.isHidden()


def test_changing_the_architecture_rebuilds_network_and_canvas(window, qtbot):
    _choose(window, "datasetCombo", "spirals")
    qtbot.mouseClick(_find(window, QPushButton, "addLayerButton"), Qt.MouseButton.LeftButton)
    _find(window, QSpinBox, "hiddenLayerSpin1").setValue(8)
    _find(window, QSpinBox, "hiddenLayerSpin0").setValue(8)
    assert window.state.network.layer_sizes == [2, 8, 8, 1]
    assert [t.shape for t in window.state.network.thetas] == [(8, 3), (8, 9), (1, 9)]
    canvas = _find(window, QWidget, "networkView")
    assert canvas.neuron_count() == 2 + 8 + 8 + 1


def test_architecture_change_while_training_keeps_training(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    window.training.start()
    qtbot.waitUntil(lambda: window.training.epoch > 5, timeout=10000)
    qtbot.mouseClick(_find(window, QPushButton, "addLayerButton"), Qt.MouseButton.LeftButton)
    assert window.training.epoch < 5
    qtbot.waitUntil(lambda: window.training.epoch > 5, timeout=10000)
    assert window.state.network.L == 4


def test_a_data_set_with_other_sizes_gets_a_matching_network(window):
    _choose(window, "datasetCombo", "iris")
    net = window.state.network
    assert net.layer_sizes[0] == 4 and net.layer_sizes[-1] == 3
    assert net.output == "softmax"
    assert window.state.X.shape[1] == 4
    assert not _find(window, QDoubleSpinBox, "noiseSpin").isEnabled()


def test_regenerate_draws_a_new_sample(window, qtbot):
    _choose(window, "datasetCombo", "moons")
    before = window.state.X.copy()
    qtbot.mouseClick(_find(window, QPushButton, "regenerateButton"), Qt.MouseButton.LeftButton)
    assert window.state.dataset.params["seed"] == 1
    assert window.state.X.shape == before.shape and not np.array_equal(window.state.X, before)


def test_a_linear_output_moves_the_loss_to_squared_error(window):
    _choose(window, "datasetCombo", "xor")
    _choose(window, "outputCombo", "linear")
    loss = _find(window, QComboBox, "lossCombo")
    assert loss.currentData() == "squared_error"
    assert not loss.model().item(loss.findData("cross_entropy")).isEnabled()
    assert window.state.network.loss_name == "squared_error"


def test_softmax_is_offered_only_for_several_outputs(window):
    _choose(window, "datasetCombo", "xor")
    out = _find(window, QComboBox, "outputCombo")
    assert not out.model().item(out.findData("softmax")).isEnabled()


def test_learning_rate_slider_is_logarithmic(window):
    slider = _find(window, QSlider, "learningRateSlider")
    spin = _find(window, QDoubleSpinBox, "learningRateSpin")
    slider.setValue(slider.minimum())
    assert spin.value() == pytest.approx(1e-4)
    slider.setValue((slider.minimum() + slider.maximum()) * 3 // 5)   # 3/5 of 10⁻⁴…10¹
    assert spin.value() == pytest.approx(0.1)
    assert window.state.settings.lr == pytest.approx(0.1)


def test_batch_mode_sets_the_batch_size(window):
    _choose(window, "batchModeCombo", "one")
    assert window.state.settings.batch_size == 1
    _choose(window, "batchModeCombo", "mini")
    _find(window, QSpinBox, "batchSizeSpin").setValue(8)
    assert window.state.settings.batch_size == 8
    _choose(window, "batchModeCombo", "full")
    assert window.state.settings.batch_size is None


def test_optimizer_and_lambda_reach_the_settings(window):
    _choose(window, "optimizerCombo", "adam")
    _find(window, QDoubleSpinBox, "lambdaSpin").setValue(0.25)
    assert window.state.settings.optimizer == "adam"
    assert window.state.settings.lam == 0.25


def test_reset_shows_the_new_seed(window, qtbot):
    qtbot.mouseClick(_find(window, QPushButton, "resetButton"), Qt.MouseButton.LeftButton)
    assert window.training.seed == 1
    assert "1" in _find(window, QLabel, "seedLabel").text()


def test_settings_changed_elsewhere_show_in_the_panel(window):
    window.state.update_settings(lr=0.03, batch_size=4, optimizer="momentum")
    assert _find(window, QDoubleSpinBox, "learningRateSpin").value() == pytest.approx(0.03)
    assert _find(window, QComboBox, "batchModeCombo").currentData() == "mini"
    assert _find(window, QSpinBox, "batchSizeSpin").value() == 4
    assert _find(window, QComboBox, "optimizerCombo").currentData() == "momentum"


def test_train_epochs_argument_trains_before_the_window_shows(qtbot):
    win = _window(["--preset", "xor", "--train-epochs", "25"])
    try:
        assert win.training.epoch == 25
        assert win.loss_plot.train_curve.getData()[0][-1] == 25
    finally:
        _dispose(win)


def test_screenshot_after_training_is_written(tmp_path):
    out = tmp_path / "t.png"
    # A separate process, as a user runs it (and no window is left behind in this one).
    done = subprocess.run([sys.executable, "main.py", "--preset", "xor", "--train-epochs", "20",
                           "--lang", "en", "--screenshot", str(out)], cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def test_setup_summary_names_data_network_and_settings(window):
    _choose(window, "datasetCombo", "spirals")
    _choose(window, "activationCombo", "tanh")
    _find(window, QDoubleSpinBox, "learningRateSpin").setValue(0.03)
    text = _find(window, QLabel, "setupSummary").text()
    sizes = " → ".join(str(n) for n in window.state.network.layer_sizes)
    assert text.startswith("Two spirals · " + sizes + " · g = tanh · α = 0.03")


def test_hovering_a_neuron_in_the_canvas_shows_its_map(window):
    _choose(window, "datasetCombo", "moons")
    boundary = window.boundary_view
    window.network_view.neuron_hovered.emit(2, 2)      # the canvas counts units from 1
    assert boundary.hovered == (2, 1)
    window.network_view.neuron_hovered.emit(2, 0)      # the "+1" bias unit has no map
    assert boundary.hovered is None
    window.network_view.neuron_hovered.emit(2, 1)
    window.network_view.neuron_hovered.emit(0, -1)     # nothing hovered
    assert boundary.hovered is None


def test_freeze_bias_keeps_the_bias_column_while_training(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    check = _find(window, QCheckBox, "freezeBiasCheck")
    check.setChecked(True)
    assert window.state.settings.freeze_bias
    biases = [t[:, 0].copy() for t in window.state.network.thetas]
    qtbot.mouseClick(_find(window, QPushButton, "epochButton"), Qt.MouseButton.LeftButton)
    for t, b in zip(window.state.network.thetas, biases, strict=True):
        np.testing.assert_array_equal(t[:, 0], b)


def test_mazurs_preset_shows_its_fixed_biases(window):
    assert _find(window, QCheckBox, "freezeBiasCheck").isChecked()


def test_pause_step_edit_resume_share_one_network(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    state, stepper = window.state, window.stepper
    qtbot.mouseClick(_find(window, QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.training.epoch >= 10, timeout=10000)
    qtbot.mouseClick(_find(window, QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    # The stepper plays the paused weights...
    for got, want in zip(stepper.trace.thetas, state.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)
    while stepper.step_forward():
        pass
    x, y = state.X[state.example:state.example + 1], state.Y[state.example:state.example + 1]
    assert stepper.trace.J_before == pytest.approx(state.network.cost(x, y), rel=1e-12)
    # ...a weight edited there is the weight training resumes from.
    state.network.set_weight(1, 0, 1, 0.5)
    state.notify_weights_changed()
    assert stepper.trace.thetas[0][0, 1] == 0.5
    expected = state.network.copy()
    expected.train_step(state.X, state.Y, state.settings.lr,
                        freeze_bias=state.settings.freeze_bias)
    epoch = window.training.epoch
    qtbot.mouseClick(_find(window, QPushButton, "epochButton"), Qt.MouseButton.LeftButton)
    assert window.training.epoch == epoch + 1
    for got, want in zip(state.network.thetas, expected.thetas, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_train_epochs_trains_the_session_named_on_the_command_line(qtbot, tmp_path):
    from engine.files.session_format import save_session
    from ui.files import session_io

    first = _window(["--preset", "moons"])
    first.training.train_epochs(7)
    path = tmp_path / "s.json"
    save_session(path, session_io.capture(
        first.state, session_io.Teammates(stepper=first.stepper, training=first.training)))
    _dispose(first)
    win = main.build_main_window([str(path), "--train-epochs", "5", "--lang", "en"])
    try:
        qtbot.waitUntil(lambda: win.training.epoch == 12, timeout=5000)
        assert win.state.dataset.name == "moons"
        assert win.training.history.latest.epoch == 12
    finally:
        _dispose(win)


def test_a_closed_boundary_dock_skips_redrawing_until_reopened(window, qtbot):
    _choose(window, "datasetCombo", "moons")
    window.show()
    qtbot.waitExposed(window)
    dock = window.boundary_view.parentWidget()
    dock.close()
    before = window.boundary_view.values.copy()
    qtbot.mouseClick(_find(window, QPushButton, "epochButton"), Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(window.boundary_view.values, before)
    dock.show()
    assert not np.array_equal(window.boundary_view.values, before)


def test_another_data_set_starts_from_fresh_weights(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    qtbot.mouseClick(_find(window, QPushButton, "epochButton"), Qt.MouseButton.LeftButton)
    _choose(window, "datasetCombo", "circles")
    net = window.state.network
    fresh = Network(net.layer_sizes, net.activation, net.output, net.loss_name,
                    rng=np.random.default_rng(window.training.seed))
    for got, want in zip(net.thetas, fresh.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


def test_regenerating_keeps_what_was_learnt(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    qtbot.mouseClick(_find(window, QPushButton, "epochButton"), Qt.MouseButton.LeftButton)
    trained = [t.copy() for t in window.state.network.thetas]
    qtbot.mouseClick(_find(window, QPushButton, "regenerateButton"), Qt.MouseButton.LeftButton)
    for got, want in zip(window.state.network.thetas, trained, strict=True):
        np.testing.assert_array_equal(got, want)
    assert window.training.epoch == 0          # the curve starts again for the new sample


def test_targets_the_loss_cannot_use_stop_training_with_the_engines_reason(window, qtbot):
    _choose(window, "datasetCombo", "xor")
    X = window.state.X
    window.state.set_data(X, X[:, :1] * 3.0)       # targets 0..3 for a sigmoid cross-entropy
    qtbot.mouseClick(_find(window, QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    message = _find(window, QLabel, "trainingMessage")
    qtbot.waitUntil(lambda: not message.isHidden(), timeout=5000)
    assert message.text().startswith("Training cannot run on this data")
    assert not window.training.running
    assert _find(window, QPushButton, "trainButton").text() == "Train"


def test_mazurs_weights_are_credited_to_the_article_until_reset(window, qtbot):
    label = _find(window, QLabel, "seedLabel")
    assert "Mazur" in label.text()
    qtbot.mouseClick(_find(window, QPushButton, "resetButton"), Qt.MouseButton.LeftButton)
    assert "Mazur" not in label.text() and "seed 1" in label.text()


def test_setup_summary_follows_a_run_time_language_switch(window, qapp, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.look import language as i18n
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    _choose(window, "datasetCombo", "spirals")
    languages = i18n.manager()
    languages.set_choice("pt_BR", remember=False)
    try:
        qtbot.wait(20)              # LanguageChange is posted to the windows
        data = _find(window, QComboBox, "datasetCombo").currentText()
        batch = _find(window, QComboBox, "batchModeCombo").currentText()
        assert (data, batch) == ("Duas espirais", "Lote completo")
        # The panel retranslates before its child widgets do; the summary must not keep the
        # English data set name.
        text = _find(window, QLabel, "setupSummary").text()
        assert text.startswith(data + " · ") and batch in text
    finally:
        languages.set_choice("en", remember=False)
        qtbot.wait(20)


def test_setup_summary_says_when_the_bias_weights_are_kept_fixed(window):
    # Mazur's preset keeps the biases fixed (as the article does): the summary says so
    # whatever tab is open.
    summary = _find(window, QLabel, "setupSummary")
    check = _find(window, QCheckBox, "freezeBiasCheck")
    assert check.isChecked() and summary.text().endswith(" · bias weights fixed")
    check.setChecked(False)
    assert "bias" not in summary.text()


def test_leaving_mazur_for_a_data_set_frees_the_bias_weights(window):
    # The article's rule belongs to the article: XOR with fixed biases stalls at 77 %.
    _choose(window, "datasetCombo", "spirals")
    assert not _find(window, QCheckBox, "freezeBiasCheck").isChecked()
    assert not window.training.state.settings.freeze_bias
    assert "bias" not in _find(window, QLabel, "setupSummary").text()


def test_choosing_adam_suggests_its_own_alpha_and_says_so(window):
    spin = _find(window, QDoubleSpinBox, "learningRateSpin")
    note = _find(window, QLabel, "optimizerNote")
    assert spin.value() == 0.5 and note.isHidden()
    _choose(window, "optimizerCombo", "adam")
    assert window.state.settings.lr == 0.01 and spin.value() == 0.01
    assert not note.isHidden() and "0.01" in note.text() and "0.5" in note.text()
    assert "Adam" in note.text()
    spin.setValue(0.02)                       # the learner's own α for Adam
    assert note.isHidden()
    _choose(window, "optimizerCombo", "gradient_descent")
    assert window.state.settings.lr == 0.5    # back to the α used with gradient descent
    _choose(window, "optimizerCombo", "adam")
    assert window.state.settings.lr == 0.02   # the learner's, not the suggestion


def test_reset_on_mazur_offers_the_articles_weights_and_random_ones(window):
    from engine.lesson.presets import MAZUR_ARTICLE, article_for
    button = _find(window, QPushButton, "resetButton")
    menu = button.menu()
    assert menu is not None
    names = {a.objectName() for a in menu.actions()}
    assert names == {"resetRandomAction", "resetArticleAction"}
    window.training_panel.reset_random_action.trigger()
    assert article_for(window.state.network.thetas) is None
    assert "seed 1" in _find(window, QLabel, "seedLabel").text()
    inspector = window.stepper_controller.inspector
    inspector.show_edge(1, 0, 1)
    assert "w1" not in inspector.text()      # random weights carry no article names
    window.training_panel.reset_article_action.trigger()
    for a, b in zip(window.state.network.thetas, MAZUR_ARTICLE.thetas, strict=True):
        np.testing.assert_array_equal(a, b)
    assert "Mazur's article" in _find(window, QLabel, "seedLabel").text()
    inspector.show_edge(1, 0, 1)
    assert "w1" in inspector.text()


def test_reset_on_a_data_set_draws_random_weights_without_a_menu(window):
    _choose(window, "datasetCombo", "xor")
    assert _find(window, QPushButton, "resetButton").menu() is None


def test_the_loss_readout_explains_the_articles_total_error(window):
    inspector = window.stepper_controller.inspector
    window.stepper.set_cursor(len(window.stepper.trace) - 1)     # after the update
    text = inspector.text()
    assert "0.291027774" in text and "0.291027924" in text
    tip = inspector.loss.toolTip()
    assert "0.291027924" in tip and "0.291027774" in tip and "w5…w8 already updated" in tip
    window.state.update_settings(lr=0.1)      # no longer the article's update: no note
    window.stepper.set_cursor(len(window.stepper.trace) - 1)
    assert "0.291027924" not in inspector.text()


def test_xor_picked_after_mazur_learns_to_full_accuracy(window):
    # With Mazur's fixed biases carried along this 2-2-1 network stalls near 75 %.
    _choose(window, "datasetCombo", "xor")
    state = window.state
    assert state.network.layer_sizes == [2, 2, 1]
    window.training.train_epochs(3000)
    assert accuracy(state.network.predict(state.X), state.Y) == 1.0
