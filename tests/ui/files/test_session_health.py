"""Gradient health in session files: saved beside the history, restored exactly, old files (no
health field) still open, and a malformed health field is refused by name."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox


@pytest.fixture
def window(make_window):
    return make_window("--preset", "xor")


def _recorder(win):
    return win.training.trainer.health


def test_health_is_saved_and_reopened_exactly(window, tmp_path):
    window.training.train_epochs(4)
    window.findChild(QDockWidget, "healthDock").widget().refresh()
    before = _recorder(window).csv_rows()
    assert before[0][0] == 0 and before[-1][0] == 4      # epoch 0 cannot be recomputed later
    path = tmp_path / "lesson.json"
    assert window.session.save_to(path)
    assert "health" in json.loads(path.read_text(encoding="utf-8"))["history"]
    window.session.answers.append(QMessageBox.StandardButton.Discard)
    assert window.session.new()
    assert window.session.open_path(path)
    plot = window.findChild(QDockWidget, "healthDock").widget()
    plot.refresh()      # what the window does on epoch_finished: must not start over
    after = _recorder(window).csv_rows()
    assert len(after) == len(before)
    assert all(a[:2] == b[:2] and all((x == y) or (x != x and y != y)
                                      for x, y in zip(a[2:], b[2:], strict=True))
               for a, b in zip(after, before, strict=True))


def test_an_old_file_without_health_opens_with_a_fresh_record(window, tmp_path):
    window.training.train_epochs(2)
    path = tmp_path / "old.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["history"]["health"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    window.session.answers.append(QMessageBox.StandardButton.Discard)
    assert window.session.open_path(path), window.session.errors
    assert window.training.epoch == 2


def test_malformed_health_is_refused_by_name(window, tmp_path):
    window.training.train_epochs(2)
    path = tmp_path / "bad.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["history"]["health"]["rows"][0] = [[1.0, 2.0]]        # one short row for two layers
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert not window.session.open_path(path)
    assert "gradient health" in window.session.errors[0]
