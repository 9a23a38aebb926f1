"""The Compare… dialog: choose the ONE thing a second run changes, and to what.

The choices are the engine's (engine/lesson/comparison.py ``CHANGES``): the hidden activation g,
the learning rate α, the optimizer, the initialization, a classic mistake of the "What if…" menu,
or nothing (a control run, whose curve must lie on this run's). A note says what stays the same.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.activations import HIDDEN_ACTIVATIONS, Activation
from engine.initializers import INITIALIZERS
from engine.lesson.comparison import CHANGES, MISTAKES, Variant
from engine.lesson.presets import suggested_lr
from engine.messages import Message
from engine.mistakes import Mistake
from engine.optimizers import OPTIMIZERS
from ui.look.messages import translate_message


def activation_label(name: str) -> str:
    """Return the activation's short name in the user's language (ReLU, tanh…)."""
    return translate_message(Message(Activation.get(name).label))


def mistake_title(name: str) -> str:
    """Return a switchable mistake's title in the user's language."""
    return translate_message(Message(Mistake(name).title))


class CompareDialog(QDialog):
    """Pick a ``Variant`` for the compared run. ``default`` is pre-selected; ``main`` describes
    the main run: its hidden g, α, optimizer and mistake; ``epoch`` and ``seed`` its counter and
    the seed of its weights (trained already: offer to start both again from that seed)."""

    def __init__(self, default: Variant, g: str, lr: float, optimizer: str,
                 mistake: str | None, epoch: int, seed: int,
                 parent: QWidget | None = None, preset: str = "custom") -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.epoch, self.seed = epoch, seed
        self.main_lr, self.main_optimizer, self.preset = lr, optimizer, preset
        self.change_combo = QComboBox()
        self.change_combo.setObjectName("compareChangeCombo")
        for change in CHANGES:
            self.change_combo.addItem("", change)
        self.activation_combo = self._combo("compareActivationCombo", HIDDEN_ACTIVATIONS)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("compareLrSpin")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(0.0001, 100.0)
        self.lr_spin.setSingleStep(0.01)
        self.optimizer_combo = self._combo("compareOptimizerCombo", OPTIMIZERS)
        # The other optimizer's own α, proposed (suggested_lr) and shown: Adam's steps are about
        # α per weight, so gradient descent's α = 0.5 makes Adam jump about (its cost spiked
        # 0.115 → 0.458 on spirals) and Adam's α = 0.01 makes gradient descent crawl.
        self.optimizer_lr_spin = QDoubleSpinBox()
        self.optimizer_lr_spin.setObjectName("compareOptimizerLrSpin")
        self.optimizer_lr_spin.setDecimals(4)
        self.optimizer_lr_spin.setRange(0.0001, 100.0)
        self.optimizer_lr_spin.setSingleStep(0.01)
        self.optimizer_lr_label = QLabel()
        optimizer_box = QWidget()
        row = QHBoxLayout(optimizer_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.optimizer_combo, 1)
        row.addWidget(self.optimizer_lr_label)
        row.addWidget(self.optimizer_lr_spin)
        self.init_combo = self._combo("compareInitCombo", INITIALIZERS)
        self.mistake_combo = self._combo("compareMistakeCombo", ("", *MISTAKES))
        self.none_label = QLabel()
        self.values = QStackedWidget()
        self.values.setObjectName("compareValues")
        for w in (self.activation_combo, self.lr_spin, optimizer_box, self.init_combo,
                  self.mistake_combo, self.none_label):
            self.values.addWidget(w)
        # Sensible "other" values: whatever the main run does not do already.
        self._pick(self.activation_combo, next(a for a in ("relu", "tanh", "sigmoid") if a != g))
        self.lr_spin.setValue(lr / 10)
        self._pick(self.optimizer_combo, next(o for o in ("adam", "momentum",
                                                          "gradient_descent") if o != optimizer))
        self._pick(self.init_combo, "he")
        self._pick(self.mistake_combo, "update-uphill" if mistake is None else "")
        self._propose_optimizer_lr()
        self._set_default(default)
        self.from_start_check = QCheckBox()
        self.from_start_check.setObjectName("compareFromStartCheck")
        self.from_start_check.setChecked(epoch > 0)
        self.from_start_check.setVisible(epoch > 0)
        self.note = QLabel()
        self.note.setObjectName("compareNote")
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(480)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.change_label, self.value_label = QLabel(), QLabel()
        self.form.addRow(self.change_label, self.change_combo)
        self.form.addRow(self.value_label, self.values)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.from_start_check)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.change_combo.currentIndexChanged.connect(self._on_change_combo_changed)
        self.optimizer_combo.currentIndexChanged.connect(self._on_optimizer_combo_changed)
        self.optimizer_lr_spin.valueChanged.connect(self._update_note)
        self.from_start_check.toggled.connect(self._update_note)
        self.retranslate()
        self._on_change_combo_changed()
        self.adjustSize()

    @staticmethod
    def _combo(name: str, keys: tuple) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for key in keys:
            combo.addItem("", key)
        return combo

    @staticmethod
    def _pick(combo: QComboBox, key: object) -> None:
        i = combo.findData(key)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _set_default(self, default: Variant) -> None:
        self._pick(self.change_combo, default.change)
        value = default.value
        if default.change == "activation":
            self._pick(self.activation_combo, value)
        elif default.change == "lr":
            self.lr_spin.setValue(float(value))
        elif default.change == "optimizer":
            self._pick(self.optimizer_combo, value)
            self._propose_optimizer_lr()
            if default.lr is not None:
                self.optimizer_lr_spin.setValue(default.lr)
        elif default.change == "init":
            self._pick(self.init_combo, value)
        elif default.change == "mistake":
            self._pick(self.mistake_combo, value or "")

    def retranslate(self) -> None:
        """Set every text in the current language."""
        tr = self.tr
        self.setWindowTitle(tr("Compare two runs"))
        for i, text in enumerate((tr("Hidden activation g"), tr("Learning rate α"),
                                  tr("Optimizer"), tr("Initialization"),
                                  tr("A classic mistake (What if…)"),
                                  tr("Nothing (a control run)"))):
            self.change_combo.setItemText(i, text)
        for i in range(self.activation_combo.count()):
            self.activation_combo.setItemText(i, activation_label(
                self.activation_combo.itemData(i)))
        for i, text in enumerate((tr("Gradient descent"), tr("Momentum (β = 0.9)"),
                                  tr("Adam"))):
            self.optimizer_combo.setItemText(i, text)
        for i, text in enumerate((tr("uniform ±ε (the notes)"), tr("Xavier"), tr("He"))):
            self.init_combo.setItemText(i, text)
        for i in range(self.mistake_combo.count()):
            key = self.mistake_combo.itemData(i)
            self.mistake_combo.setItemText(
                i, mistake_title(key) if key else tr("None — the correct algorithm"))
        self.none_label.setText(tr("the same settings: both curves must coincide"))
        self.optimizer_lr_label.setText(tr("with α"))
        self.optimizer_lr_spin.setToolTip(tr("The learning rate the other optimizer trains "
                                             "with; proposed for it, and yours to change"))
        self.change_label.setText(tr("The compared run changes:"))
        self.value_label.setText(tr("to:"))
        self.from_start_check.setText(tr("Start both runs again from the weights of seed %1")
                                      .replace("%1", str(self.seed)))
        self._update_note()

    def _on_change_combo_changed(self) -> None:
        change = self.change_combo.currentData()
        self.values.setCurrentIndex(CHANGES.index(change))
        # New initial weights beside trained ones would compare nothing: start both again.
        if change == "init" and self.epoch > 0:
            self.from_start_check.setChecked(True)
        self.from_start_check.setEnabled(not (change == "init" and self.epoch > 0))
        self._update_note()

    def _propose_optimizer_lr(self) -> None:
        """Put the α that suits the chosen optimizer in its box (the main run's α for its own
        optimizer)."""
        other = self.optimizer_combo.currentData()
        self.optimizer_lr_spin.setValue(
            self.main_lr if other == self.main_optimizer else suggested_lr(other, self.preset))

    def _on_optimizer_combo_changed(self) -> None:
        self._propose_optimizer_lr()
        self._update_note()

    def _update_note(self) -> None:
        tr = self.tr
        change = self.change_combo.currentData()
        if change == "optimizer" and self.optimizer_lr_spin.value() != self.main_lr:
            loc = QLocale()
            first = tr("Both runs start from the same weights. The compared run trains with "
                       "its optimizer's own α = %1 (this run: α = %2): Adam steps about α per "
                       "weight whatever the size of D, so one α cannot suit both. Set the same "
                       "α to change the optimizer alone.").replace(
                "%1", loc.toString(self.optimizer_lr_spin.value(), "g", 4)).replace(
                "%2", loc.toString(self.main_lr, "g", 4))
        elif change == "init":
            first = tr("The compared run draws its own initial weights with the same seed (%1) "
                       "by the rule chosen; everything else is the same.").replace(
                "%1", str(self.seed))
        else:
            first = tr("Both runs start from the same weights; only the one thing chosen "
                       "differs.")
        text = first + " " + tr(
            "They train on the same data with the same mini-batches, epoch by epoch; the cost "
            "and gradient-health plots draw both.")
        if self.epoch > 0 and not self.from_start_check.isChecked():
            text += " " + tr("Both go on from epoch %1, from the weights this run has "
                             "now.").replace("%1", QLocale().toString(self.epoch))
        self.note.setText(text)
        self.note.setMinimumHeight(self.note.heightForWidth(self.note.width() or 480))

    def variant(self) -> Variant:
        """Return the variant chosen."""
        change = self.change_combo.currentData()
        value = {"activation": self.activation_combo.currentData(),
                 "lr": self.lr_spin.value(), "optimizer": self.optimizer_combo.currentData(),
                 "init": self.init_combo.currentData(),
                 "mistake": self.mistake_combo.currentData() or None}.get(change)
        lr = self.optimizer_lr_spin.value()
        if change != "optimizer" or lr == self.main_lr:
            return Variant(change, value)
        return Variant(change, value, lr)

    def from_start(self) -> bool:
        """Return whether both runs start again from the seed's weights."""
        return self.epoch > 0 and self.from_start_check.isChecked()
