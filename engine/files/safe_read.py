"""Reading and writing user files safely.

Reading: only regular files (a device, a pipe or ``/proc`` file reports size 0 and never ends, a
FIFO blocks forever), checked after following links and again on the open descriptor, read with a
hard byte cap that does not trust ``st_size``; errors name the file.

Writing: ``write_atomic`` writes a temporary file beside the target, fsyncs it and renames it over
the target, so a failure never leaves a half-written file. It writes through a symbolic link to
its target, refuses a read-only file and anything that is not a regular file, and removes stale
temporaries of its own naming (``.NAME.*.tmp``, left by a killed save) older than a minute.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from engine.messages import QT_TRANSLATE_NOOP, EngineError, show_name

_CHUNK = 1 << 20
STALE_TEMP_SECONDS = 60      # an own temporary older than this belongs to a save that died


class FileWriteError(EngineError, OSError):
    """A file that cannot be written; the message names the file and the reason."""


def read_bytes_limited(path: str | os.PathLike, max_bytes: int,
                       error: type[EngineError]) -> bytes:
    """Return the bytes of the regular file ``path``; raise ``error`` naming the file if it is
    not a regular file, larger than ``max_bytes`` or cannot be read."""
    p = Path(path)
    try:
        # Follows links: a link to /dev/zero is refused like /dev/zero. Refused before opening,
        # since opening a FIFO for reading waits for a writer.
        if not stat.S_ISREG(os.stat(p).st_mode):
            raise error(QT_TRANSLATE_NOOP(
                "Engine", "{file}: not a regular file (a folder, device or pipe); only files can "
                          "be opened"), file=show_name(p.name))
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):      # swapped between the stat and the open
                raise error(QT_TRANSLATE_NOOP(
                    "Engine", "{file}: not a regular file (a folder, device or pipe); only files "
                              "can be opened"), file=show_name(p.name))
            # st_size first (a quick no for a big file), then the count of bytes read, since
            # st_size is 0 for /proc files and may change while the file is read.
            total = info.st_size
            chunks = []
            if total <= max_bytes:
                total = 0
                while chunk := os.read(fd, min(_CHUNK, max_bytes + 1 - total)):
                    chunks.append(chunk)
                    total += len(chunk)
                    if total > max_bytes:
                        break
            if total > max_bytes:
                raise error(QT_TRANSLATE_NOOP(
                    "Engine", "{file}: the file is {size} MB; the limit is {limit} MB"),
                    file=show_name(p.name), size=total // 2**20, limit=max_bytes // 2**20)
            return b"".join(chunks)
        finally:
            os.close(fd)
    except OSError as exc:
        # The system's own explanation ("No such file or directory") stays as it comes.
        raise error(QT_TRANSLATE_NOOP("Engine", "{file}: cannot read the file ({reason})"),
                    file=show_name(p.name), reason=exc.strerror or str(exc)) from None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove ``.NAME.*.tmp`` files in ``folder`` older than a minute: what a killed save left."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(f".{name}.") and entry.name.endswith(".tmp") and \
                    entry.is_file(follow_symlinks=False) and \
                    now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def write_target(path: str | os.PathLike) -> tuple[Path, int]:
    """Return the file a write to ``path`` replaces (a link's target) and the permission bits it
    should get; raise FileWriteError if it is read-only or not a regular file."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target, _default_mode()
    except OSError as exc:
        raise FileWriteError(QT_TRANSLATE_NOOP("Engine", "{file}: cannot write the file "
                                                         "({reason})"),
                             file=show_name(Path(path).name),
                             reason=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileWriteError(QT_TRANSLATE_NOOP(
            "Engine", "{file}: not a regular file (a folder, device or pipe); it is not replaced"),
            file=show_name(Path(path).name))
    # The mode bits, not os.access: as root, access() says yes to a file marked read-only.
    if not info.st_mode & 0o222:
        raise FileWriteError(QT_TRANSLATE_NOOP(
            "Engine", "{file}: the file is read-only; save under another name or make it "
                      "writable"), file=show_name(Path(path).name))
    return target, stat.S_IMODE(info.st_mode)


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename); on any failure the
    old file is untouched. Raise FileWriteError (an OSError) naming the file."""
    target, mode = write_target(path)
    folder = target.parent
    _remove_stale_temporaries(folder, target.name)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)   # mkstemp's private 0600 would make shared lesson files unreadable
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, FileWriteError):
            raise
        raise FileWriteError(QT_TRANSLATE_NOOP("Engine", "{file}: cannot write the file "
                                                         "({reason})"),
                             file=show_name(Path(path).name),
                             reason=exc.strerror or str(exc)) from None
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
