"""The loss plot: train and test cost J per epoch, and accuracy for classification, drawn live.

The curves are created once; each refresh only calls ``setData`` on them with the bounded
history (see ``engine.lesson.history``, at most ~2000 points), so a million epochs cost no more
to draw than a few thousand. The curves are drawn whole, never auto-downsampled (see
``_plot_widget``). Behind the training cost a shaded band spans the lowest to the highest J of
the epochs each thinned point stands for, so a cost that jumps from epoch to epoch still shows
as a wide band, never as a calm line, and the band reaches the lowest and highest J ever seen.
With a comparison (ui/training/compare.py), the compared run's training cost and accuracy are
drawn over them in their own colour and a dash-dotted line, and the key names both runs.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsPathItem,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from engine.lesson.history import LossHistory
from ui.look.palette import COMPARED_HEX, LIGHT, TEST_HEX, TRAIN_HEX, Theme, qcolor
from ui.look.steady_label import WrappedReadout
from ui.look.theme import current_theme, scale_plot
from ui.training.plot_axes import end_label_axes, fit_stacked
from ui.training.plot_room import FitsItsDock, layout_gap

RANGE_ALPHA = 70    # the band of lowest..highest J: light enough that the curve reads over it
EMPTY_EPOCHS = (0.0, 5.0)       # the epoch axis of a plot with nothing to draw yet
ROOM_SLACK = 20     # px: the accuracy plot comes back only with this much more than it needs


def _pen(hex_code: str, dashed: bool) -> pg.mkPen:
    return pg.mkPen(qcolor(hex_code), width=2,
                    style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def compared_pen() -> pg.mkPen:
    """Return the compared run's pen: its own colour, dash-dotted, a little wider."""
    return pg.mkPen(qcolor(COMPARED_HEX), width=2.5, style=Qt.PenStyle.DashDotLine)


def style_plot(w: pg.PlotWidget, theme: Theme) -> None:
    """Give a plot the theme's background, axis and label colours."""
    w.setBackground(qcolor(theme.background))
    item = w.getPlotItem()
    for name in ("left", "bottom"):
        ax = item.getAxis(name)
        ax.setPen(pg.mkPen(qcolor(theme.muted)))
        ax.setTextPen(pg.mkPen(qcolor(theme.text)))


def _plot_widget() -> pg.PlotWidget:
    w = pg.PlotWidget(axisItems=end_label_axes())
    item = w.getPlotItem()
    item.showGrid(x=True, y=True, alpha=0.25)
    item.setClipToView(True)
    # No auto-downsampling: the history holds at most ~2000 points, cheap to draw whole, and
    # a downsampled curve's ends depend on the view range, which auto-range fits to those
    # ends — range and curve could flip between two states on every paint, starving the
    # training timer (the freeze at ~942,000 XOR epochs). Clipping only acts on a zoomed view.
    item.setDownsampling(ds=1, auto=False)
    item.setMenuEnabled(False)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.enableAutoSIPrefix(False)   # "cost J (x0.001)" would confuse
        # Grid lines at the labelled ticks only: the minor ones doubled the lines pyqtgraph
        # replays on every repaint while training (a loss-plot repaint: 38 → 22 ms).
        axis.setStyle(maxTickLevel=0)
    style_plot(w, LIGHT)
    return w


