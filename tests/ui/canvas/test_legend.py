"""Tests of ui/canvas/legend.py: one entry per meaning, wrapping, retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from ui.canvas.legend import NetworkLegend
from ui.look import language as i18n
from ui.look import palette
from ui.look.palette import FillScale

SIGMOID, TANH = FillScale(), FillScale(signed=True)
RELU, LINEAR = FillScale(grows=True), FillScale(signed=True, grows=True)


def test_legend_has_one_entry_per_visual_meaning(qtbot):
    legend = NetworkLegend()
    qtbot.addWidget(legend)
    assert [kind for kind, _ in legend.entries] == ["fill", "ring", "pos", "neg", "width", "bias"]
    assert legend.objectName() == "networkLegend" and legend.toolTip()


def test_narrow_legend_wraps_onto_more_rows(qtbot):
    legend = NetworkLegend()
    qtbot.addWidget(legend)
    assert legend.height_for(300) > legend.height_for(2000)


def test_presenter_scale_makes_the_legend_taller(qtbot):
    legend = NetworkLegend()
    qtbot.addWidget(legend)
    before = legend.height_for(2000)
    legend.set_look(palette.DARK, 1.5)
    assert legend.height_for(2000) > before


def test_language_change_resets_the_texts(qtbot):
    legend = NetworkLegend()
    qtbot.addWidget(legend)
    original = legend.texts()
    legend.entries = [(kind, "stale") for kind, _ in legend.entries]
    QApplication.sendEvent(legend, QEvent(QEvent.Type.LanguageChange))
    assert legend.texts() == original


def _legend(qtbot, scales) -> NetworkLegend:
    legend = NetworkLegend()
    qtbot.addWidget(legend)
    legend.set_fill_scales(scales)
    return legend


def test_a_sigmoid_network_keeps_one_zero_to_one_fill_entry(qtbot):
    legend = _legend(qtbot, [SIGMOID] * 3)      # Mazur: inputs in 0..1, sigmoid layers
    assert legend.entries[0] == ("fill", "fill = a: 0 … 1 (layers 1–3)")
    assert [kind for kind, _ in legend.entries].count("signed") == 0


def test_a_tanh_network_gets_a_signed_entry_naming_its_layers_and_ranges(qtbot):
    # Two spirals: centred inputs up to |x| = 1.2, two tanh layers, a sigmoid output.
    legend = _legend(qtbot, [FillScale(signed=True, full=1.2), TANH, TANH, SIGMOID])
    assert legend.entries[:2] == [
        ("signed", "fill = a, hatched < 0: ±1.2 (layer 1); ±1 (layers 2, 3)"),
        ("fill", "fill = a: 0 … 1 (layer 4)")]


def test_unbounded_layers_say_the_column_sets_the_scale(qtbot):
    legend = _legend(qtbot, [SIGMOID, RELU, RELU, RELU, LINEAR])
    assert legend.texts()[:2] == [
        "fill = a, hatched < 0: ±1 or the column's largest |a| (layer 5)",
        "fill = a: 0 … 1 (layer 1); 0 … 1 or the column's largest a (layers 2–4)"]


def test_setting_the_same_scales_again_changes_nothing(qtbot):
    legend = _legend(qtbot, [TANH, SIGMOID])
    assert not legend.set_fill_scales([TANH, SIGMOID])
    assert legend.set_fill_scales(None)
    assert legend.texts()[0] == "fill = activation a"


def test_the_signed_fill_entry_is_translated_to_pt_br(qtbot):
    legend = _legend(qtbot, [FillScale(signed=True, full=1.2), TANH, TANH, SIGMOID])
    languages = i18n.manager()
    try:
        languages.set_choice("pt_BR", remember=False)
        qtbot.waitUntil(lambda: legend.texts()[0].startswith("preenchimento"))   # LanguageChange
        assert legend.texts()[:2] == [
            "preenchimento = a, hachurado < 0: ±1,2 (camada 1); ±1 (camadas 2, 3)",
            "preenchimento = a: 0 … 1 (camada 4)"]
    finally:
        languages.set_choice("en", remember=False)


def test_presenter_legend_gives_way_to_a_short_drawing(qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.canvas.overlays import MIN_DRAWING_H
    from ui.canvas.view import NetworkView

    view = NetworkView([2, 2, 2])
    qtbot.addWidget(view)
    view.resize(1095, 314)       # the canvas of the Step-through task at 1400×900
    view.show()
    QApplication.processEvents()
    assert view.legend.isVisible() and not view.legend.compact   # at scale 1 it has room
    full = view.legend.height_for(view.width())
    view.set_scale(1.5)
    QApplication.processEvents()
    # The full legend would leave the drawing short of what it wants at this scale: one row
    # of symbols stays instead (a projector audience still learns what fill and ring mean).
    assert view.legend.isVisible() and view.legend.compact
    assert [t for t in view.legend.texts()] == ["a", "d", "Θ > 0", "Θ < 0", "|Θ|", "bias"]
    assert view.legend.height() < full
    assert view.viewport().height() >= MIN_DRAWING_H * 1.5
    view.resize(1095, 200)                  # shorter still: even the row goes
    QApplication.processEvents()
    assert not view.legend.isVisible()


def test_legend_gives_way_before_the_drawing_is_cut_off(qtbot):
    # Mazur's canvas in the Explore task at 1280×720 kept its legend with a 147-px drawing, less
    # than the layout's smallest area: the bottom neurons ran into the captions. Whatever the
    # height, the layout must fit the room the note and legend leave it, or the legend goes.
    from PySide6.QtWidgets import QApplication

    from ui.canvas.view import NetworkView

    view = NetworkView([2, 2, 2])
    qtbot.addWidget(view)
    view.show()
    for height in range(190, 330, 10):
        view.resize(572, height)
        QApplication.processEvents()
        assert view.layout_.height <= view.viewport().height(), height


def test_a_fill_entry_wider_than_the_legend_continues_on_the_next_row(qtbot):
    # A regression network (inputs ±3.2, tanh layers, a linear output) lists three ranges.
    legend = _legend(qtbot, [FillScale(full=3.2, signed=True), TANH, TANH, LINEAR])
    text = dict(legend.entries)["signed"]
    fm = QFontMetrics(legend._font())
    width = fm.horizontalAdvance(text) * 0.6      # too narrow for the whole entry
    rows = legend._rows(width)
    pieces = [(kind, piece) for row in rows for kind, piece, _ in row
              if kind in ("signed", "more")]
    assert [kind for kind, _ in pieces][0] == "signed" and len(pieces) >= 2
    assert all(kind == "more" for kind, _ in pieces[1:])
    # Nothing is lost: the pieces read as the entry, and each fits beside its swatch.
    assert " ".join(piece for _, piece in pieces) == text
    assert all(fm.horizontalAdvance(piece) <= width for _, piece in pieces)
