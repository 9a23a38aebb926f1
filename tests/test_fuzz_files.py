"""A seeded fuzz of the files the app reads: the valid files of tests/data/ok/, mutated field by
field and byte by byte. Each mutant is either refused with one clean line or opened cleanly (and
then saves again); through the File menu a refused file leaves the open session exactly as it
was; a sample goes through the command line (`main.py FILE --screenshot`): status 2 with one
clean line, or 0.

Bounded: a fixed number of mutants from a fixed seed (about 20 s on a loaded 2-core machine).
"""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from engine.files.csv_import import CsvImportError, import_csv_file
from engine.files.session_format import SessionError, dumps, loads
from engine.messages import MAX_MESSAGE_CHARS
from main import build_main_window
from tests.conftest import ROOT
from ui.files import session_io

OK = ROOT / "tests" / "data" / "ok"
SEED = 20261207
FIELD_MUTANTS = 240
BYTE_MUTANTS = 100
CSV_MUTANTS = 60
CLI_SAMPLE = 3

HOSTILE_VALUES: list[Any] = [
    None, True, False, 0, -1, 1, 2**31, 2**53 + 1, 2**64, 10**400, -(10**30), 0.5, -0.0, 1e308,
    1e-320, "", "0.5", "sigmoid", "\udc80", "a\nbackprop-visualizer: forged\x1b[2J",
    "<b>x</b><img src=file:///etc/passwd>", "x" * 5000, [], [[]], [[1.0]], [None], {}, {"a": 1},
]


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Return the path of every node of a parsed JSON document."""
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:4]):       # a few entries of each list are enough
            out += _paths(v, (*prefix, i))
    return out


def _set(doc: Any, path: tuple, value: Any, delete: bool = False) -> Any:
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    if delete and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


def _encode(doc: Any) -> bytes:
    # ensure_ascii: a lone surrogate is written as the \udc80 escape, as a hostile file would.
    return json.dumps(doc, ensure_ascii=True).replace("Infinity", "1e999").encode("utf-8")


def field_mutants(rng: random.Random) -> list[bytes]:
    """Return mutants of the ok sessions with one field replaced, deleted or given twice."""
    out = []
    docs = [json.loads(p.read_bytes().decode("utf-8-sig")) for p in sorted(OK.glob("*.json"))]
    for _ in range(FIELD_MUTANTS):
        doc = rng.choice(docs)
        # A section first, then a node in it: the weights' many numbers must not crowd out the
        # small sections (stepper, settings, history).
        section = rng.choice(list(doc))
        path = rng.choice([p for p in _paths(doc) if p[0] == section])
        roll = rng.random()
        if roll < 0.1:
            out.append(_encode(_set(doc, path, None, delete=True)))
        elif roll < 0.15 and isinstance(path[-1], str):
            text = _encode(doc).decode()
            key = json.dumps(path[-1])
            out.append(text.replace(key + ":", f"{key}: 1, {key}:", 1).encode())
        else:
            out.append(_encode(_set(doc, path, rng.choice(HOSTILE_VALUES))))
    return out


def byte_mutants(rng: random.Random, sources: list[bytes], count: int) -> list[bytes]:
    """Return ``count`` mutants of ``sources``: bytes flipped, inserted, deleted, or cut off."""
    out = []
    for _ in range(count):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(data) or 1)
            roll = rng.random()
            if roll < 0.4 and data:
                data[i] = rng.randrange(256)
            elif roll < 0.6:
                data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
            elif roll < 0.8:
                del data[i:i + rng.randint(1, 16)]
            else:
                del data[i:]
        out.append(bytes(data))
    return out


def assert_clean_line(text: str) -> None:
    assert "\n" not in text and "\r" not in text and "\x1b" not in text, repr(text)
    assert len(text) <= MAX_MESSAGE_CHARS, len(text)
    assert text.isprintable(), repr(text)


@pytest.fixture(scope="module")
def mutants() -> dict[str, list[bytes]]:
    rng = random.Random(SEED)
    sessions = [p.read_bytes() for p in sorted(OK.glob("*.json"))]
    csvs = [p.read_bytes() for p in sorted(OK.glob("*.csv"))]
    return {"json": field_mutants(rng) + byte_mutants(rng, sessions, BYTE_MUTANTS),
            "csv": byte_mutants(rng, csvs, CSV_MUTANTS)}


@pytest.fixture(scope="module")
def fuzz_window(qapp, tmp_path_factory):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("fuzz-settings")))
    win = build_main_window(["--lang", "en"])
    c = win.session
    c.errors = []
    c.show_error = lambda title, message: c.errors.append(message)
    c.run_import_dialog = lambda dialog: dialog.dataset is not None    # OK when it imports
    c.autosave.discard()
    win.stepper.set_cursor(3)
    yield win
    win.close()
    win.deleteLater()


def whole_state(win) -> tuple:
    return (dumps(session_io.capture(win.state, win.session.parts)), win.session.path,
            win.state.modified, win.windowTitle())


def test_mutated_sessions_are_refused_cleanly_or_open_and_save_again(mutants):
    refused = opened = 0
    for data in mutants["json"]:
        try:
            session = loads(data)
        except SessionError as exc:
            assert_clean_line(str(exc))
            refused += 1
            continue
        assert loads(dumps(session).encode("utf-8")) is not None      # it saves and reopens
        opened += 1
    # The mutator reaches both outcomes (else it tests nothing).
    assert refused > 100 and opened > 10, (refused, opened)


def test_mutated_sessions_through_the_menu_leave_a_refused_open_without_trace(
        mutants, fuzz_window, tmp_path):
    win = fuzz_window
    path = tmp_path / "mutant.json"
    for i, data in enumerate(mutants["json"]):
        path.write_bytes(data)
        win.session.errors.clear()
        before = whole_state(win)
        if win.session.open_path(path, ask=False):
            assert win.session.path == path
            dumps(session_io.capture(win.state, win.session.parts))     # and it can be saved
            win.session.path = None         # the next refusals compare against this session
            continue
        after = whole_state(win)
        assert after == before, f"mutant {i} changed the session"
        [shown] = win.session.errors
        assert_clean_line(shown)


def test_mutated_csv_files_through_the_menu_import_or_change_nothing(mutants, fuzz_window,
                                                                     tmp_path):
    win = fuzz_window
    path = tmp_path / "mutant.csv"
    for i, data in enumerate(mutants["csv"]):
        path.write_bytes(data)
        try:
            import_csv_file(path)
        except CsvImportError as exc:
            assert_clean_line(str(exc))
        win.session.errors.clear()
        before = whole_state(win)
        if not win.session.import_path(path):
            assert whole_state(win) == before, f"csv mutant {i} changed the session"
            for shown in win.session.errors:
                assert_clean_line(shown)


def test_a_sample_of_mutants_on_the_command_line_exit_0_or_2_with_one_line(mutants, tmp_path):
    rng = random.Random(SEED + 1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for i, data in enumerate(rng.sample(mutants["json"], CLI_SAMPLE)):
        path = tmp_path / f"m{i}.json"
        path.write_bytes(data)
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), str(path), "--screenshot",
                               str(tmp_path / f"m{i}.png")], capture_output=True, timeout=120,
                              env=env, cwd=ROOT)
        err = proc.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, err
        assert proc.returncode in (0, 2), err
        if proc.returncode == 2:
            [line] = [ln for ln in err.splitlines() if ln.startswith("backprop-visualizer:")]
            assert_clean_line(line)
