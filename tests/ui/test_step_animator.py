"""The canvas shows what each micro-step computed: values, edge overlays and the new weights."""

from __future__ import annotations

import numpy as np
import pytest

from engine.trace import Phase
from main import build_main_window


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
    np.testing.assert_array_equal(bundle.overlay, step.arrays["outer"])
    assert window.network_view.bundles[0].overlay is None


def test_gradient_overlays_d(window):
    step = at(window, Phase.GRADIENT, 1)
    bundle = window.network_view.bundles[0]
    assert bundle.overlay_kind == "D"
    np.testing.assert_array_equal(bundle.overlay, step.arrays["D"])


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
