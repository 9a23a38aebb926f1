"""Session files: exact round trip, atomic save, and a clear SessionError for every bad file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

from engine.datasets import mazur
from engine.files.csv_import import import_csv
from engine.files.session_format import (
    FORMAT,
    VERSION,
    Session,
    SessionError,
    dumps,
    load_session,
    loads,
    save_session,
    steps_per_example,
)
from engine.files.session_training import TrainingState
from engine.lesson.presets import build_preset
from engine.network import Network
from engine.optimizers import make_optimizer

DATA = Path(__file__).resolve().parents[2] / "data"

# Expected message fragments, written from the files' contents (not from the loader's output).
BAD_SESSIONS = {
    "empty.json": "empty",
    "whitespace_only.json": "empty",
    "truncated.json": "not valid JSON",
    "not_json.json": "line 1, column 1",
    "binary_garbage.json": "binary",
    "invalid_utf8.json": "not UTF-8",
    "utf16.json": "UTF-16",
    "bom_truncated.json": "not valid JSON",
    "top_level_list.json": "JSON object",
    "wrong_format.json": "not a Backprop Visualizer session",
    "wrong_version.json": "version 99",
    "version_as_string.json": "version must be a whole number",
    "missing_network.json": "network is missing",
    "shapes_dont_chain.json": "Θ(2)",
    "thetas_count_wrong.json": "the number of matrices in network.thetas is 1",
    "theta_row_count_wrong.json": "Θ(1)",
    "nan_weight.json": "NaN",
    "infinity_weight.json": "Infinity",
    "overflowing_number.json": "finite",
    "string_for_number.json": "network.thetas[0] (Θ(1))[0][1] must be a number",
    "bool_for_number.json": "network.thetas[1] (Θ(2))[1][2] must be a number",
    "null_for_matrix.json": "network.thetas[0]",
    "enormous_dimensions.json": "network.layer_sizes[1]",
    "too_many_weights.json": "limit",
    "negative_layer_size.json": "network.layer_sizes[1]",
    "fractional_layer_size.json": "network.layer_sizes[1]",
    "unknown_activation.json": "swish",
    "unknown_activation_in_list.json": "network.activation[0] must be one of sigmoid, tanh, relu, "
                                       "linear, leaky_relu, elu, softplus, gelu, got 'swish'",
    "cross_entropy_linear_output.json": "cross_entropy",
    "negative_learning_rate.json": "settings.lr",
    "unknown_optimizer.json": "rmsprop",
    "freeze_bias_not_bool.json": "settings.freeze_bias",
    "data_wrong_width.json": "data.X[0]",
    "data_rows_mismatch.json": "data.Y",
    "data_unknown_generator.json": "mnist",
    "data_generated_too_many.json": "data.n",
    "targets_out_of_range.json": "targets out of range",
    "cursor_out_of_range.json": "stepper.cursor",
    "example_out_of_range.json": "stepper.example",
    "history_not_object.json": "history must be an object",
    "history_too_deep.json": "nested",
    "deeply_nested_json.json": "nested too deeply",
    "unknown_preset.json": "preset must be",
    "history_overflow.json": "history.train_cost[1] must be finite",
    "huge_whole_number.json": "a whole number in the file has more than",
    "optimizer_moment_wrong_shape.json":
        "the number of entries in training.optimizer.m[1] (Θ(2))[0] is 2; expected 3",
    "optimizer_moment_count_wrong.json":
        "the number of matrices in training.optimizer.velocity is 1; expected 2",
    "optimizer_moment_overflow.json": "training.optimizer.velocity[0] (Θ(1))[1][2] must be finite",
    "adam_second_moment_negative.json": "training.optimizer.v[0] (Θ(1))[0][0] must be at least 0",
    "optimizer_step_count_negative.json": "training.optimizer.t[0] must be a whole number 0..",
    "optimizer_state_of_another_optimizer.json": "training.optimizer.name must be one of "
                                                 "momentum, got 'adam'",
    "rng_state_out_of_range.json": "training.rng.state.inc must be a whole number 0..",
    "epoch_position_not_a_batch_boundary.json": "training.epoch_position must be a multiple of "
                                                "settings.batch_size (2), got 3",
    # The history's schema lives in engine.lesson.history; the loader asks it, so the command
    # line refuses what the window refuses.
    "history_epochs_decrease.json": "history: training history: epochs must increase",
    "history_envelope_wrong_length.json": "history: train_cost_min has 3 entries; expected one "
                                          "per epoch (2)",
    "history_envelope_min_above_value.json": "history: train_cost_min[1] must be at most "
                                             "train_cost[1] (0.2), got 0.25",
    "history_envelope_not_a_number.json": "history: train_cost_max[1] must be a number or null, "
                                          "got 'lots'",
    "history_envelope_overflow.json": "history: latest.train_cost_max must be finite",
    # Fields the window reads, checked before anything is built (issue 13).
    "params_seed_text.json": "data.params.seed must be a whole number, got 'abc'",
    "params_seed_list.json": "data.params.seed must be a whole number, got [1, 2]",
    "params_test_ratio_huge.json": "data.params.test_ratio must be finite",
    "params_nested_deep.json": "is nested more than 16 levels deep",
    "history_epoch_too_large.json": "history.epoch must be a whole number 0..2147483647",
    "y_test_out_of_range.json": "data.Y_test: targets out of range",
    "lone_surrogate_name.json": "data.name holds a lone surrogate ('\\udc80bad')",
    "control_characters_in_key.json": "history.x\\nbackprop-visualizer: forged\\x1b[31m must "
                                      "be finite",
    "duplicate_key.json": "the key 'seed' appears twice",
    "utf32.json": "UTF-32",
    "huge_seed.json": "seed must be a whole number 0..9223372036854775807, got a 401-digit number",
}


def _session(name: str = "xor", **kw) -> Session:
    s = build_preset(name, seed=3)
    return Session(s.network, s.X, s.Y, s.dataset,
                   {"lr": s.lr, "lam": s.lam, "freeze_bias": s.freeze_bias, "batch_size": None,
                    "optimizer": "gradient_descent"}, preset=name, seed=3, **kw)


def test_bad_corpus_covers_every_json_file():
    on_disk = {p.name for p in (DATA / "bad").glob("*.json")}
    assert on_disk == set(BAD_SESSIONS)


@pytest.mark.parametrize("name", sorted(BAD_SESSIONS))
def test_bad_session_raises_session_error_naming_file_and_problem(name):
    with pytest.raises(SessionError) as info:
        load_session(DATA / "bad" / name)
    message = str(info.value)
    assert message.startswith(name + ": ")
    assert BAD_SESSIONS[name] in message
    assert "\n" not in message and len(message) < 300


def test_round_trip_keeps_every_number_bit_for_bit(tmp_path):
    rng = np.random.default_rng(7)
    net = Network([2, 5, 3, 1], "tanh", "sigmoid", "cross_entropy", rng=rng)
    # Awkward doubles: not representable in short decimal, subnormal, huge, negative zero.
    net.set_weight(1, 0, 0, 0.1 + 0.2)
    net.set_weight(1, 1, 1, 5e-324)
    net.set_weight(2, 0, 1, -1.7976931348623157e308)
    net.set_weight(3, 0, 2, -0.0)
    X = rng.normal(size=(6, 2)) / 3
    Y = (rng.uniform(size=(6, 1)) > 0.5).astype(float)
    history = {"epochs": [1, 2], "train_cost": [0.7, 1 / 3], "test_cost": [None, 0.1 + 0.2],
               "train_accuracy": [0.5, 0.75], "test_accuracy": [None, None],
               "train_cost_min": [0.7, 1 / 3], "train_cost_max": [0.7, 0.5],
               "latest": {"epoch": 2, "train_cost": 1 / 3}}
    s = Session(net, X, Y, None, {"lr": 0.1 + 0.7, "lam": 1e-4, "freeze_bias": True,
                                  "batch_size": 4, "optimizer": "adam"},
                history, example=5, cursor=11, preset="custom", seed=12)
    path = tmp_path / "lesson.json"
    save_session(path, s)
    back = load_session(path)
    for a, b in zip(s.network.thetas, back.network.thetas, strict=True):
        assert [x.hex() for x in a.ravel()] == [x.hex() for x in b.ravel()]
    assert [x.hex() for x in X.ravel()] == [x.hex() for x in back.X.ravel()]
    assert np.array_equal(Y, back.Y)
    assert back.settings == s.settings
    assert back.history == history
    assert (back.example, back.cursor, back.preset, back.seed) == (5, 11, "custom", 12)
    assert (back.network.activation, back.network.output, back.network.loss_name) == \
        ("tanh", "sigmoid", "cross_entropy")


def test_generated_dataset_is_saved_as_its_recipe_and_regenerated():
    s = _session("moons")
    doc = json.loads(dumps(s))
    assert doc["data"] == {"kind": "generated", "name": "moons", "seed": 3, "test_ratio": 0.2,
                           "n": 200, "noise": 0.1}
    back = loads(dumps(s))
    assert np.array_equal(back.X, s.X) and np.array_equal(back.Y, s.Y)
    assert np.array_equal(back.dataset.X_test, s.dataset.X_test)


@pytest.mark.parametrize("name", ["sin", "abs", "step", "cubic"])
def test_a_regression_preset_is_saved_as_its_recipe_and_comes_back_a_regression(name):
    s = _session(name)
    doc = json.loads(dumps(s))
    assert doc["preset"] == name
    assert doc["data"] == {"kind": "generated", "name": name, "seed": 3, "test_ratio": 0.2,
                           "n": 200, "noise": 0.1}
    back = loads(dumps(s))
    assert back.preset == name and back.dataset.task == "regression"
    assert (back.network.output, back.network.loss_name) == ("linear", "squared_error")
    assert np.array_equal(back.X, s.X) and np.array_equal(back.Y, s.Y)
    assert np.array_equal(back.dataset.Y_test, s.dataset.Y_test)


def test_a_preset_named_for_no_data_set_reopens():
    back = loads(dumps(_session("deep-sigmoid")))       # its data set is moons
    assert back.preset == "deep-sigmoid" and back.dataset.name == "moons"


def test_an_imported_regression_keeps_its_target_name():
    ds = import_csv("hours,sold\n1,2.5\n2,3.25\n3,-1\n4,0.5\n5,1.5\n", test_ratio=0.2,
                    seed=1, name="shop")
    net = Network([1, 3, 1], "tanh", "linear", "squared_error", rng=np.random.default_rng(0))
    back = loads(dumps(Session(net, ds.X_train, ds.Y_train, ds)))
    assert back.dataset.task == "regression" and back.dataset.params["label_name"] == "sold"
    assert back.dataset.feature_names == ("hours",)


def test_imported_dataset_is_saved_inline_with_test_part_and_names():
    ds = import_csv("a;b;kind\n1,5;2;cat\n2;3;dog\n3;1;cat\n4;4;dog\n5;0;cat\n",
                    test_ratio=0.4, seed=1, name="pets")
    net = Network([2, 3, 1], rng=np.random.default_rng(0))
    s = Session(net, ds.X_train, ds.Y_train, ds)
    back = loads(dumps(s))
    assert back.dataset.name == "pets" and back.dataset.class_names == ("cat", "dog")
    assert back.dataset.feature_names == ("a", "b")
    assert np.array_equal(back.dataset.X_test, ds.X_test)
    assert np.array_equal(back.X, ds.X_train)


def test_file_starts_with_format_name_and_version():
    doc = json.loads(dumps(_session()))
    assert list(doc)[:2] == ["format", "version"]
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION)


def test_mazur_mid_step_session_reopens_at_same_step(tmp_path):
    p = mazur()
    s = Session(Network.from_thetas(p.thetas, p.activation, p.output, p.loss), p.X, p.Y,
                cursor=7, preset="mazur")
    save_session(tmp_path / "m.json", s)
    back = load_session(tmp_path / "m.json")
    assert back.cursor == 7
    step = back.network.trace(back.X[:1], back.Y[:1])[7]
    assert step.phase.value == "hidden_delta"      # step 8 of Mazur's walk-through: d(2)


def test_good_files_with_bom_load():
    back = load_session(DATA / "ok" / "mazur_bom.json")
    assert back.cursor == 7 and back.network.layer_sizes == [2, 2, 2]


def test_steps_per_example_matches_a_real_trace():
    for sizes in ([2, 1], [2, 3, 1], [3, 4, 4, 2]):
        net = Network(sizes, rng=np.random.default_rng(0))
        X, Y = np.zeros((1, sizes[0])), np.zeros((1, sizes[-1]))
        assert steps_per_example(net.L) == len(net.trace(X, Y))


def test_failed_save_leaves_existing_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "lesson.json"
    path.write_text("precious", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_session(path, _session())
    assert path.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.json"]


def test_unserializable_session_fails_before_touching_the_file(tmp_path):
    path = tmp_path / "lesson.json"
    path.write_text("precious", encoding="utf-8")
    s = _session()
    s.settings = dict(s.settings, lr=float("nan"))
    with pytest.raises(ValueError):
        save_session(path, s)
    assert path.read_text(encoding="utf-8") == "precious"


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    import engine.files.session_format as sf

    monkeypatch.setattr(sf, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text(" " * 200, encoding="utf-8")
    with pytest.raises(SessionError, match="limit"):
        load_session(path)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(SessionError, match="nothere.json: cannot read"):
        load_session(tmp_path / "nothere.json")


def test_session_too_large_to_reopen_is_not_saved(tmp_path, monkeypatch):
    import engine.files.session_write as sw

    monkeypatch.setattr(sw, "MAX_FILE_BYTES", 500)
    path = tmp_path / "lesson.json"
    path.write_text("precious", encoding="utf-8")
    with pytest.raises(ValueError, match="could not be opened again"):
        save_session(path, _session())
    assert path.read_text(encoding="utf-8") == "precious"


def test_saved_session_gets_the_usual_file_permissions_not_the_temp_files(tmp_path):
    # Teachers share lesson files; the temporary file's private 0600 must not survive the rename.
    old = os.umask(0o022)
    try:
        path = tmp_path / "lesson.json"
        save_session(path, _session())
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o664)                       # an existing file keeps its own mode
        save_session(path, _session())
        assert path.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


# --- the training state: optimizer moments and the shuffling generator ------------------------

def _trained(name: str, batch: int | None, epochs: int, seed: int = 5):
    """Return (network, X, Y, optimizer, rng) after ``epochs`` epochs of the engine's own loop."""
    rng = np.random.default_rng(seed)
    net = Network([2, 3, 2], "tanh", "sigmoid", "cross_entropy", rng=rng)
    X = rng.normal(size=(10, 2))
    Y = np.eye(2)[(X[:, 0] * X[:, 1] > 0).astype(int)]
    opt = make_optimizer(name, 0.05)
    for _ in range(epochs):
        net.train_epoch(X, Y, opt, batch_size=batch, rng=rng)
    return net, X, Y, opt, rng


