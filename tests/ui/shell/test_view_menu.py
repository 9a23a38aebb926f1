"""ui.shell.view_menu on the real main window: View → Language / Theme / Presenter mode, --lang."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QWidget

from main import build_main_window
from ui.look import language as i18n
from ui.look import palette, theme


@pytest.fixture
def window(settings_dir, qtbot):
    """Return the wired main window, started in English."""
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    return win


def _menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_lang_option_builds_the_window_in_portuguese(settings_dir, qtbot):
    win = build_main_window(["--lang", "pt_BR"])
    qtbot.addWidget(win)
    # No event processing: the texts were Portuguese from the start.
    assert _menu_titles(win)[:4] == ["&Arquivo", "&Exibir", "E &se…", "Aj&uda"]
    assert win.view_menu_controller.presenter_action.text() == "Modo de a&presentação"


def test_lang_option_is_not_remembered(settings_dir, qtbot):
    qtbot.addWidget(build_main_window(["--lang", "pt_BR"]))
    assert i18n.manager().remembered_choice() == i18n.SYSTEM


def test_view_menu_offers_both_languages_in_their_own_names(window):
    texts = [a.text() for a in window.view_menu_controller.language_menu.actions() if a.text()]
    assert "English" in texts and "Português (Brasil)" in texts


def test_choosing_portuguese_retranslates_the_window_and_back(window, qtbot):
    controller = window.view_menu_controller
    controller.language_actions["pt_BR"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "&Arquivo")
    assert controller.theme_menu.title() == "&Tema"
    assert window.view_menu_controller.presenter_action.text() == "Modo de a&presentação"
    assert controller.language_actions["pt_BR"].isChecked()
    controller.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "&File")
    assert controller.theme_menu.title() == "&Theme"


def test_language_chosen_in_the_menu_is_remembered(window):
    window.view_menu_controller.language_actions["pt_BR"].trigger()
    assert QSettings().value(i18n.SETTINGS_KEY) == "pt_BR"


def test_dark_theme_from_the_menu_darkens_the_window(window, qtbot):
    window.view_menu_controller.theme_actions["dark"].trigger()
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.3)
    assert theme.manager().theme is palette.DARK
    assert window.view_menu_controller.theme_actions["dark"].isChecked()


def test_presenter_mode_is_on_f5_and_enlarges_the_window_font(window, qtbot):
    action = window.view_menu_controller.presenter_action
    assert action.shortcut() == QKeySequence(Qt.Key.Key_F5)
    before = window.font().pointSizeF()
    action.trigger()
    qtbot.waitUntil(lambda: window.font().pointSizeF() > before)
    assert window.font().pointSizeF() == pytest.approx(before * theme.PRESENTER_SCALE)
    action.trigger()
    qtbot.waitUntil(lambda: window.font().pointSizeF() == pytest.approx(before))


def test_f5_key_toggles_presenter_mode(window, qtbot, qapp):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert theme.manager().presenter
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not theme.manager().presenter


def test_theme_and_presenter_options_start_the_window_that_way(settings_dir, qtbot):
    win = build_main_window(["--lang", "en", "--theme", "dark", "--presenter"])
    qtbot.addWidget(win)
    assert theme.manager().theme is palette.DARK
    assert theme.manager().presenter
    assert win.view_menu_controller.presenter_action.isChecked()
    assert win.view_menu_controller.theme_actions["dark"].isChecked()
    assert theme.manager().remembered_choice() == theme.SYSTEM


def test_every_widget_with_a_theme_hook_follows_the_dark_theme(window):
    # The canvas, timeline and math panel expose set_theme; none may keep the light colours.
    window.view_menu_controller.theme_actions["dark"].trigger()
    hooked = [w for w in window.findChildren(QWidget)
              if callable(getattr(type(w), "set_theme", None))]
    assert hooked
    stale = [w.objectName() for w in hooked
             if getattr(w, "theme", getattr(w, "_theme", palette.DARK)) is palette.LIGHT]
    assert not stale


def _child(win, cls, name):
    found = win.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def test_key_widgets_switch_to_portuguese_and_back_at_run_time(window, qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QToolButton

    forward = _child(window, QToolButton, "stepForwardButton")
    train = _child(window, QPushButton, "trainButton")
    phase = _child(window, QLabel, "phaseLine")
    english = (forward.toolTip(), train.text(), phase.text())
    assert english[0].startswith("Next micro-step") and english[1] == "Train"

    window.view_menu_controller.language_actions["pt_BR"].trigger()
    qtbot.waitUntil(lambda: train.text() == "Treinar")
    assert forward.toolTip() == "Próximo micropasso (→)"
    assert _child(window, QToolButton, "stepBackButton").toolTip().startswith(
        "Micropasso anterior")
    assert phase.text().startswith("Exemplo 1 de ")
    assert _menu_titles(window)[0] == "&Arquivo"

    window.view_menu_controller.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: train.text() == "Train")
    assert (forward.toolTip(), train.text(), phase.text()) == english


def _type(qtbot, spin, text):
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_learning_rate_spin_takes_0_comma_5_in_portuguese(settings_dir, qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox

    win = build_main_window(["--lang", "pt_BR", "--preset", "xor"])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    spin = _child(win, QDoubleSpinBox, "learningRateSpin")
    _type(qtbot, spin, "0,05")
    assert spin.value() == pytest.approx(0.05)
    assert win.state.settings.lr == pytest.approx(0.05)
    assert "0,05" in spin.text()


def test_learning_rate_spin_switches_decimal_separator_at_run_time(window, qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox

    window.show()
    qtbot.waitExposed(window)
    spin = _child(window, QDoubleSpinBox, "learningRateSpin")
    window.view_menu_controller.language_actions["pt_BR"].trigger()
    _type(qtbot, spin, "0,5")
    assert spin.value() == pytest.approx(0.5)
    window.view_menu_controller.language_actions["en"].trigger()
    _type(qtbot, spin, "0.25")
    assert spin.value() == pytest.approx(0.25)


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_menu_accelerators_are_unique_within_each_menu(settings_dir, qtbot, lang):
    import re

    from PySide6.QtWidgets import QMenu

    win = build_main_window(["--lang", lang])
    qtbot.addWidget(win)
    menus = [win.menuBar(), *win.findChildren(QMenu)]
    clashes = []
    for menu in menus:
        keys: dict[str, str] = {}
        for action in menu.actions():
            match = re.search(r"&([^&\s])", action.text().replace("&&", ""))
            if not match or not action.isVisible():
                continue
            key = match.group(1).lower()
            if key in keys:
                clashes.append(f"{menu.objectName() or 'menu bar'}: {keys[key]!r} / "
                               f"{action.text()!r}")
            keys[key] = action.text()
    assert not clashes


def _shown_texts(win) -> list[tuple[str, str]]:
    """Return (where, text) for the texts a user can see or hear in ``win``."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDockWidget,
        QGroupBox,
        QLabel,
        QMenu,
        QTabWidget,
    )

    out = []
    for w in [win, *win.findChildren(QWidget)]:
        name = w.objectName() or type(w).__name__
        texts = [w.toolTip(), w.statusTip(), w.accessibleName()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QDockWidget):
            texts.append(w.windowTitle())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            texts += [a.text() for a in w.actions()] + [a.toolTip() for a in w.actions()]
            texts.append(w.title())
        out += [(name, t) for t in texts if t]
    return out


