"""The math panel writes the step's equation with Mazur's published numbers and shapes."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from engine import Network
from engine.lesson.presets import build_preset
from engine.trace import Phase
from tests.ui import mazur_numbers as mz
from ui.maths.panel import MathPanel


@pytest.fixture
def trace():
    s = build_preset("mazur")
    return s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias)


def index_of(trace, phase, layer):
    return next(s.index for s in trace if s.phase is phase and s.layer == layer)


@pytest.fixture
def panel(qtbot, trace):
    p = MathPanel(trace, 0)
    qtbot.addWidget(p)
    return p


def test_panel_has_its_object_name(panel):
    assert panel.objectName() == "mathPanel"


def test_weighted_input_is_written_out_with_numbers_and_shapes(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.FORWARD_Z, 2))
    text = panel.equation_text()
    assert "z(2) = Θ(1)·[1; a(1)]" in text
    assert "2×3" in text and "3×1" in text and "2×1" in text
    assert "z₁(2) =" in text
    assert mz.shows(text, mz.NET_H1)


def test_hidden_activation_shows_out_h1_and_out_h2(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.FORWARD_A, 2))
    text = panel.equation_text()
    assert mz.shows(text, mz.OUT_H1) and mz.shows(text, mz.OUT_H2)


def test_output_activation_shows_out_o1(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.FORWARD_A, 3))
    text = panel.equation_text()
    assert mz.shows(text, mz.OUT_O1) and mz.shows(text, mz.OUT_O2)
    assert mz.shows(text, mz.NET_O1)


def test_output_delta_shows_the_total_error_and_delta(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.OUTPUT_DELTA, 3))
    text = panel.equation_text()
    assert mz.shows(text, mz.E_TOTAL)
    assert mz.shows(text, mz.DELTA_O1)


def test_hidden_delta_states_the_corrected_algorithm(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.HIDDEN_DELTA, 2))
    text = panel.equation_text()
    assert "g′(z(2))" in text
    assert "L−1 down to 2" in text
    assert "bias" in text


def test_accumulate_shows_the_gradient_of_w5(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.ACCUMULATE, 2))
    assert mz.shows(panel.equation_text(), mz.DE_DW5, tol=1e-9)


def test_gradient_says_the_bias_column_is_not_regularized(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.GRADIENT, 1))
    text = panel.equation_text()
    assert "j = 0" in text and "not regularized" in text
    assert mz.shows(text, mz.DE_DW1, tol=1e-9)


def test_update_shows_mazurs_new_weights(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.UPDATE, 2))
    text = panel.equation_text()
    for w in (mz.W5_PLUS, mz.W6_PLUS, mz.W7_PLUS, mz.W8_PLUS):
        assert mz.shows(text, w), w
    panel.show_step(trace, index_of(trace, Phase.UPDATE, 1))
    text = panel.equation_text()
    for w in (mz.W1_PLUS, mz.W2_PLUS, mz.W3_PLUS, mz.W4_PLUS):
        assert mz.shows(text, w), w


def test_heat_map_side_marks_bias_column_and_unit(panel, trace):
    panel.show_step(trace, index_of(trace, Phase.FORWARD_A, 2))
    tables = panel.tables_text()
    assert "j=0" in tables and "bias" in tables and "+1" in tables
    assert "Θ(1)" in tables and "Layer 2" in tables


def test_numbers_follow_the_locale(panel, trace):
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    try:
        panel.show_step(trace, index_of(trace, Phase.FORWARD_Z, 2))
        assert "0,3775" in panel.equation_text()
    finally:
        QLocale.setDefault(old)


def test_big_layers_are_cut_with_an_ellipsis_but_keep_their_true_shape(qtbot):
    s = build_preset("digits")
    trace = s.network.trace(s.X[:1], s.Y[:1], lam=0.0, lr=0.5)
    panel = MathPanel(trace, 0)
    qtbot.addWidget(panel)
    panel.show_step(trace, index_of(trace, Phase.FORWARD_Z, 2))
    text = panel.equation_text()
    assert "32×65" in text and "65×1" in text     # Θ(1) and [1; a(1)] of 8×8 digits
    assert "…" in text
    assert "more neurons" in text                 # only the first sums are written out


def test_heat_map_tooltip_names_the_colour_the_bias_column_is_drawn_in(panel, trace):
    from ui.look import palette
    from ui.maths import tables as math_html
    assert math_html.BIAS_BG == palette.LIGHT.bias_fill == "#FFF3C4"   # pale yellow, not grey
    tip = panel._tables.toolTip()
    assert "yellow" in tip and "grey" not in tip


def test_ellipsis_cells_stay_legible_in_the_dark_theme(qtbot):
    from PySide6.QtGui import QColor, QTextCursor, QTextDocument, QTextFormat

    from ui.look import palette
    s = build_preset("digits")
    trace = s.network.trace(s.X[:1], s.Y[:1], lam=0.0, lr=0.5)
    panel = MathPanel(trace, 0)
    qtbot.addWidget(panel)
    panel.set_theme(palette.DARK)
    panel.show_step(trace, index_of(trace, Phase.FORWARD_Z, 2))
    colours = set()
    for doc in (panel._equation.document(), panel._tables.document()):
        cursor = doc.find("…")
        while not cursor.isNull():
            fmt = QTextCursor(cursor).charFormat()
            if fmt.hasProperty(QTextFormat.Property.ForegroundBrush):   # else: the theme's text
                colours.add(fmt.foreground().color().name())
            cursor = doc.find("…", cursor, QTextDocument.FindFlag(0))
    assert colours, "the digits tables are cut with an ellipsis"
    # "…" cells have no heat-map fill: black text would vanish on the dark background.
    assert QColor("#000000").name() not in colours


def _a_cell_colours(panel, values) -> dict[str, tuple[int, int, int]]:
    """Return {text of an activation cell: its background (r, g, b)} for ``values`` written in
    the panel's heat-map tables (cells are found by their text)."""
    import re

    html = panel._tables.toHtml()
    out = {}
    for v in values:
        text = num_text(v)
        cell = r'<td bgcolor="#([0-9a-f]{6})"[^>]*>(?:\s*<[^>]+>)*'
        m = re.search(cell + re.escape(text) + "<", html)
        assert m, text
        h = m.group(1)
        out[text] = (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))
    return out


