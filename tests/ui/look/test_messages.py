"""Engine error messages in the window's language: Portuguese in pt-BR, the English text kept.

Expected texts are written from the bad files' contents and the pt-BR catalogue, not from the
formatter's output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from engine.files.csv_import import CsvImportError, import_csv_file
from engine.files.session_checks import SessionError, read_number
from engine.files.session_format import load_session
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError, Message, in_file
from main import build_main_window
from ui.files import session_io
from ui.files.import_dialog import ImportDialog
from ui.look import language as i18n
from ui.look.messages import describe

DATA = Path(__file__).resolve().parents[2] / "data"
BAD = DATA / "bad"
# Words of the English templates that no Portuguese message should still hold.
ENGLISH = re.compile(r"\b(must|got|line|is not|the file|expected|has no|missing|limit is|"
                     r"needs|cannot|column \d)\b")


@pytest.fixture
def language(qapp, tmp_path):
    """Yield a function that switches the language (not remembered); English afterwards."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    manager = i18n.manager()
    yield lambda code: manager.set_choice(code, remember=False)
    manager.set_choice("en", remember=False)


def _error(path: Path) -> Exception:
    """Return the error the engine raises for bad file ``path``."""
    read = import_csv_file if path.suffix == ".csv" else load_session
    with pytest.raises((CsvImportError, SessionError)) as info:
        read(path)
    return info.value


def _leaves(message: Message):
    """Yield the values filled into ``message`` and its nested parts."""
    for value in message.params.values():
        if isinstance(value, Message):
            yield from _leaves(value)
        else:
            yield value


def test_a_session_error_reads_in_portuguese_with_a_decimal_comma(language):
    language("pt_BR")
    # negative_learning_rate.json holds "lr": -0.5.
    exc = _error(BAD / "negative_learning_rate.json")
    assert describe(exc) == ("negative_learning_rate.json: settings.lr deve ser maior que 0, "
                             "mas é -0,5")
    assert str(exc) == "negative_learning_rate.json: settings.lr must be greater than 0, got -0.5"


def test_a_csv_error_names_line_column_and_cell_in_portuguese(language):
    language("pt_BR")
    # Line 3 of the file is "3,abc,b"; its second column is headed x2.
    assert describe(_error(BAD / "non_numeric_cell.csv")) == \
        "non_numeric_cell.csv: linha 3, coluna 2 ('x2'): 'abc' não é um número"


def test_nested_parts_and_format_specs_are_translated(language):
    language("pt_BR")
    # targets_out_of_range.json has targets from -1 to 2 for a cross-entropy network.
    assert describe(_error(BAD / "targets_out_of_range.json")) == (
        "targets_out_of_range.json: data: alvos fora do intervalo: a entropia cruzada precisa de "
        "alvos em [0; 1], mas eles vão de -1 a 2")
    with pytest.raises(SessionError) as info:
        read_number({"lam": 0.25}, "lam", "settings", lo=0.5)
    assert describe(info.value) == "settings.lam deve ser pelo menos 0,5, mas é 0,25"


def test_a_bad_optimizer_state_reads_in_portuguese(language):
    language("pt_BR")
    # The file's Adam step counts are [-1, -1]; t may be 0..10^15.
    assert describe(_error(BAD / "optimizer_step_count_negative.json")) == (
        "optimizer_step_count_negative.json: training.optimizer.t[0] deve ser um número inteiro "
        "0..1000000000000000, mas é -1")
    # Saved 3 examples into an epoch of mini-batches of 2.
    assert describe(_error(BAD / "epoch_position_not_a_batch_boundary.json")) == (
        "epoch_position_not_a_batch_boundary.json: training.epoch_position deve ser um múltiplo "
        "de settings.batch_size (2), mas é 3")


def test_english_window_text_is_the_command_line_text(language):
    language("en")
    for path in sorted(BAD.iterdir()):
        exc = _error(path)
        assert describe(exc) == str(exc), path.name


