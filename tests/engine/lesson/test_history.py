"""Tests for engine.lesson.history: bounded, evenly thinned loss history."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from engine.lesson.history import HistoryPoint, LossHistory


def _fill(history: LossHistory, epochs: int) -> None:
    for e in range(1, epochs + 1):
        history.add(HistoryPoint(e, 1.0 / e, 2.0 / e, 0.5, math.nan))


def test_short_history_keeps_every_epoch():
    h = LossHistory(capacity=100)
    _fill(h, 10)
    assert h.epochs().tolist() == list(range(1, 11))
    np.testing.assert_array_equal(h.series("train_cost"), 1.0 / np.arange(1, 11))


def test_a_million_epochs_keep_a_bounded_number_of_points():
    h = LossHistory(capacity=64)
    _fill(h, 1_000_000)
    assert len(h) <= 64
    assert len(h) >= 32
    assert h.epochs()[-1] == 1_000_000


def test_thinned_points_are_evenly_spaced_exact_values():
    h = LossHistory(capacity=8)
    _fill(h, 100)
    stored = h.epochs()[:-1]      # the last one is the latest epoch, kept apart
    assert stored[0] == 1         # the first epoch, never thinned
    assert np.all(stored[1:] % h.stride == 0)
    assert len(set(np.diff(stored[1:]).tolist())) == 1
    np.testing.assert_array_equal(h.series("test_cost")[:-1], 2.0 / stored)


def test_latest_epoch_is_always_the_curve_end():
    h = LossHistory(capacity=8)
    _fill(h, 37)
    assert h.epochs()[-1] == 37
    assert h.series("train_cost")[-1] == 1.0 / 37


def test_epochs_must_increase():
    h = LossHistory(capacity=8)
    h.add(HistoryPoint(5, 1.0))
    with pytest.raises(ValueError, match="increase"):
        h.add(HistoryPoint(5, 1.0))


def test_missing_measures_are_reported_absent():
    h = LossHistory(capacity=8)
    _fill(h, 3)
    assert h.has("train_accuracy")
    assert not h.has("test_accuracy")


def test_to_dict_round_trips_through_json():
    h = LossHistory(capacity=8)
    _fill(h, 50)
    data = json.loads(json.dumps(h.to_dict()))
    g = LossHistory(capacity=100)
    g.load_dict(data)
    np.testing.assert_array_equal(g.epochs(), h.epochs())
    np.testing.assert_array_equal(g.series("train_cost"), h.series("train_cost"))
    assert np.all(np.isnan(g.series("test_accuracy")))
    assert g.stride == h.stride and g.capacity == 8


def test_load_dict_names_a_malformed_history():
    with pytest.raises(ValueError, match="training history"):
        LossHistory().load_dict({"epochs": [1, 2]})


@pytest.mark.parametrize("edit", [
    lambda d: d["train_cost"].__setitem__(0, 10**400),         # beyond float range
    lambda d: d["epochs"].__setitem__(1, 2**70),                # beyond int64
    lambda d: d.__setitem__("latest", {"epoch": 3, "train_cost": -10**400}),
    lambda d: d.__setitem__("latest", {"epoch": 2**70, "train_cost": 1.0}),
    lambda d: d.__setitem__("latest", {"epoch": 1, "train_cost": 1.0}),   # before the stored 2
    lambda d: d.__setitem__("capacity", 10**13),                # 80 TB of epochs
])
def test_load_dict_refuses_numbers_it_cannot_hold_with_a_value_error(edit):
    data = {"capacity": 8, "stride": 1, "epochs": [1, 2], "train_cost": [1.0, 0.5],
            "test_cost": [None, None], "train_accuracy": [None, None],
            "test_accuracy": [None, None]}
    edit(data)
    h = LossHistory(capacity=8)
    _fill(h, 3)
    before = (h.epochs().tolist(), h.series("train_cost").tolist())
    with pytest.raises(ValueError, match="training history"):
        h.load_dict(data)
    assert (h.epochs().tolist(), h.series("train_cost").tolist()) == before


# --- the first epoch and the min/max envelope ---------------------------------------------------

def _train_like_the_window_one(history: LossHistory, epoch: int, cost: float) -> None:
    """Record J of ``epoch`` the way the training controller does: ``add`` on the history's
    stride, ``note`` off it."""
    if epoch % history.stride == 0:
        history.add(HistoryPoint(epoch, cost))
    else:
        history.note(epoch, cost)


def _train_like_the_window(history: LossHistory, costs) -> None:
    """Record ``costs``, J of epochs 1, 2, ..."""
    for epoch, cost in enumerate(costs, start=1):
        _train_like_the_window_one(history, epoch, float(cost))


def _plain_envelope(epochs: np.ndarray, costs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the lowest and highest J of each point's epochs (those after the point before,
    up to its own; the first point is its own epoch), computed with plain slices."""
    lo, hi = [costs[epochs[0] - 1]], [costs[epochs[0] - 1]]
    for before, epoch in zip(epochs[:-1], epochs[1:], strict=True):
        interval = costs[before:epoch]            # epochs before+1 .. epoch (1-based)
        lo.append(interval.min())
        hi.append(interval.max())
    return np.array(lo), np.array(hi)


