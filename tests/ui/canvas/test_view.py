"""Tests of ui/canvas/view.py: the canvas's state after real calls and real mouse events."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QLabel

from engine import mazur
from ui.canvas.items import format_value
from ui.canvas.view import NetworkView
from ui.look import palette


@pytest.fixture(autouse=True)
def _cursor_parked_away():
    """Move the (virtual) mouse pointer off-screen after each test, so windows shown by later
    test modules do not start under a hovering pointer (their status tips would show)."""
    yield
    QCursor.setPos(QPoint(20_000, 20_000))


@pytest.fixture
def view(qtbot):
    v = NetworkView([2, 2, 2])
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    v.set_weights(mazur().thetas)
    return v


def _view_point(view: NetworkView, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def _point_on_edge(view: NetworkView, l: int, i: int, j: int, t: float = 0.3) -> QPointF:
    """Return a point a fraction t along edge Θ(l)[i, j], from unit j of l to neuron i+1."""
    a, b = view.unit_scene_pos(l, j), view.unit_scene_pos(l + 1, i + 1)
    return a + (b - a) * t


def test_architecture_builds_neurons_bias_units_and_all_connections(qtbot):
    v = NetworkView([2, 4, 4, 1])
    qtbot.addWidget(v)
    assert v.neuron_count() == 11
    assert v.bias_count() == 3                       # every layer but the output
    assert v.edge_count() == 4 * 3 + 4 * 5 + 1 * 5   # s(l+1) × (1 + s(l)) per Θ(l)
    rng = np.random.default_rng(0)
    v.set_weights([rng.normal(size=(4, 3)), rng.normal(size=(4, 5)), rng.normal(size=(1, 5))])
    assert [len(v.drawn_edges(l)) for l in (1, 2, 3)] == [12, 20, 5]


def test_scene_is_batched_not_one_item_per_edge(view):
    # 3 columns + 2 edge bundles + 6 captions + 2 input names + hover line + pulse + focus + the
    # neuron maps of the 2 layers after the inputs, whatever the edge count.
    assert len(view.scene().items()) == 18


def test_output_layer_has_no_bias_unit(view):
    with pytest.raises(ValueError, match="no bias unit"):
        view.unit_scene_pos(3, 0)


def test_same_architecture_keeps_the_scene_items(view):
    before = list(view.columns)
    view.set_architecture([2, 2, 2])
    assert view.columns == before
    view.set_architecture([2, 3, 2])
    assert view.neuron_count() == 7 and view.columns != before


def test_edge_colour_and_line_style_follow_the_sign_of_theta(view):
    view.set_weights([np.array([[0.5, -0.5, 0.2], [-1.0, 1.0, 0.0]]), np.ones((2, 3))])
    pos, neg = view.edge_style(1, 0, 0), view.edge_style(1, 0, 1)
    assert pos.color == QColor(palette.LIGHT.positive) and pos.style == Qt.PenStyle.SolidLine
    assert neg.color == QColor(palette.LIGHT.negative) and neg.style == Qt.PenStyle.DashLine


def test_edge_width_grows_with_abs_theta(view):
    magnitudes = np.array([0.05, 0.3, 0.6, 0.9, 1.2, 1.6])
    signs = np.array([1, -1, 1, -1, 1, -1])
    theta1 = (magnitudes * signs).reshape(2, 3)
    view.set_weights([theta1, np.full((2, 3), 0.01)])
    widths = [view.edge_style(1, k // 3, k % 3).width for k in range(6)]
    assert all(a <= b for a, b in zip(widths, widths[1:], strict=False))
    assert widths[0] < widths[-1]


def test_bias_edges_start_at_the_bias_unit(view):
    b = view.bundles[0]
    assert QPointF(*b.src[0]) == view.unit_scene_pos(1, 0)
    assert QPointF(*b.dst[1]) == view.unit_scene_pos(2, 2)


def test_neuron_fill_follows_activation(view):
    view.set_neuron_values(2, np.array([0.1, 0.9]), "a")
    low, high = view.neuron_fill(2, 1), view.neuron_fill(2, 2)
    assert palette.relative_luminance(high) < palette.relative_luminance(low)
    assert high == palette.sequential_color(0.9)


def test_tanh_layers_fill_signed_and_hatch_negative_activations(view):
    tanh = palette.FillScale(signed=True)
    view.set_fill_scales([palette.FillScale(), tanh, palette.FillScale()])
    view.set_neuron_values(2, np.array([-0.95, 0.95]), "a")
    assert view.neuron_hatched(2, 1) and not view.neuron_hatched(2, 2)
    assert view.neuron_fill(2, 1) != view.neuron_fill(2, 2)
    # Ordered by |a| in lightness, both far darker than an empty neuron.
    assert max(palette.relative_luminance(view.neuron_fill(2, k)) for k in (1, 2)) < 0.6


def test_fill_scales_need_one_per_layer(view):
    with pytest.raises(ValueError, match="expected 3 fill scales for \\[2, 2, 2\\], got 2"):
        view.set_fill_scales([palette.FillScale()] * 2)


def test_legend_of_a_tanh_network_explains_the_signed_fill(view):
    view.set_fill_scales([palette.FillScale(signed=True, full=1.2), palette.FillScale(signed=True),
                          palette.FillScale()])
    texts = view.legend.texts()
    assert texts[0] == "fill = a, hatched < 0: ±1.2 (layer 1); ±1 (layer 2)"
    assert texts[1] == "fill = a: 0 … 1 (layer 3)"
    assert view.legend.isVisible()


def test_delta_shows_as_a_signed_ring_not_as_fill(view):
    view.set_neuron_values(3, np.array([0.75, 0.77]), "a")
    fill_before = view.neuron_fill(3, 1)
    assert view.delta_visual(3, 1) is None
    view.set_neuron_values(3, np.array([0.138, -0.038]), "d")
    ring_pos, style_pos, mark_pos = view.delta_visual(3, 1)
    ring_neg, style_neg, mark_neg = view.delta_visual(3, 2)
    assert view.neuron_fill(3, 1) == fill_before          # d never changes the fill
    assert (style_pos, mark_pos) == (Qt.PenStyle.SolidLine, "+")
    assert (style_neg, mark_neg) == (Qt.PenStyle.DashLine, "−")
    assert ring_pos.blue() > ring_pos.red() and ring_neg.red() > ring_neg.blue()
    view.set_neuron_values(3, None, "d")
    assert view.delta_visual(3, 1) is None


def test_wrong_value_shape_names_the_layer(view):
    with pytest.raises(ValueError, match="layer 2 has 2 neurons"):
        view.set_neuron_values(2, np.zeros(3), "a")
    with pytest.raises(ValueError, match=r"Θ\(1\) must have shape \(2, 3\)"):
        view.set_weights([np.zeros((3, 3)), np.zeros((2, 3))])


def test_hovering_an_edge_emits_its_indices(view, qtbot):
    target = _view_point(view, _point_on_edge(view, 1, 1, 2))
    with qtbot.waitSignal(view.edge_hovered, timeout=1000) as blocker:
        qtbot.mouseMove(view.viewport(), target)
    assert blocker.args == [1, 1, 2]


def test_hovering_a_bias_edge_emits_column_zero(view, qtbot):
    target = _view_point(view, _point_on_edge(view, 2, 0, 0, t=0.5))
    with qtbot.waitSignal(view.edge_hovered, timeout=1000) as blocker:
        qtbot.mouseMove(view.viewport(), target)
    assert blocker.args == [2, 0, 0]


def test_hovering_units_emits_layer_and_unit_with_bias_as_zero(view, qtbot):
    with qtbot.waitSignal(view.neuron_hovered, timeout=1000) as blocker:
        qtbot.mouseMove(view.viewport(), _view_point(view, view.unit_scene_pos(2, 2)))
    assert blocker.args == [2, 2]
    with qtbot.waitSignal(view.neuron_hovered, timeout=1000) as blocker:
        qtbot.mouseMove(view.viewport(), _view_point(view, view.unit_scene_pos(1, 0)))
    assert blocker.args == [1, 0]


def test_clicking_an_edge_emits_edge_clicked(view, qtbot):
    target = _view_point(view, _point_on_edge(view, 2, 1, 1, t=0.6))
    with qtbot.waitSignal(view.edge_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert blocker.args == [2, 1, 1]


def test_edge_hit_testing_follows_zoom(view):
    view.scale(3.0, 3.0)
    view.centerOn(_point_on_edge(view, 1, 0, 1))
    assert view.interaction.hit_test(_point_on_edge(view, 1, 0, 1)) == (1, 0, 1)


def test_finish_animation_completes_a_pulse_at_once(view, qtbot):
    view.animate_pulse(1, 2, 60_000)
    assert view.is_animating() and view.pulse.isVisible()
    with qtbot.waitSignal(view.animation_finished, timeout=1000):
        view.finish_animation()
    assert not view.is_animating() and not view.pulse.isVisible()


def test_backward_pulse_travels_right_to_left(view):
    view.animate_pulse(3, 2, 60_000)
    assert (view.pulse.start[:, 0] > view.pulse.end[:, 0]).all()
    view.finish_animation()


def test_pulse_finishes_by_itself(view, qtbot):
    with qtbot.waitSignal(view.animation_finished, timeout=3000):
        view.animate_pulse(2, 3, 50)
    assert not view.is_animating()


def test_weight_change_animation_ends_on_the_new_weights(view, qtbot):
    old = [np.array(t) for t in mazur().thetas]
    new = [t.copy() for t in old]
    new[0][0, 1] = -0.8
    view.animate_weight_change(old, new, 60_000)
    assert view.edge_style(1, 0, 1).style == Qt.PenStyle.SolidLine   # starts at the old Θ
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert view.bundles[0].cacheMode() != cached        # Θ(1) changes: redrawn each frame
    assert view.bundles[1].cacheMode() == cached        # Θ(2) does not: stays a cached pixmap
    view.finish_animation()
    assert view.edge_style(1, 0, 1).style == Qt.PenStyle.DashLine
    assert view.edge_style(1, 0, 1).value == pytest.approx(-0.8)
    assert all(b.cacheMode() == cached for b in view.bundles)


def test_large_layer_draws_exactly_the_strongest_and_says_so(qtbot):
    # Layers this small are circles, their Θ edges; a low limit makes Θ(1) "large".
    v = NetworkView([8, 8, 2], max_edges=50, keep=20)
    qtbot.addWidget(v)
    rng = np.random.default_rng(3)
    thetas = [rng.normal(size=(8, 9)), rng.normal(size=(2, 9))]
    v.set_weights(thetas)
    order = sorted(range(thetas[0].size), key=lambda k: -abs(thetas[0].flat[k]))
    expected = {divmod(k, 9) for k in order[:20]}
    assert {tuple(e) for e in v.drawn_edges(1)} == expected
    assert len(v.drawn_edges(2)) == 18                   # small Θ(2) is drawn whole
    loc = QLocale()
    assert v.note_text().splitlines()[0] == (f"Θ(1): showing the {loc.toString(20)} strongest "
                                             f"of {loc.toString(72)} connections")
    assert "Θ(2)" not in v.note_text()
    note = v.findChild(QLabel, "networkNote")
    assert note is not None and note.text() == v.note_text()


def test_edge_overlay_shows_contribution_and_clears(view):
    outer = np.array([[0.2, -0.1, 0.05], [-0.3, 0.1, 0.0]])
    view.set_edge_values(2, outer, "contribution")
    assert view.edge_style(2, 0, 1).style == Qt.PenStyle.DashLine   # Θ(2) is all positive
    assert view.edge_style(2, 0, 1).value == pytest.approx(-0.1)
    assert "d(3)" in view.note_text()
    view.set_edge_values(2, None, "contribution")
    assert view.edge_style(2, 0, 1).value == pytest.approx(0.40)   # Mazur w5
    assert "d(3)" not in view.note_text() and "weights Θ" in view.note_text()


def test_note_keeps_its_height_so_the_drawing_does_not_jump(view, qtbot):
    before = view.viewport().height(), view.unit_scene_pos(2, 1)
    view.set_edge_values(1, np.ones((2, 3)), "D")
    qtbot.wait(10)
    assert (view.viewport().height(), view.unit_scene_pos(2, 1)) == before


def test_highlight_dims_layers_and_edges_not_touched(view):
    view.set_highlight([2, 3], 2)
    assert [(c.highlighted, c.dimmed) for c in view.columns] == [(False, True), (True, False),
                                                                  (True, False)]
    assert [b.dimmed for b in view.bundles] == [True, False]
    view.set_highlight([], None)
    assert not any(c.dimmed or c.highlighted for c in view.columns)
    assert not any(b.dimmed for b in view.bundles)


def test_labels_toggle(view):
    view.set_labels_visible(False)
    assert not any(c.labels_visible for c in view.columns)
    view.set_labels_visible(True)
    assert all(c.labels_visible for c in view.columns)


def test_captions_name_each_layer_with_its_size(view):
    titles = [t.text() for t, _ in view.captions.layers]
    sizes = [s.text() for _, s in view.captions.layers]
    assert titles == ["Layer 1 (input)", "Layer 2 (hidden)", "Layer 3 (output)"]
    assert sizes == ["s(1) = 2", "s(2) = 2", "s(3) = 2"]


def test_legend_explains_fill_ring_sign_and_width(view):
    texts = " ".join(view.legend.texts())
    for word in ("activation", "delta", "blue", "orange", "dashed", "|Θ|", "bias"):
        assert word in texts


def test_resize_moves_items_without_rebuilding(view, qtbot):
    items = list(view.scene().items())
    x_before = view.unit_scene_pos(3, 1).x()
    view.resize(1300, 700)
    qtbot.wait(10)
    assert view.unit_scene_pos(3, 1).x() > x_before
    assert list(view.scene().items()) == items


def test_wheel_zooms_and_fit_restores(view, qtbot):
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() > 1.3
    view.interaction.fit()
    assert view.transform().m11() == pytest.approx(1.0)


def test_dragging_pans_without_clicking_an_edge(view, qtbot):
    clicks = []
    view.edge_clicked.connect(lambda *args: clicks.append(args))
    start = _view_point(view, _point_on_edge(view, 1, 0, 1))
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(start + QPoint(12 * step, 8 * step)),
                           QPointF(), Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), move)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(60, 40))
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (h - 60,
                                                                                      v - 40)
    assert clicks == []


def test_theme_and_presenter_scale(view):
    view.set_theme(palette.DARK)
    assert view.backgroundBrush().color() == QColor(palette.DARK.background)
    assert view.edge_style(1, 0, 0).color == QColor(palette.DARK.positive)
    r_before = view.columns[1].radius
    view.set_scale(1.5)
    assert view.columns[1].radius > r_before


def test_language_change_retranslates_captions(view):
    view.captions.layers[0][0].setText("stale")
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.captions.layers[0][0].text() == "Layer 1 (input)"


def test_value_labels_use_the_locale_decimal_separator():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    try:
        assert format_value(0.593269992) == "0,593"
        assert format_value(-0.0381) == "−0,0381"
    finally:
        QLocale.setDefault(previous)


def test_view_has_tooltip_and_object_name(view):
    assert view.objectName() == "networkView" and view.toolTip()


def test_hovering_an_edge_sets_a_tooltip_with_its_weight(view, qtbot):
    qtbot.mouseMove(view.viewport(), _view_point(view, _point_on_edge(view, 1, 0, 1)))
    tip = view.viewport().toolTip()
    assert "Θ(1)[0, 1]" in tip and format_value(0.15) in tip


def test_a_compact_layer_of_few_neurons_keeps_circles(qtbot):
    v = NetworkView([8, 8, 2])
    qtbot.addWidget(v)
    v.resize(300, 200)
    v.show()
    qtbot.waitExposed(v)
    assert v.columns[0].compact and not v.columns[0].dense   # small circles, labels on hover


def test_hiding_the_legend_gives_its_space_to_the_drawing(view, qtbot):
    height_with_legend = view.viewport().height()
    view.set_legend_visible(False)
    qtbot.wait(10)
    assert view.legend.isHidden()
    assert view.viewport().height() > height_with_legend


def test_small_presenter_view_keeps_captions_apart_and_shortens_the_legend(qtbot):
    v = NetworkView([2, 2, 2])
    qtbot.addWidget(v)
    v.set_scale(1.5)
    v.resize(600, 330)
    v.show()
    qtbot.waitExposed(v)
    v.set_edge_values(2, np.ones((2, 3)), "D")       # a two-line note in a short view
    qtbot.wait(10)
    assert v.note.isVisible()
    assert v.legend.isHidden() or v.legend.compact   # one row of symbols at most
    rects = [title.sceneBoundingRect() for title, _ in v.captions.layers]
    assert all(a.right() <= b.left() for a, b in zip(rects, rects[1:], strict=False))
    assert v.viewport().height() > 150


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Up,
                                 Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp])
def test_arrow_keys_do_not_scroll_the_drawing_away(view, qtbot, key):
    # → and ← step the trace; when a step action is disabled (at the first or last step) the
    # key reached the view, whose hidden scroll bars slid the network off the canvas.
    view.setFocus()
    before = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    for _ in range(3):
        qtbot.keyClick(view, key)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == before


def test_language_change_makes_room_for_a_legend_that_now_needs_more_rows(view, qtbot):
    view.resize(600, 600)
    qtbot.wait(10)
    rows_before = view.legend.height()
    # Longer legend texts (as in Portuguese) need more rows at this width.
    view.legend.tr = lambda text: text + " (a longer translation of this entry)"
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    qtbot.wait(10)
    assert view.legend.height() == view.legend.height_for(view.legend.width()) > rows_before


def test_a_columns_d_labels_are_all_shown_or_all_hidden_whatever_the_width(qtbot):
    # Iris: the third output's "d = −0.894" is wider (a minus sign) than "d = 0.331"; deciding
    # per neuron dropped just that label at some widths, and it is the telling one.
    v = NetworkView([4, 8, 3])
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    v.set_neuron_values(3, np.array([0.331, 0.564, -0.894]), "d")
    out = v.columns[2]
    shown_somewhere = False
    for width in range(420, 760, 12):
        v.resize(width, 330)
        qtbot.wait(5)
        v.grab()                              # paints the scene
        assert out.d_labels_drawn in ([], [0, 1, 2]), width
        shown_somewhere |= out.d_labels_drawn == [0, 1, 2]
    assert shown_somewhere


def test_a_columns_values_inside_the_neurons_are_all_written_or_none(qtbot):
    # tanh activations: "−0.187" is wider than "0.577"; deciding per neuron left the negative
    # ones as blank circles (looking not yet computed) while their neighbours had numbers.
    v = NetworkView([2, 4, 1])
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    v.set_neuron_values(2, np.array([-0.18743044, -0.33225636, 0.57657048, 0.89704573]), "a")
    hidden = v.columns[1]
    written_somewhere = False
    for height in range(200, 420, 10):
        v.resize(590, height)
        qtbot.wait(5)
        v.grab()
        assert hidden.values_drawn in ([], [0, 1, 2, 3]), height
        written_somewhere |= hidden.values_drawn == [0, 1, 2, 3]
    assert written_somewhere


def _colours_painted(item) -> int:
    """Paint ``item`` on white with an antialiasing painter; return how many colours appear."""
    from PySide6.QtGui import QImage, QPainter

    rect = item.boundingRect().toAlignedRect()
    image = QImage(rect.width(), rect.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(-rect.topLeft())
    item.paint(painter, None)
    assert painter.testRenderHint(QPainter.RenderHint.Antialiasing)   # restored for the rest
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint32, rect.width() * rect.height())
    return len(np.unique(pixels))


def test_morphing_edges_are_drawn_aliased_and_crisp_again_after(view):
    old = [np.array(t) for t in mazur().thetas]
    new = [-t for t in old]
    bundle = view.bundles[0]
    pens = len(bundle._batches)
    smooth = _colours_painted(bundle)
    assert smooth > 4 * (pens + 1)            # antialiased: blends of every pen with white
    view.animate_weight_change(old, new, 60_000)
    # Redrawn on every frame of the morph: only the pens' own colours and the background.
    assert _colours_painted(bundle) <= len(bundle._batches) + 1
    view.finish_animation()
    assert _colours_painted(bundle) > 4 * (len(bundle._batches) + 1)
