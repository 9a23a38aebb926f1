"""ui.look.on_screen: a dock tabbed behind another is out of sight although Qt calls it visible;
the views in such tabs (loss landscape, gradient health, decision boundary) do no work while
training runs behind them, and catch up when their tab is chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QDockWidget

from main import build_main_window
from ui.look.on_screen import hidden_on_screen, on_screen
from ui.training.boundary_view import BoundaryView
from ui.training.landscape_view import LandscapeView


@pytest.fixture
def window(qapp, tmp_path, qtbot):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("BackpropVisualizerTest")
    win = build_main_window(["--lang", "en", "--preset", "xor"])
    qtbot.addWidget(win)
    win.session.autosave.discard()
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.training.pause()


def _dock(win, name: str) -> QDockWidget:
    return win.findChild(QDockWidget, name)


def _count_calls(monkeypatch, cls, name: str) -> list[int]:
    """Count the calls of ``cls.name`` (the method still runs)."""
    calls = [0]
    original = getattr(cls, name)

    def counted(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counted)
    return calls


def _train(win, qtbot, epochs: int) -> None:
    controller = win.training
    goal = controller.epoch + epochs
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= goal, timeout=20000)
    controller.pause()


def test_a_dock_tabbed_behind_another_is_visible_to_qt_but_not_on_screen(window, qtbot):
    landscape, boundary = _dock(window, "landscapeDock"), _dock(window, "boundaryDock")
    assert window.tabifiedDockWidgets(boundary) == [landscape]
    boundary.raise_()
    qtbot.waitUntil(lambda: on_screen(boundary.widget()))
    view = landscape.widget()
    assert view.isVisible()          # what Qt says of a tab behind another …
    assert not on_screen(view) and hidden_on_screen(view)      # … which cannot be seen
    landscape.raise_()
    qtbot.waitUntil(lambda: on_screen(view))
    assert not on_screen(boundary.widget())


def test_the_landscape_behind_a_tab_evaluates_no_map_while_training(window, qtbot, monkeypatch):
    _dock(window, "boundaryDock").raise_()
    view = window.landscape
    qtbot.waitUntil(lambda: hidden_on_screen(view))
    steps = _count_calls(monkeypatch, LandscapeView, "_step")
    _train(window, qtbot, 200)
    assert steps[0] == 0 and view.grid is None
    # The path was recorded all along: the map drawn on coming to the front shows all of it.
    assert view.path.epochs()[-1] == window.training.epoch
    _dock(window, "landscapeDock").raise_()
    qtbot.waitUntil(lambda: view.grid is not None, timeout=20000)
    assert view.grid_epoch == window.training.epoch


def test_a_map_under_way_waits_behind_its_tab_and_goes_on_in_front(window, qtbot, monkeypatch):
    landscape = _dock(window, "landscapeDock")
    view = window.landscape
    landscape.raise_()
    qtbot.waitUntil(lambda: on_screen(view))
    monkeypatch.setattr("ui.training.landscape_view.FIRST_SECONDS", 0.0)
    monkeypatch.setattr("ui.training.landscape_view.TICK_SECONDS", 0.0)
    view.recentre()                  # a slice at a time (each slice ≥ one row of the grid)
    job, before = view._job, view.grid
    assert job is not None and not job.done
    _dock(window, "boundaryDock").raise_()
    qtbot.waitUntil(lambda: hidden_on_screen(view))
    steps = _count_calls(monkeypatch, LandscapeView, "_step")
    qtbot.wait(50)
    assert steps[0] == 0 and view._job is job and view.grid is before
    landscape.raise_()
    qtbot.waitUntil(lambda: view.grid is not before, timeout=20000)
    assert steps[0] >= 1 and job.done


def test_the_decision_boundary_behind_the_landscape_redraws_only_when_chosen(window, qtbot,
                                                                           monkeypatch):
    _dock(window, "landscapeDock").raise_()
    boundary = window.findChild(BoundaryView)
    qtbot.waitUntil(lambda: hidden_on_screen(boundary))
    redraws = _count_calls(monkeypatch, BoundaryView, "redraw")
    _train(window, qtbot, 200)
    assert redraws[0] == 0
    _dock(window, "boundaryDock").raise_()
    qtbot.waitUntil(lambda: redraws[0] == 1)
