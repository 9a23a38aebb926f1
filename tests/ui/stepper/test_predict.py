"""Predict mode: the step waits for the learner's number, right/wrong to 3 significant digits,
the diagnosis of a wrong answer, locale-aware typing and the score kept in the session."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction

from engine.trace import Phase
from main import build_main_window
from ui.stepper.predict import parse_number


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.fixture
def window(qtbot):
    w = build_main_window(["--preset", "mazur", "--predict"])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def go_before(window, phase, layer):
    """Put the cursor just before the first ``phase`` step of ``layer`` and ask for it."""
    i = next(s.index for s in window.stepper.trace if s.phase is phase and s.layer == layer)
    window.stepper.set_cursor(i - 1)
    window.stepper_controller.step_forward()
    return window.stepper.trace[i]


def test_toggle_is_in_the_toolbar_and_on_with_predict(window):
    action = window.findChild(QAction, "predictAction")
    assert action is not None and action.isChecked()
    assert window.predict.prompt.isVisible()


def test_next_waits_for_a_prediction(window):
    step = go_before(window, Phase.FORWARD_Z, 2)
    assert window.stepper.cursor == step.index - 1
    assert "z(2)₁" in window.predict.prompt.question.text()


def test_right_answer_reveals_and_scores_first_try(window, qtbot):
    step = go_before(window, Phase.FORWARD_Z, 2)
    # Mazur: z(2)₁ = 0.35 + 0.15·0.05 + 0.2·0.1 = 0.3775, typed to 3 significant digits
    qtbot.keyClicks(window.predict.prompt.input, "0.378")
    qtbot.keyClick(window.predict.prompt.input, Qt.Key.Key_Return)
    assert window.stepper.cursor == step.index
    assert window.state.predictions == {"asked": 1, "first_try": 1, "after_hint": 0}
    assert "Right" in window.predict.prompt.feedback.text()


def test_wrong_answer_names_g_instead_of_g_prime_then_allows_a_second_try(window):
    step = go_before(window, Phase.HIDDEN_DELTA, 2)
    trace = window.stepper.trace
    th = [np.asarray(t) for t in trace.thetas]
    x = trace.X[0]
    z2 = th[0] @ np.concatenate(([1.0], x))
    a2 = sig(z2)
    z3 = th[1] @ np.concatenate(([1.0], a2))
    a3 = sig(z3)
    d3 = (a3 - trace.Y[0]) * a3 * (1 - a3)
    wrong = (th[1].T @ d3)[1] * sig(z2[0])            # g(z) where g′(z) belongs
    window.predict.answer(f"{wrong:.6f}")
    assert window.stepper.cursor == step.index - 1     # not revealed yet
    assert "g instead of g′" in window.predict.prompt.feedback.text()
    right = (th[1].T @ d3)[1] * a2[0] * (1 - a2[0])
    window.predict.answer(f"{right:.6f}")
    assert window.stepper.cursor == step.index
    assert window.state.predictions == {"asked": 1, "first_try": 0, "after_hint": 1}


def test_empty_answer_reveals_without_scoring(window):
    step = go_before(window, Phase.FORWARD_A, 2)
    window.predict.answer("")
    assert window.stepper.cursor == step.index
    assert window.state.predictions is None


def test_numbers_follow_the_locale():
    pt = QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil)
    assert parse_number("0,5", pt) == 0.5
    assert parse_number("0.5", pt) is None            # not five: group separators are refused
    assert parse_number("−1,25", pt) == -1.25
    assert parse_number("0.5", QLocale(QLocale.Language.English)) == 0.5


def test_score_is_saved_with_the_session(window, tmp_path):
    go_before(window, Phase.FORWARD_Z, 2)
    window.predict.answer("0.3775")
    path = tmp_path / "lesson.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["predictions"] == {"asked": 1, "first_try": 1, "after_hint": 0}
    window.state.set_predictions(None)
    assert window.session.open_path(path, ask=False)
    assert window.state.predictions == {"asked": 1, "first_try": 1, "after_hint": 0}
