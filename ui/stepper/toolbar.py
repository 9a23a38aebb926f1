"""The "Step" toolbar: restart, back, play/pause, next, end, speed, example and value labels.

The actions carry the keyboard shortcuts (Home, ←, Space, →, End, V) and are added to the window
so the keys work wherever the focus is; the controller in ``ui.stepper.controller`` connects them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSlider, QSpinBox, QStyle, QToolBar, QToolButton

SPEEDS = (2000, 1400, 1000, 700, 500, 350, 250, 180, 120, 80)   # ms per step, slider 1..10


class StepToolbar(QToolBar):
    """Buttons, speed slider and example selector of the step-through window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("stepToolbar")
        self.window_ = window
        sp = QStyle.StandardPixmap
        self.restart_action = self._action("restartAction", sp.SP_MediaSkipBackward,
                                           Qt.Key.Key_Home)
        self.back_action = self._action("stepBackAction", sp.SP_MediaSeekBackward,
                                        Qt.Key.Key_Left)
        self.play_action = self._action("playAction", sp.SP_MediaPlay, Qt.Key.Key_Space,
                                        checkable=True)
        self.forward_action = self._action("stepForwardAction", sp.SP_MediaSeekForward,
                                           Qt.Key.Key_Right)
        self.end_action = self._action("endAction", sp.SP_MediaSkipForward, Qt.Key.Key_End)
        self.labels_action = self._action("labelsAction", None, Qt.Key.Key_V, checkable=True)
        self.labels_action.setChecked(True)
        self.restart_button = self._button(self.restart_action, "restartButton")
        self.back_button = self._button(self.back_action, "stepBackButton")
        self.play_button = self._button(self.play_action, "playButton")
        self.forward_button = self._button(self.forward_action, "stepForwardButton")
        self.end_button = self._button(self.end_action, "endButton")
        self.addSeparator()
        self.speed_label = QLabel(self)
        self.addWidget(self.speed_label)
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setObjectName("speedSlider")
        self.speed.setRange(1, len(SPEEDS))
        self.speed.setValue(4)
        self.speed.setFixedWidth(140)
        # Tab reaches it (keyboard users can set the speed); a click does not take the arrows.
        self.speed.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.addWidget(self.speed)
        self.addSeparator()
        self.example_label = QLabel(self)
        self.addWidget(self.example_label)
        self.example_spin = QSpinBox(self)
        self.example_spin.setObjectName("exampleSpin")
        self.addWidget(self.example_spin)
        self.example_count_spin = QSpinBox(self)
        self.example_count_spin.setObjectName("exampleCountSpin")
        self.addWidget(self.example_count_spin)
        self.addSeparator()
        self.labels_button = self._button(self.labels_action, "labelsButton")
        self._m = 1
        self._playing = False
        # 0: every word; 1: "K = 3" without "in this step-through"; 2: Restart, Back and End
        # as icons too. Taken only when the words would push buttons into the » menu (presenter
        # mode in Portuguese hid Values and Predict at 1400 px).
        self.tight = 0
        self._fitting = False
        self.retranslate()

    def _action(self, name: str, icon: QStyle.StandardPixmap | None, key: Qt.Key,
                checkable: bool = False) -> QAction:
        action = QAction(self.window_)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(self.window_.style().standardIcon(icon))
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        self.window_.addAction(action)
        return action

    def _button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # keys stay with the stepper
        self.addWidget(button)
        return button

    def interval(self) -> int:
        """Return the chosen playing speed as milliseconds per step."""
        return SPEEDS[self.speed.value() - 1]

    def set_playing(self, playing: bool) -> None:
        """Show the play button as "Pause" while playing."""
        self._playing = playing
        self.play_action.setChecked(playing)
        sp = QStyle.StandardPixmap
        icon = sp.SP_MediaPause if playing else sp.SP_MediaPlay
        self.play_action.setIcon(self.window_.style().standardIcon(icon))
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _fit_play_button(self) -> None:
        """Give the play button the width of its wider text, so the toolbar does not jump
        when Play turns into Pause."""
        button, text = self.play_button, self.play_action.text()
        button.setMinimumWidth(0)
        button.setMaximumWidth(16777215)
        widths = []
        for label in (self.tr("Play"), self.tr("Pause")):
            self.play_action.setText(label)
            widths.append(button.sizeHint().width())
        self.play_action.setText(text)
        button.setFixedWidth(max(widths))

    def set_examples(self, m: int, current: int) -> None:
        """Offer examples 1..m with ``current`` (0-based) selected, without emitting."""
        self._m = max(1, m)
        self.example_spin.blockSignals(True)
        self.example_spin.setRange(1, self._m)
        self.example_spin.setValue(current + 1)
        self.example_spin.setEnabled(m > 1)
        self.example_spin.setSuffix(" " + self.tr("of {m}").replace("{m}", str(self._m)))
        self.example_spin.blockSignals(False)

    def set_example_count(self, count: int, most: int) -> None:
        """Offer K = 1..``most`` examples per step-through with ``count`` chosen, without
        emitting."""
        self.example_count_spin.blockSignals(True)
        self.example_count_spin.setRange(1, max(1, most))
        self.example_count_spin.setValue(count)
        self.example_count_spin.setEnabled(most > 1)
        self.example_count_spin.blockSignals(False)

    def retranslate(self) -> None:
        """Set every text of the toolbar in the current language."""
        texts = {
            self.restart_action: (self.tr("Restart"), self.tr("Back to the first step of this "
                                                              "example (Home)")),
            self.back_action: (self.tr("Back"), self.tr("Previous micro-step (←): the earlier "
                                                        "state is replayed, nothing is undone")),
            self.play_action: (self.tr("Play"), self.tr("Play the steps one after another at "
                                                        "the chosen speed, or pause (Space)")),
            self.forward_action: (self.tr("Next"), self.tr("Next micro-step (→)")),
            self.end_action: (self.tr("End"), self.tr("Jump to the last step, the update (End)")),
            self.labels_action: (self.tr("Values"), self.tr("Show or hide the numbers on the "
                                                            "network (V)")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.set_playing(self._playing)
        self._fit_play_button()
        self.speed_label.setText(" " + self.tr("Speed") + " ")
        tip = self.tr("Playing speed: slow (left) to fast (right)")
        self.speed.setToolTip(tip)
        self.speed.setStatusTip(tip)
        self.example_label.setText(" " + self.tr("Example") + " ")
        tip = self.tr("Which training example to step through")
        self.example_spin.setToolTip(tip)
        self.example_spin.setStatusTip(tip)
        self.example_spin.setSuffix(" " + self.tr("of {m}").replace("{m}", str(self._m)))
        self.example_count_spin.setPrefix(self.tr("K = "))
        self.example_count_spin.setSuffix("" if self.tight else
                                          " " + self.tr("in this step-through"))
        tip = self.tr("Examples in this step-through: the loop runs over K examples from the "
                      "chosen one (wrapping round to example 1), then divides Δ by m = K")
        self.example_count_spin.setToolTip(tip)
        self.example_count_spin.setStatusTip(tip)
        self.setWindowTitle(self.tr("Step"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.fit_width()
        elif event.type() == QEvent.Type.FontChange:   # presenter mode: a larger font
            self._fit_play_button()
            self.fit_width()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_width()

    def fit_width(self) -> None:
        """Use the fewest words that let every button show (see ``tight``)."""
        if self._fitting or self.width() <= 0:
            return
        self._fitting = True
        try:
            for level in range(3):
                self._set_tight(level)
                if self.sizeHint().width() <= self.width():
                    break
        finally:
            self._fitting = False

    def _set_tight(self, level: int) -> None:
        if level == self.tight:
            return
        self.tight = level
        self.retranslate()
        style = (Qt.ToolButtonStyle.ToolButtonIconOnly if level >= 2
                 else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for button in (self.restart_button, self.back_button, self.end_button):
            button.setToolButtonStyle(style)
