"""Fixtures of the engine's tests."""

from __future__ import annotations

import pytest

from engine import blas


@pytest.fixture
def restore_router():
    """Put back the module's router and numpy's OpenBLAS thread count after the test."""
    threads = blas.numpy_openblas_threads()
    before = threads.get() if threads else None
    old = blas.router
    yield
    blas.router = old
    if threads:
        threads.set(before)
