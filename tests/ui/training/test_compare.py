"""Compare…: the dialog starts a second run, the plots draw both with different pens, the canvas
toggles to the other network read-only, Reset and Stop end or restart it, and sessions keep it."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QDockWidget, QMessageBox

from engine.lesson.comparison import Variant


def _choose(dialog, change: str, value_widget=None, value=None) -> None:
    dialog.change_combo.setCurrentIndex(dialog.change_combo.findData(change))
    if value_widget is not None:
        value_widget.setCurrentIndex(value_widget.findData(value))


def test_the_dialog_starts_a_compared_run_drawn_with_its_own_pen(make_window, qtbot):
    win = make_window("--preset", "xor")
    dialog = win.compare.open_dialog()
    _choose(dialog, "activation", dialog.activation_combo, "relu")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    comparison = win.compare.comparison
    assert comparison is not None and comparison.variant == Variant("activation", "relu")
    win.training.train_epochs(20)
    plot = win.loss_plot
    main_x, main_y = plot.train_curve.getData()
    other_x, other_y = plot.compared_curve.getData()
    np.testing.assert_array_equal(main_x, other_x)      # the same epochs, 1..20
    assert main_x[-1] == 20
    np.testing.assert_array_equal(other_y, comparison.history.series("train_cost"))
    assert not np.array_equal(main_y, other_y)
    mine, theirs = plot.train_curve.opts["pen"], plot.compared_curve.opts["pen"]
    assert mine.color() != theirs.color() and mine.style() != theirs.style()
    assert "tanh (this run)" in plot.key.text() and "ReLU (compared)" in plot.key.text()


def test_the_health_plot_overlays_the_compared_runs_layers(make_window):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("lr", 0.05))
    win.training.train_epochs(3)
    health = win.findChild(QDockWidget, "healthDock").widget()
    health.refresh()
    assert len(health.compared_norm_curves) == len(health.norm_curves) == 2
    for mine, theirs in zip(health.norm_curves, health.compared_norm_curves, strict=True):
        assert mine.opts["pen"].color().rgb() == theirs.opts["pen"].color().rgb()  # layer colour
        assert mine.opts["pen"].style() != theirs.opts["pen"].style()     # the run's line
        assert len(theirs.getData()[0]) > 0
    assert "(compared)" in health.key.text()


def test_a_mistake_compared_rises_while_the_main_run_falls(make_window):
    win = make_window("--preset", "xor")
    dialog = win.compare.open_dialog()
    _choose(dialog, "mistake", dialog.mistake_combo, "update-uphill")
    dialog.accept()
    win.training.train_epochs(150)
    _, mine = win.loss_plot.train_curve.getData()
    _, theirs = win.loss_plot.compared_curve.getData()
    assert mine[-1] < mine[0] and theirs[-1] > theirs[0]


def test_the_toggle_shows_the_compared_network_read_only_and_says_so(make_window, qtbot):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("lr", 3.0))
    win.training.train_epochs(30)
    view, canvas = win.network_view, win.compare.canvas
    label = canvas.label
    assert not label.isHidden() and "this run" in label.text()
    np.testing.assert_allclose(view.thetas[0], win.state.network.thetas[0])
    win.compare.show_action.trigger()
    other = win.compare.comparison.network
    np.testing.assert_allclose(view.thetas[0], other.thetas[0])
    assert not np.allclose(other.thetas[0], win.state.network.thetas[0])
    assert "compared run" in label.text() and "read-only" in label.text()
    # Read-only: a click on a unit neither focuses it nor opens anything.
    win.show()
    qtbot.waitExposed(win)
    focused = []
    view.unit_focused.connect(lambda *u: focused.append(u))
    target = view.mapFromScene(view.unit_scene_pos(2, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert focused == [] and view.focused == (0, -1)
    win.compare.show_action.trigger()
    np.testing.assert_allclose(view.thetas[0], win.state.network.thetas[0])
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert focused == [(2, 1)]          # this run's canvas answers the same click


def test_stop_comparing_removes_the_curve_and_the_label(make_window):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("optimizer", "momentum"))
    win.training.train_epochs(5)
    win.compare.stop_action.trigger()
    assert win.compare.comparison is None and win.training.comparison is None
    assert len(win.loss_plot.compared_curve.getData()[0] or []) == 0
    assert win.compare.canvas.label.isHidden()
    assert not win.compare.show_action.isEnabled()


def test_reset_weights_restarts_both_runs_from_the_new_weights(make_window):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("none"))
    win.training.train_epochs(5)
    win.training_panel.reset_button.click()
    comparison = win.compare.comparison
    assert comparison is not None and comparison.epoch == 0 and len(comparison.history) == 0
    win.training.train_epochs(7)
    for a, b in zip(comparison.network.thetas, win.state.network.thetas, strict=True):
        np.testing.assert_array_equal(a, b)


def test_starting_from_the_start_begins_both_at_the_seeds_weights(make_window):
    win = make_window("--preset", "xor")
    first = [t.copy() for t in win.state.network.thetas]
    win.training.train_epochs(10)
    dialog = win.compare.open_dialog()
    assert not dialog.from_start_check.isHidden() and dialog.from_start_check.isChecked()
    _choose(dialog, "init", dialog.init_combo, "he")
    assert dialog.from_start() and not dialog.from_start_check.isEnabled()
    assert "same seed" in dialog.note.text()
    dialog.accept()
    assert win.training.epoch == 0
    for a, b in zip(win.state.network.thetas, first, strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_vanishing_gradient_preset_begins_compared_with_relu(make_window, qtbot):
    win = make_window("--preset", "deep-sigmoid")
    comparison = win.compare.comparison
    assert comparison is not None and comparison.variant == Variant("activation", "relu")
    win.show()
    qtbot.waitExposed(win)
    # The gradient-health tab is in front: it is what this preset shows.
    qtbot.waitUntil(lambda: win.loss_plot.visibleRegion().isEmpty())
    assert not win.findChild(QDockWidget, "healthDock").widget().visibleRegion().isEmpty()
    win.training.train_epochs(1)
    health = win.findChild(QDockWidget, "healthDock").widget()
    health.refresh()
    mine = win.training.trainer.health.records()[0][1]
    theirs = comparison.health.records()[0][1]
    assert theirs[0].norm_D > 100 * mine[0].norm_D


def test_a_comparison_is_saved_with_the_session_and_reopened(make_window, tmp_path):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("lr", 0.05))
    win.training.train_epochs(6)
    path = tmp_path / "compared.json"
    assert win.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["comparison"]["change"] == "lr" and doc["comparison"]["epoch"] == 6
    saved = [t.copy() for t in win.compare.comparison.network.thetas]
    win.session.answers.append(QMessageBox.StandardButton.Discard)
    assert win.session.new()
    assert win.compare.comparison is None
    assert win.session.open_path(path), win.session.errors
    comparison = win.compare.comparison
    assert comparison is not None and comparison.variant == Variant("lr", 0.05)
    for a, b in zip(comparison.network.thetas, saved, strict=True):
        np.testing.assert_array_equal(a, b)
    assert len(win.loss_plot.compared_curve.getData()[0]) == 6


def test_an_old_session_without_a_comparison_ends_the_running_one(make_window, tmp_path):
    win = make_window("--preset", "xor")
    path = tmp_path / "old.json"
    assert win.session.save_to(path)
    assert "comparison" not in json.loads(path.read_text(encoding="utf-8"))
    win.compare.start(Variant("lr", 0.05))
    win.session.answers.append(QMessageBox.StandardButton.Discard)
    assert win.session.open_path(path), win.session.errors
    assert win.compare.comparison is None


def test_a_hostile_comparison_is_refused_and_the_window_keeps_its_own(make_window, tmp_path):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("lr", 0.05))
    path = tmp_path / "bad.json"
    assert win.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["comparison"]["value"] = -2
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert not win.session.open_path(path)
    assert "comparison.value" in win.session.errors[-1]
    assert win.compare.comparison is not None


def test_the_names_follow_this_runs_settings_and_the_compared_keeps_its_change(make_window):
    win = make_window("--preset", "xor")
    win.compare.start(Variant("lr", 0.05))
    assert win.loss_plot.names == ("α = 0.5 (this run)", "α = 0.05 (compared)")
    win.state.update_settings(lr=0.2, lam=0.1)
    assert win.loss_plot.names[0] == "α = 0.2 (this run)"
    s = win.compare.comparison.trainer.settings
    assert (s.lr, s.lam) == (0.05, 0.1)


def test_a_changed_optimizer_is_offered_its_own_learning_rate(make_window):
    # sin trains with Adam at α = 0.01; gradient descent at that α would crawl.
    win = make_window("--preset", "sin")
    dialog = win.compare.open_dialog()
    _choose(dialog, "optimizer", dialog.optimizer_combo, "gradient_descent")
    assert dialog.optimizer_lr_spin.isVisibleTo(dialog)
    assert dialog.optimizer_lr_spin.value() == 0.3          # the preset's α for it (gd_lr)
    assert "α = 0.3" in dialog.note.text() and "α = 0.01" in dialog.note.text()
    _choose(dialog, "optimizer", dialog.optimizer_combo, "momentum")
    assert dialog.optimizer_lr_spin.value() == 0.03         # β = 0.9: steps about 10× larger
    dialog.accept()
    comparison = win.compare.comparison
    assert comparison.variant == Variant("optimizer", "momentum", 0.03)
    assert comparison.trainer.settings.lr == 0.03 and win.state.settings.lr == 0.01
    assert "momentum, α = 0.03 (compared)" in win.loss_plot.key.text()


def test_the_same_rate_for_both_optimizers_changes_the_optimizer_alone(make_window):
    win = make_window("--preset", "xor")                    # gradient descent, α = 0.5
    dialog = win.compare.open_dialog()
    _choose(dialog, "optimizer", dialog.optimizer_combo, "adam")
    assert dialog.optimizer_lr_spin.value() == 0.01
    dialog.optimizer_lr_spin.setValue(0.5)
    assert dialog.variant() == Variant("optimizer", "adam")
    assert "own α" not in dialog.note.text()
