"""Saving and opening keep λ₁, the initialization and one g per hidden layer in the window; an
older file puts them back to their defaults."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox

from main import build_main_window
from tests.conftest import isolate_settings
from tests.ui.files.test_session import _recording
from ui.look import language as i18n
from ui.look import theme

OLD = Path(__file__).resolve().parents[2] / "data" / "ok" / "mazur_step7.json"


@pytest.fixture
def window(qapp, tmp_path, qtbot):
    isolate_settings(qapp, tmp_path)
    win = build_main_window(["--preset", "xor", "--lang", "en"])
    qtbot.addWidget(win)
    yield _recording(win)
    theme.manager().set_choice("light", remember=False)
    i18n.manager().set_choice("en", remember=False)


def _choose(win, name: str, key: str) -> None:
    combo = win.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(key))


def test_lambda1_init_and_per_layer_gs_come_back_after_save_and_open(window, tmp_path):
    st, c = window.state, window.session
    _choose(window, "initCombo", "xavier")
    _choose(window, "hiddenLayerActivation0", "gelu")
    window.findChild(QDoubleSpinBox, "lambda1Spin").setValue(0.03)
    window.training.train_epochs(2)
    saved = [t.copy() for t in st.network.thetas]
    path = tmp_path / "l1.json"
    assert c.save_to(path)
    c.answers.append(QMessageBox.StandardButton.Discard)
    assert c.new()
    assert (st.settings.lam1, st.settings.init) == (0.0, "uniform")
    assert c.open_path(path)
    assert (st.settings.lam1, st.settings.init) == (0.03, "xavier")
    assert str(st.network.activation) == "gelu"
    assert window.findChild(QComboBox, "initCombo").currentData() == "xavier"
    assert window.findChild(QDoubleSpinBox, "lambda1Spin").value() == 0.03
    for a, b in zip(saved, st.network.thetas, strict=True):
        np.testing.assert_array_equal(a, b)


def test_an_older_file_opens_with_no_lambda1_and_the_notes_init(window):
    window.state.update_settings(lam1=0.5, init="he")
    window.session.answers.append(QMessageBox.StandardButton.Discard)
    assert window.session.open_path(OLD)
    assert (window.state.settings.lam1, window.state.settings.init) == (0.0, "uniform")
    assert window.findChild(QDoubleSpinBox, "lambda1Spin").value() == 0.0
