"""engine.features: the input features of points of a plane, the data set that carries them, and
the lesson they teach (XOR)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine import Network
from engine.datasets import load
from engine.features import (
    NAMES,
    CrossedDataset,
    FeatureSet,
    apply,
    features_of,
    input_labels,
    plane_inputs,
    raw_of,
    takes_features,
    with_features,
)
from engine.lesson.presets import build_preset
from engine.lesson.scoring import accuracy
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer

POINTS = np.array([[0.5, -2.0], [3.0, 0.25], [-1.5, 1.0], [0.0, 0.0]])


def test_apply_gives_each_feature_by_its_formula():
    got = FeatureSet(NAMES).apply(POINTS)
    # Written out point by point with the math module, not numpy's vector forms.
    expected = [[x1, x2, x1 ** 2, x2 ** 2, x1 * x2, math.sin(x1), math.sin(x2)]
                for x1, x2 in POINTS.tolist()]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-15)
    assert got.shape == (4, 7)


def test_features_keep_the_fixed_order_whatever_order_they_are_given_in():
    fs = FeatureSet(("sinx2", "x1x2", "x1"))
    assert fs.names == ("x1", "x1x2", "sinx2")
    assert fs == FeatureSet(("x1", "sinx2", "x1x2"))
    np.testing.assert_array_equal(fs.apply(POINTS)[:, 1], POINTS[:, 0] * POINTS[:, 1])


def test_module_apply_is_the_feature_sets_apply():
    np.testing.assert_array_equal(apply(["x2sq", "sinx1"], POINTS),
                                  np.c_[POINTS[:, 1] ** 2, np.sin(POINTS[:, 0])])


def test_parse_takes_names_plain_texts_and_labels():
    assert FeatureSet.parse("x1, x2, x1x2").names == ("x1", "x2", "x1x2")
    assert FeatureSet.parse("x1^2,sin(x2),x1*x2").names == ("x1sq", "x1x2", "sinx2")
    assert FeatureSet.parse("x₁², sin x₁").names == ("x1sq", "sinx1")


def test_default_is_the_plain_coordinates():
    fs = FeatureSet()
    assert fs.names == ("x1", "x2") and fs.is_plain and fs.k == 2
    np.testing.assert_array_equal(fs.apply(POINTS), POINTS)


def test_labels_are_the_subscripted_forms():
    assert FeatureSet(NAMES).labels == ("x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂")
    assert FeatureSet(NAMES).texts == ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)",
                                       "sin(x2)")


@pytest.mark.parametrize(("make", "words"), [
    (lambda: FeatureSet(("x3",)), "'x3'"),
    (lambda: FeatureSet(()), "at least one"),
    (lambda: FeatureSet.parse("x1,cos(x1)"), "'cos(x1)'"),
    (lambda: FeatureSet().apply(np.zeros((3, 4))), "(3, 4)"),
])
def test_errors_name_the_bad_value(make, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        make()


def test_with_features_feeds_the_points_and_keeps_them():
    raw = load("circles", seed=3)
    fs = FeatureSet(("x1sq", "x2sq"))
    ds = with_features(raw, fs)
    assert isinstance(ds, CrossedDataset) and raw_of(ds) is raw and features_of(ds) == fs
    np.testing.assert_array_equal(ds.X_train, raw.X_train ** 2)
    np.testing.assert_array_equal(ds.X_test, raw.X_test ** 2)
    assert ds.Y_train is raw.Y_train and ds.name == raw.name and ds.n_inputs == 2
    # Crossing again starts from the raw points, not from the features.
    again = with_features(ds, FeatureSet(("x1",)))
    np.testing.assert_array_equal(again.X_train, raw.X_train[:, :1])
    assert with_features(ds, FeatureSet()) is raw


def test_only_data_of_a_plane_takes_features():
    iris = load("iris", seed=0)
    assert not takes_features(iris) and takes_features(load("xor", seed=0))
    with pytest.raises(ValueError, match="'iris' has 4"):
        with_features(iris, FeatureSet(("x1x2",)))
    assert with_features(iris, None) is iris


def test_plane_inputs_and_input_labels_follow_the_data_set():
    raw = load("xor", seed=0)
    ds = with_features(raw, FeatureSet(("x1", "sinx2")))
    np.testing.assert_array_equal(plane_inputs(ds, POINTS),
                                  np.c_[POINTS[:, 0], np.sin(POINTS[:, 1])])
    np.testing.assert_array_equal(plane_inputs(raw, POINTS), POINTS)
    assert input_labels(ds, 2) == ("x₁", "sin x₂")
    assert input_labels(raw, 2) == ("x₁", "x₂")
    assert input_labels(None, 4) == ("x₁", "x₂", "x₃", "x₄")


def test_a_preset_with_features_has_one_input_per_feature():
    setup = build_preset("moons", seed=0, features=FeatureSet(("x1", "x2", "x1x2")))
    assert setup.network.layer_sizes[0] == 3
    raw = raw_of(setup.dataset)
    np.testing.assert_array_equal(setup.X[:, 2], raw.X_train[:, 0] * raw.X_train[:, 1])
    with pytest.raises(ValueError, match="'mazur'"):
        build_preset("mazur", features=FeatureSet(("x1x2",)))


# --- the lesson: which inputs make XOR separable without a hidden layer -------------------------
def _train_without_hidden_layer(ds, epochs: int = 3000) -> float:
    """Train a network with no hidden layer (logistic regression) on ``ds`` and return its
    accuracy on the test set."""
    net = Network([ds.n_inputs, 1], "sigmoid", "sigmoid", "cross_entropy",
                  rng=np.random.default_rng(0))
    trainer = Trainer(net, ds.X_train, ds.Y_train, Settings(lr=2.0),
                      np.random.default_rng(0), (ds.X_test, ds.Y_test))
    assert trainer.run(max_epochs=epochs) is None
    return accuracy(net.predict(ds.X_test), ds.Y_test)


def _centred(ds):
    """Return the XOR data moved so its four corners sit around the origin (±½, ±½), as in
    TensorFlow Playground's XOR, where the classes are the sign of x₁x₂."""
    return type(ds)(ds.name, ds.X_train - 0.5, ds.Y_train, ds.X_test - 0.5, ds.Y_test, ds.task,
                    ds.class_names, ds.feature_names, ds.source, ds.params)


def test_x1x2_alone_separates_centred_xor_without_a_hidden_layer():
    ds = with_features(_centred(load("xor", seed=0, n=400)), FeatureSet(("x1x2",)))
    assert ds.X_test.shape == (80, 1)
    assert _train_without_hidden_layer(ds) >= 0.95


def test_x1_x2_x1x2_separate_the_presets_xor_without_a_hidden_layer():
    # Corners at 0/1: XOR = x₁ + x₂ − 2x₁x₂, linear in (x₁, x₂, x₁x₂).
    ds = with_features(load("xor", seed=0, n=400), FeatureSet(("x1", "x2", "x1x2")))
    assert _train_without_hidden_layer(ds) >= 0.95


@pytest.mark.parametrize("centre", [False, True])
def test_x1_x2_alone_cannot_separate_xor_without_a_hidden_layer(centre):
    raw = load("xor", seed=0, n=400)
    ds = _centred(raw) if centre else raw
    # No straight line puts the four corners right: at best three of four, 75 %.
    assert _train_without_hidden_layer(ds) <= 0.80
