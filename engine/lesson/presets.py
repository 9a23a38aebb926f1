"""Presets: the one place that says what each starting point brings and what it leaves behind.

A preset brings its data (a data set, or the fixed example of an article), its network (hidden
layers and activation), its learning settings (``settings_for``: α, λ, batch, optimizer and the
frozen-bias rule — every field, so nothing of the preset the learner left survives), and, for
Mazur's worked example, the article's weights and names (w1…w8, b1, b2, i1…o2).

Every part of the app asks this module, never ``preset == "mazur"``:

- ``settings_for(name)``         the learning settings a preset starts with (the rest: defaults)
- ``article_for(thetas)``        the article whose weights these are, *exactly*, or None: the
                                 inspector's names and the seed label follow the weights, not
                                 the preset's name
- ``data_article(name, dataset)`` the article whose example the data are (the data picker)
- ``article_update(...)``        whether a trace is the article's own first update (its note)
- ``suggested_lr(optimizer, name)`` an α that suits the optimizer on this preset
- ``spec_for(name).compare``     the comparison a preset begins with (the vanishing gradient's
                                 sigmoid network beside ReLU), or None
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from engine.datasets import DATASETS, REGRESSION, Dataset, load, mazur
from engine.features import FeatureSet, with_features
from engine.lesson.settings import Settings
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network


@dataclass(frozen=True)
class LearningSettings:
    """What a preset sets for learning; the defaults are what every preset not naming a field
    returns to (``freeze_bias`` above all: only Mazur's article keeps the biases fixed)."""

    lr: float = 0.5
    lam: float = 0.0
    freeze_bias: bool = False
    batch_size: int | None = None      # None: full batch; 1: one example at a time
    optimizer: str = "gradient_descent"
    lam1: float = 0.0
    gd_lr: float | None = None      # α for gradient descent, if the preset trains otherwise

    def as_dict(self) -> dict[str, object]:
        """Return the fields by name, as ``AppState.update_settings`` takes them."""
        return {"lr": self.lr, "lam": self.lam, "freeze_bias": self.freeze_bias,
                "batch_size": self.batch_size, "optimizer": self.optimizer, "lam1": self.lam1}


@dataclass(frozen=True)
class Article:
    """A published worked example: its weights, example, and the names it gives things.

    ``weight_names`` maps (l, i, j) of Θ(l)[i, j] (i, j 0-based, j = 0 the bias) to the article's
    name; ``unit_prefixes`` maps a layer to the article's letter for its units (i1, h1, o1).
    ``printed_J_after`` is the total error the article prints after its one update (with α
    ``lr`` and its bias rule): its script back-propagated the hidden errors through output
    weights it had already updated, so the correct simultaneous update gives a slightly
    different number, and the app says so where it shows its own.
    """

    title: str
    source: str
    thetas: tuple[np.ndarray, ...]
    X: np.ndarray
    Y: np.ndarray
    activation: str
    output: str
    loss: str
    weight_names: Mapping[tuple[int, int, int], str]
    unit_prefixes: Mapping[int, str]
    printed_J_after: float
    lr: float = 0.5
    freeze_bias: bool = True

    def weight_name(self, l: int, i: int, j: int) -> str | None:
        """Return the article's name of Θ(l)[i, j], or None if it names none."""
        return self.weight_names.get((l, i, j))

    def network(self) -> Network:
        """Return a new network holding the article's weights."""
        return Network.from_thetas([t.copy() for t in self.thetas], self.activation,
                                   self.output, self.loss)

    def shows(self, thetas: Sequence[np.ndarray]) -> bool:
        """Return whether ``thetas`` are exactly the article's weights (any edit or update
        makes them someone else's)."""
        return len(thetas) == len(self.thetas) and all(
            np.shape(a) == b.shape and np.array_equal(a, b)
            for a, b in zip(thetas, self.thetas, strict=True))


def _read_only(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.flags.writeable = False      # the article's numbers are shared: nobody may edit them
    return a


def _mazur_article() -> Article:
    p = mazur()
    names = {(1, 0, 1): "w1", (1, 0, 2): "w2", (1, 1, 1): "w3", (1, 1, 2): "w4",
             (2, 0, 1): "w5", (2, 0, 2): "w6", (2, 1, 1): "w7", (2, 1, 2): "w8",
             (1, 0, 0): "b1", (1, 1, 0): "b1", (2, 0, 0): "b2", (2, 1, 0): "b2"}
    return Article("Matt Mazur, A Step by Step Backpropagation Example (2015)", p.source,
                   tuple(_read_only(t) for t in p.thetas), _read_only(p.X), _read_only(p.Y),
                   p.activation, p.output, p.loss, names,
                   {1: "i", 2: "h", 3: "o"}, printed_J_after=0.291027924, lr=p.lr,
                   freeze_bias=p.freeze_bias)


MAZUR_ARTICLE = _mazur_article()


@dataclass(frozen=True)
class PresetSpec:
    """What preset ``name`` brings: a data set (``dataset``) or an article's fixed example
    (``article``), the network's hidden layers and activation, and its learning settings."""

    name: str
    hidden: tuple[int, ...] = ()
    activation: str = "sigmoid"
    settings: LearningSettings = field(default_factory=LearningSettings)
    dataset: str | None = None
    article: Article | None = None
    # The comparison the preset begins with (engine/lesson/comparison.py): (change, value).
    compare: tuple[str, str] | None = None


# The learning rate that suits Adam whatever the data: its steps are about α per weight.
ADAM_LR = 0.01
# Regression: Adam. Full-batch gradient descent spikes on the regression presets' curves at every
# α that fits them in a lesson's time (at α = 0.1 the cost still rose by > 10 % in 13–44 of 3000
# epochs), where Adam with its usual α falls smoothly to the noise within ~1000 epochs.
REGRESSION_SETTINGS = LearningSettings(lr=ADAM_LR, optimizer="adam", gd_lr=0.3)


def _data(name: str, hidden: tuple[int, ...], activation: str, lr: float) -> PresetSpec:
    return PresetSpec(name, hidden, activation, LearningSettings(lr=lr), dataset=name)


# Hidden layers, hidden activation and learning rate that learn each data set in a lesson's time.
PRESETS: dict[str, PresetSpec] = {spec.name: spec for spec in (
    PresetSpec("mazur", (2,), "sigmoid", LearningSettings(lr=0.5, freeze_bias=True),
               article=MAZUR_ARTICLE),
    _data("xor", (4,), "tanh", 0.5),
    _data("xor-table", (2,), "sigmoid", 2.0),     # 2-2-1 sigmoid, the textbook XOR network
    _data("and", (2,), "sigmoid", 1.0),
    _data("or", (2,), "sigmoid", 1.0),
    _data("circles", (8,), "tanh", 0.3),
    _data("moons", (8,), "tanh", 0.3),
    _data("spirals", (8, 8), "tanh", 0.1),
    _data("blobs", (4,), "tanh", 0.3),
    _data("iris", (8,), "sigmoid", 0.5),
    _data("digits", (32,), "sigmoid", 0.5),
    # The vanishing gradient: eight layers of sigmoid units (g′ ≤ ¼ at each) on two moons; at
    # the start, ‖D(1)‖ is orders of magnitude below ‖D(7)‖ (the gradient-health panel shows it).
    # It begins compared with the same network in ReLU units, which keep the early gradients.
    PresetSpec("deep-sigmoid", (8,) * 6, "sigmoid", LearningSettings(lr=0.5), dataset="moons",
               compare=("activation", "relu")),
    # Regression you can see: one feature, a linear output with squared error (output_for), two
    # tanh layers of 8, Adam (REGRESSION_SETTINGS).
    *(PresetSpec(name, (8, 8), "tanh", REGRESSION_SETTINGS, dataset=name)
      for name in REGRESSION),
)}
ARTICLES = tuple(spec.article for spec in PRESETS.values() if spec.article is not None)


def output_for(dataset: Dataset) -> tuple[str, str]:
    """Return the output activation and loss that suit ``dataset``: a linear output with
    squared error for a numeric target (regression), else sigmoid (one output) or softmax
    (several) with cross-entropy."""
    if dataset.task == "regression":
        return "linear", "squared_error"
    return ("softmax" if dataset.n_outputs > 1 else "sigmoid"), "cross_entropy"


def settings_for_data(dataset: Dataset) -> LearningSettings:
    """Return the learning settings an imported ``dataset`` starts with: those of the
    regression presets for a numeric target, the defaults otherwise (nothing of the preset left
    behind, such as Mazur's fixed biases, comes along)."""
    return REGRESSION_SETTINGS if dataset.task == "regression" else LearningSettings()


def spec_for(name: str) -> PresetSpec:
    """Return what preset ``name`` brings; a name that is no preset (``custom``, a file) brings
    nothing but the defaults."""
    return PRESETS.get(name) or PresetSpec(name)


def settings_for(name: str) -> LearningSettings:
    """Return the learning settings preset ``name`` starts with: its own fields, and the
    defaults for all others, so that leaving a preset leaves none of its settings behind."""
    return spec_for(name).settings


def suggested_lr(optimizer: str, name: str) -> float:
    """Return a learning rate α that suits ``optimizer`` on preset ``name``: the preset's own
    α for gradient descent (``gd_lr`` if it trains with another optimizer), a tenth of it for
    momentum (β = 0.9 makes steps about ten times larger), and ``ADAM_LR`` for Adam (its steps
    are about α per weight whatever the scale of D, so the preset's α would throw every weight
    far off at once)."""
    s = settings_for(name)
    if optimizer == "adam":
        return ADAM_LR
    lr = s.gd_lr if s.gd_lr is not None else s.lr
    return lr / 10.0 if optimizer == "momentum" else lr


def article_for(thetas: Sequence[np.ndarray]) -> Article | None:
    """Return the article whose weights ``thetas`` are, exactly, or None."""
    return next((a for a in ARTICLES if a.shows(thetas)), None)


def data_article(name: str, dataset: Dataset | None) -> Article | None:
    """Return the article whose example the data are: the preset's article, as long as no
    data set replaced its example."""
    return spec_for(name).article if dataset is None else None


def article_update(thetas: Sequence[np.ndarray], X: np.ndarray, Y: np.ndarray, lr: float,
                   lam: float, freeze_bias: bool) -> Article | None:
    """Return the article whose own first update this is (its weights, example, α, no λ, its
    bias rule), or None: only then may its printed numbers be set beside the app's."""
    article = article_for(thetas)
    if article is None or lr != article.lr or lam != 0.0 or freeze_bias != article.freeze_bias:
        return None
    if np.shape(X) != article.X.shape or not np.array_equal(X, article.X):
        return None
    if np.shape(Y) != article.Y.shape or not np.array_equal(Y, article.Y):
        return None
    return article


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
    optimizer: str = "gradient_descent"
    batch_size: int | None = None

    def settings(self, mistake: str | None = None) -> Settings:
        """Return the training settings this set-up starts with (the optimizer too: the
        regression presets train with Adam), with the classic ``mistake`` switched on, if any."""
        return Settings(lr=self.lr, lam=self.lam, freeze_bias=self.freeze_bias,
                        batch_size=self.batch_size, optimizer=self.optimizer, mistake=mistake)


def build_preset(name: str, seed: int = 0, features: FeatureSet | None = None) -> Setup:
    """Return the starting network and data for preset ``name`` (``mazur`` or a data set),
    its points fed through ``features`` if given (``engine.features``: s(1) is their number;
    EngineValueError if the preset has no data of a plane)."""
    spec = PRESETS.get(name)
    if spec is None:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "unknown preset {name!r}: expected mazur or one of {allowed}"),
            name=name, allowed=", ".join(DATASETS))
    s = spec.settings
    if features is not None and not features.is_plain and spec.article is not None:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "input features need a data set of points; preset {name!r} is an "
                      "article's fixed example"), name=name)
    if spec.article is not None:
        a = spec.article
        return Setup(name, a.network(), a.X.copy(), a.Y.copy(), s.lr, s.lam, s.freeze_bias,
                     None, seed, s.optimizer, s.batch_size)
    data = with_features(load(spec.dataset or name, seed=seed), features)
    output, loss = output_for(data)
    net = Network([data.n_inputs, *spec.hidden, data.n_outputs], spec.activation, output, loss,
                  rng=np.random.default_rng(seed))
    return Setup(name, net, data.X_train, data.Y_train, s.lr, s.lam, s.freeze_bias, data, seed,
                 s.optimizer, s.batch_size)
