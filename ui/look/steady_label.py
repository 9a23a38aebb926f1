"""Labels whose text changes many times a second while training (the epoch counter, the loss
readout) without making the window lay itself out again each time.

``QLabel.setText`` asks the parent's layout to run again whenever the label's size is not fixed,
and that request climbs through the docks to the main window: about 1.7 ms of every redraw while
XOR trains (offscreen, measured on the layout requests). These labels only ask for a layout when
a text needs more room than any text before it:

- ``SteadyLabel``, a one-line label, is fixed at the largest size its texts have needed (a fixed
  size asks no layout); a new font or language starts again from the text it holds.
- ``WrappedReadout`` holds a word-wrapped label in a box without a layout (a label whose parent
  has no layout asks none); the box is as tall as the tallest text it has held at its width,
  and starts again from the current text when its width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_RELOOK = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange)


class SteadyLabel(QLabel):
    """A one-line label whose size only grows: a text that fits repaints it, nothing more."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self._grow()

    def _grow(self) -> None:
        hint = super().sizeHint()
        size = QSize(max(hint.width(), self.minimumWidth()),
                     max(hint.height(), self.minimumHeight()))
        if size != self.minimumSize() or size != self.maximumSize():
            self.setFixedSize(size)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in _RELOOK:
            self.setMinimumSize(0, 0)       # fitted to the new font from the current text
            self._grow()


class WrappedReadout(QWidget):
    """A box for the word-wrapped ``label``, which fills it; the box's height only grows until
    its width changes (a shorter text must not hand its line back: the plots under it would
    resize and redraw whole)."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        label.setWordWrap(True)
        self._height = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.fit()

    def fit(self) -> None:
        """Grow to the label's text at the current width (call after setting a text)."""
        width = self.width() if self.width() > 0 else self.label.sizeHint().width()
        need = self.label.heightForWidth(width)
        if need < 0:
            need = self.label.sizeHint().height()
        if need > self._height:
            self._height = need
            self.updateGeometry()

    def start_again(self) -> None:
        """Fit the current text alone (a new run, a new width, a new font)."""
        self._height = 0
        self.updateGeometry()
        self.fit()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.label.minimumSizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(0, self._height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        if event.oldSize().width() != event.size().width():
            self.start_again()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in _RELOOK:
            self.start_again()
