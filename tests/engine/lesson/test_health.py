"""Tests for engine.lesson.health: every figure against the per-example trace of the notes'
algorithm (z, a, d of each example) or a plain loop written here."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.lesson.health import HealthRecorder, layer_health
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer
from engine.network import Network
from engine.trace import Phase


def _data(m: int = 12, n: int = 3, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1.5, (m, n))
    return X, (X[:, :1] * X[:, 1:2] > 0).astype(float)


def _field(step, name: str) -> np.ndarray:
    """Return a named array of a trace step (typed payloads, or the older arrays mapping)."""
    payload = getattr(step, "payload", None)
    return np.array(getattr(payload, name) if payload is not None else step.arrays[name])


def _per_example(net: Network, X: np.ndarray, Y: np.ndarray, lam: float):
    """Return z[l], d[l] as lists over examples (from the trace) and the trace's D."""
    trace = net.trace(X, Y, lam=lam)
    z: dict[int, list[np.ndarray]] = {}
    d: dict[int, list[np.ndarray]] = {}
    for step in trace:
        if step.phase is Phase.FORWARD_Z:
            z.setdefault(step.layer, []).append(_field(step, "z"))
        elif step.phase in (Phase.OUTPUT_DELTA, Phase.HIDDEN_DELTA):
            d.setdefault(step.layer, []).append(_field(step, "d"))
    return z, d, trace.D


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_norms_equal_the_traces_D_and_the_weights(activation):
    X, Y = _data()
    net = Network([3, 5, 4, 1], activation, rng=np.random.default_rng(2))
    _z, _d, D = _per_example(net, X, Y, lam=0.3)
    rows = layer_health(net, X, Y, lam=0.3)
    assert [r.l for r in rows] == [1, 2, 3]
    for r, D_l, theta in zip(rows, D, net.thetas, strict=True):
        by_hand_D = math.sqrt(sum(float(v) ** 2 for v in np.ravel(D_l)))
        by_hand_T = math.sqrt(sum(float(v) ** 2 for v in np.ravel(theta)))
        assert r.norm_D == pytest.approx(by_hand_D, rel=1e-10)
        assert r.norm_Theta == pytest.approx(by_hand_T, rel=1e-12)
        assert r.relative_step == pytest.approx(by_hand_D / by_hand_T, rel=1e-10)


def test_norm_D_is_the_norm_of_network_gradients_with_lambda():
    X, Y = _data()
    net = Network([3, 4, 2], "tanh", "softmax", rng=np.random.default_rng(3))
    Y2 = np.column_stack([Y[:, 0], 1 - Y[:, 0]])
    D = net.gradients(X, Y2, lam=1.5)
    rows = layer_health(net, X, Y2, lam=1.5)
    assert [r.norm_D for r in rows] == pytest.approx([np.linalg.norm(g) for g in D], rel=1e-10)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_mean_abs_d_is_the_mean_over_examples_and_units_of_the_layer_fed(activation):
    X, Y = _data()
    net = Network([3, 5, 4, 1], activation, rng=np.random.default_rng(4))
    _z, d, _D = _per_example(net, X, Y, lam=0.0)
    rows = layer_health(net, X, Y)
    for r in rows:
        errors = d[r.l + 1]          # row l carries d(l+1): the errors that make D(l)
        total = sum(abs(float(v)) for e in errors for v in e)
        assert r.mean_abs_d == pytest.approx(total / (len(errors) * errors[0].size), rel=1e-10)


def test_saturated_share_counts_sigmoid_units_with_small_slope_per_example():
    X, Y = _data(m=20)
    rng = np.random.default_rng(5)
    # Large weights push many sigmoid units into saturation, some not.
    thetas = [rng.normal(0, 4, (6, 4)), rng.normal(0, 1, (1, 7))]
    net = Network.from_thetas(thetas, "sigmoid")
    z, _d, _D = _per_example(net, X, Y, lam=0.0)
    count = total = 0
    for z_example in z[2]:
        for value in z_example:
            s = 1 / (1 + math.exp(-value))
            count += s * (1 - s) < 0.01
            total += 1
    rows = layer_health(net, X, Y)
    assert 0 < count < total        # the case is a real mix
    assert rows[0].saturated_share == pytest.approx(count / total)
    assert math.isnan(rows[0].dead_share)
    assert math.isnan(rows[1].saturated_share) and math.isnan(rows[1].dead_share)  # the output


