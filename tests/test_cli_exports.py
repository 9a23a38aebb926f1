"""The headless exports of issue 16: ``--train-epochs N --export-health`` and
``--export-landscape``, their argument checks, and that headless training is the window's."""

from __future__ import annotations

import argparse
import csv
import math

import numpy as np
import pytest

from engine.lesson import headless
from engine.lesson.health import CSV_FIELDS, layer_health
from main import parse_args
from tests.test_cli import _one_line_error, run_main


def _read(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_export_health_writes_epoch_zero_and_one_row_per_layer(tmp_path):
    out = tmp_path / "health.csv"
    proc = run_main("--preset", "xor", "--train-epochs", "30", "--export-health", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = _read(out)
    assert tuple(rows[0]) == CSV_FIELDS
    epochs = sorted({int(r["epoch"]) for r in rows})
    assert epochs[0] == 0 and epochs[-1] == 30
    assert all({r["l"] for r in rows if int(r["epoch"]) == e} == {"1", "2"} for e in epochs)
    # Epoch 0 is the preset's network before any training, D with the preset's λ.
    setup, trainer = headless.build_trainer("xor", seed=0)
    want = layer_health(setup.network, setup.X, setup.Y, setup.lam)
    got = [r for r in rows if r["epoch"] == "0"]
    for w, g in zip(want, got, strict=True):
        assert float(g["norm_D"]) == w.norm_D and float(g["norm_Theta"]) == w.norm_Theta
        assert float(g["mean_abs_d"]) == w.mean_abs_d
        assert (g["saturated_share"] == "") == math.isnan(w.saturated_share)
    assert got[1]["saturated_share"] == "" and got[1]["dead_share"] == ""   # the output layer


def test_export_landscape_writes_the_grid_with_J_now_at_its_centre(tmp_path):
    out = tmp_path / "J.csv"
    proc = run_main("--preset", "xor", "--train-epochs", "5", "--export-landscape", str(out),
                    "--landscape-weights", "1,2,1;2,1,0", "--landscape-span", "0.5",
                    "--landscape-steps", "5")
    assert proc.returncode == 0, proc.stderr
    rows = _read(out)
    assert list(rows[0]) == ["w1", "w2", "J"] and len(rows) == 25
    setup, trainer = headless.build_trainer("xor", seed=0)
    headless.train(trainer, 5)
    net = trainer.network
    centre = rows[12]
    assert float(centre["w1"]) == net.thetas[0][1, 1]
    assert float(centre["w2"]) == net.thetas[1][0, 0]
    assert float(centre["J"]) == pytest.approx(net.cost(setup.X, setup.Y, setup.lam), rel=1e-12)
    assert float(rows[0]["w1"]) == pytest.approx(net.thetas[0][1, 1] - 0.5)


@pytest.mark.parametrize("args,fragment", [
    (["--landscape-weights", "1,9,1;2,1,0"], "2-4-1"),
    (["--landscape-weights", "5,1,1;2,1,0"], "l must be 1..2"),
    (["--landscape-weights", "1,1,1;1,1,1"], "same weight twice"),
    (["--landscape-weights", "1,1;2,1,0"], "l,i,j;l,i,j"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-span", "-1"], "positive"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-steps", "1"], "2..1001"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-span=1e308"], "at most 1e+06"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-span", "inf"], "--landscape-span"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-span", "nan"], "--landscape-span"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-span", "1000001"], "at most 1e+06"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-steps", "inf"], "--landscape-steps"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-steps", "nan"], "--landscape-steps"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-steps", "1e308"], "2..1001"),
    (["--landscape-weights", "1,1,1;2,1,0", "--landscape-steps", "9" * 400], "2..1001"),
    ([], "needs --landscape-weights"),
])
def test_bad_landscape_arguments_are_one_line_argparse_errors(args, fragment, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--preset", "xor", "--export-landscape", "J.csv", *args])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("backprop-visualizer: error:") and fragment in err


def test_landscape_span_at_the_session_limit_is_accepted():
    args = parse_args(["--preset", "xor", "--export-landscape", "J.csv", "--landscape-weights",
                       "1,1,1;2,1,0", "--landscape-span", "1e6"])
    assert args.landscape_span == 1e6


@pytest.mark.parametrize("flag,value", [("--step", "1e308"), ("--step", "inf"),
                                        ("--train-epochs", "nan"), ("--seed", "9" * 400),
                                        ("--examples", "inf")])
def test_numeric_flags_refuse_inf_nan_and_huge_values(flag, value, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--preset", "xor", flag, value])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("backprop-visualizer: error:") and flag in err


def test_landscape_options_without_the_export_are_refused(capsys):
    with pytest.raises(SystemExit):
        parse_args(["--landscape-span", "2"])
    assert "needs --export-landscape" in capsys.readouterr().err


def test_exports_refuse_a_screenshot_beside_them(capsys):
    with pytest.raises(SystemExit):
        parse_args(["--export-health", "h.csv", "--screenshot", "x.png"])
    assert "--screenshot cannot be combined" in capsys.readouterr().err


def test_export_to_an_unwritable_place_exits_2_with_one_line(tmp_path):
    proc = run_main("--preset", "and", "--export-health", str(tmp_path / "no" / "h.csv"))
    assert "could not write" in _one_line_error(proc)


@pytest.mark.parametrize("preset,epochs", [("xor", 40), ("moons", 25), ("mazur", 3)])
def test_headless_training_gives_the_windows_weights(qapp, preset, epochs):
    from ui.app import build_state
    from ui.training.scheduler import TrainingController

    args = argparse.Namespace(preset=preset, seed=3)
    controller = TrainingController(build_state(args), seed=3)
    controller.train_epochs(epochs)
    _setup, trainer = headless.build_trainer(preset, seed=3)
    headless.train(trainer, epochs)
    assert trainer.epoch == controller.epoch == epochs
    for a, b in zip(trainer.network.thetas, controller.state.network.thetas, strict=True):
        assert np.array_equal(a, b)
