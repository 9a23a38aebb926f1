"""The network controls: hidden activation (for all hidden layers, or per layer in the
architecture editor), output, loss, the initialization of the weights and the editor.

Each change builds a new network (new random weights from the training controller's seed, drawn
with the settings' initialization) and puts it in the shared state; pairs the engine would reject
cannot be picked, a note says which d(L) the chosen output and loss give, and another why the
initialization matters.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine import HIDDEN_ACTIVATIONS, LOSSES, OUTPUT_ACTIVATIONS
from engine.activations import Activation
from engine.initializers import INITIALIZERS
from engine.losses import Loss
from engine.messages import Message
from ui.look.messages import translate_message
from ui.state import AppState
from ui.training.architecture_editor import ArchitectureEditor
from ui.training.scheduler import TrainingController

# From this width the four combos sit two by two, so the tab is short enough for the table of
# hidden layers to show in a training dock of a 1280×720 window.
WIDE = 520


def make_combo(name: str, keys: tuple[str, ...]) -> QComboBox:
    """Return a combo box called ``name`` with one (text-less) item per key, the key as data."""
    combo = QComboBox()
    combo.setObjectName(name)
    # Narrower than its longest item if it must be: two combos then fit side by side.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    for key in keys:
        combo.addItem("", key)
    return combo


def select_data(combo: QComboBox, key: object) -> None:
    """Show the item whose data is ``key`` without emitting the combo's signals."""
    with QSignalBlocker(combo):
        combo.setCurrentIndex(max(combo.findData(key), 0))


