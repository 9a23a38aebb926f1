"""The "What if…" menu: one exclusive action per mistake, the banner, the stepper and the trainer
running with the mistake, the gradient check of the mistaken D, and the session file."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QMenu

from engine.files.session_format import load_session
from engine.mistakes import SWITCHES, Mistake
from engine.trace import Phase
from main import MISTAKES, build_main_window, parse_args


@pytest.fixture
def window(qtbot):
    w = build_main_window(["--preset", "xor-table"])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_command_line_names_are_the_engines_switches():
    assert MISTAKES == tuple(str(s) for s in SWITCHES)


def test_unknown_mistake_on_the_command_line_lists_the_names(capsys):
    with pytest.raises(SystemExit):
        parse_args(["--mistake", "g-prime-twice"])
    assert "update-uphill" in capsys.readouterr().err


def test_menu_has_none_and_one_exclusive_action_per_mistake(window):
    menu = window.findChild(QMenu, "whatIfMenu")
    assert menu is not None
    checkable = [a for a in menu.actions() if a.isCheckable()]
    assert len(checkable) == 1 + len(SWITCHES)
    assert checkable[0].isChecked() and window.state.mistake is None
    assert window.what_if.group.isExclusive()


def test_choosing_a_mistake_sets_the_state_shows_the_banner_and_retraces(window):
    banner = window.what_if.banner
    assert not banner.isVisible()
    window.what_if.actions[Mistake.G_INSTEAD_OF_G_PRIME].trigger()
    assert window.state.mistake is Mistake.G_INSTEAD_OF_G_PRIME
    assert window.state.settings.mistake == "g-instead-of-g-prime"
    assert banner.isVisible() and "NOT backpropagation" in banner.text()
    assert window.stepper.trace.mistake is Mistake.G_INSTEAD_OF_G_PRIME
    hidden = next(s for s in window.stepper.trace if s.phase is Phase.HIDDEN_DELTA)
    z = window.stepper.trace.state_at(hidden.index).z[hidden.layer]
    np.testing.assert_allclose(hidden.payload.g_prime, 1 / (1 + np.exp(-z)))
    window.what_if.actions[None].trigger()
    assert window.state.mistake is None and not banner.isVisible()


def test_gradient_check_of_the_mistaken_D_fails_where_the_mistake_acts(window):
    window.state.set_mistake("g-instead-of-g-prime")
    diffs = window.what_if.differences
    # g for g′ changes d(2) only: D(1) fails the check, D(2) still agrees.
    assert diffs[0] > 1e-3 and diffs[1] < 1e-7
    assert "Θ(1)" in window.what_if.banner.toolTip()


def test_command_line_mistake_is_on_from_the_start(qtbot):
    w = build_main_window(["--preset", "mazur", "--mistake", "update-uphill"])
    qtbot.addWidget(w)
    assert w.state.mistake is Mistake.UPDATE_UPHILL
    assert w.what_if.actions[Mistake.UPDATE_UPHILL].isChecked()
    trace = w.stepper.trace
    for t0, t1, D in zip(trace.thetas, trace.thetas_after, trace.D, strict=True):
        np.testing.assert_allclose(t1 - t0, trace.lr * D * np.array([0, 1, 1]))  # bias frozen


def test_training_with_forget_1_over_m_takes_m_times_the_step(window):
    state = window.state
    before = [t.copy() for t in state.network.thetas]
    D = state.network.gradients(state.X, state.Y, state.settings.lam)
    state.set_mistake("forget-1-over-m")
    window.training.train_epochs(1)
    m, lr = state.X.shape[0], state.settings.lr
    for b, t, g in zip(before, state.network.thetas, D, strict=True):
        np.testing.assert_allclose(b - t, lr * m * g, rtol=1e-9, atol=1e-12)


def test_session_keeps_the_mistake_and_old_files_open_without_one(window, tmp_path):
    window.state.set_mistake("regularize-bias")
    path = tmp_path / "lesson.json"
    assert window.session.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["settings"]["mistake"] == "regularize-bias"
    assert load_session(path).settings["mistake"] == "regularize-bias"
    del doc["settings"]["mistake"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc), encoding="utf-8")
    assert window.session.open_path(old, ask=False)
    assert window.state.mistake is None


def test_gradient_check_waits_while_training_runs(window):
    window.state.set_mistake("g-instead-of-g-prime")
    window.state.set_training(True)
    window.what_if.differences = None
    window.state.notify_weights_changed()          # the stepper retraces
    assert window.what_if.differences is None
    window.state.set_training(False)
    assert window.what_if.differences is not None


def test_a_mistake_that_changes_no_number_says_so_and_claims_nothing_else(qtbot):
    w = build_main_window(["--preset", "mazur", "--mistake", "regularize-bias"])
    qtbot.addWidget(w)
    text = w.what_if.banner.text()
    assert "changes no number" in text and "λ = 0" in text
    assert "NOT backpropagation" not in text
    status = w.what_if.check_text()
    assert "agrees" in status and "changes no number" in status


def test_regularize_bias_with_lambda_is_not_backpropagation_and_fails_the_check(window):
    window.state.update_settings(lam=0.5)
    window.state.set_mistake("regularize-bias")
    assert window.stepper.trace.lam == 0.5
    text = window.what_if.banner.text()
    assert "NOT backpropagation" in text and "changes no number" not in text
    assert "fails" in window.what_if.check_text()


@pytest.mark.parametrize("mistake", ["l-down-to-1", "no-output-g-prime"])
def test_mistakes_without_effect_on_xor_table_say_so(window, mistake):
    # xor-table: cross-entropy, so a − y at the output is right; d(1) is never used.
    window.state.set_mistake(mistake)
    assert "changes no number" in window.what_if.banner.text()
    assert "changes no number" in window.what_if.check_text()


def test_updating_uphill_says_the_gradient_agrees_but_the_update_climbs(window):
    window.state.set_mistake("update-uphill")
    assert "NOT backpropagation" in window.what_if.banner.text()
    assert "the mistake is in the update" in window.what_if.check_text()
