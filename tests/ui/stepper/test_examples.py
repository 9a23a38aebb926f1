"""Stepping through K examples: the notes' whole loop over t = 1 … K, then D = (1/K)(Δ + λΘ)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QSpinBox

from engine.trace import Phase, default_example_count, traced_rows
from main import build_main_window, parse_args


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _plain_Delta(thetas, X, Y):
    """Return Δ(1), Δ(2) of a 2-layer-of-weights sigmoid net with cross-entropy, summed example
    by example (the notes' loop written out, independent of the engine)."""
    T1, T2 = thetas
    Delta = [np.zeros_like(T1), np.zeros_like(T2)]
    for x, y in zip(X, Y, strict=True):
        a1 = np.r_[1.0, x]
        a2 = _sigmoid(T1 @ a1)
        a3 = _sigmoid(T2 @ np.r_[1.0, a2])
        d3 = a3 - y
        d2 = (T2.T @ d3)[1:] * a2 * (1 - a2)
        Delta[1] += np.outer(d3, np.r_[1.0, a2])
        Delta[0] += np.outer(d2, a1)
    return Delta


def open_window(qtbot, *argv: str):
    window = build_main_window(list(argv))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def xor(qtbot):
    return open_window(qtbot, "--preset", "xor-table")


def test_xor_table_steps_through_all_four_examples_by_default(xor):
    trace = xor.stepper.trace
    assert xor.state.example_count == 4 and trace.m == 4
    np.testing.assert_array_equal(trace.X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(trace.Y[:, 0], [0, 1, 1, 0])
    assert xor.state.network.layer_sizes == [2, 2, 1]
    assert xor.state.dataset.X_test.shape[0] == 0
    assert sorted({s.example for s in trace if s.example is not None}) == [0, 1, 2, 3]


def test_delta_after_four_examples_is_the_sum_of_their_outer_products_and_D_divides_by_four(xor):
    xor.state.update_settings(lam=0.5)
    trace = xor.stepper.trace
    X, Y = np.array([[0, 0], [0, 1], [1, 0], [1, 1.0]]), np.array([[0], [1], [1], [0.0]])
    expected = _plain_Delta([np.array(t) for t in trace.thetas], X, Y)
    last = {s.layer: s for s in trace if s.phase is Phase.ACCUMULATE}
    for l in (1, 2):
        np.testing.assert_allclose(last[l].payload.Delta_after, expected[l - 1], rtol=1e-12)
    for step in (s for s in trace if s.phase is Phase.GRADIENT):
        l, T = step.layer, trace.thetas[step.layer - 1]
        D = expected[l - 1] / 4
        D[:, 1:] += 0.5 / 4 * T[:, 1:]       # λ only for columns j ≥ 1
        np.testing.assert_allclose(step.payload.D, D, rtol=1e-12)
        assert step.payload.m == 4
    # The update applies that D.
    for l in (1, 2):
        np.testing.assert_allclose(trace.thetas_after[l - 1],
                                   trace.thetas[l - 1] - 2.0 * trace.D[l - 1], rtol=1e-12)


def test_each_accumulate_starts_from_the_previous_examples_delta(xor):
    acc = [s for s in xor.stepper.trace if s.phase is Phase.ACCUMULATE and s.layer == 2]
    assert [s.example for s in acc] == [0, 1, 2, 3]
    assert not np.any(acc[0].payload.Delta_before)
    for before, after in zip(acc, acc[1:], strict=False):
        np.testing.assert_array_equal(after.payload.Delta_before, before.payload.Delta_after)


def test_the_spin_chooses_k_and_the_trace_follows(xor):
    spin = xor.findChild(QSpinBox, "exampleCountSpin")
    assert spin is not None and spin.value() == 4 and spin.maximum() == 4
    spin.setValue(2)
    assert xor.state.example_count == 2 and xor.stepper.trace.m == 2
    xor.state.set_example(3)          # from example 4, K = 2 wraps round to example 1
    np.testing.assert_array_equal(xor.stepper.trace.X, [[1, 1], [0, 0]])


def test_phase_line_and_timeline_name_the_example_of_k(xor):
    trace = xor.stepper.trace
    acc3 = next(s for s in trace if s.phase is Phase.ACCUMULATE and s.example == 2)
    xor.stepper.set_cursor(acc3.index)
    assert xor.stepper_controller.phase.text().startswith("Example 3 of 4 · Accumulate")
    labels = [label for label, _, _ in xor.timeline.groups()]
    assert labels[1:5] == ["t = 1", "t = 2", "t = 3", "t = 4"]
    grad = next(s for s in trace if s.phase is Phase.GRADIENT)
    xor.stepper.set_cursor(grad.index)
    assert "(1/4)" in xor.math_panel.equation_text()


def test_going_back_and_jumping_across_example_boundaries_replays_the_right_example(xor):
    trace = xor.stepper.trace
    first_of_2 = next(s.index for s in trace if s.example == 1)
    xor.stepper.set_cursor(first_of_2)
    np.testing.assert_array_equal(xor.stepper.state_at().a[1], [0, 1])
    xor.stepper.step_back()                     # the last step of example 1
    assert xor.stepper.step.example == 0
    np.testing.assert_array_equal(xor.stepper.state_at().a[1], [0, 0])
    last_of_4 = max(s.index for s in trace if s.example == 3)
    xor.stepper.set_cursor(last_of_4)
    np.testing.assert_array_equal(xor.stepper.state_at().a[1], [1, 1])


def test_editing_a_weight_inside_example_3_keeps_the_place_and_recomputes_every_example(qtbot,
                                                                                     xor):
    acc3 = next(s.index for s in xor.stepper.trace if s.phase is Phase.ACCUMULATE
                and s.example == 2)
    xor.stepper.set_cursor(acc3)
    editor = xor.stepper_controller.edit_weight(2, 0, 1)
    qtbot.addWidget(editor)
    editor.edit.setText("1.5")
    editor._on_buttons_accepted()
    trace = xor.stepper.trace
    assert xor.stepper.cursor == acc3 and trace.m == 4 and trace.thetas[1][0, 1] == 1.5
    X, Y = np.array([[0, 0], [0, 1], [1, 0], [1, 1.0]]), np.array([[0], [1], [1], [0.0]])
    expected = _plain_Delta([np.array(t) for t in trace.thetas], X[:3], Y[:3])
    np.testing.assert_allclose(trace[acc3].payload.Delta_after, expected[1], rtol=1e-12)


def test_default_k_is_the_whole_set_up_to_eight_examples():
    assert [default_example_count(m) for m in (1, 4, 8, 9, 150)] == [1, 4, 8, 1, 1]
    assert traced_rows(150, 149, 64).tolist()[:2] == [149, 0]
    assert len(traced_rows(150, 0, 500)) == 64
    assert traced_rows(4, 1, 9).tolist() == [1, 2, 3, 0]


def test_examples_option_sets_k(qtbot):
    window = open_window(qtbot, "--preset", "iris", "--examples", "5")
    assert window.state.example_count == 5 and window.stepper.trace.m == 5


@pytest.mark.parametrize("bad", ["0", "65", "two"])
def test_examples_option_outside_1_to_64_is_refused(bad, capsys):
    with pytest.raises(SystemExit):
        parse_args(["--examples", bad])
    assert "1..64" in capsys.readouterr().err


def test_the_data_set_picker_offers_the_xor_table_and_steps_through_all_four(qtbot):
    from PySide6.QtWidgets import QComboBox

    window = open_window(qtbot, "--preset", "xor")
    assert window.state.example_count == 1          # 160 noisy points: one at a time
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("xor-table"))
    assert window.state.X.shape == (4, 2) and window.state.example_count == 4
    assert window.stepper.trace.m == 4
