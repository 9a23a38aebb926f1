"""ui.training.isoline: the level curve of a grid, checked against pyqtgraph's own cell-by-cell
isocurve (an independent implementation) and against saddles worked out by hand."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from ui.training.isoline import IsolineItem, isoline_segments


def _segments(pairs) -> set:
    out = set()
    for a, b in pairs:
        a, b = tuple(np.round(a, 9)), tuple(np.round(b, 9))
        out.add((min(a, b), max(a, b)))
    return out


def _saddle_cells(values: np.ndarray, level: float) -> np.ndarray:
    """Return a mask over the padded grid's cells whose opposite corners agree (saddles)."""
    up = np.pad(values, 1, mode="edge") >= level
    tl, tr, br, bl = up[:-1, :-1], up[:-1, 1:], up[1:, 1:], up[1:, :-1]
    return (tl == br) & (tr == bl) & (tl != tr)


def _cell_of(segment) -> tuple[int, int]:
    (x0, y0), (x1, y1) = segment
    return int(np.floor((y0 + y1) / 2 + 0.5)), int(np.floor((x0 + x1) / 2 + 0.5))


@pytest.mark.parametrize("seed", range(12))
def test_segments_match_pyqtgraphs_isocurve_outside_saddles(seed):
    rng = np.random.default_rng(seed)
    ny, nx = (int(n) for n in rng.integers(2, 40, 2))
    y, x = np.mgrid[0:ny, 0:nx]
    values = (np.sin(x / rng.uniform(2, 9)) + np.cos(y / rng.uniform(2, 9))
              + 0.3 * rng.standard_normal((ny, nx)))
    ours = _segments(isoline_segments(values, 0.5))
    # pyqtgraph takes x along the first axis; row-major data is transposed, as IsocurveItem does.
    theirs = _segments(pg.isocurve(values.T, 0.5, connected=False, extendToEdge=True))
    assert len(ours) == len(theirs) > 0
    saddles = _saddle_cells(values, 0.5)
    for seg in ours ^ theirs:     # only a saddle may be split the other way
        r, c = _cell_of(seg)
        assert saddles[min(r, saddles.shape[0] - 1), min(c, saddles.shape[1] - 1)], seg


def test_a_saddle_joins_the_corners_on_the_side_of_its_centre():
    # Values at pixel centres: (0.5, 0.5) and (1.5, 1.5) high, the other two low.
    high_centre = _segments(isoline_segments(np.array([[1.0, 0.0], [0.0, 1.0]]), 0.5))
    # The centre (mean 0.5) counts as above: the high corners join, the low ones are cut off.
    assert ((1.0, 0.5), (1.5, 1.0)) in high_centre      # around the top-right low corner
    assert ((0.5, 1.0), (1.0, 1.5)) in high_centre      # around the bottom-left low corner
    low_centre = _segments(isoline_segments(np.array([[0.9, 0.0], [0.0, 0.9]]), 0.5))
    # Mean 0.45 is below: the high corners are cut off. t = (0.5 − 0.9) / (0 − 0.9) = 4/9.
    t = 4.0 / 9.0
    cut_top_left = ((0.5, round(0.5 + t, 9)), (round(0.5 + t, 9), 0.5))
    assert cut_top_left in low_centre


def test_the_curve_reaches_the_grid_edges_and_no_further():
    values = np.tile(np.linspace(0.0, 1.0, 11), (7, 1))       # rises along x: one vertical line
    seg = isoline_segments(values, 0.55)
    np.testing.assert_allclose(seg[..., 0], 6.0)     # 0.55 at column 5.5, drawn at 5.5 + 0.5
    assert seg[..., 1].min() == 0.0 and seg[..., 1].max() == 7.0


def test_flat_grids_and_non_finite_values_draw_what_they_can():
    assert isoline_segments(np.zeros((5, 5)), 0.5).shape == (0, 2, 2)
    values = np.tile(np.linspace(0.0, 1.0, 6), (4, 1))
    values[1, 2] = np.nan               # counted as below the level
    assert np.isfinite(isoline_segments(values, 0.5)).all()
    with pytest.raises(ValueError, match="2-D"):
        isoline_segments(np.zeros(4), 0.5)


def test_the_item_draws_the_segments_and_forgets_them(qtbot):
    item = IsolineItem(level=0.5)
    values = np.tile(np.linspace(0.0, 1.0, 11), (7, 1))
    item.setData(values)
    rect = item.path().boundingRect()
    assert rect.left() == pytest.approx(5.5) and rect.height() == pytest.approx(7.0)
    item.setData(values, level=0.05)
    assert item.path().boundingRect().left() == pytest.approx(1.0)
    assert item.shape().isEmpty()           # drawn, but never in the way of a click or hover
    item.setData(None)
    assert item.path().isEmpty()
