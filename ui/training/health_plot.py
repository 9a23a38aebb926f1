"""The gradient-health plot: ‖D(l)‖ per layer over epochs on a log axis, and below it the share of
saturated (sigmoid/tanh) and dead (ReLU) units of each hidden layer.

A caption names how the weights were first drawn (``set_init``), since that decides much of what
the curves show at the start. It draws what the trainer's ``HealthRecorder``
(engine/lesson/health.py) holds: epochs on a power-of-two stride, so the curves cost the same to
draw however long training runs. Curves are built once per architecture; each refresh only calls
``setData``. Each encoding means one thing: colour is the layer, line style is the run (solid
this run, dash-dot and paler the compared one, ui/training/compare.py), and in the lower plot the
marker is the kind of unit (● saturated, ✕ dead); the key has one row for each.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from engine.lesson.health import HealthRecorder
from ui.look import dock_titles
from ui.look.palette import LAYER_HEX, Theme, qcolor
from ui.look.theme import current_theme, scale_plot
from ui.training.loss_plot import EMPTY_EPOCHS, _plot_widget, style_plot
from ui.training.plot_axes import fit_stacked
from ui.training.plot_room import FitsItsDock, layout_gap

COMPARED_STYLE = Qt.PenStyle.DashDotLine     # the compared run's line style, in both plots
COMPARED_ALPHA = 150                         # and paler: its colour's alpha (of 255)
SATURATED_SYMBOL, DEAD_SYMBOL = "o", "x"     # the lower plot: the kind of unit, by marker


def layer_pen(l: int, compared: bool = False) -> pg.mkPen:
    """Return the pen of layer ``l`` (from 1): its colour, solid for this run, dash-dotted and
    paler for the compared run."""
    colour = qcolor(LAYER_HEX[(l - 1) % len(LAYER_HEX)])
    if compared:
        colour.setAlpha(COMPARED_ALPHA)
        return pg.mkPen(colour, width=2, style=COMPARED_STYLE)
    return pg.mkPen(colour, width=2)


def _brush(l: int, compared: bool = False):
    colour = qcolor(LAYER_HEX[(l - 1) % len(LAYER_HEX)])
    if compared:
        colour.setAlpha(COMPARED_ALPHA)
    return pg.mkBrush(colour)


class HealthPlot(FitsItsDock):
    """‖D(l)‖ per layer (log axis, with a legend) over the saturated/dead shares.

    ``refresh()`` redraws from the ``HealthRecorder`` given at construction; ``before_refresh``
    (if given) is called first, e.g. to record the state before training.
    """

    def __init__(self, recorder: HealthRecorder,
                 before_refresh: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("healthPlot")
        self.recorder = recorder
        self._empty = False             # showing the empty epoch range (auto-range off)
        self.compared: HealthRecorder | None = None      # the compared run's records, if any
        self.names = ("", "")                            # (this run, the compared run)
        self.before_refresh = before_refresh
        self.dock: QDockWidget | None = None     # set by install(): its title follows the language
        self._init: str | None = "uniform"
        self.init_caption = QLabel()
        self.init_caption.setObjectName("healthInitCaption")
        self.init_caption.setWordWrap(True)
        self.readout = QLabel()
        self.readout.setObjectName("healthReadout")
        self.readout.setWordWrap(True)
        self.norm_plot = _plot_widget()
        self.norm_plot.setObjectName("gradientNormPlot")
        self.norm_plot.setLogMode(y=True)
        # Labels at whole decades only (the axis counts in log10 units): 0.7, 0.6, 0.5 … between
        # them crowd a narrow dock and read as a linear scale.
        self.norm_plot.getAxis("left").setTickSpacing(major=1.0, minor=1.0)
        # The key sits above the plots, not in them: in a narrow dock it would hide the curves.
        self.key = QLabel()
        self.key.setObjectName("healthKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.share_plot = _plot_widget()
        self.share_plot.setObjectName("unitSharePlot")
        self.share_plot.setXLink(self.norm_plot)
        self.share_plot.setYRange(-0.15, 1.15, padding=0.0)
        self.share_plot.getPlotItem().enableAutoRange(axis="y", enable=False)
        self.share_plot.getPlotItem().getViewBox().setMouseEnabled(y=False)
        self.norm_plot.setMinimumHeight(120)
        self.share_plot.setMaximumHeight(170)
        self._layers = -1
        self.norm_curves: list[pg.PlotDataItem] = []
        self.saturated_curves: list[pg.PlotDataItem] = []
        self.dead_curves: list[pg.PlotDataItem] = []
        self.compared_norm_curves: list[pg.PlotDataItem] = []
        self.compared_share_curves: list[pg.PlotDataItem] = []     # saturated, dead per layer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.init_caption)
        layout.addWidget(self.readout)
        layout.addWidget(self.key)
        layout.addWidget(self.norm_plot, 2)
        layout.addWidget(self.share_plot, 1)
        self.set_theme(current_theme())
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        self.setToolTip(self.tr(
            "How large the gradient D(l) is in each layer while training (log scale): when the "
            "first layers' curves lie orders of magnitude below the last, their weights hardly "
            "learn (the vanishing gradient). Below: the share of saturated sigmoid/tanh units "
            "(g′ < 0.01, ●) and of dead ReLUs (never active, ✕) in each hidden layer."))
        if self.dock is not None:
            dock_titles.set_titles(self.dock, self.tr("Health", "dock tab"),
                                   self.tr("Gradient health"))
        self.norm_plot.setLabel("left", self.tr("‖D(l)‖"))
        self.norm_plot.setLabel("bottom", self.tr("epoch"))
        # One epoch axis with numbers and title, under the share plot: the two share it, and
        # the norms' own took two text lines of their height.
        self.norm_plot.getAxis("bottom").showLabel(False)
        self.norm_plot.getAxis("bottom").setStyle(showValues=False)
        self.share_plot.setLabel("left", self.tr("% of units"))
        self.share_plot.setLabel("bottom", self.tr("epoch"))
        loc = QLocale()
        self.share_plot.getAxis("left").setTicks(
            [[(v, loc.toString(100 * v, "f", 0) + " %") for v in (0.0, 1.0)], [(0.5, "")]])
        self._fit_share_height()
        self._layers = -1           # the key is rewritten with the new words at the next refresh
        self._write_init_caption()
        self.refresh()

    def set_init(self, init: str | None) -> None:
        """Name the initialization the weights were drawn with (engine.initializers' names;
        None: weights that were not drawn, such as an article's)."""
        self._init = init
        self._write_init_caption()

    def _write_init_caption(self) -> None:
        names = {"uniform": self.tr("uniform ±ε (the notes)"), "xavier": self.tr("Xavier"),
                 "he": self.tr("He")}
        if self._init is None:
            text = self.tr("Initial weights: given, not drawn at random.")
        else:
            text = self.tr("Initial weights: %1 (Network tab).").replace(
                "%1", names.get(self._init, self._init))
        self.init_caption.setText(text)

    def _check_room(self) -> None:
        """Put the initial weights' caption away while the dock is too short for it above both
        plots whole (presenter mode at 1400×900 cut the lower plot's epoch axis off); the
        Network tab names the initialization too. It comes back with the room."""
        layout = self.layout()
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        need = (sum(max(0, w.heightForWidth(width))
                    for w in (self.init_caption, self.readout, self.key))
                + self.norm_plot.minimumHeight() + self.share_plot.minimumHeight()
                + 4 * layout_gap(self) + margins.top() + margins.bottom())
        self.init_caption.setVisible(self.height() >= need)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        """Recolour the plots for ``theme``."""
        for w in (self.norm_plot, self.share_plot):
            style_plot(w, theme)

    def set_scale(self, _factor: float) -> None:
        """Draw the plots' ticks and titles in the application font (presenter mode)."""
        for w in (self.norm_plot, self.share_plot):
            scale_plot(w)
        self._fit_share_height()

    def _fit_share_height(self) -> None:
        """Size the share plot and both left axes for the current font and language."""
        # "0.0001": the norms' labels run down to there before the axis writes 1e-05.
        fit_stacked(self.norm_plot, self.share_plot, self.tr("% of units"),
                    QLocale().toString(0.0001, "f", 4), 80, rows=2)

    def _build_curves(self, layers: int) -> None:
        """Make one curve per layer (only when the number of layers changes)."""
        for curve in self.norm_curves:
            self.norm_plot.removeItem(curve)
        for curve in self.compared_norm_curves:
            self.norm_plot.removeItem(curve)
        for curve in self.saturated_curves + self.dead_curves + self.compared_share_curves:
            self.share_plot.removeItem(curve)
        # Dots mark the recorded epochs: between them a line is only a guide to the eye.
        self.norm_curves = [self.norm_plot.plot(pen=layer_pen(l), symbol="o", symbolSize=4,
                                                symbolPen=None, symbolBrush=_brush(l))
                            for l in range(1, layers + 1)]
        # Row l's shares are those of layer l + 1, the hidden layer Θ(l) feeds: colour l.
        self.saturated_curves = [self._share_curve(l, SATURATED_SYMBOL)
                                 for l in range(1, layers + 1)]
        self.dead_curves = [self._share_curve(l, DEAD_SYMBOL) for l in range(1, layers + 1)]
        self.compared_norm_curves = [
            self.norm_plot.plot(pen=layer_pen(l, compared=True), symbol="t", symbolSize=6,
                                symbolPen=layer_pen(l, compared=True), symbolBrush=None)
            for l in range(1, layers + 1)]
        self.compared_share_curves = [self._share_curve(l, symbol, compared=True)
                                      for l in range(1, layers + 1)
                                      for symbol in (SATURATED_SYMBOL, DEAD_SYMBOL)]
        for curve in self.compared_norm_curves + self.compared_share_curves:
            curve.setObjectName("comparedHealthCurve")

    def _share_curve(self, l: int, symbol: str, compared: bool = False) -> pg.PlotDataItem:
        pen = layer_pen(l, compared)
        return self.share_plot.plot(pen=pen, symbol=symbol, symbolSize=6,
                                    symbolPen=pg.mkPen(pen.color(), width=1.5),
                                    symbolBrush=_brush(l, compared) if symbol == "o" else None)

    def refresh(self) -> None:
        """Redraw the curves and the readout from the recorder (data only, items kept)."""
        if self.before_refresh is not None:
            self.before_refresh()
        records = self.recorder.records()
        if not records:
            for curve in (self.norm_curves + self.saturated_curves + self.dead_curves
                          + self.compared_norm_curves + self.compared_share_curves):
                curve.setData([], [])
            self.readout.setText(self.tr("No gradients recorded yet."))
            # Nothing for auto-range to fit (it would show −0.4…0.4): epochs from 0.
            self.norm_plot.getPlotItem().setRange(xRange=EMPTY_EPOCHS, padding=0.03)
            self._empty = True
            return
        if records[-1][0] == records[0][0]:
            # Only the state before training: one epoch, which auto-range would centre in
            # −0.5…0.5. Epochs count from 0 until there are two.
            self.norm_plot.getPlotItem().setRange(xRange=EMPTY_EPOCHS, padding=0.03)
            self._empty = True
        elif self._empty:       # before setData: curves clip to the view
            self.norm_plot.getPlotItem().enableAutoRange(axis="x")
            self._empty = False
        layers = len(records[-1][1])
        if len(self.norm_curves) != layers:
            self._build_curves(layers)
        if self._layers != layers:
            self._write_key(layers)
        self._draw(self.recorder, ((self.norm_curves, "norm_D"),
                                   (self.saturated_curves, "saturated_share"),
                                   (self.dead_curves, "dead_share")))
        compared = self.compared
        pairs = self.compared_share_curves
        if compared is not None and len(compared) and len(compared.records()[-1][1]) == layers:
            self._draw(compared, ((self.compared_norm_curves, "norm_D"),
                                  (pairs[0::2], "saturated_share"), (pairs[1::2], "dead_share")))
        else:
            for curve in self.compared_norm_curves + pairs:
                curve.setData([], [])
        self._update_readout(records[-1])

    def set_comparison(self, recorder: HealthRecorder | None, names: tuple[str, str]) -> None:
        """Draw the compared run's ``recorder`` too (None: no comparison); ``names`` are this
        run's and the compared run's in the key."""
        self.compared, self.names = recorder, names
        self._layers = -1           # the key names the runs
        self.refresh()

    def _draw(self, recorder: HealthRecorder, curves_by_name) -> None:
        """Give each layer's curve its figure from ``recorder`` (data only)."""
        epochs = recorder.epochs().astype(float)
        for curves, name in curves_by_name:
            values = recorder.series(name)
            for k, curve in enumerate(curves):
                column = values[:, k]
                keep = np.isfinite(column)
                if name == "norm_D":
                    keep &= column > 0          # log(0) has no place on the axis
                if np.any(keep):
                    curve.setData(epochs[keep], column[keep])
                else:
                    curve.setData([], [])

    def _write_key(self, layers: int) -> None:
        """Write the legend, one row per encoding: each layer's colour; with a comparison, the
        line style of each run; the marker of each kind of unit below. A sample and its label
        never break apart."""
        def item(sample: str, label: str, colour: str | None = None) -> str:
            style = "" if colour is None else f"color:{colour};"
            return (f'<span style="white-space:nowrap"><span style="{style}">{sample}</span>'
                    f"&nbsp;{label}</span>")

        rows = [" &nbsp; ".join(item("━━", f"D({l})", LAYER_HEX[(l - 1) % len(LAYER_HEX)])
                                for l in range(1, layers + 1))]
        if self.compared is not None:
            mine, theirs = (html.escape(n) for n in self.names)
            rows.append(item("━━━", f"<b>{mine}</b>") + " &nbsp; "
                        + item("━ · ━", f"<b>{theirs}</b>"))
        rows.append(html.escape(self.tr("below, share of units:")) + " "
                    + item("●", html.escape(self.tr("saturated"))) + " &nbsp; "
                    + item("✕", html.escape(self.tr("dead"))))
        self.key.setText("<br>".join(rows))
        self._layers = layers

    def _update_readout(self, record) -> None:
        epoch, rows = record
        loc = QLocale()
        first, last = rows[0].norm_D, rows[-1].norm_D
        text = self.tr("epoch %1 · ‖D(1)‖ = %2 · ‖D(%3)‖ = %4").replace(
            "%1", loc.toString(int(epoch))).replace("%2", loc.toString(first, "g", 3)).replace(
            "%3", loc.toString(rows[-1].l)).replace("%4", loc.toString(last, "g", 3))
        compared = self.compared
        if compared is not None and len(compared):
            other = compared.records()[-1][1]
            text += "\n" + self.tr("compared: ‖D(1)‖ = %1 · ‖D(%2)‖ = %3").replace(
                "%1", loc.toString(other[0].norm_D, "g", 3)).replace(
                "%2", loc.toString(other[-1].l)).replace(
                "%3", loc.toString(other[-1].norm_D, "g", 3))
        self.readout.setText(text)
