"""The loss landscape dock in a 1280×720 window: the weight pickers show a weight's whole name,
and the map's axis names are short enough for a ~200 px dock."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QStyle, QStyleOptionComboBox

from engine.lesson.landscape import WeightRef
from main import build_main_window
from ui.training.landscape_controls import weight_label


def _text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    return rect.width()


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_weight_pickers_show_whole_weight_names_at_1280(qtbot, lang):
    win = build_main_window(["--preset", "xor", "--lang", lang])
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    dock = win.findChild(QDockWidget, "landscapeDock")
    dock.raise_()
    qtbot.wait(20)
    QApplication.processEvents()
    controls = win.landscape.controls
    sizes = win.state.network.layer_sizes
    # The longest name: the last layer's largest i and j (XOR 2-4-1: Θ(2)[1, 4]).
    longest = weight_label(WeightRef(len(sizes) - 1, sizes[-1], sizes[-2]))
    for combo in (controls.first_combo, controls.second_combo):
        need = combo.fontMetrics().horizontalAdvance(longest)
        assert _text_room(combo) >= need, (combo.objectName(), _text_room(combo), need)
