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


# The regression sets as their definitions state them (written out here, not read from the code):
# x uniform on its range, y = f(x) + Gaussian noise.
CURVES = {"sin": ((-np.pi, np.pi), np.sin), "abs": ((-2.0, 2.0), np.abs),
          "step": ((-1.0, 1.0), lambda x: (x >= 0).astype(float)),
          "cubic": ((-1.0, 1.0), lambda x: 4 * x**3 - 3 * x)}


@pytest.mark.parametrize("name", sorted(CURVES))
def test_regression_sets_have_one_feature_and_one_numeric_target(name):
    data = load(name, seed=5, n=200, test_ratio=0.25)
    assert data.task == "regression" and data.class_names == ()
    assert data.X_train.shape == (150, 1) and data.Y_train.shape == (150, 1)
    assert data.X_test.shape == (50, 1) and data.Y_test.shape == (50, 1)
    (lo, hi), _ = CURVES[name]
    assert lo <= data.X.min() and data.X.max() <= hi
    # Uniform over the range: both ends are reached within a tenth of it by 200 draws.
    assert data.X.min() < lo + 0.1 * (hi - lo) and data.X.max() > hi - 0.1 * (hi - lo)


@pytest.mark.parametrize("name", sorted(CURVES))
def test_noise_free_regression_targets_are_the_curve(name):
    data = load(name, seed=2, noise=0.0)
    _, f = CURVES[name]
    np.testing.assert_allclose(data.Y, f(data.X), atol=1e-12)


@pytest.mark.parametrize("name", sorted(CURVES))
def test_regression_noise_is_the_requested_standard_deviation(name):
    data = load(name, seed=4, n=20_000, noise=0.3, test_ratio=0.0)
    _, f = CURVES[name]
    residual = data.Y - f(data.X)
    # The sample standard deviation of 20 000 draws is within 2 % of σ (its own sd is σ/√(2n)).
    assert abs(residual.std() - 0.3) < 0.02 * 0.3 and abs(residual.mean()) < 0.01


@pytest.mark.parametrize("name", sorted(CURVES))
def test_regression_sets_are_deterministic_by_seed(name):
    a, b, c = load(name, seed=9), load(name, seed=9), load(name, seed=10)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    np.testing.assert_array_equal(a.Y_test, b.Y_test)
    assert not np.array_equal(a.X_train, c.X_train)
    assert a.params == {"generator": name, "n": 200, "noise": 0.1, "test_ratio": 0.2,
                        "seed": 9}
