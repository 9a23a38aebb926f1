"""Opening is all or nothing: every bad file, and a failure anywhere while the window takes a
session in, leaves the open session exactly as it was; a broken autosave is set aside, never
offered in a loop; failed saves and autosaves are said, never silent."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from engine.files.session_format import dumps
from main import build_main_window
from tests.conftest import isolate_settings
from ui.files import session_io

DATA = Path(__file__).resolve().parents[2] / "data"


def _recording(win):
    c = win.session
    c.errors = []
    c.show_error = lambda title, message: c.errors.append(message)
    c.ask_restore = lambda: True
    c.autosave.discard()
    return win


@pytest.fixture(scope="module")
def busy_window(qapp, tmp_path_factory):
    """A window with work in it: Adam moments, a history, a step, unsaved changes, a file."""
    folder = tmp_path_factory.mktemp("hostile")
    isolate_settings(qapp, folder)
    win = _recording(build_main_window(["--lang", "en", "--preset", "xor"]))
    win.state.update_settings(optimizer="adam", lr=0.05, batch_size=2)
    win.training.train_epochs(3)
    path = folder / "work.json"
    assert win.session.save_to(path)
    win.training.train_epochs(1)
    win.stepper.set_cursor(5)
    assert win.state.modified
    yield win
    win.close()
    win.deleteLater()


def whole_state(win) -> dict:
    """Return everything a refused open must leave alone, in an exact form: the session as it
    would be saved (weights, data, settings, history, training state, step) and the file, the
    modified flag and the title."""
    return {"session": dumps(session_io.capture(win.state, win.session.parts)),
            "path": win.session.path,
            "modified": win.state.modified, "title": win.windowTitle(),
            "dataset": win.state.dataset}


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "bad").glob("*.json")))
def test_a_bad_file_through_the_menu_leaves_the_session_exactly_as_it_was(busy_window, name):
    win = busy_window
    win.session.errors.clear()
    before = whole_state(win)
    assert not win.session.open_path(DATA / "bad" / name, ask=False)
    assert whole_state(win) == before
    [shown] = win.session.errors
    assert "\n" not in shown and len(shown) <= 300


def test_a_failure_while_the_window_applies_a_good_file_puts_the_old_session_back(
        busy_window, monkeypatch):
    win = busy_window
    win.session.errors.clear()
    before = whole_state(win)
    real = win.stepper.set_cursor
    calls = []

    def fail_once(cursor):
        calls.append(cursor)
        if len(calls) == 1:
            raise RuntimeError("the stepper broke")
        real(cursor)

    monkeypatch.setattr(win.stepper, "set_cursor", fail_once)
    assert not win.session.open_path(DATA / "ok" / "mazur_step7.json", ask=False)
    assert whole_state(win) == before
    assert "your session is kept" in win.session.errors[0]
    assert "the stepper broke" in win.session.errors[0]


def test_an_error_in_a_slot_while_applying_is_caught_and_rolled_back(busy_window):
    win = busy_window
    win.session.errors.clear()
    before = whole_state(win)
    broken = []

    def slot():
        broken.append(1)
        if len(broken) == 1:            # only the new session's data; the rollback must work
            raise ValueError("a widget refused the data")

    win.state.data_changed.connect(slot)
    try:
        assert not win.session.open_path(DATA / "ok" / "mazur_step7.json", ask=False)
    finally:
        win.state.data_changed.disconnect(slot)
    assert whole_state(win) == before
    assert "a widget refused the data" in win.session.errors[0]


def test_a_data_seed_past_two_to_the_31_opens_and_shows(busy_window, tmp_path):
    # Qt int signals carry 32 bits; the data picker's request carries the seed as an object.
    doc = json.loads((DATA / "ok" / "mazur_step7.json").read_text())
    doc["data"] = {"kind": "generated", "name": "xor", "seed": 2**40, "test_ratio": 0.2,
                   "n": 40, "noise": 0.1}
    doc["preset"], doc["network"]["layer_sizes"] = "xor", [2, 2, 1]
    doc["network"]["thetas"] = [[[0.1, 0.2, 0.3], [0.1, -0.2, 0.3]], [[0.1, 0.2, 0.3]]]
    doc["network"]["loss"] = "cross_entropy"
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(doc))
    win = busy_window
    win.session.errors.clear()
    assert win.session.open_path(path, ask=False), win.session.errors
    controls = win.training_panel.data
    assert controls.data_seed == 2**40
    controls.regenerate_button.click()          # asks for the next seed's sample
    assert win.state.dataset.params["seed"] == 2**40 + 1


def test_a_broken_autosave_is_set_aside_and_reported_once(qapp, tmp_path, qtbot):
    isolate_settings(qapp, tmp_path)
    win = _recording(build_main_window(["--lang", "en"]))
    qtbot.addWidget(win)
    c = win.session
    before = whole_state(win)
    shutil.copy(DATA / "bad" / "history_epoch_too_large.json", c.autosave.path)
    assert not c.offer_restore()
    assert whole_state(win) == before
    assert not c.autosave.exists()
    aside = c.autosave.path.parent / "autosave-unreadable-1.json"
    assert aside.read_bytes() == (DATA / "bad" / "history_epoch_too_large.json").read_bytes()
    assert len(c.errors) == 1 and "kept as autosave-unreadable-1.json" in c.errors[0]
    # The next start finds nothing to offer: no loop.
    assert not c.offer_restore() and len(c.errors) == 1


def test_a_failed_save_is_said_in_a_dialog_and_the_status_bar(busy_window, tmp_path):
    win = busy_window
    win.session.errors.clear()
    locked = tmp_path / "locked.json"
    locked.write_text("keep")
    locked.chmod(0o444)
    assert not win.session.save_to(locked)
    assert locked.read_text() == "keep"
    [shown] = win.session.errors
    assert "locked.json: the file is read-only" in shown
    assert "read-only" in win.statusBar().currentMessage()


def test_failed_autosaves_are_said_once_in_a_dialog_and_each_time_in_the_status_bar(
        busy_window, monkeypatch):
    win = busy_window
    win.session.errors.clear()
    monkeypatch.setattr(win.session.autosave, "_capture",
                        lambda: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    assert not win.session.autosave.save_now()
    assert not win.session.autosave.save_now()
    assert len(win.session.errors) == 1 and "No space left" in win.session.errors[0]
    assert "autosave failed" in win.statusBar().currentMessage()


@pytest.mark.parametrize("kind,suffix", [("canvas_png", "png"), ("loss_csv", "csv"),
                                         ("worked_example", "md"), ("canvas_svg", "svg")])
def test_a_failed_export_keeps_the_old_file_whole(busy_window, tmp_path, monkeypatch, kind,
                                                  suffix):
    import os

    win = busy_window
    win.session.errors.clear()
    path = tmp_path / f"out.{suffix}"
    path.write_bytes(b"the good export")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert not win.session.export_menu.export_to(kind, str(path))
    assert path.read_bytes() == b"the good export"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]      # no temporary left
    assert "No space left on device" in win.session.errors[0]
    assert "Export failed" in win.statusBar().currentMessage()


def test_an_export_through_a_link_writes_the_target(busy_window, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert busy_window.session.export_menu.export_to("loss_csv", str(link))
    assert link.is_symlink() and target.read_text().startswith("epoch,")


def test_saving_through_a_link_keeps_the_link_and_updates_the_target(busy_window, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("{}")
    link = tmp_path / "lesson.json"
    link.symlink_to(target)
    assert busy_window.session.save_to(link)
    assert link.is_symlink() and '"format"' in target.read_text()
