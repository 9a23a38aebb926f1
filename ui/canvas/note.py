"""The note under the network canvas: what the edges show (weights, a gradient overlay, a
contribution) and which connections are pruned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.canvas.heatmap import HeatMapItem
from ui.canvas.items import EdgeBundleItem


class CanvasNote(QLabel):
    """A word-wrapped label that always says what the edges show, so it keeps its height from
    step to step and the drawing never jumps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkNote")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_for(self, bundles: Sequence[EdgeBundleItem | HeatMapItem]) -> bool:
        """Describe ``bundles``; return whether the note's height changed (a height change
        means the canvas must place its overlays again)."""
        loc, lines, overlays = QLocale(), [], []
        heat = [b for b in bundles if isinstance(b, HeatMapItem)]
        for b in bundles:
            if b.pruned:
                lines.append(self.tr("Θ({0}): showing the {1} strongest of {2} connections")
                             .format(b.l, loc.toString(b.keep), loc.toString(b.total)))
            # A heat map's caption names the matrix it shows ("heat map of D(1)"): saying it
            # here too would change the note's height, and move the drawing, at every step.
            if b.overlay is not None and not isinstance(b, HeatMapItem):
                what = (self.tr("gradient D({0})").format(b.l) if b.overlay_kind == "D" else
                        self.tr("contribution d({0})·[1; a({1})]ᵀ").format(b.l + 1, b.l))
                overlays.append(self.tr("Edges of Θ({0}) show the {1}; grey lines are the "
                                        "weights").format(b.l, what))
        if heat:
            lines.append(self.tr("Heat map: row i holds the weights into neuron i of the next "
                                 "layer, bias first; blue +, orange −, grey 0. Click a neuron "
                                 "to see its weights as edges with numbers."))
        if len(heat) < len(bundles):
            lines += overlays or [self.tr("Edges show the weights Θ: colour and dash give the "
                                          "sign, width the size |Θ|")]
        else:
            lines += overlays
        text = "\n".join(lines)
        if text == self.text():
            return False
        old_height = self.heightForWidth(max(self.width(), 1))
        self.setText(text)
        return self.heightForWidth(max(self.width(), 1)) != old_height
