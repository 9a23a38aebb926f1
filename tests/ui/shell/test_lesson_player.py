"""The lesson player: a session's cards move the step-through, hide panels, and are saved."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from main import build_main_window
from tests.engine.files.test_lesson import SHIPPED


@pytest.fixture
def window(qtbot):
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_session_without_lesson_shows_no_player(window):
    assert not window.lesson_player.isVisible()


def test_opening_the_shipped_lesson_plays_it(window, qtbot):
    assert window.session.open_path(SHIPPED, ask=False)
    player = window.lesson_player
    assert player.isVisible() and player.windowTitle() == "Mazur step by step"
    assert player.text.text().startswith("Mazur's worked example")
    assert not window.training_panel.isVisible()          # not among the lesson's panels
    assert window.loss_plot.isVisible() and window.network_view.isVisible()
    card = player.lesson.cards
    while player.index + 1 < len(card):
        qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
        step = card[player.index].step
        if step is not None:
            assert window.stepper.cursor == step - 1
    assert not player.next_button.isEnabled()


def test_a_cards_action_button_does_it(window, qtbot):
    window.session.open_path(SHIPPED, ask=False)
    player = window.lesson_player
    while player.lesson.cards[player.index].action != "gradient-check":
        player.next()
    assert player.action_button.isVisible()
    qtbot.mouseClick(player.action_button, Qt.MouseButton.LeftButton)
    assert window.checks.gradient_check.isVisible()


def test_closing_the_lesson_shows_every_panel_again(window, qtbot):
    window.session.open_path(SHIPPED, ask=False)
    qtbot.mouseClick(window.lesson_player.close_button, Qt.MouseButton.LeftButton)
    assert not window.lesson_player.isVisible()
    assert window.training_panel.isVisible() and window.boundary_view.isVisible()


def test_saving_keeps_the_lesson(window, tmp_path):
    window.session.open_path(SHIPPED, ask=False)
    out = tmp_path / "again.json"
    assert window.session.save_to(out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["lesson"] == json.loads(SHIPPED.read_text(encoding="utf-8"))["lesson"]


def test_help_lessons_lists_the_shipped_lessons(window):
    menu = window.lesson_player.lessons_menu
    assert menu is not None and menu.menuAction() in window.help_menu.actions()
    titles = [a.text() for a in menu.actions()]
    assert "Mazur step by step" in titles
    assert "XOR truth table: the whole loop over 4 examples" in titles
    menu.actions()[titles.index("Mazur step by step")].trigger()
    assert window.lesson_player.isVisible()


def test_cards_follow_the_language(qtbot):
    win = build_main_window(["--lang", "pt_BR"])
    qtbot.addWidget(win)
    win.show()
    win.session.open_path(SHIPPED, ask=False)
    assert win.lesson_player.text.text().startswith("O exemplo resolvido de Mazur")
    assert win.lesson_player.close_button.text() != "Close lesson"
    assert win.lesson_player.windowTitle() == "Mazur passo a passo"


@pytest.mark.parametrize("path", sorted(SHIPPED.parent.glob("*.json")), ids=lambda p: p.stem)
def test_a_lesson_from_the_command_line_hides_the_panels_it_does_not_list(qtbot, path):
    # As `python main.py LESSON.json --step 5`: the lesson is set before the window is shown,
    # when no panel is visible on screen yet; its classroom look must still apply.
    win = build_main_window(["--lang", "en", str(path), "--step", "5"])
    qtbot.addWidget(win)
    panels = win.lesson_player._panels
    listed = set(win.lesson_player.lesson.panels)
    win.show()
    qtbot.waitExposed(win)
    assert set(panels) - listed, "a lesson that hides nothing tests nothing"
    for name, widget in panels.items():
        assert widget.isVisible() == (name in listed), name
    assert win.stepper.cursor == 4          # --step counts from 1 and wins over the first card