def test_thinning_keeps_the_first_epoch_where_the_curve_starts():
    costs = 1.0 / np.sqrt(np.arange(1, 30_001))       # a known, falling sequence
    h = LossHistory(capacity=1000)
    _train_like_the_window(h, costs)
    assert h.stride > 1                               # it was thinned (several times)
    assert h.epochs()[0] == 1
    assert h.series("train_cost")[0] == costs[0]      # J of epoch 1, not of epoch 32


def test_an_alternating_cost_keeps_its_low_and_high_in_every_interval():
    costs = np.where(np.arange(1, 100_001) % 2 == 1, 22.2, 2.2)     # 22.2, 2.2, 22.2, ...
    h = LossHistory(capacity=1000)
    _train_like_the_window(h, costs)
    lo, hi = h.envelope()
    assert h.epochs()[-1] == 100_000 and h.stride >= 64
    assert lo[0] == hi[0] == 22.2                     # epoch 1 alone
    assert np.all(lo[1:] == 2.2) and np.all(hi[1:] == 22.2)
    # The line itself only passes through even epochs (2.2): the envelope is what shows the
    # oscillation.
    assert np.all(h.series("train_cost")[1:] == 2.2)


def test_the_envelope_is_each_intervals_min_and_max_and_the_extremes_survive():
    rng = np.random.default_rng(5)
    costs = np.exp(rng.normal(0.0, 1.0, 50_000))
    costs[[7, 12_345, 49_998]] = [1e-9, 1e6, 3e5]     # spikes between the kept epochs
    h = LossHistory(capacity=64)
    _train_like_the_window(h, costs)
    epochs = h.epochs()
    lo, hi = h.envelope()
    want_lo, want_hi = _plain_envelope(epochs, costs)
    np.testing.assert_array_equal(lo, want_lo)
    np.testing.assert_array_equal(hi, want_hi)
    assert lo.min() == costs.min() == 1e-9
    assert hi.max() == costs.max() == 1e6


def test_the_memory_bound_holds_at_every_epoch():
    h = LossHistory(capacity=16)
    rng = np.random.default_rng(1)
    for epoch, cost in enumerate(rng.random(5_000), start=1):
        _train_like_the_window_one(h, epoch, cost)
        assert len(h) <= 16 and h.epochs().size <= 17
    assert h._epochs.size == h._lo.size == h._hi.size == 16     # nothing grew behind the bound


def test_a_first_epoch_that_is_only_noted_is_still_kept():
    h = LossHistory(capacity=8)
    h.stride = 4                     # e.g. a loaded, empty history that had been thinned
    h.note(3, 0.9)
    h.note(5, 0.7)
    assert h.epochs().tolist() == [3, 5]
    assert h.series("train_cost").tolist() == [0.9, 0.7]


def test_measures_taken_later_reach_the_stored_latest_point():
    # The window measures test cost and accuracy of the newest epoch when training pauses; an
    # epoch on the stride is stored too, and must carry them (digits: the accuracy curve
    # ended at epoch 128 of 200).
    h = LossHistory(capacity=8)
    h.add(HistoryPoint(1, 0.5, 0.6, 0.7, 0.8))
    h.add(HistoryPoint(2, 0.4))                        # stored, not measured
    h.latest = HistoryPoint(2, 0.4, 0.45, 0.75, 0.85)
    assert h.series("train_accuracy").tolist() == [0.7, 0.75]
    assert h.series("test_cost").tolist() == [0.6, 0.45]
    assert h.to_dict()["test_accuracy"] == [0.8, 0.85]


