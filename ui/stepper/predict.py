"""Predict, then reveal: before a micro-step's result is shown, the learner types one entry of it.

With the toolbar toggle (objectName ``predictAction``) or ``--predict`` on, a step forward onto a
step with a result (engine/mistakes.py ``asked_entry``: z(l)₁, a(l)₁, d(l)₁, Δ(l)₁₁, D(l)₁₁ or
D(l)₁₀, Θ(l)₁₁) is held back: the prompt above the phase line names the entry, the learner types
it (numbers as the language writes them: "0,5" in pt-BR) and presses Enter. Right to 3
significant digits: the step is revealed. Wrong: ``diagnose`` names the classic mistake the
answer matches, if any, and the learner may try once more (Enter on an empty box reveals). The
score — asked, right on the first try, right after a hint — is kept in ``AppState.predictions``
and saved with the session.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
)

from engine.messages import Message
from engine.mistakes import Asked, agrees, asked_entry, diagnose
from ui.look import theme as look
from ui.look.messages import translate_message
from ui.look.palette import Theme
from ui.state import AppState
from ui.stepper.controller import StepperController

EMPTY_SCORE = {"asked": 0, "first_try": 0, "after_hint": 0}


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """Return the number ``text`` writes in ``locale``'s form (default: the application's), or
    None. Group separators are refused, so "0.5" is not read as 5 in pt-BR."""
    loc = QLocale(locale if locale is not None else QLocale())
    loc.setNumberOptions(loc.numberOptions() | QLocale.NumberOption.RejectGroupSeparator)
    text = text.strip().replace("−", "-")
    value, ok = loc.toDouble(text)
    return float(value) if ok else None


class PredictPrompt(QFrame):
    """The question, the answer box and the verdict, shown above the phase line."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("predictPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        row = QHBoxLayout()
        self.question = QLabel()
        self.question.setObjectName("predictQuestion")
        self.input = QLineEdit()
        self.input.setObjectName("predictInput")
        self.input.setMaximumWidth(160)
        self.score = QLabel()
        self.score.setObjectName("predictScore")
        row.addWidget(self.question)
        row.addWidget(self.input)
        row.addStretch(1)
        row.addWidget(self.score)
        outer.addLayout(row)
        self.feedback = QLabel()
        self.feedback.setObjectName("predictFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.feedback)
        self.hide()

    def set_scale(self, _factor: float) -> None:
        """Take the application's font (presenter mode scales it); the frame's style sheet
        would otherwise keep the font it was first polished with."""
        font = QApplication.font()
        for widget in (self, self.question, self.input, self.score, self.feedback):
            widget.setFont(font)

    def set_theme(self, theme: Theme) -> None:
        """Draw the prompt as a note: the note background, framed in the theme's highlight."""
        self.setStyleSheet(f"QFrame#predictPrompt {{ background: {theme.note_background}; "
                           f"border: 2px solid {theme.highlight}; border-radius: 4px; "
                           f"color: {theme.text}; }}")


class PredictMode(QObject):
    """Hold each step back until the learner has predicted its asked entry."""

    def __init__(self, window: QMainWindow, state: AppState, controller: StepperController,
                 layout: QVBoxLayout) -> None:
        super().__init__(window)
        self.state, self.controller = state, controller
        self.action = QAction(window)
        self.action.setObjectName("predictAction")
        self.action.setCheckable(True)
        self.action.toggled.connect(self._on_action_toggled)
        controller.toolbar.addSeparator()
        controller.toolbar.addAction(self.action)
        self.prompt = PredictPrompt()
        layout.insertWidget(1, self.prompt)      # under the mistake banner, above the phase line
        self.prompt.input.returnPressed.connect(self._on_input_return_pressed)
        self.pending: int | None = None          # the step whose entry is being predicted
        self.tries = 0
        self._revealing = False
        controller.forward_gate = self._gate
        controller.stepper.trace_changed.connect(self._on_stepper_trace_changed)
        state.predictions_changed.connect(self._show_score)
        self.retranslate()

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.action.setText(self.tr("Predict"))
        self.action.setToolTip(self.tr("Predict mode: type each step's result before it is "
                                       "shown"))
        self.prompt.input.setPlaceholderText(QLocale().toString(0.5))
        self._show_question()
        self._show_score()

    def _describe(self, asked: Asked) -> str:
        if asked.column is None:
            return self.tr("the first neuron's value")
        if asked.column == 0:
            return self.tr("row 1, the bias column j = 0")
        return self.tr("row 1, column j = 1")

    def _show_question(self) -> None:
        asked = self._asked()
        if asked is None:
            return
        self.prompt.question.setText(
            self.tr("Predict %1 (%2), then press Enter:").replace("%1", asked.label)
            .replace("%2", self._describe(asked)))

    def _show_score(self) -> None:
        s = self.state.predictions or EMPTY_SCORE
        self.prompt.score.setText(
            self.tr("Score: %1 of %2 right first time, %3 after a hint")
            .replace("%1", str(s["first_try"])).replace("%2", str(s["asked"]))
            .replace("%3", str(s["after_hint"])))

    # --- the gate -------------------------------------------------------------------------------
    def _asked(self) -> Asked | None:
        trace = self.controller.stepper.trace
        if self.pending is None or self.pending >= len(trace):
            return None
        return asked_entry(trace[self.pending], trace)

    def _gate(self) -> bool:
        """Return whether the next step may be shown now (else ask for it first)."""
        if not self.action.isChecked() or self._revealing:
            return True
        stepper = self.controller.stepper
        nxt = stepper.cursor + 1
        if nxt >= len(stepper.trace) or asked_entry(stepper.trace[nxt], stepper.trace) is None:
            return True
        if self.pending != nxt:
            self.pending, self.tries = nxt, 0
            self.prompt.feedback.clear()
            self.prompt.input.clear()
        self.controller.pause()
        self._show_question()
        self.prompt.show()
        self.prompt.input.setFocus()
        return False

    def _on_action_toggled(self, on: bool) -> None:
        self.prompt.setVisible(on)
        if on:
            self._gate()
        else:
            self.pending = None

    def _on_stepper_trace_changed(self) -> None:
        # New numbers (a new example, weights, a mistake): ask afresh.
        self.pending = None
        if self.action.isChecked():
            self.prompt.feedback.clear()
            self._gate()

    # --- answering ------------------------------------------------------------------------------
    def answer(self, text: str) -> None:
        """Check ``text`` against the pending step's entry; reveal the step when right, after
        a second try, or when ``text`` is empty."""
        asked = self._asked()
        if asked is None:
            return
        if not text.strip():
            self._say(self.tr("The answer: %1 = %2.").replace("%1", asked.label)
                      .replace("%2", self._number(asked.value)))
            self._reveal()
            return
        value = parse_number(text)
        if value is None:
            self._say(self.tr("Type a number, e.g. %1.").replace(
                "%1", QLocale().toString(-0.125)))
            return
        score = dict(self.state.predictions or EMPTY_SCORE)
        if self.tries == 0:
            score["asked"] += 1
        if agrees(value, asked.value):
            score["first_try" if self.tries == 0 else "after_hint"] += 1
            self._set_score(score)
            self._say(self.tr("Right: %1 = %2.").replace("%1", asked.label)
                      .replace("%2", self._number(asked.value)))
            self._reveal()
            return
        self._set_score(score)
        trace = self.controller.stepper.trace
        mistake = diagnose(trace[self.pending], trace, value)
        why = (self.tr("That is what you get with this mistake: %1 (%2).")
               .replace("%1", translate_message(Message(mistake.title)))
               .replace("%2", translate_message(Message(mistake.consequence)))
               if mistake is not None else
               self.tr("It matches none of the usual mistakes: check the arithmetic."))
        if self.tries == 0:
            self.tries = 1
            self._say(self.tr("Not quite (3 significant digits count).") + " " + why + " " +
                      self.tr("Try once more, or press Enter on an empty box to see it."))
            self.prompt.input.selectAll()
            return
        self._say(self.tr("Not quite.") + " " + why + " " +
                  self.tr("The answer: %1 = %2.").replace("%1", asked.label)
                  .replace("%2", self._number(asked.value)))
        self._reveal()

    def _on_input_return_pressed(self) -> None:
        self.answer(self.prompt.input.text())

    def _number(self, value: float) -> str:
        return QLocale().toString(float(value), "g", 6)

    def _say(self, text: str) -> None:
        self.prompt.feedback.setText(text)

    def _set_score(self, score: dict[str, int]) -> None:
        self.state.predictions = score
        self.state.predictions_changed.emit()
        self.state.set_modified(True)

    def _reveal(self) -> None:
        self._revealing = True
        try:
            self.controller.step_forward()
        finally:
            self._revealing = False
        self.pending, self.tries = None, 0
        self.prompt.input.clear()
        self.prompt.question.setText(self.tr("Press → (Next) for the next prediction."))


def install(window: QMainWindow, state: AppState, controller: StepperController,
            layout: QVBoxLayout, on: bool = False) -> PredictMode:
    """Build predict mode (toolbar toggle and prompt); ``on`` starts it switched on."""
    mode = PredictMode(window, state, controller, layout)
    look.follow(mode.prompt)
    if hasattr(window, "language_changed"):
        window.language_changed.connect(mode.retranslate)
    mode.action.setChecked(on)
    return mode
