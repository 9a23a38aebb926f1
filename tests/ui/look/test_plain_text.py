"""Text from files (feature and class names, cells, file names) is shown as plain text: never
Qt rich text, where styled text, links and local images would load."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from engine import Network
from engine.files.csv_import import import_csv
from ui.files.import_dialog import ImportDialog
from ui.look.plain_text import plain_text, plain_tooltip
from ui.state import AppState
from ui.training.boundary_view import BoundaryView

HOSTILE = "<b>x</b><img src=file:///etc/passwd>"


def _hostile_state() -> AppState:
    ds = import_csv(f"{HOSTILE},y,label\n0,0,<i>no</i>\n1,1,yes\n0,1,yes\n1,0,<i>no</i>\n")
    net = Network([2, 3, 1], "tanh", "sigmoid", rng=np.random.default_rng(0))
    return AppState(net, ds.X_train, ds.Y_train, dataset=ds)


def test_boundary_axes_and_legend_show_file_names_literally(qtbot):
    view = BoundaryView(_hostile_state())
    qtbot.addWidget(view)
    axis = view.plot.getPlotItem().getAxis("bottom")
    # The axis label is an HTML item: what it shows must be the name itself, tags included.
    assert axis.label.toPlainText().strip() == HOSTILE
    assert "<img" not in axis.label.toHtml().split("<body", 1)[1].replace("&lt;img", "")
    for label in (view.title, view.legend, view.message):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<i>no</i>" in view.legend.text()


def test_import_dialog_summary_is_plain_text(qtbot):
    dialog = ImportDialog(f"{HOSTILE},label\n1,<b>a</b>\n2,b\n", "hostile")
    qtbot.addWidget(dialog)
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert "<b>a</b>" in dialog.summary.text()


def test_error_boxes_show_their_texts_plainly(qtbot):
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "t")
    qtbot.addWidget(box)
    box.setInformativeText(f"line 2, column 1 ({HOSTILE!r}): empty cell")
    plain_text(box)
    labels = box.findChildren(QLabel)
    assert labels and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels)


def test_recent_file_tooltips_show_the_path_literally():
    doc = QTextDocument()
    doc.setHtml(plain_tooltip(f"/tmp/{HOSTILE}.json"))
    assert doc.toPlainText() == f"/tmp/{HOSTILE}.json"
