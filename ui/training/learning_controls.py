"""The Learning tab: learning rate α (slider and box), regularization λ (L2, the notes' λ, also
written λ₂) and λ₁ (L1), the batch mode, the optimizer and whether the bias weights are kept
fixed.

Every control writes to the shared ``AppState``'s settings and follows them back. Changing the
optimizer takes back the α the learner last used with it, or suggests one that suits it
(``engine.lesson.presets.suggested_lr``), and says so in ``optimizer_note``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QWidget,
)

from engine import OPTIMIZERS
from engine.lesson.presets import suggested_lr
from ui.state import AppState
from ui.training.network_controls import make_combo, select_data

LR_MIN_LOG, LR_MAX_LOG, LR_STEPS = -4.0, 1.0, 500      # the slider spans 10⁻⁴ … 10¹


class LearningControls(QWidget):
    """The learning settings of ``state``; ``optimizer_note`` is placed by the panel."""

    summary_changed = Signal()      # a setting the panel's one-line summary quotes changed

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learningControls")
        self.state = state
        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setObjectName("learningRateSlider")
        self.lr_slider.setRange(0, LR_STEPS)
        self.lr_slider.valueChanged.connect(self._on_lr_slider_value_changed)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setObjectName("learningRateSpin")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(1e-4, 1e6)    # far beyond the slider: divergence is a lesson too
        self.lr_spin.setSingleStep(0.01)
        # Commit on Enter/focus-out: with tracking, "0.2" of "0.25" round-trips through the
        # state, sync() rewrites the text to "0.2000" mid-typing and the "5" is lost.
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(self._on_lr_spin_value_changed)
        self.lambda_spin = QDoubleSpinBox()
        self.lambda_spin.setObjectName("lambdaSpin")
        self.lambda_spin.setDecimals(4)
        self.lambda_spin.setRange(0.0, 100.0)
        self.lambda_spin.setSingleStep(0.01)
        self.lambda_spin.setKeyboardTracking(False)
        self.lambda_spin.valueChanged.connect(self._on_lambda_spin_value_changed)
        self.lambda1_spin = QDoubleSpinBox()
        self.lambda1_spin.setObjectName("lambda1Spin")
        self.lambda1_spin.setDecimals(4)
        self.lambda1_spin.setRange(0.0, 100.0)
        self.lambda1_spin.setSingleStep(0.01)
        self.lambda1_spin.setKeyboardTracking(False)
        self.lambda1_spin.valueChanged.connect(self._on_lambda1_spin_value_changed)
        self.freeze_bias_check = QCheckBox()
        self.freeze_bias_check.setObjectName("freezeBiasCheck")
        self.freeze_bias_check.toggled.connect(self._on_freeze_bias_check_toggled)
        self.batch_combo = make_combo("batchModeCombo", ("full", "mini", "one"))
        self.batch_combo.currentIndexChanged.connect(self._on_batch_changed)
        self.batch_spin = QSpinBox()
        self.batch_spin.setObjectName("batchSizeSpin")
        self.batch_spin.setRange(2, 4096)
        self.batch_spin.setValue(16)
        self.batch_spin.valueChanged.connect(self._on_batch_changed)
        self.optimizer_combo = make_combo("optimizerCombo", OPTIMIZERS)
        self.optimizer_combo.currentIndexChanged.connect(self._on_optimizer_combo_changed)
        self.optimizer_note = QLabel()     # says which α a change of optimizer chose, and why
        self.optimizer_note.setObjectName("optimizerNote")
        self.optimizer_note.setWordWrap(True)
        self.optimizer_note.hide()
        self._note_lr: tuple[str, float, float] | None = None   # (optimizer, old α, new α)
        self._lr_by_optimizer: dict[str, float] = {}    # the α the learner last used with each

        self.learn_form = QFormLayout(self)
        # In a narrow dock (1280×720, presenter, pt-BR) a label goes above its field.
        self.learn_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.lr_slider, 1)
        lr_row.addWidget(self.lr_spin)
        lambda_row = QHBoxLayout()
        lambda_row.addWidget(self.lambda_spin, 1)
        lambda_row.addWidget(self.lambda1_spin, 1)
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.batch_combo, 1)
        batch_row.addWidget(self.batch_spin)
        self._learn_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self._learn_labels, (lr_row, lambda_row, batch_row,
                                                     self.optimizer_combo), strict=True):
            self.learn_form.addRow(label, field)
        self.learn_form.addRow(self.freeze_bias_check)

        state.settings_changed.connect(self.sync)
        self.sync()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        tr = self.tr
        self.lr_slider.setToolTip(tr("Learning rate α on a logarithmic scale, 0.0001 to 10"))
        self.lr_spin.setToolTip(tr("Learning rate α: the step is Θ := Θ − α·D"))
        self.lambda_spin.setToolTip(tr("L2 regularization λ (λ₂): D(l) gets + (λ/m)·Θ(l) for "
                                       "the non-bias weights"))
        self.lambda_spin.setPrefix(tr("λ₂ = "))
        self.lambda1_spin.setToolTip(tr("L1 regularization λ₁: D(l) gets + (λ₁/m)·sign(Θ(l)) "
                                        "for the non-bias weights, pushing small weights to 0"))
        self.lambda1_spin.setPrefix(tr("λ₁ = "))
        self.batch_spin.setToolTip(tr("Examples per mini-batch"))
        self.batch_combo.setToolTip(tr("How many examples each step Θ := Θ − α·D uses"))
        self.optimizer_combo.setToolTip(tr("How the gradients D turn into a step"))
        self.freeze_bias_check.setText(tr("Keep the bias weights fixed"))
        self.freeze_bias_check.setToolTip(tr("Update only the columns j ≥ 1 of every Θ(l), as in "
                                             "Mazur's worked example"))
        texts = {
            self.batch_combo: (tr("Full batch"), tr("Mini-batch of"), tr("One example at a time")),
            self.optimizer_combo: (tr("Gradient descent"), tr("Momentum (β = 0.9)"), tr("Adam")),
        }
        for combo, names in texts.items():
            for i, name in enumerate(names):
                combo.setItemText(i, name)
        for label, text, tip_from in zip(
                self._learn_labels,
                (tr("Learning rate α"), tr("Regularization"), tr("Batch"), tr("Optimizer")),
                (self.lr_spin, self.lambda_spin, self.batch_combo, self.optimizer_combo),
                strict=True):
            label.setText(text)
            label.setToolTip(tip_from.toolTip())
            label.setText(text)
            label.setToolTip(tip_from.toolTip())
        for w in self.findChildren(QWidget):
            if w.toolTip():
                w.setStatusTip(w.toolTip())
        self.update_optimizer_note()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def forget_choices(self) -> None:
        """Forget the α chosen per optimizer and the note about it (a new problem starts
        afresh)."""
        self._note_lr, self._lr_by_optimizer = None, {}
        self.update_optimizer_note()

    def batch_text(self) -> str:
        """Return the batch mode as the summary says it ("Mini-batch of 16")."""
        batch = self.batch_combo.currentText()
        if self.batch_combo.currentData() == "mini":
            batch = f"{batch} {self.batch_spin.value()}"
        return batch

    def update_optimizer_note(self) -> None:
        """Say which α the last change of optimizer chose (hidden when the learner chose it)."""
        if self._note_lr is None:
            self.optimizer_note.hide()
            return
        name, old, new = self._note_lr
        loc = QLocale()
        text = self.tr("α set to %1 (was %2): a step size that suits %3. Change it if you like; "
                       "it is kept for this optimizer.").replace("%1", loc.toString(new, "g", 4)) \
            .replace("%2", loc.toString(old, "g", 4)).replace(
            "%3", self.optimizer_combo.itemText(self.optimizer_combo.findData(name)))
        self.optimizer_note.setText(text)
        self.optimizer_note.show()

    def sync(self) -> None:
        """Show the state's settings."""
        s = self.state.settings
        with QSignalBlocker(self.lr_spin), QSignalBlocker(self.lr_slider):
            self.lr_spin.setValue(s.lr)
            self.lr_slider.setValue(self._lr_to_slider(s.lr))
        with (QSignalBlocker(self.lambda_spin), QSignalBlocker(self.lambda1_spin),
              QSignalBlocker(self.freeze_bias_check)):
            self.lambda_spin.setValue(s.lam)
            self.lambda1_spin.setValue(s.lam1)
            self.freeze_bias_check.setChecked(s.freeze_bias)
        mode = "full" if s.batch_size is None else "one" if s.batch_size == 1 else "mini"
        select_data(self.batch_combo, mode)
        if mode == "mini":
            with QSignalBlocker(self.batch_spin):
                self.batch_spin.setValue(s.batch_size)
        self.batch_spin.setEnabled(mode == "mini")
        select_data(self.optimizer_combo, s.optimizer)
        self.update_optimizer_note()
        self.summary_changed.emit()

    @staticmethod
    def _lr_to_slider(lr: float) -> int:
        t = (math.log10(max(lr, 1e-12)) - LR_MIN_LOG) / (LR_MAX_LOG - LR_MIN_LOG)
        return round(min(max(t, 0.0), 1.0) * LR_STEPS)

    def _on_lr_slider_value_changed(self, value: int) -> None:
        lr = 10 ** (LR_MIN_LOG + (LR_MAX_LOG - LR_MIN_LOG) * value / LR_STEPS)
        lr = float(f"{lr:.2g}")         # round numbers a student can read: 0.03, not 0.0298
        with QSignalBlocker(self.lr_spin):
            self.lr_spin.setValue(lr)
        self._note_lr = None
        self.state.update_settings(lr=lr)

    def _on_lr_spin_value_changed(self, value: float) -> None:
        self._note_lr = None
        with QSignalBlocker(self.lr_slider):
            self.lr_slider.setValue(self._lr_to_slider(value))
        self.state.update_settings(lr=float(value))

    def _on_freeze_bias_check_toggled(self, on: bool) -> None:
        self.state.update_settings(freeze_bias=bool(on))

    def _on_lambda_spin_value_changed(self, value: float) -> None:
        self.state.update_settings(lam=float(value))

    def _on_lambda1_spin_value_changed(self, value: float) -> None:
        self.state.update_settings(lam1=float(value))

    def _on_batch_changed(self, *_: object) -> None:
        mode = self.batch_combo.currentData()
        self.batch_spin.setEnabled(mode == "mini")
        size = None if mode == "full" else 1 if mode == "one" else self.batch_spin.value()
        self.state.update_settings(batch_size=size)

    def _on_optimizer_combo_changed(self, _index: int) -> None:
        s, new = self.state.settings, self.optimizer_combo.currentData()
        # One α does not suit every optimizer (α = 0.5 sends Adam's first steps half a unit
        # along every weight): take back the α the learner last used with this one, or suggest.
        self._lr_by_optimizer[s.optimizer] = s.lr
        lr = self._lr_by_optimizer.get(new, suggested_lr(new, self.state.preset))
        self._note_lr = (new, s.lr, lr) if lr != s.lr else None
        self.state.update_settings(optimizer=new, lr=lr)
        self.update_optimizer_note()