def _with_training(net, X, Y, name, batch, training) -> Session:
    return Session(net, X, Y, settings={"lr": 0.05, "lam": 0.0, "freeze_bias": False,
                                        "batch_size": batch, "optimizer": name},
                   training=training)


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_optimizer_state_and_generator_round_trip_exactly(name):
    net, X, Y, opt, rng = _trained(name, 4, 3)
    saved = TrainingState(name, opt.state(), rng.bit_generator.state)
    back = loads(dumps(_with_training(net, X, Y, name, 4, saved))).training
    assert back.optimizer == name and back.moments.keys() == saved.moments.keys()
    for key, layers in saved.moments.items():
        for a, b in zip(layers, back.moments[key], strict=True):
            if key == "t":
                assert a == b
            else:
                assert [x.hex() for x in a.ravel()] == [x.hex() for x in b.ravel()]
    assert back.rng == rng.bit_generator.state
    assert (back.epoch_position, back.epoch_costs) == (0, [])


@pytest.mark.parametrize("name, batch", [("momentum", None), ("adam", None), ("momentum", 4),
                                         ("adam", 3)])
def test_training_continued_from_a_loaded_session_equals_the_uninterrupted_run(name, batch):
    net, X, Y, opt, rng = _trained(name, batch, 4)
    saved = TrainingState(name, opt.state(), rng.bit_generator.state)
    back = loads(dumps(_with_training(net, X, Y, name, batch, saved)))
    resumed = make_optimizer(name, 0.05)
    resumed.set_state(back.training.moments)
    resumed_rng = np.random.default_rng()
    resumed_rng.bit_generator.state = back.training.rng
    for _ in range(5):
        net.train_epoch(X, Y, opt, batch_size=batch, rng=rng)
        back.network.train_epoch(back.X, back.Y, resumed, batch_size=batch, rng=resumed_rng)
    for a, b in zip(net.thetas, back.network.thetas, strict=True):
        np.testing.assert_array_equal(a, b)


