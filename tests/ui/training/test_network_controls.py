"""ui.training.network_controls: functions and shape of the network, always a valid pair."""

from __future__ import annotations

import numpy as np

from engine import Network
from engine.datasets import load
from ui.state import AppState
from ui.training.network_controls import NetworkControls
from ui.training.scheduler import TrainingController


def _controls(qtbot, name: str = "moons", outputs_softmax: bool = False):
    ds = load(name, seed=0)
    net = Network([ds.n_inputs, 3, ds.n_outputs], "sigmoid",
                  "softmax" if outputs_softmax else "sigmoid", rng=np.random.default_rng(0))
    state = AppState(net, ds.X_train, ds.Y_train, dataset=ds)
    controller = TrainingController(state, seed=5)
    controls = NetworkControls(state, controller)
    qtbot.addWidget(controls)
    return controls, state


def _pick(combo, key):
    combo.setCurrentIndex(combo.findData(key))


def test_shows_the_states_network(qtbot):
    controls, _ = _controls(qtbot)
    assert controls.activation_combo.currentData() == "sigmoid"
    assert controls.output_combo.currentData() == "sigmoid"
    assert controls.loss_combo.currentData() == "cross_entropy"
    assert controls.editor.layer_sizes == [2, 3, 1]


def test_a_new_activation_builds_a_network_from_the_controllers_seed(qtbot):
    controls, state = _controls(qtbot)
    _pick(controls.activation_combo, "relu")
    expected = Network([2, 3, 1], "relu", "sigmoid", rng=np.random.default_rng(5))
    assert state.network.activation == "relu"
    for got, want in zip(state.network.thetas, expected.thetas, strict=True):
        np.testing.assert_array_equal(got, want)


def test_softmax_moves_the_loss_to_cross_entropy(qtbot):
    controls, state = _controls(qtbot, "blobs", outputs_softmax=True)
    _pick(controls.output_combo, "linear")
    assert state.network.loss_name == "squared_error"
    _pick(controls.output_combo, "softmax")
    assert controls.loss_combo.currentData() == "cross_entropy"
    assert state.network.loss_name == "cross_entropy"
    assert not controls.loss_combo.model().item(
        controls.loss_combo.findData("squared_error")).isEnabled()


def test_the_note_names_the_output_delta(qtbot):
    controls, _ = _controls(qtbot)
    assert "d(L) = a(L) − y" in controls.function_note.text()
    _pick(controls.loss_combo, "squared_error")
    assert "g′(z(L))" in controls.function_note.text()


def test_editing_the_shape_keeps_input_and_output_sizes(qtbot):
    controls, state = _controls(qtbot, "blobs", outputs_softmax=True)
    controls.editor.spins[0].setValue(6)
    assert state.network.layer_sizes == [2, 6, 3]


def test_the_hidden_combo_offers_every_hidden_activation_by_its_translated_name(qtbot):
    controls, state = _controls(qtbot)
    combo = controls.activation_combo
    keys = [combo.itemData(i) for i in range(combo.count())]
    assert keys == ["sigmoid", "tanh", "relu", "linear", "leaky_relu", "elu", "softplus", "gelu"]
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[2] == "ReLU" and texts[4] == "leaky ReLU" and texts[7] == "GELU"
    _pick(combo, "gelu")
    assert state.network.activation == "gelu"


def test_a_session_with_one_g_per_layer_shows_the_first_and_keeps_them_on_resizing_nothing(
        qtbot):
    controls, state = _controls(qtbot)
    state.set_network(Network([2, 3, 3, 1], ["elu", "softplus"], rng=np.random.default_rng(1)))
    controls.sync()
    assert controls.activation_combo.currentData() == "elu"
    rebuilt = controls.controller.build_network()           # same shape: the list is kept
    assert rebuilt.activation == ["elu", "softplus"]
    deeper = controls.controller.build_network([2, 3, 3, 3, 1])   # another depth: layer 2's g
    assert deeper.activation == "elu"
