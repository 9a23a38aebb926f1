"""Starting points: a network, its data and its training settings for each preset name."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.datasets import DATASETS, Dataset, load, mazur
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network

# Hidden layers, hidden activation and learning rate that learn each data set in a lesson's time.
DEFAULTS: dict[str, tuple[list[int], str, float]] = {
    "xor": ([4], "tanh", 0.5),
    "xor-table": ([2], "sigmoid", 2.0),     # 2-2-1 sigmoid, the textbook XOR network
    "and": ([2], "sigmoid", 1.0),
    "or": ([2], "sigmoid", 1.0),
    "circles": ([8], "tanh", 0.3),
    "moons": ([8], "tanh", 0.3),
    "spirals": ([8, 8], "tanh", 0.1),
    "blobs": ([4], "tanh", 0.3),
    "iris": ([8], "sigmoid", 0.5),
    "digits": ([32], "sigmoid", 0.5),
}


@dataclass
class Setup:
    """A network with the data and settings it starts with."""

    name: str
    network: Network
    X: np.ndarray
    Y: np.ndarray
    lr: float
    lam: float
    freeze_bias: bool
    dataset: Dataset | None
    seed: int


def build_preset(name: str, seed: int = 0) -> Setup:
    """Return the starting network and data for preset ``name`` (``mazur`` or a data set)."""
    if name == "mazur":
        p = mazur()
        net = Network.from_thetas(p.thetas, p.activation, p.output, p.loss)
        return Setup(name, net, p.X, p.Y, p.lr, 0.0, p.freeze_bias, None, seed)
    if name not in DATASETS:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown preset {name!r}: expected mazur or one of {allowed}"),
            name=name, allowed=", ".join(DATASETS))
    data = load(name, seed=seed)
    hidden, act, lr = DEFAULTS[name]
    output = "softmax" if data.n_outputs > 1 else "sigmoid"
    net = Network([data.n_inputs, *hidden, data.n_outputs], act, output, "cross_entropy",
                  rng=np.random.default_rng(seed))
    return Setup(name, net, data.X_train, data.Y_train, lr, 0.0, False, data, seed)
