"""The stepper holds the current example's trace and a cursor; back is a replay."""

from __future__ import annotations

import numpy as np
import pytest

from engine.lesson.presets import build_preset
from engine.trace import Phase
from tests.ui import mazur_numbers as mz
from ui.state import AppState, Settings
from ui.stepper.playback import Stepper


def make_state(preset: str = "mazur") -> AppState:
    s = build_preset(preset, seed=0)
    return AppState(s.network, s.X, s.Y, Settings(lr=s.lr, lam=s.lam, freeze_bias=s.freeze_bias),
                    s.dataset, preset=preset)


@pytest.fixture
def stepper(qtbot) -> Stepper:
    return Stepper(make_state())


def test_cursor_starts_on_the_reset_step(stepper):
    assert stepper.cursor == 0
    assert stepper.step.phase is Phase.RESET


def test_step_forward_moves_one_step_and_emits(qtbot, stepper):
    with qtbot.waitSignal(stepper.step_changed) as blocker:
        assert stepper.step_forward()
    assert blocker.args == [1]
    assert stepper.step.phase is Phase.INPUT


def test_forward_pass_reaches_mazurs_outputs(stepper):
    while stepper.step.phase is not Phase.FORWARD_A or stepper.step.layer != 3:
        stepper.step_forward()
    a = stepper.state_at().a
    assert a[2] == pytest.approx([mz.OUT_H1, mz.OUT_H2], abs=1e-9)
    assert a[3] == pytest.approx([mz.OUT_O1, mz.OUT_O2], abs=1e-8)


def test_step_back_restores_the_earlier_state_exactly(stepper):
    for _ in range(5):
        stepper.step_forward()
    seen = stepper.state_at()
    for _ in range(4):
        stepper.step_forward()
    for _ in range(4):
        stepper.step_back()
    again = stepper.state_at()
    assert stepper.cursor == 5
    for name in ("a", "z", "d", "Delta", "Theta"):
        before, after = getattr(seen, name), getattr(again, name)
        assert before.keys() == after.keys()
        for k in before:
            np.testing.assert_array_equal(before[k], after[k])


def test_cannot_step_past_either_end(stepper):
    assert not stepper.step_back()
    stepper.set_cursor(10_000)
    assert stepper.cursor == len(stepper.trace) - 1
    assert not stepper.step_forward()


def test_restart_goes_to_the_first_step(stepper):
    stepper.set_cursor(9)
    stepper.restart()
    assert stepper.cursor == 0


def test_weight_change_recomputes_the_trace_on_the_same_step(qtbot, stepper):
    stepper.set_cursor(6)
    with qtbot.waitSignal(stepper.trace_changed):
        stepper.state.network.set_weight(2, 0, 1, 1.0)     # w5 = 1
        stepper.state.notify_weights_changed()
    assert stepper.cursor == 6
    assert stepper.trace.thetas[1][0, 1] == 1.0
    # out_o1 = σ(0.6 + 1·out_h1 + 0.45·out_h2), computed here independently
    expected = 1 / (1 + np.exp(-(0.6 + mz.OUT_H1 + 0.45 * mz.OUT_H2)))
    assert stepper.state_at(5).a[3][0] == pytest.approx(expected, abs=1e-8)


def test_settings_change_recomputes_the_update(qtbot, stepper):
    stepper.state.update_settings(lr=1.0)
    # w5+ with α = 1: 0.4 − 1·∂E/∂w5 (Mazur's gradient)
    assert stepper.trace.thetas_after[1][0, 1] == pytest.approx(0.4 - mz.DE_DW5, abs=1e-9)


def test_example_change_traces_that_example(qtbot):
    stepper = Stepper(make_state("xor"))
    stepper.state.set_example(3)
    np.testing.assert_array_equal(stepper.trace.X[0], stepper.state.X[3])


def test_new_network_restarts_the_cursor(qtbot, stepper):
    stepper.set_cursor(7)
    stepper.state.set_network(stepper.state.network.copy())
    assert stepper.cursor == 0


def test_data_that_does_not_fit_the_network_yet_keeps_the_old_trace(qtbot, stepper):
    import numpy as np

    from engine.network import Network
    old = stepper.trace
    stepper.state.set_data(np.zeros((3, 4)), np.zeros((3, 2)))      # 4 features, net has 2
    assert stepper.trace is old
    stepper.state.set_network(Network([4, 3, 2], rng=np.random.default_rng(0)))
    assert stepper.trace.X.shape == (3, 4)     # 3 ≤ 8 examples: all of them by default
