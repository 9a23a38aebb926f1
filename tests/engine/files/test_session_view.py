"""Tests for engine.files.session_view: the neuron maps' switch in a session file — kept when the
learner set it, absent (the window's default) otherwise, refused by name when malformed."""

from __future__ import annotations

import json

import pytest

from engine.files.session_format import Session, SessionError, dumps, loads
from engine.lesson.presets import build_preset


def _session(**kwargs) -> Session:
    setup = build_preset("xor", seed=0)
    return Session(setup.network, setup.X, setup.Y, setup.dataset, preset="xor", **kwargs)


@pytest.mark.parametrize("switch", [True, False])
def test_the_switch_is_written_and_read_back(switch):
    text = dumps(_session(neuron_maps=switch))
    assert json.loads(text)["view"] == {"neuron_maps": switch}
    assert loads(text).neuron_maps is switch


def test_an_untouched_switch_leaves_no_trace_in_the_file():
    doc = json.loads(dumps(_session()))
    assert "view" not in doc
    assert loads(json.dumps(doc)).neuron_maps is None


@pytest.mark.parametrize("view", [{}, {"neuron_maps": None}])
def test_a_view_without_the_switch_means_the_default(view):
    doc = json.loads(dumps(_session()))
    doc["view"] = view
    assert loads(json.dumps(doc)).neuron_maps is None


@pytest.mark.parametrize(("view", "named"), [
    ({"neuron_maps": 1}, "view.neuron_maps"),
    ({"neuron_maps": "yes"}, "view.neuron_maps"),
    ([True], "view"),
])
def test_a_malformed_switch_is_refused_by_name(view, named):
    doc = json.loads(dumps(_session()))
    doc["view"] = view
    with pytest.raises(SessionError, match=named.replace(".", r"\.")):
        loads(json.dumps(doc))
