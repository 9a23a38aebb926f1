"""The initial weights Θ(l): the notes' uniform ±ε, Xavier's and He's normal draws."""

from __future__ import annotations

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

INITIALIZERS = ("uniform", "xavier", "he")


def init_theta(s_in: int, s_out: int, init: str, rng: np.random.Generator) -> np.ndarray:
    """Return a random Θ of shape (s_out, 1 + s_in).

    ``uniform``: every entry from U(−ε, ε), ε = √6/√(s_in + s_out) (the course notes);
    ``xavier``: N(0, 2/(s_in + s_out)) weights; ``he``: N(0, 2/s_in) weights; biases 0 for both.
    """
    if init == "uniform":
        eps = np.sqrt(6.0) / np.sqrt(s_in + s_out)
        return rng.uniform(-eps, eps, size=(s_out, 1 + s_in))
    if init in ("xavier", "he"):
        var = 2.0 / (s_in + s_out) if init == "xavier" else 2.0 / s_in
        theta = np.zeros((s_out, 1 + s_in))
        theta[:, 1:] = rng.normal(0.0, np.sqrt(var), size=(s_out, s_in))
        return theta
    raise EngineValueError(QT_TRANSLATE_NOOP(
        "Engine", "unknown initialization {name!r}: expected one of {allowed}"),
        name=init, allowed=", ".join(INITIALIZERS))
