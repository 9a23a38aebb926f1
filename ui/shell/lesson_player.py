"""The lesson player: a session's lesson as a strip of cards under the window's title.

Each card's text is shown in the user's language when the lesson has it; a card tied to a
micro-step moves the step-through there, a card tied to an action offers a button for it. While a
lesson plays, the panels it does not list are hidden; closing it shows them again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.files.lesson import Lesson
from engine.files.session_format import SessionError, load_session
from ui.look import language as i18n
from ui.stepper.playback import Stepper

LESSONS = Path(__file__).resolve().parents[2] / "resources" / "lessons"


class LessonPlayer(QDockWidget):
    """Play ``lesson`` cards in ``window``: ``panels`` by lesson name (hidden when not listed),
    ``actions`` by action name (what a card's button does)."""

    def __init__(self, window: QMainWindow, stepper: Stepper, panels: dict[str, QWidget],
                 actions: dict[str, Callable[[], object]]) -> None:
        super().__init__(window)
        self.setObjectName("lessonPlayer")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self._stepper, self._panels, self._actions = stepper, panels, actions
        self.lesson: Lesson | None = None
        self.index = 0
        self._hidden: list[QWidget] = []
        self.lessons_menu: QMenu | None = None
        body = QWidget(self)
        self.text = QLabel(body)
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)     # a file's words, never markup
        self.count = QLabel(body)
        self.back_button = QPushButton(body)
        self.back_button.setObjectName("lessonBack")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(body)
        self.next_button.setObjectName("lessonNext")
        self.next_button.clicked.connect(self.next)
        self.action_button = QPushButton(body)
        self.action_button.setObjectName("lessonAction")
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.close_button = QPushButton(body)
        self.close_button.setObjectName("lessonClose")
        self.close_button.clicked.connect(lambda: self.set_lesson(None))
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addStretch(1)
        for b in (self.action_button, self.back_button, self.next_button, self.close_button):
            row.addWidget(b)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 2, 8, 4)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self)
        self.hide()
        i18n.manager().language_changed.connect(self._on_language_changed)
        self.retranslate()

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.back_button.setText(self.tr("Back"))
        self.next_button.setText(self.tr("Next"))
        self.close_button.setText(self.tr("Close lesson"))
        self.close_button.setToolTip(self.tr("End the lesson and show every panel again"))
        if getattr(self, "lessons_menu", None) is not None:
            self.lessons_menu.setTitle(self.tr("&Lessons"))
            for action in self.lessons_menu.actions():
                titles = action.data() or {}
                language = i18n.manager().language
                action.setText(titles.get(language) or titles.get("en") or action.text())
        self._show_card()

    def action_text(self, action: str) -> str:
        """Return the button text of ``action`` in the current language."""
        return {"train": self.tr("Train now"),
                "gradient-check": self.tr("Open the gradient check"),
                "chain-rule": self.tr("Open the chain rule"),
                "tour": self.tr("Show the tour")}.get(action, action)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language_changed(self, _code: str) -> None:
        self._show_card()      # the card's own text, in the lesson's version of that language

    # --- playing --------------------------------------------------------------------------------
    def set_lesson(self, lesson: Lesson | None) -> None:
        """Play ``lesson`` from its first card (None: stop, and show every panel again)."""
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.lesson, self.index = lesson, 0
        if lesson is None:
            self.hide()
            return
        window = self.parentWidget()
        for name, widget in self._panels.items():
            # Visible *to the window*, not on screen: a lesson opened from the command line is
            # set before the window is shown, when nothing is visible yet (and nothing was hidden).
            shown = widget.isVisibleTo(window) if window is not None else widget.isVisible()
            if name not in lesson.panels and shown:
                widget.hide()
                self._hidden.append(widget)
        self.show()
        self._show_card()

    def next(self) -> None:
        """Show the next card (nothing after the last)."""
        if self.lesson is not None and self.index + 1 < len(self.lesson.cards):
            self.index += 1
            self._show_card()

    def back(self) -> None:
        """Show the card before (nothing before the first)."""
        if self.lesson is not None and self.index > 0:
            self.index -= 1
            self._show_card()

    def _show_card(self) -> None:
        lesson = self.lesson
        if lesson is None:
            return
        card = lesson.cards[self.index]
        self.setWindowTitle(lesson.title(i18n.manager().language))
        self.text.setText(card.text(i18n.manager().language))
        self.count.setText(self.tr("Card {n} of {total}").replace(
            "{n}", str(self.index + 1)).replace("{total}", str(len(lesson.cards))))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index + 1 < len(lesson.cards))
        usable = card.action is not None and card.action in self._actions
        self.action_button.setVisible(usable)
        if usable:
            self.action_button.setText(self.action_text(card.action))
        if card.step is not None:
            # Counted from 1 as the toolbar counts; the stepper clamps a step past the end.
            self._stepper.set_cursor(card.step - 1)

    def add_lessons_menu(self, menu: QMenu, open_path: Callable[[Path], object],
                         folder: Path = LESSONS) -> QMenu:
        """Add a Lessons submenu to ``menu`` with one entry per lesson file in ``folder``
        (named by its title); choosing one calls ``open_path`` (the File menu's open)."""
        self.lessons_menu = menu.addMenu("")
        self.lessons_menu.setObjectName("lessonsMenu")
        for path in sorted(folder.glob("*.json")):
            try:
                lesson = load_session(path).lesson
            except SessionError:        # a broken shipped file must not stop the app
                continue
            if lesson is None:
                continue
            action = self.lessons_menu.addAction(lesson.title(i18n.manager().language))
            action.setObjectName(f"lessonAction_{path.stem}")
            action.setData(dict(lesson.titles))
            action.triggered.connect(lambda _=False, p=path: open_path(p))
        self.lessons_menu.setTitle(self.tr("&Lessons"))
        return self.lessons_menu

    def _on_action_button_clicked(self) -> None:
        card = self.lesson.cards[self.index] if self.lesson is not None else None
        if card is not None and card.action in self._actions:
            self._actions[card.action]()
