"""Mouse and gesture handling of the network canvas: geometric hit-testing of units and edges
(edges are batched, so there is no item to ask), hover and click signals, tooltips, zoom and pan.

``CanvasInteraction`` belongs to one ``NetworkView`` (its ``interaction``): it watches the view's
viewport as an event filter and relies on the view's ``columns``, ``bundles``, signals and
``_relayout``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from ui.canvas.cells import cell_half
from ui.canvas.heatmap import HeatMapItem
from ui.canvas.items import format_value
from ui.canvas.layout import point_segment_distance
from ui.look import palette

HIT_TOLERANCE_PX = 6.0
# Keys a scroll area would scroll with. → and ← step the trace; at the first or last step their
# actions are disabled and the key reaches the view, which slid the network off the canvas.
SCROLL_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                         Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class CanvasInteraction(QObject):
    """Hover, click, zoom and pan of one ``NetworkView``: the press position, pan flag, whether
    the user zoomed, and the hovered unit/edge with its halo line."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.hover_unit, self.hover_edge = (0, -1), (0, 0, 0)
        self.user_zoomed = False
        self._press: QPointF | None = None
        self._panning = False
        self.hover_line: QGraphicsLineItem | None = None
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)

    @property
    def view(self):
        """The canvas this belongs to: its Qt parent. (Not an attribute: a Python reference
        cycle view ↔ helper could be collected while both Qt objects still live.)"""
        return self.parent()

    def add_hover_line(self, scene) -> None:
        """Put a fresh (hidden) halo line for the hovered edge into ``scene`` (after a rebuild)."""
        self.hover_line = QGraphicsLineItem()
        self.hover_line.setZValue(-1)
        self.hover_line.setVisible(False)
        scene.addItem(self.hover_line)

    def hit_test(self, scene_pos: QPointF) -> tuple[int, int] | tuple[int, int, int] | None:
        """Return the unit (layer, k) or edge (l, i, j) under ``scene_pos``, or None."""
        view = self.view
        p = np.array([scene_pos.x(), scene_pos.y()])
        tol = HIT_TOLERANCE_PX / max(view.transform().m11(), 1e-6)
        for maps in view.maps:     # a neuron's map tile is that neuron too
            k = None if maps is None else maps.unit_at(*p)
            if k is not None:
                return (maps.layer, k + 1)
        for col in view.columns:
            if col.bias is not None and np.all(np.abs(col.bias - p) <= col.bias_half + tol / 2):
                return (col.layer, 0)
            if col.kind != "circles":   # cells and pixels: the rectangle, not a circle
                hw, hh = cell_half(col)
                inside = np.flatnonzero((np.abs(col.pos_[:, 0] - p[0]) <= hw)
                                        & (np.abs(col.pos_[:, 1] - p[1]) <= hh))
                if inside.size:
                    return (col.layer, int(inside[0]) + 1)
                continue
            dist = np.hypot(*(col.pos_ - p).T)
            k = int(np.argmin(dist))
            if dist[k] <= max(col.radius, tol):
                return (col.layer, k + 1)
        best, best_d = None, tol
        for b in view.bundles:
            if isinstance(b, HeatMapItem):
                cell = b.cell_at(*p)
                if cell is not None:
                    return (b.l, *cell)
                continue
            if not b.src[0, 0] - tol <= p[0] <= b.dst[0, 0] + tol:
                continue
            flat = np.union1d(b.shown, b.overlay_shown)
            if flat.size == 0:
                continue
            rows, cols = np.divmod(flat, b.shape_[1])
            dist = point_segment_distance(p, b.src[cols], b.dst[rows])
            k = int(np.argmin(dist))
            if dist[k] <= best_d:
                best, best_d = (b.l, int(rows[k]), int(cols[k])), dist[k]
        return best


    def _tooltip_for(self, hit) -> str:
        view = self.view
        if hit is None:
            return ""
        if len(hit) == 2:
            layer, k = hit
            if k == 0:
                return self.tr("Bias unit of layer {0}: always 1; its weights are column 0 of "
                               "Θ({0})").format(layer)
            col = view.columns[layer - 1]
            parts = [self.tr("Layer {0}, neuron {1}").format(layer, k)]
            for kind in ("z", "a", "d"):
                v = col.values[kind]
                if v is not None:
                    parts.append(f"{kind}({layer})_{k} = {format_value(v[k - 1])}")
            return "\n".join(parts)
        l, i, j = hit
        b = view.bundles[l - 1]
        src = "+1" if j == 0 else self.tr("a({0})_{1}").format(l, j)
        text = self.tr("Θ({0})[{1}, {2}]: from {3} to neuron {4} of layer {5}").format(
            l, i, j, src, i + 1, l + 1)
        if b.theta is not None:
            text += "\nΘ = " + format_value(b.theta[i, j])
        if b.overlay is not None:
            text += f"\n{b.overlay_kind} = " + format_value(b.overlay[i, j])
        return text


    # zoom, pan, hover
    def fit(self) -> None:
        """Undo zoom and pan: show the whole network in the view."""
        self.user_zoomed = False
        self.view.resetTransform()
        self.view._relayout()

    def _zoom(self, factor: float) -> None:
        current = self.view.transform().m11()
        factor = min(max(factor, 0.25 / current), 12.0 / current)
        self.view.scale(factor, factor)
        self.user_zoomed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if watched is self.view:
            if kind == QEvent.Type.Leave:
                self._update_hover(None)
            return False
        if kind == QEvent.Type.Wheel:
            self._zoom(1.0015 ** event.angleDelta().y())
            event.accept()
            return True
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self._zoom(pinch.scaleFactor())
                return True
        if kind == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self._zoom(1.0 + event.value())
            return True
        if kind == QEvent.Type.MouseButtonPress:
            if event.button() == Qt.MouseButton.LeftButton:
                self._press, self._panning = event.position(), False
        elif kind == QEvent.Type.MouseMove:
            return self._on_mouse_move(event)
        elif kind == QEvent.Type.MouseButtonRelease:
            if event.button() == Qt.MouseButton.LeftButton and not self._panning:
                hit = self.hit_test(self.view.mapToScene(event.position().toPoint()))
                if hit is not None and len(hit) == 3:
                    self.view.edge_clicked.emit(*hit)
                elif hit is not None:   # a unit: focus it (again: unfocus)
                    self.view.focus_unit(*(hit if hit != self.view.focused else (0, -1)))
                else:                   # empty space clears the focus
                    self.view.focus_unit(0, -1)
            self._press, self._panning = None, False
        elif kind == QEvent.Type.MouseButtonDblClick:
            self.fit()
            event.accept()
            return True
        return False

    def _on_mouse_move(self, event) -> bool:
        view = self.view
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._panning or abs(delta.x()) + abs(delta.y()) > 4:
                self._panning = True
                self.user_zoomed = True
                h, v = view.horizontalScrollBar(), view.verticalScrollBar()
                h.setValue(h.value() - round(delta.x()))
                v.setValue(v.value() - round(delta.y()))
                self._press = pos
                return True
        self._update_hover(view.mapToScene(pos.toPoint()))
        return False

    def clear_hover(self) -> None:
        """Forget the hovered unit and edge (after a rebuild), without emitting."""
        self.hover_unit, self.hover_edge = (0, -1), (0, 0, 0)

    def _update_hover(self, scene_pos: QPointF | None) -> None:
        view = self.view
        hit = None if scene_pos is None else self.hit_test(scene_pos)
        unit = hit if hit is not None and len(hit) == 2 else (0, -1)
        edge = hit if hit is not None and len(hit) == 3 else (0, 0, 0)
        if unit != self.hover_unit:
            self.hover_unit = unit
            view.neuron_hovered.emit(*unit)
        if edge != self.hover_edge:
            self.hover_edge = edge
            view.edge_hovered.emit(*edge)
            line = self.hover_line
            for b in view.bundles:   # a heat map outlines its hovered weight itself
                if isinstance(b, HeatMapItem):
                    b.set_hover(edge[1:] if edge[0] == b.l else None)
            if edge[0] and isinstance(view.bundles[edge[0] - 1], HeatMapItem):
                line = None
                self.hover_line.setVisible(False)
            if edge[0] and line is not None:
                b = view.bundles[edge[0] - 1]
                line.setLine(*b.src[edge[2]], *b.dst[edge[1]])
                # An opaque halo a few pixels wider than the edge, drawn behind it.
                halo = palette.mix(palette.qcolor(view.theme.highlight),
                                   palette.qcolor(view.theme.background), 0.45)
                pen = QPen(halo, b.edge_style(edge[1], edge[2]).width + 7 * view.scale_factor)
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                line.setPen(pen)
            if line is not None:
                line.setVisible(bool(edge[0]))
        view.viewport().setToolTip(self._tooltip_for(hit))
