"""Animations of the network canvas: pulses travelling along the edges of one Θ(l) (forward
left→right, backward right→left) and the update's morph of every edge from old to new Θ.

One QVariantAnimation drives both. It computes its value from elapsed time, so when a frame is
late the next one jumps ahead instead of queueing: the animation drops frames, never lags.
``CanvasAnimation`` belongs to one ``NetworkView`` (its ``animation``); it uses the view's
``bundles``, ``pulse``, ``theme``, ``set_weights`` and ``animation_finished``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

from ui.canvas.heatmap import HeatMapItem
from ui.canvas.items import PulseItem
from ui.look import palette


class CanvasAnimation(QObject):
    """Pulse and weight-morph animations of one ``NetworkView``."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.valueChanged.connect(self._on_anim_value_changed)
        self._anim.finished.connect(self._on_anim_finished)
        self._anim_kind: str | None = None
        self._anim_thetas: tuple[list[np.ndarray], list[np.ndarray]] | None = None

    @property
    def view(self):
        """The canvas this belongs to: its Qt parent. (Not an attribute: a Python reference
        cycle view ↔ helper could be collected while both Qt objects still live.)"""
        return self.parent()

    def animate_pulse(self, from_layer: int, to_layer: int, duration_ms: int) -> None:
        """Send dots along the drawn edges of Θ(min(from, to)): left→right if from < to."""
        self.finish_animation()
        l = min(from_layer, to_layer)
        view = self.view
        b = view.bundles[l - 1]
        if isinstance(b, HeatMapItem):
            self._pulse_heatmap(b, from_layer < to_layer, duration_ms)
            return
        flat = b.overlay_shown if b.overlay is not None else b.shown
        if flat.size == 0:
            flat = np.arange(b.total)
        values = b.overlay if b.overlay is not None else b.theta
        if values is not None and flat.size > PulseItem.MAX_DOTS:
            flat = flat[np.argsort(-np.abs(values.ravel()[flat]))]
        rows, cols = np.divmod(flat, b.shape_[1])
        start, end = b.src[cols], b.dst[rows]
        forward = from_layer < to_layer
        if not forward:
            start, end = end, start
        color = palette.qcolor(view.theme.pulse if forward else view.theme.highlight)
        view.pulse.set_paths(start, end, color, 5.0 * view.scale_factor,
                             palette.qcolor(view.theme.background))
        view.pulse.setVisible(True)
        self._start_animation("pulse", duration_ms)

    def _pulse_heatmap(self, b: HeatMapItem, forward: bool, duration_ms: int) -> None:
        """Send one dot along each row of a heat map: through neuron i's weights into it
        (forward), or out of it back across them (backward)."""
        view = self.view
        targets = view.layout_.targets(b.l)
        start = np.column_stack([np.full(len(targets), b.rect.left()), targets[:, 1]])
        end = targets
        if not forward:
            start, end = end, start
        color = palette.qcolor(view.theme.pulse if forward else view.theme.highlight)
        radius = min(5.0 * view.scale_factor, max(1.5, 0.4 * b.rect.height() / b.shape_[0]))
        view.pulse.set_paths(start, end, color, radius, palette.qcolor(view.theme.background))
        view.pulse.setVisible(True)
        self._start_animation("pulse", duration_ms)

    def animate_weight_change(self, old_thetas: Sequence[np.ndarray],
                              new_thetas: Sequence[np.ndarray], duration_ms: int) -> None:
        """Morph the edges from ``old_thetas`` to ``new_thetas`` (colour and width)."""
        self.finish_animation()
        old = [np.array(t, float) for t in old_thetas]
        new = [np.array(t, float) for t in new_thetas]
        self._anim_thetas = (old, new)
        self.view.set_weights(old)
        # Changing edges are redrawn every frame now: re-rendering their pixmap caches would
        # cost more than drawing them directly. Unchanged bundles keep their caches.
        for b, o, n in zip(self.view.bundles, old, new, strict=True):
            b.set_cached(bool(np.array_equal(o, n)))
        self._start_animation("weights", duration_ms)

    def _set_edge_cache(self, on: bool) -> None:
        for b in self.view.bundles:
            b.set_cached(on)

    def _start_animation(self, kind: str, duration_ms: int) -> None:
        self._anim_kind = kind
        if duration_ms <= 0:
            self._complete_animation()
            return
        self._anim.setDuration(int(duration_ms))
        self._anim.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._anim.start()

    def is_animating(self) -> bool:
        """Return whether a pulse or weight morph is running."""
        return self._anim_kind is not None

    def finish_animation(self) -> None:
        """Jump the running animation to its end at once (emits ``animation_finished``)."""
        if self._anim_kind is None:
            return
        self._anim.stop()
        self._complete_animation()

    def _on_anim_value_changed(self, value: float) -> None:
        # The animation computes its value from elapsed time, so a late frame skips ahead.
        if self._anim_kind == "pulse":
            self.view.pulse.set_progress(float(value))
        elif self._anim_kind == "weights" and self._anim_thetas is not None:
            old, new = self._anim_thetas
            t = float(value)
            self.view.set_weights([o + (n - o) * t for o, n in zip(old, new, strict=True)])

    def _on_anim_finished(self) -> None:
        if self._anim_kind is not None:
            self._complete_animation()

    def _complete_animation(self) -> None:
        kind, self._anim_kind = self._anim_kind, None
        if kind == "pulse":
            self.view.pulse.setVisible(False)
        elif kind == "weights" and self._anim_thetas is not None:
            self.view.set_weights(self._anim_thetas[1])
            self._anim_thetas = None
            self._set_edge_cache(True)
        self.view.animation_finished.emit()
