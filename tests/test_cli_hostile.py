"""Hostile command lines: undecodable file names, empty or unknown output paths and bad numbers
end in one line and status 2 (or work), never a crash, a hang or a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


def run_main_bytes(*args: bytes) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([os.fsencode(sys.executable), os.fsencode(ROOT / "main.py"), *args],
                          capture_output=True, timeout=180, env=env, cwd=ROOT)


def _one_line(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("backprop-visualizer:")]
    assert len(lines) == 1, err
    return lines[0]


def test_a_session_and_screenshot_with_undecodable_names_work(tmp_path):
    folder = os.fsencode(tmp_path)
    session = folder + b"/les\xffson.json"
    shutil.copy(DATA / "ok" / "mazur_step7.json", session)
    shot = folder + b"/shot\xfe.png"
    proc = run_main_bytes(session, b"--screenshot", shot)
    assert proc.returncode == 0, proc.stderr
    assert os.path.getsize(shot) > 1000


def test_a_missing_file_with_an_undecodable_name_is_one_escaped_line(tmp_path):
    missing = os.fsencode(tmp_path) + b"/gone\xff.json"
    line = _one_line(run_main_bytes(missing, b"--screenshot", os.fsencode(tmp_path / "x.png")))
    assert "gone\\udcff.json: cannot read the file" in line


@pytest.mark.parametrize("option", [b"--screenshot", b"--export-gif", b"--export-worked-example"])
def test_an_empty_output_path_exits_2(option):
    line = _one_line(run_main_bytes(option, b""))
    assert "empty" in line


@pytest.mark.parametrize("args,fragment", [
    ((b"--train-epochs", b"-5"), b"--train-epochs"),
    ((b"--seed", b"-1"), b"--seed"),
    ((b"--step", b"1.5"), b"--step"),
    ((b"--step", b"\xd9\xa3"), b"--step"),           # an Arabic-Indic three
    ((b"--seed", b"1_000"), b"--seed"),
    ((b"--lang", b"p\xfft"), b"--lang"),
])
def test_a_bad_number_or_language_exits_2_naming_the_option(args, fragment):
    line = _one_line(run_main_bytes(*args, b"--screenshot", b"/nonexistent/x.png"))
    assert fragment.decode() in line


def test_an_unknown_screenshot_format_is_named(tmp_path):
    line = _one_line(run_main_bytes(b"--screenshot", os.fsencode(tmp_path / "out.bogus")))
    assert "unknown format '.bogus'" in line
    assert not (tmp_path / "out.bogus").exists()


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "urandom-link"])
def test_a_device_or_pipe_as_session_exits_2(tmp_path, target):
    if target == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
    elif target == "urandom-link":
        path = tmp_path / "random.json"
        path.symlink_to("/dev/urandom")
    else:
        path = target
    line = _one_line(run_main_bytes(os.fsencode(path), b"--screenshot",
                                    os.fsencode(tmp_path / "x.png")))
    assert "not a regular file" in line
