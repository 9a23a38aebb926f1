"""Data sets: small generated ones (from a passed-in rng), the Mazur worked example, and real data
shipped as CSV in ``resources/datasets`` (Iris, 8×8 handwritten digits).

Every data set comes as a ``Dataset`` with X of shape (m, n) and Y of shape (m, K): one column of
0/1 targets for two classes, one-hot rows for K > 2 classes. The regression sets (``REGRESSION``)
have one feature and one numeric target: X and Y of shape (m, 1).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.validation import MAX_EXAMPLES_GENERATED, check_real, check_whole

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "datasets"

REGRESSION = ("sin", "abs", "step", "cubic")   # one feature x, one numeric target y
GENERATED = ("xor", "and", "or", "circles", "moons", "spirals", "blobs") + REGRESSION
SHIPPED = ("iris", "digits")
TABLES = ("xor-table",)      # exact truth tables: no noise, no test split, same every time
DATASETS = GENERATED + TABLES + SHIPPED


@dataclass(frozen=True)
class Dataset:
    """Training and test examples with what is needed to name and regenerate them.

    ``task`` is ``binary`` (Y (m, 1) of 0/1), ``multiclass`` (one-hot Y (m, K)) or
    ``regression``. ``params`` records how it was made (generator, seed, noise, ratio).
    """

    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    task: str = "binary"
    class_names: tuple[str, ...] = ()
    feature_names: tuple[str, ...] = ()
    source: str = ""
    params: dict = field(default_factory=dict)

    @property
    def n_inputs(self) -> int:
        """Number of features s(1)."""
        return int(self.X_train.shape[1])

    @property
    def n_outputs(self) -> int:
        """Number of output units s(L)."""
        return int(self.Y_train.shape[1])

    @property
    def X(self) -> np.ndarray:
        """All examples, training then test."""
        return np.vstack([self.X_train, self.X_test])

    @property
    def Y(self) -> np.ndarray:
        """All targets, training then test."""
        return np.vstack([self.Y_train, self.Y_test])


@dataclass(frozen=True)
class Preset:
    """A fixed network and example to step through, such as Mazur's worked example."""

    name: str
    thetas: tuple[np.ndarray, ...]
    X: np.ndarray
    Y: np.ndarray
    lr: float
    freeze_bias: bool
    activation: str
    output: str
    loss: str
    source: str


def mazur() -> Preset:
    """Return Matt Mazur's 2-2-2 worked example ("A Step by Step Backpropagation Example", 2015).

    Inputs 0.05, 0.10; targets 0.01, 0.99; w1..w4 = .15 .20 .25 .30 with bias b1 = .35,
    w5..w8 = .40 .45 .50 .55 with b2 = .60; sigmoid everywhere, ½-squared error, α = 0.5, and
    the biases are not updated.
    """
    theta1 = np.array([[0.35, 0.15, 0.20],
                       [0.35, 0.25, 0.30]])
    theta2 = np.array([[0.60, 0.40, 0.45],
                       [0.60, 0.50, 0.55]])
    return Preset("mazur", (theta1, theta2), np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]]),
                  lr=0.5, freeze_bias=True, activation="sigmoid", output="sigmoid",
                  loss="squared_error",
                  source="https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/")


