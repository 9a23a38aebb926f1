"""Importing regression data whose target is on a raw scale (prices in the thousands): the dialog
offers to standardize y (on by default, only for numbers), says so with the mean and deviation,
and the curve plot names its y axis in z-scores and gives the transformation below."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDockWidget

from ui.files.import_dialog import ImportDialog

PRICES = "area,price\n" + "".join(f"{a},{p}\n" for a, p in [
    (50, 1510.5), (60, 1820.0), (75, 2290.25), (80, 2400.0), (95, 2880.5), (120, 3600.75)])
Y = np.array([1510.5, 1820.0, 2290.25, 2400.0, 2880.5, 3600.75])


def test_the_dialog_standardizes_a_numeric_target_and_says_how(qtbot):
    dialog = ImportDialog(PRICES, "prices")
    qtbot.addWidget(dialog)
    dialog.test_spin.setValue(0)
    check = dialog.standardize_y_check
    assert check.isChecked() and check.isEnabled()
    ds = dialog.dataset
    np.testing.assert_allclose(ds.Y_train[:, 0], (Y - Y.mean()) / Y.std(), rtol=1e-12)
    summary = dialog.summary.text()
    loc = QLocale()         # the dialog writes numbers as the app's locale does (2,417)
    assert (f"y is standardized: y = (target − {loc.toString(2417.0, 'g', 6)}) / "
            f"{loc.toString(float(Y.std()), 'g', 6)}") in summary
    check.setChecked(False)
    assert dialog.dataset.Y_train[:, 0].tolist() == Y.tolist()
    assert "standardized" not in dialog.summary.text()


def test_class_labels_are_not_offered_the_target_scale(qtbot):
    dialog = ImportDialog("x,label\n1,a\n2,b\n3,a\n4,b\n", "pets")
    qtbot.addWidget(dialog)
    assert not dialog.standardize_y_check.isEnabled()


def _imported(make_window, tmp_path):
    """Return a window that imported PRICES with the dialog's defaults (OK pressed)."""
    win = make_window("--preset", "sin")
    path = tmp_path / "prices.csv"
    path.write_text(PRICES, encoding="utf-8")
    win.session.run_import_dialog = lambda dialog: True
    assert win.session.import_path(path)
    return win


def test_the_curve_plot_names_y_as_standardized(make_window, tmp_path):
    win = _imported(make_window, tmp_path)
    assert win.state.dataset.params["standardize_y"] is True
    plot = win.findChild(QDockWidget, "boundaryDock").widget().regression.plot
    view = win.findChild(QDockWidget, "boundaryDock").widget().regression
    assert plot.getAxis("left").labelText == "price (z-score)"
    loc = QLocale()         # the window's, as it writes numbers (2,417 in English)
    assert (f"y in z-scores: y = (price − {loc.toString(2417.0, 'g', 6)}) / "
            f"{loc.toString(float(Y.std()), 'g', 6)}") in view.legend.text()


def test_the_worked_example_says_y_is_standardized(make_window, tmp_path):
    win = _imported(make_window, tmp_path)
    for suffix in ("md", "html"):
        out = tmp_path / f"worked.{suffix}"
        assert win.session.export_menu.export_to("worked_example", str(out))
        text = out.read_text(encoding="utf-8")
        assert "y is standardized (a z-score): y = (target − 2417" in text
        assert f"{Y.std():.4f}"[:5] in text


def test_a_preset_worked_example_has_no_scale_note(make_window, tmp_path):
    win = make_window("--preset", "sin")
    out = tmp_path / "worked.md"
    assert win.session.export_menu.export_to("worked_example", str(out))
    assert "standardized" not in out.read_text(encoding="utf-8")
