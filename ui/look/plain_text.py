"""Text from files shown as plain text: names, cells and paths from a session or a CSV file must
never be read by Qt as rich text (styled text, links and local images would load)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_text(widget: QWidget) -> None:
    """Make ``widget`` (a message box, say) and every label in it show plain text."""
    if hasattr(widget, "setTextFormat"):
        widget.setTextFormat(Qt.TextFormat.PlainText)
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """Return a tooltip that shows ``text`` literally (tooltips guess rich text by themselves)."""
    return "<p style='white-space:pre'>" + html.escape(text) + "</p>"
