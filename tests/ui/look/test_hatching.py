"""Tests of ui/look/hatching.py: stripe geometry, checked point by point along each stripe."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from ui.look.hatching import disc_stripes, negative_mark, stripe_gap

C = QPointF(100.0, 50.0)


def _points(line, n: int = 25) -> np.ndarray:
    p1, p2 = np.array([line.x1(), line.y1()]), np.array([line.x2(), line.y2()])
    return p1 + np.linspace(0, 1, n)[:, None] * (p2 - p1)


@pytest.mark.parametrize("band", [0.0, 5.0])
def test_stripes_stay_inside_the_disc_and_out_of_the_band(band):
    lines = disc_stripes(C, 20.0, 6.0, band)
    assert lines
    for line in lines:
        pts = _points(line) - [C.x(), C.y()]
        assert (np.hypot(pts[:, 0], pts[:, 1]) <= 20.0 + 1e-9).all()
        assert (np.abs(pts[:, 1]) >= band - 1e-9).all()


def test_stripes_run_up_to_the_right_and_are_evenly_spaced():
    lines = disc_stripes(C, 20.0, 6.0)
    offsets = []
    for line in lines:
        dx, dy = line.x2() - line.x1(), line.y2() - line.y1()
        assert dx > 0 and dy == pytest.approx(-dx)             # "/" on screen (y grows down)
        offsets.append((line.x1() - C.x() + line.y1() - C.y()) / np.sqrt(2))
    np.testing.assert_allclose(np.diff(sorted(offsets)), 6.0)


def test_a_band_splits_the_middle_stripe_in_two():
    assert len(disc_stripes(C, 20.0, 6.0, band=4.0)) > len(disc_stripes(C, 20.0, 6.0))


@pytest.mark.parametrize("r", [4.0, 5.0, 8.0, 30.0])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_neuron_gets_three_stripes_or_more(r, scale):
    width = max(1.0, 1.1 * scale)
    assert len(disc_stripes(C, r, stripe_gap(r, width, scale))) >= 3
    assert len(negative_mark(C, r, width, scale)) >= 3


@pytest.mark.parametrize("r", [1.0, 2.0, 3.0])
def test_a_disc_too_small_for_three_stripes_gets_a_minus_bar(r):
    (bar,) = negative_mark(C, r, 1.65, 1.5)
    assert bar.y1() == bar.y2() == C.y()                         # horizontal, through the centre
    assert bar.x1() < C.x() < bar.x2() and bar.length() <= 2 * r
