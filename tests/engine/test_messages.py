"""Engine errors read in English and carry a template the window can translate.

The static checks read engine/*.py: every error raised there has a marked template, and each
template's fields are exactly the values the raise passes (a missing one would only fail when
the error happens, in front of a learner).
"""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from engine.files.csv_import import CsvImportError, import_csv
from engine.files.session_checks import SessionError, read_number
from engine.files.session_format import loads
from engine.messages import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    EngineError,
    EngineValueError,
    Message,
    in_file,
    message,
    reason,
)
from engine.network import Network
from engine.steps import CONTEXT as PHASE_CONTEXT

ENGINE = Path(__file__).resolve().parent.parent.parent / "engine"


def _is_marker(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(ENGINE.rglob("*.py"))]


def test_every_engine_raise_has_a_marked_template():
    unmarked = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue            # a bare ``raise`` passes on an error already made
            call = node.exc
            if getattr(call.func, "id", "") == "in_file" or (call.args and
                                                             _is_marker(call.args[0])):
                continue
            unmarked.append(f"{path.name}:{node.lineno}")
    assert not unmarked, "errors without a QT_TRANSLATE_NOOP template: " + ", ".join(unmarked)


def test_templates_are_literal_in_the_engine_context():
    bad = []
    markers = [(p, n) for p, tree in _trees() for n in ast.walk(tree) if _is_marker(n)]
    assert len(markers) > 100          # the scan is real
    for path, node in markers:
        args = node.args
        if not (len(args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                       for a in args) and args[0].value in (CONTEXT,
                                                                             PHASE_CONTEXT)):
            bad.append(f"{path.name}:{node.lineno}")
    assert not bad, "lupdate reads only literal (context, text) pairs: " + ", ".join(bad)


def test_every_template_gets_exactly_its_fields():
    wrong = []
    for path, tree in _trees():
        used = set()
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and call.args and _is_marker(call.args[0]):
                used.add(id(call.args[0]))
                template = call.args[0].args[1].value
                given = {k.arg for k in call.keywords}
                if None not in given and given != _fields(template):
                    wrong.append(f"{path.name}:{call.lineno}: {template!r} given {sorted(given)}")
        # A template not passed straight to an error or message() (a table entry) has no
        # fields, since nothing could fill them.
        for node in ast.walk(tree):
            # The phase table's templates are filled by engine.steps.fill, with these names only.
            if _is_marker(node) and node.args[0].value == PHASE_CONTEXT:
                if not _fields(node.args[1].value) <= {"l", "n", "k", "last"}:
                    wrong.append(f"{path.name}:{node.lineno}: {node.args[1].value!r}")
            elif _is_marker(node) and id(node) not in used and _fields(node.args[1].value):
                wrong.append(f"{path.name}:{node.lineno}: {node.args[1].value!r} has fields")
    assert not wrong, "\n".join(wrong)


def test_text_is_the_english_template_filled_in():
    exc = SessionError(QT_TRANSLATE_NOOP("Engine", "{name} must be at least {lo:g}, got "
                                                   "{value!r}"), name="settings.lr", lo=1e-6,
                       value=-0.5)
    assert str(exc) == "settings.lr must be at least 1e-06, got -0.5"
    assert exc.message == Message("{name} must be at least {lo:g}, got {value!r}",
                                  {"name": "settings.lr", "lo": 1e-6, "value": -0.5})
    assert isinstance(exc, ValueError) and isinstance(exc, EngineError)


def test_a_nested_part_stays_a_message():
    inner = CsvImportError(QT_TRANSLATE_NOOP("Engine", "line {line}, {column}: empty cell"),
                           line=3, column=message("column {number}", number=2))
    outer = in_file(CsvImportError, "data.csv", inner)
    assert str(outer) == "data.csv: line 3, column 2: empty cell"
    assert outer.message.params["reason"] is inner.message
    assert inner.message.params["column"] == Message("column {number}", {"number": 2})


def test_a_foreign_error_is_kept_as_its_text():
    assert reason(OSError("disk full")) == "disk full"
    outer = in_file(SessionError, "a.json", KeyError("x"))
    assert str(outer) == "a.json: 'x'"


def test_a_plain_text_with_braces_is_kept_as_it_is():
    assert str(SessionError('version must be a whole number, got {"a": 1}')) == \
        'version must be a whole number, got {"a": 1}'


def test_errors_survive_pickling_with_braces_in_the_data():
    exc = EngineValueError(QT_TRANSLATE_NOOP("Engine", "unknown loss {name!r}: expected one of "
                                                       "{allowed}"), name="{x}", allowed="a, b")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is EngineValueError and str(back) == str(exc)
    assert back.message == exc.message


def test_real_errors_carry_their_parts():
    with pytest.raises(CsvImportError) as info:
        import_csv("a,b\n1,2\n3,\n")
    assert str(info.value) == "line 3, column 2 ('b'): empty label"
    assert info.value.message.params["line"] == 3
    with pytest.raises(SessionError) as info:
        read_number({"lr": -0.5}, "lr", "settings", positive=True)
    assert info.value.message.params == {"name": "settings.lr", "value": -0.5}
    with pytest.raises(ValueError) as info:
        Network([2, 1], output="linear", loss="cross_entropy")
    assert info.value.message.template.startswith("loss 'cross_entropy' needs")


def test_session_errors_nest_the_validation_message():
    text = ('{"format": "backprop-visualizer-session", "version": 1, "network": '
            '{"layer_sizes": [1, 1], "activation": "sigmoid", "output": "sigmoid", '
            '"loss": "cross_entropy", "thetas": [[[0, 1]]]}, "settings": {"lr": 0.5, '
            '"lam": 0, "freeze_bias": false, "optimizer": "gradient_descent"}, '
            '"data": {"kind": "inline", "X": [[0]], "Y": [[2]]}, '
            '"stepper": {"example": 0, "cursor": 0}}')
    with pytest.raises(SessionError) as info:
        loads(text)
    assert str(info.value).startswith("data: targets out of range")
    inner = info.value.message.params["reason"]
    assert inner.template.startswith("targets out of range") and inner.params["hi"] == 2.0