def test_gradient_descent_saves_no_moments_but_the_generator():
    net, X, Y, opt, rng = _trained("gradient_descent", 4, 2)
    doc = json.loads(dumps(_with_training(
        net, X, Y, "gradient_descent", 4,
        TrainingState("gradient_descent", opt.state(), rng.bit_generator.state))))
    assert doc["training"]["optimizer"] is None
    assert doc["training"]["rng"]["bit_generator"] == "PCG64"


def test_epoch_in_progress_is_saved_with_its_costs():
    net, X, Y, opt, rng = _trained("momentum", 4, 1)
    state = TrainingState("momentum", opt.state(), rng.bit_generator.state, 8, [0.5, 1 / 3])
    back = loads(dumps(_with_training(net, X, Y, "momentum", 4, state))).training
    assert (back.epoch_position, back.epoch_costs) == (8, [0.5, 1 / 3])


def test_files_without_a_training_state_still_open():
    # mazur_bom.json was written before sessions saved the optimizer: fresh moments.
    assert "training" not in (DATA / "ok" / "mazur_bom.json").read_text(encoding="utf-8-sig")
    assert load_session(DATA / "ok" / "mazur_bom.json").training is None


def test_a_moment_that_does_not_fit_its_theta_is_not_saved(tmp_path):
    path = tmp_path / "lesson.json"
    path.write_text("precious", encoding="utf-8")
    net, X, Y, opt, rng = _trained("momentum", None, 1)
    velocity = opt.state()["velocity"]
    velocity[1] = velocity[1][:, :2]
    s = _with_training(net, X, Y, "momentum", None,
                       TrainingState("momentum", {"velocity": velocity}))
    with pytest.raises(ValueError, match=r"training.optimizer.velocity\[1\] has shape \(2, 2\)"):
        save_session(path, s)
    assert path.read_text(encoding="utf-8") == "precious"


