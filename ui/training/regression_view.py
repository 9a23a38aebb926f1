"""The regression plot: the examples (x, y) of one-feature data and the network's curve h(x).

For data with one input feature and one output, the network's output a(L) = h(x) is computed on
``CURVE_POINTS`` values of x across the visible range and drawn as a line over the examples
(training filled, test hollow), so the curve bends towards the data while training runs. The
example the step-through shows is ringed, with a vertical segment from y to h(x): its output
error a(L) − y, the start of backpropagation. The y range is fixed by the data, not by the
curve: a curve far off the data leaves the view rather than squeezing the examples into a line.
Hovering a unit in the network canvas adds that unit's own output a_i(l) against x as a dashed
line.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.look.on_screen import hidden_on_screen
from ui.look.palette import FIT_CURVE_HEX, FIT_POINT_HEX, LIGHT, Theme, qcolor
from ui.look.theme import current_theme, scale_plot
from ui.state import AppState
from ui.training.loss_plot import style_plot

CURVE_POINTS = 400      # smooth at any dock width; one forward pass of 400 rows per redraw
X_MARGIN = 0.05         # share of the data's x range shown beyond each end
Y_MARGIN = 0.15         # room above and below the examples for a curve that overshoots
LIMIT = 1e6             # weights on their way to divergence: clip what is drawn


def applies_to(state: AppState) -> bool:
    """Return whether ``state`` holds one-feature data for a one-output network: a curve h(x)
    over the examples (x, y) shows it, where a decision boundary needs two features."""
    X, Y = state.X, state.Y
    sizes = state.network.layer_sizes
    return (X.ndim == 2 and X.shape[1] == 1 and Y.ndim == 2 and Y.shape[1] == 1
            and sizes[0] == 1 and sizes[-1] == 1)


class RegressionView(QWidget):
    """The examples of one-feature data and the network's output h(x) over them, drawn live.

    ``xs`` (CURVE_POINTS,) are the inputs of the curve and ``values`` h(xs), what the line shows;
    ``hovered`` is (layer, index) of the unit whose output is drawn dashed, or None.
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regressionView")
        self.setMinimumWidth(200)
        self.state = state
        self.hovered: tuple[int, int] | None = None
        self.xs = np.zeros(0)
        self.values = np.zeros(0)
        self._stale = False     # weights changed while the view was not shown
        self._theme = LIGHT

        self.title = QLabel()
        self.title.setObjectName("regressionTitle")
        self.title.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("regressionLegend")
        self.legend.setWordWrap(True)
        for label in (self.title, self.legend):
            label.setTextFormat(Qt.TextFormat.PlainText)     # names may come from a file

        self.plot = pg.PlotWidget()
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        self.train_points = pg.ScatterPlotItem(size=7, symbol="o")
        self.train_points.setZValue(2)
        self.train_points.sigClicked.connect(self._on_train_points_clicked)
        self.test_points = pg.ScatterPlotItem(size=8, symbol="o")
        self.test_points.setZValue(3)
        self.curve = pg.PlotDataItem(connect="finite")
        self.curve.setZValue(4)
        self.unit_curve = pg.PlotDataItem(connect="finite")
        self.unit_curve.setZValue(1)
        # The step-through's example: a ring, and its error a − y as a segment from y to h(x).
        self.example_error = pg.PlotDataItem(connect="finite")
        self.example_error.setZValue(5)
        self.example_ring = pg.ScatterPlotItem(size=16, symbol="o")
        self.example_ring.setZValue(6)
        for it in (self.train_points, self.test_points, self.unit_curve, self.curve,
                   self.example_error, self.example_ring):
            self.plot.addItem(it)
        self._recurve_timer = QTimer(self)
        self._recurve_timer.setSingleShot(True)
        self._recurve_timer.setInterval(0)
        self._recurve_timer.timeout.connect(self.redraw)
        item.getViewBox().sigXRangeChanged.connect(self._on_view_x_range_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)

        state.network_changed.connect(self._on_state_data_changed)
        state.data_changed.connect(self._on_state_data_changed)
        state.weights_changed.connect(self._on_state_weights_changed)
        state.example_changed.connect(self._on_state_example_changed)
        self.set_theme(current_theme())
        self.retranslate()
        self._on_state_data_changed()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        self.setToolTip(self.tr("The network's output h(x) for every x, over the examples. "
                                "Hover a neuron in the network to see its own output against "
                                "x. Click a training point to step through that example."))
        self.legend.setText(self.tr("● training · ○ test · line: the network's h(x) · ringed: "
                                    "the stepped-through example, its error a − y in red"))
        self._update_title()
        self._update_axes()

    def _update_title(self) -> None:
        L = self.state.network.L
        if self.hovered is None:
            text = self.tr("Output h(x) = a(%1) for every input x: the line bends towards the "
                           "examples as the network learns").replace("%1", str(L))
        else:
            layer, index = self.hovered
            text = self.tr("Dashed: neuron %1 of layer %2, its output a(%2) against x").replace(
                "%1", str(index + 1)).replace("%2", str(layer))
        self.title.setText(text)

    def _update_axes(self) -> None:
        ds = self.state.dataset
        features = tuple(ds.feature_names) if ds is not None else ()
        x_name = features[0][:60] if len(features) == 1 else "x"
        params = (ds.params or {}) if ds is not None else {}
        if params.get("standardize"):       # the axis shows (x − mean) / std, not the file's x
            x_name = self.tr("%1 (standardized)").replace("%1", x_name)
        target = str(params.get("label_name") or "")[:60]
        # pyqtgraph draws axis labels as HTML: escape names that come from a file.
        self.plot.setLabel("bottom", html.escape(x_name))
        self.plot.setLabel("left", html.escape(target or "y"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_scale(self, _factor: float) -> None:
        """Draw the plot's ticks and titles in the application font (presenter mode)."""
        scale_plot(self.plot)

    def set_theme(self, theme: Theme) -> None:
        """Recolour for ``theme`` (called by ui.look.theme on every theme switch)."""
        self._theme = theme
        style_plot(self.plot, theme)
        point, background = qcolor(FIT_POINT_HEX), qcolor(theme.background)
        self.train_points.setPen(pg.mkPen(qcolor(theme.background), width=1))
        self.train_points.setBrush(pg.mkBrush(point))
        self.test_points.setPen(pg.mkPen(point, width=2))
        self.test_points.setBrush(pg.mkBrush(background))
        self.curve.setPen(pg.mkPen(qcolor(FIT_CURVE_HEX), width=3))
        self.unit_curve.setPen(pg.mkPen(qcolor(theme.muted), width=2,
                                        style=Qt.PenStyle.DashLine))
        self.example_error.setPen(pg.mkPen(qcolor(theme.highlight), width=3))
        self.example_ring.setPen(pg.mkPen(qcolor(theme.highlight), width=2.5))
        self.example_ring.setBrush(pg.mkBrush(None))

    # --- hover from the network canvas ---------------------------------------------------------
    def set_hovered(self, layer: int, index: int) -> None:
        """Draw unit ``index`` (0-based) of ``layer`` (1-based, the notes' numbering) against x
        as well; an index of −1 (or a unit that does not exist) draws the output alone."""
        sizes = self.state.network.layer_sizes
        valid = index >= 0 and 1 <= layer <= len(sizes) and index < sizes[layer - 1]
        new = (layer, index) if valid else None
        if new != self.hovered:
            self.hovered = new
            self._update_title()
            self.redraw()

    # --- drawing -------------------------------------------------------------------------------
    def _examples(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Return the training (x, y) and the test (x, y) as 1-D arrays (test may be empty)."""
        X, Y = self.state.X, self.state.Y
        ds = self.state.dataset
        if ds is not None and ds.X_test.shape[0] and ds.X_test.shape[1] == 1 \
                and ds.Y_test.shape[1] == 1:
            return X[:, 0], Y[:, 0], ds.X_test[:, 0], ds.Y_test[:, 0]
        return X[:, 0], Y[:, 0], np.zeros(0), np.zeros(0)

    def _on_state_data_changed(self) -> None:
        self.hovered = None
        self._update_title()
        self._update_axes()
        if not applies_to(self.state):
            self.xs = self.values = np.zeros(0)
            for it in (self.train_points, self.test_points, self.curve, self.unit_curve,
                       self.example_error, self.example_ring):
                it.setData([], [])
            return
        x_train, y_train, x_test, y_test = self._examples()
        self.train_points.setData(x_train, y_train, data=np.arange(x_train.size))
        self.test_points.setData(x_test, y_test)
        xs, ys = np.r_[x_train, x_test], np.r_[y_train, y_test]
        (x0, x1), (y0, y1) = _padded(xs, X_MARGIN), _padded(ys, Y_MARGIN)
        # setRange fires the x-range signal (a redraw on the next turn of the event loop); draw
        # now as well, so the curve is there before anything is shown or measured.
        self.plot.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1),
                                                      padding=0.0)
        self.redraw()

    def _on_view_x_range_changed(self, *_: object) -> None:
        # Resizing or panning fires this many times in a row: recompute once, when idle.
        if not self._recurve_timer.isActive():
            self._recurve_timer.start()

    def _on_train_points_clicked(self, _item: pg.ScatterPlotItem, points, _event=None) -> None:
        if len(points):
            self.state.set_example(int(points[0].data()))

    def _on_state_example_changed(self, _index: int) -> None:
        if applies_to(self.state):
            self._draw_example()

    def _draw_example(self) -> None:
        """Ring the step-through's example (x, y) and draw its error from y to h(x)."""
        row = self.state.example
        if not 0 <= row < self.state.X.shape[0]:
            return
        x, y = float(self.state.X[row, 0]), float(self.state.Y[row, 0])
        with np.errstate(over="ignore", invalid="ignore"):
            h = float(_drawable(self.state.network.predict(np.array([[x]]))[0, 0]))
        self.example_ring.setData([x], [y])
        self.example_error.setData([x, x], [y, h])

    def _on_state_weights_changed(self) -> None:
        if hidden_on_screen(self):
            # A closed dock costs nothing, nor does a tab behind another dock (or the
            # other plot of the data dock): showEvent or catch_up redraws it.
            self._stale = True
            return
        self.redraw()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self._stale = False
            self.redraw()
        super().showEvent(event)

    def catch_up(self) -> None:
        """Redraw what was missed while out of sight (its dock's tab came to the front)."""
        if self._stale and self.isVisible():
            self._stale = False
            self.redraw()

    def redraw(self) -> None:
        """Recompute h(x) (and the hovered unit's output) across the visible x range with the
        current weights and redraw the lines."""
        if not applies_to(self.state):
            return
        x0, x1 = self.plot.getPlotItem().getViewBox().viewRange()[0]
        if not (np.isfinite(x0) and np.isfinite(x1) and x1 > x0):
            return
        self.xs = np.linspace(x0, x1, CURVE_POINTS)
        with np.errstate(over="ignore", invalid="ignore"):
            fp = self.state.network.forward(self.xs.reshape(-1, 1))
        self.values = _drawable(fp.a[-1][:, 0])
        self.curve.setData(self.xs, self.values)
        if self.hovered is None:
            self.unit_curve.setData([], [])
        else:
            layer, index = self.hovered
            self.unit_curve.setData(self.xs, _drawable(fp.a[layer - 1][:, index]))
        self._draw_example()


def _padded(values: np.ndarray, share: float) -> tuple[float, float]:
    """Return (lo, hi) around ``values`` with ``share`` of their range added at each end (one
    unit around a single value)."""
    lo, hi = float(np.min(values)), float(np.max(values))
    pad = share * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def _drawable(values: np.ndarray) -> np.ndarray:
    """Return ``values`` clipped to ±LIMIT with NaN kept (a gap in the line, not a spike)."""
    return np.clip(values, -LIMIT, LIMIT)
