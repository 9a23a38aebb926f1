"""Questions the network canvas answers about what it draws (tests, the inspector, scripts):
counts, colours and styles of neurons and weights, scene positions, how each part is drawn.
``CanvasQueries`` is mixed into ``NetworkView``; it reads the view's ``columns`` and
``bundles``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage

from ui.canvas.heatmap import HeatMapItem
from ui.canvas.items import EdgeBundleItem, EdgeStyle
from ui.canvas.neurons import NeuronColumnItem
from ui.look import palette


class CanvasQueries:
    """Read-only questions about the drawing of a ``NetworkView``."""

    columns: list[NeuronColumnItem]
    bundles: list[EdgeBundleItem | HeatMapItem]

    def _column(self, layer: int) -> NeuronColumnItem:
        if not 1 <= layer <= len(self.columns):
            raise ValueError(f"layer must be 1..{len(self.columns)}, got {layer}")
        return self.columns[layer - 1]

    def _bundle(self, l: int) -> EdgeBundleItem:
        if not 1 <= l <= len(self.bundles):
            raise ValueError(f"Θ index l must be 1..{len(self.bundles)}, got {l}")
        return self.bundles[l - 1]

    def neuron_count(self) -> int:
        """Return the number of neurons drawn (bias units excluded)."""
        return sum(c.n for c in self.columns)

    def bias_count(self) -> int:
        """Return the number of "+1" bias units drawn."""
        return sum(c.bias is not None for c in self.columns)

    def edge_count(self) -> int:
        """Return the number of connections of the network, bias connections included."""
        return sum(b.total for b in self.bundles)

    def drawn_edges(self, l: int) -> np.ndarray:
        """Return the (i, j) pairs (N, 2) of Θ(l) currently drawn."""
        b = self._bundle(l)
        shown = b.overlay_shown if b.overlay is not None else b.shown
        return np.column_stack(np.divmod(shown, b.shape_[1]))

    def edge_style(self, l: int, i: int, j: int) -> EdgeStyle:
        """Return how Θ(l)[i, j] is drawn: shown, colour, line style, width, value."""
        return self._bundle(l).edge_style(i, j)

    def neuron_fill(self, layer: int, k: int) -> palette.QColor:
        """Return the fill colour of neuron k (1..s(layer)) of ``layer``."""
        return self._column(layer).fill(k - 1)

    def neuron_hatched(self, layer: int, k: int) -> bool:
        """Return whether neuron k (1..s(layer)) is hatched: its activation is negative."""
        return self._column(layer).fill_hatched(k - 1)

    def delta_visual(self, layer: int, k: int):
        """Return (ring colour, ring style, "+"/"−") of neuron k (1..s(layer)), or None."""
        return self._column(layer).delta_visual(k - 1)

    def unit_scene_pos(self, layer: int, k: int) -> QPointF:
        """Return the scene centre of unit k of ``layer`` (0 = "+1", 1..s(layer) neurons)."""
        col = self._column(layer)
        if k == 0:
            if col.bias is None:
                raise ValueError(f"the output layer {layer} has no bias unit")
            return QPointF(*col.bias)
        return QPointF(*col.pos_[k - 1])

    def edge_scene_midpoint(self, l: int, i: int, j: int) -> QPointF:
        """Return the scene midpoint of the line of Θ(l)[i, j] (its cell, in a heat map)."""
        b = self._bundle(l)
        if isinstance(b, HeatMapItem):
            return b.cell_rect(i, j).center()
        return QPointF(*((b.src[j] + b.dst[i]) / 2))

    def layer_kind(self, layer: int) -> str:
        """Return how ``layer`` is drawn: "circles", "cells" or "image"."""
        return self._column(layer).kind

    def theta_kind(self, l: int) -> str:
        """Return how Θ(l) is drawn: "edges" or "heatmap"."""
        return "heatmap" if isinstance(self._bundle(l), HeatMapItem) else "edges"

    def heatmap_image(self, l: int) -> QImage:
        """Return the picture of Θ(l)'s heat map: pixel (j, i) is Θ(l)[i, j]."""
        b = self._bundle(l)
        if not isinstance(b, HeatMapItem):
            raise ValueError(f"Θ({l}) is drawn as edges, not as a heat map")
        return b.image

    def unit_scene_rect(self, layer: int, k: int) -> QRectF:
        """Return the scene rectangle of neuron k (1..s(layer)) of ``layer``."""
        col = self._column(layer)
        c = self.unit_scene_pos(layer, k)
        w, h = col.cell if col.kind != "circles" else (2 * col.radius, 2 * col.radius)
        return QRectF(c.x() - w / 2, c.y() - h / 2, w, h)