def _catalogue_pairs() -> list[tuple[str, str]]:
    """Return (English, Portuguese) for the texts the pt-BR catalogue changes (> 3 letters)."""
    import xml.etree.ElementTree as ET

    pairs = []
    for message in ET.parse(i18n.TRANSLATIONS_DIR / "backprop_pt_BR.ts").getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation and source != translation and len(source) > 3:
            pairs.append((source, translation))
    return pairs


def _english_sources() -> set[str]:
    return {en for en, _ in _catalogue_pairs()}


def test_no_english_text_is_left_after_switching_to_portuguese(window, qtbot):
    english = _english_sources()
    assert "&File" in english    # guards the check itself
    window.show()
    qtbot.waitExposed(window)
    window.view_menu_controller.language_actions["pt_BR"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "&Arquivo")
    qtbot.wait(50)    # deferred renames (accessible names) run after LanguageChange
    left = sorted({f"{where}: {text!r}" for where, text in _shown_texts(window)
                   if text in english})
    assert not left, "widgets that did not retranslate:\n" + "\n".join(left)

    portuguese = {pt for en, pt in _catalogue_pairs() if pt not in _english_sources()}
    window.view_menu_controller.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "&File")
    qtbot.wait(50)
    left = sorted({f"{where}: {text!r}" for where, text in _shown_texts(window)
                   if text in portuguese})
    assert not left, "widgets that stayed in Portuguese:\n" + "\n".join(left)


@pytest.mark.parametrize("preset", ["mazur", "xor"])
def test_window_started_in_portuguese_shows_no_catalogued_english(settings_dir, qtbot, preset):
    win = build_main_window(["--lang", "pt_BR", "--preset", preset, "--step", "5"])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    english = _english_sources()
    left = sorted({f"{where}: {text!r}" for where, text in _shown_texts(win) if text in english})
    assert not left, "texts set without tr():\n" + "\n".join(left)


def test_unknown_lang_option_says_so_and_starts_in_the_system_language(settings_dir, qtbot,
                                                                        capsys):
    win = build_main_window(["--lang", "klingon"])
    qtbot.addWidget(win)
    assert "klingon" in capsys.readouterr().err
    assert i18n.manager().language == i18n.system_language()
