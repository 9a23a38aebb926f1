"""The decision boundary: what the network outputs at every point of the plane, under the data.

For a data set with two input features, a grid of points is run through ``net.forward`` and the
output a(L) is painted as an image (class 0 orange … class 1 blue, with the a = 0.5 boundary drawn
as a line); the training examples are filled markers, the test examples hollow ones, and each class
has its own colour *and* marker shape. Hovering a unit in the network canvas shows that unit's own
output a_i(l) over the plane instead, as TensorFlow Playground does.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import QStackedLayout, QVBoxLayout, QWidget

from engine.activations import Activation
from engine.features import plane_inputs, raw_of
from engine.lesson.plane_grid import Grid, grid_around, grid_over
from engine.lesson.scoring import target_classes
from ui.look.palette import (
    CLASS_HEX,
    CLASS_SYMBOLS,
    LIGHT,
    Theme,
    class_rgba,
    diverging_rgba,
    qcolor,
    sequential_rgba,
)
from ui.look.theme import current_theme
from ui.state import AppState
from ui.training.isoline import IsolineItem
from ui.training.loss_plot import style_plot
from ui.training.output_view import OutputView, plain_label, quiet_plot

RESOLUTION = 72


def unit_rgba(values: np.ndarray, activation: Activation) -> np.ndarray:
    """Return the colours of one unit's outputs (ny, nx) -> (ny, nx, 4), centred where the
    activation is centred: 0 for signed ones (tanh, linear, inputs), 0.5 for sigmoid, from 0 for
    the others (ReLU, softplus, softmax)."""
    if activation.is_bounded:
        if activation.signed:
            return diverging_rgba(values, 1.0)                 # −1..1
        if activation.is_softmax:
            return sequential_rgba(values, 0.0, 1.0)
        return diverging_rgba(values - 0.5, 0.5)               # 0..1, centred at ½
    if activation.signed:
        return diverging_rgba(values, max(float(np.max(np.abs(values))), 1e-9))
    return sequential_rgba(values, 0.0, max(float(np.max(values)), 1e-9))


class BoundaryView(OutputView):
    """Heat-map of the network's output over the plane of a 2-D data set, with its examples.

    ``hovered`` is (layer, index) of the unit whose map is shown, or None for the output.
    """

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, "boundaryView", parent)
        self.grid: Grid | None = None
        self.values: np.ndarray | None = None        # what the image shows, (ny, nx)

        self.title = plain_label("boundaryTitle")
        self.legend = plain_label("boundaryLegend")
        self.message = plain_label("boundaryMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.plot = quiet_plot()
        item = self.plot.getPlotItem()
        item.setAspectLocked(True)
        style_plot(self.plot, LIGHT)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setOpacity(0.6)      # a pale map, so the markers over it stand out
        self.plot.addItem(self.image)
        self.contour = IsolineItem(level=0.5, pen=pg.mkPen(qcolor(LIGHT.foreground), width=2))
        self.contour.setParentItem(self.image)
        self._scatter: dict[tuple[int, bool], pg.ScatterPlotItem] = {}
        self._regrid_timer = QTimer(self)
        self._regrid_timer.setSingleShot(True)
        self._regrid_timer.setInterval(0)
        self._regrid_timer.timeout.connect(self._regrid)
        item.getViewBox().sigRangeChanged.connect(self._on_view_range_changed)

        self._stack = QStackedLayout()
        self._stack.addWidget(self.plot)
        self._stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.legend)

        state.network_changed.connect(self._on_state_data_changed)
        state.data_changed.connect(self._on_state_data_changed)
        state.weights_changed.connect(self._on_state_weights_changed)
        self._theme = current_theme()
        self.set_theme(self._theme)
        self.retranslate()
        self._on_state_data_changed()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        self.setToolTip(self.tr("The network's output at every point of the plane. Hover a "
                                "neuron in the network to see its own output here. Click a "
                                "training point to step through that example."))
        self._update_legend()
        self._update_title()
        self._update_message()

    def _update_legend(self) -> None:
        k = max(self.state.Y.shape[1] if self.state.Y.ndim == 2 else 1, 2)
        # Imported data keeps the file's own class names ("alto", "baixo"); generated sets are
        # named "0", "1", … and read better as "class 0".
        ds = self.state.dataset
        given = tuple(ds.class_names) if ds is not None else ()
        named = len(given) == k and given != tuple(str(i) for i in range(k))
        names = [given[i] if named else self.tr("class %1").replace("%1", str(i))
                 for i in range(min(k, 3))]
        marks = [self.tr("%1 ● orange"), self.tr("%1 ■ blue"), self.tr("%1 ▲ green")]
        entries = [mark.replace("%1", name) for mark, name in zip(marks, names, strict=False)]
        self.legend.setText(self.tr("Filled: training example · hollow: test example\n%1")
                            .replace("%1", " · ".join(entries)))
        raw = raw_of(ds)
        features = tuple(raw.feature_names) if raw is not None else ()
        x, y = features if len(features) == 2 else ("x1", "x2")
        # pyqtgraph draws axis labels as HTML: escape the file's names.
        self.plot.setLabel("bottom", html.escape(x))
        self.plot.setLabel("left", html.escape(y))

    def set_theme(self, theme: Theme) -> None:
        """Recolour for ``theme`` (called by ui.look.theme on every theme switch)."""
        self._theme = theme
        style_plot(self.plot, theme)
        self.contour.setPen(pg.mkPen(qcolor(theme.foreground), width=2))
        self._set_points()

    def points(self) -> np.ndarray:
        """Return the training examples as points of their plane: the raw points behind the
        features the network is fed (``engine.features``), else the examples themselves."""
        raw, X = raw_of(self.state.dataset), self.state.X
        return raw.X_train if raw is not None and raw.X_train.shape[0] == X.shape[0] else X

    def has_two_features(self) -> bool:
        """Return whether the examples are points of a plane (two raw features) fed to the
        network as they are or through input features."""
        X = self.state.X
        return X.ndim == 2 and self.points().shape[1] == 2 \
            and self.state.network.layer_sizes[0] == X.shape[1]

    def has_classes(self) -> bool:
        """Return whether the targets are class labels (every entry 0 or 1)."""
        Y = self.state.Y
        return bool(np.all((Y == 0) | (Y == 1)))

    def is_applicable(self) -> bool:
        """Return whether a decision boundary means something here: two features, class labels."""
        return self.has_two_features() and self.has_classes()

    def _update_message(self) -> None:
        if not self.has_two_features():
            self.message.setText(self.tr("The decision boundary needs data with two input "
                                         "features; this data has %1.").replace(
                                             "%1", str(self.points().shape[1])))
        else:
            self.message.setText(self.tr("No decision boundary here: the targets are numbers "
                                         "to approach (such as 0.01 and 0.99 in Mazur's "
                                         "example), not classes. Pick a data set such as XOR "
                                         "in the Data tab to see one."))

    def _update_title(self) -> None:
        net = self.state.network
        if self.hovered is None:
            if net.layer_sizes[-1] == 1:
                text = self.tr("Output a(%1): orange → class 0, blue → class 1, line at "
                               "a(%1) = 0.5").replace("%1", str(net.L))
            else:
                text = self.tr("Output a(%1): colour of the most likely class, paler where "
                               "the network is unsure").replace("%1", str(net.L))
        else:
            layer, index = self.hovered
            text = self.tr("Neuron %1 of layer %2: its output a(%2) over the plane (orange "
                           "low, blue high)").replace("%1", str(index + 1)).replace(
                               "%2", str(layer))
        self.title.setText(text)

    # --- drawing -------------------------------------------------------------------------------
    def _on_state_data_changed(self) -> None:
        self.hovered = None
        self._update_title()
        self._update_legend()
        self._update_message()
        applicable = self.is_applicable()
        self.title.setVisible(applicable)
        self.legend.setVisible(applicable)
        if not applicable:
            self.grid = None
            self._stack.setCurrentWidget(self.message)
            return
        self._stack.setCurrentWidget(self.plot)
        raw = raw_of(self.state.dataset)
        everything = self.points() if raw is None or raw.n_inputs != 2 else raw.X
        around = grid_around(everything, RESOLUTION)
        self._set_points()
        self.plot.getPlotItem().getViewBox().setRange(
            xRange=around.x_range, yRange=around.y_range, padding=0.0)
        self._regrid()

    def _on_view_range_changed(self, *_: object) -> None:
        # Resizing or zooming fires this many times in a row: recompute once, when idle.
        if not self._regrid_timer.isActive():
            self._regrid_timer.start()

    def _regrid(self) -> None:
        """Evaluate the map over exactly the visible rectangle, so it fills the plot whatever
        its shape (the view keeps x and y at the same scale)."""
        if not self.is_applicable():
            return
        (x0, x1), (y0, y1) = self.plot.getPlotItem().getViewBox().viewRange()
        try:
            self.grid = grid_over((x0, x1), (y0, y1), RESOLUTION)
        except ValueError:
            return                  # a collapsed view (the widget has no size yet)
        self.redraw()
        # After setImage: the rect maps the image's pixels, so it needs the image's size.
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

    def _set_points(self) -> None:
        for item in self._scatter.values():
            self.plot.removeItem(item)
        self._scatter.clear()
        if not self.has_two_features():
            return      # no plane to put them on (one-feature data shows the regression plot)
        sets = [(self.points(), self.state.Y, True)]
        ds = raw_of(self.state.dataset)
        if ds is not None and ds.X_test.shape[0] and ds.n_inputs == 2 \
                and ds.Y_test.shape[1] == self.state.Y.shape[1]:
            sets.append((ds.X_test, ds.Y_test, False))
        outline, hollow = qcolor(self._theme.foreground), qcolor(self._theme.background)
        for X, Y, train in sets:
            classes = target_classes(Y) if Y.shape[1] > 1 or np.all((Y == 0) | (Y == 1)) \
                else np.zeros(X.shape[0], dtype=np.intp)
            for k in np.unique(classes):
                colour = qcolor(CLASS_HEX[int(k) % len(CLASS_HEX)])
                rows = np.flatnonzero(classes == k)
                pts = X[rows]
                item = pg.ScatterPlotItem(
                    pts[:, 0], pts[:, 1], data=rows, size=9 if train else 10,
                    symbol=CLASS_SYMBOLS[int(k) % len(CLASS_SYMBOLS)],
                    pen=pg.mkPen(outline, width=1) if train else pg.mkPen(colour, width=2.2),
                    brush=pg.mkBrush(colour) if train else pg.mkBrush(hollow))
                item.setZValue(2 if train else 3)
                if train:   # a spot's data is its row of state.X: clicking steps through it
                    item.sigClicked.connect(self._on_points_clicked)
                self.plot.addItem(item)
                self._scatter[(int(k), train)] = item

    def redraw(self) -> None:
        """Recompute the map over the grid with the current weights and repaint the image."""
        if self.grid is None or not self.is_applicable():
            return
        net = self.state.network
        with np.errstate(over="ignore", invalid="ignore"):
            # The grid is of the plane; the network is fed its points' features.
            fp = net.forward(plane_inputs(self.state.dataset, self.grid.points))
        shape = (self.grid.ny, self.grid.nx)
        if self.hovered is None:
            # Weights on their way to divergence give huge outputs: clip them for the colours.
            out = np.clip(np.nan_to_num(fp.a[-1]), -1e6, 1e6)
            rgba = class_rgba(out.reshape(*shape, -1))
            self.values = out[:, 0].reshape(shape) if out.shape[1] == 1 else \
                np.max(out, axis=1).reshape(shape)
            show_line = out.shape[1] == 1
        else:
            layer, index = self.hovered
            self.values = np.clip(np.nan_to_num(fp.a[layer - 1][:, index]), -1e6,
                                  1e6).reshape(shape)
            # The inputs are drawn as they are: as if through g(z) = z.
            activation = Activation.LINEAR if layer == 1 else net.g_of(layer)
            rgba = unit_rgba(self.values, activation)
            show_line = False
        self.image.setImage(rgba, autoLevels=False)
        self.contour.setVisible(show_line)
        if show_line:
            self.contour.setData(self.values)

