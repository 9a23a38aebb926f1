"""The loss landscape's controls: which plane (two weights, random directions or the path's main
directions), which two weights, the grid's smallest half-width, and the buttons that re-centre
the map or draw new random directions. They edit a ``LandscapeChoice`` and say so."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from engine.lesson.landscape import WeightRef
from engine.lesson.landscape_choice import LandscapeChoice
from engine.lesson.landscape_plane import KINDS
from engine.network import Network


def weight_label(ref: WeightRef) -> str:
    """Return Θ(l)[i, j] as the Θ CSV export names it (i from 1, j = 0 the bias)."""
    return str(ref)


class LandscapeControls(QWidget):
    """Kind, two weights, ± span, Re-centre, New directions and the progress of an evaluation.

    ``choice_changed`` carries the new ``LandscapeChoice``; ``recentre_requested`` asks for the
    map around the weights of now.
    """

    choice_changed = Signal(object)
    recentre_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscapeControls")
        self.choice = LandscapeChoice()
        self._refs: list[WeightRef] = []
        self._network: Network | None = None
        self.kind_label, self.first_label, self.second_label, self.span_label = (
            QLabel() for _ in range(4))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("landscapeKindCombo")
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        # Narrow docks: the combos may be narrower than their longest entry (the list is not).
        policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.kind_combo.setSizeAdjustPolicy(policy)
        self.kind_combo.setMinimumContentsLength(10)
        self.first_combo, self.second_combo = QComboBox(), QComboBox()
        self.first_combo.setObjectName("landscapeFirstCombo")
        self.second_combo.setObjectName("landscapeSecondCombo")
        for combo in (self.first_combo, self.second_combo):
            combo.setSizeAdjustPolicy(policy)
            combo.setMinimumContentsLength(4)
            combo.setMaxVisibleItems(16)
        self.span_spin = QDoubleSpinBox()
        self.span_spin.setObjectName("landscapeSpanSpin")
        self.span_spin.setRange(0.01, 100.0)
        self.span_spin.setDecimals(2)
        self.span_spin.setSingleStep(0.25)
        self.span_spin.setValue(self.choice.span)
        self.span_spin.setLocale(QLocale())
        self.recentre_button = QPushButton()
        self.recentre_button.setObjectName("landscapeRecentreButton")
        self.directions_button = QPushButton()
        self.directions_button.setObjectName("landscapeNewDirectionsButton")
        self.progress = QProgressBar()
        self.progress.setObjectName("landscapeProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        # One control a row beside its label: the dock may be ~200 px narrow (1280×720), and
        # a weight's name must show whole ("Θ(2)[1, 1" was cut when x and y shared a row).
        grid.addWidget(self.kind_label, 0, 0)
        grid.addWidget(self.kind_combo, 0, 1)
        grid.addWidget(self.first_label, 1, 0)
        grid.addWidget(self.first_combo, 1, 1)
        grid.addWidget(self.second_label, 2, 0)
        grid.addWidget(self.second_combo, 2, 1)
        grid.addWidget(self.span_label, 3, 0)
        grid.addWidget(self.span_spin, 3, 1, Qt.AlignmentFlag.AlignLeft)
        # The buttons below, one a row: beside the others they widened the dock (presenter
        # pt-BR: 295 px, leaving the math panel too little).
        grid.addWidget(self.recentre_button, 4, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.directions_button, 5, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.progress, 6, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.kind_combo.activated.connect(self._on_kind_combo_activated)
        self.first_combo.activated.connect(lambda _i: self._on_weight_combo_activated())
        self.second_combo.activated.connect(lambda _i: self._on_weight_combo_activated())
        self.span_spin.editingFinished.connect(self._on_span_spin_editing_finished)
        self.recentre_button.clicked.connect(self.recentre_requested)
        self.directions_button.clicked.connect(self._on_directions_button_clicked)
        self.retranslate()

    # --- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text in the current language."""
        names = {"weights": self.tr("Two weights"),
                 "random": self.tr("Two random directions"),
                 "pca": self.tr("Main directions of the path (PCA)")}
        tips = {"weights": self.tr("J as two chosen weights change, every other weight held "
                                   "where it is"),
                "random": self.tr("J along two random directions through all weights, each "
                                  "neuron's part scaled to its own weights' size "
                                  "(filter-normalized, Li et al. 2018); biases stay"),
                "pca": self.tr("J on the plane in which training moved the most (the two "
                               "principal components of the recorded path)")}
        for k, kind in enumerate(KINDS):
            self.kind_combo.setItemText(k, names[kind])
            self.kind_combo.setItemData(k, tips[kind], Qt.ItemDataRole.ToolTipRole)
        self.kind_label.setText(self.tr("Plane"))
        self.first_label.setText(self.tr("x"))
        self.second_label.setText(self.tr("y"))
        self.span_label.setText(self.tr("±"))
        tip = self.tr("Weights are named as in the Θ CSV export: Θ(l)[i, j] is the weight from "
                      "unit j of layer l (j = 0: the bias unit +1) to unit i of layer l + 1. "
                      "Right-click an edge of the network to pick it.")
        for w in (self.first_combo, self.second_combo, self.first_label, self.second_label):
            w.setToolTip(tip)
        self.span_label.setToolTip(self.tr("The map reaches at least this far from the current "
                                           "weights on each axis, and farther if the training "
                                           "path needs it"))
        self.span_spin.setToolTip(self.tr("The map reaches at least this far from the current "
                                          "weights on each axis, and farther if the training "
                                          "path needs it"))
        self.recentre_button.setText(self.tr("Re-centre"))
        self.recentre_button.setToolTip(self.tr("Evaluate the map again around the weights of "
                                                "now (it follows training by itself when that "
                                                "is quick)"))
        self.directions_button.setText(self.tr("New directions"))
        self.directions_button.setToolTip(self.tr("Draw two other random directions"))
        self.progress.setFormat(self.tr("J: %p %"))
        if self._network is not None:
            self.set_network(self._network)        # the "(bias)" of the weights' names
        else:
            self._sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what is shown ---------------------------------------------------------------------------
    def set_network(self, network: Network) -> None:
        """List the weights of ``network`` in the two combos."""
        sizes = network.layer_sizes
        bias = self.tr(" (bias)")
        self._refs = [WeightRef(l, i, j) for l in range(1, len(sizes))
                      for i in range(1, sizes[l] + 1) for j in range(sizes[l - 1] + 1)]
        for combo in (self.first_combo, self.second_combo):
            combo.blockSignals(True)
            combo.clear()
            for ref in self._refs:
                combo.addItem(weight_label(ref) + (bias if ref.j == 0 else ""))
            # Wide enough for every weight's name (the bias note may be cut: the j = 0 says it).
            combo.setMinimumContentsLength(max((len(weight_label(r)) for r in self._refs),
                                               default=4))
            combo.blockSignals(False)
        self._network = network
        self._sync()

    def set_choice(self, choice: LandscapeChoice) -> None:
        """Show ``choice`` (without emitting)."""
        self.choice = choice
        self._sync()

    def set_progress(self, share: float | None) -> None:
        """Show the share of the map evaluated (None: hide the bar)."""
        self.progress.setVisible(share is not None)
        if share is not None:
            self.progress.setValue(round(100 * share))

    def _sync(self) -> None:
        choice = self.choice
        self.kind_combo.setCurrentIndex(KINDS.index(choice.kind))
        network = self._network
        if network is not None and self._refs:
            first, second = choice.weights_for(network)
            self.first_combo.setCurrentIndex(self._refs.index(first))
            self.second_combo.setCurrentIndex(self._refs.index(second))
        weights = choice.kind == "weights"
        for w in (self.first_combo, self.second_combo, self.first_label, self.second_label):
            w.setEnabled(weights)
        self.directions_button.setVisible(choice.kind == "random")
        self.span_spin.blockSignals(True)
        self.span_spin.setValue(choice.span)
        self.span_spin.blockSignals(False)

    def _change(self, choice: LandscapeChoice) -> None:
        if choice != self.choice:
            self.choice = choice
            self._sync()
            self.choice_changed.emit(choice)

    # --- slots -----------------------------------------------------------------------------------
    def _on_kind_combo_activated(self, index: int) -> None:
        self._change(LandscapeChoice(KINDS[index], self.choice.weights, self.choice.span,
                                     self.choice.seed))

    def _on_weight_combo_activated(self) -> None:
        first = self._refs[self.first_combo.currentIndex()]
        second = self._refs[self.second_combo.currentIndex()]
        if first == second:      # the other one moves aside rather than refusing
            old = self.choice.weights_for(self._network) if self._network else (first, second)
            second = old[0] if old[0] != first else old[1]
        self.pick(first, second)

    def pick(self, first: WeightRef, second: WeightRef) -> None:
        """Show the plane of the weights ``first`` (x) and ``second`` (y)."""
        self._change(LandscapeChoice("weights", (first, second), self.choice.span,
                                     self.choice.seed))

    def _on_span_spin_editing_finished(self) -> None:
        self._change(LandscapeChoice(self.choice.kind, self.choice.weights,
                                     float(self.span_spin.value()), self.choice.seed))

    def _on_directions_button_clicked(self) -> None:
        self._change(LandscapeChoice(self.choice.kind, self.choice.weights, self.choice.span,
                                     self.choice.seed + 1))
