"""`main.py lesson.json --mistake NAME` on the real window: the saved lesson opens with the
classic mistake switched on (the step-through computes it), over any mistake the file had."""

from __future__ import annotations

from engine.steps import GradientStep
from main import build_main_window


def _gradient_steps(win) -> list[GradientStep]:
    return [s.payload for s in win.stepper.trace.steps if isinstance(s.payload, GradientStep)]


def _reopened(make_window, qtbot, path, *argv: str):
    """Save a window of ``argv`` to ``path``; return a window started as `main.py path
    --mistake forget-1-over-m`."""
    assert make_window(*argv).session.save_to(path)
    win = build_main_window(["--lang", "en", str(path), "--mistake", "forget-1-over-m"])
    qtbot.addWidget(win)
    return win


def test_a_session_opened_with_a_mistake_steps_through_it(make_window, qtbot, tmp_path):
    win = _reopened(make_window, qtbot, tmp_path / "lesson.json", "--preset", "xor",
                    "--examples", "4")
    assert win.state.settings.mistake == "forget-1-over-m"
    assert win.state.modified          # the window is no longer what the file holds
    steps = _gradient_steps(win)
    assert steps
    for step in steps:      # the mistake: D(l) = Δ(l) (+ λΘ), not divided by m = 4 examples
        assert step.m == 4
        assert abs(step.D[0, 0] - step.Delta[0, 0]) < 1e-12
        assert abs(step.D[0, 0] - step.Delta[0, 0] / 4) > 1e-9


def test_the_command_line_mistake_replaces_the_files_own(make_window, qtbot, tmp_path):
    win = _reopened(make_window, qtbot, tmp_path / "uphill.json", "--preset", "xor",
                    "--mistake", "update-uphill")
    assert win.state.settings.mistake == "forget-1-over-m"
