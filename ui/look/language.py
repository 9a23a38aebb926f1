"""Load the user-interface language: Qt translators, the number locale and the remembered choice.

The language follows the system locale unless the user picked one in View → Language (remembered
in QSettings under ``ui/language``) or passed ``--lang`` on the command line (not remembered).
Switching installs a new QTranslator; Qt then sends ``QEvent.LanguageChange`` to every widget,
whose ``changeEvent`` calls its ``retranslate()`` — no restart. The same switch sets the default
QLocale and the locale of every open window, so numbers show and parse in the language's form
(``0,5`` in pt-BR).

Catalogues: ``resources/translations/backprop_<code>.qm`` (compiled from the ``.ts`` by
``resources/translations/update.py``), plus Qt's own ``qtbase_<code>.qm`` for standard buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QWidget

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
SETTINGS_KEY = "ui/language"
SYSTEM = "system"
DEFAULT_LANGUAGE = "en"

#: Language code → (its own name, the QLocale numbers use). Names stay in their own language
#: on purpose: someone who cannot read the current language must still find theirs.
LANGUAGES: dict[str, tuple[str, QLocale.Language, QLocale.Country]] = {
    "en": ("English", QLocale.Language.English, QLocale.Country.UnitedStates),
    "pt_BR": ("Português (Brasil)", QLocale.Language.Portuguese, QLocale.Country.Brazil),
}


def normalize(code: str | None) -> str | None:
    """Return the supported language code for ``code`` ("pt-br", "pt_PT.UTF-8", "en_GB"), or None.

    Any Portuguese maps to pt_BR (the only Portuguese catalogue); any English to en.
    """
    if not code:
        return None
    base = code.replace("-", "_").split(".")[0].split("@")[0]
    lang = base.split("_")[0].lower()
    if lang == "pt":
        return "pt_BR"
    if lang == "en" or base.upper() in ("C", "POSIX"):
        return "en"
    return None


def system_language(locale: QLocale | None = None) -> str:
    """Return the supported language closest to ``locale`` (default: the system locale);
    English if none fits."""
    locale = QLocale.system() if locale is None else locale
    for name in [locale.name(), *locale.uiLanguages()]:
        code = normalize(name)
        if code:
            return code
    return DEFAULT_LANGUAGE


def number_locale(code: str) -> QLocale:
    """Return the QLocale that formats and parses numbers for language ``code``."""
    _, language, country = LANGUAGES[code]
    return QLocale(language, country)


def translation_file(code: str) -> Path:
    """Return the path of the app's compiled catalogue for ``code`` (may not exist for en)."""
    return TRANSLATIONS_DIR / f"backprop_{code}.qm"