def _doc_with_training() -> dict:
    net, X, Y, opt, rng = _trained("momentum", 4, 1)
    state = TrainingState("momentum", opt.state(), rng.bit_generator.state, 8, [0.5, 1 / 3])
    return json.loads(dumps(_with_training(net, X, Y, "momentum", 4, state)))


# 10**400 is a valid JSON whole number within Python's digit limit, but beyond any float.
# A bounded setting says its bound, as it does for 1e308; an unbounded number says "finite".
@pytest.mark.parametrize("where, edit, words", [
    ("settings.lr", lambda d: d["settings"].__setitem__("lr", 10**400),
     "must be at most 1e+06, got a 401-digit number"),
    ("settings.lam", lambda d: d["settings"].__setitem__("lam", -10**400),
     "must be at least 0, got a negative 401-digit number"),
    ("network.thetas", lambda d: d["network"]["thetas"][0][0].__setitem__(0, 10**400),
     "must be finite"),
    ("data.X", lambda d: d["data"]["X"][0].__setitem__(0, -10**400), "must be finite"),
    ("training.optimizer.velocity", lambda d: d["training"]["optimizer"]["velocity"][1][0]
     .__setitem__(1, 10**400), "must be finite"),
    ("training.epoch_costs[1]", lambda d: d["training"]["epoch_costs"].__setitem__(1, 10**400),
     "must be finite"),
])
def test_a_whole_number_beyond_float_range_is_refused_not_a_crash(where, edit, words):
    doc = _doc_with_training()
    edit(doc)
    with pytest.raises(SessionError, match=re.escape(words)) as info:
        loads(json.dumps(doc))
    assert where in str(info.value)