def test_errors_without_a_template_read_as_their_text(language):
    language("pt_BR")
    assert describe(OSError("disk full")) == "disk full"
    assert describe(in_file(SessionError, "a.json", ValueError("plain"))) == "a.json: plain"


class _BrokenTranslator(QTranslator):
    """A catalogue whose translation of one template lost a field."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return "unbekannt {nope}" if source.startswith("unknown loss") else ""


def test_a_broken_translation_falls_back_to_english(language, qapp):
    language("pt_BR")
    broken = _BrokenTranslator()
    qapp.installTranslator(broken)
    try:
        exc = EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown loss {name!r}: expected one of {allowed}"), name="hinge",
            allowed="cross_entropy, squared_error")
        assert describe(exc) == str(exc)
    finally:
        qapp.removeTranslator(broken)


def test_import_dialog_describes_the_error_in_the_current_language(language, qtbot):
    language("pt_BR")
    dialog = ImportDialog("x1,x2,label\n1,2,a\n3,,b\n", "cells")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == \
        "Não foi possível importar: linha 3, coluna 2 ('x2'): célula vazia"
    language("en")          # the dialog retranslates on LanguageChange
    qtbot.waitUntil(lambda: dialog.summary.text() ==
                    "Cannot import: line 3, column 2 ('x2'): empty cell")


@pytest.fixture(scope="module")
def portuguese_window(qapp, tmp_path_factory):
    """One window in pt-BR whose error boxes and import dialog are recorded, not shown."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("settings")))
    win = build_main_window(["--lang", "pt_BR"])
    c = win.session
    c.errors = []
    c.show_error = lambda title, message: c.errors.append(message)
    c.autosave.discard()

    def dialog_text(dialog):
        c.errors.append(dialog.summary.text())
        return False                    # the learner cancels

    c.run_import_dialog = dialog_text
    yield win
    i18n.manager().set_choice("en", remember=False)
    win.close()
    win.deleteLater()


def _expected_error(window, path: Path) -> Exception:
    """Return the error the window reports for ``path``: the engine's, or its own history check
    (which the window names by file)."""
    if path.suffix == ".csv":
        return _error(path)
    try:
        session_io.check(load_session(path), window.session.parts)
    except SessionError as exc:
        return exc if str(exc).startswith(path.name) else in_file(SessionError, path.name, exc)
    raise AssertionError(f"{path.name} opened")


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.iterdir()))
def test_bad_file_is_reported_in_portuguese_naming_the_problem(portuguese_window, name):
    window = portuguese_window
    i18n.manager().set_choice("pt_BR", remember=False)    # whatever ran before
    window.session.errors.clear()
    path = BAD / name
    opened = (window.session.import_path(path) if path.suffix == ".csv"
              else window.session.open_path(path))
    assert not opened
    [shown] = window.session.errors
    exc = _expected_error(window, path)
    english = str(exc)
    assert shown != english and not shown.endswith(english.split(": ", 1)[1])
    assert not ENGLISH.search(shown.replace(name, "")), shown
    # It names the problem: every field, value and number the English text names is there
    # (the import dialog reads the text, so its messages need not repeat the file's name).
    for value in _leaves(exc.message):
        if value == name and path.suffix == ".csv":
            continue
        if isinstance(value, str) and len(value) > 1:
            assert value in shown or repr(value) in shown, (value, shown)
        elif isinstance(value, int):
            assert str(value) in shown, (value, shown)
    for number in re.findall(r"\bline (\d+)", english):
        assert f"linha {number}" in shown


def test_the_command_line_stays_english_in_pt_br(language):
    language("pt_BR")
    with pytest.raises(SessionError) as info:
        build_main_window([str(BAD / "nan_weight.json"), "--lang", "pt_BR"])
    assert str(info.value) == ("nan_weight.json: NaN is not a number a session may hold "
                               "(numbers must be finite)")
    assert QCoreApplication.translate("Engine", "the file is empty") == "o arquivo está vazio"
