"""The gradient-health plot: ‖D(l)‖ per layer over epochs on a log axis, and below it the share of
saturated (sigmoid/tanh) and dead (ReLU) units of each hidden layer.

A caption names how the weights were first drawn (``set_init``), since that decides much of what
the curves show at the start. It draws what the trainer's ``HealthRecorder``
(engine/lesson/health.py) holds: epochs on a power-of-two stride, so the curves cost the same to
draw however long training runs. Curves are built once per architecture; each refresh only calls
``setData``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from engine.lesson.health import HealthRecorder
from ui.look.palette import LAYER_HEX, Theme, qcolor
from ui.look.theme import current_theme, scale_plot
from ui.training.loss_plot import _plot_widget, style_plot


def layer_pen(l: int, dashed: bool = False) -> pg.mkPen:
    """Return the pen of layer ``l`` (from 1): its colour, dashed for the dead-unit share."""
    return pg.mkPen(qcolor(LAYER_HEX[(l - 1) % len(LAYER_HEX)]), width=2,
                    style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


class HealthPlot(QWidget):
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
        self.share_plot.setMinimumHeight(80)
        self.norm_plot.setMinimumHeight(120)
        self.share_plot.setMaximumHeight(170)
        for w in (self.norm_plot, self.share_plot):
            w.getAxis("left").setWidth(56)
        self._layers = -1
        self.norm_curves: list[pg.PlotDataItem] = []
        self.saturated_curves: list[pg.PlotDataItem] = []
        self.dead_curves: list[pg.PlotDataItem] = []
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
            "(g′ < 0.01, solid) and of dead ReLUs (never active, dashed) in each hidden layer."))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Gradient health"))
        self.norm_plot.setLabel("left", self.tr("‖D(l)‖"))
        self.norm_plot.setLabel("bottom", self.tr("epoch"))
        self.share_plot.setLabel("left", self.tr("units"))
        self.share_plot.setLabel("bottom", self.tr("epoch"))
        loc = QLocale()
        self.share_plot.getAxis("left").setTicks(
            [[(v, loc.toString(100 * v, "f", 0) + " %") for v in (0.0, 1.0)], [(0.5, "")]])
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

    def _build_curves(self, layers: int) -> None:
        """Make one curve per layer (only when the number of layers changes)."""
        for curve in self.norm_curves:
            self.norm_plot.removeItem(curve)
        for curve in self.saturated_curves + self.dead_curves:
            self.share_plot.removeItem(curve)
        # Dots mark the recorded epochs: between them a line is only a guide to the eye.
        self.norm_curves = [self.norm_plot.plot(pen=layer_pen(l), symbol="o", symbolSize=4,
                                                symbolPen=None,
                                                symbolBrush=LAYER_HEX[(l - 1) % len(LAYER_HEX)])
                            for l in range(1, layers + 1)]
        # Row l's shares are those of layer l + 1, the hidden layer Θ(l) feeds: colour l.
        self.saturated_curves = [self.share_plot.plot(pen=layer_pen(l))
                                 for l in range(1, layers + 1)]
        self.dead_curves = [self.share_plot.plot(pen=layer_pen(l, dashed=True))
                            for l in range(1, layers + 1)]

    def refresh(self) -> None:
        """Redraw the curves and the readout from the recorder (data only, items kept)."""
        if self.before_refresh is not None:
            self.before_refresh()
        records = self.recorder.records()
        if not records:
            for curve in self.norm_curves + self.saturated_curves + self.dead_curves:
                curve.setData([], [])
            self.readout.setText(self.tr("No gradients recorded yet."))
            return
        layers = len(records[-1][1])
        if len(self.norm_curves) != layers:
            self._build_curves(layers)
        if self._layers != layers:
            self._write_key(layers)
        epochs = self.recorder.epochs().astype(float)
        for curves, name in ((self.norm_curves, "norm_D"),
                             (self.saturated_curves, "saturated_share"),
                             (self.dead_curves, "dead_share")):
            values = self.recorder.series(name)
            for k, curve in enumerate(curves):
                column = values[:, k]
                keep = np.isfinite(column)
                if name == "norm_D":
                    keep &= column > 0          # log(0) has no place on the axis
                if np.any(keep):
                    curve.setData(epochs[keep], column[keep])
                else:
                    curve.setData([], [])
        self._update_readout(records[-1])

    def _write_key(self, layers: int) -> None:
        """Write the legend: each layer's colour, and what solid and dashed mean below."""
        swatches = " &nbsp; ".join(
            f'<span style="color:{LAYER_HEX[(l - 1) % len(LAYER_HEX)]}">━━</span> D({l})'
            for l in range(1, layers + 1))
        self.key.setText(swatches + "<br>" + self.tr("below: ━ saturated, ╍ dead units"))
        self._layers = layers

    def _update_readout(self, record) -> None:
        epoch, rows = record
        loc = QLocale()
        first, last = rows[0].norm_D, rows[-1].norm_D
        text = self.tr("epoch %1 · ‖D(1)‖ = %2 · ‖D(%3)‖ = %4").replace(
            "%1", loc.toString(int(epoch))).replace("%2", loc.toString(first, "g", 3)).replace(
            "%3", loc.toString(rows[-1].l)).replace("%4", loc.toString(last, "g", 3))
        self.readout.setText(text)
