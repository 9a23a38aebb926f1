"""ui.canvas.maps: where each neuron's map tile goes, and how its values become colours."""

from __future__ import annotations

import numpy as np
import pytest

from ui.canvas.maps import MapColumnItem, map_image, map_rgba, tile_rects
from ui.look import palette
from ui.look.palette import FillScale


def test_tiles_sit_left_of_their_neurons_without_touching_each_other():
    pos = np.array([[300.0, 100.0 + 40.0 * k] for k in range(4)])
    radius, ring = 14.0, 4.0
    rects = tile_rects(pos, radius, ring, 1.0)
    x, y, w, h = rects.T
    assert np.all(w == h)                                   # square: the plane is not squashed
    assert np.all(x + w < pos[:, 0] - radius - ring)        # clear of the circle and its ring
    np.testing.assert_allclose(y + h / 2, pos[:, 1])        # level with its neuron
    assert np.all(y[1:] > y[:-1] + h[:-1])                  # a gap between neighbours


@pytest.mark.parametrize("scale", [FillScale(signed=True), FillScale(),
                                   FillScale(signed=True, grows=True)])
def test_map_colours_are_the_fill_scales_colours(scale):
    values = np.random.default_rng(0).uniform(-1.3, 1.3, (3, 5, 7))
    got = map_rgba(values, scale).astype(int)
    # The fill scale colours each value itself, one at a time (the scale takes the map's own
    # largest |a| when it grows: fill it with every value at once to get that limit).
    expected = scale.rgba(values).astype(int)
    assert got.shape == (3, 5, 7, 4)
    assert np.abs(got - expected).max() <= 2


def test_map_image_puts_the_top_of_the_plane_on_top():
    rgba = np.zeros((2, 3, 4), np.uint8)
    rgba[0, :, :] = (255, 0, 0, 255)      # grid row 0: the bottom of the plane, red
    rgba[1, :, :] = (0, 0, 255, 255)      # the top, blue
    image = map_image(rgba)
    assert image.pixelColor(0, 0).blue() == 255 and image.pixelColor(0, 1).red() == 255
    assert image.pixelColor(0, 0).red() == 0 and image.pixelColor(0, 1).blue() == 0
    assert not image.hasAlphaChannel()      # opaque: Qt scales it onto the canvas far faster


def test_tile_hit_and_shape_errors(qapp):
    item = MapColumnItem(2, 3, palette.LIGHT)
    item.set_geometry(np.array([[200.0, 50.0], [200.0, 100.0], [200.0, 150.0]]), 12.0, 3.0)
    centre = item.tile(1).center()
    assert item.unit_at(centre.x(), centre.y()) is None        # no maps given: nothing to hit
    item.set_maps(np.zeros((3, 4, 4)), FillScale())
    assert item.unit_at(centre.x(), centre.y()) == 1
    assert item.unit_at(200.0, 100.0) is None                   # the circle is not the tile
    with pytest.raises(ValueError, match=r"layer 2 has 3 neurons.*\(3, ny, nx\)"):
        item.set_maps(np.zeros((2, 4, 4)), FillScale())


def test_tiles_paint_their_colours_and_leave_the_painter_as_they_found_it(qapp):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    item = MapColumnItem(2, 2, palette.LIGHT)
    # Fractional places, as on a scaled canvas (the images are drawn without antialiasing).
    item.set_geometry(np.array([[120.3, 40.6], [120.3, 100.6]]), 12.0, 3.0)
    values = np.stack([np.full((4, 4), 0.9), np.full((4, 4), 0.1)])
    scale = FillScale()
    item.set_maps(values, scale)
    canvas = QImage(200, 160, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(0xFFFFFFFF)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    item.paint(painter, QStyleOptionGraphicsItem())
    assert painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    painter.end()
    for k, value in enumerate((0.9, 0.1)):
        centre = item.tile(k).center()
        got = canvas.pixelColor(int(centre.x()) - 3, int(centre.y()) - 3)
        r, g, b = scale.rgba(np.array([value]))[0][:3]
        assert abs(got.red() - int(r)) <= 2 and abs(got.green() - int(g)) <= 2
        assert abs(got.blue() - int(b)) <= 2
