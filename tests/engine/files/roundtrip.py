"""Whatever can be opened or imported can be saved and opened again unchanged."""

from __future__ import annotations

import numpy as np

from engine.datasets import Dataset
from engine.files.session_format import Session, dumps, loads
from engine.network import Network


def session_for(ds: Dataset) -> Session:
    """Return a session training a small network on imported data set ``ds``."""
    if ds.task == "regression":
        output, loss = "linear", "squared_error"
    else:
        output, loss = ("softmax" if ds.Y_train.shape[1] > 1 else "sigmoid"), "cross_entropy"
    net = Network([ds.X_train.shape[1], 3, ds.Y_train.shape[1]], "sigmoid", output, loss,
                  rng=np.random.default_rng(0))
    return Session(net, ds.X_train, ds.Y_train, ds, preset="custom")


def assert_round_trip(session: Session) -> None:
    """Assert that ``session`` saves, reopens and saves again to the very same text."""
    text = dumps(session)
    again = dumps(loads(text.encode("utf-8")))
    assert again == text
