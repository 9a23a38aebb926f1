"""The math panel's numbers: the pt-BR worked-example document writes them as the screen does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from engine.documents.trace_text import BRAZILIAN
from ui.maths.tables import num


@pytest.fixture
def brazilian_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    yield
    QLocale.setDefault(old)


@pytest.mark.parametrize("x", [0.5, -0.298371109, 0.0821670406, 3.0, -45.308625, 1.5e-8,
                               -2.5e-7, 3e12, 123.456789])
def test_document_numbers_read_as_the_pt_br_screen_shows_them(brazilian_locale, x):
    # The document never groups thousands (the screen writes 1.234,5); below 1000 they agree.
    assert BRAZILIAN.number(x).replace("-", "−") == num(x)
