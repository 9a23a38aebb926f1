"""The inspector reads out a hovered neuron or edge, J before/after, and edits one weight."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from engine.lesson.presets import build_preset
from engine.trace import Phase
from tests.ui import mazur_numbers as mz
from ui.maths.inspector import Inspector, WeightEditor


@pytest.fixture
def trace():
    s = build_preset("mazur")
    return s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias)


@pytest.fixture
def inspector(qtbot, trace):
    w = Inspector(trace, 0)
    qtbot.addWidget(w)
    return w


def test_neuron_shows_z_and_a_with_mazurs_names(inspector, trace):
    at = next(s.index for s in trace if s.phase is Phase.FORWARD_A and s.layer == 2)
    inspector.set_step(trace, at)
    inspector.show_neuron(2, 1)
    text = inspector.text()
    assert "net_h1" in text and "out_h1" in text
    assert mz.shows(text, mz.NET_H1) and mz.shows(text, mz.OUT_H1)
    assert "not computed yet" in text          # δ comes in the backward pass


def test_neuron_shows_delta_once_computed(inspector, trace):
    inspector.set_step(trace, len(trace) - 1)
    inspector.show_neuron(3, 1)
    assert mz.shows(inspector.text(), mz.DELTA_O1)


def test_bias_unit_says_it_is_always_one(inspector):
    inspector.show_neuron(1, 0)
    assert "+1" in inspector.text()


def test_edge_shows_theta_gradient_and_contribution(inspector, trace):
    inspector.set_step(trace, len(trace) - 1)
    inspector.show_edge(2, 0, 1)                 # w5
    text = inspector.text()
    assert "w5" in text
    assert mz.shows(text, mz.W5_PLUS)             # after the update
    assert mz.shows(text, 0.4)                    # and before it
    assert mz.shows(text, mz.DE_DW5, tol=1e-9)    # D and the contribution (m = 1)
    assert "contribution" in text


def test_leaving_clears_the_detail(inspector):
    inspector.show_edge(2, 0, 1)
    inspector.show_edge(0, 0, 0)
    assert "Point at" in inspector.text()


def test_loss_readout_shows_j_before_and_after_at_the_end(inspector, trace):
    assert mz.shows(inspector.text(), mz.E_TOTAL)
    inspector.set_step(trace, len(trace) - 1)
    # J after, computed here with plain numpy from Mazur's published new weights (biases fixed)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    h = sig(np.array([[0.35, mz.W1_PLUS, mz.W2_PLUS], [0.35, mz.W3_PLUS, mz.W4_PLUS]])
            @ [1, 0.05, 0.10])
    o = sig(np.array([[0.6, mz.W5_PLUS, mz.W6_PLUS], [0.6, mz.W7_PLUS, mz.W8_PLUS]])
            @ np.r_[1, h])
    j_after = 0.5 * np.sum((np.array([0.01, 0.99]) - o) ** 2)
    assert mz.shows(inspector.loss.text(), j_after, tol=2e-8)


def test_weight_editor_reads_a_number(qtbot):
    editor = WeightEditor(2, 0, 1, 0.4)
    qtbot.addWidget(editor)
    editor.edit.setText("0.5")
    assert editor.value() == 0.5


def test_weight_editor_reads_a_decimal_comma_in_portuguese(qtbot):
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    try:
        editor = WeightEditor(2, 0, 1, 0.4)
        qtbot.addWidget(editor)
        assert editor.edit.text() == "0,4"
        editor.edit.setText("-0,25")
        assert editor.value() == -0.25
    finally:
        QLocale.setDefault(old)


def test_weight_editor_refuses_text_that_is_not_a_number(qtbot):
    editor = WeightEditor(2, 0, 1, 0.4)
    qtbot.addWidget(editor)
    editor.edit.setText("abc")
    editor._on_buttons_accepted()
    assert editor.value() is None
    assert not editor.result()
    assert "not a number" in editor.error.text()


def test_weight_editor_refuses_weights_beyond_a_million(qtbot):
    editor = WeightEditor(2, 0, 1, 0.4)
    qtbot.addWidget(editor)
    editor.edit.setText("9999999")  # the validator lets intermediate text through; OK must not
    editor._on_buttons_accepted()
    assert editor.value() is None and not editor.result()
    assert "too large" in editor.error.text()
    editor.edit.setText("1000000")
    editor._on_buttons_accepted()
    assert editor.value() == 1e6


def test_names_of_the_article_go_once_the_weights_are_not_its_own(inspector):
    s = build_preset("mazur")
    s.network.set_weight(2, 0, 1, 0.41)
    edited = s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias)
    inspector.set_step(edited, len(edited) - 1)
    inspector.show_edge(1, 0, 1)
    assert "w1" not in inspector.text()
    inspector.show_neuron(2, 1)
    assert "out_h1" not in inspector.text()
    assert "0.291027924" not in inspector.text()    # nor the article's J note


def test_a_note_replaces_every_number_until_the_next_step(inspector, trace):
    inspector.show_edge(1, 0, 1)
    inspector.show_note("Training runs")
    assert inspector.text().strip() == "Training runs"
    inspector.set_step(trace, 0)
    assert "0.15" in inspector.text()
