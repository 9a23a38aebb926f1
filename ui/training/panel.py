"""The training panel: Train/Pause, one epoch, reset, the learning settings, the network's shape
and the data set; ``install`` puts it, the loss plot and the decision boundary in docks.

Every control writes to the shared ``AppState`` (settings, network, data) and the panel follows
the state back, so a session loaded from a file or a weight edited in the stepper shows here too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.datasets import load
from engine.features import FeatureSet, takes_features, with_features
from engine.lesson.presets import Article, data_article, output_for, settings_for
from ui.look import dock_titles
from ui.look.messages import translate_message
from ui.look.palette import Theme
from ui.look.steady_label import SteadyLabel
from ui.look.theme import current_theme
from ui.state import AppState
from ui.training.button_row import ButtonRow
from ui.training.data_controls import DataControls
from ui.training.learning_controls import LearningControls
from ui.training.network_controls import NetworkControls
from ui.training.scheduler import TrainingController


class TrainingPanel(QWidget):
    """Controls for ``controller`` (training) and ``state`` (settings, network shape, data)."""

    def __init__(self, state: AppState, controller: TrainingController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.state, self.controller = state, controller
        self._speed = 0.0
        self._message_key = ""
        self._restored_epoch = 0
        self.docks: list[QDockWidget] = []      # set by install(): their titles follow the language

        # --- run ---
        self.train_button = QPushButton()
        self.train_button.setObjectName("trainButton")
        self.train_button.clicked.connect(controller.toggle)
        self.epoch_button = QPushButton()
        self.epoch_button.setObjectName("epochButton")
        self.epoch_button.clicked.connect(self._on_epoch_button_clicked)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetButton")
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        # On an article's example, Reset offers its weights back as well as random ones.
        self.reset_menu = QMenu(self.reset_button)
        self.reset_menu.setObjectName("resetMenu")
        self.reset_random_action = self.reset_menu.addAction("")
        self.reset_random_action.setObjectName("resetRandomAction")
        self.reset_random_action.triggered.connect(self._on_reset_button_clicked)
        self.reset_article_action = self.reset_menu.addAction("")
        self.reset_article_action.setObjectName("resetArticleAction")
        self.reset_article_action.triggered.connect(self._on_reset_article_action_triggered)
        # Counters change at every redraw while training: they ask for no layout each time.
        self.epoch_label = SteadyLabel()
        self.epoch_label.setObjectName("epochLabel")
        self.speed_label = SteadyLabel()
        self.speed_label.setObjectName("speedLabel")
        self.seed_label = QLabel()
        self.seed_label.setObjectName("seedLabel")
        self.seed_label.setWordWrap(True)      # a narrow dock wraps it instead of widening
        self.summary_label = QLabel()       # the whole set-up at a glance, whatever tab is open
        self.summary_label.setObjectName("setupSummary")
        self.summary_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("trainingMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.set_theme(current_theme())

        # --- learning: α, λ, batch, optimizer (the controls' names stay reachable here) ---
        self.learning = LearningControls(state)
        for name in ("lr_slider", "lr_spin", "lambda_spin", "freeze_bias_check", "batch_combo",
                     "batch_spin", "optimizer_combo", "optimizer_note"):
            setattr(self, name, getattr(self.learning, name))
        self.learning.summary_changed.connect(self._update_summary)

        # --- network, data ---
        self.network_controls = NetworkControls(state, controller)

        self.data = DataControls(state)
        self.data.data_requested.connect(self._on_data_requested)
        self.data.features_requested.connect(self._on_data_features_requested)

        self._build_layout()
        controller.running_changed.connect(self._on_controller_running_changed)
        controller.epoch_finished.connect(self._on_controller_epoch_finished)
        controller.speed_changed.connect(self._on_controller_speed_changed)
        controller.diverged.connect(self._on_controller_diverged)
        controller.failed.connect(self._on_controller_failed)
        state.settings_changed.connect(self._update_summary)
        state.network_changed.connect(self._sync_network)
        state.data_changed.connect(self._sync_network)
        state.data_changed.connect(self._retitle_cost_dock)
        # A message about the old data or network would be false about the new ones.
        state.network_changed.connect(self._clear_message)
        state.data_changed.connect(self._clear_message)
        self._sync_network()
        self.retranslate()

    def _build_layout(self) -> None:
        self.run_box = QWidget()
        # Others (Compare…) may join the row: one row when the dock is wide enough.
        self.run_row = ButtonRow()
        for b in (self.train_button, self.epoch_button, self.reset_button):
            self.run_row.add(b)
        run = QVBoxLayout(self.run_box)
        run.setContentsMargins(0, 0, 0, 0)
        run.addWidget(self.run_row)
        # The epoch and where the weights came from share a line (at 1280×720 every line
        # here is one row of controls fewer in view); the speed sits beside the tabs, where
        # it takes no line and its coming and going while training moves nothing.
        counters = QHBoxLayout()
        counters.addWidget(self.epoch_label)
        counters.addSpacing(12)
        counters.addWidget(self.seed_label, 1)
        run.addLayout(counters)
        run.addWidget(self.summary_label)
        run.addWidget(self.optimizer_note)
        run.addWidget(self.message_label)

        # Tabs keep the panel short, so the boundary and the cost plot fit in the same column.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("trainingTabs")
        for page in (self.data, self.network_controls, self.learning):
            self.tabs.addTab(page, "")
        self.tabs.setCornerWidget(self.speed_label, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_box)
        layout.addWidget(self.tabs)
        layout.addStretch(1)

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        tr = self.tr
        for i, title in enumerate((tr("Data"), tr("Network"), tr("Learning"))):
            self.tabs.setTabText(i, title)
        self._update_train_button()
        self.epoch_button.setText(tr("One epoch"))
        self.epoch_button.setToolTip(tr("Train one pass over all training examples"))
        self.reset_button.setText(tr("Reset weights"))
        self._update_reset_button()
        self.reset_random_action.setText(tr("Random weights (next seed)"))
        self.reset_article_action.setText(tr("The article's weights"))
        for w in self.findChildren(QWidget):
            if w.toolTip():
                w.setStatusTip(w.toolTip())
        # The middle dock is the data plot's: it says itself which plot it shows (data_plot.py).
        for dock, titles in zip(self.docks, ((tr("Training"), tr("Training")), None),
                                strict=False):
            if titles is not None:
                dock_titles.set_titles(dock, *titles)
        self._retitle_cost_dock()
        # The summary quotes the child controls' combo texts, and a parent gets LanguageChange
        # before its children: bring theirs up to date first (they do it again, harmlessly).
        self.data.retranslate()
        self.network_controls.retranslate()
        self.learning.retranslate()
        self._update_counters()
        self._refresh_message()

    def _retitle_cost_dock(self) -> None:
        # Regression targets have no accuracy: the dock shows the RMSE instead (loss_plot.py).
        if len(self.docks) < 3:
            return
        full = (self.tr("Cost and accuracy") if self.controller.is_classification()
                else self.tr("Cost and RMSE"))
        dock_titles.set_titles(self.docks[2], self.tr("Cost", "dock tab"), full)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        """Recolour the divergence message for ``theme`` (called by ui.look.theme)."""
        self.message_label.setStyleSheet(
            f"color: {theme.highlight}; font-weight: bold; background: {theme.note_background};"
            " padding: 4px;")

    def _update_train_button(self) -> None:
        running = self.controller.running
        self.train_button.setText(self.tr("Pause") if running else self.tr("Train"))
        self.train_button.setToolTip(
            self.tr("Pause training; you can then step through one example with these weights")
            if running else self.tr("Train continuously; the plots and the network update live"))
        self.epoch_button.setEnabled(not running)

    def _update_counters(self) -> None:
        loc = QLocale()
        self.epoch_label.setText(self.tr("Epoch %1").replace(
            "%1", loc.toString(self.controller.epoch)))
        self.speed_label.setText(self.tr("%1 examples/s").replace(
            "%1", loc.toString(round(self._speed))) if self._speed > 0 else "")
        self.seed_label.setText(
            self.tr("Initial weights from Mazur's article") if self.controller.article_weights
            else self.tr("Initial weights from seed %1").replace("%1", str(self.controller.seed)))
        self._update_summary()

    def _update_summary(self) -> None:
        sizes = " → ".join(str(n) for n in self.state.network.layer_sizes)
        batch = self.learning.batch_text()
        parts = [self.data.combo.currentText(), sizes,
                 self.tr("g = %1").replace(
                     "%1", self.network_controls.activation_text()),
                 self.tr("α = %1").replace("%1", QLocale().toString(self.state.settings.lr, "g",
                                                                    4)),
                 batch, self.optimizer_combo.currentText()]
        if self.state.settings.freeze_bias:
            # Mazur's preset sets it and it outlives a change of data set: never leave it hidden
            # in the Learning tab.
            parts.append(self.tr("bias weights fixed"))
        self.summary_label.setText(" · ".join(parts))

    def _update_reset_button(self) -> None:
        article = self._article() is not None
        self.reset_button.setMenu(self.reset_menu if article else None)
        self.reset_button.setToolTip(
            self.tr("Start again from the article's weights or from random ones; the history "
                    "starts again") if article else
            self.tr("Draw new random initial weights from the next seed; the history starts "
                    "again"))
        self.reset_button.setStatusTip(self.reset_button.toolTip())

    def _refresh_message(self) -> None:
        if self._message_key and self._restored_epoch < 0:
            self.message_label.setText(self.tr("Training cannot run on this data: %1").replace(
                "%1", self._message_key))
        elif self._message_key:
            # The trainer's one account: why it ran away and the epoch everything is back at
            # (translated again when the language changes).
            divergence = self.controller.divergence
            self.message_label.setText(self._message_key if divergence is None
                                       else translate_message(divergence.cause))

    # --- following the state -------------------------------------------------------------------
    def _sync_network(self) -> None:
        self.network_controls.sync()
        self.data.sync()
        self._update_reset_button()
        self._update_counters()

    def _article(self) -> Article | None:
        """Return the article whose example the state holds, if its weights fit the network."""
        article = data_article(self.state.preset, self.state.dataset)
        shapes = [t.shape for t in self.state.network.thetas]
        if article is None or shapes != [t.shape for t in article.thetas]:
            return None
        return article

    # --- commands ------------------------------------------------------------------------------
    def _on_data_requested(self, name: str, seed: int, noise: float, test_ratio: float) -> None:
        ds = load(name, seed=seed, noise=noise, test_ratio=test_ratio)
        if takes_features(ds):      # points of a plane: fed through the features ticked
            ds = with_features(ds, self.data.features())
        net, old = self.state.network, self.state.dataset
        same_sizes = [ds.n_inputs, ds.n_outputs] == [net.layer_sizes[0], net.layer_sizes[-1]]
        if same_sizes and old is not None and old.name == name:
            # A new sample of the same problem (Regenerate, noise, split): keep what was learnt.
            self.state.set_data(ds.X_train, ds.Y_train, ds)
            return
        # Another problem starts from fresh weights, as a lesson would; the shape is kept.
        output, loss = net.output, net.loss_name
        # A numeric target needs a linear output: a sigmoid could not reach y outside (0, 1).
        if not same_sizes or (ds.task == "regression" and net.g_out.gives_probabilities):
            output, loss = output_for(ds)
        hidden = self.network_controls.editor.hidden_sizes
        new = self.controller.build_network([ds.n_inputs, *hidden, ds.n_outputs],
                                            output=output, loss=loss)
        # Another problem is another preset: its settings, and defaults for the rest, so that
        # nothing of the one left behind (Mazur's fixed biases) comes along.
        self.state.preset = name
        self.learning.forget_choices()
        self.state.update_settings(**settings_for(name).as_dict())
        self.state.set_problem(new, ds.X_train, ds.Y_train, ds)

    def _on_data_features_requested(self, features: FeatureSet) -> None:
        """Feed the data's points through ``features``: a new input layer of s(1) = k neurons
        with fresh weights; the hidden layers, output and settings stay."""
        ds = self.state.dataset
        if not takes_features(ds):
            return
        ds = with_features(ds, features)
        self.controller.pause()
        net = self.state.network
        new = self.controller.build_network([ds.n_inputs, *net.layer_sizes[1:]])
        self.state.set_problem(new, ds.X_train, ds.Y_train, ds)

    def _on_epoch_button_clicked(self) -> None:
        self.controller.train_epochs(1)

    def _on_reset_button_clicked(self) -> None:
        self.controller.reset_weights()
        self._clear_message()

    def _on_reset_article_action_triggered(self) -> None:
        article = self._article()
        if article is not None:
            self.controller.pause()
            self.controller.article_weights = True     # the seed label credits the article
            self.state.set_network(article.network())
            self._clear_message()

    # --- following the controller --------------------------------------------------------------
    def _on_controller_running_changed(self, running: bool) -> None:
        self._update_train_button()
        if running:
            self._clear_message()

    def _on_controller_epoch_finished(self, _epoch: int) -> None:
        self._update_counters()

    def _on_controller_speed_changed(self, speed: float) -> None:
        self._speed = speed
        self._update_counters()

    def _on_controller_diverged(self, detail: str, restored_epoch: int) -> None:
        self._message_key = detail
        self._restored_epoch = restored_epoch
        self._refresh_message()
        self.message_label.show()
        self._update_train_button()

    def _on_controller_failed(self, detail: str) -> None:
        self._message_key, self._restored_epoch = detail, -1
        self._refresh_message()
        self.message_label.show()
        self._update_train_button()

    def _clear_message(self) -> None:
        self._message_key = ""
        self.message_label.hide()
