"""Tests for ui.training.architecture_editor: hidden layers and neurons within limits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSpinBox

from ui.training.architecture_editor import MAX_HIDDEN_LAYERS, MAX_NEURONS, ArchitectureEditor


def _editor(qtbot, sizes):
    editor = ArchitectureEditor(sizes)
    qtbot.addWidget(editor)
    return editor


def test_shows_one_spin_box_per_hidden_layer(qtbot):
    editor = _editor(qtbot, [2, 8, 8, 1])
    assert [s.value() for s in editor.spins] == [8, 8]
    assert editor.summary.text() == "Network: 2 → 8 → 8 → 1"


def test_adding_a_layer_emits_the_new_hidden_sizes(qtbot):
    editor = _editor(qtbot, [2, 5, 1])
    with qtbot.waitSignal(editor.architecture_changed) as blocker:
        qtbot.mouseClick(editor.findChild(QPushButton, "addLayerButton"),
                         Qt.MouseButton.LeftButton)
    assert blocker.args == [[5, 5]]
    assert editor.layer_sizes == [2, 5, 5, 1]


def test_changing_neurons_emits_the_new_hidden_sizes(qtbot):
    editor = _editor(qtbot, [2, 5, 3, 1])
    with qtbot.waitSignal(editor.architecture_changed) as blocker:
        editor.findChild(QSpinBox, "hiddenLayerSpin1").setValue(7)
    assert blocker.args == [[5, 7]]


def test_at_most_six_hidden_layers(qtbot):
    editor = _editor(qtbot, [2, 4, 1])
    add = editor.findChild(QPushButton, "addLayerButton")
    for _ in range(10):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(editor.hidden_sizes) == MAX_HIDDEN_LAYERS
    assert not add.isEnabled()


def test_all_hidden_layers_can_be_removed(qtbot):
    editor = _editor(qtbot, [2, 4, 4, 1])
    remove = editor.findChild(QPushButton, "removeLayerButton")
    for _ in range(3):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert editor.layer_sizes == [2, 1]
    assert not remove.isEnabled()
    assert editor.findChild(QSpinBox, "hiddenLayerSpin0") is None


def test_neurons_are_limited_to_one_to_sixty_four(qtbot):
    editor = _editor(qtbot, [2, 4, 1])
    spin = editor.findChild(QSpinBox, "hiddenLayerSpin0")
    spin.setValue(1000)
    assert spin.value() == MAX_NEURONS == 64
    spin.setValue(0)
    assert spin.value() == 1


def test_showing_the_states_sizes_emits_nothing(qtbot):
    editor = _editor(qtbot, [2, 4, 1])
    seen = []
    editor.architecture_changed.connect(seen.append)
    editor.set_layer_sizes([4, 8, 8, 3])
    assert seen == []
    assert [s.value() for s in editor.spins] == [8, 8]
    assert editor.summary.text() == "Network: 4 → 8 → 8 → 3"