def test_tanh_saturation_uses_its_own_slope():
    X, Y = _data(m=20)
    rng = np.random.default_rng(6)
    net = Network.from_thetas([rng.normal(0, 3, (6, 4)), rng.normal(0, 1, (1, 7))], "tanh")
    z, _d, _D = _per_example(net, X, Y, lam=0.0)
    flags = [1 - math.tanh(v) ** 2 < 0.01 for e in z[2] for v in e]
    assert layer_health(net, X, Y)[0].saturated_share == pytest.approx(sum(flags) / len(flags))


def test_dead_share_counts_relus_never_positive_on_any_example():
    X, Y = _data(m=15)
    rng = np.random.default_rng(7)
    first = rng.normal(0, 1, (6, 4))
    first[1, 0] = first[4, 0] = -50.0          # two units that no example can switch on
    net = Network.from_thetas([first, rng.normal(0, 1, (1, 7))], "relu")
    z, _d, _D = _per_example(net, X, Y, lam=0.0)
    dead = [k for k in range(6) if all(e[k] <= 0 for e in z[2])]
    assert {1, 4} <= set(dead)
    row = layer_health(net, X, Y)[0]
    assert row.dead_share == pytest.approx(len(dead) / 6)
    assert math.isnan(row.saturated_share)


def test_negative_lambda_is_refused_with_its_value():
    X, Y = _data()
    net = Network([3, 2, 1], rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="-1"):
        layer_health(net, X, Y, lam=-1.0)


def _trainer(seed: int = 0) -> Trainer:
    X, Y = _data(m=30)
    net = Network([3, 4, 1], "tanh", rng=np.random.default_rng(seed))
    return Trainer(net, X, Y, Settings(lr=0.5, lam=0.1), np.random.default_rng(seed))


def test_recorder_keeps_epoch_zero_as_the_state_before_training():
    trainer = _trainer()
    before = layer_health(trainer.network, trainer._X, trainer._Y, 0.1)
    trainer.health = recorder = HealthRecorder()
    trainer.run(max_epochs=5)
    epoch0, rows0 = recorder.records()[0]
    assert epoch0 == 0 and rows0 == before


def test_recorder_rows_are_the_health_of_the_weights_at_that_epoch():
    """Replay the same training without a recorder and compare at each recorded epoch."""
    trainer = _trainer()
    trainer.health = recorder = HealthRecorder(every=1)    # (almost) free time: every epoch
    trainer.run(max_epochs=6)
    replay = _trainer()
    for epoch, rows in recorder.records():
        while replay.epoch < epoch:
            replay.run(max_epochs=1)
        assert rows == layer_health(replay.network, replay._X, replay._Y, 0.1), epoch
    assert [e for e, _ in recorder.records()] == [0, 1, 2, 3, 4, 5, 6]


def test_recording_does_not_change_training():
    a, b = _trainer(), _trainer()
    a.health = HealthRecorder(every=1)
    a.run(max_epochs=20)
    b.run(max_epochs=20)
    for ta, tb in zip(a.network.thetas, b.network.thetas, strict=True):
        assert np.array_equal(ta, tb)


def test_blocking_training_records_epoch_zero_and_every_sixteenth_stored_epoch():
    """The documented rule: epoch 0 and every multiple of RECORD_EVERY (16) × the history's
    stride, which stays 1 while the history (1000 points) is not full; the clock plays no part."""
    ticks = iter(range(10**6))
    trainer = _trainer()
    # A recorder whose clock says each record takes 5 s: a timing-based stride would skip most.
    trainer.health = recorder = HealthRecorder(clock=lambda: 5 * next(ticks))
    trainer.run(max_epochs=203)
    assert trainer.history.stride == 1
    assert list(recorder.epochs()) == list(range(0, 201, 16))
    recorder.record_latest(trainer)
    assert list(recorder.epochs()) == [*range(0, 201, 16), 203]