class NetworkControls(QWidget):
    """Combos for g, the output activation, the loss and the initialization, notes on d(L) and
    on the initialization, and the editor (shape and one g per hidden layer).

    ``choose_activations`` and ``choose_init`` do what picking in the window does, for callers
    such as a comparison of two runs.
    """

    def __init__(self, state: AppState, controller: TrainingController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkControls")
        self.state, self.controller = state, controller
        self.activation_combo = make_combo("activationCombo", HIDDEN_ACTIVATIONS)
        self.output_combo = make_combo("outputCombo", OUTPUT_ACTIVATIONS)
        self.loss_combo = make_combo("lossCombo", LOSSES)
        for combo in (self.activation_combo, self.output_combo, self.loss_combo):
            combo.currentIndexChanged.connect(self._on_function_combo_changed)
        self.function_note = QLabel()
        self.function_note.setObjectName("functionNote")
        self.function_note.setWordWrap(True)
        # activated, not only currentIndexChanged: with one g per layer the combo shows layer
        # 2's, and picking that same name must still set it for every layer.
        self.activation_combo.activated.connect(self._on_activation_combo_activated)
        self.init_combo = make_combo("initCombo", INITIALIZERS)
        self.init_combo.currentIndexChanged.connect(self._on_init_combo_changed)
        self.init_note = QLabel()
        self.init_note.setObjectName("initNote")
        self.init_note.setWordWrap(True)
        # The why of the initialization is three lines: behind a link (and its tooltip) so the
        # tab stays short; the link shows it in place.
        self.init_note.setVisible(False)
        self.init_why = QLabel()
        self.init_why.setObjectName("initWhyLink")
        self.init_why.linkActivated.connect(self._on_init_why_link_activated)
        self.editor = ArchitectureEditor(state.network.layer_sizes,
                                         [str(g) for g in state.network.activations])
        self.editor.architecture_changed.connect(self._on_editor_architecture_changed)
        self.editor.activations_changed.connect(self._on_editor_activations_changed)

        self._labels = [QLabel() for _ in range(4)]      # g, output, loss, initialization
        self._init_box = QWidget()
        init_row = QHBoxLayout(self._init_box)
        init_row.setContentsMargins(0, 0, 0, 0)
        init_row.addWidget(self.init_combo, 1)
        init_row.addWidget(self.init_why)
        self._combos = QGridLayout()
        self._combos.setVerticalSpacing(4)
        self._wide: bool | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(self._combos)
        layout.addWidget(self.init_note)        # under the link that shows it
        layout.addWidget(self.function_note)
        layout.addWidget(self.editor)
        self._arrange(wide=False)
        state.settings_changed.connect(self._on_state_settings_changed)
        self.sync()
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        tr = self.tr
        self.activation_combo.setToolTip(tr("g of every hidden layer (changing it draws new "
                                            "random weights); each layer's own g is in the "
                                            "table below"))
        self.init_combo.setToolTip(tr("How new random weights are drawn (changing it draws "
                                      "them)"))
        self.init_combo.setStatusTip(self.init_combo.toolTip())
        for i, text in enumerate((tr("Uniform ±ε (the notes)"), tr("Xavier (Glorot)"),
                                  tr("He"))):
            self.init_combo.setItemText(i, text)
        self.output_combo.setToolTip(tr("Activation of the output layer L"))
        self.loss_combo.setToolTip(tr("The per-example loss whose mean is the cost J"))
        # The names come from the engine's objects, translated in the engine's context.
        for combo, label_of in ((self.activation_combo, lambda key: Activation(key).label),
                                (self.output_combo, lambda key: Activation(key).label),
                                (self.loss_combo, lambda key: Loss.kind(key).label)):
            for i in range(combo.count()):
                combo.setItemText(i, translate_message(Message(label_of(combo.itemData(i)))))
            combo.setStatusTip(combo.toolTip())
        for label, text, combo in zip(
                self._labels, (tr("g, all hidden layers"), tr("Output"), tr("Loss"),
                               tr("Initial weights")),
                (self.activation_combo, self.output_combo, self.loss_combo, self.init_combo),
                strict=True):
            label.setText(text)
            label.setToolTip(combo.toolTip())
            label.setStatusTip(combo.toolTip())   # the panel copied the old language's tip
        self._update_function_note()
        self._update_init_note()

    def _arrange(self, wide: bool) -> None:
        """Put the four combos two by two (``wide``: g beside the initialization, the output
        beside its loss) or one under the other."""
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._combos
        while grid.count():
            grid.takeAt(0)
        fields = (self.activation_combo, self.output_combo, self.loss_combo, self._init_box)
        for n, k in enumerate((0, 3, 1, 2) if wide else (0, 1, 2, 3)):
            row, pair = (n // 2, n % 2) if wide else (n, 0)
            grid.addWidget(self._labels[k], row, 2 * pair)
            grid.addWidget(fields[k], row, 2 * pair + 1)
        # The initialization's names are the longest ("Uniform ±ε (the notes)") and share their
        # column with the link.
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3 if wide else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._arrange(event.size().width() >= WIDE)
        super().resizeEvent(event)

    def _on_init_why_link_activated(self, _link: str) -> None:
        self.init_note.setVisible(not self.init_note.isVisible())
        self._update_init_why()

    def _update_init_why(self) -> None:
        text = self.tr("Hide") if self.init_note.isVisible() else self.tr("Why?")
        self.init_why.setText(f'<a href="why">{text}</a>')
        self.init_why.setToolTip(self.init_note.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def activation_text(self) -> str:
        """Return the hidden g as the learner reads it: its name, or the names layer by layer
        ("GELU, ELU ×2") when the hidden layers differ."""
        gs = self.state.network.activations
        if len(set(gs)) <= 1:
            return self.activation_combo.currentText()
        # Runs of one g are counted ("sigmoid ×4"), so six layers still fit on the summary line.
        runs: list[list] = []
        for g in gs:
            if runs and runs[-1][0] is g:
                runs[-1][1] += 1
            else:
                runs.append([g, 1])
        return ", ".join(translate_message(Message(g.label)) + (f" ×{n}" if n > 1 else "")
                         for g, n in runs)

    def _output(self) -> Activation:
        return Activation.get(self.output_combo.currentData(), output=True)

    def _loss_kind(self) -> type[Loss]:
        return Loss.kind(self.loss_combo.currentData())

    def _update_function_note(self) -> None:
        output = self._output()
        if not output.gives_probabilities:
            text = self.tr("A linear output gives no probabilities, so the loss is the ½ "
                           "squared error.")
        elif output.is_softmax:
            text = self.tr("Softmax goes with cross-entropy: then d(L) = a(L) − y.")
        elif not self._loss_kind().delta_needs_g_prime:
            text = self.tr("Sigmoid with cross-entropy: d(L) = a(L) − y.")
        else:
            text = self.tr("½ squared error: d(L) = (a(L) − y) ⊙ g′(z(L)).")
        self.function_note.setText(text)

    def _update_init_note(self) -> None:
        init = self.init_combo.currentData()
        if init == "uniform":
            how = self.tr("Every Θ(l)ᵢⱼ, bias too, from U(−ε, ε), ε = √6/√(s(l) + s(l+1)).")
        elif init == "xavier":
            how = self.tr("Weights from N(0, 2/(s(l) + s(l+1))), biases 0.")
        else:
            how = self.tr("Weights from N(0, 2/s(l)), biases 0.")
        self.init_note.setText(how + " " + self.tr(
            "Too small: signals and gradients fade layer by layer; too large: sigmoid and tanh "
            "units saturate. Xavier suits tanh and sigmoid, He suits ReLU."))
        self._update_init_why()

    # --- following the state -------------------------------------------------------------------
    def sync(self) -> None:
        """Show the state's network (its functions and shape) without building a new one."""
        net = self.state.network
        # One g per hidden layer (from a session) shows the first: the combo sets one for all.
        select_data(self.activation_combo, str(net.g))
        select_data(self.output_combo, str(net.output))
        select_data(self.loss_combo, net.loss_name)
        self._enable_compatible()
        self.editor.set_layer_sizes(net.layer_sizes, [str(g) for g in net.activations])
        self._update_function_note()
        self._on_state_settings_changed()

    def _on_state_settings_changed(self) -> None:
        if self.init_combo.currentData() != self.state.settings.init:
            select_data(self.init_combo, self.state.settings.init)
            self._update_init_note()

    def _enable_compatible(self) -> None:
        """Grey out the choices the engine would reject, so no invalid pair can be picked."""
        k = self.state.network.layer_sizes[-1]
        output = self._output()
        out_model = self.output_combo.model()
        for i in range(self.output_combo.count()):
            # A softmax over one output would always say 1.
            out_model.item(i).setEnabled(k > 1 or not Activation(
                self.output_combo.itemData(i)).is_softmax)
        loss_model = self.loss_combo.model()
        for i in range(self.loss_combo.count()):
            loss_model.item(i).setEnabled(Loss.kind(self.loss_combo.itemData(i)).accepts(output))

    # --- commands ------------------------------------------------------------------------------
    def _on_function_combo_changed(self, _index: int) -> None:
        output = self.output_combo.currentData()
        # Move the loss off a pair the engine rejects instead of failing.
        if not self._loss_kind().accepts(self._output()):
            select_data(self.loss_combo, next(name for name in LOSSES
                                              if Loss.kind(name).accepts(self._output())))
        self._enable_compatible()
        self._update_function_note()
        self.state.set_network(self.controller.build_network(
            activation=self.activation_combo.currentData(), output=output,
            loss=self.loss_combo.currentData()))

    def _on_editor_architecture_changed(self, hidden: list[int]) -> None:
        sizes = self.state.network.layer_sizes
        # The editor's g's: a new layer takes the g of the one above it.
        gs = self.editor.activations or self.activation_combo.currentData()
        self.state.set_network(self.controller.build_network([sizes[0], *hidden, sizes[-1]],
                                                             activation=gs))

    def _on_editor_activations_changed(self, names: list[str]) -> None:
        self.choose_activations(names)

    def _on_activation_combo_activated(self, _index: int) -> None:
        if len(set(self.state.network.activations)) > 1:
            self.choose_activations(self.activation_combo.currentData())

    def _on_init_combo_changed(self, _index: int) -> None:
        self.choose_init(self.init_combo.currentData())

    # --- commands others may call ----------------------------------------------------------------
    def choose_activations(self, names: str | Sequence[str]) -> None:
        """Build the network anew (same shape, output, loss and seed) with ``names``: one g for
        every hidden layer, or one per hidden layer; raise ValueError for an unknown name or a
        list of the wrong length."""
        self.state.set_network(self.controller.build_network(activation=names))

    def choose_init(self, init: str) -> None:
        """Make ``init`` (one of engine.initializers.INITIALIZERS) the settings' initialization
        and draw new weights with it from the controller's seed; raise ValueError for another
        name."""
        if init not in INITIALIZERS:
            raise ValueError(f"initialization {init!r}: expected one of "
                             f"{', '.join(INITIALIZERS)}")
        self.state.update_settings(init=init)
        select_data(self.init_combo, init)
        self._update_init_note()
        self.state.set_network(self.controller.build_network(init=init))
