"""Two runs side by side: a second copy of the network, trained with ONE thing changed.

A ``Variant`` says what the compared run changes and to what — the hidden activation g, the
learning rate α, the optimizer, the initialization, or a classic mistake (engine/mistakes.py) —
or nothing (a control run, which must match the main run bit for bit). A ``Comparison`` holds
that run: its own ``Network``, ``Trainer`` (engine/lesson/trainer.py), ``LossHistory`` and
``HealthRecorder``. It starts from the main run as it stands: the same weights (or, for a changed
initialization, weights of its own drawn from the same seed), the same data, the same epoch
counter, the same shuffling generator and, where the optimizer is the same, the same moments. So
``step`` and ``catch_up`` train it through the very epochs and mini-batches the main run trains
through. Shapes: X (m, s(1)), Y (m, s(L)), Θ(l) (s(l+1), 1 + s(l)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from engine.activations import HIDDEN_ACTIVATIONS
from engine.files.session_training import TrainingState
from engine.initializers import INITIALIZERS
from engine.lesson.health import HealthRecorder
from engine.lesson.history import LossHistory
from engine.lesson.settings import Settings
from engine.lesson.trainer import Divergence, Trainer
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.mistakes import SWITCHES
from engine.network import Network
from engine.optimizers import OPTIMIZERS

# What a comparison may change, in the order the Compare… dialog offers them.
CHANGES = ("activation", "lr", "optimizer", "init", "mistake", "none")
MISTAKES = tuple(str(s) for s in SWITCHES)
MAX_LR = 1e6        # as a session's settings.lr


def _learning_rate(value: object) -> float:
    """Return ``value`` as a compared run's α, or raise ValueError saying the range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not (math.isfinite(value) and 0 < value <= MAX_LR):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "the compared learning rate α must be a number in (0, {limit}], "
                      "got {value!r}"), limit=MAX_LR, value=value)
    return float(value)


@dataclass(frozen=True)
class Variant:
    """The one thing the compared run changes: ``change`` (one of ``CHANGES``) and its new
    ``value`` — a hidden activation name, α > 0, an optimizer name, an initialization name, a
    switchable mistake's name (None: the correct algorithm), or None for ``none``.

    ``lr`` goes with a changed optimizer only: the α the other optimizer trains with (None: the
    main run's). Adam's steps are about α per weight whatever the size of D, so gradient
    descent's α does not suit it, nor Adam's gradient descent; the dialog proposes one.
    """

    change: str = "none"
    value: str | float | None = None
    lr: float | None = None

    def __post_init__(self) -> None:
        c, v = self.change, self.value
        allowed = {"activation": HIDDEN_ACTIVATIONS, "optimizer": OPTIMIZERS,
                   "init": INITIALIZERS, "mistake": MISTAKES}
        if c not in CHANGES:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "a comparison changes one of {allowed}, got {value!r}"),
                allowed=", ".join(CHANGES), value=c)
        if c == "lr":
            object.__setattr__(self, "value", _learning_rate(v))
        elif c == "none" or (c == "mistake" and v is None):
            object.__setattr__(self, "value", None)
        elif v not in allowed[c]:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "the compared {change} must be one of {allowed}, got {value!r}"),
                change=c, allowed=", ".join(allowed[c]), value=v)
        lr = self.lr
        if lr is not None:
            if c != "optimizer":
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "a learning rate α goes with a changed optimizer only, not with "
                              "a changed {change}"), change=c)
            object.__setattr__(self, "lr", _learning_rate(lr))

    def settings_for(self, main: Settings) -> Settings:
        """Return the compared run's settings: the main run's with this one change."""
        if self.change == "lr":
            return replace(main, lr=float(self.value))
        if self.change == "optimizer":
            return replace(main, optimizer=str(self.value),
                           lr=main.lr if self.lr is None else self.lr)
        if self.change == "mistake":
            return replace(main, mistake=self.value)
        return main

    def network_for(self, main: Network, seed: int) -> Network:
        """Return the compared run's network: a copy of ``main`` with this change (a changed
        initialization draws new weights from ``seed``, as the main run's were)."""
        if self.change == "activation":
            return Network.from_thetas(main.thetas, str(self.value), main.output,
                                       main.loss_name, dtype=main.dtype)
        if self.change == "init":
            return Network(main.layer_sizes, main.activation, main.output, main.loss_name,
                           rng=np.random.default_rng(seed), init=str(self.value),
                           dtype=main.dtype)
        return main.copy()

    def as_dict(self) -> dict[str, str | float | None]:
        """Return the variant as a session file holds it."""
        return {"change": self.change, "value": self.value} | (
            {} if self.lr is None else {"lr": self.lr})


