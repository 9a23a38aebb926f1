"""The gradient check and the chain rule on screen agree with the engine and the article."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.gradient_check import check_layers, network_of
from engine.lesson.presets import build_preset
from main import build_main_window
from tests.ui import mazur_numbers as mz
from ui.maths.gradient_check_view import GradientCheckView, exponent
from ui.maths.inspector import Inspector
from ui.maths.tables import num


@pytest.fixture
def window(qtbot):
    win = build_main_window(["--lang", "en", "--preset", "mazur"])
    qtbot.addWidget(win)
    return win


def _trace(name="mazur", m=1, lam=0.0):
    s = build_preset(name)
    return s.network.trace(s.X[:m], s.Y[:m], lam=lam, lr=0.5)


def test_inspector_shows_the_central_difference_beside_D(qtbot):
    trace = _trace()
    inspector = Inspector(trace, len(trace) - 1)
    qtbot.addWidget(inspector)
    inspector.show_edge(2, 0, 1)                                    # w5
    text = inspector.text()
    assert "(J(θ+ε) − J(θ−ε))/2ε" in text and "agree" in text
    assert inspector.central_difference(2, 0, 1) == pytest.approx(mz.DE_DW5, abs=1e-9)
    assert mz.shows(text, inspector.central_difference(2, 0, 1))


def test_inspector_waits_for_D_before_checking_it(qtbot):
    trace = _trace()
    inspector = Inspector(trace, 3)
    qtbot.addWidget(inspector)
    inspector.show_edge(1, 0, 1)
    assert "Gradient check" not in inspector.text()


def test_view_menu_opens_the_gradient_check(window, qtbot):
    action = window.checks.gradient_check_action
    assert action in window.view_menu.actions()
    action.trigger()
    view = window.checks.gradient_check
    assert view.objectName() == "gradientCheckView" and view.isVisible()


def test_view_numbers_are_the_engines(qtbot):
    trace = _trace("iris", m=3, lam=0.2)
    view = GradientCheckView(trace)
    qtbot.addWidget(view)
    view.show()
    s = build_preset("iris")
    expected = check_layers(s.network, s.X[:3], s.Y[:3], lam=0.2)   # its own D and differences
    for k in range(2):
        np.testing.assert_allclose(view.check.numerical[k], expected.numerical[k], rtol=1e-12)
        np.testing.assert_allclose(view.check.analytic[k], expected.analytic[k], rtol=1e-10)
        # Both sides are noise of about 10⁻¹⁰ here: the same order of magnitude is the claim.
        np.testing.assert_allclose(np.log10(view.check.relative[k] + 1e-16),
                                   np.log10(expected.relative[k] + 1e-16), atol=1.5)
    for l, worst in enumerate(expected.worst, 1):
        assert f"Θ({l}): largest relative difference {exponent(worst)}: agrees" in \
            view.summary.text()


def test_tampered_gradient_lights_up_only_its_entry(qtbot):
    trace = _trace("xor", m=4)
    D = [d.copy() for d in trace.D]
    D[1][0, 2] += 0.01
    view = GradientCheckView(replace(trace, D=tuple(D)))
    qtbot.addWidget(view)
    view.show()
    lit = [list(zip(*np.nonzero(r >= 1e-6), strict=True)) for r in view.check.relative]
    assert lit == [[], [(0, 2)]]
    assert "disagrees" in view.summary.text() and "1 of 17 weights disagree" in \
        view.summary.text()


def test_gradient_check_follows_the_stepper(window, qtbot):
    view = window.checks.open_gradient_check()
    before = view.check.numerical[1][0, 1]
    window.state.network.set_weight(2, 0, 1, 1.5)
    window.state.notify_weights_changed()
    assert view.check.numerical[1][0, 1] != before
    fresh = network_of(window.stepper.trace)
    assert fresh.thetas[1][0, 1] == 1.5


def test_weight_editor_opens_the_chain_rule_of_w5(window, qtbot):
    editor = window.stepper_controller.edit_weight(2, 0, 1)
    editor.open()
    qtbot.mouseClick(editor.chain_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    view = window.checks.chain_rules[-1]
    assert view.objectName() == "chainRuleView" and view.isVisible()
    assert "w5" in view.windowTitle()
    assert mz.shows(view.product.text(), mz.DE_DW5, tol=1e-9)
    names = [name for name, _value in view.graph.nodes]
    assert names[0].startswith("θ") and names[1] == "z₁(3)" and names[2] == "a₁(3)"
    assert view.rule.D == pytest.approx(view.step_D(), abs=1e-15)


def test_chain_rule_of_w1_fans_out_to_the_traces_deltas(window, qtbot):
    view = window.checks.open_chain_rule(1, 0, 1)
    done = window.stepper.trace.state_at(len(window.stepper.trace) - 1)
    np.testing.assert_allclose(view.rule.paths[0].d_next, done.d[3], rtol=1e-15)
    names = [name for name, _theta in view.graph.branches]
    assert names == [f"d₁(3) = {num(done.d[3][0], 4)}", f"d₂(3) = {num(done.d[3][1], 4)}"]
    assert view.rule.D == pytest.approx(mz.DE_DW1, abs=1e-9)


def test_loss_slice_centre_is_J_and_tangent_has_slope_D(window, qtbot):
    view = window.checks.open_chain_rule(2, 0, 1)
    x, y = view.curve.getData()
    tx, ty = view.tangent.getData()
    assert len(x) == 41
    assert y[20] == pytest.approx(mz.E_TOTAL, abs=1e-9)
    assert (ty[-1] - ty[0]) / (tx[-1] - tx[0]) == pytest.approx(mz.DE_DW5, abs=1e-9)


def test_chain_rule_follows_an_edited_weight(window, qtbot):
    view = window.checks.open_chain_rule(2, 0, 1)
    window.state.network.set_weight(2, 0, 1, -1.0)
    window.state.notify_weights_changed()
    assert view.rule.theta == -1.0
    assert view.rule.D == pytest.approx(float(window.stepper.trace.D[1][0, 1]), abs=1e-15)
