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
    assert np.all(stored % h.stride == 0)
    assert len(set(np.diff(stored).tolist())) == 1
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
