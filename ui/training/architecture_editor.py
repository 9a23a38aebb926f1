"""The architecture editor: how many hidden layers, and how many neurons in each.

The input size s(1) and output size s(L) follow the data set and are shown, not edited. The editor
only describes the shape it wants (``architecture_changed`` with the hidden sizes); the training
panel builds the new network and puts it in the shared state.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_HIDDEN_LAYERS = 6
MAX_NEURONS = 64


class ArchitectureEditor(QWidget):
    """Spin boxes for the hidden layers 2..L−1 between fixed input and output sizes."""

    architecture_changed = Signal(list)     # the new hidden sizes, e.g. [8, 8]

    def __init__(self, layer_sizes: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("architectureEditor")
        self._inputs, self._outputs = layer_sizes[0], layer_sizes[-1]
        self._hidden = list(layer_sizes[1:-1])
        self.summary = QLabel()
        self.summary.setObjectName("architectureSummary")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addLayerButton")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeLayerButton")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        # Two short rows ("Network: 2 → 8 → 1  [+ layer] [− layer]", then one spin box per
        # hidden layer) keep the editor small enough for a tab, even with six layers.
        self.row_label = QLabel()
        self._rows = QHBoxLayout()
        self._rows.setSpacing(4)
        self.spins: list[QSpinBox] = []
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        row = QHBoxLayout()
        row.addWidget(self.row_label)
        row.addLayout(self._rows)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(row)
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

    def set_layer_sizes(self, layer_sizes: list[int]) -> None:
        """Show ``layer_sizes`` (from the state) without emitting ``architecture_changed``."""
        self._inputs, self._outputs = layer_sizes[0], layer_sizes[-1]
        hidden = [min(max(s, 1), MAX_NEURONS) for s in layer_sizes[1:-1]][:MAX_HIDDEN_LAYERS]
        if hidden != self._hidden or len(self.spins) != len(hidden):
            self._hidden = hidden
            self._rebuild_rows()
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        arrow = " → "
        self.summary.setText(self.tr("Network: %1").replace(
            "%1", arrow.join(str(s) for s in self.layer_sizes)))
        self.summary.setToolTip(self.tr("Neurons per layer, input first. The input and output "
                                        "sizes follow the data set."))
        self.row_label.setText(self.tr("Neurons per hidden layer:") if self._hidden
                               else self.tr("No hidden layer"))
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
        self.add_button.setEnabled(len(self._hidden) < MAX_HIDDEN_LAYERS)
        self.remove_button.setEnabled(len(self._hidden) > 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- editing -------------------------------------------------------------------------------
    def _rebuild_rows(self) -> None:
        """Add or remove spin boxes until there is one per hidden layer, then show the sizes."""
        while len(self.spins) > len(self._hidden):
            spin = self.spins.pop()
            self._rows.removeWidget(spin)
            spin.setObjectName("")         # findChild must not return a box being deleted
            spin.deleteLater()
        while len(self.spins) < len(self._hidden):
            spin = QSpinBox()
            spin.setObjectName(f"hiddenLayerSpin{len(self.spins)}")
            spin.setRange(1, MAX_NEURONS)
            spin.valueChanged.connect(self._on_spin_value_changed)
            self._rows.addWidget(spin)
            self.spins.append(spin)
        for spin, size in zip(self.spins, self._hidden, strict=True):
            with QSignalBlocker(spin):
                spin.setValue(size)

    def _changed(self) -> None:
        self.retranslate()
        self.architecture_changed.emit(list(self._hidden))

    def _on_spin_value_changed(self, _value: int) -> None:
        self._hidden = [s.value() for s in self.spins]
        self._changed()

    def _on_add_button_clicked(self) -> None:
        if len(self._hidden) < MAX_HIDDEN_LAYERS:
            self._hidden.append(self._hidden[-1] if self._hidden else 4)
            self._rebuild_rows()
            self._changed()

    def _on_remove_button_clicked(self) -> None:
        if self._hidden:
            self._hidden.pop()
            self._rebuild_rows()
            self._changed()
