"""Tests for engine.files.session_comparison: the compared run saved with a session and read back
checked."""

from __future__ import annotations

import json
from dataclasses import asdict

import numpy as np
import pytest

from engine.files.session_format import Session, SessionError, dumps, loads
from engine.lesson.comparison import Comparison, Variant
from engine.lesson.health import HealthRecorder
from engine.lesson.presets import build_preset
from engine.lesson.settings import Settings
from engine.lesson.trainer import Trainer
from tests.trainers import preset_trainer


def _session(variant: Variant, **settings: object) -> tuple[Session, Comparison, Trainer]:
    main, setup = preset_trainer("xor", 0, **settings)
    s = main.settings
    comparison = Comparison(variant, main, seed=0)
    main.run(max_epochs=5)
    comparison.step(5)
    session = Session(setup.network.copy(), setup.X, setup.Y, setup.dataset, asdict(s),
                      preset="xor", training=main.training_state(),
                      comparison=comparison.saved())
    return session, comparison, main


@pytest.mark.parametrize("variant", [
    Variant("activation", "relu"), Variant("lr", 0.05), Variant("optimizer", "adam"),
    Variant("init", "xavier"), Variant("mistake", "update-uphill"), Variant("none"),
])
def test_a_comparison_saves_and_reopens_to_the_same_text(variant):
    session, comparison, _ = _session(variant, lr=0.1, batch_size=16)
    text = dumps(session)
    loaded = loads(text.encode("utf-8"))
    assert loaded.comparison is not None and loaded.comparison.variant == variant
    for got, want in zip(loaded.comparison.thetas, comparison.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)
    assert dumps(loaded) == text


def test_a_reopened_comparison_trains_on_as_the_uninterrupted_one():
    session, comparison, main = _session(Variant("lr", 0.05), lr=0.1, batch_size=16,
                                         optimizer="momentum")
    loaded = loads(dumps(session).encode("utf-8"))
    restored = Comparison.restore(loaded.comparison, main)
    comparison.step(3)
    restored.step(3)
    for got, want in zip(restored.network.thetas, comparison.network.thetas, strict=True):
        np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(restored.history.series("train_cost"),
                                  comparison.history.series("train_cost"))


def test_files_without_a_comparison_still_open():
    session, _, _ = _session(Variant("none"))
    doc = json.loads(dumps(session))
    del doc["comparison"]
    assert loads(json.dumps(doc)).comparison is None


def _hostile(change: str, edit) -> str:
    session, _, _ = _session(Variant("lr", 0.05))
    doc = json.loads(dumps(session))
    edit(doc["comparison"])
    return json.dumps(doc)


def _health(c):
    r = HealthRecorder()
    c["health"] = {**r.to_dict(), "epochs": [3, 1], "rows": [[], []]}


@pytest.mark.parametrize(("edit", "words"), [
    (lambda c: c.update(change="colour"), "comparison.change must be one of"),
    (lambda c: c.update(value=-1.0), "comparison.value must be greater than 0"),
    (lambda c: c.update(value=1e300), "comparison.value must be at most"),
    (lambda c: c.update(change="activation", value="swish"), "comparison.value must be one of"),
    (lambda c: c.update(change="none"), "comparison.value must be empty"),
    (lambda c: c.update(epoch=-3), "comparison.epoch must be a whole number"),
    (lambda c: c.update(start_epoch=9, epoch=5), "comparison.epoch must be at least"),
    (lambda c: c.update(seed="zero"), "comparison.seed must be a whole number"),
    (lambda c: c["thetas"].pop(), "the number of matrices in comparison.thetas is 1; expected 2"),
    (lambda c: c["thetas"][0][0].__setitem__(0, "x"), "comparison.thetas[0] (Θ(1))[0][0]"),
    (lambda c: c["thetas"][1].append([0.0] * 5),
     "the number of rows of comparison.thetas[1] (Θ(2)) is 2; expected 1"),
    (lambda c: c["history"].update(epochs="many"), "comparison: history"),
    (_health, "comparison: "),
    (lambda c: c["training"].update(epoch_position=7), "comparison: training.epoch_position"),
])
def test_a_hostile_comparison_is_refused_in_one_line_naming_the_field(edit, words):
    with pytest.raises(SessionError) as info:
        loads(_hostile("lr", edit))
    text = str(info.value)
    assert words in text and "\n" not in text