def test_tanh_activations_are_coloured_by_sign_like_the_canvas(qtbot):
    # Two spirals uses tanh: a(2) holds negative and positive values. The canvas fills them
    # orange and blue (palette's diverging map); the tables must not show them all purple.
    s = build_preset("spirals")
    trace = s.network.trace(s.X[:1], s.Y[:1], lam=s.lam, lr=s.lr)
    panel = MathPanel(trace, index_of(trace, Phase.FORWARD_A, 2))
    qtbot.addWidget(panel)
    a = trace.state_at(index_of(trace, Phase.FORWARD_A, 2)).a[2][:8]
    assert (a < -0.05).any() and (a > 0.05).any()
    colours = _a_cell_colours(panel, [v for v in a if abs(v) > 0.05])
    for v in a:
        if abs(v) <= 0.05:
            continue
        r, g, b = colours[num_text(v)]
        if v < 0:
            assert r > b, (v, (r, g, b))     # orange side
        else:
            assert b > r, (v, (r, g, b))     # blue side


def test_sigmoid_activations_stay_purple(panel, trace):
    i = index_of(trace, Phase.FORWARD_A, 2)
    panel.show_step(trace, i)
    a = trace.state_at(i).a[2]
    for r, g, b in _a_cell_colours(panel, a).values():
        # The purple ramp: blue over green, red level with green (the diverging blue has red
        # well under green).
        assert b > g + 15 and r >= g - 3, (r, g, b)


def num_text(v: float) -> str:
    from ui.maths.panel import TABLE_DIGITS
    from ui.maths.tables import num
    return num(float(v), TABLE_DIGITS)


@pytest.mark.parametrize(("g", "z_words", "prime_words"), [
    ("gelu", "tanh approximation", "g′(z) = ½(1 + t)"),
    ("elu", "e^z − 1", "g′(z) = 1 if z > 0, else e^z"),
    ("leaky_relu", "max(0.01·z, z)", "else 0.01"),
    ("softplus", "log(1 + e^z)", "g′(z) = σ(z)"),
])
def test_each_layer_writes_its_own_g_and_g_prime(qtbot, g, z_words, prime_words):
    net = Network([2, 3, 2, 1], [g, "tanh"], rng=np.random.default_rng(0))
    tr = net.trace(np.array([[0.5, -1.0]]), np.array([[1.0]]))
    p = MathPanel(tr, 0)
    qtbot.addWidget(p)
    p.show_step(tr, index_of(tr, Phase.FORWARD_A, 2))
    assert z_words in p.equation_text()
    p.show_step(tr, index_of(tr, Phase.HIDDEN_DELTA, 2))
    assert prime_words in p.equation_text()
    p.show_step(tr, index_of(tr, Phase.HIDDEN_DELTA, 3))
    assert "1 − tanh²(z)" in p.equation_text()      # layer 3 has its own g: tanh


def _gradient_html(qtbot, mistake: str | None, lam: float) -> tuple[str, str]:
    """Return the equation pane's HTML and text at D(1) of a 2-2-1 network with λ = ``lam``."""
    net = Network.from_thetas([np.array([[0.5, 0.1, -0.2], [-0.3, 0.4, 0.2]]),
                               np.array([[0.7, -0.6, 0.3]])], "sigmoid", "sigmoid",
                              "squared_error")
    trace = net.trace(np.array([[0.2, 0.9], [0.6, 0.1]]), np.array([[0.3], [0.8]]), lam=lam,
                      mistake=mistake)
    p = MathPanel(trace, 0)
    qtbot.addWidget(p)
    p.show_step(trace, index_of(trace, Phase.GRADIENT, 1))
    return p._equation.toHtml(), p.equation_text()


def test_regularizing_the_bias_column_does_not_strike_it_out_and_writes_its_lambda_theta(qtbot):
    right_html, right = _gradient_html(qtbot, None, 0.5)
    wrong_html, wrong = _gradient_html(qtbot, "regularize-bias", 0.5)
    # Θ(1)'s bias column 0.5, −0.3 is struck out (not regularized) only by the correct line.
    struck = re.compile(r"line-through[^>]*>0\.5<")
    assert struck.search(right_html) and not struck.search(wrong_html)
    # Row D(1)₁₀ = 1/2 · (Δ + 0.5 · Θ₁₀) with Θ₁₀ = 0.5 only under the mistake.
    assert "D(1)₁₀ = 1/2 · (" in wrong and "+ 0.5 · 0.5)" in wrong
    assert "+ 0.5 · 0.5)" not in right
    assert "not regularized" in right and "bias column j = 0 too" in wrong
