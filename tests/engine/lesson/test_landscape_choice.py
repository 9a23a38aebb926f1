"""Tests for engine.lesson.landscape_choice: the session's landscape object is read back as
written, defaults fill what older files lack, and a bad field is refused by name."""

from __future__ import annotations

import numpy as np
import pytest

from engine.lesson.landscape import WeightRef
from engine.lesson.landscape_choice import LandscapeChoice, choice_from_dict, default_weights
from engine.network import Network


def _net(sizes=(2, 4, 1)) -> Network:
    return Network(sizes, rng=np.random.default_rng(0))


def test_a_choice_reads_back_as_written():
    chosen = LandscapeChoice("pca", (WeightRef(1, 4, 2), WeightRef(2, 1, 0)), 0.25, 12)
    assert choice_from_dict(chosen.to_dict(), _net()) == chosen


def test_missing_fields_take_the_defaults():
    assert choice_from_dict({}, _net()) == LandscapeChoice()


def test_weights_the_network_lacks_give_way_to_its_defaults():
    choice = LandscapeChoice("weights", (WeightRef(3, 1, 1), WeightRef(1, 1, 1)))
    net = _net((2, 3, 1))
    assert choice.weights_for(net) == default_weights(net) == (WeightRef(2, 1, 1),
                                                              WeightRef(2, 1, 2))
    assert default_weights(_net((2, 1, 1))) == (WeightRef(2, 1, 1), WeightRef(2, 1, 0))


@pytest.mark.parametrize("obj,fragment", [
    ({"kind": "hessian"}, "kind must be one of weights, random, pca, got 'hessian'"),
    ({"span": 0}, "span must be a number above 0"),
    ({"span": True}, "span must be a number above 0"),
    ({"seed": -1}, "seed must be a whole number"),
    ({"weights": [[1, 1, 1]]}, "two [l, i, j] lists"),
    ({"weights": [[1, 1, 1], [1, 1, "2"]]}, "two [l, i, j] lists"),
    ({"weights": [[1, 1, 1], [1, 1, 1]]}, "two different weights"),
    ("weights", "it must be an object, got str"),
    ({"weights": [[1, 5, 0], [1, 1, 1]]}, "Θ(1) has i 1..4"),
])
def test_a_bad_field_is_refused_by_name(obj, fragment):
    with pytest.raises(ValueError, match=fragment.replace("[", r"\[").replace("(", r"\(")
                       .replace(")", r"\)").replace("]", r"\]")):
        choice_from_dict(obj, _net())
