"""File dialogs open in the last folder used, else the user's Documents — never the program's
own folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from main import build_main_window


@pytest.fixture
def window(qapp, qtbot, tmp_path):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    qapp.setOrganizationName("BackpropVisualizerTest")
    QSettings().remove("session/lastFolder")
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    return win


def _record_dialogs(monkeypatch, answer: str) -> list[str]:
    starts: list[str] = []

    def fake(parent, caption, start, filters):
        starts.append(start)
        return answer, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    return starts


def test_first_save_dialog_opens_in_documents_not_the_programs_folder(window, monkeypatch):
    starts = _record_dialogs(monkeypatch, "")
    window.session.choose_path("save", "Save", "*.json")
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = docs if Path(docs).is_dir() else str(Path.home())
    assert starts == [expected]
    assert starts[0] not in ("", os.getcwd())


def test_save_dialog_opens_where_the_last_file_was_chosen(window, monkeypatch, tmp_path):
    folder = tmp_path / "lessons"
    folder.mkdir()
    starts = _record_dialogs(monkeypatch, str(folder / "xor.json"))
    window.session.choose_path("open", "Open", "*.json")
    window.session.choose_path("save", "Save", "*.json")
    assert Path(starts[1]) == folder


def test_a_vanished_last_folder_falls_back_to_documents(window, monkeypatch, tmp_path):
    QSettings().setValue("session/lastFolder", str(tmp_path / "gone"))
    starts = _record_dialogs(monkeypatch, "")
    window.session.choose_path("save", "Save", "*.json")
    assert Path(starts[0]) != tmp_path / "gone"
