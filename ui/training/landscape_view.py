"""The loss landscape panel: J as a colour map with contour lines over a plane of weight space
through the current weights, with the training path projected on it and the current point,
updated live while training.

The maths is engine/lesson/landscape_plane.py's: the path grows at every epoch the training
controller publishes (and at an edited weight); the map is a ``GridJob`` evaluated in slices on a
zero-interval timer, so the window keeps drawing (a bar shows the progress once the map takes
longer than half a second). The map is evaluated again around the weights of now when the
current point leaves it, when the learner asks (Re-centre), or — if evaluating is quick — every
``FOLLOW_SECONDS`` while training, because the other weights keep moving under it.
"""

from __future__ import annotations

import html
import math
import time

import numpy as np
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QStackedLayout, QVBoxLayout, QWidget

from engine.lesson.landscape import WeightRef
from engine.lesson.landscape_choice import LandscapeChoice
from engine.lesson.landscape_plane import (
    GridJob,
    PlaneGrid,
    WeightPath,
    fitted_span,
    flatten,
    grid_axis,
)
from ui.look import dock_titles
from ui.look.messages import describe
from ui.look.on_screen import on_screen
from ui.look.palette import PATH_HEX, Theme
from ui.look.theme import current_theme, scale_plot
from ui.state import AppState
from ui.training.landscape_controls import LandscapeControls, weight_label
from ui.training.landscape_plot import LandscapePlot
from ui.training.scheduler import TrainingController

STEPS = 61                  # grid points per side (odd: the centre is the weights of now)
FIRST_SECONDS = 0.25        # evaluated at once when stopped, so a small map needs no second frame
TICK_SECONDS = 0.04         # evaluated per timer tick meanwhile: the window stays responsive
PROGRESS_AFTER = 0.5        # show the bar for maps that take longer than this
FOLLOW_SECONDS = 1.5        # while training, re-centre this often …
QUICK_SECONDS = 0.25        # … if the last map took less than this
INSIDE = 0.9                # the current point past this share of a half-width: re-centre
SHORT_HEIGHT = 440          # below it the map keeps the room; its title and key become a tooltip
PCA_RETRY = 16              # the main directions are tried again until the path is this long


