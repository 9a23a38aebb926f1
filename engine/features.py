"""Input features computed from the points of a plane: TensorFlow Playground's feature crosses
x₁, x₂, x₁², x₂², x₁x₂, sin x₁ and sin x₂.

The raw points stay the data: X_raw of shape (m, 2), what the plane and its decision boundary
show. The network sees X = ``FeatureSet.apply(X_raw)`` of shape (m, k), one column per chosen
feature in the fixed order of ``FEATURES``, so s(1) = k. A ``CrossedDataset`` carries both: its
``X_train``/``X_test`` are the features (what stepping, training, scoring, exports and sessions
all read), its ``raw`` is the data set of points. ``with_features`` is the one place that makes
it; ``apply(names, points)`` feeds any grid over the plane through the same map.

The classic lesson: no straight line separates XOR, so x₁, x₂ with no hidden layer cannot learn
it; with x₁x₂ as an input it can. Around the origin (TensorFlow Playground's XOR) the class is
the sign of x₁x₂, so x₁x₂ alone suffices; for the corners at 0 and 1 of ``datasets.xor``,
XOR = x₁ + x₂ − 2x₁x₂ needs x₁, x₂ and x₁x₂.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from engine.datasets import Dataset
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass(frozen=True)
class Feature:
    """One input feature: ``name`` (files and the command line), ``text`` (plain-text maths,
    also accepted when reading), ``label`` (the notes' subscripted form, an English template
    the window translates in context "Engine") and its ``formula`` of the columns x1, x2."""

    name: str
    text: str
    label: str
    formula: Callable[[np.ndarray, np.ndarray], np.ndarray] = field(compare=False, repr=False)


FEATURES: tuple[Feature, ...] = (
    Feature("x1", "x1", QT_TRANSLATE_NOOP("Engine", "x₁"), lambda x1, x2: x1),
    Feature("x2", "x2", QT_TRANSLATE_NOOP("Engine", "x₂"), lambda x1, x2: x2),
    Feature("x1sq", "x1^2", QT_TRANSLATE_NOOP("Engine", "x₁²"), lambda x1, x2: x1 * x1),
    Feature("x2sq", "x2^2", QT_TRANSLATE_NOOP("Engine", "x₂²"), lambda x1, x2: x2 * x2),
    Feature("x1x2", "x1*x2", QT_TRANSLATE_NOOP("Engine", "x₁x₂"), lambda x1, x2: x1 * x2),
    Feature("sinx1", "sin(x1)", QT_TRANSLATE_NOOP("Engine", "sin x₁"), lambda x1, x2: np.sin(x1)),
    Feature("sinx2", "sin(x2)", QT_TRANSLATE_NOOP("Engine", "sin x₂"), lambda x1, x2: np.sin(x2)),
)
NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
DEFAULT: tuple[str, ...] = ("x1", "x2")
_BY_NAME = {f.name: f for f in FEATURES}
# Every spelling a person may type for a feature: its name, its plain text, its label.
_SPELLINGS = {s.replace(" ", "").lower(): f.name
              for f in FEATURES for s in (f.name, f.text, f.label)}


@dataclass(frozen=True)
class FeatureSet:
    """The chosen features, kept in the fixed order of ``FEATURES`` whatever order they were
    given in (so two sets with the same features are equal); at least one."""

    names: tuple[str, ...] = DEFAULT

    def __post_init__(self) -> None:
        names = tuple(self.names) if not isinstance(self.names, str) else (self.names,)
        for name in names:
            if not isinstance(name, str) or name not in _BY_NAME:
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "unknown input feature {name!r}: expected some of {allowed}"),
                    name=name, allowed=", ".join(NAMES))
        if not names:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "choose at least one input feature among {allowed}"),
                allowed=", ".join(NAMES))
        object.__setattr__(self, "names", tuple(n for n in NAMES if n in names))

    @classmethod
    def parse(cls, text: str) -> FeatureSet:
        """Return the set written as "x1,x2,x1x2" (names, plain texts like "x1^2" or
        "sin(x1)", or labels like "x₁²"; commas between, spaces ignored)."""
        parts = [p.strip() for p in str(text).split(",")]
        # An unknown spelling goes through as it was written: the constructor names it.
        return cls(tuple(_SPELLINGS.get(p.replace(" ", "").lower(), p) for p in parts))

    @property
    def k(self) -> int:
        """Number of features: the network's s(1)."""
        return len(self.names)

    @property
    def is_plain(self) -> bool:
        """Whether the features are the coordinates x₁, x₂ themselves (no transformation)."""
        return self.names == DEFAULT

    @property
    def features(self) -> tuple[Feature, ...]:
        """The chosen ``Feature`` objects, in order."""
        return tuple(_BY_NAME[n] for n in self.names)

    @property
    def texts(self) -> tuple[str, ...]:
        """Plain-text maths of each feature ("x1^2", "sin(x1)")."""
        return tuple(f.text for f in self.features)

    @property
    def labels(self) -> tuple[str, ...]:
        """The subscripted labels ("x₁²", "sin x₁"), English templates to translate."""
        return tuple(f.label for f in self.features)

    def apply(self, X_raw: np.ndarray) -> np.ndarray:
        """Return the features of the points X_raw (m, 2) as X (m, k), one column each."""
        x = np.asarray(X_raw, dtype=float)
        if x.ndim != 2 or x.shape[1] != 2:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "input features need points of shape (m, 2), got {shape}"),
                shape=x.shape)
        x1, x2 = x[:, 0], x[:, 1]
        out = np.empty((x.shape[0], self.k))
        for c, f in enumerate(self.features):
            out[:, c] = f.formula(x1, x2)
        return out


