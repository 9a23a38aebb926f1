"""Plots that rearrange themselves for the room their dock gives them.

A dock can be shorter than its plots' least heights (presenter mode's larger type on a
projector's 1280×720): rather than let Qt cut the bottom plot's axis off, a ``FitsItsDock``
decides what to show after every resize and layout pass (the loss plot drops its accuracy plot,
the health plot its initial-weights caption).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QStyle, QWidget


def layout_gap(widget: QWidget) -> int:
    """Return the vertical gap (px) ``widget``'s layout leaves between two items (a style that
    decides it per pair of widgets, as macOS's does, reports −1: its default then)."""
    gap = widget.layout().spacing()
    return gap if gap >= 0 else widget.style().pixelMetric(
        QStyle.PixelMetric.PM_LayoutVerticalSpacing)


class FitsItsDock(QWidget):
    """A dock's plots that rearrange themselves for the room they get (``_check_room``), after
    each resize and each layout pass: a readout that grew when training started, presenter
    mode's larger type or a plot shown again change the room without resizing the dock, and
    by then Qt has placed the children."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._check_room()
        return handled

    def _check_room(self) -> None:
        """Show or hide what the room decides (subclasses)."""
