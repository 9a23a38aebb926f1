"""``--lr``, ``--lam``, ``--lam1``, ``--init`` and ``--activation`` on the command line: they reach
the headless trainer and the window's settings, and a bad value is argparse's one-line error."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from engine.lesson import headless
from engine.lesson.headless import Choices
from engine.lesson.presets import build_preset
from main import parse_args
from tests.test_cli import run_main


def _plain_D(thetas: list[np.ndarray], X: np.ndarray, Y: np.ndarray, lam1: float
             ) -> list[np.ndarray]:
    """Return D(1), D(2) of a tanh-hidden, sigmoid-output cross-entropy 2-layer network,
    written out from the notes (no engine code): d(3) = a(3) − y, d(2) = d(3)Θ(2) ⊙ (1 − a²)."""
    m = X.shape[0]
    a1 = np.hstack([np.ones((m, 1)), X])
    h = np.tanh(a1 @ thetas[0].T)
    a2 = np.hstack([np.ones((m, 1)), h])
    a3 = 1.0 / (1.0 + np.exp(-(a2 @ thetas[1].T)))
    d3 = a3 - Y
    d2 = (d3 @ thetas[1][:, 1:]) * (1.0 - h ** 2)
    D = [d2.T @ a1 / m, d3.T @ a2 / m]
    for Dl, theta in zip(D, thetas, strict=True):
        Dl[:, 1:] += (lam1 / m) * np.sign(theta[:, 1:])
    return D


def _health_rows(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_export_health_after_lam1_has_the_L1_term_in_D_at_epoch_0(tmp_path):
    out = tmp_path / "health.csv"
    proc = run_main("--preset", "xor", "--train-epochs", "3", "--lam1", "0.1",
                    "--export-health", str(out))
    assert proc.returncode == 0, proc.stderr
    setup = build_preset("xor")
    net = setup.network
    assert (net.layer_sizes, net.activation, net.output, net.loss_name) == (
        [2, 4, 1], "tanh", "sigmoid", "cross_entropy")
    with_l1 = _plain_D(net.thetas, setup.X, setup.Y, 0.1)
    without = _plain_D(net.thetas, setup.X, setup.Y, 0.0)
    rows = {r["l"]: r for r in _health_rows(out) if r["epoch"] == "0"}
    for l, (Dl, D0) in enumerate(zip(with_l1, without, strict=True), start=1):
        norm = float(rows[str(l)]["norm_D"])
        assert norm == pytest.approx(np.linalg.norm(Dl), rel=1e-9)
        assert abs(norm - np.linalg.norm(D0)) > 1e-6   # the L1 term did change it


def test_lr_lam_and_lam1_reach_the_headless_trainer_and_the_window(qapp):
    from ui.app import build_state

    argv = ["--preset", "xor", "--lr", "0.25", "--lam", "0.5", "--lam1", "0.125"]
    args = parse_args(argv)
    _setup, trainer = headless.build_trainer("xor", choices=Choices.from_args(args))
    window = build_state(args).settings
    for s in (trainer.settings, window):
        assert (s.lr, s.lam, s.lam1) == (0.25, 0.5, 0.125)
    assert parse_args(["--preset", "xor"]).lr is None     # the preset's own α stays


def test_lr_sets_the_first_update_of_the_headless_trainer():
    # One full-batch gradient-descent epoch moves Θ by −α·D, D from the plain computation.
    setup = build_preset("xor")
    D = _plain_D(setup.network.thetas, setup.X, setup.Y, 0.0)
    _s, trainer = headless.build_trainer("xor", choices=Choices(lr=0.03))
    assert trainer.settings.optimizer == "gradient_descent" and trainer.settings.batch_size is None
    before = [t.copy() for t in trainer.network.thetas]
    headless.train(trainer, 1)
    for t0, t1, Dl in zip(before, trainer.network.thetas, D, strict=True):
        np.testing.assert_allclose(t1, t0 - 0.03 * Dl, rtol=1e-10, atol=1e-12)


def test_init_he_draws_Theta_1_with_Hes_std_on_a_wide_layer(qapp):
    from ui.app import build_state

    args = parse_args(["--preset", "digits", "--init", "he"])
    _setup, trainer = headless.build_trainer("digits", choices=Choices.from_args(args))
    state = build_state(args)
    assert state.settings.init == trainer.settings.init == "he"
    for net in (trainer.network, state.network):
        theta = net.thetas[0]                       # 32 × (1 + 64)
        weights = theta[:, 1:]
        # He: N(0, 2/s_in), s_in = 64 → σ = 0.1768. The sample std of n = 2048 normal draws
        # has a standard error of σ/√(2n) ≈ 1.6 % of σ: 6 % is nearly 4 standard errors,
        # and it tells He (0.177) from Xavier (√(2/96) = 0.144).
        assert weights.std() == pytest.approx(np.sqrt(2.0 / 64), rel=0.06)
        assert abs(weights.mean()) < 4 * np.sqrt(2.0 / 64) / np.sqrt(weights.size)
        assert np.all(theta[:, 0] == 0.0)           # He's biases start at 0
    np.testing.assert_array_equal(trainer.network.thetas[0], state.network.thetas[0])


def test_activation_names_one_g_per_hidden_layer():
    args = parse_args(["--preset", "deep-sigmoid", "--activation",
                       "relu,tanh,elu,gelu,softplus,leaky_relu"])
    _s, trainer = headless.build_trainer("deep-sigmoid", choices=Choices.from_args(args))
    assert [str(getattr(g, "value", g)) for g in trainer.network.activations] == [
        "relu", "tanh", "elu", "gelu", "softplus", "leaky_relu"]
    # Without --init the preset's weights stay; only g changes.
    for a, b in zip(trainer.network.thetas, build_preset("deep-sigmoid").network.thetas,
                    strict=True):
        np.testing.assert_array_equal(a, b)
    _s, one = headless.build_trainer("xor", choices=Choices(activation=("relu",)))
    assert [str(getattr(g, "value", g)) for g in one.network.activations] == ["relu"]


@pytest.mark.parametrize(("argv", "fragment"), [
    (["--lr", "0"], "argument --lr:"),
    (["--lr", "-0.1"], "argument --lr:"),
    (["--lr", "nan"], "argument --lr:"),
    (["--lr", "fast"], "argument --lr:"),
    (["--lam", "-1"], "argument --lam:"),
    (["--lam", "inf"], "argument --lam:"),
    (["--lam1", "-0.5"], "argument --lam1:"),
    (["--lam1", "nan"], "argument --lam1:"),
    (["--init", "glorot"], "argument --init:"),
    (["--activation", "swish"], "argument --activation:"),
    (["--activation", "relu,tanh"], "argument --activation: 2 names for 1 hidden"),
    (["s.json", "--lr", "0.1"], "--lr works on a --preset"),
])
def test_bad_choices_are_one_line_argparse_errors_naming_the_flag(argv, fragment, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--preset", "xor", *argv])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("backprop-visualizer: error:") and fragment in err


def test_a_bad_choice_exits_2_from_the_command_line():
    proc = run_main("--preset", "xor", "--lam1", "-1", "--train-epochs", "1",
                    "--export-health", "never-written.csv")
    assert proc.returncode == 2
    assert "argument --lam1" in proc.stderr and "Traceback" not in proc.stderr
