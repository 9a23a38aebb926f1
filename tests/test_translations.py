"""The pt-BR catalogue translates every string the code shows, and the compiled .qm is current.

The check runs pyside6-lupdate over today's sources into a temporary catalogue, so a string added
to the code without a translation fails here, not in front of a class.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = TRANSLATIONS / "backprop_pt_BR.ts"


def _load_update_script():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update_script()


def _messages(ts_file: Path) -> dict[tuple[str, str, str], ET.Element]:
    """Return (context, source, disambiguation) → <message> for every message of ``ts_file``."""
    out = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name"), message.findtext("source"),
                   message.findtext("comment") or "")
            out[key] = message
    return out


def _translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None:
        return []
    forms = [f.text or "" for f in tr.iter("numerusform")]
    return forms or [tr.text or ""]


@pytest.fixture(scope="module")
def fresh_messages(tmp_path_factory) -> dict[tuple[str, str, str], ET.Element]:
    """Run lupdate over the current sources into a copy of the catalogue and parse it."""
    work = tmp_path_factory.mktemp("lupdate") / "translations"
    work.mkdir()
    fresh = work / CATALOGUE.name
    # An empty catalogue: only the code decides which strings exist.
    fresh.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                     '<TS version="2.1" language="pt_BR"></TS>\n', encoding="utf-8")
    update.lupdate(fresh)
    return _messages(fresh)


def test_lupdate_finds_the_window_strings(fresh_messages):
    # Guards the test itself: if lupdate found nothing, every later check would pass vacuously.
    assert ("MainWindow", "&File", "") in fresh_messages
    assert len(fresh_messages) > 10


def test_every_source_string_has_a_finished_pt_br_translation(fresh_messages):
    committed = _messages(CATALOGUE)
    missing = []
    for key in fresh_messages:
        message = committed.get(key)
        tr = message.find("translation") if message is not None else None
        texts = _translations(message) if message is not None else []
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") \
                or not all(t.strip() for t in texts):
            missing.append(f"{key[0]}: {key[1]!r}")
    assert not missing, "untranslated strings (run resources/translations/update.py and " \
        "translate them in backprop_pt_BR.ts):\n" + "\n".join(missing)


def _placeholders(text: str) -> list[str]:
    # Engine templates use str.format fields with a conversion or spec: {value!r}, {lo:g}.
    return sorted(re.findall(r"%n|%L?\d|\{[A-Za-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}", text))


def test_placeholder_check_sees_conversions_and_specs():
    assert _placeholders("{name} at least {lo:g}, got {value!r}") == \
        ["{lo:g}", "{name}", "{value!r}"]


def test_translations_keep_every_placeholder():
    wrong = []
    for (context, source, _), message in _messages(CATALOGUE).items():
        for text in _translations(message):
            if text and _placeholders(text) != _placeholders(source):
                wrong.append(f"{context}: {source!r} → {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_translations_keep_one_accelerator_where_the_source_has_one():
    wrong = []
    for (context, source, _), message in _messages(CATALOGUE).items():
        src_acc = len(re.findall(r"&(?!&|\w+;)", source.replace("&&", "")))
        for text in _translations(message):
            acc = len(re.findall(r"&(?!&|\w+;)", text.replace("&&", "")))
            if text and acc != src_acc:
                wrong.append(f"{context}: {source!r} → {text!r}")
    assert not wrong, "accelerators (&) differ:\n" + "\n".join(wrong)


def test_compiled_catalogue_matches_the_ts(tmp_path):
    qm = tmp_path / "fresh.qm"
    update.lrelease(CATALOGUE, qm)
    assert qm.read_bytes() == CATALOGUE.with_suffix(".qm").read_bytes(), \
        "backprop_pt_BR.qm is stale: run resources/translations/update.py"


def _hidden_texts(tree: ast.Module) -> list[int]:
    """Return the lines of tr()/translate()/wrapper calls whose text is not a string literal.

    A module-level wrapper ``def _tr(text): return QCoreApplication.translate("Ctx", text)`` is
    allowed (update.py reads its calls); every call of it must then pass a literal.
    """
    wrappers = update.translate_wrappers(tree)
    inside_wrappers = {id(sub) for node in tree.body
                       if isinstance(node, ast.FunctionDef) and node.name in wrappers
                       for sub in ast.walk(node)}
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in inside_wrappers:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        literal_args = {"tr": 1, "translate": 2}.get(name)
        if isinstance(func, ast.Name) and name in wrappers:
            literal_args = 1
        if literal_args is None or len(node.args) < literal_args:
            continue
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                   for a in node.args[:literal_args]):
            lines.append(node.lineno)
    return lines


def test_translate_calls_use_literal_texts_lupdate_can_read():
    # lupdate only sees literal texts: tr(variable) or an f-string never reaches the catalogue.
    offenders = []
    for path in update.sources(ROOT):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        registers_texts = "QT_TRANSLATE_NOOP(" in source or "QT_TR_NOOP(" in source
        for number in _hidden_texts(ast.parse(source)):
            # tr(variable) is fine when the module registers its texts with a NOOP macro.
            if registers_texts and "tr(" in lines[number - 1]:
                continue
            # ui/look/messages.py looks up the templates engine/ marks (checked below).
            engine_texts = ROOT / "ui" / "look" / "messages.py"
            # ui/maths/phase_words.py looks up the phase table engine/steps.py marks.
            if path == ROOT / "ui" / "maths" / "phase_words.py" and \
                    "words.CONTEXT" in lines[number - 1]:
                continue
            if path == engine_texts and "message.template" in lines[number - 1]:
                continue
            offenders.append(f"{path.relative_to(ROOT)}:{number}: {lines[number - 1].strip()}")
    assert not offenders, "translated texts lupdate cannot see:\n" + "\n".join(offenders)


def test_engine_error_templates_reach_the_catalogue(fresh_messages):
    # engine/ marks its error templates with a no-op QT_TRANSLATE_NOOP (it cannot import Qt);
    # ui/look/messages.py asks for them under the "Engine" context.
    marked = []
    for path in sorted((ROOT / "engine").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                marked.append((node.args[0].value, node.args[1].value))
    assert len(marked) > 100
    missing = [m for m in marked if (m[0], m[1], "") not in fresh_messages]
    assert not missing


def test_wrapped_texts_reach_the_catalogue_unchanged(fresh_messages):
    # The texts of _tr("...") wrappers go through a generated file; quotes, backslashes and
    # non-ASCII maths must arrive exactly as the code will look them up at run time.
    wrapped = [(context, text) for path in update.sources(ROOT)
               for context, text, _ in update.wrapped_calls(path)]
    assert wrapped, "no wrapper calls found: the check below would be vacuous"
    missing = [w for w in wrapped if (w[0], w[1], "") not in fresh_messages]
    assert not missing


def test_wrapper_extraction_escapes_quotes_and_backslashes(tmp_path):
    ui = tmp_path / "ui"
    ui.mkdir()
    (tmp_path / "main.py").write_text("", encoding="utf-8")
    (ui / "w.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n    return QCoreApplication.translate('W', text)\n"
        "A = _tr('say \"hi\" to Θ(1) \\\\ ok')\n", encoding="utf-8")
    ts = tmp_path / "out" / "t.ts"
    ts.parent.mkdir()
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1">'
                  '</TS>\n', encoding="utf-8")
    update.lupdate(ts, root=tmp_path)
    assert ("W", 'say "hi" to Θ(1) \\ ok', "") in _messages(ts)


def test_lupdate_and_lrelease_ship_with_the_venv():
    for name in ("pyside6-lupdate", "pyside6-lrelease"):
        assert update.tool(name).exists()
        assert shutil.which(str(update.tool(name)))


def _known_contexts() -> set[str]:
    """Return every context the app can ask for: class names (self.tr) and the literal contexts
    of translate()/QT_TRANSLATE_NOOP calls and of _tr wrappers."""
    known = set()
    for path in update.sources(ROOT):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        known.update(update.translate_wrappers(tree).values())
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                known.add(node.name)
            elif isinstance(node, ast.Call) and node.args and \
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("translate", "QT_TRANSLATE_NOOP"):
                    known.add(node.args[0].value)
    return known


def test_every_catalogue_context_is_one_the_app_asks_for(fresh_messages):
    # obj.tr("...") on another object is filed by lupdate under the variable's name ("controller")
    # while Qt looks the text up under the object's class: such a text is never translated.
    stray = sorted({context for context, _, _ in fresh_messages} - _known_contexts())
    assert not stray, f"contexts no class or translate() call uses: {stray}"
