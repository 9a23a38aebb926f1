"""The loss landscape's drawing: J over the grid as a colour map (log scale, with a colour bar
labelled in J) and contour lines, the training path, its start, the current point and the centre
the map was evaluated around. Items are made once; each map or path only sets their data."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QRectF

from engine.lesson.landscape_plane import PlaneGrid
from ui.look.palette import COST_COLORMAP, PATH_HEX, Theme, qcolor
from ui.training.isoline import IsolineItem
from ui.training.loss_plot import style_plot

CONTOURS = 10               # contour lines, evenly spaced in log J


def colorbar_values(lo: float, hi: float) -> list[float]:
    """Return round values of J (1, 2, 5 × 10ᵏ) between ``lo`` and ``hi`` to label the colour
    bar, at most 6; inner points of the range when it holds fewer than two."""
    first, last = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    for steps in ((1, 2, 5), (1, 3), (1,)):
        found = [d * 10.0 ** k for k in range(first, last + 1) for d in steps
                 if lo <= d * 10.0 ** k <= hi]
        if len(found) <= 6:
            break
    if len(found) >= 2:
        return found
    return [float(v) for v in np.geomspace(lo, hi, 5)[1:-1]]


class LandscapePlot(pg.PlotWidget):
    """The map, its colour bar, and the path over it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("landscapePlot")
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.contours = [IsolineItem(level=0.0) for _ in range(CONTOURS)]
        for contour in self.contours:
            contour.setParentItem(self.image)
            contour.setPen(pg.mkPen(qcolor("#FFFFFF", 110), width=1))
        self.colorbar = pg.ColorBarItem(colorMap=pg.colormap.get(COST_COLORMAP),
                                        interactive=False, width=14, colorMapMenu=False)
        self.colorbar.setImageItem(self.image, insert_in=item)
        # pyqtgraph fixes the bar's axis at 45 px, which cut its "J" label off: size it to fit.
        self.colorbar.axis.setWidth(None)
        # The path in white over a dark shadow: it stands out on every colour of the map.
        self.path_curve = self.plot(pen=pg.mkPen("#FFFFFF", width=2),
                                    shadowPen=pg.mkPen("#000000", width=4))
        self.centre_marker = pg.ScatterPlotItem(symbol="+", size=14,
                                                pen=pg.mkPen("#000000", width=2.5))
        self.start_marker = pg.ScatterPlotItem(symbol="o", size=11, brush=None,
                                               pen=pg.mkPen("#FFFFFF", width=2.5))
        self.now_marker = pg.ScatterPlotItem(symbol="star", size=20, brush=qcolor(PATH_HEX),
                                             pen=pg.mkPen("#FFFFFF", width=1.5))
        for marker in (self.centre_marker, self.start_marker, self.now_marker):
            self.addItem(marker)
        self.levels: tuple[float, float] | None = None   # J's range on the map (lowest, highest)

    def show_grid(self, grid: PlaneGrid) -> None:
        """Draw J of ``grid`` (its rows run along x) with its contour lines and colour bar."""
        J = grid.J.T                       # image rows: the y axis
        finite = J[np.isfinite(J) & (J > 0)]
        lo = float(finite.min()) if finite.size else 1e-3
        hi = float(finite.max()) if finite.size else 1.0
        hi = max(hi, lo * 1.0001 + 1e-12)
        self.levels = (lo, hi)
        # Colour by log J: the valley the path runs into is where the learner looks, and a
        # linear scale spends all its colours on the steep walls far from it.
        shade = np.log10(np.clip(np.nan_to_num(J, nan=hi, posinf=hi), lo, hi))
        self.image.setImage(shade, autoLevels=False)
        low, high = math.log10(lo), math.log10(hi)
        self.colorbar.setLevels((low, high))
        loc = QLocale()
        self.colorbar.axis.setTicks([[(math.log10(v), loc.toString(float(v), "g", 3))
                                      for v in colorbar_values(lo, hi)], []])
        x, y = grid.x, grid.y
        dx, dy = x[1] - x[0], y[1] - y[0]
        self.image.setRect(QRectF(x[0] - dx / 2, y[0] - dy / 2, dx * x.size, dy * y.size))
        for k, contour in enumerate(self.contours):
            contour.setData(shade, level=low + (k + 0.5) / CONTOURS * (high - low))
        self.centre_marker.setData([grid.plane.origin[0]], [grid.plane.origin[1]])
        self.getPlotItem().setRange(xRange=(x[0], x[-1]), yRange=(y[0], y[-1]), padding=0.0)

    def show_path(self, xy: np.ndarray | None) -> None:
        """Draw the path through the points ``xy`` (k, 2), oldest first (None: no path)."""
        if xy is None or len(xy) == 0:
            for item in (self.path_curve, self.start_marker, self.now_marker):
                item.setData([], [])
            return
        self.path_curve.setData(xy[:, 0], xy[:, 1])
        self.start_marker.setData([xy[0, 0]], [xy[0, 1]])
        self.now_marker.setData([xy[-1, 0]], [xy[-1, 1]])

    def set_theme(self, theme: Theme) -> None:
        """Recolour the axes for ``theme`` (the map keeps its colours)."""
        style_plot(self, theme)
        self.colorbar.axis.setPen(pg.mkPen(qcolor(theme.muted)))
        self.colorbar.axis.setTextPen(pg.mkPen(qcolor(theme.text)))
