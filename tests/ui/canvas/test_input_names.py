"""ui.canvas: the input neurons carry the names of what they are fed (x₁ … xₙ, or features)."""

from __future__ import annotations

import pytest

from ui.canvas.view import NetworkView


@pytest.fixture
def view(qtbot):
    v = NetworkView([3, 4, 1])
    v.resize(700, 420)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    return v


def _names(v) -> list[str]:
    return [item.text() for item in v.captions.inputs]


def test_inputs_are_x1_to_xn_until_named(view):
    assert _names(view) == ["x₁", "x₂", "x₃"]
    assert all(item.isVisible() for item in view.captions.inputs)


def test_named_inputs_sit_left_of_their_neurons_and_survive_a_new_architecture(view):
    view.set_input_names(("x₁²", "x₁x₂", "sin x₂"))
    assert _names(view) == ["x₁²", "x₁x₂", "sin x₂"]
    lay = view.layout_
    for k, item in enumerate(view.captions.inputs):
        rect = item.sceneBoundingRect()
        assert rect.right() < lay.neurons[0][k, 0] - lay.radius[0]
        assert rect.top() < lay.neurons[0][k, 1] < rect.bottom()
    view.set_architecture([3, 2, 1])
    assert _names(view) == ["x₁²", "x₁x₂", "sin x₂"]


def test_names_that_do_not_fit_the_inputs_fall_back_to_x(view):
    view.set_input_names(("x₁x₂",))
    assert _names(view) == ["x₁", "x₂", "x₃"]


def test_an_image_input_layer_has_no_names(qtbot):
    v = NetworkView([64, 8, 10])
    qtbot.addWidget(v)
    assert v.captions.inputs == []
