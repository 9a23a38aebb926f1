"""Tests of ui/network_legend.py: one entry per meaning, wrapping, retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from ui import palette
from ui.network_legend import NetworkLegend


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
