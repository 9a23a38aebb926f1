"""The math panel's numbers: the pt-BR worked-example document writes them as the screen does;
a big matrix colours only the cells it draws, on the whole table's scale."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from engine.documents.trace_text import BRAZILIAN
from ui.maths.tables import MAX_COLS, MAX_ROWS, matrix, num


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


def test_a_big_matrix_colours_the_cells_it_draws_on_the_whole_tables_scale(qapp):
    M = np.arange(32 * 65, dtype=float).reshape(32, 65) - 1000.0
    asked: list[tuple[tuple[int, ...], float]] = []

    def colour(values: np.ndarray, vmax: float) -> np.ndarray:
        asked.append((values.shape, vmax))
        # A plain stand-in: the colour names the value, so each cell shows whose colour it got.
        return np.vectorize(lambda x: f"#{int(x) + 1000:06d}")(values)

    html = matrix(M, digits=4, colour=colour)
    assert asked == [((MAX_ROWS - 1, MAX_COLS - 1), float(np.abs(M).max()))]
    for i in range(MAX_ROWS - 1):
        for j in range(MAX_COLS - 1):
            assert f'bgcolor="#{int(M[i, j]) + 1000:06d}"' in html
