"""ui.look.accessibility on the real window: every control is named, in the current language, and
reachable with Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSlider, QWidget

from main import build_main_window
from ui.look import accessibility
from ui.look import language as i18n


@pytest.fixture
def window(qapp, tmp_path, qtbot):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("BackpropVisualizerTest")
    win = build_main_window(["--lang", "en", "--preset", "xor"])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    i18n.manager().set_choice("en", remember=False)


def _controls(win) -> list[QWidget]:
    return [w for w in win.findChildren(QWidget)
            if isinstance(w, accessibility.CONTROLS) and w.isVisibleTo(win)
            and type(w).__name__ != "QScrollBar" and not w.objectName().startswith("qt_")
            and w.window() is win]


def test_every_visible_control_has_an_accessible_name(window):
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in _controls(window)
               if not w.accessibleName()]
    assert not unnamed


def test_names_come_from_labels_and_texts(window):
    assert window.findChild(QPushButton, "trainButton").accessibleName() == "Train"
    assert window.findChild(QWidget, "learningRateSpin").accessibleName() == "Learning rate α"
    assert window.findChild(QWidget, "networkView").accessibleName() == "Network drawing"


def test_names_follow_the_language(window, qtbot):
    spin = window.findChild(QWidget, "learningRateSpin")
    i18n.manager().set_choice("pt_BR", remember=False)
    qtbot.waitUntil(lambda: spin.accessibleName() == "Taxa de aprendizado α")
    assert window.findChild(QWidget, "networkView").accessibleName() == "Desenho da rede"
    i18n.manager().set_choice("en", remember=False)
    qtbot.waitUntil(lambda: spin.accessibleName() == "Learning rate α")


def test_a_name_the_widget_set_itself_is_kept(window):
    button = window.findChild(QPushButton, "trainButton")
    button.setAccessibleName("Start training")
    button.setProperty(accessibility.AUTO, None)
    accessibility.name_controls(window)
    assert button.accessibleName() == "Start training"


def test_descriptions_come_from_tooltips(window):
    spin = window.findChild(QWidget, "learningRateSpin")
    assert spin.accessibleDescription().startswith("Learning rate α: the step is")


def test_tab_reaches_the_main_controls(window):
    chain, widget = [], window.nextInFocusChain()
    while widget is not window and len(chain) < 5000:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    for name in ("networkView", "mathEquation", "speedSlider", "trainButton", "datasetCombo",
                 "learningRateSpin", "lambdaSpin", "logScaleCheck"):
        assert name in chain, f"{name} cannot be reached with Tab"


def test_speed_slider_takes_keyboard_focus_only_from_tab(window):
    slider = window.findChild(QSlider, "speedSlider")
    assert slider.focusPolicy() == Qt.FocusPolicy.TabFocus


def test_derived_name_uses_a_form_label_before_the_tooltip(qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout

    host = QWidget()
    form = QFormLayout(host)
    spin = QDoubleSpinBox()
    spin.setToolTip("Something else: long text")
    form.addRow(QLabel("&Noise:"), spin)
    qtbot.addWidget(host)
    assert accessibility.derived_name(spin) == "Noise"