class Comparison:
    """The compared run of ``variant`` beside the ``main`` trainer, starting where it stands.

    ``network``, ``trainer``, ``history`` and ``health`` are the compared run's own;
    ``start_epoch`` is the main run's epoch when the comparison began; ``divergence`` is set
    when the compared run ran away (it then stops; the main run goes on).
    """

    def __init__(self, variant: Variant, main: Trainer, seed: int = 0,
                 network: Network | None = None) -> None:
        self.variant, self.seed = variant, int(seed)
        self.divergence: Divergence | None = None
        epoch = max(main.epoch, main.history.latest_epoch())
        self.start_epoch = epoch
        data = main.data()
        test = (data[2], data[3]) if len(data) == 4 else None
        net = network if network is not None else variant.network_for(main.network, seed)
        self.trainer = Trainer(net, data[0], data[1], variant.settings_for(main.settings),
                               np.random.default_rng(seed), test)
        self.trainer.epoch = epoch
        self.health = self.trainer.health = HealthRecorder()
        saved = main.training_state()
        if variant.change == "init":
            # The main run's moments belong to other weights; the batches are still the same.
            saved = replace(saved, moments={})
        self.trainer.restore_training_state(saved)

    # --- what the compared run holds ---------------------------------------------------------
    @property
    def network(self) -> Network:
        """The compared run's network."""
        return self.trainer.network

    @property
    def history(self) -> LossHistory:
        """The compared run's loss history (from ``start_epoch`` on)."""
        return self.trainer.history

    @property
    def epoch(self) -> int:
        """The compared run's epoch counter (the main run's at the start)."""
        return self.trainer.epoch

    @property
    def stopped(self) -> bool:
        """Whether the compared run ran away and stopped."""
        return self.divergence is not None

    # --- training in lockstep ----------------------------------------------------------------
    def step(self, epochs: int) -> Divergence | None:
        """Train ``epochs`` whole epochs, as the main run's ``run(max_epochs=epochs)`` does;
        return the Divergence if the compared run ran away (it then stops)."""
        if epochs < 0:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "number of epochs must be ≥ 0, got {count}"), count=epochs)
        if epochs == 0 or self.stopped:
            return self.divergence
        return self._run(math.inf, epochs)

    def catch_up(self, epoch: int, deadline: float = math.inf) -> Divergence | None:
        """Train until the compared run has done ``epoch`` epochs (the main run's counter) or
        ``clock()`` passes ``deadline``; return the Divergence if it ran away."""
        behind = int(epoch) - self.trainer.epoch
        if behind <= 0 or self.stopped:
            return self.divergence
        return self._run(deadline, behind)

    def _run(self, deadline: float, epochs: int) -> Divergence | None:
        divergence = self.trainer.run(deadline=deadline, max_epochs=epochs)
        if divergence is not None:
            self.divergence = divergence
        return divergence

    def follow(self, main: Settings) -> None:
        """Use the main run's new ``main`` settings, with this comparison's one change."""
        self.trainer.set_settings(self.variant.settings_for(main))

    # --- saving and restoring ----------------------------------------------------------------
    def saved(self) -> SavedComparison:
        """Return what a session file keeps of this comparison."""
        return SavedComparison(
            self.variant, self.seed, self.start_epoch, self.trainer.epoch,
            [t.copy() for t in self.network.thetas], self.history.to_dict(),
            self.health.to_dict() if len(self.health) else None,
            self.trainer.training_state(),
            tuple(str(g) for g in self.network.activations))

    @classmethod
    def restore(cls, saved: SavedComparison, main: Trainer) -> Comparison:
        """Return the comparison ``saved`` holds (checked by the session reader) beside
        ``main``: its weights, history, health records and training state."""
        net = saved.variant.network_for(main.network, saved.seed)
        net.set_thetas(saved.thetas)
        comparison = cls(saved.variant, main, saved.seed, network=net)
        comparison.start_epoch = saved.start_epoch
        t = comparison.trainer
        t.restart()
        if saved.history is not None and "epochs" in saved.history:
            t.history.load_dict(saved.history)
        t.epoch = saved.epoch
        if saved.health is not None:
            comparison.health.load_dict(saved.health, net.L - 1, t)
        if saved.training is not None:
            t.restore_training_state(saved.training)
        return comparison


@dataclass(frozen=True)
class SavedComparison:
    """A comparison as a session file keeps it: the variant, the seed of its weights, the epoch
    it began at and the epochs it trained, its Θ(l), its history and health records (the
    ``to_dict`` forms) and its training state (optimizer moments, shuffling generator)."""

    variant: Variant
    seed: int
    start_epoch: int
    epoch: int
    thetas: list[np.ndarray]
    history: dict | None
    health: dict | None
    training: TrainingState | None
    # The compared network's hidden activations, so a reader can check they are the main
    # network's but for the change (None: a file from before they were written).
    activations: tuple[str, ...] | None = None
