"""Every neuron's map, kept live: what each hidden and output neuron outputs over the input plane,
computed for all of them in one batched forward pass and drawn on the canvas
(``ui.canvas.maps``); hovering a neuron shows its map enlarged (``ui.canvas.map_popup``).

Offered for data with two input features, where the plane is the data's own. Switched on by
default for a data set (XOR, spirals, …), off for Mazur's article: its one example and its
targets 0.01/0.99 are numbers to approach, not classes, so a map over a tiny square around one
point is a nearly flat colour that would only compete with the a and d colours the article's
numbers are about (the toggle still shows it there).

While training runs, the maps follow the weights at up to ``MAX_HZ`` frames a second, read
between the trainer's ticks, and skip a frame while the last one is not painted yet, so drawing
never queues up behind training.

Two functions given by the composition root say what the plane is: ``plane`` returns the data
as raw points of the plane (the training examples (m, 2) and all points (n, 2) for the extent),
or None when the data is not a plane; ``features`` turns raw points into the network's inputs
(the grid → network input step). The defaults, ``examples_as_plane`` and
``plane_grid.network_inputs``, hold while the inputs are x1, x2 themselves.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QRectF, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from engine.features import raw_of
from engine.lesson.plane_grid import FeatureMap, Grid, grid_around, network_inputs, unit_maps
from engine.lesson.scoring import target_classes
from ui.canvas.map_popup import MapPopup, PopupMap
from ui.canvas.view import NetworkView
from ui.look import palette
from ui.look.on_screen import on_screen
from ui.state import AppState

RESOLUTION = 32          # grid points per side of the small maps (one forward pass for all)
POPUP_RESOLUTION = 72    # the enlarged map of the hovered neuron
# 24 frames a second look smooth (film's rate) and leave training the time a 30 Hz canvas took
# (~1.5 % of XOR's training in the window).
MAX_HZ = 24.0
Plane = Callable[[], "tuple[np.ndarray, np.ndarray] | None"]
MIN_HZ = 22.0           # the share below never spaces frames further apart than this
LOOK_MS = 5             # how often the timer looks whether a frame is due
# While training, computing the maps may take at most this share of the time (the canvas's
# repaint of the tiles is about as long again): past it, frames are spaced out instead, down to
# MIN_HZ (issue 16 asks ≥ 20 frames a second); frames not yet painted are still dropped.
MAP_SHARE = 0.06
STALE_S = 0.5           # an unpainted frame older than this no longer holds the next one back


def examples_as_plane(state: AppState) -> tuple[np.ndarray, np.ndarray] | None:
    """Return (training examples, every point) of ``state``'s data as points of its plane, or
    None when the examples do not have exactly two features."""
    X, ds = state.X, state.dataset
    if X.ndim != 2 or X.shape[1] != 2:
        return None
    everything = ds.X if ds is not None and ds.X.ndim == 2 and ds.X.shape[1] == 2 else X
    return X, everything


def raw_plane(state: AppState) -> tuple[np.ndarray, np.ndarray] | None:
    """Return (training examples, every point) as points of the raw plane behind the input
    features the network is fed (engine/features.py), else ``examples_as_plane(state)``."""
    ds = state.dataset
    raw = raw_of(ds)
    if (raw is not None and raw is not ds and raw.X.ndim == 2 and raw.X.shape[1] == 2
            and raw.X_train.shape[0] == state.X.shape[0]):
        return raw.X_train, raw.X
    return examples_as_plane(state)


class NeuronMaps(QObject):
    """Draw every neuron's map of ``state``'s network on ``view``, live while training; the
    checkable ``action`` switches them on and off. ``epoch`` returns the trainer's epoch count
    (a map is recomputed only when it moved or the weights changed otherwise)."""

    def __init__(self, state: AppState, view: NetworkView, epoch: Callable[[], int] = lambda: 0,
                 features: FeatureMap = network_inputs, plane: Plane | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.view, self.features, self._epoch = state, view, features, epoch
        self.plane: Plane = plane if plane is not None else lambda: raw_plane(state)
        self.points = np.zeros((0, 2))          # the training examples on the plane
        self.grid: Grid | None = None
        self.popup = MapPopup(view.window())
        self.button: QToolButton | None = None      # the toolbar's, if ``install`` made one
        self.hovered: tuple[int, int] = (0, -1)
        self.frames = 0                     # maps computed and handed to the canvas
        self.seconds = 0.0                  # time spent computing them
        self._drawn: np.ndarray | None = None   # the weights the maps show
        self._drawn_epoch = -1
        self._cost: float | None = None     # seconds one refresh takes (moving average)
        self._last_refresh = 0.0
        self._scales_for: tuple[object, object, list[palette.FillScale]] | None = None
        self._wanted: bool | None = None    # the user's choice; None: the data's default
        self.action = QAction(self)
        self.action.setObjectName("neuronMapsAction")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_M))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.toggled.connect(self._on_action_toggled)
        self.action.triggered.connect(self._on_action_triggered)
        # A frame is due every ``_interval`` seconds; the timer only looks often. Between the
        # trainer's ticks a long timer fires late (once every 80 ms for 50 asked, measured
        # while training): looking every few ms catches the first gap after a frame is due.
        self._interval = 1.0 / MAX_HZ
        self._due = 0.0                     # perf_counter time the next frame is due
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(LOOK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        state.network_changed.connect(self._on_state_problem_changed)
        state.data_changed.connect(self._on_state_problem_changed)
        state.weights_changed.connect(self._on_state_weights_changed)
        state.example_changed.connect(self._on_state_example_changed)
        state.training_changed.connect(self._on_state_training_changed)
        view.neuron_hovered.connect(self._on_view_neuron_hovered)
        self.retranslate()
        self._on_state_problem_changed()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set the action's texts in the current language."""
        self.action.setText(self.tr("Neuron &maps"))
        tip = self.tr("Draw beside each neuron its output over the input plane (data with two "
                      "features); hover a neuron to enlarge its map") if self.applicable() \
            else self.tr("Neuron maps need data with two input features")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    # --- what is shown -------------------------------------------------------------------------
    def applicable(self) -> bool:
        """Return whether maps mean something here: the examples are points of a plane (two
        features) and the network takes what ``features`` makes of them."""
        if self.plane() is None:
            return False
        probe = np.asarray(self.features(np.zeros((1, 2))))
        return probe.shape == (1, self.state.network.layer_sizes[0])

    def default_on(self) -> bool:
        """Return whether maps start switched on: for a data set (not Mazur's one example)."""
        return self.applicable() and self.state.dataset is not None

    def is_on(self) -> bool:
        """Return whether maps are being drawn."""
        return self.action.isChecked() and self.action.isEnabled()

    def _on_state_problem_changed(self) -> None:
        applicable = self.applicable()
        self.action.setEnabled(applicable)
        self.grid = None
        self.points = np.zeros((0, 2))
        if applicable:
            self.points, everything = self.plane()
            self.grid = grid_around(everything, RESOLUTION)
        self.action.blockSignals(True)
        self.action.setChecked(applicable and (self._wanted if self._wanted is not None
                                               else self.default_on()))
        self.action.blockSignals(False)
        self.retranslate()
        self.refresh(force=True)
        self._sync_timer()

    def _on_action_triggered(self, checked: bool) -> None:
        self._wanted = checked      # the user's choice outlives a change of data set

    @property
    def wanted(self) -> bool | None:
        """The learner's switch (True on, False off), or None where they have not touched it
        and the data's default applies; what a session file keeps."""
        return self._wanted

    def set_wanted(self, wanted: bool | None) -> None:
        """Switch the maps as a session file says (None: back to the data's default)."""
        self._wanted = wanted
        self._on_state_problem_changed()

    def _on_action_toggled(self, _checked: bool) -> None:
        self.refresh(force=True)
        self._sync_timer()

    def _on_state_weights_changed(self) -> None:
        self.refresh()

    def _on_state_example_changed(self, _index: int) -> None:
        marker = self._marker()
        for maps in self.view.maps:
            if maps is not None:
                maps.set_marker(marker)

    def _on_state_training_changed(self, _running: bool) -> None:
        self._sync_timer()

    def _sync_timer(self) -> None:
        if self.state.training and self.is_on():
            self.timer.start()
        else:
            self.timer.stop()

    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        if now < self._due:
            return
        # Due times keep their rhythm (a frame drawn late does not push the next one back),
        # without a burst to catch up after a long pause.
        self._due = max(self._due + self._interval, now - self._interval)
        # A frame the canvas has not painted yet is not followed by another: drop this one (but
        # not for long: maps panned out of the view are never painted).
        waiting = any(m is not None and m.isVisible() and not m.painted for m in self.view.maps)
        if waiting and time.perf_counter() - self._last_refresh < STALE_S:
            return
        if on_screen(self.view):      # a minimized or covered canvas needs no new maps
            self.refresh()

    # --- computing -----------------------------------------------------------------------------
    def _marker(self) -> tuple[float, float] | None:
        """Return the current example's place on the plane, as fractions from the bottom-left
        corner, or None."""
        if self.grid is None or not 0 <= self.state.example < self.points.shape[0]:
            return None
        x, y = self.points[self.state.example]
        (x0, x1), (y0, y1) = self.grid.x_range, self.grid.y_range
        return (float((x - x0) / (x1 - x0)), float((y - y0) / (y1 - y0)))

    def _shown(self) -> bool:
        return any(m is not None and m.isVisible() for m in self.view.maps)

    def _scales(self) -> list[palette.FillScale]:
        """Return each layer's fill scale (the canvas fills neurons with the same ones)."""
        net, X = self.state.network, self.state.X
        if self._scales_for is None or self._scales_for[0] is not net \
                or self._scales_for[1] is not X:
            # Scanning X for its range costs a little: only when the data or network change.
            self._scales_for = (net, X, palette.layer_fill_scales(
                len(net.layer_sizes), net.activation, net.output, X))
        return self._scales_for[2]

    def refresh(self, force: bool = False) -> bool:
        """Recompute every map with the current weights and hand them to the canvas; unless
        ``force``, only if the weights changed since the last maps. Return whether it drew."""
        net = self.state.network
        if self.grid is None or not self.is_on():
            self._drawn = None
            self.view.set_architecture(net.layer_sizes)
            shown = self._shown()
            for maps in self.view.maps:
                if maps is not None:
                    maps.set_maps(None, palette.FillScale())
            self.popup.hide()
            if shown:
                self.view.fit_label_room()      # the d labels take their room back
            return False
        epoch = self._epoch()
        weights = np.concatenate([t.ravel() for t in net.thetas])
        if not force and epoch == self._drawn_epoch and self._drawn is not None \
                and self._drawn.shape == weights.shape and np.array_equal(self._drawn, weights):
            return False
        t0 = time.perf_counter()
        self.view.set_architecture(net.layer_sizes)
        values = unit_maps(net, self.grid, self.features)
        scales, marker, shown = self._scales(), self._marker(), self._shown()
        for k, maps in enumerate(self.view.maps):
            if maps is not None:
                maps.set_maps(values[k], scales[k], marker)
        if not shown:
            self.view.fit_label_room()      # the d labels give way to the maps
        self._drawn, self._drawn_epoch = weights, epoch
        self._last_refresh = time.perf_counter()
        cost = self._last_refresh - t0
        self.frames += 1
        self.seconds += cost
        self._cost = cost if self._cost is None else 0.8 * self._cost + 0.2 * cost
        self._interval = max(1.0 / MAX_HZ, min(1.0 / MIN_HZ, self._cost / MAP_SHARE))
        if self.popup.isVisible():
            self._show_popup()
        return True

    # --- the enlarged map ----------------------------------------------------------------------
    def _on_view_neuron_hovered(self, layer: int, k: int) -> None:
        self.hovered = (layer, k)
        self._show_popup()

    def _show_popup(self) -> None:
        layer, k = self.hovered
        maps = self.view.maps[layer - 1] if 1 <= layer <= len(self.view.maps) else None
        if maps is None or k < 1 or not self.is_on() or self.grid is None or not maps.isVisible():
            self.popup.hide()
            return
        net, grid = self.state.network, self.grid
        fine = grid_around(np.array([[grid.x_range[0], grid.y_range[0]],
                                     [grid.x_range[1], grid.y_range[1]]]), POPUP_RESOLUTION,
                           margin=0.0)
        # grid_around pads a little: the enlarged map covers that padded square.
        values = unit_maps(net, fine, self.features)[layer - 1][k - 1]
        Y = self.state.Y
        classes = target_classes(Y) if Y.shape[1] > 1 or np.all((Y == 0) | (Y == 1)) \
            else np.full(Y.shape[0], -1)
        if classes.shape[0] != self.points.shape[0]:
            classes = np.full(self.points.shape[0], -1)
        ds = self.state.dataset
        names = tuple(ds.feature_names) if ds is not None and len(ds.feature_names) == 2 \
            else ("x1", "x2")
        (x0, x1), (y0, y1) = fine.x_range, fine.y_range
        marker = self._marker()
        if marker is not None:      # the marker in the padded square's fractions
            x, y = self.points[self.state.example]
            marker = (float((x - x0) / (x1 - x0)), float((y - y0) / (y1 - y0)))
        title = self.tr("Neuron %1 of layer %2: its output a(%2) at every point of the plane "
                        "(ring: this example)").replace("%1", str(k)).replace("%2", str(layer))
        shown = PopupMap(values, self._scales()[layer - 1], fine.x_range, fine.y_range, title,
                         names, self.points, np.asarray(classes), marker)
        col = self.view.columns[layer - 1]
        scene = maps.tile(k - 1).united(QRectF(col.pos_[k - 1][0] - col.radius,
                                               col.pos_[k - 1][1] - col.radius,
                                               2 * col.radius, 2 * col.radius))
        host = self.view.window()       # over the panels around a short canvas too
        if self.popup.parentWidget() is not host:
            self.popup.setParent(host)
        box = self.view.mapFromScene(scene).boundingRect()
        corner = self.view.viewport().mapTo(host, box.topLeft())
        beside = QRectF(corner.x(), corner.y(), box.width(), box.height())
        self.popup.show_map(shown, beside, self.view.theme, self.view.scale_factor)


