"""Sessions keep the input features: ``data.features`` (absent in older files: x₁, x₂), the points
written as the data and the features fed to the network made again on opening."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engine.datasets import Dataset, load
from engine.features import CrossedDataset, FeatureSet, features_of, raw_of, with_features
from engine.files.session_format import (
    Session,
    SessionError,
    load_session,
    save_session,
    session_from_dict,
    session_to_dict,
)
from engine.lesson.presets import build_preset
from engine.network import Network

FS = FeatureSet(("x1sq", "x2sq", "sinx1"))


def _session(features: FeatureSet | None = FS) -> Session:
    setup = build_preset("circles", seed=4, features=features)
    return Session(setup.network, setup.X, setup.Y, setup.dataset, preset="circles", seed=4)


def test_a_generated_data_set_keeps_its_recipe_and_its_features(tmp_path):
    session = _session()
    path = tmp_path / "circles.json"
    save_session(path, session)
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    assert data["kind"] == "generated" and data["features"] == ["x1sq", "x2sq", "sinx1"]
    back = load_session(path)
    assert features_of(back.dataset) == FS and back.network.layer_sizes == [3, 8, 1]
    raw = raw_of(back.dataset)
    # The features made again from the points, computed here independently.
    np.testing.assert_array_equal(back.X, np.c_[raw.X_train ** 2, np.sin(raw.X_train[:, 0])])
    np.testing.assert_array_equal(back.X, session.X)
    np.testing.assert_array_equal(back.dataset.X_test, session.dataset.X_test)


def test_inline_data_is_written_as_points_with_the_features(tmp_path):
    raw = load("moons", seed=1)
    named = Dataset("my points", raw.X_train, raw.Y_train, raw.X_test, raw.Y_test, "binary",
                    ("no", "yes"), ("width", "height"), "csv", {})
    ds = with_features(named, FeatureSet(("x1x2",)))
    net = Network([1, 3, 1], "tanh", "sigmoid", rng=np.random.default_rng(0))
    doc = session_to_dict(Session(net, ds.X_train, ds.Y_train, ds))
    assert doc["data"]["kind"] == "inline" and doc["data"]["features"] == ["x1x2"]
    np.testing.assert_array_equal(doc["data"]["X"], raw.X_train)       # the points, (m, 2)
    assert doc["data"]["feature_names"] == ["width", "height"]
    back = session_from_dict(json.loads(json.dumps(doc)))
    assert isinstance(back.dataset, CrossedDataset)
    np.testing.assert_array_equal(back.X[:, 0], raw.X_train[:, 0] * raw.X_train[:, 1])
    assert back.dataset.raw.class_names == ("no", "yes")


def test_a_file_without_features_opens_with_x1_x2():
    doc = session_to_dict(_session(None))
    assert "features" not in doc["data"]         # as every file written before them
    back = session_from_dict(json.loads(json.dumps(doc)))
    assert features_of(back.dataset) is None and back.network.layer_sizes == [2, 8, 1]
    np.testing.assert_array_equal(back.X, raw_of(back.dataset).X_train)


@pytest.mark.parametrize(("features", "fragment"), [
    (["x1", "cos"], "data.features: unknown input feature 'cos'"),
    ([], "data.features: choose at least one"),
    ([1], "data.features: unknown input feature 1"),
    ([["x1"]], "data.features: unknown input feature \\['x1'\\]"),
    (["x1"] * 8, "data.features lists 8 features"),
    ("x1", "data.features must be"),
])
def test_bad_features_are_refused_by_name(features, fragment):
    doc = json.loads(json.dumps(session_to_dict(_session())))
    doc["data"]["features"] = features
    with pytest.raises(SessionError, match=fragment.replace("(", r"\(")):
        session_from_dict(doc)


def test_features_that_do_not_fit_the_network_are_refused():
    doc = json.loads(json.dumps(session_to_dict(_session())))
    doc["data"]["features"] = ["x1"]            # one input; the network has three
    with pytest.raises(SessionError, match="data"):
        session_from_dict(doc)


def test_features_need_data_of_a_plane():
    setup = build_preset("iris", seed=0)
    doc = json.loads(json.dumps(session_to_dict(Session(setup.network, setup.X, setup.Y,
                                                        setup.dataset))))
    doc["data"]["features"] = ["x1x2"]
    with pytest.raises(SessionError, match="two features"):
        session_from_dict(doc)
