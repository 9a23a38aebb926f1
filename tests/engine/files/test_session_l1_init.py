"""Session files keep λ₁ and the initialization; files from before them still open."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from engine.files.session_format import (
    Session,
    SessionError,
    load_session,
    loads,
    save_session,
    session_to_dict,
)
from engine.network import Network

OLD = Path(__file__).resolve().parents[2] / "data" / "ok" / "mazur_step7.json"
BASE = {"lr": 0.5, "lam": 0.01, "freeze_bias": False, "batch_size": None,
        "optimizer": "gradient_descent"}


def _session(**settings: object) -> Session:
    rng = np.random.default_rng(3)
    net = Network([2, 3, 1], ["relu"], rng=rng, init="he")
    X = rng.normal(size=(4, 2))
    Y = (rng.uniform(size=(4, 1)) > 0.5).astype(float)
    return Session(net, X, Y, None, {**BASE, **settings})


def test_lambda1_and_init_survive_a_round_trip(tmp_path):
    path = tmp_path / "l1.json"
    save_session(path, _session(lam1=0.125, init="he"))
    back = load_session(path)
    assert back.settings["lam1"] == 0.125 and back.settings["init"] == "he"
    assert back.settings["lam"] == 0.01


def test_defaults_are_left_out_so_such_files_stay_as_they_were():
    doc = session_to_dict(_session(lam1=0.0, init="uniform"))
    assert "lam1" not in doc["settings"] and "init" not in doc["settings"]


def test_a_file_from_before_lambda1_and_init_opens_without_them():
    doc = json.loads(OLD.read_text(encoding="utf-8"))
    assert "lam1" not in doc["settings"] and "init" not in doc["settings"]
    back = load_session(OLD)
    assert "lam1" not in back.settings and "init" not in back.settings
    assert back.settings["lr"] == doc["settings"]["lr"]


@pytest.mark.parametrize(("key", "value", "words"), [
    ("lam1", -0.5, "settings.lam1"), ("lam1", "0.1", "settings.lam1"),
    ("init", "glorot", "settings.init must be one of uniform, xavier, he"),
])
def test_bad_lambda1_or_init_is_refused_by_name(key, value, words):
    doc = json.loads(OLD.read_text(encoding="utf-8"))
    doc["settings"][key] = value
    with pytest.raises(SessionError, match=words.replace(".", r"\.")):
        loads(json.dumps(doc))