def install(window: QMainWindow, state: AppState, view: NetworkView,
            epoch: Callable[[], int] = lambda: 0,
            features: FeatureMap = network_inputs, plane: Plane | None = None,
            toolbar: QToolBar | None = None, after: QToolButton | None = None,
            view_menu: QMenu | None = None, language_changed: SignalInstance | None = None,
            ) -> NeuronMaps:
    """Build the neuron maps of ``view`` and put their toggle in ``view_menu`` and on
    ``toolbar`` right after the button ``after`` (the Step toolbar's Values); retranslate on
    ``language_changed``; return them."""
    maps = NeuronMaps(state, view, epoch, features, plane, parent=window)
    window.addAction(maps.action)           # the key works wherever the focus is
    if view_menu is not None:
        view_menu.addAction(maps.action)
    if toolbar is not None:
        button = QToolButton(toolbar)
        button.setObjectName("neuronMapsButton")
        button.setDefaultAction(maps.action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)    # keys stay with the stepper
        actions = toolbar.actions()
        place = next((i + 1 for i, a in enumerate(actions)
                      if after is not None and toolbar.widgetForAction(a) is after), None)
        if place is not None and place < len(actions):
            toolbar.insertWidget(actions[place], button)
        else:
            toolbar.addWidget(button)
        maps.button = button
    if language_changed is not None:
        language_changed.connect(maps.retranslate)
    return maps