@pytest.mark.parametrize(("change", "value", "stored"), [
    ("lr", 0.05, ["relu"]),                   # weights of a ReLU run under an α change
    ("activation", "relu", ["tanh"]),         # the main network's g, not the changed one
    ("mistake", "update-uphill", ["sigmoid"]),
])
def test_a_compared_network_other_than_the_main_one_but_for_the_change_is_refused(
        change, value, stored):
    main_g = build_preset("xor", seed=0).network.activations
    assert [str(g) for g in main_g] == ["tanh"]     # what the expectations below assume

    def edit(c):
        c.update(change=change, value=value, activation=stored)
    with pytest.raises(SessionError) as info:
        loads(_hostile(change, edit))
    text = str(info.value)
    assert "comparison.activation" in text and change in text and "\n" not in text


def test_a_compared_network_with_its_change_is_accepted_and_saved_with_its_activation():
    session, comparison, _ = _session(Variant("activation", "relu"))
    doc = json.loads(dumps(session))
    assert doc["comparison"]["activation"] == ["relu"]
    assert loads(json.dumps(doc)).comparison.activations == ("relu",)
    session, comparison, _ = _session(Variant("lr", 0.05))
    assert json.loads(dumps(session))["comparison"]["activation"] == ["tanh"]


def test_a_comparison_that_is_no_object_is_refused():
    session, _, _ = _session(Variant("none"))
    doc = json.loads(dumps(session))
    doc["comparison"] = [1, 2]
    with pytest.raises(SessionError, match="comparison must be a JSON object"):
        loads(json.dumps(doc))


def test_the_vanishing_gradient_preset_reopens_with_its_comparison():
    main, setup = preset_trainer("deep-sigmoid", 0)
    comparison = Comparison(Variant("activation", "relu"), main, seed=0)
    main.run(max_epochs=2)
    comparison.step(2)
    session = Session(setup.network.copy(), setup.X, setup.Y, setup.dataset,
                      asdict(Settings()), preset="deep-sigmoid", comparison=comparison.saved())
    loaded = loads(dumps(session))
    assert loaded.preset == "deep-sigmoid"
    assert loaded.comparison.variant == Variant("activation", "relu")


def test_a_changed_optimizers_own_rate_is_saved_and_read_back():
    session, comparison, _ = _session(Variant("optimizer", "adam", 0.01))
    doc = json.loads(dumps(session))
    assert doc["comparison"]["lr"] == 0.01
    back = loads(json.dumps(doc)).comparison
    assert back.variant == Variant("optimizer", "adam", 0.01)


def test_an_old_comparison_without_a_rate_keeps_the_main_runs():
    session, _, _ = _session(Variant("optimizer", "adam"))
    doc = json.loads(dumps(session))
    assert "lr" not in doc["comparison"]
    assert loads(json.dumps(doc)).comparison.variant.lr is None


@pytest.mark.parametrize(("change", "lr", "said"), [
    (Variant("activation", "relu"), 0.01, "comparison.lr goes with a changed optimizer only"),
    (Variant("optimizer", "adam"), -1, "comparison.lr must be greater than 0"),
])
def test_a_bad_compared_rate_is_refused_by_name(change, lr, said):
    session, _, _ = _session(change)
    doc = json.loads(dumps(session))
    doc["comparison"]["lr"] = lr
    with pytest.raises(SessionError, match=said):
        loads(json.dumps(doc))
