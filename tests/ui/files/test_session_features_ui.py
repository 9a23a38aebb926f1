"""Saving and opening a session with input features from the window: the Data tab's ticks, the
network's inputs and the canvas's names come back; an old file opens with x₁, x₂."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMessageBox

from engine.features import FeatureSet, features_of
from tests.ui.files.test_session import window  # noqa: F401 (a fixture; settings_dir is in conftest)


def _ticked(win) -> list[str]:
    return [n for n, box in win.training_panel.data.feature_checks.items() if box.isChecked()]


def test_features_survive_save_and_open(window, tmp_path):  # noqa: F811 (fixture)
    c, data = window.session, window.training_panel.data
    data.combo.setCurrentIndex(data.combo.findData("circles"))
    data.feature_checks["x1x2"].click()
    data.feature_checks["sinx2"].click()
    X = window.state.X.copy()
    assert window.state.network.layer_sizes[0] == 4
    assert c.save_to(tmp_path / "crossed.json")
    c.answers.append(QMessageBox.StandardButton.Discard)
    assert c.new()
    assert window.state.network.layer_sizes[0] == 2
    assert c.open_path(tmp_path / "crossed.json")
    assert features_of(window.state.dataset) == FeatureSet(("x1", "x2", "x1x2", "sinx2"))
    np.testing.assert_array_equal(window.state.X, X)
    assert _ticked(window) == ["x1", "x2", "x1x2", "sinx2"]
    assert [i.text() for i in window.network_view.captions.inputs] == \
        ["x₁", "x₂", "x₁x₂", "sin x₂"]


def test_a_session_of_plain_points_unticks_the_features(window, tmp_path):  # noqa: F811
    c, data = window.session, window.training_panel.data
    data.combo.setCurrentIndex(data.combo.findData("xor"))
    assert c.save_to(tmp_path / "plain.json")
    data.feature_checks["x1sq"].click()
    assert _ticked(window) == ["x1", "x2", "x1sq"]
    c.answers.append(QMessageBox.StandardButton.Discard)
    assert c.open_path(tmp_path / "plain.json")
    assert _ticked(window) == ["x1", "x2"] and window.state.network.layer_sizes[0] == 2
