"""``--features`` on the command line: the preset's points fed through the features, in the
headless exports as in the window."""

from __future__ import annotations

import argparse
import csv

import numpy as np
import pytest

from engine.features import FeatureSet, raw_of
from engine.lesson import headless
from main import parse_args
from tests.test_cli import run_main


def test_features_are_parsed_into_a_feature_set():
    args = parse_args(["--preset", "xor", "--features", "x1, x2, x1*x2"])
    assert args.features == FeatureSet(("x1", "x2", "x1x2"))
    assert parse_args(["--preset", "xor"]).features is None


@pytest.mark.parametrize(("argv", "fragment"), [
    (["--preset", "xor", "--features", "x1,x3"], "unknown input feature 'x3'"),
    (["--preset", "iris", "--features", "x1x2"], "'iris' has 4"),
    (["--preset", "mazur", "--features", "x1^2"], "'mazur'"),
    (["s.json", "--features", "x1"], "a session file keeps its own"),
])
def test_bad_features_are_one_line_argparse_errors(argv, fragment, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("backprop-visualizer: error:") and fragment in err


def test_export_health_trains_the_network_of_the_features(tmp_path):
    out = tmp_path / "health.csv"
    proc = run_main("--preset", "xor", "--features", "x1x2", "--train-epochs", "3",
                    "--export-health", str(out))
    assert proc.returncode == 0, proc.stderr
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # Θ(1) of a 1-4-1 network: 4 rows of (bias, x₁x₂) at epoch 0.
    setup, _ = headless.build_trainer("xor", features=FeatureSet(("x1x2",)))
    assert setup.network.layer_sizes == [1, 4, 1]
    first = next(r for r in rows if r["epoch"] == "0" and r["l"] == "1")
    assert float(first["norm_Theta"]) == pytest.approx(np.linalg.norm(setup.network.thetas[0]))


def test_headless_trainer_scores_the_test_set_through_the_features():
    setup, trainer = headless.build_trainer("circles", features=FeatureSet(("x1sq", "x2sq")))
    raw = raw_of(setup.dataset)
    np.testing.assert_array_equal(trainer.test[0], raw.X_test ** 2)
    np.testing.assert_array_equal(setup.X, raw.X_train ** 2)


def test_headless_training_with_features_gives_the_windows_weights(qapp):
    from ui.app import build_state
    from ui.training.scheduler import TrainingController

    features = FeatureSet(("x1", "sinx2"))
    args = argparse.Namespace(preset="moons", seed=2, features=features)
    controller = TrainingController(build_state(args), seed=2)
    controller.train_epochs(20)
    _setup, trainer = headless.build_trainer("moons", seed=2, features=features)
    headless.train(trainer, 20)
    for a, b in zip(trainer.network.thetas, controller.state.network.thetas, strict=True):
        assert np.array_equal(a, b)
