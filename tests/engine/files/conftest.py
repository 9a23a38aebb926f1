"""Every data set a CSV test imports is also saved in a session and reopened unchanged."""

from __future__ import annotations

import functools

import pytest

from tests.engine.files.roundtrip import assert_round_trip, session_for


def _round_tripping(real):
    @functools.wraps(real)
    def checked(*args, **kwargs):
        ds = real(*args, **kwargs)
        assert_round_trip(session_for(ds))
        checked.count += 1
        return ds

    checked.count = 0
    return checked


@pytest.fixture(autouse=True)
def imports_round_trip(request, monkeypatch):
    """Wrap the test module's ``import_csv``/``import_csv_file`` so each import round-trips."""
    for name in ("import_csv", "import_csv_file"):
        real = getattr(request.module, name, None)
        if real is not None:
            monkeypatch.setattr(request.module, name, _round_tripping(real))
