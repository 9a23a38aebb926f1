"""Test set-up: Qt draws offscreen, the project root is importable, and nothing a test saves
(QSettings: language, theme, recent files; the autosave folder) touches the user's own files."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Set before Qt starts, and inherited by the app processes some tests launch.
_HOME = Path(tempfile.mkdtemp(prefix="backprop-visualizer-tests-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
# Qt's test mode (QStandardPaths.setTestModeEnabled) writes under ~/.qttest whatever XDG says:
# a home of our own keeps two test runs on one machine from sharing an autosave file.
(_HOME / "home").mkdir()
os.environ["HOME"] = str(_HOME / "home")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _english_and_no_presenter_after_each_test():
    """Put the app's language back to English and presenter mode off after a test that built a
    window with ``--lang pt_BR`` or ``--presenter`` (both are application-wide): the next test
    must not read Portuguese legends or presenter-sized captions it did not ask for."""
    yield
    language, theme = sys.modules.get("ui.look.language"), sys.modules.get("ui.look.theme")
    app = sys.modules.get("PySide6.QtCore") and sys.modules["PySide6.QtCore"].QCoreApplication
    if app is None or app.instance() is None:
        return
    if language is not None:
        found = app.instance().findChild(language.LanguageManager, "languageManager")
        if found is not None and found.choice not in ("en", language.SYSTEM):
            found.set_choice("en", remember=False)
    if theme is not None:
        found = app.instance().findChild(theme.ThemeManager, "themeManager")
        if found is not None and found.presenter:
            found.set_presenter(False)


def isolate_settings(qapp, folder) -> None:
    """Keep QSettings (language, theme, recent files) in ``folder`` and the data folder
    (autosave, log) in Qt's test location, with no recent files."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("BackpropVisualizerTest")
    QSettings().remove("session/recent")


@pytest.fixture
def settings_dir(qapp, tmp_path):
    """Keep remembered choices in ``tmp_path`` (``isolate_settings``); put English, the light
    theme and presenter mode off back afterwards."""
    isolate_settings(qapp, tmp_path)
    yield tmp_path
    from ui.look import language as i18n
    from ui.look import theme

    theme.manager().set_presenter(False)
    theme.manager().set_choice("light", remember=False)
    i18n.manager().set_choice("en", remember=False)


@pytest.fixture
def make_window(settings_dir, qtbot):
    """Return a factory of wired main windows (English, extra command-line words as arguments)
    whose session controller records instead of asking: ``session.errors`` collects the error
    dialogs' messages, and "save changes?" answers are taken from ``session.answers``."""
    from main import build_main_window

    def make(*argv: str):
        win = build_main_window(["--lang", "en", *argv])
        qtbot.addWidget(win)
        c = win.session
        c.errors, c.answers = [], []
        c.show_error = lambda title, message: c.errors.append(message)
        c.ask_save_changes = lambda: c.answers.pop(0)
        c.autosave.discard()
        return win

    return make