def test_lam1_beyond_the_floats_says_at_most_as_1e308_does():
    doc = _doc_with_training()
    for value in (10**400, 1e308):
        doc["settings"]["lam1"] = value
        with pytest.raises(SessionError) as info:
            loads(json.dumps(doc))
        assert "settings.lam1 must be at most 1e+06" in str(info.value)


def test_a_number_field_of_the_wrong_kind_asks_for_a_number_once():
    doc = _doc_with_training()
    doc["settings"]["lr"] = "fast"
    with pytest.raises(SessionError) as info:
        loads(json.dumps(doc))
    assert "settings.lr must be a number, got 'fast'" in str(info.value)
    assert "whole number" not in str(info.value)


@pytest.mark.parametrize("seed", [-1, 2**64])
def test_a_seed_no_generator_takes_is_refused(seed):
    # The window draws new weights from the session's seed (np.random.default_rng: 0 and up,
    # and the app keeps it as a 64-bit whole number); a negative one failed only later, when
    # a CSV import drew the new network.
    doc = _doc_with_training()
    doc["seed"] = seed
    with pytest.raises(SessionError, match=r"^seed must be a whole number 0\.\."):
        loads(json.dumps(doc))


def test_the_test_set_counts_in_the_data_limit(monkeypatch):
    import engine.files.session_format as fmt

    doc = json.loads((DATA / "bad" / "y_test_out_of_range.json").read_text())
    doc["network"]["loss"], doc["data"]["Y_test"] = "squared_error", [[0.2, 0.8]] * 3
    doc["data"]["X_test"] = [[0.1, 0.1]] * 3
    # X 2×2 + Y 2×2 = 8 numbers; the test set adds 6 + 6.
    monkeypatch.setattr(fmt, "MAX_DATA_VALUES", 19)
    with pytest.raises(SessionError, match="data holds 20 numbers; the limit is 19"):
        fmt.session_from_dict(doc)
    monkeypatch.setattr(fmt, "MAX_DATA_VALUES", 20)
    assert fmt.session_from_dict(doc).dataset.X_test.shape == (3, 2)


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "ok").glob("*.json")))
def test_every_good_file_saves_and_reopens_unchanged(name, tmp_path):
    from tests.engine.files.roundtrip import assert_round_trip

    session = load_session(DATA / "ok" / name)
    assert_round_trip(session)
    save_session(tmp_path / name, session)
    assert dumps(load_session(tmp_path / name)) == dumps(session)



