"""ui/look/palette.py: sign colours survive colour-vision deficiencies, maps are monotone."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.colour_vision import MACHADO
from ui.look import palette

CVD = MACHADO


def _linear(c: QColor) -> np.ndarray:
    v = np.array([c.redF(), c.greenF(), c.blueF()])
    return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)


def _srgb(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(lin, 0, 1)
    return np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


@pytest.mark.parametrize("kind", sorted(CVD))
@pytest.mark.parametrize("theme", [palette.LIGHT, palette.DARK], ids=lambda t: t.name)
def test_sign_colours_stay_distinct_under_colour_vision_deficiency(kind, theme):
    pos, neg = QColor(theme.positive), QColor(theme.negative)
    seen_pos = _srgb(CVD[kind] @ _linear(pos))
    seen_neg = _srgb(CVD[kind] @ _linear(neg))
    assert np.linalg.norm(seen_pos - seen_neg) > 0.35   # on a 0..1 per channel scale


def test_sign_colours_differ_in_lightness_so_greyscale_keeps_them_apart():
    lum = sorted(palette.relative_luminance(QColor(h))
                 for h in (palette.LIGHT.positive, palette.LIGHT.negative))
    assert (lum[1] + 0.05) / (lum[0] + 0.05) > 2.0     # WCAG contrast ratio


def test_sign_pens_use_different_line_styles():
    assert palette.sign_pen(0.5, 2.0).style() == Qt.PenStyle.SolidLine
    assert palette.sign_pen(-0.5, 2.0).style() == Qt.PenStyle.DashLine


def test_sign_pens_use_the_theme_sign_colours():
    assert palette.sign_pen(1.0, 1.0).color() == QColor(palette.LIGHT.positive)
    assert palette.sign_pen(-1.0, 1.0, palette.DARK).color() == QColor(palette.DARK.negative)


def test_diverging_map_ends_at_the_sign_colours_and_is_neutral_at_zero():
    rgba = palette.diverging_rgba(np.array([-2.0, -1.0, 0.0, 1.0, 3.0]), scale=1.0)
    assert QColor(*rgba[1][:3]) == QColor(palette.NEGATIVE_HEX)
    assert QColor(*rgba[3][:3]) == QColor(palette.POSITIVE_HEX)
    assert QColor(*rgba[2][:3]) == QColor(palette.NEUTRAL_HEX)
    assert (rgba[0] == rgba[1]).all() and (rgba[4] == rgba[3]).all()   # clipped beyond scale


def test_diverging_map_darkens_as_magnitude_grows():
    for sign in (1.0, -1.0):
        colours = [palette.diverging_color(sign * t) for t in np.linspace(0, 1, 6)]
        lum = [palette.relative_luminance(c) for c in colours]
        assert all(a > b for a, b in zip(lum, lum[1:], strict=False))


def test_sequential_map_darkens_monotonically_from_zero_to_one():
    rgba = palette.sequential_rgba(np.linspace(0, 1, 21))
    lum = [palette.relative_luminance(QColor(*c[:3])) for c in rgba]
    assert all(a > b for a, b in zip(lum, lum[1:], strict=False))
    assert lum[0] > 0.9 and lum[-1] < 0.05


def test_text_colour_contrasts_with_its_background():
    assert palette.text_color_on(QColor("#FFFFFF")) == QColor("#000000")
    assert palette.text_color_on(palette.sequential_color(1.0)) == QColor("#FFFFFF")


def test_activation_and_sign_colours_are_different_hues():
    # Fill (activation) must not be mistaken for a weight sign: compare hues.
    fill = palette.sequential_color(0.8).hslHue()
    for hex_code in (palette.POSITIVE_HEX, palette.NEGATIVE_HEX):
        diff = abs(fill - QColor(hex_code).hslHue()) % 360
        assert min(diff, 360 - diff) > 40


@pytest.mark.parametrize(("activation", "signed", "grows"), [
    ("sigmoid", False, False), ("softmax", False, False),   # 0..1: the purple ramp, fixed
    ("tanh", True, False),                                   # −1..1: diverging, fixed
    ("relu", False, True),                                   # 0..∞: ramp, to the column's max
    ("linear", True, True),                                  # −∞..∞: diverging, column's max
])
def test_each_activation_gets_a_fill_scale_matching_its_range(activation, signed, grows):
    scale = palette.fill_scale(activation)
    assert (scale.signed, scale.full, scale.grows) == (signed, 1.0, grows)


def test_unknown_activation_fill_scale_names_it():
    with pytest.raises(ValueError, match="'swish'"):
        palette.fill_scale("swish")


def test_tanh_fill_is_neutral_at_zero_and_the_sign_colours_at_plus_minus_one():
    rgba = palette.FillScale(signed=True).rgba(np.array([-1.0, 0.0, 1.0, 0.3]))
    assert [QColor(*c[:3]) for c in rgba[:3]] == [QColor(palette.NEGATIVE_HEX),
                                                  QColor(palette.NEUTRAL_HEX),
                                                  QColor(palette.POSITIVE_HEX)]


def test_growing_scale_is_the_columns_largest_abs_value_but_never_below_full():
    grows = palette.FillScale(signed=True, grows=True)
    assert grows.limit(np.array([-3.0, 0.5])) == 3.0
    assert grows.limit(np.array([-0.2, 0.5])) == 1.0
    assert palette.FillScale(signed=True).limit(np.array([5.0])) == 1.0


@pytest.mark.parametrize(("top", "full"), [(1.198, 1.2), (2.93, 3.0), (0.4, 1.0), (16.0, 16.0)])
def test_input_scale_covers_the_data_set_rounded_up_to_two_digits(top, full):
    X = np.array([[-top, 0.1], [0.3, 0.2]])
    scale = palette.input_fill_scale(X)
    assert scale.signed and not scale.grows
    assert scale.full == pytest.approx(full) and scale.full >= top


def test_input_scale_of_non_negative_data_is_the_zero_to_one_ramp():
    scale = palette.input_fill_scale(np.array([[0.05, 0.1], [0.0, 1.0]]))   # Mazur, digits
    assert scale == palette.FillScale()


@pytest.mark.parametrize("value", np.linspace(-1, 0, 6))
def test_hatching_contrasts_with_every_negative_fill(value):
    fill = palette.diverging_color(value)
    hatch = palette.hatch_color(fill)
    lum = sorted(palette.relative_luminance(c) for c in (fill, hatch))
    assert (lum[1] + 0.05) / (lum[0] + 0.05) > 1.5


@pytest.mark.parametrize("kind", sorted(CVD))
def test_signed_fills_stay_distinct_under_colour_vision_deficiency(kind):
    # The fills of a = −0.95 and a = +0.95 (hatching aside) differ for every viewer.
    neg, pos = palette.diverging_color(-0.95), palette.diverging_color(0.95)
    seen_neg = _srgb(CVD[kind] @ _linear(neg))
    seen_pos = _srgb(CVD[kind] @ _linear(pos))
    assert np.linalg.norm(seen_pos - seen_neg) > 0.35
