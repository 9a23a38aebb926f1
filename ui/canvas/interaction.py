"""Mouse and gesture handling of the network canvas: geometric hit-testing of units and edges
(edges are batched, so there is no item to ask), hover and click signals, tooltips, zoom and pan.

``NetworkInteraction`` is mixed into ``NetworkView`` before ``QGraphicsView``; it relies on the
view's ``columns``, ``bundles``, signals and ``_relayout``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPen, QWheelEvent

from ui.canvas.items import format_value
from ui.canvas.layout import point_segment_distance
from ui.look import palette

HIT_TOLERANCE_PX = 6.0
# Keys a scroll area would scroll with. → and ← step the trace; at the first or last step their
# actions are disabled and the key reaches the view, which slid the network off the canvas.
SCROLL_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                         Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class NetworkInteraction:
    """Hover, click, zoom and pan for ``NetworkView`` (a mixin: it has no state of its own
    beyond the press position, pan flag and the last hovered unit/edge)."""

    def hit_test(self, scene_pos: QPointF) -> tuple[int, int] | tuple[int, int, int] | None:
        """Return the unit (layer, k) or edge (l, i, j) under ``scene_pos``, or None."""
        p = np.array([scene_pos.x(), scene_pos.y()])
        tol = HIT_TOLERANCE_PX / max(self.transform().m11(), 1e-6)
        for col in self.columns:
            if col.bias is not None and np.all(np.abs(col.bias - p) <= col.bias_half + tol / 2):
                return (col.layer, 0)
            dist = np.hypot(*(col.pos_ - p).T)
            k = int(np.argmin(dist))
            if dist[k] <= max(col.radius, tol):
                return (col.layer, k + 1)
        best, best_d = None, tol
        for b in self.bundles:
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
        if hit is None:
            return ""
        if len(hit) == 2:
            layer, k = hit
            if k == 0:
                return self.tr("Bias unit of layer {0}: always 1; its weights are column 0 of "
                               "Θ({0})").format(layer)
            col = self.columns[layer - 1]
            parts = [self.tr("Layer {0}, neuron {1}").format(layer, k)]
            for kind in ("z", "a", "d"):
                v = col.values[kind]
                if v is not None:
                    parts.append(f"{kind}({layer})_{k} = {format_value(v[k - 1])}")
            return "\n".join(parts)
        l, i, j = hit
        b = self.bundles[l - 1]
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
        self._user_zoomed = False
        self.resetTransform()
        self._relayout()

    def _zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = min(max(factor, 0.25 / current), 12.0 / current)
        self.scale(factor, factor)
        self._user_zoomed = True

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._zoom(1.0015 ** event.angleDelta().y())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self._zoom(pinch.scaleFactor())
                return True
        if event.type() == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self._zoom(1.0 + event.value())
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in SCROLL_KEYS:
            event.ignore()      # panning is by dragging; let the window have the key
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._panning = event.position(), False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._panning or abs(delta.x()) + abs(delta.y()) > 4:
                self._panning = True
                self._user_zoomed = True
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                h.setValue(h.value() - round(delta.x()))
                v.setValue(v.value() - round(delta.y()))
                self._press = pos
                return
        self._update_hover(self.mapToScene(pos.toPoint()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._panning:
            hit = self.hit_test(self.mapToScene(event.position().toPoint()))
            if hit is not None and len(hit) == 3:
                self.edge_clicked.emit(*hit)
        self._press, self._panning = None, False
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.fit()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        self._update_hover(None)
        super().leaveEvent(event)

    def _update_hover(self, scene_pos: QPointF | None) -> None:
        hit = None if scene_pos is None else self.hit_test(scene_pos)
        unit = hit if hit is not None and len(hit) == 2 else (0, -1)
        edge = hit if hit is not None and len(hit) == 3 else (0, 0, 0)
        if unit != self._hover_unit:
            self._hover_unit = unit
            self.neuron_hovered.emit(*unit)
        if edge != self._hover_edge:
            self._hover_edge = edge
            self.edge_hovered.emit(*edge)
            if edge[0]:
                b = self.bundles[edge[0] - 1]
                self._hover_line.setLine(*b.src[edge[2]], *b.dst[edge[1]])
                # An opaque halo a few pixels wider than the edge, drawn behind it.
                halo = palette.mix(palette.qcolor(self.theme.highlight),
                                   palette.qcolor(self.theme.background), 0.45)
                pen = QPen(halo, b.edge_style(edge[1], edge[2]).width + 7 * self.scale_factor)
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                self._hover_line.setPen(pen)
            self._hover_line.setVisible(bool(edge[0]))
        self.viewport().setToolTip(self._tooltip_for(hit))
