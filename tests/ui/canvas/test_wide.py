"""Tests of how the canvas draws real-sized networks: the representation chosen per layer and
per Θ, the heat map's pixels, hovering a heat-map cell, and focusing a unit by clicking it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QCursor

from main import build_main_window
from ui.canvas.layout import layer_kinds, theta_kind
from ui.canvas.view import NetworkView


@pytest.fixture(autouse=True)
def _cursor_parked_away():
    yield
    QCursor.setPos(QPoint(20_000, 20_000))


def _shown(qtbot, sizes, w=900, h=600) -> NetworkView:
    v = NetworkView(list(sizes))
    qtbot.addWidget(v)
    v.resize(w, h)
    v.show()
    qtbot.waitExposed(v)
    return v


def _thetas(sizes, seed=0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.normal(0, 0.5, (sizes[l + 1], sizes[l] + 1)) for l in range(len(sizes) - 1)]


@pytest.mark.parametrize(("sizes", "layers", "thetas"), [
    ((2, 2, 2), ("circles",) * 3, ("edges",) * 2),                    # Mazur
    ((2, 4, 4, 1), ("circles",) * 4, ("edges",) * 3),                 # XOR
    ((4, 3, 3), ("circles",) * 3, ("edges",) * 2),                    # iris, small
    ((64, 32, 10), ("image", "cells", "cells"), ("heatmap",) * 2),    # digits: an 8×8 image
    ((784, 16, 10), ("image", "cells", "cells"), ("heatmap",) * 2),   # MNIST: 28×28
])
def test_each_layer_and_theta_is_drawn_by_its_size(qtbot, sizes, layers, thetas):
    assert layer_kinds(sizes) == layers
    assert tuple(theta_kind(sizes, l) for l in range(1, len(sizes))) == thetas
    v = _shown(qtbot, sizes)
    assert tuple(v.layer_kind(k) for k in range(1, len(sizes) + 1)) == layers
    assert tuple(v.theta_kind(l) for l in range(1, len(sizes))) == thetas


def test_captions_say_how_wide_parts_are_drawn(qtbot):
    v = _shown(qtbot, (64, 32, 10))
    sizes = [s.text() for _, s in v.captions.layers]
    assert sizes == ["s(1) = 64: an 8×8 image", "s(2) = 32, a cell each",
                     "s(3) = 10, a cell each"]
    heat = {l: (t.text(), s.text()) for l, (t, s) in v.captions.heat.items()}
    assert heat == {1: ("heat map of Θ(1)", "32 rows × 65 columns"),
                    2: ("heat map of Θ(2)", "10 rows × 33 columns")}


def test_small_network_has_no_heat_map_captions(qtbot):
    v = _shown(qtbot, (2, 2, 2))
    assert v.captions.heat == {}


def test_image_pixels_are_the_inputs_in_reading_order(qtbot):
    v = _shown(qtbot, (64, 32, 10))
    first, ninth, tenth = (v.unit_scene_pos(1, k) for k in (1, 9, 10))
    cell = v.columns[0].cell[0]
    # pixel 9 starts row 2 under pixel 1; pixel 10 is its right neighbour
    assert ninth.x() == pytest.approx(first.x()) and ninth.y() == pytest.approx(first.y() + cell)
    assert tenth.x() == pytest.approx(first.x() + cell)


def _expected_colour(w: float, top: float) -> tuple[int, int, int]:
    """Blend the palette's documented stops by hand: #F2F2F2 at 0, #0072B2 at +top, #E69F00
    at −top."""
    mid, pos, neg = np.array([242, 242, 242]), np.array([0, 114, 178]), np.array([230, 159, 0])
    t = w / top
    rgb = mid + (pos - mid) * t if t >= 0 else mid + (neg - mid) * (-t)
    return tuple(int(round(c)) for c in rgb)


def test_heat_map_pixel_has_the_colour_of_its_weight(qtbot):
    sizes = (64, 32, 10)
    v = _shown(qtbot, sizes)
    thetas = _thetas(sizes)
    v.set_weights(thetas)
    image = v.heatmap_image(1)
    assert (image.width(), image.height()) == (65, 32)
    top = np.abs(thetas[0]).max()
    for i, j in ((0, 0), (3, 17), (31, 64), np.unravel_index(np.argmax(thetas[0]), (32, 65)),
                 np.unravel_index(np.argmin(thetas[0]), (32, 65))):
        got = image.pixelColor(int(j), int(i))
        want = _expected_colour(thetas[0][i, j], top)
        assert max(abs(a - b) for a, b in zip((got.red(), got.green(), got.blue()), want,
                                              strict=True)) <= 1


def test_hovering_a_heat_map_cell_reports_its_weight(qtbot):
    v = _shown(qtbot, (64, 32, 10))
    v.set_weights(_thetas((64, 32, 10)))
    seen = []
    v.edge_hovered.connect(lambda *e: seen.append(e))
    qtbot.mouseMove(v.viewport(), v.mapFromScene(v.edge_scene_midpoint(1, 4, 17)))
    assert seen[-1] == (1, 4, 17)
    assert "Θ(1)[4, 17]" in v.viewport().toolTip()


def test_heat_map_hover_reaches_the_inspector_and_focus_the_math_panel(qtbot):
    window = build_main_window(["--preset", "digits"])
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    v = window.network_view
    assert v.theta_kind(1) == "heatmap"
    qtbot.mouseMove(v.viewport(), v.mapFromScene(v.edge_scene_midpoint(1, 2, 5)))
    assert "Θ(1)₃₅" in window.inspector.text()
    v.focus_unit(2, 6)              # the math panel follows the canvas's focus
    assert "Row 6: into neuron 6 of layer 2" in window.math_panel.tables_text()


def test_clicking_a_unit_focuses_its_fan_in_and_fan_out_and_empty_space_clears(qtbot):
    sizes = (50, 32, 10)     # inputs as cells: every fan-in weight is a line
    v = _shown(qtbot, sizes)
    thetas = _thetas(sizes)
    v.set_weights(thetas)
    focused = []
    v.unit_focused.connect(lambda *u: focused.append(u))
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton,
                     pos=v.mapFromScene(v.unit_scene_pos(2, 5)))
    assert v.focused == (2, 5) and focused[-1] == (2, 5)
    edges = {(e.l, e.i, e.j): e for e in v.focus_edges()}
    fan_in = {(1, 4, j) for j in range(51)}          # row 4 of Θ(1): into neuron 5
    fan_out = {(2, i, 5) for i in range(10)}         # column 5 of Θ(2): out of neuron 5
    assert set(edges) == fan_in | fan_out
    for (l, i, j), e in edges.items():
        assert e.value == thetas[l - 1][i, j]
    # the strongest weights of each fan carry their numbers
    strongest_in = int(np.argmax(np.abs(thetas[0][4])))
    assert edges[(1, 4, strongest_in)].labelled
    assert 0 < sum(e.labelled for e in edges.values()) < len(edges)
    assert all(c.dimmed for c in v.columns) and all(b.dimmed for b in v.bundles)
    empty = QPointF(v.layout_.width - 2, 2)
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.mapFromScene(empty))
    assert v.focused == (0, -1) and focused[-1] == (0, -1)
    assert v.focus_edges() == []
    assert not any(c.dimmed for c in v.columns) and not any(b.dimmed for b in v.bundles)


def test_focus_works_on_a_small_network_and_its_bias_unit(qtbot):
    v = _shown(qtbot, (2, 2, 2))
    thetas = _thetas((2, 2, 2))
    v.set_weights(thetas)
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton,
                     pos=v.mapFromScene(v.unit_scene_pos(1, 0)))
    assert v.focused == (1, 0)
    assert {(e.l, e.i, e.j) for e in v.focus_edges()} == {(1, 0, 0), (1, 1, 0)}
    assert all(e.labelled for e in v.focus_edges())   # two numbers fit


def test_focus_of_a_missing_unit_is_refused(qtbot):
    v = _shown(qtbot, (2, 2, 2))
    with pytest.raises(ValueError, match="layer 3 has units 1..2"):
        v.focus_unit(3, 0)


def test_heat_map_shows_an_overlay_and_its_caption_says_so(qtbot):
    sizes = (64, 32, 10)
    v = _shown(qtbot, sizes)
    v.set_weights(_thetas(sizes))
    D = np.zeros((10, 33))
    D[2, 7] = -1.0
    v.set_edge_values(2, D, "D")
    assert v.captions.heat[2][0].text() == "heat map of D(2)"
    assert v.heatmap_image(2).pixelColor(7, 2) == QColor(230, 159, 0)
    v.set_edge_values(2, None, "D")
    assert v.captions.heat[2][0].text() == "heat map of Θ(2)"


def test_focusing_a_first_hidden_neuron_paints_its_weights_as_the_input_picture(qtbot):
    sizes = (64, 32, 10)
    v = _shown(qtbot, sizes)
    thetas = _thetas(sizes)
    v.set_weights(thetas)
    v.focus_unit(2, 3)
    image = v.focus_item.picture_image
    assert (image.width(), image.height()) == (8, 8)
    row = thetas[0][2, 1:]
    top = np.abs(row).max()
    for r, c in ((0, 0), (2, 5), (7, 7)):   # pixel (c, r) is input 1 + 8r + c's weight
        got = image.pixelColor(c, r)
        want = _expected_colour(row[8 * r + c], top)
        assert max(abs(a - b) for a, b in zip((got.red(), got.green(), got.blue()), want,
                                              strict=True)) <= 1
    # the picture holds every weight; only the strongest of the image's are also lines
    from_pixels = [e for e in v.focus_edges() if e.l == 1 and e.j > 0]
    assert from_pixels and all(e.labelled for e in from_pixels)
