"""Tests of ui/maths/big_tables.py through the math panel: big layers show the focused neuron's
weights and summaries instead of a grid cut off with "…"; small ones keep their grids."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from engine.lesson.presets import build_preset
from engine.trace import Phase
from ui.maths.big_tables import is_big, is_wide
from ui.maths.panel import MathPanel


def _num(x: float) -> str:
    return QLocale().toString(float(x), "g", 4).replace("-", "−")


@pytest.fixture
def digits(qtbot):
    s = build_preset("digits")
    trace = s.network.trace(s.X[:1], s.Y[:1], lam=0.0, lr=0.5)
    panel = MathPanel(trace, 0)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    index = next(st.index for st in trace if st.phase is Phase.FORWARD_Z and st.layer == 3)
    panel.show_step(trace, index)                 # about Θ(2): 10 × 33
    return panel, trace


def test_big_means_drawn_as_a_heat_map_on_the_canvas():
    assert is_big([64, 32, 10], 1) and is_big([64, 32, 10], 2)
    assert not is_big([2, 2, 2], 1) and not is_big([4, 3, 3], 2)
    assert is_wide(64, True) and is_wide(10, False) and not is_wide(8, False)


def test_without_a_focus_a_big_matrix_is_summarised_and_asks_for_a_click(digits):
    panel, trace = digits
    text = panel.tables_text()
    theta2 = trace.thetas[1]
    assert f"‖Θ(2)‖ = {_num(np.sqrt((theta2 ** 2).sum()))}" in text
    assert f"min = {_num(theta2.min())}" in text and f"max = {_num(theta2.max())}" in text
    assert "Click a neuron on the canvas" in text
    assert "…" not in text                        # no cut-off grid


def test_focusing_an_output_neuron_shows_its_whole_row(digits):
    panel, trace = digits
    panel.set_focus(3, 4)                         # neuron 4 of layer 3: row 4 of Θ(2)
    text = panel.tables_text()
    row = trace.thetas[1][3]
    assert "Row 4: into neuron 4 of layer 3" in text
    for value in row:                             # all 33 weights, bias first
        assert _num(value) in text
    assert f"‖Θ(2)₄·‖ = {_num(np.sqrt((row ** 2).sum()))}" in text


def test_focusing_a_hidden_neuron_shows_its_column_out(digits):
    panel, trace = digits
    panel.set_focus(2, 7)                         # neuron 7 of layer 2: column 7 of Θ(2)
    text = panel.tables_text()
    assert "Column 7: out of neuron 7 of layer 2" in text
    assert f"max = {_num(trace.thetas[1][:, 7].max())}" in text


def test_big_layer_vectors_are_summarised_with_the_focused_neurons_values(digits):
    panel, trace = digits
    panel.set_focus(2, 7)
    a2 = trace.state_at(panel._index).a[2]
    text = panel.tables_text()
    assert f"a(2)₇ = {_num(a2[6])}" in text
    assert f"min = {_num(a2.min())}" in text


def test_small_networks_keep_their_grids(qtbot):
    s = build_preset("mazur")
    trace = s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias)
    panel = MathPanel(trace, 3)
    qtbot.addWidget(panel)
    panel.set_focus(2, 1)
    text = panel.tables_text()
    assert "i=1" in text and "‖" not in text
