"""A row of push buttons that folds into two rows when the dock is too narrow for one.

The training panel's Train, One epoch, Reset weights and Compare… sat on two rows always
(Compare… on its own), so at 1280×720 the dock's tabs showed little more than one row of
controls before scrolling. One row when it fits keeps that height for the controls; two rows
keep the dock narrow enough for presenter mode in pt-BR.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget


class ButtonRow(QWidget):
    """Lay ``add``ed buttons out in one row when they fit the width, else in two."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runButtonRow")
        self.buttons: list[QWidget] = []
        self.rows = 1
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # The grid must not pin the row's minimum width to one row's: then it could never
        # fold again. ``minimumSizeHint`` says what the row needs (two rows' width).
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def add(self, button: QWidget) -> None:
        """Append ``button`` to the row."""
        self.buttons.append(button)
        self._place(self._rows_for(self.width()) if self.width() > 0 else 1)

    def _need(self, per_row: int) -> int:
        """Return the width the buttons need with ``per_row`` of them on a row."""
        gap = max(self._grid.horizontalSpacing(), 0)
        widths = [b.sizeHint().width() for b in self.buttons if not b.isHidden()]
        rows = [widths[i:i + per_row] for i in range(0, len(widths), per_row)]
        return max((sum(r) + gap * (len(r) - 1) for r in rows), default=0)

    def _rows_for(self, width: int) -> int:
        return 1 if self._need(max(len(self.buttons), 1)) <= width else 2

    def _place(self, rows: int) -> None:
        self.rows = rows
        for b in self.buttons:
            self._grid.removeWidget(b)
        per_row = -(-len(self.buttons) // rows)
        for k, b in enumerate(self.buttons):
            self._grid.addWidget(b, k // per_row, k % per_row)
        for c in range(len(self.buttons)):
            self._grid.setColumnStretch(c, 1 if c < per_row else 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # Two rows at the least: the dock may be narrower than one row needs.
        per_row = -(-len(self.buttons) // 2) if self.buttons else 1
        height = super().minimumSizeHint().height()
        return QSize(self._need(per_row), height)

    def refit(self) -> None:
        """Choose one or two rows for the current width and the buttons' current texts."""
        rows = self._rows_for(self.width())
        if rows != self.rows:
            self._place(rows)

    def event(self, event: QEvent) -> bool:
        # A button's new text (language) or menu arrow changes its size hint: fit again.
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:
            self.refit()
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.refit()
