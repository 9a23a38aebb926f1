"""The network canvas: layers as columns, neurons as circles, a "+1" bias unit per non-output
layer, edges coloured and dashed by the sign of Θ and sized by |Θ|.

Numbering follows the notes. Layers l = 1..L. Θ(l) = thetas[l-1] has shape (s(l+1), 1 + s(l)).
An edge is (l, i, j): Θ(l)[i, j] with numpy indices, so j = 0 is the bias column and i is the
0-based row (neuron i+1 of layer l+1). A unit of layer l is (l, k) with k = 0 the "+1" bias unit
and k = 1..s(l) its neurons, i.e. k is the column of [1; a(l)] it feeds. "None" is (0, -1) for
units and (0, 0, 0) for edges.

The scene is built once per architecture (``set_architecture``); values only recolour items and
a resize only moves them. Drawing is batched (see ``ui.canvas.items``); hit-testing is geometric.
Wide layers are cells or an image and the Θ(l) beside them heat maps (``ui.canvas.layout``
decides); clicking a unit focuses it: its fan-in and fan-out become edges with numbers
(``ui.canvas.focus``) and the rest is dimmed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from ui.canvas.animation import CanvasAnimation
from ui.canvas.captions import CanvasCaptions
from ui.canvas.focus import FocusEdge, FocusItem, show_focus
from ui.canvas.heatmap import HeatMapItem
from ui.canvas.interaction import SCROLL_KEYS, CanvasInteraction
from ui.canvas.items import EdgeBundleItem, PulseItem
from ui.canvas.labels import place_view
from ui.canvas.layout import Layout, compute_layout, layer_kinds, theta_kind
from ui.canvas.legend import NetworkLegend
from ui.canvas.maps import MapColumnItem
from ui.canvas.neurons import NeuronColumnItem
from ui.canvas.note import CanvasNote
from ui.canvas.overlays import apply_look, place_overlays
from ui.canvas.queries import CanvasQueries
from ui.look import palette
from ui.look.palette import LIGHT, Theme


class NetworkView(CanvasQueries, QGraphicsView):
    """Draw a fully connected network of ``layer_sizes`` (s(1), …, s(L)) and its values.

    It owns its ``interaction`` (hover, click, zoom, pan) and its ``animation`` (pulses and
    weight morphs)."""

    neuron_hovered = Signal(int, int)        # (layer, unit k: 0 = "+1", 1..s(l)); (0, -1) none
    edge_hovered = Signal(int, int, int)     # (l, i, j) of Θ(l)[i, j]; (0, 0, 0) none
    edge_clicked = Signal(int, int, int)
    unit_focused = Signal(int, int)          # (layer, unit k) clicked; (0, -1) focus cleared
    animation_finished = Signal()

    def __init__(self, layer_sizes: list[int], parent: QWidget | None = None,
                 max_edges: int = 2000, keep: int = 500) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.max_edges, self.keep = max_edges, keep
        self._scene = QGraphicsScene(self)   # the view does not own its scene: keep it alive
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.theme: Theme = LIGHT
        self.scale_factor = 1.0
        self.labels_visible = True
        self.sizes: tuple[int, ...] = ()
        self.layout_: Layout | None = None
        self.thetas: list[np.ndarray] | None = None
        self.columns: list[NeuronColumnItem] = []
        self.maps: list[MapColumnItem | None] = []   # per layer; None: no maps (inputs, cells)
        self.bundles: list[EdgeBundleItem | HeatMapItem] = []
        self.captions = CanvasCaptions()
        self.focused: tuple[int, int] = (0, -1)
        self.highlight: tuple[tuple[int, ...], int | None] = ((), None)
        self.interaction = CanvasInteraction(self)
        self.animation = CanvasAnimation(self)
        self.legend = NetworkLegend(self)
        self.legend_wanted = True
        self.top_margin = 0         # a strip above the drawing for its owner's label (Compare…)
        self.note = CanvasNote(self)
        self.set_architecture(layer_sizes)
        self.set_theme(LIGHT)
        self.retranslate()

    # building
    def set_architecture(self, layer_sizes: Sequence[int]) -> None:
        """Rebuild the scene for ``layer_sizes`` (nothing happens if it is unchanged)."""
        sizes = tuple(int(s) for s in layer_sizes)
        if sizes == self.sizes:
            return
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"layer sizes need ≥ 2 layers of ≥ 1 neuron, got {list(sizes)}")
        self.finish_animation()
        self._scene.clear()
        self.sizes, self.thetas = sizes, None
        L = len(sizes)
        self.columns = [NeuronColumnItem(k + 1, n, self.theme) for k, n in enumerate(sizes)]
        self.legend.set_fill_scales(None)   # until told, columns decide from their values
        kinds = layer_kinds(sizes)[1:]      # the input layer shows no delta
        self.legend.set_parts(ring="circles" in kinds, bar="cells" in kinds,
                              heat=any(theta_kind(sizes, l) == "heatmap" for l in range(1, L)),
                              width=any(theta_kind(sizes, l) == "edges" for l in range(1, L)))
        self.bundles = [HeatMapItem(l, (sizes[l], sizes[l - 1] + 1), self.theme)
                        if theta_kind(sizes, l) == "heatmap" else
                        EdgeBundleItem(l, np.zeros((sizes[l - 1] + 1, 2)),
                                       np.zeros((sizes[l], 2)), self.max_edges, self.keep,
                                       self.theme) for l in range(1, L)]
        self.captions.build(self._scene, L, [b.l for b in self.bundles
                                             if isinstance(b, HeatMapItem)],
                            sizes[0] if layer_kinds(sizes)[0] == "circles" else 0)
        for item in self.bundles:
            self._scene.addItem(item)
        for item in self.columns:
            item.setZValue(2)
            item.labels_visible = self.labels_visible
            self._scene.addItem(item)
        # Neuron maps (ui.canvas.maps) for the hidden and output layers drawn as circles.
        self.maps = [MapColumnItem(k + 1, n, self.theme) if k > 0 and kind == "circles"
                     else None for k, (n, kind) in enumerate(zip(sizes, layer_kinds(sizes),
                                                                 strict=True))]
        for item in self.maps:
            if item is not None:
                self._scene.addItem(item)
        self.interaction.add_hover_line(self._scene)
        self.pulse = PulseItem()
        self._scene.addItem(self.pulse)
        self.focus_item = FocusItem()
        self._scene.addItem(self.focus_item)
        self.highlight, self.focused = ((), None), (0, -1)
        self._apply_look()
        self.retranslate()
        self._relayout()

    def _relayout(self) -> None:
        vp = self.viewport().size()
        lay = compute_layout(self.sizes, vp.width(), vp.height(), self.scale_factor)
        self.layout_ = lay
        for k, col in enumerate(self.columns):
            col.set_geometry(lay.neurons[k], lay.radius[k], lay.bias[k], lay.bias_half,
                             lay.compact(k + 1), lay.kind(k + 1), lay.cell[k])
            if self.maps[k] is not None:
                self.maps[k].set_geometry(lay.neurons[k], lay.radius[k], col.ring_width())
        self.fit_label_room()
        for b in self.bundles:
            if isinstance(b, HeatMapItem):
                b.set_rect(lay.heat[b.l - 1])
            else:
                b.set_geometry(lay.sources(b.l), lay.targets(b.l))
        self.captions.place(lay)
        place_view(self)      # after the captions: the labels keep clear of them
        show_focus(self)
        # A scene larger than the drawing gives the hidden scroll bars range, so dragging pans.
        self._scene.setSceneRect(-lay.width, -lay.height, 3 * lay.width, 3 * lay.height)
        if not self.interaction.user_zoomed:
            self.centerOn(lay.width / 2, lay.height / 2)
        if self.interaction.hover_line is not None:
            self.interaction.hover_line.setVisible(False)

    # animation and interaction, done by the objects the view owns
    def animate_pulse(self, from_layer: int, to_layer: int, duration_ms: int) -> None:
        """Send dots along the drawn edges of Θ(min(from, to)): left→right if from < to."""
        self.animation.animate_pulse(from_layer, to_layer, duration_ms)

    def animate_weight_change(self, old_thetas: Sequence[np.ndarray],
                              new_thetas: Sequence[np.ndarray], duration_ms: int) -> None:
        """Morph the edges from ``old_thetas`` to ``new_thetas`` (colour and width)."""
        self.animation.animate_weight_change(old_thetas, new_thetas, duration_ms)

    def is_animating(self) -> bool:
        """Return whether a pulse or weight morph is running."""
        return self.animation.is_animating()

    def finish_animation(self) -> None:
        """Jump the running animation to its end at once (emits ``animation_finished``)."""
        self.animation.finish_animation()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in SCROLL_KEYS:
            event.ignore()      # panning is by dragging; let the window have the key
            return
        super().keyPressEvent(event)

    # values
    def set_weights(self, thetas: Sequence[np.ndarray]) -> None:
        """Show Θ(1)…Θ(L−1) (shapes (s(l+1), 1+s(l))): colour and dash by sign, width by |Θ|."""
        thetas = [np.array(t, dtype=float) for t in thetas]
        if len(thetas) != len(self.bundles):
            raise ValueError(f"expected {len(self.bundles)} Θ matrices for {list(self.sizes)}, "
                             f"got {len(thetas)}")
        top = max(float(np.abs(t).max()) if t.size else 0.0 for t in thetas) or 1.0
        for b, t in zip(self.bundles, thetas, strict=True):
            b.set_theta(t, top)
        self.thetas = thetas
        if self.focused[0] > 0:
            show_focus(self)
        self._update_note()

    def set_neuron_values(self, layer: int, values: np.ndarray | None, kind: str) -> None:
        """Show ``values`` (s(layer),) of kind "a" (fill), "z" (label) or "d" (ring); None
        clears."""
        col = self._column(layer)
        before = col.values["d"]
        col.set_values(kind, values)
        if kind == "d" and col.values["d"] is not before:    # the stepper resends the same
            place_view(self)

    def fit_label_room(self) -> None:
        """Give each column's d labels the room right of its neurons: up to the next column's
        nodes, or to that column's neuron maps while they show (call after showing them)."""
        lay = self.layout_
        gap = float(lay.x[1] - lay.x[0])
        for k, col in enumerate(self.columns):
            last = k + 1 == len(self.columns)
            room = (lay.width - lay.x[k] if last else gap - lay.radius[k + 1])
            maps = None if last else self.maps[k + 1]
            if maps is not None and maps.isVisible():
                room = min(room, float(maps.rects[:, 0].min()) - lay.x[k])
            col.room_right = room - 6 * self.scale_factor
            col.update()

    def set_fill_scales(self, scales: Sequence[palette.FillScale] | None) -> None:
        """Fill the neurons of layer l by ``scales[l-1]`` (one ``FillScale`` per layer, see
        ``palette.fill_scale``) and explain them in the legend; None decides from the values."""
        if scales is not None and len(scales) != len(self.columns):
            raise ValueError(f"expected {len(self.columns)} fill scales for {list(self.sizes)}, "
                             f"got {len(scales)}")
        for k, col in enumerate(self.columns):
            col.set_fill_scale(None if scales is None else scales[k])
        if self.legend.set_fill_scales(None if scales is None else list(scales)):
            self._place_overlays()

    def set_edge_values(self, l: int, matrix: np.ndarray | None, kind: str) -> None:
        """Overlay per-edge values of Θ(l)'s shape — kind "contribution" (d(l+1)·[1; a(l)]ᵀ) or
        "D" (gradient) — over faded weights; None clears."""
        if kind not in ("contribution", "D") and matrix is not None:
            raise ValueError(f"edge value kind must be 'contribution' or 'D', got {kind!r}")
        b = self._bundle(l)
        before = b.overlay_kind
        b.set_overlay(matrix, kind)
        if isinstance(b, HeatMapItem) and b.overlay_kind != before:
            self._retranslate_captions()    # the caption says which matrix the picture shows
            if self.layout_ is not None:
                self.captions.place(self.layout_)
        self._update_note()

    def clear_values(self) -> None:
        """Clear every neuron value, edge overlay and highlight (weights stay)."""
        for col in self.columns:
            for kind in ("a", "z", "d"):
                col.set_values(kind, None)
        for b in self.bundles:
            b.set_overlay(None)
        self.set_highlight((), None)
        self._update_note()

    def set_highlight(self, layers: Sequence[int], edges_of: int | None) -> None:
        """Emphasise ``layers`` and the edges of Θ(``edges_of``), dim the rest; nothing given
        shows everything normally. While a unit is focused, everything but its edges is dim."""
        layers = tuple(int(x) for x in layers)
        self.highlight = (layers, edges_of)
        focus = self.focused[0] > 0
        active = bool(layers) or edges_of is not None or focus
        # Dimming mixes colours toward the background instead of using item opacity:
        # translucent antialiased drawing is ~10× slower in Qt's raster engine.
        for col, maps in zip(self.columns, self.maps, strict=True):
            on = col.layer in layers and not focus
            col.set_emphasis(on, active and not on)
            if maps is not None:
                maps.set_dimmed(active and not on)
        for b in self.bundles:
            b.set_dimmed(active and (focus or b.l != edges_of))
        self.captions.emphasise(() if focus else layers,
                                () if edges_of is None or focus else (edges_of,), active)

    # focus
    def focus_unit(self, layer: int, k: int) -> None:
        """Focus unit k (0 = "+1", 1..s(layer)) of ``layer``: draw its fan-in and fan-out as
        edges with numbers and dim the rest; (0, -1) clears the focus. Emits ``unit_focused``."""
        unit = (int(layer), int(k)) if layer > 0 else (0, -1)
        if layer > 0:
            col = self._column(layer)
            if not 0 <= k <= col.n or (k == 0 and col.bias is None):
                raise ValueError(f"layer {layer} has units 1..{col.n}"
                                 f"{'' if col.bias is None else ' and the bias unit 0'}, "
                                 f"got {k}")
        if unit == self.focused:
            return
        self.focused = unit
        show_focus(self)
        self.set_highlight(*self.highlight)
        self.unit_focused.emit(*unit)

    def focus_edges(self) -> list[FocusEdge]:
        """Return the edges the focus draws now (empty without a focus or before weights)."""
        return list(self.focus_item.edges)

    def set_labels_visible(self, visible: bool) -> None:
        """Show or hide the value labels on neurons."""
        self.labels_visible = bool(visible)
        for col in self.columns:
            col.labels_visible = self.labels_visible
            col.update()
        place_view(self)

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend strip (e.g. when the window places a legend elsewhere)."""
        self.legend_wanted = bool(visible)
        self._place_overlays()

    # look
    def set_theme(self, theme: Theme) -> None:
        """Draw with ``theme``'s colours."""
        self.theme = theme
        self._apply_look()

    def set_scale(self, factor: float) -> None:
        """Scale line widths, node sizes and fonts by ``factor`` (presenter mode)."""
        if not 0.5 <= factor <= 4.0:
            raise ValueError(f"scale factor must be in 0.5..4, got {factor!r}")
        self.scale_factor = float(factor)
        self._apply_look()
        self._relayout()

    def _apply_look(self) -> None:
        apply_look(self)

    def _place_overlays(self) -> None:
        place_overlays(self)

    def set_top_margin(self, height: int) -> None:
        """Keep a strip of ``height`` px above the drawing (for a label there), or none."""
        if height != self.top_margin:
            self.top_margin = height
            self._place_overlays()
            self._relayout()

    # text
    def set_input_names(self, names: Sequence[str]) -> None:
        """Name the input neurons ``names`` (English templates, context "Engine", such as
        "x₁²" or "sin x₁"; () for x₁ … xₙ), kept across architectures."""
        names = tuple(names)
        if names != self.captions.input_names:
            self.captions.input_names = names
            self._retranslate_captions()
            if self.layout_ is not None:
                self.captions.place(self.layout_)

    def retranslate(self) -> None:
        """Set every text of the view in the current language."""
        self._retranslate_captions()
        self.setToolTip(self.tr("Hover a neuron or a connection to inspect it; click a "
                                "connection to edit its weight, a neuron to see its weights "
                                "in and out. Wheel zooms, drag pans, double-click fits the "
                                "network to the view."))
        self.setStatusTip(self.tr("The network: columns are layers, +1 is the bias unit"))
        # The legend may need more rows in the new language: retranslate it now (whichever of
        # the two gets LanguageChange first) and give it the height it needs.
        self.legend.retranslate()
        self._update_note()
        self._place_overlays()
        if self.layout_ is not None:
            self._relayout()

    def _retranslate_captions(self) -> None:
        heat = [b for b in self.bundles if isinstance(b, HeatMapItem)]
        self.captions.retranslate(self.sizes, layer_kinds(self.sizes) if self.sizes else (),
                                  {b.l: b.shape_ for b in heat},
                                  {b.l: b.overlay_kind for b in heat})

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def note_text(self) -> str:
        """Return the on-screen note (pruned connections, edge overlays); '' when none."""
        return self.note.text()

    def _update_note(self) -> None:
        if self.note.show_for(self.bundles):
            self._place_overlays()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_overlays()
        self._relayout()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self.backgroundBrush())
