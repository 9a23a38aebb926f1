"""ui.training.neuron_maps on the real window: every neuron's map is its activation over the
plane (checked pixel by pixel against a plain forward pass written here), follows training,
switches off and on, enlarges on hover, and is not offered for data that is not a plane."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from main import build_main_window
from ui.look.palette import FillScale

TANH, SIGMOID = FillScale(signed=True), FillScale()     # written out, not asked of the app


def _window(qtbot, preset: str):
    win = build_main_window(["--preset", preset, "--lang", "en"])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    return win


def _plain_forward(thetas, points):
    """Return a(l) for l = 2..L over ``points`` (N, 2): tanh hidden layers, sigmoid output."""
    a, out = points, []
    for k, theta in enumerate(thetas):
        z = np.c_[np.ones(len(a)), a] @ theta.T
        a = 1.0 / (1.0 + np.exp(-z)) if k == len(thetas) - 1 else np.tanh(z)
        out.append(a)
    return out


def _pixel(image, col: int, row: int) -> np.ndarray:
    c = image.pixelColor(col, row)
    return np.array([c.red(), c.green(), c.blue()])


def _assert_maps_show(win) -> None:
    """Check a few pixels of every map against the colour of a plain forward pass there."""
    maps, view = win.neuron_maps, win.network_view
    grid = maps.grid
    acts = _plain_forward(win.state.network.thetas, grid.points)
    for layer, a in enumerate(acts, start=2):
        item = view.maps[layer - 1]
        scale = SIGMOID if layer == len(acts) + 1 else TANH
        for k in range(a.shape[1]):
            image = item.images[k]
            assert (image.width(), image.height()) == (grid.nx, grid.ny)
            for row, col in ((0, 0), (grid.ny - 1, 3), (7, grid.nx - 1), (15, 20)):
                # Image row 0 is the top of the plane; grid row 0 its bottom.
                value = a[(grid.ny - 1 - row) * grid.nx + col, k]
                expected = scale.rgba(np.array([value]))[0, :3].astype(int)
                assert np.abs(_pixel(image, col, row) - expected).max() <= 2, (layer, k, row)


def test_xor_maps_are_each_units_activation_over_the_plane(qtbot):
    win = _window(qtbot, "xor")
    assert win.neuron_maps.is_on()          # a data set: on by default
    assert [m is not None for m in win.network_view.maps] == [False, True, True]
    assert all(m.isVisible() for m in win.network_view.maps[1:])
    _assert_maps_show(win)


def test_maps_follow_the_weights_after_training_epochs(qtbot):
    win = _window(qtbot, "xor")
    item = win.network_view.maps[1]
    before = [item.images[k].copy() for k in range(item.n)]
    win.training.train_epochs(40)
    assert any(item.images[k] != before[k] for k in range(item.n))
    _assert_maps_show(win)


def test_maps_refresh_while_training_runs(qtbot):
    win = _window(qtbot, "spirals")
    maps = win.neuron_maps
    start = maps.frames
    win.training.start()
    try:
        # Frames between the publishes of the training loop: more maps than epochs signals.
        qtbot.waitUntil(lambda: maps.frames >= start + 5, timeout=20000)
    finally:
        win.training.pause()
    _assert_maps_show(win)


def test_toggle_hides_and_shows_the_maps(qtbot):
    win = _window(qtbot, "xor")
    items = [m for m in win.network_view.maps if m is not None]
    QTest.keyClick(win, Qt.Key.Key_M)
    assert not win.neuron_maps.action.isChecked()
    assert not any(m.isVisible() for m in items)
    win.findChild(type(win.neuron_maps.button), "neuronMapsButton").click()
    assert win.neuron_maps.action.isChecked()
    assert all(m.isVisible() for m in items)
    _assert_maps_show(win)


def test_hovering_a_neuron_enlarges_its_map(qtbot):
    win = _window(qtbot, "xor")
    view, popup = win.network_view, win.neuron_maps.popup
    viewport = view.viewport()
    # The pointer enters the canvas first (the status bar's tip may move the layout).
    QTest.mouseMove(viewport, QPoint(2, viewport.height() - 2))
    qtbot.wait(50)
    tile = view.maps[1].tile(2)             # neuron 3 of layer 2
    QTest.mouseMove(viewport, view.mapFromScene(tile.center()))
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert win.neuron_maps.hovered == (2, 3)
    assert popup.map_rect().width() > 3 * view.mapFromScene(tile).boundingRect().width()
    shown = popup.shown
    grid = win.neuron_maps.grid
    assert shown.x_range[0] <= grid.x_range[0] and shown.x_range[1] >= grid.x_range[1]
    # The enlarged map is that neuron's a over its own grid.
    ny, nx = shown.values.shape
    gx, gy = np.meshgrid(np.linspace(*shown.x_range, nx), np.linspace(*shown.y_range, ny))
    a2 = _plain_forward(win.state.network.thetas, np.c_[gx.ravel(), gy.ravel()])[0]
    np.testing.assert_allclose(shown.values, a2[:, 2].reshape(ny, nx), rtol=1e-9, atol=1e-12)
    # Hovering the circle itself shows it too; empty canvas hides it.
    circle = view.mapFromScene(view.unit_scene_pos(3, 1))
    QTest.mouseMove(viewport, circle)
    qtbot.waitUntil(lambda: win.neuron_maps.hovered == (3, 1), timeout=2000)
    assert popup.isVisible()
    QTest.mouseMove(viewport, QPoint(2, viewport.height() - 2))
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)


@pytest.mark.parametrize("preset", ["digits", "iris"])
def test_no_maps_for_data_that_is_not_a_plane(qtbot, preset):
    win = _window(qtbot, preset)
    assert not win.neuron_maps.action.isEnabled()
    assert not win.neuron_maps.is_on()
    assert not any(m is not None and m.isVisible() for m in win.network_view.maps)


def test_mazur_offers_maps_but_starts_without_them(qtbot):
    win = _window(qtbot, "mazur")
    maps = win.neuron_maps
    assert maps.action.isEnabled() and not maps.action.isChecked()
    maps.action.trigger()
    assert all(m.isVisible() for m in win.network_view.maps[1:])


def test_maps_of_a_network_fed_input_features_are_over_the_raw_plane(qtbot):
    from engine import Network
    from ui.canvas.view import NetworkView
    from ui.state import AppState
    from ui.training.neuron_maps import NeuronMaps

    rng = np.random.default_rng(3)
    raw = rng.uniform(-1, 1, (40, 2))

    def crossed(points):        # x1, x2, x1·x2: what a feature cross feeds the network
        return np.c_[points, points[:, 0] * points[:, 1]]

    Y = (raw[:, :1] * raw[:, 1:] > 0).astype(float)
    net = Network([3, 2, 1], "tanh", "sigmoid", rng=np.random.default_rng(4))
    state = AppState(net, crossed(raw), Y)
    view = NetworkView(net.layer_sizes)
    qtbot.addWidget(view)
    maps = NeuronMaps(state, view, features=crossed, plane=lambda: (raw, raw))
    assert maps.applicable()
    maps.action.setChecked(True)
    grid = maps.grid
    t1 = net.thetas[0]
    a2 = np.tanh(np.c_[np.ones(len(grid.points)), crossed(grid.points)] @ t1.T)
    item = view.maps[1]
    for k in range(2):
        for row, col in ((0, 0), (10, 25), (grid.ny - 1, grid.nx - 1)):
            value = a2[(grid.ny - 1 - row) * grid.nx + col, k]
            expected = TANH.rgba(np.array([value]))[0, :3].astype(int)
            assert np.abs(_pixel(item.images[k], col, row) - expected).max() <= 2
    # Without the plane's raw points the crossed examples are no plane: no maps.
    bare = NeuronMaps(state, view, features=crossed)
    assert not bare.applicable()
