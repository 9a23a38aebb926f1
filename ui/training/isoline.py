"""The curve where a grid of values crosses a level (the boundary's a = 0.5 line, the landscape's
contours), found for all cells at once.

pyqtgraph's ``IsocurveItem`` walks the grid cell by cell in Python: 1.5 ms for the boundary's
72×49 grid at every redraw while training, and ten of them for the landscape. Here marching
squares runs as a few numpy operations over every cell, and the segments go to one
``QPainterPath`` through ``pg.arrayToQPath``.

Coordinates are ``pg.IsocurveItem``'s for row-major data: the value [r, c] sits at the pixel
centre (c + 0.5, r + 0.5) of an image item, and the curve is extended to the image's edges. A
cell whose opposite corners lie on the same side (a saddle) is split by the mean of its corners.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

# The corners of a cell, as bits of its case: top-left 1, top-right 2, bottom-right 4,
# bottom-left 8 (a bit set: the corner is at or above the level). Edges: 0 top, 1 right,
# 2 bottom, 3 left. The edges a case's segment joins (a case and its complement have the
# same); the saddles 5 (tl, br above) and 10 (tr, bl above) have two segments, which cut off
# tr and bl, or tl and br (their rows, like 0 and 15's, are unused).
_JOIN = np.array([(0, 0), (3, 0), (0, 1), (3, 1), (1, 2), (0, 0), (0, 2), (2, 3),
                  (2, 3), (0, 2), (0, 0), (1, 2), (3, 1), (0, 1), (3, 0), (0, 0)], dtype=np.intp)
_CUT_TR_BL = np.array([[0, 1], [2, 3]])
_CUT_TL_BR = np.array([[3, 0], [1, 2]])


def isoline_segments(values: np.ndarray, level: float) -> np.ndarray:
    """Return the segments (k, 2, 2) of (x, y) end points where ``values`` (ny, nx) cross
    ``level`` (non-finite values count as below it)."""
    v = np.asarray(values, dtype=float)
    if v.ndim != 2 or v.shape[0] < 1 or v.shape[1] < 1:
        raise ValueError(f"values must be a 2-D grid, got shape {v.shape}")
    ny, nx = v.shape
    v = np.pad(np.where(np.isfinite(v), v, -np.inf), 1, mode="edge")
    above = v >= level
    case = (above[:-1, :-1] * 1 + above[:-1, 1:] * 2 + above[1:, 1:] * 4
            + above[1:, :-1] * 8).astype(np.int8)
    # Only the cells the curve passes through (a smooth boundary: a few per row).
    rows, cols = np.nonzero((case != 0) & (case != 15))
    case = case[rows, cols]
    tl, tr, br, bl = v[rows, cols], v[rows, cols + 1], v[rows + 1, cols + 1], v[rows + 1, cols]
    rows, cols = rows.astype(float), cols.astype(float)

    def crossing(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = (level - a) / (b - a)
        return np.clip(np.nan_to_num(t, nan=0.5), 0.0, 1.0)

    # Where each edge of those cells is crossed (used only where it is).
    edges = (
        (cols + crossing(tl, tr), rows),            # 0 top
        (cols + 1.0, rows + crossing(tr, br)),      # 1 right
        (cols + crossing(bl, br), rows + 1.0),      # 2 bottom
        (cols, rows + crossing(tl, bl)),            # 3 left
    )
    xs, ys = np.stack([e[0] for e in edges]), np.stack([e[1] for e in edges])
    saddle = (case == 5) | (case == 10)
    one = np.flatnonzero(~saddle)
    pairs = [(_JOIN[case[one]], one)]
    two = np.flatnonzero(saddle)
    if two.size:
        with np.errstate(invalid="ignore"):
            centre_above = (tl[two] + tr[two] + br[two] + bl[two]) / 4.0 >= level
        # Above corners joined through an above centre: the below ones are cut off.
        cut_tr_bl = (case[two] == 5) == centre_above
        for k in (0, 1):
            pairs.append((np.where(cut_tr_bl[:, None], _CUT_TR_BL[k], _CUT_TL_BR[k]), two))
    parts = [np.stack([np.column_stack([xs[p[:, 0], cells], ys[p[:, 0], cells]]),
                       np.column_stack([xs[p[:, 1], cells], ys[p[:, 1], cells]])], axis=1)
             for p, cells in pairs if cells.size]
    if not parts:
        return np.zeros((0, 2, 2))
    seg = np.concatenate(parts)
    # Padded index k is the value at k - 1, drawn at its pixel centre k - 0.5; the padding's
    # half cells are cut at the edges.
    seg -= 0.5
    seg[..., 0] = np.clip(seg[..., 0], 0.0, nx)
    seg[..., 1] = np.clip(seg[..., 1], 0.0, ny)
    return seg


class IsolineItem(QGraphicsPathItem):
    """The line where row-major ``values`` cross ``level``, over an image item it is the child
    of (a drop-in for the ``pg.IsocurveItem`` calls used here)."""

    def __init__(self, level: float = 0.0, pen: QPen | None = None) -> None:
        super().__init__()
        self.level = float(level)
        if pen is not None:
            self.setPen(pen)

    def shape(self) -> QPainterPath:
        # The line takes no clicks or hovers: without this, every mouse move over the plot
        # stroked each line's whole path for the scene's hit test (ten on the landscape).
        return QPainterPath()

    def setData(self, values: np.ndarray | None, level: float | None = None) -> None:  # noqa: N802
        """Draw the line of ``values`` at ``level`` (default: the level it has); None: none."""
        if level is not None:
            self.level = float(level)
        if values is None:
            self.setPath(QPainterPath())
            return
        seg = isoline_segments(values, self.level)
        if not len(seg):
            self.setPath(QPainterPath())
            return
        self.setPath(pg.arrayToQPath(seg[..., 0].ravel(), seg[..., 1].ravel(), connect="pairs"))
