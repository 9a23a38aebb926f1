"""Tests for engine.files.session_view: the neuron maps' switch in a session file — kept when the
learner set it, absent (the window's default) otherwise, refused by name when malformed; and the
target scale of imported regression data (data.params.y_mean, y_std), refused by name when bad."""

from __future__ import annotations

import json

import pytest

from engine.files.csv_import import import_csv
from engine.files.session_format import Session, SessionError, dumps, loads
from engine.lesson.presets import build_preset
from tests.engine.files.roundtrip import session_for


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


@pytest.mark.parametrize(("key", "value", "said"), [
    ("y_std", 0.0, "data.params.y_std must be greater than 0"),
    ("y_mean", "1500", "data.params.y_mean must be"),
    ("standardize_y", 1, "data.params.standardize_y must be true or false"),
])
def test_a_bad_target_scale_in_imported_data_is_refused_by_name(key, value, said):
    ds = import_csv("x,y\n1,1500.5\n2,2500.25\n3,3100.0\n", standardize_y=True)
    doc = json.loads(dumps(session_for(ds)))
    doc["data"]["params"][key] = value
    with pytest.raises(SessionError, match=said):
        loads(json.dumps(doc))
