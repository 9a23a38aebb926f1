"""The "Import data set from CSV" dialog: choose the label column and options, see the result.

Every change re-runs ``engine.files.csv_import.import_csv`` on the file's text and shows either a
summary
(examples, features, classes) or the importer's message naming the line and reason; OK is only
enabled when the import succeeds, so nothing is ever half-imported.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.datasets import Dataset
from engine.files.csv_import import CsvImportError, import_csv, read_table
from engine.lesson.presets import output_for
from engine.network import Network
from ui.look.messages import describe

PREVIEW_ROWS = 6


def network_for(dataset: Dataset, hidden: list[int], activation: str, seed: int) -> Network:
    """Return a new network shaped for ``dataset``: s(1) features, the ``hidden`` layers, and
    sigmoid (two classes), softmax (more) or linear output with squared error (regression)."""
    output, loss = output_for(dataset)
    return Network([dataset.n_inputs, *hidden, dataset.n_outputs], activation, output, loss,
                   rng=np.random.default_rng(seed))


class ImportDialog(QDialog):
    """Options for importing CSV ``text`` (from file ``name``); ``dataset`` holds the result."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.text, self.name = text, name
        self.dataset: Dataset | None = None
        self.failure: CsvImportError | None = None    # why the current options do not import
        self.header_combo = QComboBox(objectName="importHeaderCombo")
        self.label_combo = QComboBox(objectName="importLabelCombo")
        self.task_combo = QComboBox(objectName="importTaskCombo")
        self.standardize_check = QCheckBox(objectName="importStandardizeCheck")
        self.standardize_check.setChecked(True)
        # A regression target on its raw scale (prices in the thousands) trains very slowly.
        self.standardize_y_check = QCheckBox(objectName="importStandardizeTargetCheck")
        self.standardize_y_check.setChecked(True)
        self.test_spin = QDoubleSpinBox(objectName="importTestSpin")
        self.test_spin.setRange(0.0, 50.0)
        self.test_spin.setSingleStep(5.0)
        self.test_spin.setDecimals(0)
        self.test_spin.setValue(20.0)
        self.preview = QTableWidget(objectName="importPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setMinimumHeight(170)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)     # cells and names from the file
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for lab, w in zip(self._labels, (self.header_combo, self.label_combo, self.task_combo,
                                         self.standardize_check, self.standardize_y_check,
                                         self.test_spin), strict=True):
            self.form.addRow(lab, w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(680, 520)
        self.retranslate()
        self._fill_columns()
        # The columns first: a new header choice renames them before the import reruns.
        self.header_combo.currentIndexChanged.connect(self._fill_columns)
        for combo in (self.header_combo, self.label_combo, self.task_combo):
            combo.currentIndexChanged.connect(self._on_option_changed)
        self.standardize_check.toggled.connect(self._on_option_changed)
        self.standardize_y_check.toggled.connect(self._on_option_changed)
        self.test_spin.valueChanged.connect(self._on_option_changed)
        self._on_option_changed()

    def retranslate(self) -> None:
        """Set every text (again after a language change)."""
        self.setWindowTitle(self.tr("Import data set from CSV — {0}").format(self.name))
        for lab, text in zip(self._labels, (self.tr("First row:"), self.tr("Label column:"),
                                            self.tr("Targets are:"), self.tr("Features:"),
                                            self.tr("Target y:"),
                                            self.tr("Test part (%):")), strict=True):
            lab.setText(text)
        for combo, items in ((self.header_combo, (self.tr("Detect a header"),
                                                  self.tr("Header (column names)"),
                                                  self.tr("Data (no header)"))),
                             (self.task_combo, (self.tr("Detect (classes or numbers)"),
                                                self.tr("Classes"),
                                                self.tr("Numbers (regression)")))):
            i = max(combo.currentIndex(), 0)
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(items))
            combo.setCurrentIndex(i)
            combo.blockSignals(False)
        self.header_combo.setToolTip(self.tr("Whether the first row names the columns"))
        self.label_combo.setToolTip(self.tr("The column holding the targets y; the other "
                                            "columns become the features x"))
        self.task_combo.setToolTip(self.tr("Whole numbers and text are classes; real numbers "
                                           "make a regression"))
        self.standardize_check.setText(self.tr("Standardize (mean 0, standard deviation 1)"))
        self.standardize_check.setToolTip(self.tr("Put every feature on the same scale so "
                                                  "training is not dominated by large numbers"))
        self.standardize_y_check.setText(self.tr("Standardize numeric targets (regression)"))
        self.standardize_y_check.setToolTip(self.tr(
            "Rescale y to mean 0 and standard deviation 1, so a target in the thousands does not "
            "need thousands of epochs; the curve plot then shows y in these units"))
        self.test_spin.setToolTip(self.tr("Share of the rows held out to test the network"))
        self.preview.setToolTip(self.tr("The first rows of the file as read (row numbers are "
                                        "file lines); the label column is in bold"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _header_choice(self) -> bool | None:
        return (None, True, False)[max(self.header_combo.currentIndex(), 0)]

    def _fill_columns(self, *_: object) -> None:
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        try:
            table = read_table(self.text, has_header=self._header_choice())
            names = table.header or [self.tr("column {0}").format(j + 1)
                                     for j in range(len(table.rows[0]))]
        except CsvImportError:
            table, names = None, []
        self.label_combo.addItems(names)
        self.label_combo.setCurrentIndex(len(names) - 1)
        self.label_combo.blockSignals(False)
        rows = table.rows[:PREVIEW_ROWS] if table is not None else []
        self.preview.clear()
        self.preview.setColumnCount(len(names))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(names)
        if table is not None:
            self.preview.setVerticalHeaderLabels([str(n) for n in table.lines[:PREVIEW_ROWS]])
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                self.preview.setItem(i, j, QTableWidgetItem(cell))
        self.preview.resizeColumnsToContents()

    def _on_option_changed(self, *_: object) -> None:
        task = ("auto", "classification", "regression")[max(self.task_combo.currentIndex(), 0)]
        label = self.label_combo.currentIndex() if self.label_combo.count() else -1
        try:
            self.dataset = import_csv(self.text, label=label, task=task,
                                      has_header=self._header_choice(),
                                      standardize=self.standardize_check.isChecked(),
                                      standardize_y=self.standardize_y_check.isChecked(),
                                      test_ratio=self.test_spin.value() / 100.0, name=self.name)
            self.failure = None
        except CsvImportError as exc:
            self.dataset, self.failure = None, exc
        self._mark_label_column()
        self._show_result()

    def _mark_label_column(self) -> None:
        # The label column's header is bold, so the learner sees which column becomes y.
        for j in range(self.preview.columnCount()):
            item = self.preview.horizontalHeaderItem(j)
            if item is not None:
                font = item.font()
                font.setBold(j == self.label_combo.currentIndex())
                item.setFont(font)

    def _show_result(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.dataset is not None)
        ds = self.dataset
        # Class labels are never rescaled: the target's switch applies to regression only.
        self.standardize_y_check.setEnabled(ds is None or ds.task == "regression")
        if ds is None:
            # Described here, not when caught: a language switch re-runs this.
            failure = describe(self.failure) if self.failure is not None else ""
            self.summary.setText(self.tr("Cannot import: {0}").format(failure))
            return
        m = ds.X_train.shape[0] + ds.X_test.shape[0]
        if ds.task == "regression":
            kind = self.tr("numeric targets (regression)")
            if ds.params.get("standardize_y"):
                loc = QLocale()
                kind += "\n" + self.tr("y is standardized: y = (target − %1) / %2; the curve "
                                       "plot and the costs use these units").replace(
                    "%1", loc.toString(ds.params["y_mean"], "g", 6)).replace(
                    "%2", loc.toString(ds.params["y_std"], "g", 6))
        else:
            kind = self.tr("{0} classes: {1}").format(
                len(ds.class_names),
                ", ".join(ds.class_names[:8]) + (" …" if len(ds.class_names) > 8 else ""))
        self.summary.setText(self.tr("{0} examples ({1} for training), {2} features, {3}").format(
            m, ds.X_train.shape[0], ds.n_inputs, kind))
