"""ui.look.steady_label: counters and readouts that change while training ask for no layout
unless a text needs more room, and still show every text whole."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine.lesson.history import HistoryPoint, LossHistory
from ui.look.steady_label import SteadyLabel, WrappedReadout
from ui.training.loss_plot import LossPlot


class _LayoutRequests(QObject):
    """Count the layout requests ``widget`` receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.widget, self.count = widget, 0
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.widget and event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _row(qtbot, label: QLabel) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.addWidget(label)
    layout.addStretch(1)
    qtbot.addWidget(row)
    row.show()
    qtbot.waitExposed(row)
    QApplication.processEvents()
    return row


def test_a_steady_label_lays_out_only_when_a_text_needs_more_room(qtbot):
    label = SteadyLabel()
    label.setText("Epoch 1,000")
    row = _row(qtbot, label)
    requests = _LayoutRequests(row)
    for text in ("Epoch 1,001", "Epoch 9", "Epoch 1,111", "Epoch 999"):
        label.setText(text)
        QApplication.processEvents()
    assert requests.count == 0
    # The same texts in a plain label each ask the row to lay out again.
    plain = QLabel("Epoch 1,000")
    plain_row = _row(qtbot, plain)
    plain_requests = _LayoutRequests(plain_row)
    for text in ("Epoch 1,001", "Epoch 9", "Epoch 1,111", "Epoch 999"):
        plain.setText(text)
        QApplication.processEvents()
    assert plain_requests.count >= 2
    # A longer text grows the label to its full width (never cut), with one layout.
    longer = "Epoch 1,000,000,000 and more"
    label.setText(longer)
    QApplication.processEvents()
    assert requests.count >= 1
    assert label.width() >= label.fontMetrics().horizontalAdvance(longer)


def test_a_steady_label_fits_a_new_font_from_its_current_text(qtbot):
    label = SteadyLabel()
    label.setText("Epoch 1,000,000")
    row = _row(qtbot, label)
    label.setText("Epoch 1")
    wide = label.width()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    QApplication.processEvents()
    # Fitted again to "Epoch 1" in the larger type: wide enough for it, narrower than the
    # grown width doubled.
    assert label.width() >= label.fontMetrics().horizontalAdvance("Epoch 1")
    assert label.width() < 2 * wide
    assert row.isVisible()


def test_a_wrapped_readout_keeps_its_height_until_its_width_changes(qtbot):
    label = QLabel()
    box = WrappedReadout(label)
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.addWidget(box)
    layout.addStretch(1)
    qtbot.addWidget(host)
    host.resize(160, 300)
    host.show()
    qtbot.waitExposed(host)
    long_text = "epoch 1,234 · J train 0.01234 · J test 0.04321 · accuracy 99.5 %"
    label.setText(long_text)
    box.fit()
    QApplication.processEvents()
    tall = box.height()
    assert tall >= label.heightForWidth(box.width()) > label.fontMetrics().height()
    requests = _LayoutRequests(host)
    label.setText("epoch 1")
    box.fit()
    QApplication.processEvents()
    assert box.height() == tall and requests.count == 0
    # A wider host starts again from the text it holds: one line.
    host.resize(900, 300)
    QApplication.processEvents()
    QApplication.processEvents()
    assert box.height() < tall
    assert label.geometry() == box.rect()


def test_training_refreshes_of_the_loss_plot_ask_its_dock_for_no_layout(qtbot):
    h = LossHistory(capacity=64)
    plot = LossPlot(h)
    host = QWidget()
    QVBoxLayout(host).addWidget(plot)
    qtbot.addWidget(host)
    host.resize(260, 500)
    host.show()
    qtbot.waitExposed(host)
    h.add(HistoryPoint(1, 0.123456, 0.654321, 0.51, 0.5))
    plot.refresh()
    QApplication.processEvents()
    requests = _LayoutRequests(plot)
    lines, more_lines = plot.readout_box.height(), 0
    for epoch in range(2, 40):
        cost = 1.0 / epoch
        h.add(HistoryPoint(epoch, cost, 2 * cost, 0.5 + 0.01 * epoch, 0.5))
        plot.refresh()
        QApplication.processEvents()
        if plot.readout_box.height() > lines:
            lines, more_lines = plot.readout_box.height(), more_lines + 1
    # Only a readout that needed another line asked for a layout (once, at epoch 11, here);
    # a plain label asked at every refresh.
    assert more_lines <= 2
    assert requests.count == more_lines
    assert plot.readout.text().startswith("epoch 39")
