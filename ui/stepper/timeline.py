"""The timeline strip: one cell per micro-step, grouped by example (t = 1 … K) and coloured by
stage.

Click (or drag across) a cell to jump to that step; the current step is outlined and the steps
already done are drawn solid, those still to come pale. Stage names label each group of one
example's steps; with K > 1 examples each example's block is labelled "t = k".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from engine.trace import Trace
from ui.look import palette
from ui.look.theme import current_theme
from ui.maths.phase_words import equation, stage_name, step_title

CELL_H = 22
LABEL_H = 18


class Timeline(QWidget):
    """A strip of ``len(trace)`` cells; emits ``step_clicked(index)``."""

    step_clicked = Signal(int)

    def __init__(self, trace: Trace, cursor: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # arrow keys belong to the stepper
        self._trace, self._cursor = trace, cursor
        self._theme = current_theme()
        self.retranslate()

    def retranslate(self) -> None:
        """Set the tooltip and status tip in the current language."""
        self.setToolTip(self.tr("Every micro-step of this step-through, coloured by stage and "
                                "grouped by example. Click a step to jump to it."))
        self.setStatusTip(self.tr("Timeline: click a step to jump there; ← and → step one at a "
                                  "time."))
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: palette.Theme) -> None:
        """Draw labels and the outline in ``theme``'s colours (called by ui.look.theme)."""
        self._theme = theme
        self.update()

    def set_trace(self, trace: Trace, cursor: int) -> None:
        """Show a new trace (after a recompute) with the cursor at ``cursor``."""
        self._trace, self._cursor = trace, cursor
        self.update()

    def set_cursor(self, index: int) -> None:
        """Outline step ``index``."""
        self._cursor = index
        self.update()

    @property
    def cursor(self) -> int:
        """The outlined step."""
        return self._cursor

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(600, LABEL_H + CELL_H + 6)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(200, LABEL_H + CELL_H + 6)

    # --- geometry -------------------------------------------------------------------------------
    def cell_rect(self, index: int) -> QRectF:
        """Return the rectangle of step ``index`` in widget coordinates."""
        n = max(1, len(self._trace))
        w = (self.width() - 8) / n
        return QRectF(4 + index * w, LABEL_H, w, CELL_H)

    def index_at(self, x: float) -> int:
        """Return the step under horizontal position ``x`` (clamped)."""
        n = max(1, len(self._trace))
        w = (self.width() - 8) / n
        return max(0, min(n - 1, int((x - 4) // w)))

    def groups(self) -> list[tuple[str, int, int]]:
        """Return the labelled spans (label, first, last) over the cells: the stages for one
        example; "t = 1" … "t = K" per example (and the stages around the loop) for K > 1."""
        def key(step) -> str:
            if self._trace.m > 1 and step.example is not None:
                return self.tr("t = {t}").replace("{t}", str(step.example + 1))
            return stage_name(step.stage)
        spans: list[tuple[str, int, int]] = []
        for step in self._trace:
            label = key(step)
            if spans and spans[-1][0] == label and spans[-1][2] == step.index - 1:
                spans[-1] = (label, spans[-1][1], step.index)
            else:
                spans.append((label, step.index, step.index))
        return spans

    # --- events ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.step_clicked.emit(self.index_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        i = self.index_at(event.position().x())
        step = self._trace[i]
        where = self.tr("Step {i}").replace("{i}", str(i + 1))
        if step.example is not None and self._trace.m > 1:
            where += " · " + self.tr("t = {t}").replace("{t}", str(step.example + 1))
        self.setToolTip(f"{where} · {stage_name(step.stage)}\n{step_title(step)}\n"
                        f"{equation(step, self._trace)}")
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.step_clicked.emit(i)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 0.5))
        p.setFont(font)
        theme = self._theme
        groups = self.groups()
        spans = [QRectF(self.cell_rect(first).left(), 0,
                        self.cell_rect(last).right() - self.cell_rect(first).left(), LABEL_H)
                 for _label, first, last in groups]
        fm = p.fontMetrics()
        # What each group's words leave free of its span: a longer word next to it (a
        # Portuguese "Retropropagação" over two cells) may use half of it before it is elided.
        free = [max(0.0, sp.width() - fm.horizontalAdvance(g[0]) - 6) / 2
                for sp, g in zip(spans, groups, strict=True)]
        for n, (label, first, _last) in enumerate(groups):
            span = spans[n]
            left = free[n - 1] if n > 0 else span.left()
            right = free[n + 1] if n + 1 < len(groups) else self.width() - span.right()
            need = fm.horizontalAdvance(label) + 6 - span.width()
            if need > 0:
                grow_left = min(left, need / 2)
                grow_right = min(right, need - grow_left)
                grow_left = min(left, need - grow_right)
                span = span.adjusted(-grow_left, 0, grow_right, 0)
            p.setPen(QColor(theme.text))
            text = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(span.width()) - 2)
            p.drawText(span, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
            left_edge = self.cell_rect(first)
            if self._trace.m > 1 and first > 0:
                # A tick between examples, so the loop's K passes read as K blocks.
                p.drawLine(int(left_edge.left()), 2, int(left_edge.left()), LABEL_H + CELL_H)
        for step in self._trace:
            r = self.cell_rect(step.index).adjusted(1, 2, -1, -2)
            colour = QColor(palette.STAGE_HEX[step.stage])
            if step.index > self._cursor:
                colour.setAlpha(70)          # not done yet: pale
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(r, 3, 3)
            if step.layer is not None and r.width() >= 14:
                # Done cells are opaque stage colours (black reads on each); pale ones show
                # the background through, so they take the theme's text colour.
                p.setPen(QColor("#000000") if step.index <= self._cursor else QColor(theme.text))
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(step.layer))
        if 0 <= self._cursor < len(self._trace):
            r = self.cell_rect(self._cursor).adjusted(0, 0, 0, 0)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(theme.highlight), 3))
            p.drawRoundedRect(r, 3, 3)
        p.end()
