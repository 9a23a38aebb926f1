"""ui.look.language: language codes, catalogue loading, run-time switching and locale numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QVBoxLayout, QWidget

from ui.look import language as i18n


@pytest.fixture
def languages(settings_dir):
    """Return the LanguageManager with QSettings in a temp dir (settings_dir restores English)."""
    return i18n.manager()


class _Retranslating(QLabel):
    """A widget that follows the team convention: retranslate() on LanguageChange."""

    def __init__(self) -> None:
        super().__init__()
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("MainWindow", "&File"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@pytest.mark.parametrize(("code", "expected"), [
    ("pt_BR", "pt_BR"), ("pt-br", "pt_BR"), ("pt_PT.UTF-8", "pt_BR"), ("pt", "pt_BR"),
    ("en", "en"), ("en_GB", "en"), ("C", "en"), ("de_DE", None), ("", None), (None, None)])
def test_normalize_maps_locale_names_to_supported_languages(code, expected):
    assert i18n.normalize(code) == expected


def test_system_language_follows_a_portuguese_locale():
    assert i18n.system_language(QLocale(QLocale.Language.Portuguese,
                                        QLocale.Country.Brazil)) == "pt_BR"


def test_system_language_falls_back_to_english_for_unsupported_locales():
    assert i18n.system_language(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "en"


def test_pt_br_catalogue_is_shipped_compiled():
    assert i18n.translation_file("pt_BR").is_file()


def test_switching_to_pt_br_translates_and_back(languages):
    languages.set_choice("pt_BR", remember=False)
    assert languages.language == "pt_BR"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Arquivo"
    languages.set_choice("en", remember=False)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_qt_standard_texts_are_translated_too(languages):
    languages.set_choice("pt_BR", remember=False)
    # Qt's own catalogue (qtbase_pt_BR) translates standard dialog buttons.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_open_widgets_retranslate_at_run_time(languages, qtbot):
    label = _Retranslating()
    qtbot.addWidget(label)
    languages.set_choice("pt_BR", remember=False)
    qtbot.waitUntil(lambda: label.text() == "&Arquivo")
    languages.set_choice("en", remember=False)
    qtbot.waitUntil(lambda: label.text() == "&File")


def test_language_changed_is_emitted_with_the_new_code(languages, qtbot):
    with qtbot.waitSignal(languages.language_changed) as blocker:
        languages.set_choice("pt_BR", remember=False)
    assert blocker.args == ["pt_BR"]


def test_pt_br_numbers_use_a_decimal_comma(languages):
    languages.set_choice("pt_BR", remember=False)
    assert QLocale().toString(0.5, "f", 2) == "0,50"
    languages.set_choice("en", remember=False)
    assert QLocale().toString(0.5, "f", 2) == "0.50"


def _type_into(qtbot, spin: QDoubleSpinBox, text: str) -> float:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    return spin.value()


def test_open_spin_box_accepts_0_comma_5_after_switching_to_pt_br(languages, qtbot):
    window = QWidget()
    spin = QDoubleSpinBox()
    spin.setDecimals(3)
    QVBoxLayout(window).addWidget(spin)
    qtbot.addWidget(window)
    window.show()
    languages.set_choice("pt_BR", remember=False)
    assert _type_into(qtbot, spin, "0,5") == pytest.approx(0.5)
    assert spin.text() == "0,500"
    languages.set_choice("en", remember=False)
    assert _type_into(qtbot, spin, "0.25") == pytest.approx(0.25)
    assert spin.text() == "0.250"


def test_choice_is_remembered_only_when_asked(languages):
    languages.set_choice("pt_BR")
    assert QSettings().value(i18n.SETTINGS_KEY) == "pt_BR"
    languages.set_choice("en", remember=False)
    assert languages.remembered_choice() == "pt_BR"


def test_system_choice_is_remembered_as_system(languages):
    languages.set_choice(i18n.SYSTEM)
    assert languages.choice == i18n.SYSTEM
    assert languages.remembered_choice() == i18n.SYSTEM
    assert languages.language == i18n.system_language()


def test_setup_prefers_command_line_over_remembered_choice(languages):
    languages.set_choice("en")
    i18n.setup("pt_BR")
    assert languages.language == "pt_BR"
    assert languages.remembered_choice() == "en"


def test_setup_without_command_line_uses_remembered_choice(languages):
    QSettings().setValue(i18n.SETTINGS_KEY, "pt_BR")
    i18n.setup(None)
    assert languages.language == "pt_BR"


def test_unknown_language_is_refused_with_the_supported_codes(languages):
    with pytest.raises(ValueError, match="pt_BR"):
        languages.set_choice("klingon")


def test_plot_ticks_use_the_decimal_comma_in_pt_br(languages, qtbot):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.show()
    i18n.localize_plots()
    i18n.localize_plots()        # idempotent: wrapping twice would still give one comma
    axis = plot.getPlotItem().getAxis("bottom")
    languages.set_choice("pt_BR", remember=False)
    assert axis.tickStrings([0.5, 1.5], 1.0, 0.5) == ["0,5", "1,5"]
    languages.set_choice("en", remember=False)
    assert axis.tickStrings([0.5, 1.5], 1.0, 0.5) == ["0.5", "1.5"]
