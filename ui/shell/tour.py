"""The first-run tour: a few short cards, each pointing at one part of the window.

An outline is drawn around the part the card talks about (an overlay that lets the mouse
through) and the card sits beside it. The tour shows by itself on the first interactive run only
(remembered in QSettings under ``tour/seen``); Skip or Done remembers it, Help → Tour opens it
again, and ``--tour`` asks for it (also in a screenshot). Building the window never starts it,
so tests and headless runs see no tour unless they ask.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SEEN_KEY = "tour/seen"
MARGIN = 6          # between the outline and the part it marks


@dataclass(frozen=True)
class Stop:
    """One card: the widget it points at and its key in ``Tour.texts``."""

    widget: QWidget
    key: str


class Outline(QWidget):
    """A frame drawn around ``target`` on top of the window; the mouse passes through it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("tourOutline")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target = QRect()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.target.isNull():
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(self.palette().highlight().color(), 4))
        p.drawRoundedRect(self.target.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN), 10, 10)


class Card(QFrame):
    """The card: title, text, "n of N" and Back / Next / Skip."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("tourCard")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(1)
        # The tooltip colours: a note laid over the window, in light and dark themes alike.
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self.setFixedWidth(340)
        self.title = QLabel(self)
        self.title.setObjectName("tourTitle")
        self.text = QLabel(self)
        self.text.setObjectName("tourText")
        self.text.setWordWrap(True)
        self.count = QLabel(self)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("tourBack")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("tourNext")
        self.next_button.setDefault(True)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("tourSkip")
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        for b in (self.skip_button, self.back_button, self.next_button):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(row)


class Tour(QObject):
    """Walk through ``stops`` in order inside ``window``; Help → Tour (``action``) reopens it."""

    finished = Signal()

    def __init__(self, window: QMainWindow, stops: list[Stop]) -> None:
        super().__init__(window)
        self.setObjectName("tour")
        self.window, self.stops = window, stops
        self.index = -1
        self.outline = Outline(window)
        self.card = Card(window)
        self.outline.hide()
        self.card.hide()
        self.card.back_button.clicked.connect(self.back)
        self.card.next_button.clicked.connect(self.next)
        self.card.skip_button.clicked.connect(self.skip)
        self.action = QAction(self)
        self.action.setObjectName("tourAction")
        self.action.triggered.connect(self.start)
        window.installEventFilter(self)
        self.retranslate()

    # --- texts ----------------------------------------------------------------------------------
    def texts(self) -> dict[str, tuple[str, str]]:
        """Return each card's title and text in the current language."""
        return {
            "canvas": (self.tr("The network"), self.tr(
                "Mazur's small network: 2 inputs, 2 hidden neurons, 2 outputs. Fill is a "
                "neuron's activation a, edge colour and width are the weights Θ. Hover anything "
                "to read its numbers; click an edge to change its weight or see its chain rule.")),
            "toolbar": (self.tr("Step through"), self.tr(
                "Next (→) takes one micro-step of backpropagation; Back (←) replays the one "
                "before. Space plays them all.")),
            "timeline": (self.tr("The timeline"), self.tr(
                "Every micro-step of one pass: forward, backward deltas d, the accumulators Δ, "
                "the gradient D and the update. Click a box to jump there.")),
            "maths": (self.tr("The mathematics"), self.tr(
                "The equation of the current step with this example's numbers in it, and the "
                "matrices it uses. Follow the arithmetic by hand; it is the notes' algorithm.")),
            "inspector": (self.tr("The inspector"), self.tr(
                "What the pointer is over: a neuron's z, a and d, or a weight's Θ and D — with "
                "the gradient check (J(θ+ε) − J(θ−ε))/2ε beside D.")),
            "train": (self.tr("Train"), self.tr(
                "When the single step is clear, train: the network repeats it over many epochs "
                "and the cost J falls in the plot below. Help → Tour shows these cards again.")),
        }

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.action.setText(self.tr("&Tour"))
        tip = self.tr("A short tour of the window, one card per part")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.card.back_button.setText(self.tr("Back"))
        self.card.skip_button.setText(self.tr("Skip"))
        self._show_card()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.Resize and self.active:
            self._show_card()
        return super().eventFilter(watched, event)

    # --- moving ---------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Whether a card is on show."""
        return self.index >= 0

    @property
    def current(self) -> QWidget | None:
        """The widget the card on show points at, or None."""
        return self.stops[self.index].widget if self.active else None

    def start(self) -> None:
        """Show the first card."""
        self.index = 0
        self._show_card()

    def next(self) -> None:
        """Show the next card, or finish after the last."""
        if self.index + 1 >= len(self.stops):
            self.close(remember=True)
            return
        self.index += 1
        self._show_card()

    def back(self) -> None:
        """Show the card before (none before the first)."""
        if self.index > 0:
            self.index -= 1
            self._show_card()

    def skip(self) -> None:
        """Close the tour and remember not to show it by itself again."""
        self.close(remember=True)

    def close(self, remember: bool) -> None:
        """Hide the card and the outline; ``remember``: the first-run tour has been seen."""
        self.index = -1
        self.card.hide()
        self.outline.hide()
        if remember:
            QSettings().setValue(SEEN_KEY, True)
        self.finished.emit()

    # --- placing --------------------------------------------------------------------------------
    def _show_card(self) -> None:
        if not self.active:
            return
        stop = self.stops[self.index]
        title, text = self.texts()[stop.key]
        c = self.card
        c.title.setText(f"<b>{title}</b>")
        c.text.setText(text)
        c.count.setText(self.tr("{n} of {total}").replace("{n}", str(self.index + 1)).replace(
            "{total}", str(len(self.stops))))
        c.back_button.setEnabled(self.index > 0)
        last = self.index == len(self.stops) - 1
        c.next_button.setText(self.tr("Done") if last else self.tr("Next"))
        target = self._target_rect(stop.widget)
        self.outline.setGeometry(self.window.rect())
        self.outline.target = target
        self.outline.show()
        self.outline.raise_()
        c.adjustSize()
        c.move(self._card_position(target, c.width(), c.height()))
        c.show()
        c.raise_()
        self.outline.update()

    def _target_rect(self, widget: QWidget) -> QRect:
        top_left = widget.mapTo(self.window, widget.rect().topLeft())
        return QRect(top_left, widget.size()).intersected(self.window.rect())

    def _card_position(self, target: QRect, w: int, h: int) -> QPoint:
        """Return where the card goes: right of the target, else left, below, above, or over
        its corner — always inside the window."""
        area = self.window.rect()
        gap = MARGIN * 3
        y = max(area.top(), min(target.top(), area.bottom() - h))
        x = max(area.left(), min(target.left(), area.right() - w))
        if target.right() + gap + w <= area.right():
            pos = (target.right() + gap, y)
        elif target.left() - gap - w >= area.left():
            pos = (target.left() - gap - w, y)
        elif target.bottom() + gap + h <= area.bottom():
            pos = (x, target.bottom() + gap)
        elif target.top() - gap - h >= area.top():
            pos = (x, target.top() - gap - h)
        else:
            pos = (target.right() - w - gap, target.bottom() - h - gap)
        return QPoint(max(area.left(), min(pos[0], area.right() - w)),
                      max(area.top(), min(pos[1], area.bottom() - h)))


def seen() -> bool:
    """Return whether the first-run tour was skipped or finished before."""
    value = QSettings().value(SEEN_KEY, False)
    return value in (True, "true", "1", 1)


def install(window: QMainWindow, stops: list[Stop]) -> Tour:
    """Add Help → Tour to ``window`` and return the (not started) tour of ``stops``."""
    tour = Tour(window, stops)
    menu = window.help_menu
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, tour.action)
    return tour