def test_recorded_rows_equal_the_health_computed_directly_at_those_epochs():
    trainer = _trainer()
    trainer.health = recorder = HealthRecorder()
    trainer.run(max_epochs=48)
    replay = _trainer()
    assert [e for e, _ in recorder.records()] == [0, 16, 32, 48]
    for epoch, rows in recorder.records():
        while replay.epoch < epoch:
            replay.run(max_epochs=1)
        assert rows == layer_health(replay.network, replay._X, replay._Y, 0.1), epoch


def test_recording_step_must_be_a_power_of_two():
    with pytest.raises(ValueError, match="power of two, got 3"):
        HealthRecorder(every=3)


def test_recorder_thins_to_its_capacity_keeping_multiples_of_the_stride():
    trainer = _trainer()
    trainer.health = recorder = HealthRecorder(every=1, capacity=8)
    trainer.run(max_epochs=40)
    epochs = recorder.epochs()
    assert len(epochs) <= 8 + 1
    assert all(e % recorder._min_stride == 0 for e in epochs)
    assert epochs[0] == 0


def test_recorder_starts_over_for_a_new_network():
    trainer = _trainer()
    trainer.health = recorder = HealthRecorder(every=1)
    trainer.run(max_epochs=3)
    X, Y = _data(m=30)
    trainer.set_problem(Network([3, 2, 1], rng=np.random.default_rng(9)), X, Y)
    trainer.run(max_epochs=2)
    assert [e for e, _ in recorder.records()] == [0, 1, 2]
    assert all(len(rows) == 2 for _, rows in recorder.records())


def test_csv_rows_hold_one_row_per_epoch_and_layer_in_the_contract_order():
    trainer = _trainer()
    trainer.health = recorder = HealthRecorder(every=1)
    trainer.run(max_epochs=2)
    rows = recorder.csv_rows()
    assert [(r[0], r[1]) for r in rows] == [(0, 1), (0, 2), (1, 1), (1, 2), (2, 1), (2, 2)]
    first = recorder.records()[0][1][0]
    assert rows[0][2:] == (first.norm_D, first.norm_Theta, first.mean_abs_d,
                           first.saturated_share, first.dead_share)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_deep_sigmoid_preset_starts_with_a_vanishing_gradient(seed):
    from engine.lesson.presets import build_preset

    setup = build_preset("deep-sigmoid", seed=seed)
    net = setup.network
    assert net.layer_sizes[1:-1] == [8] * 6 and net.activation == "sigmoid"
    D = net.gradients(setup.X, setup.Y, setup.lam)
    norms = [float(np.linalg.norm(g)) for g in D]
    assert norms[0] < 1e-2 * norms[-1]            # two orders of magnitude, at least
    assert layer_health(net, setup.X, setup.Y, setup.lam)[0].norm_D == pytest.approx(norms[0])


def test_after_a_roll_back_no_record_lies_beyond_the_epoch_training_went_back_to():
    X, Y = _data(m=30)
    net = Network([3, 4, 1], "relu", "linear", "squared_error", rng=np.random.default_rng(0))
    Yr = X[:, :1] * 50.0
    trainer = Trainer(net, X, Yr, Settings(lr=5.0), np.random.default_rng(0))
    trainer.health = recorder = HealthRecorder(every=1)
    divergence = trainer.run(max_epochs=200)
    assert divergence is not None
    recorder.record_latest(trainer)          # what the window and the CLI do once stopped
    assert recorder.epochs().max() == trainer.epoch
    assert np.all(np.isfinite(recorder.series("norm_Theta")))


