"""Tests of ui/canvas/neurons.py: how a column fills its neurons, checked on rendered pixels.

A tanh activation of −0.95 once looked as empty as 0 (the fill ran from the column's minimum);
these tests render a column to an image and compare what a learner would see.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from ui.canvas.neurons import NeuronColumnItem
from ui.look import palette
from ui.look.palette import FillScale

R = 20.0                                   # neuron radius of the rendered columns
TANH = FillScale(signed=True)              # written out here, not taken from palette.fill_scale
SIGMOID = FillScale()


@pytest.fixture(autouse=True)
def _app(qapp):
    """Painting text and fonts needs the QApplication."""
    return qapp


def _column(values, scale: FillScale | None, theme=palette.LIGHT) -> NeuronColumnItem:
    """Return a column of len(values) neurons 60 px apart showing ``values`` as a, no labels."""
    n = len(values)
    item = NeuronColumnItem(2, n, theme)
    item.set_geometry(np.array([[60.0, 50.0 + 60 * k] for k in range(n)]), R, None, R, False)
    item.labels_visible = False
    item.set_fill_scale(scale)
    item.set_values("a", np.array(values, float))
    return item


def _render(item: NeuronColumnItem) -> np.ndarray:
    """Paint ``item`` on its theme's background; return RGB pixels (h, w, 3) in scene units."""
    rect = item.boundingRect().toAlignedRect()
    image = QImage(rect.right() + 1, rect.bottom() + 1, QImage.Format.Format_RGB32)
    image.fill(QColor(item.theme.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    item.paint(painter, None)
    painter.end()
    bgra = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    return bgra[..., 2::-1].astype(float)


def _disc(pixels: np.ndarray, item: NeuronColumnItem, k: int) -> np.ndarray:
    """Return the pixels (N, 3) well inside neuron k (away from its antialiased outline)."""
    cx, cy = item.pos_[k]
    yy, xx = np.mgrid[:pixels.shape[0], :pixels.shape[1]]
    inside = (xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2 < (0.75 * R) ** 2
    return pixels[inside]


def _grey(rgb: np.ndarray) -> np.ndarray:
    """Return the luminance (Rec. 709 weights, 0..255) of RGB rows: what a greyscale print shows."""
    return rgb @ np.array([0.2126, 0.7152, 0.0722])


def test_tanh_minus_095_is_drawn_unlike_zero_and_unlike_plus_095():
    item = _column([-0.95, 0.0, 0.95], TANH)
    pixels = _render(item)
    neg, zero, pos = (_disc(pixels, item, k).mean(axis=0) for k in range(3))
    # Clearly different colours (distances on a 0..255 per channel scale).
    assert np.linalg.norm(neg - zero) > 60
    assert np.linalg.norm(pos - zero) > 60
    assert np.linalg.norm(neg - pos) > 60
    # 0 is neutral and light: a grey, not a tint of either sign.
    assert zero.min() > 220 and np.ptp(zero) < 12
    # The sign hues of the whole app: orange (red > blue) below 0, blue above.
    assert neg[0] > neg[2] + 60 and pos[2] > pos[0] + 60


def test_tanh_fill_ends_are_the_sign_colours_at_plus_minus_one():
    item = _column([-1.0, 0.0, 1.0], TANH)
    assert item.fill(0) == QColor(palette.NEGATIVE_HEX)     # Okabe–Ito orange
    assert item.fill(1) == QColor(palette.NEUTRAL_HEX)
    assert item.fill(2) == QColor(palette.POSITIVE_HEX)     # Okabe–Ito blue


def test_tanh_scale_is_fixed_not_stretched_to_the_column():
    # Per-column min/max would paint the column's smallest value as empty and its largest as
    # full; tanh's range is ±1 whatever the column holds.
    small = _column([-0.1, 0.1], TANH)
    wide = _column([-0.1, 0.9], TANH)
    assert small.fill(0) == wide.fill(0)
    assert palette.relative_luminance(small.fill(1)) > 0.7    # 0.1 stays pale


@pytest.mark.parametrize("value", [-0.95, -0.3, -0.05])
def test_the_sign_of_a_reads_without_colour(value):
    # In greyscale a negative neuron is hatched (light and dark stripes); a positive one of the
    # same size is one flat grey.
    item = _column([value, -value], TANH)
    pixels = _render(item)
    neg, pos = (_grey(_disc(pixels, item, k)) for k in range(2))
    assert neg.std() > 8 and np.ptp(neg) > 30
    assert pos.std() < 1.0
    assert item.fill_hatched(0) and not item.fill_hatched(1)


def test_zero_is_not_hatched():
    item = _column([0.0, -0.0], TANH)
    pixels = _render(item)
    assert all(_grey(_disc(pixels, item, k)).std() < 1.0 for k in range(2))


def test_sigmoid_fills_are_unchanged_sequential_and_never_hatched():
    a = [0.0, 0.25, 0.5, 0.75, 1.0]
    item = _column(a, SIGMOID)
    pixels = _render(item)
    for k, value in enumerate(a):
        expected = palette.sequential_color(value)           # 0 empty … 1 full, as before
        assert item.fill(k) == expected
        assert not item.fill_hatched(k)
        seen = _disc(pixels, item, k)
        np.testing.assert_allclose(seen.mean(axis=0),
                                   [expected.red(), expected.green(), expected.blue()], atol=1)
        assert _grey(seen).std() < 1.0
    assert palette.relative_luminance(item.fill(0)) > 0.9     # a = 0 looks empty


def test_linear_column_is_drawn_to_its_largest_abs_a_beyond_one():
    linear = FillScale(signed=True, grows=True)
    item = _column([-3.0, 1.5], linear)
    assert item.fill(0) == QColor(palette.NEGATIVE_HEX)       # the largest |a| is full colour
    assert item.fill(1) == palette.diverging_color(0.5)       # 1.5 of 3
    small = _column([0.2, -0.1], linear)
    assert small.fill(0) == palette.diverging_color(0.2)      # within ±1: not stretched


def test_relu_column_stays_sequential_and_grows_beyond_one():
    relu = FillScale(grows=True)
    item = _column([0.0, 2.0, 4.0], relu)
    assert item.fill(2) == palette.sequential_color(1.0)
    assert item.fill(1) == palette.sequential_color(0.5)
    assert not any(item.fill_hatched(k) for k in range(3))


def test_without_a_scale_a_column_with_negative_values_is_drawn_signed():
    # A view not told the activations (tests, other callers) still never paints −0.95 empty.
    item = _column([-0.95, 0.0, 0.95], None)
    assert item.fill_hatched(0)
    assert palette.relative_luminance(item.fill(0)) < 0.6
    assert _column([0.2, 0.8], None).fill(0) == palette.sequential_color(0.2)


def test_dark_theme_keeps_the_three_fills_apart():
    item = _column([-0.95, 0.0, 0.95], TANH, palette.DARK)
    pixels = _render(item)
    neg, zero, pos = (_disc(pixels, item, k) for k in range(3))
    bg = np.array([QColor(palette.DARK.background).red(), QColor(palette.DARK.background).green(),
                   QColor(palette.DARK.background).blue()], float)
    # Every fill stands out from the dark background, and the negative one is still hatched.
    for disc in (neg, zero, pos):
        assert np.linalg.norm(disc.mean(axis=0) - bg) > 60
    assert _grey(neg).std() > 8 and _grey(pos).std() < 1.0


def test_presenter_scale_still_hatches_a_small_neuron_with_several_lines():
    item = NeuronColumnItem(2, 2, palette.LIGHT)
    item.set_look(palette.LIGHT, 1.5)
    item.set_geometry(np.array([[40.0, 40.0], [40.0, 80.0]]), 7.0, None, 7.0, True)
    item.set_fill_scale(TANH)
    item.set_values("a", np.array([-0.9, 0.9]))
    pixels = _render(item)
    row = _grey(pixels[40, 34:47])              # across the negative neuron's centre
    dark = row < row.max() - 25
    runs = np.count_nonzero(np.diff(dark.astype(int)) == 1) + int(dark[0])
    assert runs >= 2                            # two or more stripes, not a lone "/"


def test_dense_negative_neurons_carry_a_minus_bar():
    n = 100
    item = NeuronColumnItem(2, n, palette.LIGHT)
    pos = np.array([[30.0, 10.0 + 12 * k] for k in range(n)])
    item.set_geometry(pos, 4.0, None, 4.0, True)
    assert item.dense
    a = np.where(np.arange(n) % 2 == 0, -0.9, 0.9)
    item.set_fill_scale(TANH)
    item.set_values("a", a)
    pixels = _render(item)
    for k in (0, 1):
        x, y = (int(v) for v in pos[k])
        fill = item.fill(k)
        corner = pixels[y - 3, x - 3]
        centre = pixels[y, x]
        np.testing.assert_allclose(corner, [fill.red(), fill.green(), fill.blue()], atol=8)
        if a[k] < 0:
            assert abs(_grey(centre[None])[0] - _grey(corner[None])[0]) > 30   # the "−" bar
        else:
            np.testing.assert_allclose(centre, corner, atol=8)


def test_a_written_number_keeps_the_hatching_above_and_below_it():
    item = _column([-0.5, 0.5], TANH)
    item.labels_visible = True
    pixels = _render(item)
    assert item.values_drawn == [0, 1]                 # "−0.5" and "0.5" are written inside
    for k, striped in ((0, True), (1, False)):
        cx, cy = (int(v) for v in item.pos_[k])
        cap = _grey(pixels[cy - 15:cy - 9, cx - 6:cx + 6].reshape(-1, 3))   # above the digits
        assert bool(cap.std() > 8) is striped