def _xor_table_session(**kw) -> Session:
    s = build_preset("xor-table")
    return Session(s.network, s.X, s.Y, s.dataset, preset="xor-table", **kw)


def test_examples_in_the_step_through_survive_a_round_trip():
    back = loads(dumps(_xor_table_session(examples=3, cursor=30)))
    assert back.examples == 3 and back.cursor == 30


def test_a_file_without_examples_opens_with_the_default():
    doc = json.loads(dumps(_xor_table_session(examples=2)))
    del doc["stepper"]["examples"]
    doc["stepper"]["cursor"] = 40       # 41 steps: K = 4, the xor table's default
    back = loads(json.dumps(doc))
    assert back.examples is None and back.cursor == 40


@pytest.mark.parametrize("k", [0, 5])
def test_examples_outside_1_to_m_are_refused_by_name(k):
    doc = json.loads(dumps(_xor_table_session()))
    doc["stepper"]["examples"] = k
    with pytest.raises(SessionError, match="stepper.examples"):
        loads(json.dumps(doc))


def test_cursor_beyond_k_examples_is_refused():
    doc = json.loads(dumps(_xor_table_session(examples=1)))
    doc["stepper"]["cursor"] = steps_per_example(3, 1)     # one past the last of K = 1
    with pytest.raises(SessionError, match="stepper.cursor"):
        loads(json.dumps(doc))
    assert steps_per_example(3, 4) == 41