_G = {"sigmoid": (lambda z: 1 / (1 + np.exp(-z)),
                  lambda z: 1 / (1 + np.exp(-z)) * (1 - 1 / (1 + np.exp(-z)))),
      "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
      "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float))}


def _plain_health(thetas, hidden, X, Y, lam, lam1):
    """Return (‖D‖, ‖Θ‖, mean |d|, saturated, dead) per row, written out from the module
    docstring: a sigmoid output with cross-entropy, examples as rows, nothing of the engine."""
    m, n = X.shape[0], len(thetas)
    ones = np.ones((m, 1))
    a, z = [X], [None]                  # a[k], z[k]: layer k + 1
    for k, theta in enumerate(thetas):
        z.append(np.hstack([ones, a[-1]]) @ theta.T)
        a.append(1 / (1 + np.exp(-z[-1])) if k == n - 1 else _G[hidden[k]][0](z[-1]))
    d = [None] * (n + 1)
    d[n] = a[n] - Y
    for k in range(n - 1, 0, -1):
        d[k] = (d[k + 1] @ thetas[k][:, 1:]) * _G[hidden[k - 1]][1](z[k])
    rows = []
    for l in range(1, n + 1):
        theta = thetas[l - 1]
        D = d[l].T @ np.hstack([ones, a[l - 1]]) / m
        D[:, 1:] += lam / m * theta[:, 1:] + lam1 / m * np.sign(theta[:, 1:])
        saturated = dead = math.nan
        if l < n and hidden[l - 1] in ("sigmoid", "tanh"):
            saturated = float(np.mean(_G[hidden[l - 1]][1](z[l]) < 0.01))
        elif l < n:
            dead = float(np.mean(np.all(z[l] <= 0, axis=0)))
        rows.append((np.linalg.norm(D), np.linalg.norm(theta), np.mean(np.abs(d[l])),
                     saturated, dead))
    return rows


@pytest.mark.parametrize("hidden, lam, lam1", [
    (["sigmoid", "sigmoid"], 0.0, 0.0), (["tanh", "tanh"], 0.3, 0.0),
    (["relu", "relu"], 0.0, 0.2), (["relu", "tanh"], 0.3, 0.2), (["tanh", "sigmoid"], 0.1, 0.1)])
def test_records_taken_from_the_training_steps_equal_the_figures_written_out(
        hidden, lam, lam1, monkeypatch):
    """The recorder reads the full-batch step's own pass (before its update) instead of making
    a second one; every record still equals the definition at that epoch's weights."""
    import engine.lesson.health as health

    direct = []
    monkeypatch.setattr(health, "layer_health",
                        lambda *args: direct.append(1) or layer_health(*args))
    X, Y = _data(m=40, seed=3)
    rng = np.random.default_rng(8)
    # Large first weights: a real mix of saturated (or dead) and working units.
    thetas = [rng.normal(0, 3, (5, 4)), rng.normal(0, 1, (4, 6)), rng.normal(0, 1, (1, 5))]
    thetas[0][2, 0] = -60.0                     # a ReLU no example switches on
    make = lambda: Network.from_thetas(thetas, hidden, "sigmoid", "cross_entropy")  # noqa: E731
    settings = Settings(lr=0.5, lam=lam, lam1=lam1)
    trainer = Trainer(make(), X, Y, settings, np.random.default_rng(0))
    trainer.health = recorder = HealthRecorder(every=1)
    trainer.run(max_epochs=6)
    assert len(direct) == 1           # only epoch 6, which no step followed, needed a pass
    replay = Trainer(make(), X, Y, settings, np.random.default_rng(0))
    mixes = set()
    for epoch, rows in recorder.records():
        while replay.epoch < epoch:
            replay.run(max_epochs=1)
        plain = _plain_health(replay.network.thetas, hidden, X, Y, lam, lam1)
        for r, (nD, nT, mean_d, saturated, dead) in zip(rows, plain, strict=True):
            assert (r.norm_D, r.norm_Theta, r.mean_abs_d) == pytest.approx(
                (nD, nT, mean_d), rel=1e-10), (epoch, r.l)
            assert r.saturated_share == pytest.approx(saturated, nan_ok=True, abs=1e-15)
            assert r.dead_share == pytest.approx(dead, nan_ok=True, abs=1e-15)
            mixes.add(r.saturated_share if hidden[r.l - 1:r.l] != ["relu"] else r.dead_share)
    assert [e for e, _ in recorder.records()] == list(range(7))
    assert any(0 < v < 1 for v in mixes)


def test_mini_batch_training_records_each_epoch_with_its_own_pass():
    X, Y = _data(m=30)
    net = Network([3, 4, 1], "sigmoid", rng=np.random.default_rng(1))
    trainer = Trainer(net, X, Y, Settings(lr=0.5, batch_size=7), np.random.default_rng(1))
    trainer.health = recorder = HealthRecorder(every=1)
    trainer.run(max_epochs=3)
    assert [e for e, _ in recorder.records()] == [0, 1, 2, 3]
    plain = _plain_health(net.thetas, ["sigmoid"], X, Y, 0.0, 0.0)
    assert recorder.records()[-1][1][0].norm_D == pytest.approx(plain[0][0], rel=1e-10)
