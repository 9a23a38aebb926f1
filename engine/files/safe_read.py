"""Reading user files safely: a size limit first, and errors that name the file."""

from __future__ import annotations

import os
from pathlib import Path

from engine.messages import QT_TRANSLATE_NOOP, EngineError


def read_bytes_limited(path: str | os.PathLike, max_bytes: int,
                       error: type[EngineError]) -> bytes:
    """Return the bytes of ``path``; raise ``error`` naming the file if it is larger than
    ``max_bytes`` or cannot be read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise error(QT_TRANSLATE_NOOP("Engine", "{file}: the file is {size} MB; the limit is "
                                                    "{limit} MB"),
                        file=p.name, size=size // 2**20, limit=max_bytes // 2**20)
        return p.read_bytes()
    except OSError as exc:
        # The system's own explanation ("No such file or directory") stays as it comes.
        raise error(QT_TRANSLATE_NOOP("Engine", "{file}: cannot read the file ({reason})"),
                    file=p.name, reason=exc.strerror or str(exc)) from None
