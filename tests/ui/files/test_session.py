"""The File menu on the real main window: sessions, bad files, import, exports, autosave, errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QDockWidget, QMessageBox, QPushButton

from engine import Network, make_optimizer
from engine.files.csv_import import CsvImportError, import_csv_file
from engine.files.session_format import SessionError, load_session
from main import build_main_window
from tests.conftest import isolate_settings
from ui.files import session_io
from ui.look import language as i18n

DATA = Path(__file__).resolve().parents[2] / "data"
Button = QMessageBox.StandardButton


def _recording(win, fresh: bool = True):
    c = win.session
    c.errors = []
    c.answers = []
    c.paths = []
    c.show_error = lambda title, message: c.errors.append(message)
    c.ask_save_changes = lambda: c.answers.pop(0)
    c.choose_path = lambda kind, caption, filters: c.paths.pop(0)
    if fresh:
        c.autosave.discard()
    return win


@pytest.fixture
def window(settings_dir, qtbot):
    """Return the wired main window with its dialogs replaced by recorders."""
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    return _recording(win)


@pytest.fixture(scope="module")
def shared_window(qapp, tmp_path_factory):
    """One window for the bad-input corpus: every bad file must leave it exactly as it was."""
    isolate_settings(qapp, tmp_path_factory.mktemp("settings"))
    win = _recording(build_main_window(["--lang", "en"]))
    win.stepper.set_cursor(5)
    yield win
    win.close()
    win.deleteLater()


def snapshot(win) -> dict:
    """Return everything a failed open or import must leave alone."""
    st = win.state
    return {"thetas": [t.copy() for t in st.network.thetas], "sizes": st.network.layer_sizes,
            "X": st.X.copy(), "Y": st.Y.copy(), "settings": st.settings, "example": st.example,
            "cursor": win.stepper.cursor, "path": win.session.path, "modified": st.modified,
            "title": win.windowTitle(), "dataset": st.dataset}


def assert_unchanged(before: dict, win) -> None:
    after = snapshot(win)
    for key in before:
        if key in ("thetas", "X", "Y"):
            assert all(np.array_equal(a, b) for a, b in zip(before[key], after[key],
                                                            strict=True)), key
        else:
            assert before[key] == after[key], key


def test_file_menu_has_every_entry_with_tips(window):
    names = [a.objectName() for a in window.file_menu.actions() if a.objectName()]
    for name in ("newAction", "openAction", "saveAction", "saveAsAction", "importCsvAction",
                 "quitAction"):
        assert name in names
    titles = [a.text() for a in window.file_menu.actions()]
    assert "Open &Recent" in titles and "&Export" in titles
    assert all(a.toolTip() for a in window.file_menu.actions() if a.objectName())
    assert len(window.session.export_menu.actions()) >= 7


def test_save_and_open_restore_weights_settings_data_history_and_step(window, tmp_path):
    st, c = window.state, window.session
    window.training.train_epochs(3)
    st.update_settings(lr=0.25, lam=0.01, optimizer="momentum", batch_size=1)
    window.stepper.set_cursor(9)
    saved = [t.copy() for t in st.network.thetas]
    epochs = window.training.history.epochs().tolist()
    path = tmp_path / "lesson.json"
    assert c.save_to(path)
    c.answers.append(Button.Discard)
    assert c.new()
    assert window.stepper.cursor == 0 and window.training.epoch == 0
    assert c.open_path(path)
    assert all(np.array_equal(a, b) for a, b in zip(saved, st.network.thetas, strict=True))
    assert (st.settings.lr, st.settings.lam, st.settings.optimizer, st.settings.batch_size) == \
        (0.25, 0.01, "momentum", 1)
    assert window.stepper.cursor == 9
    assert window.training.epoch == 3
    assert window.training.history.epochs().tolist() == epochs
    assert not st.modified


def test_mazur_session_saved_mid_step_reopens_at_the_same_micro_step(window, tmp_path):
    window.stepper.set_cursor(7)
    step = window.stepper.step
    path = tmp_path / "mazur.json"
    assert window.session.save_to(path)
    window.stepper.set_cursor(2)
    window.state.network.set_weight(1, 0, 1, 0.9)
    window.state.notify_weights_changed()
    window.session.answers.append(Button.Discard)
    assert window.session.open_path(path)
    assert window.stepper.cursor == 7
    assert (window.stepper.step.phase, window.stepper.step.layer) == (step.phase, step.layer)
    assert np.array_equal(window.stepper.step.payload.d, step.payload.d)


def _xor_window(qtbot):
    win = build_main_window(["--preset", "xor", "--lang", "en"])
    qtbot.addWidget(win)
    return _recording(win)


def _pause_mid_epoch(training, qtbot) -> None:
    """Train in the background, one mini-batch per tick, until an epoch is under way; pause."""
    training.budget = 0.0
    training.start()
    qtbot.waitUntil(lambda: training.training_state().epoch_position > 0, timeout=10_000)
    training.pause()


def _assert_same_weights(a, b) -> None:
    for x, y in zip(a.state.network.thetas, b.state.network.thetas, strict=True):
        np.testing.assert_array_equal(x, y)


@pytest.mark.parametrize("optimizer, batch_size", [
    ("gradient_descent", 7), ("momentum", None), ("adam", None), ("momentum", 7), ("adam", 7),
    ("adam", 1)])
def test_training_after_save_and_open_equals_training_on_without_them(
        settings_dir, qtbot, tmp_path, optimizer, batch_size):
    # The learner trains, saves (with a mini-batch epoch half done), and either trains on or
    # opens the file in a new window and trains there: both must reach the very same weights.
    first = _xor_window(qtbot)
    first.state.update_settings(optimizer=optimizer, batch_size=batch_size, lr=0.05)
    first.training.train_epochs(4)
    if batch_size is not None:
        _pause_mid_epoch(first.training, qtbot)
    path = tmp_path / "lesson.json"
    assert first.session.save_to(path)
    first.training.train_epochs(5)
    second = _xor_window(qtbot)
    assert second.session.open_path(path, ask=False)
    second.training.train_epochs(5)
    assert second.training.epoch == first.training.epoch
    _assert_same_weights(first, second)


def test_a_save_after_a_divergence_reopens_to_the_same_coherent_state(
        settings_dir, qtbot, tmp_path):
    first = _xor_window(qtbot)
    first.state.update_settings(optimizer="momentum", batch_size=16, lr=0.5)
    first.training.train_epochs(5)
    first.state.update_settings(lam=100.0, lr=1.0)      # α·λ/m = 6.25 > 2(1 + β)
    first.training.start()
    with qtbot.waitSignal(first.training.diverged, timeout=10_000):
        pass
    epoch = first.training.epoch
    assert epoch >= 5
    path = tmp_path / "diverged.json"
    assert first.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    # The file holds one moment of training: history up to the weights' epoch, no later.
    assert doc["history"]["epoch"] == epoch
    assert max(doc["history"]["epochs"], default=0) <= epoch
    assert doc["history"]["latest"]["epoch"] == epoch
    assert doc["training"]["epoch_position"] == 0
    second = _xor_window(qtbot)
    assert second.session.open_path(path, ask=False)
    assert second.training.epoch == epoch
    assert second.training.history.to_dict() == first.training.history.to_dict()
    _assert_same_weights(first, second)
    first.training.train_epochs(2)
    second.training.train_epochs(2)
    _assert_same_weights(first, second)


def test_autosaved_session_restores_the_adam_moments(window, qtbot):
    window.state.update_settings(optimizer="adam", lr=0.05)
    window.training.train_epochs(3)
    assert window.session.autosave.save_now()
    later = _recording(build_main_window(["--lang", "en"]), fresh=False)
    qtbot.addWidget(later)
    later.session.ask_restore = lambda: True
    assert later.session.offer_restore()
    window.training.train_epochs(2)
    later.training.train_epochs(2)
    _assert_same_weights(window, later)


def test_a_file_without_training_state_trains_from_fresh_moments(window, tmp_path):
    # Files written before the optimizer state was saved: mazur_step7.json, as a momentum
    # session. The window's own moments from earlier training must not carry over either.
    doc = json.loads((DATA / "ok" / "mazur_step7.json").read_text(encoding="utf-8"))
    assert "training" not in doc
    doc["settings"]["optimizer"] = "momentum"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    window.state.update_settings(optimizer="momentum")
    window.training.train_epochs(3)
    window.session.answers.append(Button.Discard)
    assert window.session.open_path(path)
    window.training.train_epochs(4)
    # The same from a fresh Momentum in the engine: Mazur's network, α = 0.5, bias frozen.
    net = Network.from_thetas([np.array(t) for t in doc["network"]["thetas"]], "sigmoid",
                              "sigmoid", "squared_error")
    X, Y = np.array(doc["data"]["X"]), np.array(doc["data"]["Y"])
    opt = make_optimizer("momentum", 0.5)
    for _ in range(4):
        net.train_epoch(X, Y, opt, freeze_bias=True)
    for got, want in zip(window.state.network.thetas, net.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "bad").glob("*.json")))
def test_bad_session_reports_the_loaders_message_and_changes_nothing(shared_window, name):
    window = shared_window
    window.session.errors.clear()
    before = snapshot(window)
    with pytest.raises(SessionError) as expected:
        session_io.check(load_session(DATA / "bad" / name), window.session.parts)
    message = str(expected.value)
    if not message.startswith(name):
        message = f"{name}: {message}"        # the window's own check names the file too
    assert not window.session.open_path(DATA / "bad" / name)
    assert window.session.errors == [message]
    assert_unchanged(before, window)


def test_history_the_window_cannot_read_is_refused_by_name(window):
    assert not window.session.open_path(DATA / "bad" / "history_epochs_decrease.json")
    assert window.session.errors[0].startswith("history_epochs_decrease.json: history: ")
    assert "epochs must increase" in window.session.errors[0]


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "bad").glob("*.csv")))
def test_bad_csv_reports_line_and_reason_and_changes_nothing(shared_window, name):
    window = shared_window
    window.session.errors.clear()
    shown = []

    def user_presses_ok_if_allowed(dialog):
        shown.append(dialog.summary.text())
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        return ok.isEnabled()

    window.session.run_import_dialog = user_presses_ok_if_allowed
    before = snapshot(window)
    with pytest.raises(CsvImportError) as expected:
        import_csv_file(DATA / "bad" / name)
    assert not window.session.import_path(DATA / "bad" / name)
    reason = str(expected.value).split(": ", 1)[1]       # without the file name prefix
    # Unreadable files are reported before the dialog; parse errors inside it, OK disabled.
    assert window.session.errors == [str(expected.value)] or shown == [
        f"Cannot import: {reason}"]
    assert_unchanged(before, window)


def test_import_csv_builds_a_network_for_the_data_and_keeps_hidden_layers(window):
    window.session.run_import_dialog = lambda dialog: True
    assert window.session.import_path(DATA / "ok" / "iris_semicolon_comma.csv")
    net = window.state.network
    assert net.layer_sizes == [2, 2, 3] and net.output == "softmax"
    assert window.state.dataset.class_names == ("setosa", "versicolor", "virginica")
    assert window.state.X.shape[1] == 2 and window.state.modified


def test_imported_data_survives_save_and_open(window, tmp_path):
    c = window.session
    c.run_import_dialog = lambda dialog: True
    assert c.import_path(DATA / "ok" / "iris_semicolon_comma.csv")
    X, ds = window.state.X.copy(), window.state.dataset
    assert c.save_to(tmp_path / "iris.json")
    c.answers.append(Button.Discard)
    c.new()
    assert window.state.network.layer_sizes == [2, 2, 2]
    assert c.open_path(tmp_path / "iris.json")
    assert np.array_equal(window.state.X, X)
    assert window.state.dataset.class_names == ds.class_names
    assert np.array_equal(window.state.dataset.X_test, ds.X_test)
    assert window.state.network.output == "softmax"


def test_menu_actions_drive_open_save_as_and_import(window, tmp_path):
    c = window.session
    c.paths.append(str(tmp_path / "viaMenu"))
    c.save_as_action.trigger()
    assert (tmp_path / "viaMenu.json").is_file() and c.path.name == "viaMenu.json"
    window.stepper.set_cursor(3)
    c.paths.append(str(DATA / "ok" / "mazur_step7.json"))
    c.open_action.trigger()
    assert window.stepper.cursor == 7 and c.path.name == "mazur_step7.json"
    c.run_import_dialog = lambda dialog: True
    c.paths.append(str(DATA / "ok" / "iris_semicolon_comma.csv"))
    c.import_action.trigger()
    assert window.state.network.layer_sizes[-1] == 3
    c.answers.append(Button.Discard)
    c.new_action.trigger()
    assert window.state.network.layer_sizes == [2, 2, 2] and c.path is None


def test_cancelled_file_dialogs_change_nothing(window):
    c = window.session
    before = snapshot(window)
    for action in (c.open_action, c.save_as_action, c.import_action):
        c.paths.append("")
        action.trigger()
    c.paths.append("")
    assert not c.export_menu.run("gif")
    assert_unchanged(before, window)
    assert c.errors == []


def test_import_dialog_shows_summary_and_blocks_ok_on_error(qtbot):
    from ui.files.import_dialog import ImportDialog

    dialog = ImportDialog("x,label\n1,a\n2,b\n3,a\n", "pets")
    qtbot.addWidget(dialog)
    assert "3 examples" in dialog.summary.text()
    dialog.task_combo.setCurrentIndex(2)           # numbers (regression): 'a' is not a number
    assert "line 2" in dialog.summary.text() and dialog.dataset is None
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_title_shows_file_name_and_modified_mark(window, tmp_path):
    c = window.session
    assert "Untitled" in window.windowTitle()
    assert c.save_to(tmp_path / "aula.json")
    assert "aula.json" in window.windowTitle() and not window.isWindowModified()
    window.state.update_settings(lr=0.1)
    assert window.isWindowModified()


def test_title_survives_a_language_change(window, tmp_path, qtbot):
    window.session.save_to(tmp_path / "aula.json")
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: "aula.json" in window.windowTitle())


def test_cancel_at_the_unsaved_question_keeps_the_work(window):
    window.state.update_settings(lr=0.123)
    window.session.answers.append(Button.Cancel)
    assert not window.session.new()
    assert window.state.settings.lr == 0.123 and window.state.modified


def test_save_at_the_unsaved_question_saves_first(window, tmp_path):
    window.state.update_settings(lr=0.123)
    window.session.answers.append(Button.Save)
    window.session.paths.append(str(tmp_path / "first"))
    assert window.session.new()
    assert load_session(tmp_path / "first.json").settings["lr"] == 0.123


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(window, qtbot):
    window.show()
    window.session.prompt_on_close = True
    window.state.update_settings(lr=0.2)
    window.session.answers.append(Button.Cancel)
    assert not window.close()
    assert window.isVisible()
    window.session.answers.append(Button.Discard)
    assert window.close()


def test_recent_files_list_newest_first_and_fill_the_menu(window, tmp_path):
    c = window.session
    c.save_to(tmp_path / "a.json")
    c.save_to(tmp_path / "b.json")
    assert [Path(p).name for p in c.recent_files()[:2]] == ["b.json", "a.json"]
    c.recent_menu.aboutToShow.emit()
    assert [a.text() for a in c.recent_menu.actions()][:2] == ["b.json", "a.json"]


def test_recent_file_that_vanished_is_reported_and_forgotten(window, tmp_path):
    c = window.session
    c.save_to(tmp_path / "gone.json")
    (tmp_path / "gone.json").unlink()
    assert not c.open_path(tmp_path / "gone.json", ask=False)
    assert "gone.json" in c.errors[0] and c.recent_files() == []


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_reaches_the_guard_and_the_app_keeps_running(window, qtbot):
    from PySide6.QtCore import QTimer

    def broken_slot():
        raise RuntimeError("a slot failed")

    guard = window.session.guard
    guard.install()
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(window.session.errors))
    finally:
        guard.uninstall()
    assert "RuntimeError: a slot failed" in window.session.errors[0]
    window.stepper.set_cursor(3)                      # still alive and working
    assert window.stepper.cursor == 3


def test_export_canvas_png_and_svg(window, tmp_path):
    window.show()
    m = window.session.export_menu
    assert m.export_to("canvas_png", str(tmp_path / "net.png"))
    assert not QImage(str(tmp_path / "net.png")).isNull()
    assert m.export_to("canvas_svg", str(tmp_path / "net.svg"))
    svg = (tmp_path / "net.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "</svg>" in svg
    assert "bias unit +1" in svg                   # the legend overlay is in the drawing too


def test_export_loss_plot_png_and_history_csv(window, tmp_path):
    window.training.train_epochs(4)
    m = window.session.export_menu
    assert m.export_to("loss_png", str(tmp_path / "loss.png"))
    assert not QImage(str(tmp_path / "loss.png")).isNull()
    assert m.export_to("loss_csv", str(tmp_path / "loss.csv"))
    rows = list(csv.reader((tmp_path / "loss.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0][:2] == ["epoch", "train_cost"]
    assert [int(r[0]) for r in rows[1:]] == [1, 2, 3, 4]
    costs = window.training.history.series("train_cost")
    assert [float(r[1]) for r in rows[1:]] == costs.tolist()


def test_export_matrices_csv_holds_exact_theta_delta_and_d(window, tmp_path):
    assert window.session.export_menu.export_to("matrices_csv", str(tmp_path / "m.csv"))
    rows = list(csv.DictReader((tmp_path / "m.csv").read_text(encoding="utf-8").splitlines()))
    trace = window.stepper.trace
    d = {(r["matrix"], int(r["l"]), int(r["i"]), int(r["j"])): float(r["value"]) for r in rows}
    assert d[("D", 2, 1, 1)] == trace.D[1][0, 1]          # Mazur's ∂E/∂w5
    assert d[("Theta_after", 2, 1, 1)] == trace.thetas_after[1][0, 1]
    assert d[("Theta", 1, 2, 0)] == 0.35
    assert len(rows) == 4 * (6 + 6)


def test_export_gif_has_one_frame_per_micro_step_and_restores_the_cursor(window, tmp_path):
    window.show()
    window.stepper.set_cursor(4)
    assert window.session.export_menu.export_to("gif", str(tmp_path / "steps.gif"))
    with Image.open(tmp_path / "steps.gif") as gif:
        assert gif.n_frames == len(window.stepper.trace)
    assert window.stepper.cursor == 4


@pytest.mark.parametrize("chosen,written", [("Markdown (*.md)", "we.md"),
                                            ("HTML (*.html)", "we.html")])
def test_export_worked_example_without_suffix_follows_the_chosen_type(window, tmp_path, chosen,
                                                                      written):
    c = window.session
    c.paths.append(str(tmp_path / "we"))
    c.selected_filter = chosen
    assert c.export_menu.run("worked_example")
    text = (tmp_path / written).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") == written.endswith(".html")


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_export_worked_example(window, tmp_path, suffix):
    path = tmp_path / f"we{suffix}"
    assert window.session.export_menu.export_to("worked_example", str(path))
    assert "0.593269992" in path.read_text(encoding="utf-8")


def test_export_failure_is_reported_not_raised(window, tmp_path):
    target = str(tmp_path / "missing" / "net.png")
    assert not window.session.export_menu.export_to("canvas_png", target)
    assert window.session.errors and "net.png" in window.session.errors[0]


def test_autosave_is_offered_at_next_start_and_restores_as_unsaved(window, qtbot):
    window.stepper.set_cursor(6)
    window.state.update_settings(lr=0.07)
    assert window.session.autosave.save_now()
    # The app dies here; the next start finds the autosave.
    later = _recording(build_main_window(["--lang", "en"]), fresh=False)
    qtbot.addWidget(later)
    later.session.ask_restore = lambda: True
    assert later.session.offer_restore()
    assert later.state.settings.lr == 0.07 and later.stepper.cursor == 6
    assert later.state.modified and later.session.path is None


def test_autosave_timer_writes_only_unsaved_work(window):
    c = window.session
    c.autosave._on_timer_timeout()
    assert not c.autosave.exists()
    window.state.update_settings(lr=0.3)
    c.autosave._on_timer_timeout()
    assert load_session(c.autosave.path).settings["lr"] == 0.3


def test_declined_autosave_is_removed(window):
    c = window.session
    c.autosave.save_now()
    c.ask_restore = lambda: False
    assert not c.offer_restore() and not c.autosave.exists()


def test_unexpected_error_shows_dialog_logs_autosaves_and_keeps_session(window, caplog):
    before = snapshot(window)
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError as exc:
        window.session.guard.handle(type(exc), exc, exc.__traceback__)
    assert "ZeroDivisionError: boom in a slot" in window.session.errors[0]
    assert "Traceback" in caplog.text
    assert window.session.autosave.exists()
    assert_unchanged(before, window)


def test_guard_becomes_and_gives_back_the_excepthook(window):
    import sys

    old = sys.excepthook
    window.session.guard.install()
    assert sys.excepthook == window.session.guard.handle
    window.session.guard.uninstall()
    assert sys.excepthook is old


def test_saved_file_is_the_documented_format(window, tmp_path):
    window.session.save_to(tmp_path / "s.json")
    doc = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert doc["format"] == "backprop-visualizer-session" and doc["version"] == 1
    assert doc["network"]["thetas"][1][0] == [0.6, 0.4, 0.45]


def test_file_menu_follows_a_language_switch(window, tmp_path, qtbot):
    window.session.save_to(tmp_path / "aula.json")
    i18n.manager().set_choice("pt_BR", remember=False)
    qtbot.waitUntil(lambda: window.session.save_action.text() != "&Save")
    assert window.session.export_menu.title() != "&Export"
    assert "aula.json" in window.windowTitle()
    i18n.manager().set_choice("en", remember=False)
    qtbot.waitUntil(lambda: window.session.save_action.text() == "&Save")


def test_opening_a_session_with_another_architecture_rebuilds_every_view(window, tmp_path):
    from engine.files.session_format import Session, save_session
    from engine.lesson.presets import build_preset

    s = build_preset("spirals", seed=4)
    save_session(tmp_path / "spirals.json",
                 Session(s.network, s.X, s.Y, s.dataset, {"lr": 0.1, "lam": 0.0,
                         "freeze_bias": False, "batch_size": 32, "optimizer": "adam"},
                         example=3, cursor=15, preset="spirals", seed=4))
    assert window.session.open_path(tmp_path / "spirals.json", ask=False)
    assert window.state.network.layer_sizes == [2, 8, 8, 1]
    assert window.stepper.trace.L == 4 and window.stepper.cursor == 15
    assert window.state.example == 3
    assert np.array_equal(window.stepper.trace.X[0], s.X[3])
    window.training.train_epochs(1)                    # the training side follows too
    assert window.training.epoch == 1


def _answer_next_box(qapp, button, seen):
    """Close the next message box by pressing ``button``, remembering its texts."""
    from PySide6.QtCore import QTimer

    def press():
        for w in qapp.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                seen.append((w.text(), w.informativeText()))
                w.button(button).click()
                return
        QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def test_real_error_box_shows_title_and_message(settings_dir, qtbot, qapp):
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    seen = []
    _answer_next_box(qapp, Button.Ok, seen)
    assert not win.session.open_path(DATA / "bad" / "truncated.json", ask=False)
    assert seen[0][0] == "Cannot open the session"
    assert seen[0][1].startswith("truncated.json: line")


def test_real_unsaved_question_offers_save_discard_cancel(settings_dir, qtbot, qapp):
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    win.state.update_settings(lr=0.3)
    seen = []
    _answer_next_box(qapp, Button.Cancel, seen)
    assert not win.session.new()
    assert "not saved" in seen[0][0] and win.state.settings.lr == 0.3


def test_import_dialog_previews_rows_and_follows_the_header_choice(qtbot):
    from ui.files.import_dialog import ImportDialog

    dialog = ImportDialog("# pets\nsize,weight,kind\n1,2,cat\n3,4,dog\n5,6,cat\n", "pets")
    qtbot.addWidget(dialog)
    p = dialog.preview
    assert [p.horizontalHeaderItem(j).text() for j in range(3)] == ["size", "weight", "kind"]
    assert p.rowCount() == 3 and p.item(1, 2).text() == "dog"
    assert p.verticalHeaderItem(0).text() == "3"            # file line of the first data row
    assert p.horizontalHeaderItem(2).font().bold() and not p.horizontalHeaderItem(0).font().bold()
    dialog.header_combo.setCurrentIndex(2)                  # "no header": the names are data
    assert p.rowCount() == 4 and dialog.dataset is None
    assert "line 2" in dialog.summary.text()
    dialog.header_combo.setCurrentIndex(1)
    dialog.label_combo.setCurrentIndex(0)          # size as label: "kind" becomes a feature
    assert dialog.dataset is None
    assert "line 3, column 3 ('kind'): 'cat' is not a number" in dialog.summary.text()
    assert dialog.preview.horizontalHeaderItem(0).font().bold()


def test_session_given_on_the_command_line_opens_in_the_window(settings_dir, qtbot):
    win = build_main_window([str(DATA / "ok" / "mazur_step7.json"), "--lang", "en"])
    qtbot.addWidget(win)
    assert win.stepper.cursor == 7 and "mazur_step7.json" in win.windowTitle()
    assert not win.state.modified


def test_bad_session_on_the_command_line_raises_the_loaders_error(settings_dir):
    with pytest.raises(SessionError, match="nan_weight.json: NaN"):
        build_main_window([str(DATA / "bad" / "nan_weight.json"), "--lang", "en"])


def test_opened_session_does_not_credit_mazurs_article_for_other_weights(window, tmp_path):
    from PySide6.QtWidgets import QLabel

    from engine.files.session_format import save_session
    label = window.findChild(QLabel, "seedLabel")
    assert "Mazur" in label.text()              # the app starts on Mazur's preset
    save_session(tmp_path / "xor.json", session_io.preset_session("xor", seed=0))
    assert window.session.open_path(tmp_path / "xor.json", ask=False)
    assert "Mazur" not in label.text()
    save_session(tmp_path / "mazur.json", session_io.preset_session("mazur", seed=0))
    assert window.session.open_path(tmp_path / "mazur.json", ask=False)
    assert "Mazur" in label.text()


@pytest.mark.parametrize("kind", ["canvas_png", "loss_csv", "worked"])
def test_export_failure_names_the_whole_path_so_the_missing_folder_shows(window, tmp_path, kind):
    folder = tmp_path / "no such folder"
    suffix = {"canvas_png": "png", "loss_csv": "csv", "worked": "md"}[kind]
    assert not window.session.export_menu.export_to(kind, str(folder / f"out.{suffix}"))
    assert str(folder) in window.session.errors[0]


def test_imported_data_is_named_by_its_file_in_the_data_picker_and_summary(window):
    from PySide6.QtWidgets import QComboBox, QLabel
    window.session.run_import_dialog = lambda dialog: True
    assert window.session.import_path(DATA / "ok" / "iris_semicolon_comma.csv")
    combo = window.findChild(QComboBox, "datasetCombo")
    assert "iris_semicolon_comma" in combo.currentText()
    assert window.findChild(QLabel, "setupSummary").text().startswith(combo.currentText())


def test_after_open_the_data_picker_names_the_preset_the_session_came_from(qtbot):
    win = _xor_window(qtbot)
    assert win.session.open_path(DATA / "ok" / "mazur_step7.json", ask=False)
    combo = win.findChild(QComboBox, "datasetCombo")
    assert combo.currentText() == "Mazur's worked example"
    assert win.findChild(QPushButton, "resetButton").menu() is not None   # article's weights


def test_a_session_keeps_k_and_the_place_inside_example_3(settings_dir, qtbot, tmp_path):
    win = _recording(build_main_window(["--lang", "en", "--preset", "xor-table"]))
    qtbot.addWidget(win)
    win.state.set_example_count(3)
    win.stepper.set_cursor(25)                # inside example 3 (t = 3 of K = 3)
    step = win.stepper.step
    path = tmp_path / "xor.json"
    assert win.session.save_to(path)
    win.state.set_example_count(1)
    win.session.answers.append(Button.Discard)
    assert win.session.open_path(path)
    assert win.state.example_count == 3 and win.stepper.trace.m == 3
    assert win.stepper.cursor == 25 and win.stepper.step.example == step.example == 2
    np.testing.assert_array_equal(win.stepper.step.payload.d, step.payload.d)


def test_a_one_feature_csv_with_a_numeric_label_imports_as_a_regression_with_its_curve(window):
    c = window.session
    c.run_import_dialog = lambda dialog: True        # the dialog's defaults: detect, standardize
    assert c.import_path(DATA / "ok" / "sunshine_ice_cream.csv")
    net, ds = window.state.network, window.state.dataset
    assert ds.task == "regression" and window.state.X.shape[1] == 1
    assert (net.layer_sizes[0], net.layer_sizes[-1]) == (1, 1)
    assert (net.output, net.loss_name) == ("linear", "squared_error")
    # A new problem leaves the preset's settings behind (Mazur's fixed biases above all).
    assert not window.state.settings.freeze_bias and window.state.settings.optimizer == "adam"
    dock = window.findChild(QDockWidget, "boundaryDock")
    assert dock.widget().showing_regression() and dock.toolTip() == "Regression curve h(x)"
    view = dock.widget().regression
    np.testing.assert_array_equal(view.train_points.getData()[1], window.state.Y[:, 0])
    # The dialog standardizes a numeric target by default: the axis says so.
    assert view.plot.getPlotItem().getAxis("left").labelText == "ice_creams (z-score)"


def test_a_regression_preset_saved_and_reopened_comes_back_with_its_curve(window, tmp_path):
    from engine.files.session_format import save_session

    c = window.session
    save_session(tmp_path / "sin.json", session_io.preset_session("sin", seed=2))
    assert c.open_path(tmp_path / "sin.json", ask=False)
    assert window.state.preset == "sin" and window.state.settings.optimizer == "adam"
    window.training.train_epochs(5)
    assert c.save_to(tmp_path / "again.json")
    c.answers.append(Button.Discard)
    c.new()                                          # Mazur: two features, the boundary
    dock = window.findChild(QDockWidget, "boundaryDock")
    assert not dock.widget().showing_regression()
    assert c.open_path(tmp_path / "again.json", ask=False)
    assert dock.widget().showing_regression() and dock.toolTip() == "Regression curve h(x)"
    view = dock.widget().regression
    xs, ys = view.curve.getData()
    np.testing.assert_allclose(ys, window.state.network.predict(xs.reshape(-1, 1))[:, 0])
