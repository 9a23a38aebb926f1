"""Hostile paths: devices, pipes and links to them are refused before reading, reads are capped
whatever the size the system reports, and writes go through links and respect read-only files."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from engine.files.csv_import import CsvImportError, import_csv_file
from engine.files.safe_read import (
    STALE_TEMP_SECONDS,
    FileWriteError,
    read_bytes_limited,
    write_atomic,
)
from engine.files.session_format import SessionError, load_session

READERS = [(load_session, SessionError), (import_csv_file, CsvImportError)]


def _finishes(call, seconds: float = 20.0):
    """Return what ``call()`` raised, failing (not hanging) if it blocks for ``seconds``."""
    outcome: list = []

    def run():
        try:
            call()
            outcome.append(None)
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, "the read blocked"
    return outcome[0]


@pytest.mark.parametrize("read,error", READERS)
def test_a_fifo_is_refused_without_blocking(tmp_path, read, error):
    fifo = tmp_path / "lesson.json"
    os.mkfifo(fifo)
    exc = _finishes(lambda: read(fifo))
    assert isinstance(exc, error)
    assert "lesson.json: not a regular file" in str(exc)


@pytest.mark.parametrize("read,error", READERS)
def test_dev_zero_is_refused(read, error):
    exc = _finishes(lambda: read("/dev/zero"))
    assert isinstance(exc, error) and "zero: not a regular file" in str(exc)


@pytest.mark.parametrize("read,error", READERS)
def test_a_link_to_a_device_is_refused(tmp_path, read, error):
    link = tmp_path / "data.csv"
    link.symlink_to("/dev/urandom")
    exc = _finishes(lambda: read(link))
    assert isinstance(exc, error) and "data.csv: not a regular file" in str(exc)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(SessionError, match="not a regular file"):
        load_session(tmp_path)


def test_proc_files_are_read_only_up_to_the_cap():
    # /proc files are "regular" but report size 0: the byte cap, not st_size, stops the read.
    path = Path("/proc/self/status")
    if not path.exists():
        pytest.skip("no /proc")
    with pytest.raises(SessionError, match="the limit is"):
        read_bytes_limited(path, 16, SessionError)


def test_the_cap_holds_when_the_reported_size_lies(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def lying_fstat(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 0, *st[7:]))   # st_size 0, like /proc

    monkeypatch.setattr(os, "fstat", lying_fstat)
    with pytest.raises(SessionError, match="big.json"):
        read_bytes_limited(path, 4096, SessionError)


def test_write_goes_through_a_link_to_its_target(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_read_only_file_is_refused(tmp_path):
    path = tmp_path / "locked.json"
    path.write_text("keep")
    path.chmod(0o444)
    with pytest.raises(FileWriteError, match="locked.json: the file is read-only"):
        write_atomic(path, b"new")
    assert path.read_text() == "keep"


def test_a_fifo_is_never_replaced(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(FileWriteError, match="not a regular file"):
        write_atomic(fifo, b"new")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_stale_temporaries_of_our_naming_are_removed_on_the_next_save(tmp_path):
    stale = tmp_path / ".lesson.json.abc123.tmp"
    fresh = tmp_path / ".lesson.json.def456.tmp"      # maybe another save, still running
    other = tmp_path / ".other.json.abc123.tmp"
    for p in (stale, fresh, other):
        p.write_text("partial")
    old = time.time() - STALE_TEMP_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomic(tmp_path / "lesson.json", b"{}")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert (tmp_path / "lesson.json").read_bytes() == b"{}"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "lesson.json"
    path.write_text("old")

    def fail(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(FileWriteError, match="No space left on device"):
        write_atomic(path, b"new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.json"]
