"""The "What if…" menu and the banner that says a classic mistake is switched on.

The menu (objectName ``whatIfMenu``) holds one exclusive, checkable action per switchable
mistake of engine/mistakes.py and "None — the correct algorithm"; it sets ``AppState.mistake``,
which the stepper and the trainer read through the settings. The banner (``mistakeBanner``) sits
above the phase line while a mistake is on; its tooltip, and the status bar, give the gradient
check of the mistaken D: the largest relative difference per layer.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QVBoxLayout

from engine.gradient_check import layer_differences
from engine.messages import Message
from engine.mistake_effect import trace_no_effect_reason
from engine.mistakes import SWITCHES, Mistake
from ui.look import theme as look
from ui.look.messages import translate_message
from ui.look.palette import Theme
from ui.state import AppState
from ui.stepper.playback import Stepper

CHECK_AGREES = 1e-7    # a relative difference below this: backpropagation is right


def engine_text(text: str) -> str:
    """Return an engine text (marked in engine/mistakes.py) in the user's language."""
    return translate_message(Message(text))


class MistakeBanner(QLabel):
    """A coloured line that names the mistake switched on; hidden while none is."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mistakeBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._theme: Theme | None = None
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        """Colour the banner for ``theme``: the highlight colour, white text."""
        self._theme = theme
        self.setStyleSheet(f"QLabel#mistakeBanner {{ background: {theme.highlight}; "
                           f"color: white; font-weight: bold; padding: 4px 8px; "
                           f"border-radius: 4px; }}")

    def show_mistake(self, mistake: Mistake | None, no_effect: str = "") -> None:
        """Show what ``mistake`` is and does, or hide the banner for None; ``no_effect`` is the
        engine's sentence when the mistake changes no number here (engine/mistake_effect.py)."""
        if mistake is None:
            self.hide()
            self.setToolTip("")
            return
        title = engine_text(mistake.title)
        if no_effect:       # nothing differs from backpropagation here: claim nothing else
            head = self.tr("What if… %1 is switched on: here it changes no number").replace(
                "%1", title)
            self.setText(f"{head}\n{engine_text(mistake.consequence)}. {engine_text(no_effect)}")
            self.show()
            return
        if mistake is Mistake.L_DOWN_TO_1:
            head = self.tr("What if… %1 is switched on: extra work, the same D").replace(
                "%1", title)
        else:
            head = self.tr("What if… %1 is switched on: this is NOT backpropagation").replace(
                "%1", title)
        self.setText(f"{head}\n{engine_text(mistake.consequence)}")
        self.show()


class WhatIf(QObject):
    """The "What if…" menu, the banner, and the gradient check of the mistaken D."""

    def __init__(self, window: QMainWindow, state: AppState, stepper: Stepper,
                 banner_layout: QVBoxLayout) -> None:
        super().__init__(window)
        self.window, self.state, self.stepper = window, state, stepper
        self.menu = QMenu(window)
        self.menu.setObjectName("whatIfMenu")
        # Before Help, as menu bars usually end with it.
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[Mistake | None, QAction] = {}
        for mistake in (None, *SWITCHES):
            action = QAction(self)
            action.setCheckable(True)
            action.setObjectName("whatIfNone" if mistake is None else f"whatIf-{mistake}")
            action.triggered.connect(lambda _on=False, m=mistake: state.set_mistake(m))
            self.group.addAction(action)
            self.menu.addAction(action)
            if mistake is None:
                self.menu.addSeparator()
            self.actions[mistake] = action
        self.banner = MistakeBanner()
        banner_layout.insertWidget(0, self.banner)
        self.differences: list[float] | None = None
        self._stale = False
        state.mistake_changed.connect(self._on_state_mistake_changed)
        state.training_changed.connect(self._on_state_training_changed)
        stepper.trace_changed.connect(self._on_stepper_trace_changed)
        self.retranslate()
        self._on_state_mistake_changed()

    def retranslate(self) -> None:
        """Set the menu's texts in the current language."""
        self.menu.setTitle(self.tr("What &if…"))
        self.menu.setToolTip(self.tr("Replace one line of the algorithm with a classic mistake"))
        for mistake, action in self.actions.items():
            if mistake is None:
                action.setText(self.tr("None — the correct algorithm"))
            else:
                action.setText(engine_text(mistake.title))
                action.setStatusTip(engine_text(mistake.consequence))
        self.banner.show_mistake(self.state.mistake, self.no_effect())
        self._show_check()

    def _on_state_mistake_changed(self, *_: object) -> None:
        mistake = self.state.mistake
        self.actions[mistake].setChecked(True)
        self.banner.show_mistake(mistake, self.no_effect())
        self._check()

    def no_effect(self) -> str:
        """Return the engine's sentence saying the mistake changes no number for the traced
        network and settings ("" when it changes some, or none is on)."""
        trace = self.stepper.trace
        if self.state.mistake is None or trace is None or trace.mistake is not self.state.mistake:
            return ""
        return trace_no_effect_reason(trace)

    def _on_stepper_trace_changed(self) -> None:
        if self.state.mistake is None:
            return
        # λ, m or the network may have changed what the mistake does.
        self.banner.show_mistake(self.state.mistake, self.no_effect())
        # The check costs two costs per weight (0.2 s for the digits network): not on every
        # redraw while training runs, once when it stops.
        if self.state.training:
            self._stale = True
        else:
            self._check()

    def _on_state_training_changed(self, running: bool) -> None:
        if not running and self._stale:
            self._check()

    def _check(self) -> None:
        """Run the gradient check of the trace's (mistaken) D on the traced examples."""
        if self.state.mistake is None:
            self.differences = None
            return
        self._stale = False
        trace = self.stepper.trace
        self.differences = layer_differences(self.state.network, trace.X, trace.Y,
                                             list(trace.D), trace.lam, lam1=trace.lam1)
        self._show_check()

    def check_text(self) -> str:
        """Return the gradient check's verdict per layer, in the user's language."""
        if self.differences is None:
            return self.tr("Gradient check: too many weights to check here.")
        loc = QLocale()
        parts = [self.tr("Θ(%1): %2").replace("%1", str(l)).replace(
                 "%2", loc.toString(float(v), "e", 1)) for l, v in enumerate(self.differences, 1)]
        agrees = max(self.differences, default=0.0) < CHECK_AGREES
        no_effect = self.no_effect()
        if agrees and no_effect:
            verdict = self.tr("agrees: this D is the gradient, since the mistake changes no "
                              "number here")
        elif agrees and self.state.mistake is Mistake.UPDATE_UPHILL:
            verdict = self.tr("agrees: this D is the gradient — the mistake is in the update, "
                              "which climbs it")
        elif agrees:
            verdict = self.tr("agrees: this D is the gradient")
        else:
            verdict = self.tr("fails: this D is not the gradient of J")
        return self.tr("Gradient check against this D (largest relative difference per "
                       "layer): %1 — %2").replace("%1", "; ".join(parts)).replace("%2", verdict)

    def _show_check(self) -> None:
        if self.state.mistake is None:
            return
        text = self.check_text()
        self.banner.setToolTip(text)
        self.window.statusBar().showMessage(text, 20000)


def install(window: QMainWindow, state: AppState, stepper: Stepper,
            banner_layout: QVBoxLayout) -> WhatIf:
    """Build the "What if…" menu and the banner (at the top of ``banner_layout``)."""
    what_if = WhatIf(window, state, stepper, banner_layout)
    look.follow(what_if.banner)
    if hasattr(window, "language_changed"):
        window.language_changed.connect(what_if.retranslate)
    return what_if