class LossPlot(FitsItsDock):
    """Cost per epoch (train solid, test dashed) over accuracy per epoch, sharing the epoch axis.

    ``refresh()`` redraws from the ``LossHistory`` given at construction.
    """

    def __init__(self, history: LossHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.history = history
        self._empty = False             # showing the empty ranges (auto-range off)
        self.compared: LossHistory | None = None     # the compared run's history, if any
        self.names = ("", "")                         # (this run, the compared run) in the key
        self.show_accuracy = True       # the panel turns it off for targets that are not classes
        # Whether the dock has room for the accuracy plot under a cost plot at least half as
        # tall (a projector's 1280×720 in presenter mode left the cost plot 40 px and cut the
        # accuracy plot's axis): without, the accuracy curve goes and its numbers stay in the
        # readout.
        self._accuracy_room = True
        # Where accuracy means nothing (regression): returns the RMSE (train, test; NaN without
        # a test set) at the weights of now, or None for class labels. Set by the wing.
        self.rmse_now: Callable[[], tuple[float, float] | None] = lambda: None
        self.log_check = QCheckBox()
        self.log_check.setObjectName("logScaleCheck")
        self.log_check.toggled.connect(self._on_log_check_toggled)
        self.readout = QLabel()
        self.readout.setObjectName("lossReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A narrow dock wraps it instead of widening; its box asks no layout while training.
        self.readout_box = WrappedReadout(self.readout)

        self.cost_plot = _plot_widget()
        self.cost_plot.setObjectName("costPlot")
        self.accuracy_plot = _plot_widget()
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.setXLink(self.cost_plot)
        # Room above 100 % and below 0 %, or the axis drops those two tick labels.
        self.accuracy_plot.setYRange(-0.15, 1.15, padding=0.0)
        self.accuracy_plot.getPlotItem().enableAutoRange(axis="y", enable=False)   # keep 0–100 %
        self.accuracy_plot.getPlotItem().getViewBox().setMouseEnabled(y=False)
        self.accuracy_plot.setMaximumHeight(190)
        self._fit_accuracy_height()

        # The band: its edges are thin lines of its own colour, the fill between them lighter,
        # both under the curves. The fill is one path built from the arrays (pyqtgraph's
        # FillBetweenItem rebuilt it point by point, twice per refresh: 30 ms for 1000 points).
        self.train_low_curve = self.cost_plot.plot(pen=pg.mkPen(qcolor(TRAIN_HEX, 110), width=1))
        self.train_low_curve.setObjectName("trainCostMinCurve")
        self.train_high_curve = self.cost_plot.plot(pen=pg.mkPen(qcolor(TRAIN_HEX, 110), width=1))
        self.train_high_curve.setObjectName("trainCostMaxCurve")
        self.train_band = QGraphicsPathItem()
        self.train_band.setBrush(qcolor(TRAIN_HEX, RANGE_ALPHA))
        self.train_band.setPen(Qt.PenStyle.NoPen)
        self.train_band.setZValue(-1)
        self.cost_plot.addItem(self.train_band)
        self.train_curve = self.cost_plot.plot(pen=_pen(TRAIN_HEX, False))
        self.test_curve = self.cost_plot.plot(pen=_pen(TEST_HEX, True))
        self.train_accuracy_curve = self.accuracy_plot.plot(pen=_pen(TRAIN_HEX, False))
        self.test_accuracy_curve = self.accuracy_plot.plot(pen=_pen(TEST_HEX, True))
        self.compared_curve = self.cost_plot.plot(pen=compared_pen())
        self.compared_curve.setObjectName("comparedCostCurve")
        self.compared_accuracy_curve = self.accuracy_plot.plot(pen=compared_pen())
        self.compared_accuracy_curve.setObjectName("comparedAccuracyCurve")

        self.key = QLabel()
        self.key.setObjectName("lossKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        # The key and the check one above the other: side by side they made the dock 380 px
        # wide at least (presenter, pt-BR), leaving the math panel too little.
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.key)
        top.addWidget(self.log_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.readout_box)
        layout.addLayout(top)
        layout.addWidget(self.cost_plot, 2)
        layout.addWidget(self.accuracy_plot, 1)
        self.set_theme(current_theme())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        self.log_check.setText(self.tr("Log scale"))
        self.log_check.setToolTip(self.tr("Show the cost J on a logarithmic axis, so the slow "
                                          "late decrease stays visible"))
        self.log_check.setStatusTip(self.log_check.toolTip())
        self.setToolTip(self.tr("The cost J after each epoch: training set solid, test set "
                                "dashed. Long runs keep fewer points: the shaded band spans the "
                                "lowest to the highest training cost of the epochs each point "
                                "stands for. Below: the fraction of examples classified right."))
        self.cost_plot.setLabel("left", self.tr("cost J"))
        self.cost_plot.setLabel("bottom", self.tr("epoch"))
        self.accuracy_plot.setLabel("left", self.tr("accuracy"))
        self.accuracy_plot.setLabel("bottom", self.tr("epoch"))
        self._place_accuracy()
        # Percent ticks at 0, 50 and 100 % read faster than 0.2 … 0.8, and 100 % is always shown.
        loc = QLocale()
        self.accuracy_plot.getAxis("left").setTicks(
            [[(v, loc.toString(100 * v, "f", 0) + " %") for v in (0.0, 0.5, 1.0)],
             [(v, "") for v in (0.25, 0.75)]])
        self._fit_accuracy_height()
        self.refresh()

    def _fit_accuracy_height(self) -> None:
        """Size the accuracy plot and both left axes for the current font and language."""
        fit_stacked(self.cost_plot, self.accuracy_plot, self.tr("accuracy"),
                    QLocale().toString(100) + " %", 110)

    def _update_key(self, show_range: bool) -> None:
        """Set the legend: the two curves, and the band once it is wider than the curve."""
        # A legend above the plots, not in them: in a narrow dock it would hide the curves.
        entry = '<span style="white-space:nowrap"><span style="color:{}">{}</span> {}</span>'
        mine, theirs = (tuple(html.escape(n) for n in self.names) if self.compared is not None
                        else ("", ""))
        train = self.tr("training set")
        text = (entry.format(TRAIN_HEX, "━━", f"<b>{mine}</b>: {train}" if mine else train)
                + " &nbsp; " + entry.format(TEST_HEX, "╍╍", self.tr("test set")))
        if theirs:
            text += "<br>" + entry.format(COMPARED_HEX, "━ · ━", f"<b>{theirs}</b>: {train}")
        if show_range:
            # On a line of its own: in a narrow dock a wrapped key would part swatch and words.
            band = qcolor(TRAIN_HEX, RANGE_ALPHA + 40).name(QColor.NameFormat.HexArgb)
            text += f'<br><span style="color:{band}">██</span>&nbsp;' + self.tr(
                "range within each thinned interval")
        if text != self.key.text():
            self.key.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        """Recolour the plots for ``theme`` (on every theme switch)."""
        for w in (self.cost_plot, self.accuracy_plot):
            style_plot(w, theme)

    def set_scale(self, _factor: float) -> None:
        """Draw the plots' ticks and titles in the application font (presenter mode)."""
        for w in (self.cost_plot, self.accuracy_plot):
            scale_plot(w)
        self._fit_accuracy_height()

    def set_show_accuracy(self, on: bool) -> None:
        """Show or hide the accuracy plot (it means nothing for regression targets)."""
        self.show_accuracy = on
        self._place_accuracy()

    def _place_accuracy(self) -> None:
        # Shown for class targets with room for it.
        shown = self.show_accuracy and self._accuracy_room
        self.accuracy_plot.setVisible(shown)
        # One epoch axis with numbers and title, under the two plots: the accuracy plot's, when
        # it shows (the plots share it; the cost plot's took two text lines of its height).
        axis = self.cost_plot.getAxis("bottom")
        axis.showLabel(not shown)
        axis.setStyle(showValues=not shown)

    def _check_room(self) -> None:
        """Drop the accuracy plot when the cost plot above it gets under half the accuracy
        plot's least height or the two no longer fit; bring it back once the cost plot would
        keep its share with ``ROOM_SLACK`` px to spare (no flicker at the edge)."""
        least = self.accuracy_plot.minimumHeight()
        keep = max(least // 2, self.cost_plot.minimumSizeHint().height())
        height = self.cost_plot.height()
        gap = layout_gap(self)
        # isHidden, not isVisible: the first resize comes before the window is marked visible.
        if self._accuracy_room and not self.accuracy_plot.isHidden() and (
                height < least // 2 or self.accuracy_plot.geometry().bottom() >= self.height()):
            self._accuracy_room = False
        elif not self._accuracy_room and height >= least + gap + keep + ROOM_SLACK:
            self._accuracy_room = True
        else:
            return
        self._place_accuracy()

    def set_comparison(self, history: LossHistory | None, names: tuple[str, str]) -> None:
        """Draw the compared run's ``history`` too (None: no comparison); ``names`` are this
        run's and the compared run's in the key."""
        self.compared, self.names = history, names
        self.refresh()

    def _on_log_check_toggled(self, on: bool) -> None:
        self.cost_plot.setLogMode(y=on)
        self.refresh()

    def refresh(self) -> None:
        """Redraw the curves and the readout from the history (data only, items kept)."""
        h = self.history
        if self._empty and h.latest is not None:     # before setData: curves clip to the view
            self.cost_plot.getPlotItem().enableAutoRange()
            self._empty = False
        epochs = h.epochs().astype(float)
        log = self.log_check.isChecked()
        for curve, name in ((self.train_curve, "train_cost"), (self.test_curve, "test_cost"),
                            (self.train_accuracy_curve, "train_accuracy"),
                            (self.test_accuracy_curve, "test_accuracy")):
            values = h.series(name)
            keep = np.isfinite(values)
            if log and name.endswith("cost"):
                keep &= values > 0          # log(0) has no place on the axis
            if np.any(keep):
                curve.setData(epochs[keep], values[keep])
            else:
                curve.setData([], [])
        self._draw_compared(log)
        self._update_key(self._draw_range(epochs, log))
        self.test_curve.setVisible(h.has("test_cost"))
        if h.latest is None:
            # A new run: drop the last run's axes and any zoom. Auto-range has nothing to fit
            # (pyqtgraph would show −0.4…0.4): epochs from 0 and cost from 0 until the first
            # epoch, then the curves are framed from their first epoch.
            self.cost_plot.getPlotItem().setRange(xRange=EMPTY_EPOCHS, yRange=(0.0, 1.0),
                                                  padding=0.03)     # 0.03: the 0 is labelled
            self._empty = True
        # Fit the axes to the new curves now: left to the paint, pyqtgraph's auto-range moves
        # the axes while painting and the plot is painted a second time (4 ms each, offscreen).
        for plot in (self.cost_plot, self.accuracy_plot):
            plot.getPlotItem().getViewBox().prepareForPaint()
        self._update_readout()

    def _draw_compared(self, log: bool) -> None:
        """Draw the compared run's training cost and accuracy (nothing without one)."""
        h = self.compared
        for curve, name in ((self.compared_curve, "train_cost"),
                            (self.compared_accuracy_curve, "train_accuracy")):
            values = np.array([]) if h is None else h.series(name)
            keep = np.isfinite(values)
            if log and name == "train_cost":
                keep &= values > 0
            if h is not None and np.any(keep):
                curve.setData(h.epochs().astype(float)[keep], values[keep])
            else:
                curve.setData([], [])

    def _draw_range(self, epochs: np.ndarray, log: bool) -> bool:
        """Draw the band of lowest..highest training cost and return whether it shows.

        Point i stands for the epochs after point i − 1 up to its own, so the band is a
        staircase: one step from epoch e(i−1) to e(i) per point (the first point is one epoch
        and has none). Shown only once some interval holds more than one value: before the
        first thinning every epoch is a point and the band would be the curve itself.
        """
        lo, hi = self.history.envelope()
        lo, hi, left, right = lo[1:], hi[1:], epochs[:-1], epochs[1:]
        keep = np.isfinite(lo) & np.isfinite(hi)
        if log:
            keep &= (lo > 0) & (hi > 0)       # log(0) has no place on the axis
        show = bool(np.any(hi[keep] > lo[keep]))
        if not show:
            for curve in (self.train_low_curve, self.train_high_curve):
                curve.setData([], [])
            self.train_band.setPath(QPainterPath())
            return False
        x = np.column_stack([left[keep], right[keep]]).ravel()
        lo, hi = np.repeat(lo[keep], 2), np.repeat(hi[keep], 2)
        self.train_low_curve.setData(x, lo)
        self.train_high_curve.setData(x, hi)
        # Along the lows, back along the highs. The path lives in the view's coordinates,
        # which are log10(J) on a log axis (the curves transform themselves).
        outline = np.concatenate([lo, hi[::-1]])
        path = pg.arrayToQPath(np.concatenate([x, x[::-1]]),
                               np.log10(outline) if log else outline, connect="all")
        path.closeSubpath()
        self.train_band.setPath(path)
        return True

    def _update_readout(self) -> None:
        last = self.history.latest
        if last is None:
            self.readout.setText(self.tr("No epochs yet: press Train."))
            self.readout_box.start_again()
            return
        loc = QLocale()
        parts = [self.tr("epoch %1").replace("%1", loc.toString(last.epoch)),
                 self.tr("J train %1").replace("%1", loc.toString(last.train_cost, "g", 4))]
        if np.isfinite(last.test_cost):
            parts.append(self.tr("J test %1").replace("%1", loc.toString(last.test_cost, "g", 4)))
        if np.isfinite(last.train_accuracy):
            parts.append(self.tr("accuracy %1 %").replace(
                "%1", loc.toString(100 * last.train_accuracy, "f", 1)))
        if np.isfinite(last.test_accuracy):
            parts.append(self.tr("test %1 %").replace(
                "%1", loc.toString(100 * last.test_accuracy, "f", 1)))
        errors = None if self.show_accuracy else self.rmse_now()
        if errors is not None and np.isfinite(errors[0]):
            # At the weights of now, in the units the curve plot shows y in.
            parts.append(self.tr("RMSE now %1").replace("%1", loc.toString(errors[0], "g", 3)))
            if np.isfinite(errors[1]):
                parts.append(self.tr("test %1").replace("%1", loc.toString(errors[1], "g", 3)))
        self.readout.setText(" · ".join(parts))
        # The numbers' widths change from epoch to epoch: a wrapped readout one line shorter
        # would resize the plots below it, which then redraw whole, axes too (on XOR most
        # refreshes while training did). Its height only grows until the next run or resize.
        self.readout_box.fit()
