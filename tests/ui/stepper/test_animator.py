"""The canvas shows what each micro-step computed: values, edge overlays and the new weights."""

from __future__ import annotations

import numpy as np
import pytest

from engine.network import Network
from engine.trace import Phase
from main import build_main_window
from ui.look.palette import FillScale


@pytest.fixture
def window(qtbot):
    w = build_main_window(["--preset", "mazur"])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def at(window, phase, layer):
    i = next(s.index for s in window.stepper.trace if s.phase is phase and s.layer == layer)
    window.stepper.set_cursor(i)
    return window.stepper.trace[i]


def test_accumulate_overlays_this_examples_contribution(window):
    step = at(window, Phase.ACCUMULATE, 2)
    bundle = window.network_view.bundles[1]
    assert bundle.overlay_kind == "contribution"
    np.testing.assert_array_equal(bundle.overlay, step.payload.outer)
    assert window.network_view.bundles[0].overlay is None


def test_gradient_overlays_d(window):
    step = at(window, Phase.GRADIENT, 1)
    bundle = window.network_view.bundles[0]
    assert bundle.overlay_kind == "D"
    np.testing.assert_array_equal(bundle.overlay, step.payload.D)


def test_update_morphs_to_the_new_weights_and_back_restores_them(window):
    trace = window.stepper.trace
    at(window, Phase.UPDATE, 1)
    window.stepper_controller.step_forward()            # update Θ(2), animated
    assert window.network_view.is_animating()
    window.network_view.finish_animation()
    np.testing.assert_allclose(window.network_view.thetas[1], trace.thetas_after[1])
    window.stepper_controller.step_back()
    np.testing.assert_allclose(window.network_view.thetas[1], trace.thetas[1])


def test_forward_pulse_shows_z_only_when_it_arrives(window):
    at(window, Phase.INPUT, 1)
    view = window.network_view
    window.stepper_controller.step_forward()            # z(2): a pulse along Θ(1)
    assert view.is_animating()
    assert view.columns[1].values.get("z") is None
    view.finish_animation()
    np.testing.assert_array_equal(view.columns[1].values["z"],
                                  window.stepper.state_at().z[2])


def test_each_layer_is_filled_by_its_activations_scale(qtbot):
    w = build_main_window(["--preset", "spirals"])     # 2-8-8-1, tanh hidden, sigmoid output
    qtbot.addWidget(w)
    view, X = w.network_view, w.stepper.state.X
    assert X.min() < 0                                  # the spirals are centred on 0
    input_scale = view.columns[0].fill_scale
    assert input_scale.signed and input_scale.full >= np.abs(X).max()
    assert [c.fill_scale for c in view.columns[1:]] == [FillScale(signed=True)] * 2 + [FillScale()]
    assert "hatched" in view.legend.texts()[0]


def test_a_new_hidden_activation_changes_the_fill(window):
    state = window.stepper.state
    old = state.network
    state.set_network(Network(old.layer_sizes, "linear", old.output, old.loss_name,
                              rng=np.random.default_rng(0)))
    assert window.network_view.columns[1].fill_scale == FillScale(signed=True, grows=True)
    assert window.network_view.columns[0].fill_scale == FillScale()   # Mazur's x ≥ 0
