"""The architecture editor: how many hidden layers, how many neurons in each, and each one's g.

The input size s(1) and output size s(L) follow the data set and are shown, not edited. The editor
only describes what it wants (``architecture_changed`` with the hidden sizes,
``activations_changed`` with one g per hidden layer); the network controls build the new network
and put it in the shared state.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.activations import HIDDEN_ACTIVATIONS, Activation
from engine.messages import Message
from ui.look.messages import translate_message

MAX_HIDDEN_LAYERS = 6
MAX_NEURONS = 64


class ArchitectureEditor(QWidget):
    """One row per hidden layer 2..L−1 (its neurons and its g) between fixed input and output
    sizes."""

    architecture_changed = Signal(list)     # the new hidden sizes, e.g. [8, 8]
    activations_changed = Signal(list)      # one g per hidden layer, e.g. ["tanh", "relu"]

    def __init__(self, layer_sizes: list[int], activations: Sequence[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("architectureEditor")
        self._inputs, self._outputs = layer_sizes[0], layer_sizes[-1]
        self._hidden = list(layer_sizes[1:-1])
        self._gs = self._fit_activations(activations, len(self._hidden))
        self.summary = QLabel()
        self.summary.setObjectName("architectureSummary")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addLayerButton")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeLayerButton")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        # "Network: 2 → 8 → 1  [+ layer] [− layer]", then a small table with one row per
        # hidden layer (layer, neurons, g): narrow enough for the tab, even with six layers.
        self.row_label = QLabel()           # says "No hidden layer" when the table is empty
        self.headers = [QLabel() for _ in range(3)]
        self._rows = QGridLayout()
        self._rows.setHorizontalSpacing(8)
        self._rows.setVerticalSpacing(2)
        for column, header in enumerate(self.headers):
            self._rows.addWidget(header, 0, column)
        self._rows.setColumnStretch(2, 1)
        self.layer_labels: list[QLabel] = []
        self.spins: list[QSpinBox] = []
        self.g_combos: list[QComboBox] = []
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.row_label)
        layout.addLayout(self._rows)
        self._rebuild_rows()
        self.retranslate()

    # --- reading and setting -------------------------------------------------------------------
    @property
    def hidden_sizes(self) -> list[int]:
        """The hidden layer sizes [s(2), ..., s(L−1)] shown."""
        return list(self._hidden)

    @property
    def layer_sizes(self) -> list[int]:
        """The whole shape [s(1), ..., s(L)]."""
        return [self._inputs, *self._hidden, self._outputs]

    @property
    def activations(self) -> list[str]:
        """The g of each hidden layer [g(2), ..., g(L−1)] shown, by name."""
        return list(self._gs)

    def set_layer_sizes(self, layer_sizes: list[int],
                        activations: Sequence[str] | None = None) -> None:
        """Show ``layer_sizes`` and (if given) one g per hidden layer, from the state, without
        emitting ``architecture_changed`` or ``activations_changed``."""
        self._inputs, self._outputs = layer_sizes[0], layer_sizes[-1]
        hidden = [min(max(s, 1), MAX_NEURONS) for s in layer_sizes[1:-1]][:MAX_HIDDEN_LAYERS]
        gs = self._fit_activations(activations if activations is not None else self._gs,
                                   len(hidden))
        if hidden != self._hidden or len(self.spins) != len(hidden) or gs != self._gs:
            self._hidden, self._gs = hidden, gs
            self._rebuild_rows()
        self.retranslate()

    @staticmethod
    def _fit_activations(names: Sequence[str] | None, count: int) -> list[str]:
        """Return ``count`` names: ``names`` cut, or lengthened with its last (sigmoid if none)."""
        names = [str(n) for n in (names or ())][:count]
        return names + [names[-1] if names else "sigmoid"] * (count - len(names))

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        arrow = " → "
        self.summary.setText(self.tr("Network: %1").replace(
            "%1", arrow.join(str(s) for s in self.layer_sizes)))
        self.summary.setToolTip(self.tr("Neurons per layer, input first. The input and output "
                                        "sizes follow the data set."))
        self.row_label.setText(self.tr("No hidden layer"))
        self.row_label.setVisible(not self._hidden)
        for header, text in zip(self.headers, (self.tr("Layer"), self.tr("Neurons"),
                                               self.tr("Activation g")), strict=True):
            header.setText(text)
            header.setVisible(bool(self._hidden))
        self.add_button.setText(self.tr("+ layer"))
        self.add_button.setToolTip(self.tr("Add a hidden layer (at most %1)").replace(
            "%1", str(MAX_HIDDEN_LAYERS)))
        self.remove_button.setText(self.tr("− layer"))
        self.remove_button.setToolTip(self.tr("Remove the last hidden layer"))
        for b in (self.summary, self.add_button, self.remove_button):
            b.setStatusTip(b.toolTip())
        for i, spin in enumerate(self.spins):
            spin.setToolTip(self.tr("Neurons in layer %1 (1 to %2); changing it draws new "
                                    "random weights").replace("%1", str(i + 2)).replace(
                                        "%2", str(MAX_NEURONS)))
            spin.setStatusTip(spin.toolTip())
        for i, combo in enumerate(self.g_combos):
            for k in range(combo.count()):
                combo.setItemText(k, translate_message(Message(Activation(
                    combo.itemData(k)).label)))
            combo.setToolTip(self.tr("g of layer %1 (changing it draws new random weights)")
                             .replace("%1", str(i + 2)))
            combo.setStatusTip(combo.toolTip())
        self.add_button.setEnabled(len(self._hidden) < MAX_HIDDEN_LAYERS)
        self.remove_button.setEnabled(len(self._hidden) > 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- editing -------------------------------------------------------------------------------
    def _rebuild_rows(self) -> None:
        """Add or remove rows until there is one per hidden layer, then show sizes and g's."""
        while len(self.spins) > len(self._hidden):
            for widget in (self.layer_labels.pop(), self.spins.pop(), self.g_combos.pop()):
                self._rows.removeWidget(widget)
                widget.setObjectName("")     # findChild must not return a box being deleted
                widget.deleteLater()
        while len(self.spins) < len(self._hidden):
            row = len(self.spins)
            label = QLabel(str(row + 2))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin = QSpinBox()
            spin.setObjectName(f"hiddenLayerSpin{row}")
            spin.setRange(1, MAX_NEURONS)
            spin.valueChanged.connect(self._on_spin_value_changed)
            combo = QComboBox()
            combo.setObjectName(f"hiddenLayerActivation{row}")
            for name in HIDDEN_ACTIVATIONS:
                combo.addItem("", name)
            combo.currentIndexChanged.connect(self._on_g_combo_changed)
            for column, widget in enumerate((label, spin, combo)):
                self._rows.addWidget(widget, row + 1, column)
            self.layer_labels.append(label)
            self.spins.append(spin)
            self.g_combos.append(combo)
        for spin, combo, size, g in zip(self.spins, self.g_combos, self._hidden, self._gs,
                                        strict=True):
            with QSignalBlocker(spin), QSignalBlocker(combo):
                spin.setValue(size)
                combo.setCurrentIndex(max(combo.findData(g), 0))

    def _changed(self) -> None:
        self.retranslate()
        self.architecture_changed.emit(list(self._hidden))

    def _on_spin_value_changed(self, _value: int) -> None:
        self._hidden = [s.value() for s in self.spins]
        self._changed()

    def _on_g_combo_changed(self, _index: int) -> None:
        self._gs = [c.currentData() for c in self.g_combos]
        self.activations_changed.emit(list(self._gs))

    def _on_add_button_clicked(self) -> None:
        if len(self._hidden) < MAX_HIDDEN_LAYERS:
            self._hidden.append(self._hidden[-1] if self._hidden else 4)
            self._gs = self._fit_activations(self._gs, len(self._hidden))
            self._rebuild_rows()
            self._changed()

    def _on_remove_button_clicked(self) -> None:
        if self._hidden:
            self._hidden.pop()
            self._gs.pop()
            self._rebuild_rows()
            self._changed()
