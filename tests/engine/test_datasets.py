"""Data sets: shapes, labels that follow their definitions, reproducibility and the shipped CSVs."""

from __future__ import annotations

import numpy as np
import pytest

from engine import DATASETS, mazur
from engine.datasets import generate, load


@pytest.mark.parametrize("name", ["xor", "and", "or"])
def test_logic_gates_label_the_noise_free_corners_by_their_truth_table(name):
    data = generate(name, np.random.default_rng(0), n=8, noise=0.0, test_ratio=0.0)
    table = {"xor": lambda a, b: a != b, "and": lambda a, b: a and b, "or": lambda a, b: a or b}
    for (a, b), (y,) in zip(data.X_train, data.Y_train, strict=True):
        assert y == float(table[name](bool(a), bool(b)))


def test_circles_put_class_1_inside():
    data = generate("circles", np.random.default_rng(0), n=200, noise=0.0, test_ratio=0.0)
    r = np.hypot(*data.X_train.T)
    np.testing.assert_allclose(r[data.Y_train[:, 0] == 1], 0.5)
    np.testing.assert_allclose(r[data.Y_train[:, 0] == 0], 1.0)


@pytest.mark.parametrize("name", DATASETS)
def test_every_data_set_is_reproducible_and_consistent(name):
    a, b = load(name, seed=3), load(name, seed=3)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    assert a.X_train.shape[1] == a.X_test.shape[1] == a.n_inputs
    assert a.Y_train.shape[1] == a.n_outputs
    assert np.all(np.isfinite(a.X))
    if a.n_outputs > 1:
        np.testing.assert_array_equal(a.Y.sum(axis=1), 1.0)


def test_split_keeps_the_requested_test_fraction():
    data = generate("moons", np.random.default_rng(1), n=100, test_ratio=0.25)
    assert data.X_test.shape[0] == 25 and data.X_train.shape[0] == 75


def test_different_seeds_give_different_data():
    assert not np.array_equal(load("spirals", seed=1).X_train, load("spirals", seed=2).X_train)


def test_iris_has_150_flowers_in_3_balanced_classes():
    data = load("iris", test_ratio=0.0)
    assert data.X.shape == (150, 4)
    assert data.class_names == ("setosa", "versicolor", "virginica")
    np.testing.assert_array_equal(data.Y.sum(axis=0), [50, 50, 50])


def test_digits_have_1797_images_of_64_pixels():
    data = load("digits", test_ratio=0.0)
    assert data.X.shape == (1797, 64) and data.Y.shape == (1797, 10)
    assert data.X.min() == 0.0 and data.X.max() == 1.0  # pixel values 0..16 scaled


def test_mazur_preset_is_the_articles_network():
    p = mazur()
    np.testing.assert_array_equal(p.X, [[0.05, 0.10]])
    np.testing.assert_array_equal(p.Y, [[0.01, 0.99]])
    np.testing.assert_array_equal(p.thetas[0], [[0.35, 0.15, 0.20], [0.35, 0.25, 0.30]])
    np.testing.assert_array_equal(p.thetas[1], [[0.60, 0.40, 0.45], [0.60, 0.50, 0.55]])
    assert (p.lr, p.freeze_bias, p.loss) == (0.5, True, "squared_error")


@pytest.mark.parametrize(("kw", "why"), [({"n": 1}, "number of examples"),
                                         ({"noise": -1.0}, "noise"),
                                         ({"test_ratio": 1.0}, "test ratio")])
def test_bad_generator_settings_are_named(kw, why):
    with pytest.raises(ValueError, match=why):
        generate("xor", np.random.default_rng(0), **kw)


def test_unknown_data_set_is_named():
    with pytest.raises(ValueError, match="unknown generated data set 'mnist'"):
        generate("mnist", np.random.default_rng(0))