def split(X: np.ndarray, Y: np.ndarray, test_ratio: float,
          rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return X_train, Y_train, X_test, Y_test after shuffling with ``rng``."""
    if not 0.0 <= test_ratio < 1.0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "test ratio must be in [0, 1), got {ratio!r}"), ratio=test_ratio)
    order = rng.permutation(X.shape[0])
    n_test = int(round(test_ratio * X.shape[0]))
    if X.shape[0] - n_test < 1:
        n_test = X.shape[0] - 1
    test, train = order[:n_test], order[n_test:]
    return X[train], Y[train], X[test], Y[test]


def _logic(kind: str, n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray,
                                                                                  np.ndarray]:
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    x = corners[np.arange(n) % 4] + rng.normal(0.0, noise, size=(n, 2))
    bits = corners[np.arange(n) % 4].astype(bool)
    if kind == "xor":
        y = bits[:, 0] ^ bits[:, 1]
    elif kind == "and":
        y = bits[:, 0] & bits[:, 1]
    else:
        y = bits[:, 0] | bits[:, 1]
    return x, y.astype(np.float64)


def _circles(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = (np.arange(n) % 2).astype(np.float64)
    radius = np.where(y == 1, 0.5, 1.0)
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.c_[radius * np.cos(angle), radius * np.sin(angle)] + rng.normal(0, noise, (n, 2))
    return x, y


def _moons(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = (np.arange(n) % 2).astype(np.float64)
    t = rng.uniform(0, np.pi, n)
    upper = np.c_[np.cos(t), np.sin(t)]
    lower = np.c_[1 - np.cos(t), 0.5 - np.sin(t)]
    x = np.where(y[:, None] == 0, upper, lower) + rng.normal(0, noise, (n, 2))
    return x, y


def _spirals(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = (np.arange(n) % 2).astype(np.float64)
    t = rng.uniform(0.25, 1.0, n) * 3 * np.pi
    r = t / (3 * np.pi)
    angle = t + np.pi * y
    x = np.c_[r * np.cos(angle), r * np.sin(angle)] + rng.normal(0, noise, (n, 2))
    return x, y


def _blobs(n: int, noise: float, rng: np.random.Generator,
           k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    centers = np.array([[np.cos(a), np.sin(a)] for a in 2 * np.pi * np.arange(k) / k])
    labels = np.arange(n) % k
    x = centers[labels] + rng.normal(0, max(noise, 1e-3) + 0.15, (n, 2))
    return x, labels.astype(np.float64)


def generate(name: str, rng: np.random.Generator, n: int = 200, noise: float = 0.1,
             test_ratio: float = 0.2, seed: int | None = None) -> Dataset:
    """Return the generated data set ``name`` with ``n`` examples, Gaussian ``noise`` and a
    train/test split, drawn from ``rng``. ``seed`` is only recorded in ``params``."""
    if name not in GENERATED:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown generated data set {name!r}: expected one of {allowed}"),
            name=name, allowed=", ".join(GENERATED))
    # The session format's limit, so that every generated set can be saved and opened again.
    n = check_whole(n, "number of examples (n)", 2, MAX_EXAMPLES_GENERATED)
    noise = check_real(noise, "noise", lo=0.0)
    test_ratio = check_real(test_ratio, "test ratio (test_ratio)", lo=0.0, hi=0.95)
    if name in REGRESSION:
        return _regression(name, n, noise, test_ratio, rng, seed)
    if name in ("xor", "and", "or"):
        x, labels = _logic(name, n, noise, rng)
    else:
        x, labels = {"circles": _circles, "moons": _moons, "spirals": _spirals,
                     "blobs": _blobs}[name](n, noise, rng)
    if name == "blobs":
        Y = np.eye(3)[labels.astype(np.intp)]
        task, classes = "multiclass", ("0", "1", "2")
    else:
        Y = labels.reshape(-1, 1)
        task, classes = "binary", ("0", "1")
    xtr, ytr, xte, yte = split(x, Y, test_ratio, rng)
    return Dataset(name, xtr, ytr, xte, yte, task, classes, ("x1", "x2"), "generated",
                   {"generator": name, "n": int(n), "noise": float(noise),
                    "test_ratio": float(test_ratio), "seed": seed})


# Each regression set: the range x is drawn from (uniformly) and the noise-free target y = f(x).
# The targets stay within about [−1, 2]: the scale a tanh hidden layer and a small α suit.
CURVES = {
    "sin": ((-np.pi, np.pi), np.sin),
    "abs": ((-2.0, 2.0), np.abs),
    "step": ((-1.0, 1.0), lambda x: np.where(x >= 0.0, 1.0, 0.0)),
    "cubic": ((-1.0, 1.0), lambda x: 4.0 * x**3 - 3.0 * x),     # two bends, inside [−1, 1]
}


def _regression(name: str, n: int, noise: float, test_ratio: float, rng: np.random.Generator,
                seed: int | None) -> Dataset:
    """Return regression set ``name``: x (n, 1) uniform on its range, y = f(x) + Gaussian
    ``noise`` (n, 1), split into training and test examples."""
    (lo, hi), f = CURVES[name]
    x = rng.uniform(lo, hi, size=(n, 1))
    y = f(x) + rng.normal(0.0, noise, size=(n, 1))
    xtr, ytr, xte, yte = split(x, y, test_ratio, rng)
    return Dataset(name, xtr, ytr, xte, yte, "regression", (), ("x",), "generated",
                   {"generator": name, "n": int(n), "noise": float(noise),
                    "test_ratio": float(test_ratio), "seed": seed})


def _read_labelled_csv(path: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
    header, body = rows[0], rows[1:]
    data = np.array([[float(v) for v in r[:-1]] for r in body])
    labels = [r[-1] for r in body]
    return data, np.array(labels), header


def load_shipped(name: str, rng: np.random.Generator, test_ratio: float = 0.2,
                 seed: int | None = None) -> Dataset:
    """Return Iris (features standardized) or the 8×8 digits (pixels scaled to [0, 1]).

    The CSVs in ``resources/datasets`` give their source and licence in their header comment.
    """
    if name not in SHIPPED:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown shipped data set {name!r}: expected one of {allowed}"),
            name=name, allowed=", ".join(SHIPPED))
    path = RESOURCES / f"{name}.csv"
    x, labels, header = _read_labelled_csv(path)
    classes = tuple(dict.fromkeys(labels.tolist()))  # order of first appearance in the file
    index = {c: i for i, c in enumerate(classes)}
    Y = np.eye(len(classes))[[index[c] for c in labels]]
    x = (x - x.mean(axis=0)) / x.std(axis=0) if name == "iris" else x / 16.0
    xtr, ytr, xte, yte = split(x, Y, test_ratio, rng)
    return Dataset(name, xtr, ytr, xte, yte, "multiclass", classes, tuple(header[:-1]),
                   str(path.name), {"generator": name, "test_ratio": float(test_ratio),
                                    "seed": seed})


def xor_table() -> Dataset:
    """Return XOR's four truth-table rows (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0: no noise and no
    test set, the classic case for stepping through the whole loop over m = 4 examples."""
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return Dataset("xor-table", x, y, np.zeros((0, 2)), np.zeros((0, 1)), "binary",
                   ("0", "1"), ("x1", "x2"), "generated", {"generator": "xor-table"})


def load(name: str, seed: int = 0, n: int = 200, noise: float = 0.1,
         test_ratio: float = 0.2) -> Dataset:
    """Return data set ``name`` made reproducibly from ``seed`` (generated, a truth table or
    shipped)."""
    if name == "xor-table":
        return xor_table()
    rng = np.random.default_rng(check_whole(seed, "seed", 0, 2**128 - 1))
    if name in SHIPPED:
        return load_shipped(name, rng, test_ratio, seed)
    return generate(name, rng, n, noise, test_ratio, seed)
