"""Reading user files safely: a size limit first, and errors that name the file."""

from __future__ import annotations

import os
from pathlib import Path


def read_bytes_limited(path: str | os.PathLike, max_bytes: int,
                       error: type[ValueError]) -> bytes:
    """Return the bytes of ``path``; raise ``error`` naming the file if it is larger than
    ``max_bytes`` or cannot be read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise error(f"{p.name}: the file is {size // 2**20} MB; the limit is "
                        f"{max_bytes // 2**20} MB")
        return p.read_bytes()
    except OSError as exc:
        raise error(f"{p.name}: cannot read the file ({exc.strerror or exc})") from None
