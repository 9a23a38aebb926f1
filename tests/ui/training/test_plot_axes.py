"""ui.training.plot_axes: the loss and health plots keep their end tick labels, labels that do
not overlap and titles that fit, in presenter mode and pt-BR too (the class's projector)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from main import build_main_window
from ui.training.button_row import ButtonRow


def _labels(plot, name: str) -> list[tuple[str, object]]:
    """Return the (text, rectangle) of each tick label ``plot``'s axis ``name`` paints, worked
    out as the axis does when it paints (in its tick font)."""
    axis = plot.getAxis(name)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    if axis.style.get("tickFont") is not None:
        painter.setFont(axis.style["tickFont"])
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [(text, rect) for rect, _flags, text in specs[2]]


@pytest.fixture(params=[("en", ()), ("pt_BR", ("--presenter",))], ids=["en", "pt_BR-presenter"])
def window(qtbot, request):
    lang, extra = request.param
    win = build_main_window(["--preset", "digits", "--step", "7", "--lang", lang, *extra])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)                      # the task switcher sizes the docks from a zero timer
    QApplication.processEvents()
    return win


def test_empty_cost_plot_labels_zero_on_both_axes(window):
    plots = window.loss_plot
    assert "0" in [t for t, _ in _labels(plots.cost_plot, "left")]
    # The epoch axis is written once, under the accuracy plot the cost plot shares it with.
    assert [t for t, _ in _labels(plots.cost_plot, "bottom")] == []
    assert "0" in [t for t, _ in _labels(plots.accuracy_plot, "bottom")]


def test_regression_cost_plot_writes_its_own_epoch_axis(qtbot):
    win = build_main_window(["--preset", "sin", "--lang", "en", "--presenter"])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)
    plots = win.loss_plot
    assert not plots.accuracy_plot.isVisible()
    assert "0" in [t for t, _ in _labels(plots.cost_plot, "bottom")]
    assert "0" in [t for t, _ in _labels(plots.cost_plot, "left")]


def test_accuracy_plot_labels_0_50_and_100_percent(window):
    texts = [t.replace("\u00a0", " ") for t, _ in _labels(window.loss_plot.accuracy_plot, "left")]
    assert texts == ["0 %", "50 %", "100 %"]


@pytest.mark.parametrize("plot_name", ["cost_plot", "accuracy_plot"])
def test_left_tick_labels_do_not_overlap(window, plot_name):
    rects = sorted((r for _, r in _labels(getattr(window.loss_plot, plot_name), "left")),
                   key=lambda r: r.top())
    assert len(rects) >= 2
    for upper, lower in zip(rects, rects[1:], strict=False):
        assert upper.bottom() <= lower.top() + 0.5, (upper, lower)


def test_rotated_titles_fit_beside_their_plots(window):
    for widget, title in ((window.loss_plot.accuracy_plot, "accuracy"),
                          (window.loss_plot.cost_plot, "cost J")):
        axis = widget.getAxis("left")
        # The title is written along the axis: its text must not be longer than the axis.
        width = QFontMetricsF(axis.label.font()).horizontalAdvance(axis.labelText)
        assert width <= axis.geometry().height(), (title, width, axis.geometry().height())


def test_health_plot_share_axis_labels_both_ends(qtbot):
    win = build_main_window(["--preset", "deep-sigmoid", "--lang", "pt_BR", "--presenter"])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.tasks.set_task("train")
    qtbot.wait(20)
    plot = win.findChild(type(win.loss_plot.cost_plot), "unitSharePlot")
    texts = [t.replace("\u00a0", " ") for t, _ in _labels(plot, "left")]
    assert texts == ["0 %", "100 %"]
    axis = plot.getAxis("left")
    width = QFontMetricsF(axis.label.font()).horizontalAdvance(axis.labelText)
    assert width <= axis.geometry().height()


def _buttons(row: ButtonRow, texts: list[str]) -> None:
    from PySide6.QtWidgets import QPushButton

    for t in texts:
        row.add(QPushButton(t))


def test_button_row_takes_one_row_when_wide_and_two_when_narrow(qtbot):
    row = ButtonRow()
    qtbot.addWidget(row)
    _buttons(row, ["Train", "One epoch", "Reset weights", "Compare…"])
    one_row = sum(b.sizeHint().width() for b in row.buttons) + 6 * 3
    row.resize(one_row + 40, 80)
    row.show()
    qtbot.waitExposed(row)
    tops = {b.geometry().top() for b in row.buttons}
    assert row.rows == 1 and len(tops) == 1
    row.resize(one_row // 2 + 60, 80)
    QApplication.processEvents()
    tops = {b.geometry().top() for b in row.buttons}
    assert row.rows == 2 and len(tops) == 2
    assert all(b.geometry().right() < row.width() for b in row.buttons)
