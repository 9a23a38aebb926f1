"""Tests for engine.lesson.presets: what each preset brings, and what it leaves behind."""

from __future__ import annotations

import numpy as np
import pytest

from engine.datasets import DATASETS
from engine.documents.worked_example import worked_example_markdown
from engine.lesson.headless import build_trainer, train
from engine.lesson.presets import (
    MAZUR_ARTICLE,
    PRESETS,
    LearningSettings,
    article_for,
    article_update,
    build_preset,
    data_article,
    output_for,
    settings_for,
    settings_for_data,
    suggested_lr,
)

# Mazur's article, written out here from the article's text (not from the code under test).
W1 = np.array([[0.35, 0.15, 0.20], [0.35, 0.25, 0.30]])
W2 = np.array([[0.60, 0.40, 0.45], [0.60, 0.50, 0.55]])
X, T = np.array([0.05, 0.10]), np.array([0.01, 0.99])


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _forward(W1, W2):
    h = _sigmoid(W1 @ np.r_[1.0, X])
    return h, _sigmoid(W2 @ np.r_[1.0, h])


def _total_error(W1, W2):
    return 0.5 * float(np.sum((T - _forward(W1, W2)[1]) ** 2))


def _one_update(sequential: bool):
    """Return Mazur's E_total after one update of w1…w8 (biases kept), α = 0.5. With
    ``sequential`` the hidden errors go back through the already-updated w5…w8, as the script
    behind the article did."""
    h, o = _forward(W1, W2)
    d_out = (o - T) * o * (1 - o)
    new2 = W2.copy()
    new2[:, 1:] -= 0.5 * np.outer(d_out, h)
    back = new2 if sequential else W2
    d_hid = (back[:, 1:].T @ d_out) * h * (1 - h)
    new1 = W1.copy()
    new1[:, 1:] -= 0.5 * np.outer(d_hid, X)
    return _total_error(new1, new2)


def test_the_articles_printed_error_comes_from_updating_in_sequence():
    assert f"{_one_update(sequential=True):.9f}" == "0.291027924"
    assert f"{_one_update(sequential=False):.9f}" == "0.291027774"
    assert MAZUR_ARTICLE.printed_J_after == 0.291027924


def test_the_app_update_is_the_simultaneous_one_and_the_worked_example_says_why():
    s = build_preset("mazur")
    trace = s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias)
    assert trace.J_after == pytest.approx(_one_update(sequential=False), abs=1e-15)
    doc = worked_example_markdown(trace)
    assert "0.291027924" in doc and "0.291027774" in doc and "w5…w8 already updated" in doc
    assert "0,291027924" in worked_example_markdown(trace, lang="pt")


def test_no_article_note_once_the_update_is_not_the_articles():
    s = build_preset("mazur")
    trace = s.network.trace(s.X, s.Y, lam=0.0, lr=0.1, freeze_bias=True)
    assert article_update(trace.thetas, trace.X, trace.Y, trace.lr, trace.lam,
                          trace.freeze_bias) is None
    assert "0.291027924" not in worked_example_markdown(trace)


def test_only_mazurs_preset_keeps_the_biases_fixed():
    assert settings_for("mazur").freeze_bias
    for name in DATASETS:
        assert not settings_for(name).freeze_bias, name


def test_a_preset_sets_its_own_fields_and_defaults_for_the_rest():
    defaults = LearningSettings()
    spirals = settings_for("spirals")
    assert spirals.lr == 0.1
    assert (spirals.lam, spirals.batch_size, spirals.optimizer, spirals.freeze_bias) == (
        defaults.lam, defaults.batch_size, defaults.optimizer, False)
    assert settings_for("custom") == defaults      # a file or an import: defaults only


def test_article_weights_are_recognised_exactly():
    assert article_for([W1, W2]) is MAZUR_ARTICLE
    nudged = W1.copy()
    nudged[0, 1] += 1e-12
    assert article_for([nudged, W2]) is None
    assert article_for([W1]) is None