class LandscapeView(QWidget):
    """J over a plane around the current weights, the training path and the current point.

    ``choice`` (a ``LandscapeChoice``) says which plane; ``path`` holds the recorded weights;
    ``grid`` is the last map evaluated (``grid_epoch``: the epoch whose weights it is centred
    on), or None.
    """

    def __init__(self, state: AppState, controller: TrainingController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscapeView")
        self.state, self.controller = state, controller
        self.dock = None                # set by install(): its title follows the language
        self.path = WeightPath()
        self.grid: PlaneGrid | None = None
        self.grid_epoch = 0
        self.problem: str | None = None     # why there is no map (shown instead of it)
        self._waiting_for_path = False      # the main directions need a longer path
        self._job: GridJob | None = None
        self._job_epoch = 0
        self._last_map = -math.inf          # monotonic time the last map was finished
        self._last_seconds = math.inf       # what the last map cost
        self._stale = True
        self.edge_menu = None            # the canvas's right-click, if install() made one

        self.controls = LandscapeControls()
        self.title = QLabel()
        self.title.setObjectName("landscapeTitle")
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("landscapeMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key = QLabel()
        self.key.setObjectName("landscapeKey")
        self.key.setWordWrap(True)
        self.key.setTextFormat(Qt.TextFormat.RichText)

        self.plot = LandscapePlot()
        self._stack = QStackedLayout()
        self._stack.addWidget(self.plot)
        self._stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.controls)
        layout.addWidget(self.title)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.key)

        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.controls.choice_changed.connect(self._on_controls_choice_changed)
        self.controls.recentre_requested.connect(self.recentre)
        state.network_changed.connect(self._on_state_problem_changed)
        state.data_changed.connect(self._on_state_problem_changed)
        state.settings_changed.connect(self._on_state_settings_changed)
        # While training, the controller's epoch_finished follows each weights_changed.
        state.weights_changed.connect(lambda: None if controller.running else self._record())
        controller.epoch_finished.connect(lambda _epoch: self._record())
        self.plot.set_theme(current_theme())
        self._on_state_problem_changed()
        self.retranslate()

    # --- what is shown -------------------------------------------------------------------------
    @property
    def choice(self) -> LandscapeChoice:
        """The plane shown: its kind, weights, smallest half-width and random seed."""
        return self.controls.choice

    def set_choice(self, choice: LandscapeChoice) -> None:
        """Show the plane ``choice`` (a session being opened, a weight picked on the canvas)."""
        self.controls.set_choice(choice)
        self.recentre()

    def pick_weight(self, l: int, i: int, j: int, axis: int) -> None:
        """Put Θ(l)[i, j] (i from 0, as the canvas names edges) on ``axis`` (0: x, 1: y)."""
        ref = WeightRef(l, i + 1, j)
        first, second = self.choice.weights_for(self.state.network)
        pair = [first, second]
        if pair[1 - axis] == ref:       # it is on the other axis: swap the two
            pair[1 - axis] = pair[axis]
        pair[axis] = ref
        self.controls.pick(pair[0], pair[1])

    def recentre(self) -> None:
        """Evaluate the map again around the weights of now (when the panel is seen)."""
        self._stale = True
        if on_screen(self):
            self._start()

    # --- the path --------------------------------------------------------------------------------
    def _record(self) -> None:
        """Add the weights of now to the path and redraw it (re-centre if it left the map)."""
        net = self.state.network
        if self.grid is not None and self.grid.plane.centre.size != sum(t.size for t in net.thetas):
            # Another network (a listener before us answered its change with an epoch): the
            # map and path are of the old one until our own network_changed handler runs.
            return
        try:
            self.path.record(self.controller.epoch, net.thetas)
        except ValueError:
            return
        if not on_screen(self):       # e.g. a tab behind the boundary: catch up when shown
            self._stale = True
            return
        self._draw_path()
        if self._job is None and self._should_recentre():
            self._start()

    def _should_recentre(self) -> bool:
        grid = self.grid
        if grid is None or self._stale:
            # The main directions wait for a path: try again while it is short.
            return self.problem is None or (self.choice.kind == "pca"
                                            and len(self.path) <= PCA_RETRY)
        if self.grid_epoch == self.controller.epoch:
            return False
        now = grid.plane.coordinates(flatten(self.state.network.thetas)[None])[0]
        reach = np.abs(now - np.asarray(grid.plane.origin))
        left = reach[0] > INSIDE * grid.u[-1] or reach[1] > INSIDE * grid.v[-1]
        if not self.controller.running:
            return left
        # While training, a map is evaluated again only if it is quick and not too often: a slow
        # one (digits: ~1 s) redone each time the path left it took 3/4 of the training time.
        return (self._last_seconds < QUICK_SECONDS
                and time.monotonic() - self._last_map > FOLLOW_SECONDS)

    # --- evaluating the map ----------------------------------------------------------------------
    def _start(self) -> None:
        """Begin a map around the weights of now; small ones finish at once."""
        self._timer.stop()
        self._job = None
        try:
            x, y = self.controller.trainer.data()[:2]
            self._record_now()
            self._waiting_for_path = self.choice.kind == "pca" and len(self.path) < PCA_RETRY
            plane = self.choice.plane(self.state.network, self.path.points())
            self._waiting_for_path = False
            su, sv = fitted_span(plane, self.path.points(), self.choice.span)
            settings = self.state.settings
            self._job = GridJob(self.state.network, x, y, plane, grid_axis(su, STEPS),
                                grid_axis(sv, STEPS), settings.lam, settings.lam1)
        except ValueError as exc:
            self._show_problem(describe(exc))
            return
        self.problem = None
        self._stale = False
        self._job_epoch = self.controller.epoch
        self._step(TICK_SECONDS if self.controller.running else FIRST_SECONDS)

    def _record_now(self) -> None:
        if len(self.path) == 0 or self.path.epochs()[-1] != self.controller.epoch:
            self.path.record(self.controller.epoch, self.state.network.thetas)

    def _step(self, seconds: float) -> None:
        job = self._job
        if job is None:
            return
        share = job.run(seconds)
        if job.done:
            self._timer.stop()
            self.controls.set_progress(None)
            self._job, self._last_seconds = None, job.seconds
            self._last_map = time.monotonic()
            self._show_grid(job.grid(), self._job_epoch)
            return
        if job.seconds / max(share, 1e-9) > PROGRESS_AFTER:
            self.controls.set_progress(share)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        if not on_screen(self):       # tabbed away mid-map (digits: ~1 s): the rest waits
            self._timer.stop()
            return
        self._step(TICK_SECONDS)

    def finish(self) -> None:
        """Evaluate the rest of the map now (for screenshots and tests)."""
        if self._job is None and self._stale:
            self._start()
        if self._job is not None:
            self._step(math.inf)

    # --- drawing ---------------------------------------------------------------------------------
    def _show_problem(self, text: str) -> None:
        self.problem = text
        self.grid = None
        self.controls.set_progress(None)
        self._update_message()
        self._stack.setCurrentWidget(self.message)
        self._update_texts()

    def _update_message(self) -> None:
        if self.problem is None:
            return
        if self._waiting_for_path:
            self.message.setText(self.tr("The main directions come from the training path: "
                                         "train a few epochs and they appear here."))
        else:
            self.message.setText(self.problem)

    def _show_grid(self, grid: PlaneGrid, epoch: int) -> None:
        self.grid, self.grid_epoch = grid, epoch
        self._stack.setCurrentWidget(self.plot)
        self.plot.show_grid(grid)
        self._draw_path()
        self._update_texts()

    def _draw_path(self) -> None:
        grid = self.grid
        if grid is None or len(self.path) == 0:
            self.plot.show_path(None)
            return
        xy = grid.plane.coordinates(self.path.points())
        self.plot.show_path(xy)
        self._update_key()

    def _axis_names(self, grid: PlaneGrid) -> tuple[str, str]:
        plane = grid.plane
        if plane.refs is not None:
            return tuple(weight_label(r) + (self.tr(" (bias)") if r.j == 0 else "")
                         for r in plane.refs)
        if plane.kind == "pca" and plane.explained is not None:
            loc = QLocale()
            # Short: the y axis of a 200 px dock holds ~15 characters ("main direction 2 (1"
            # was cut); the title above says what the plane is.
            return tuple(self.tr("PC %1 (%2 %)")
                         .replace("%1", str(k + 1))
                         .replace("%2", loc.toString(100 * share, "f", 1) if share >= 1e-3
                                  else loc.toString(100 * share, "g", 2))
                         for k, share in enumerate(plane.explained))
        return (self.tr("direction 1"), self.tr("direction 2"))

    def _update_texts(self) -> None:
        grid = self.grid
        self.plot.colorbar.axis.setLabel("J")
        if grid is None:
            self.title.setText(self.tr("Loss landscape"))
            self.plot.setLabel("bottom", "")
            self.plot.setLabel("left", "")
            self._fit_height()
            return
        names = self._axis_names(grid)
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", names[1])
        epoch = QLocale().toString(self.grid_epoch)
        if grid.plane.kind == "weights":
            text = self.tr("J over %1 and %2; every other weight as at epoch %3")
            text = text.replace("%1", names[0]).replace("%2", names[1])
        elif grid.plane.kind == "random":
            text = self.tr("J along two random filter-normalized directions (Li et al. 2018) "
                           "around epoch %3's weights")
        else:
            text = self.tr("J on the plane where training moved most, around epoch %3's weights")
        self.title.setText(text.replace("%3", epoch))
        self._fit_height()

    def _update_key(self) -> None:
        loc = QLocale()
        epochs = self.path.epochs()
        star = f'<span style="color:{PATH_HEX}">★</span>'
        text = self.tr("━ training path, epoch %1 → %2 · ○ start · %3 now · + map centre · "
                       "darker: lower J")
        self.key.setText(text.replace("%1", loc.toString(int(epochs[0])))
                         .replace("%2", loc.toString(int(epochs[-1]))).replace("%3", star))
        self._fit_height()

    # --- texts, theme, events --------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text in the current language."""
        if self.dock is not None:
            dock_titles.set_titles(self.dock, self.tr("Landscape", "dock tab"),
                                   self.tr("Loss landscape"))
        self.setToolTip(self.tr("The cost J over a plane of weights around the weights of now: "
                                "dark is low. The white line is the way training came, the "
                                "star is where the weights are now."))
        self._update_message()
        self._update_texts()
        self._draw_path()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """In a short dock (1280×720) give the map the room: the title and the key become the
        map's tooltip (shown, they left the map ~60 px tall)."""
        short = self.height() < SHORT_HEIGHT
        self.title.setVisible(not short)
        self.key.setVisible(not short)
        tip = (f"<p>{html.escape(self.title.text())}</p><p>{self.key.text()}</p>" if short
               else "")
        if self.plot.toolTip() != tip:
            self.plot.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        """Recolour the plot for ``theme``."""
        self.plot.set_theme(theme)

    def set_scale(self, _factor: float) -> None:
        """Draw the plot's ticks and titles in the application font (presenter mode)."""
        scale_plot(self.plot)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._catch_up()

    def set_dock(self, dock: QDockWidget) -> None:
        """Live in ``dock``: its title follows the language; its tab coming to the front (which
        shows no widget: behind, it was shown to Qt but seen by nobody) catches the map up."""
        self.dock = dock
        dock.visibilityChanged.connect(lambda seen: seen and self._catch_up())

    def _catch_up(self) -> None:
        if self._job is not None:
            self._timer.start()         # a map begun before its tab went behind another
        elif self._stale:
            QTimer.singleShot(0, self.recentre)

    # --- slots -----------------------------------------------------------------------------------
    def _on_controls_choice_changed(self, _choice: LandscapeChoice) -> None:
        self.recentre()

    def _on_state_problem_changed(self) -> None:
        self._timer.stop()
        self._job, self.grid = None, None
        self.path.clear()
        self.controls.set_network(self.state.network)
        self._record_now()
        self.recentre()

    def _on_state_settings_changed(self) -> None:
        self.recentre()           # λ changes J everywhere