def test_the_envelope_round_trips_and_training_continues_as_if_never_saved():
    costs = np.where(np.arange(1, 3_001) % 3 == 0, 5.0, 1.0) + np.arange(3_000) * 1e-4
    whole = LossHistory(capacity=32)
    _train_like_the_window(whole, costs)
    part = LossHistory(capacity=32)
    _train_like_the_window(part, costs[:1_234])
    resumed = LossHistory()
    resumed.load_dict(json.loads(json.dumps(part.to_dict())))
    for epoch in range(1_235, 3_001):
        _train_like_the_window_one(resumed, epoch, costs[epoch - 1])
    np.testing.assert_array_equal(resumed.epochs(), whole.epochs())
    for got, want in zip(resumed.envelope(), whole.envelope(), strict=True):
        np.testing.assert_array_equal(got, want)


def test_a_history_saved_before_the_envelope_opens_with_min_equal_max_equal_value():
    old = {"capacity": 8, "stride": 2, "epochs": [2, 4, 6], "train_cost": [0.9, 0.5, 0.4],
           "test_cost": [None] * 3, "train_accuracy": [None] * 3, "test_accuracy": [None] * 3,
           "latest": {"epoch": 7, "train_cost": 0.35}}
    h = LossHistory()
    h.load_dict(old)
    lo, hi = h.envelope()
    assert lo.tolist() == hi.tolist() == [0.9, 0.5, 0.4, 0.35]


def _saved(**changes) -> dict:
    data = {"capacity": 8, "stride": 1, "epochs": [1, 2], "train_cost": [0.3, 0.5],
            "test_cost": [None, None], "train_accuracy": [None, None],
            "test_accuracy": [None, None], "train_cost_min": [0.3, 0.2],
            "train_cost_max": [0.3, 0.6], "latest": {"epoch": 3, "train_cost": 0.4,
                                                     "train_cost_min": 0.1,
                                                     "train_cost_max": 0.4}}
    data.update(changes)
    return data


@pytest.mark.parametrize("changes,named", [
    ({"train_cost_min": [0.3]}, "train_cost_min has 1 entries; expected one per epoch (2)"),
    ({"train_cost_max": "high"}, "train_cost_max must be a list"),
    ({"train_cost_min": [0.3, 0.55]}, "train_cost_min[1] must be at most train_cost[1] (0.5)"),
    ({"train_cost_max": [0.3, 0.45]}, "train_cost_max[1] must be at least train_cost[1] (0.5)"),
    ({"train_cost_max": [0.3, "0.6"]}, "train_cost_max[1] must be a number or null, got '0.6'"),
    ({"train_cost_max": [0.3, True]}, "train_cost_max[1] must be a number or null, got True"),
    ({"train_cost_min": [0.3, -10**400]}, "train_cost_min[1] must be finite"),
    ({"train_cost_max": [0.3, math.inf]}, "train_cost_max[1] must be finite"),
    ({"latest": {"epoch": 3, "train_cost": 0.4, "train_cost_min": 0.5}},
     "latest.train_cost_min must be at most latest.train_cost (0.4), got 0.5"),
    ({"latest": {"epoch": 3, "train_cost": 0.4, "train_cost_max": 10**400}},
     "latest.train_cost_max must be finite"),
])
def test_a_malformed_envelope_is_refused_naming_the_field(changes, named):
    h = LossHistory(capacity=8)
    _fill(h, 3)
    before = (h.epochs().tolist(), [a.tolist() for a in h.envelope()])
    with pytest.raises(ValueError) as info:
        h.load_dict(_saved(**changes))
    assert named in str(info.value)
    assert (h.epochs().tolist(), [a.tolist() for a in h.envelope()]) == before


def test_a_well_formed_envelope_loads_as_written():
    h = LossHistory()
    h.load_dict(_saved())
    lo, hi = h.envelope()
    assert lo.tolist() == [0.3, 0.2, 0.1] and hi.tolist() == [0.3, 0.6, 0.4]
    h.load_dict(_saved(train_cost_min=[None, 0.2]))       # null: the value itself
    assert h.envelope()[0].tolist() == [0.3, 0.2, 0.1]