class LanguageManager(QObject):
    """Own the installed translators; ``language_changed(code)`` after every switch.

    One per application (see ``manager()``). ``choice`` is what the user asked for ("system",
    "en", "pt_BR"); ``language`` is the language actually shown.
    """

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageManager")
        self._translators: list[QTranslator] = []
        self._language = DEFAULT_LANGUAGE
        self._choice = SYSTEM

    @property
    def language(self) -> str:
        """The language code in use ("en" or "pt_BR")."""
        return self._language

    @property
    def choice(self) -> str:
        """What the user chose: "system" or a language code."""
        return self._choice

    def remembered_choice(self) -> str:
        """Return the choice saved in QSettings ("system" when none or not supported)."""
        saved = QSettings().value(SETTINGS_KEY, SYSTEM)
        return saved if saved == SYSTEM or saved in LANGUAGES else SYSTEM

    def set_choice(self, choice: str, remember: bool = True) -> None:
        """Switch to ``choice`` ("system" or a code from LANGUAGES); optionally remember it.

        Raises ValueError naming the supported codes when ``choice`` is not one of them.
        """
        code = system_language() if choice == SYSTEM else normalize(choice)
        if code is None:
            raise ValueError(f"unsupported language {choice!r}: use one of "
                             f"{', '.join(LANGUAGES)} (or {SYSTEM!r})")
        self._choice = SYSTEM if choice == SYSTEM else code
        if remember:
            QSettings().setValue(SETTINGS_KEY, self._choice)
        self._install(code)

    def _install(self, code: str) -> None:
        """Replace the translators and the number locale with those of ``code``."""
        app = QCoreApplication.instance()
        loaded = code == DEFAULT_LANGUAGE or bool(self._translators)
        if code == self._language and loaded:
            # Same language again (another window built): only the number locale may differ.
            self._set_locale(app, number_locale(code))
            return
        # Remove first: each removal/installation sends LanguageChange, and stale catalogues
        # must not answer for the new language.
        for old in self._translators:
            app.removeTranslator(old)
        self._translators = []
        if code != DEFAULT_LANGUAGE:  # English is the source language: no catalogue needed
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for directory, name in ((qt_dir, f"qtbase_{code}"),
                                    (str(TRANSLATIONS_DIR), f"backprop_{code}")):
                translator = QTranslator(self)
                if translator.load(name, directory):
                    app.installTranslator(translator)
                    self._translators.append(translator)
        self._set_locale(app, number_locale(code))
        changed = code != self._language
        self._language = code
        if changed:
            self.language_changed.emit(code)

    @staticmethod
    def _set_locale(app: QCoreApplication, locale: QLocale) -> None:
        """Make ``locale`` the default and the locale of every open window."""
        QLocale.setDefault(locale)
        if isinstance(app, QApplication):
            # Open windows keep the locale they were created with; set it so spin boxes
            # re-render and parse with the new decimal separator.
            for widget in app.topLevelWidgets():
                widget.setLocale(locale)


def localize_plots(root: QWidget | None = None) -> None:
    """Make every pyqtgraph axis in ``root`` (a window and its children; None: every window)
    write its tick numbers in the current locale (0,5 in pt-BR).

    pyqtgraph formats ticks with Python's "%g" (always a decimal point); each axis gets a
    ``tickStrings`` that swaps in the locale's decimal separator and minus sign. Idempotent;
    call again after a language change to redraw. Pass the window being built: walking every
    top-level widget also walks windows half torn down (a crash seen in long test runs).
    """
    import sys

    import shiboken6

    pg = sys.modules.get("pyqtgraph")
    app = QCoreApplication.instance()
    if pg is None or not isinstance(app, QApplication):
        return
    tops = [root] if root is not None else app.topLevelWidgets()
    for top in tops:
        if not shiboken6.isValid(top):
            continue
        for plot in [top, *top.findChildren(pg.PlotWidget)]:
            if not isinstance(plot, pg.PlotWidget):
                continue
            item = plot.getPlotItem()
            if item is None:     # a closed plot: pyqtgraph dropped its item
                continue
            for name in ("left", "bottom", "right", "top"):
                axis = item.getAxis(name)
                if not getattr(axis, "_localized", False):
                    axis.tickStrings = _localized_ticks(axis.tickStrings)
                    axis._localized = True
                axis.picture = None     # pyqtgraph's cached drawing of the ticks
                axis.update()


def _localized_ticks(original):
    """Wrap an AxisItem.tickStrings so its "0.5" / "-1" read "0,5" / "−1" in pt-BR."""
    def tick_strings(values, scale, spacing):
        locale = QLocale()
        point, minus = locale.decimalPoint(), locale.negativeSign()
        return [text.replace(".", point).replace("-", minus)
                for text in original(values, scale, spacing)]
    return tick_strings


def manager() -> LanguageManager:
    """Return the application's LanguageManager, creating it on first use."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before loading a language")
    found = app.findChild(LanguageManager, "languageManager")
    return found if found is not None else LanguageManager(app)


def setup(lang: str | None = None) -> LanguageManager:
    """Load the start-up language: ``lang`` (from --lang, not remembered) or the remembered choice.

    Call before building widgets so their first texts are already translated.
    """
    mgr = manager()
    if lang:
        mgr.set_choice(lang, remember=False)
    else:
        mgr.set_choice(mgr.remembered_choice(), remember=False)
    return mgr
