"""The first-run tour: its cards point at the parts in order; Skip remembers; Help → Tour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from main import build_main_window
from ui.shell import tour as tours


@pytest.fixture
def settings_dir(qapp, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("BackpropVisualizerTourTest")
    QSettings().remove(tours.SEEN_KEY)
    return tmp_path


@pytest.fixture
def window(settings_dir, qtbot):
    win = build_main_window(["--lang", "en", "--preset", "mazur"])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_building_the_window_does_not_start_the_tour(window):
    assert not window.tour.active and not window.tour.card.isVisible()
    assert not tours.seen()


def test_cards_visit_the_parts_in_order(window, qtbot):
    t = window.tour
    t.start()
    visited = []
    while t.active:
        visited.append(t.current)
        assert t.card.isVisible() and t.outline.isVisible()
        # The outline surrounds the part and the card does not cover it.
        top_left = t.current.mapTo(window, t.current.rect().topLeft())
        assert t.outline.target.topLeft() == top_left
        assert not t.card.geometry().contains(t.outline.target.center())
        qtbot.mouseClick(t.card.next_button, Qt.MouseButton.LeftButton)
    assert visited == [window.network_view,
                       window.stepper_controller.toolbar,
                       window.timeline, window.math_panel, window.inspector,
                       window.training_panel.train_button]
    assert tours.seen()                        # finishing counts as seen too


def test_back_returns_to_the_card_before(window, qtbot):
    t = window.tour
    t.start()
    assert not t.card.back_button.isEnabled()
    qtbot.mouseClick(t.card.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(t.card.back_button, Qt.MouseButton.LeftButton)
    assert t.current is window.network_view


def test_skip_closes_and_remembers(window, qtbot):
    t = window.tour
    t.start()
    qtbot.mouseClick(t.card.skip_button, Qt.MouseButton.LeftButton)
    assert not t.active and not t.card.isVisible() and not t.outline.isVisible()
    assert tours.seen()
    assert QSettings().value(tours.SEEN_KEY) in (True, "true")


def test_help_tour_reopens_it(window, qtbot):
    t = window.tour
    t.start()
    t.skip()
    assert t.action in window.help_menu.actions()
    t.action.trigger()
    assert t.active and t.current is window.network_view and t.card.isVisible()


def test_cards_are_translated(settings_dir, qtbot):
    win = build_main_window(["--lang", "pt_BR", "--preset", "mazur"])
    qtbot.addWidget(win)
    win.show()
    win.tour.start()
    assert win.tour.card.skip_button.text() == "Pular"
    assert win.tour.action.text() != "&Tour"
