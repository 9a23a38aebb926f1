"""ui.look.on_screen: a dock tabbed behind another is out of sight although Qt calls it visible;
the views in such tabs (loss landscape, gradient health, decision boundary) do no work while
training runs behind them (the landscape evaluates no map, the plots keep their old curves), and
catch up with the state of now when their tab is chosen; ``WhenSeen`` puts a redraw off until
then, and runs several put off once."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from main import build_main_window
from ui.look.on_screen import WhenSeen, hidden_on_screen, on_screen
from ui.training.boundary_view import BoundaryView
from ui.training.health_plot import HealthPlot
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


def _tabbed_window(qtbot) -> tuple[QMainWindow, QDockWidget, QDockWidget]:
    win = QMainWindow()
    qtbot.addWidget(win)
    win.setCentralWidget(QLabel("centre"))
    docks = []
    for name in ("front", "behind"):
        dock = QDockWidget(name, win)
        dock.setWidget(QLabel(name))
        win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    win.tabifyDockWidget(docks[0], docks[1])
    docks[0].raise_()
    win.resize(600, 400)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: on_screen(docks[0].widget()))
    return win, docks[0], docks[1]


def test_a_dock_tabbed_behind_another_is_shown_to_qt_but_not_seen(qtbot):
    _win, front, behind = _tabbed_window(qtbot)
    assert behind.widget().isVisible()          # what Qt says …
    assert not on_screen(behind.widget())         # … and what a person sees
    assert on_screen(front.widget())


def test_a_redraw_nobody_sees_waits_for_the_tab_and_runs_once(qtbot):
    _win, front, behind = _tabbed_window(qtbot)
    calls = []
    gate = WhenSeen(behind.widget(), lambda: calls.append("drawn"))
    gate.follow(behind)
    assert not gate.request() and not gate.request()
    assert calls == [] and gate.pending and gate.skipped == 2
    behind.raise_()
    qtbot.waitUntil(lambda: calls == ["drawn"])
    assert not gate.pending
    assert gate.request() and calls == ["drawn", "drawn"]     # seen now: at once


def test_a_redraw_that_may_not_wait_runs_for_a_hidden_tab(qtbot):
    _win, _front, behind = _tabbed_window(qtbot)
    calls = []
    gate = WhenSeen(behind.widget(), lambda: calls.append("drawn"), defer=lambda: False)
    assert gate.request() and calls == ["drawn"]


def _train_while(qtbot, controller, condition) -> None:
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= 200 and condition(), timeout=30000)


def test_the_landscape_behind_its_tab_evaluates_no_map_while_training(window, qtbot):
    view, controller = window.landscape, window.training
    assert view.dock.isVisible() and not on_screen(view)      # the default: behind the boundary
    _train_while(qtbot, controller, lambda: True)
    assert view.grid is None and view._job is None and not view._timer.isActive()
    assert len(view.path) > 1           # the trainer keeps recording the path meanwhile
    controller.pause()
    view.dock.raise_()
    qtbot.waitUntil(lambda: view.grid is not None, timeout=30000)
    view.finish()
    # Caught up: the map is centred on the weights of now, the newest path point there.
    assert view.grid_epoch == controller.epoch
    first, second = view.grid.plane.refs
    thetas = window.training.state.network.thetas
    x, y = view.plot.path_curve.getData()
    assert x[-1] == pytest.approx(thetas[first.l - 1][first.i - 1, first.j])
    assert y[-1] == pytest.approx(thetas[second.l - 1][second.i - 1, second.j])


def test_the_health_plot_behind_its_tab_keeps_its_curves_until_shown(window, qtbot):
    plot = window.findChild(HealthPlot)
    controller = window.training
    assert not on_screen(plot)            # the default: behind the cost plot
    before = len(plot.norm_curves[0].xData)
    recorder = controller.trainer.health
    _train_while(qtbot, controller, lambda: len(recorder.records()) > before + 2)
    # Running, unseen: the curves were not redrawn though the recorder holds more epochs.
    assert len(plot.norm_curves[0].xData) == before
    plot.dock.raise_()
    qtbot.waitUntil(lambda: len(plot.norm_curves[0].xData) > before)
    controller.pause()
    assert list(plot.norm_curves[0].xData) == [e for e, _ in recorder.records()]


def _xor_output(thetas, points):
    """a(3) of the XOR preset written out: tanh hidden layer, sigmoid output."""
    a = points
    for k, theta in enumerate(thetas):
        z = np.hstack([np.ones((a.shape[0], 1)), a]) @ theta.T
        a = 1 / (1 + np.exp(-z)) if k == len(thetas) - 1 else np.tanh(z)
    return a[:, 0]


def test_the_boundary_behind_the_landscape_tab_is_redrawn_when_shown(window, qtbot):
    boundary = window.findChild(BoundaryView)
    boundary_dock = window.findChild(QDockWidget, "boundaryDock")
    window.landscape.dock.raise_()
    qtbot.waitUntil(lambda: not on_screen(boundary))
    shown = boundary.values.copy()
    controller = window.training
    _train_while(qtbot, controller, lambda: True)
    controller.pause()
    assert np.array_equal(boundary.values, shown)       # no redraw nobody could see
    boundary_dock.raise_()
    qtbot.waitUntil(lambda: not np.array_equal(boundary.values, shown))
    net = controller.state.network
    expected = _xor_output(net.thetas, boundary.grid.points)
    np.testing.assert_allclose(boundary.values.ravel(), expected, rtol=1e-9, atol=1e-12)
