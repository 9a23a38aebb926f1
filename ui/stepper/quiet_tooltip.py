"""Keep the canvas's generic tooltip off the screen while a neuron or an edge is hovered.

The canvas's tooltip says how to use it ("Hover a neuron or a connection to inspect it…"). Over
a neuron or an edge the inspector beside the canvas already shows that unit's numbers, and the
generic box popped up over them; it now appears only over the empty canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolTip

from ui.canvas.view import NetworkView


class QuietTooltip(QObject):
    """Swallow ``view``'s tooltip events while its hover signals name a unit or an edge."""

    def __init__(self, view: NetworkView) -> None:
        super().__init__(view)
        self.unit, self.edge = (0, -1), (0, 0, 0)
        view.neuron_hovered.connect(self._on_view_neuron_hovered)
        view.edge_hovered.connect(self._on_view_edge_hovered)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def hovering(self) -> bool:
        """Return whether a neuron or an edge is under the pointer."""
        return self.unit[1] >= 0 or self.edge[0] > 0

    def _on_view_neuron_hovered(self, layer: int, k: int) -> None:
        self.unit = (layer, k)
        if self.hovering():
            QToolTip.hideText()

    def _on_view_edge_hovered(self, l: int, i: int, j: int) -> None:
        self.edge = (l, i, j)
        if self.hovering():
            QToolTip.hideText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and self.hovering():
            QToolTip.hideText()
            return True
        return False
