"""Fit the math panel's HTML to its width: a projector audience cannot scroll sideways.

A page is tried at ``LEVELS`` in order until it fits the browser's width: as written; with its
equations packed into lines no wider than the browser (``Ruler`` measures each operand as Qt
lays it out); then packed in smaller type. The last level stays even if it still overflows
(then the scroll bar is the way left), as does a page whose type would fall below ``SMALLEST``.
A page that fits as written costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QTextBrowser


@dataclass(frozen=True)
class Level:
    """One way to lay a page out: ``packed`` lines and type ``shrink`` times its size."""

    packed: bool
    shrink: float


LEVELS = (Level(False, 1.0), Level(True, 1.0), Level(True, 0.85), Level(True, 0.72),
          Level(True, 0.6))
# The smallest type, as a share of the normal (non-presenter) size: 0.6 of presenter mode's
# 1.5 is 0.9 of it, but 0.6 of the normal size was unreadable (XOR's tables at 1280×720).
SMALLEST = 0.85
# (level) -> the page's HTML; the level says whether to pack and how small the type is.
Build = Callable[[Level], str]
Style = Callable[[float], str]       # shrink -> the document's default style sheet


class Ruler:
    """Measure HTML fragments as a browser with ``font`` and ``style`` lays them out."""

    def __init__(self) -> None:
        self._doc = QTextDocument()
        self._doc.setDocumentMargin(0)
        self._cache: dict[str, float] = {}

    def set_look(self, font: QFont, style: str) -> None:
        """Measure with ``font`` and the default style sheet ``style`` from now on."""
        if font != self._doc.defaultFont() or style != self._doc.defaultStyleSheet():
            self._doc.setDefaultFont(font)
            self._doc.setDefaultStyleSheet(style)
            self._cache.clear()

    def width(self, fragment: str) -> float:
        """Return the width (px) ``fragment`` takes on one line."""
        if fragment not in self._cache:
            if len(self._cache) > 512:      # values change every step: keep it small
                self._cache.clear()
            self._doc.setHtml(fragment)
            self._cache[fragment] = self._doc.idealWidth()
        return self._cache[fragment]


def fits(browser: QTextBrowser) -> bool:
    """Return whether ``browser``'s page fits its width (no horizontal scrolling)."""
    doc = browser.document()
    return doc.size().width() <= doc.textWidth() + 0.5


def shrunk_font(browser: QTextBrowser, shrink: float) -> QFont:
    """Return ``browser``'s own font ``shrink`` times its size."""
    font = QFont(browser.font())
    font.setPointSizeF(font.pointSizeF() * shrink)
    return font