def test_a_trained_mazur_network_is_no_longer_the_articles():
    s = build_preset("mazur")
    assert article_for(s.network.thetas) is MAZUR_ARTICLE
    s.network.train_step(s.X, s.Y, 0.5, freeze_bias=True)
    assert article_for(s.network.thetas) is None


def test_the_articles_weights_cannot_be_edited_through_a_network():
    s = build_preset("mazur")
    s.network.set_weight(1, 0, 1, 9.0)
    assert MAZUR_ARTICLE.thetas[0][0, 1] == 0.15
    assert MAZUR_ARTICLE.weight_name(1, 0, 1) == "w1"
    assert MAZUR_ARTICLE.weight_name(2, 1, 2) == "w8"


def test_the_data_are_the_articles_only_while_no_data_set_replaced_them():
    assert data_article("mazur", None) is MAZUR_ARTICLE
    xor = build_preset("xor")
    assert data_article("mazur", xor.dataset) is None
    assert data_article("xor", None) is None


def test_adam_gets_an_alpha_of_its_own():
    assert suggested_lr("adam", "digits") == 0.01
    assert suggested_lr("gradient_descent", "spirals") == 0.1
    assert suggested_lr("momentum", "xor") == pytest.approx(0.05)


def test_every_preset_builds_with_its_table_entry():
    for name, spec in PRESETS.items():
        s = build_preset(name)
        assert (s.lr, s.freeze_bias) == (spec.settings.lr, spec.settings.freeze_bias)
        if spec.article is None:
            assert s.network.layer_sizes[1:-1] == list(spec.hidden)


REGRESSION_PRESETS = ("sin", "abs", "step", "cubic")


@pytest.mark.parametrize("name", REGRESSION_PRESETS)
def test_regression_presets_bring_a_linear_output_with_squared_error_and_adam(name):
    s = build_preset(name)
    assert s.dataset.task == "regression" and s.network.layer_sizes == [1, 8, 8, 1]
    assert (s.network.activation, s.network.output, s.network.loss_name) == (
        "tanh", "linear", "squared_error")
    assert (s.settings().optimizer, s.settings().lr) == ("adam", 0.01)


@pytest.mark.parametrize("name", REGRESSION_PRESETS)
def test_each_regression_preset_learns_its_curve_in_a_lesson(name):
    # 1000 epochs: a few seconds in the window. A constant h(x) = mean(y) has a mean squared
    # error of var(y); the noise alone (σ = 0.1) leaves 0.01, 2–4 % of var(y) for these sets.
    # Below 10 % on the training set the curve has the data's shape, far from the line it
    # starts as. The 40 held-out examples get twice the room: near the step's edge a single
    # noisy example on the other side costs them several per cent.
    setup, trainer = build_trainer(name)
    assert train(trainer, 1000) is None
    net, ds = trainer.network, setup.dataset
    for X, Y, share in ((ds.X_train, ds.Y_train, 0.1), (ds.X_test, ds.Y_test, 0.2)):
        mse = float(np.mean((net.predict(X) - Y) ** 2))
        assert mse < share * float(np.var(Y)), (name, mse, float(np.var(Y)))


def test_a_regression_preset_suggests_its_own_alpha_per_optimizer():
    assert suggested_lr("adam", "sin") == 0.01
    assert suggested_lr("gradient_descent", "sin") == 0.3
    assert suggested_lr("momentum", "sin") == pytest.approx(0.03)


def test_imported_data_gets_settings_for_its_kind_of_target():
    from engine.datasets import load as load_data
    assert settings_for_data(load_data("cubic")).optimizer == "adam"
    assert settings_for_data(load_data("xor")) == LearningSettings()
    assert output_for(load_data("sin")) == ("linear", "squared_error")
    assert output_for(load_data("blobs")) == ("softmax", "cross_entropy")
    assert output_for(load_data("moons")) == ("sigmoid", "cross_entropy")


def test_the_command_line_offers_every_preset():
    import main

    assert set(main.PRESETS) == set(PRESETS)