def apply(names: Iterable[str], points: np.ndarray) -> np.ndarray:
    """Return the features ``names`` of ``points`` (m, 2) as (m, k): what a network with those
    inputs is fed for points of the plane (a boundary grid, a neuron's map)."""
    return FeatureSet(tuple(names)).apply(points)


@dataclass(frozen=True)
class CrossedDataset(Dataset):
    """A data set of points fed through ``features``: X_train/X_test are the features (m, k),
    ``raw`` is the data set of the points themselves (m, 2)."""

    raw: Dataset | None = None
    features: FeatureSet = FeatureSet()


def raw_of(ds: Dataset | None) -> Dataset | None:
    """Return the data set of raw points behind ``ds`` (``ds`` itself unless crossed)."""
    return ds.raw if isinstance(ds, CrossedDataset) and ds.raw is not None else ds


def features_of(ds: Dataset | None) -> FeatureSet | None:
    """Return the features ``ds`` feeds, or None when the network sees its columns as they are."""
    return ds.features if isinstance(ds, CrossedDataset) else None


def takes_features(ds: Dataset | None) -> bool:
    """Return whether ``ds`` is data of a plane, whose features may be chosen."""
    raw = raw_of(ds)
    return raw is not None and raw.n_inputs == 2


def with_features(ds: Dataset, features: FeatureSet | None) -> Dataset:
    """Return ``ds``'s raw points fed through ``features``: the raw data set itself for None or
    x₁, x₂, else a CrossedDataset (same name, targets, split and params)."""
    raw = raw_of(ds)
    if features is None or features.is_plain:
        return raw
    if raw.n_inputs != 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "input features such as {features} need data with two features "
                      "(points of a plane); {name!r} has {n}"),
            features=", ".join(features.texts), name=raw.name, n=raw.n_inputs)
    return CrossedDataset(raw.name, features.apply(raw.X_train), raw.Y_train,
                          features.apply(raw.X_test.reshape(-1, 2)), raw.Y_test, raw.task,
                          raw.class_names, features.texts, raw.source, raw.params,
                          raw=raw, features=features)


def plane_inputs(ds: Dataset | None, points: np.ndarray) -> np.ndarray:
    """Return what the network is fed for ``points`` (n, 2) of the plane of ``ds``: their
    features if ``ds`` is crossed, else the points themselves."""
    features = features_of(ds)
    return np.asarray(points, float) if features is None else features.apply(points)


def input_labels(ds: Dataset | None, n: int) -> tuple[str, ...]:
    """Return the labels of the network's ``n`` inputs: the features' labels (English
    templates to translate) if ``ds`` is crossed, else x₁ … xₙ."""
    features = features_of(ds)
    if features is not None and features.k == n:
        return features.labels
    return tuple("x" + str(i + 1).translate(_SUB) for i in range(n))


def check_names(names: Sequence[object]) -> FeatureSet:
    """Return the FeatureSet of a list of names read from a file, or raise EngineValueError."""
    # A name that is not text (a number in the file) is an unknown feature like any other.
    checked = FeatureSet(tuple(names))
    # The set keeps each feature once; a file listing one twice would otherwise be read as
    # fewer inputs than it claims, and the error would speak of columns instead.
    for i, name in enumerate(names):
        if name in names[:i]:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "input feature {name!r} is listed twice"), name=name)
    return checked
