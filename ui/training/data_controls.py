"""The data set picker: which data set, its noise and train/test split, Regenerate, and the
network's input features for data of a plane (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂).

The controls only ask for data (``data_requested``) or features (``features_requested``); the
training panel loads it and puts it in the shared state, building a new network when the input
or output size changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.datasets import DATASETS, SHIPPED, TABLES
from engine.features import FEATURES, FeatureSet, features_of, takes_features
from engine.lesson.presets import data_article
from engine.messages import Message
from ui.look.messages import translate_message
from ui.state import AppState

CUSTOM = ""     # combo data of the entry shown for data that did not come from the picker
FEATURE_COLUMNS = 4   # two rows: x₁ x₂ x₁² x₂² / x₁x₂ sin x₁ sin x₂


class DataControls(QWidget):
    """Data set, noise, test share, Regenerate and input features;
    ``data_requested(name, seed, noise, ratio)``, ``features_requested(FeatureSet)``."""

    # object, not int: a seed from a file may pass 2³¹ (a Qt int signal would overflow).
    data_requested = Signal(str, object, float, float)
    features_requested = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataControls")
        self.state = state
        self.data_seed = int(state.seed)
        self.combo = QComboBox()
        self.combo.setObjectName("datasetCombo")
        self.combo.addItem("", CUSTOM)
        for name in DATASETS:
            self.combo.addItem("", name)
        self.combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        # Narrower than its longest name if the dock is (the list shows them whole).
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setObjectName("noiseSpin")
        self.noise_spin.setRange(0.0, 1.0)
        self.noise_spin.setSingleStep(0.05)
        self.noise_spin.setDecimals(2)
        self.noise_spin.setValue(0.1)
        self.noise_spin.setKeyboardTracking(False)     # arrows and Enter commit, not each key
        self.noise_spin.valueChanged.connect(self._request)
        self.ratio_spin = QDoubleSpinBox()
        self.ratio_spin.setObjectName("testRatioSpin")
        self.ratio_spin.setRange(0.0, 90.0)
        self.ratio_spin.setSingleStep(5.0)
        self.ratio_spin.setDecimals(0)
        self.ratio_spin.setValue(20.0)
        self.ratio_spin.setKeyboardTracking(False)     # arrows and Enter commit, not each key
        self.ratio_spin.valueChanged.connect(self._request)
        self.regenerate_button = QPushButton()
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.clicked.connect(self._on_regenerate_button_clicked)
        self.info = QLabel()
        self.info.setObjectName("dataInfo")
        self.info.setWordWrap(True)
        # One checkbox per feature, named for it (featureCheck_x1sq); x₁, x₂ until chosen.
        self.feature_checks: dict[str, QCheckBox] = {}
        features = QGridLayout()
        features.setContentsMargins(0, 0, 0, 0)
        features.setHorizontalSpacing(8)
        features.setVerticalSpacing(0)
        for i, f in enumerate(FEATURES):
            box = QCheckBox()
            box.setObjectName(f"featureCheck_{f.name}")
            box.setChecked(f.name in FeatureSet().names)
            box.toggled.connect(self._on_feature_check_toggled)
            features.addWidget(box, i // FEATURE_COLUMNS, i % FEATURE_COLUMNS)
            self.feature_checks[f.name] = box

        self.form = QFormLayout(self)
        # In a narrow dock (1280×720, presenter, pt-BR) a label goes above its field.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels = [QLabel() for _ in range(3)]
        data_row = QHBoxLayout()
        data_row.addWidget(self.combo, 1)
        data_row.addWidget(self.regenerate_button)
        self.form.addRow(self._labels[0], data_row)
        # Noise and the test share share a row (the spin reads "20 % test"); Regenerate goes
        # beside the data set (three in a row made the tab wider than a 1280 px window's dock).
        row = QHBoxLayout()
        row.addWidget(self.noise_spin, 1)
        row.addWidget(self.ratio_spin, 1)
        self.form.addRow(self._labels[1], row)
        # For data that is not of a plane the boxes would claim inputs the network lacks: one
        # line says where features can be chosen instead.
        self.feature_boxes = QWidget()
        self.feature_boxes.setObjectName("featureBoxes")
        self.feature_boxes.setLayout(features)
        self.feature_note = QLabel()
        self.feature_note.setObjectName("featureNote")
        self.feature_note.setWordWrap(True)
        field = QVBoxLayout()
        field.setContentsMargins(0, 0, 0, 0)
        field.addWidget(self.feature_boxes)
        field.addWidget(self.feature_note)
        self.form.addRow(self._labels[2], field)
        self.form.addRow(self.info)
        self.sync()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text (called again when the language changes)."""
        tr = self.tr
        ds = self.state.dataset
        if data_article(self.state.preset, ds) is not None:
            custom = tr("Mazur's worked example")
        elif ds is not None and ds.source == "csv":   # imported: name it by its file
            custom = tr("File “%1”").replace("%1", ds.name)
        else:
            custom = tr("(current data)")
        names = {CUSTOM: custom, "xor": tr("XOR"),
                 "xor-table": tr("XOR truth table (4 examples)"), "and": tr("AND"),
                 "or": tr("OR"), "circles": tr("Circles"), "moons": tr("Two moons"),
                 "spirals": tr("Two spirals"), "blobs": tr("Three blobs (3 classes)"),
                 "iris": tr("Iris flowers (4 features, 3 classes)"),
                 "digits": tr("Handwritten digits 8×8 (64 features, 10 classes)"),
                 "sin": tr("y = sin x (1 feature, regression)"),
                 "abs": tr("y = |x| (1 feature, regression)"),
                 "step": tr("A step (1 feature, regression)"),
                 "cubic": tr("Cubic y = 4x³ − 3x (1 feature, regression)")}
        for i in range(self.combo.count()):
            self.combo.setItemText(i, names[self.combo.itemData(i)])
        self.combo.setToolTip(tr("The examples to learn from; changing the number of inputs or "
                                 "outputs draws a new network"))
        self.noise_spin.setToolTip(tr("Standard deviation of the Gaussian noise added to the "
                                      "generated points"))
        self.ratio_spin.setSuffix(tr(" % test"))
        self.ratio_spin.setToolTip(tr("Share of the examples held out as a test set: never "
                                      "trained on, shown as hollow markers and a dashed curve"))
        self.regenerate_button.setText(tr("Regenerate"))
        self.regenerate_button.setToolTip(tr("Draw a new sample of this data set (next data seed)"))
        plane = takes_features(self.state.dataset)
        tip = (tr("The network's inputs, computed from each point (x₁, x₂): each feature ticked "
                  "is one input neuron; at least one stays on") if plane else
               tr("Input features are for data sets of points of a plane (two features)"))
        for f in FEATURES:
            box = self.feature_checks[f.name]
            box.setText(translate_message(Message(f.label)))
            box.setToolTip(tip)
        for w in (self.combo, self.noise_spin, self.ratio_spin, self.regenerate_button,
                  *self.feature_checks.values()):
            w.setStatusTip(w.toolTip())
        for label, text in zip(self._labels, (tr("Data set"), tr("Noise"), tr("Inputs")),
                               strict=True):
            label.setText(text)
        self.ratio_spin.setAccessibleName(tr("Test set"))
        self.feature_note.setText(tr("Crossed features (x₁², x₁x₂, …) only for points of a "
                                     "plane (x₁, x₂), such as XOR"))
        self._labels[2].setToolTip(tip)
        self._labels[2].setStatusTip(tip)
        self._update_info()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sync(self) -> None:
        """Show the state's data set (its name, noise, split) without asking for new data."""
        ds = self.state.dataset
        name = ds.name if ds is not None and ds.name in DATASETS else CUSTOM
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(self.combo.findData(name), 0))
        if ds is not None:
            with QSignalBlocker(self.noise_spin), QSignalBlocker(self.ratio_spin):
                self.noise_spin.setValue(float(ds.params.get("noise", self.noise_spin.value())))
                self.ratio_spin.setValue(100 * float(ds.params.get("test_ratio", 0.2)))
            seed = ds.params.get("seed")
            if seed is not None:
                self.data_seed = int(seed)
        generated = name not in (CUSTOM, *SHIPPED, *TABLES)
        self.noise_spin.setEnabled(generated)
        self.regenerate_button.setEnabled(name != CUSTOM)
        self.ratio_spin.setEnabled(name not in (CUSTOM, *TABLES))
        self._sync_features()
        self.retranslate()  # the "current data" entry names what it holds (e.g. Mazur's example)

    def features(self) -> FeatureSet:
        """Return the features ticked (the ones a new data set of points is fed through)."""
        return FeatureSet(tuple(n for n, box in self.feature_checks.items() if box.isChecked()))

    def _sync_features(self) -> None:
        """Tick the state's features (x₁, x₂ for plain points); other data keep the choice
        for the next data set of points, greyed out."""
        ds = self.state.dataset
        plane = takes_features(ds)
        if plane:
            chosen = (features_of(ds) or FeatureSet()).names
            for name, box in self.feature_checks.items():
                with QSignalBlocker(box):
                    box.setChecked(name in chosen)
        self.feature_boxes.setHidden(not plane)
        self.feature_note.setHidden(plane)
        ticked = [box for box in self.feature_checks.values() if box.isChecked()]
        for box in self.feature_checks.values():
            # The last feature ticked cannot be unticked: a network needs an input.
            box.setEnabled(plane and not (len(ticked) == 1 and box is ticked[0]))

    def _on_feature_check_toggled(self, _checked: bool) -> None:
        chosen = self.features() if any(b.isChecked() for b in self.feature_checks.values()) \
            else None
        if chosen is None or chosen == (features_of(self.state.dataset) or FeatureSet()):
            self._sync_features()
            return
        self.features_requested.emit(chosen)
        self._sync_features()

    def _update_info(self) -> None:
        loc = QLocale()
        m_train = self.state.X.shape[0]
        ds = self.state.dataset
        m_test = ds.X_test.shape[0] if ds is not None else 0
        n = self.state.X.shape[1]
        text = (self.tr("%1 training and %2 test examples, 1 feature, data seed %4") if n == 1
                else self.tr("%1 training and %2 test examples, %3 features, data seed %4"))
        self.info.setText(text
                          .replace("%1", loc.toString(m_train)).replace("%2", loc.toString(m_test))
                          .replace("%3", loc.toString(self.state.X.shape[1]))
                          .replace("%4", str(self.data_seed)))

    def _request(self, *_: object) -> None:
        name = self.combo.currentData()
        if name == CUSTOM:
            return
        params = self.state.dataset.params if self.state.dataset is not None else {}
        noise, ratio = self.noise_spin.value(), self.ratio_spin.value() / 100.0
        same = (self.state.dataset is not None and self.state.dataset.name == name
                and params.get("seed") == self.data_seed
                and abs(params.get("noise", noise) - noise) < 1e-12
                and abs(params.get("test_ratio", ratio) - ratio) < 1e-12)
        if not same:
            self.data_requested.emit(name, self.data_seed, noise, ratio)

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self._request()

    def _on_regenerate_button_clicked(self) -> None:
        self.data_seed += 1
        self._request()
