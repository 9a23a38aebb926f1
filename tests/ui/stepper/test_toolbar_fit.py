"""The Step toolbar keeps every button on screen: it drops words it can do without before a
button falls into the » menu (presenter mode in Portuguese hid Values and Predict at 1400 px)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from main import build_main_window
from ui.look import language as i18n
from ui.look import theme


@pytest.fixture
def restore(qapp):
    yield
    theme.manager().set_presenter(False)
    i18n.manager().set_choice("en", remember=False)


def _shown(toolbar) -> list[bool]:
    return [toolbar.widgetForAction(a).isVisible() for a in toolbar.actions()
            if not a.isSeparator() and toolbar.widgetForAction(a) is not None]


def _window(qtbot, argv, size):
    win = build_main_window(argv)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


def test_presenter_portuguese_toolbar_shows_every_button(qtbot, restore):
    win = _window(qtbot, ["--lang", "pt_BR", "--presenter"], (1400, 900))
    bar = win.stepper_controller.toolbar
    assert all(_shown(bar)), [a.text() for a in bar.actions()]
    assert bar.tight >= 1          # it had to drop words: the test checks the fitting
    assert "K = " in bar.example_count_spin.text()


def test_toolbar_keeps_its_words_when_they_fit(qtbot, restore):
    win = _window(qtbot, ["--lang", "en"], (1400, 900))
    bar = win.stepper_controller.toolbar
    assert bar.tight == 0 and all(_shown(bar))
    assert bar.example_count_spin.suffix() == " in this step-through"
