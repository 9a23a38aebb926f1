"""The neuron maps' switch in session files on the real window: switched off with M, saved,
reopened off; an old file (no ``view``) opens with the data's default, maps on."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def window(make_window):
    return make_window("--preset", "xor")


def _reopen(window, path) -> None:
    window.session.answers.append(QMessageBox.StandardButton.Discard)
    assert window.session.new()
    assert window.session.open_path(path), window.session.errors


def test_maps_switched_off_stay_off_after_reopening(window, tmp_path):
    maps = window.neuron_maps
    assert maps.is_on()                   # XOR: two features, maps on by default
    maps.action.trigger()                 # what M and the View menu do
    assert not maps.is_on()
    path = tmp_path / "off.json"
    assert window.session.save_to(path)
    assert json.loads(path.read_text(encoding="utf-8"))["view"] == {"neuron_maps": False}
    maps.action.trigger()                 # on again, so reopening has something to undo
    _reopen(window, path)
    assert not maps.is_on() and not maps.action.isChecked()


def test_an_old_file_without_the_switch_opens_with_maps_on(window, tmp_path):
    window.neuron_maps.action.trigger()
    path = tmp_path / "old.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["view"]                        # as written before the switch was kept
    path.write_text(json.dumps(doc), encoding="utf-8")
    _reopen(window, path)
    assert window.neuron_maps.is_on()
