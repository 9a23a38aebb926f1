"""What the trainer keeps to undo a runaway, and the one-sentence reason it ran away.

(Functions here take the ``engine.lesson.trainer.Trainer`` untyped: importing it, even for types
only, would make the two modules import each other.)

A ``Checkpoint`` is everything that decides the next epochs at an epoch boundary: Θ, the epoch
counter, the optimizer with its moments, the shuffling generator and the history's newest point.
Restoring it puts weights, counter, history, optimizer and generator back together, so nothing on
screen (or in a saved session) mixes two moments of training.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.lesson.history import ENVELOPE, FIELDS, HistoryPoint, LossHistory
from engine.messages import QT_TRANSLATE_NOOP, Message, message
from engine.network import DivergenceError
from engine.optimizers import Optimizer

SAFE_WEIGHT = 1e6       # weights beyond this are on their way to overflow in the views


def moderate(thetas: Sequence[np.ndarray]) -> bool:
    """Return whether every Θ(l) is finite with |entries| ≤ SAFE_WEIGHT."""
    return all(bool(np.all(np.isfinite(t))) and float(np.max(np.abs(t), initial=0.0))
               <= SAFE_WEIGHT for t in thetas)


@dataclass(frozen=True)
class Checkpoint:
    """The trainer at an epoch boundary (no mini-batch epoch under way)."""

    epoch: int
    thetas: tuple[np.ndarray, ...]
    optimizer: Optimizer | None
    rng: dict[str, Any]
    latest: HistoryPoint | None
    latest_measured: bool

    @classmethod
    def take(cls, trainer: Any) -> Checkpoint:
        """Return a copy of what decides ``trainer``'s next epochs."""
        opt = trainer._optimizer
        return cls(trainer.epoch, tuple(t.copy() for t in trainer.network.thetas),
                   None if opt is None else copy.deepcopy(opt),
                   copy.deepcopy(trainer.rng.bit_generator.state),
                   trainer.history.latest, trainer.latest_measured)

    def restore(self, trainer: Any) -> None:
        """Put ``trainer`` (its network, counter, optimizer, generator, history) back here."""
        trainer.network.set_thetas(list(self.thetas))
        trainer.epoch = self.epoch
        trainer._optimizer = None if self.optimizer is None else copy.deepcopy(self.optimizer)
        trainer.rng.bit_generator.state = copy.deepcopy(self.rng)
        trainer._end_partial_epoch()
        cut_history(trainer.history, self.epoch, self.latest)
        trainer.latest_measured = self.latest_measured


def cut_history(history: LossHistory, epoch: int, latest: HistoryPoint | None) -> None:
    """Drop every point of ``history`` after ``epoch`` and make ``latest`` its newest again."""
    data = history.to_dict()
    keep = [i for i, e in enumerate(data["epochs"]) if e <= epoch]
    data["epochs"] = [data["epochs"][i] for i in keep]
    for f in (*FIELDS, *ENVELOPE):
        data[f] = [data[f][i] for i in keep]
    data.pop("latest", None)
    if latest is not None:
        data["latest"] = {"epoch": latest.epoch, **{
            f: (v if math.isfinite(v) else None)
            for f, v in ((f, float(getattr(latest, f))) for f in FIELDS)}}
        # The epochs noted between the last stored point and ``latest`` are gone with the
        # runaway; what is known of that interval is ``latest``'s own cost.
        if not keep or data["epochs"][-1] < latest.epoch:
            cost = data["latest"]["train_cost"]
            data["latest"].update(dict.fromkeys(ENVELOPE, cost))
    history.load_dict(data)


def diagnose(trainer: Any, overflowed: bool) -> Message:
    """Return the sentence that names why training ran away from epoch ``trainer.epoch``.

    ``overflowed``: the step from moderate weights gave a non-finite cost or gradient, so an
    activation overflowed; otherwise the weights grew without bound, because the weight decay
    alone overshoots (gradient descent is unstable on λΘ/m once α·λ/m > 2, momentum once
    α·λ/m > 2(1 + β)) or, failing that, because α is too large for the cost's curvature.
    """
    s, net = trainer.settings, trainer.network
    m = trainer.data()[0].shape[0]
    m_step = m if s.batch_size is None else min(s.batch_size, m)
    ratio = s.lr * s.lam / m_step
    limit = {"gradient_descent": 2.0, "momentum": 2.0 * (1.0 + getattr(
        trainer.optimizer, "beta", 0.9))}.get(s.optimizer)
    epoch = trainer.epoch
    if limit is not None and s.lam > 0 and ratio > limit:
        return message(QT_TRANSLATE_NOOP(
            "Engine", "Training ran away after epoch {epoch} because α·λ/m = {a:g}·{lam:g}/{m} = "
            "{ratio:.3g} is above {limit:g}, so the weight decay alone flips Θ to a larger "
            "value each step: lower α or λ, or use larger mini-batches. Weights, epoch counter, "
            "loss history and optimizer are back at epoch {epoch}."),
            epoch=epoch, a=s.lr, lam=s.lam, m=m_step, ratio=ratio, limit=limit)
    if overflowed:
        return message(QT_TRANSLATE_NOOP(
            "Engine", "Training ran away after epoch {epoch} because an activation overflowed "
            "({activation} hidden, {output} output: z grew too large to compute g(z)): lower α "
            "or scale the inputs. Weights, epoch counter, loss history and optimizer are back at "
            "epoch {epoch}."),
            epoch=epoch, activation=net.activation, output=net.output)
    return message(QT_TRANSLATE_NOOP(
        "Engine", "Training ran away after epoch {epoch} because the learning rate α = {a:g} is "
        "too large: each step overshoots the minimum and the weights grew past {safe:g}. Lower "
        "α, then press Train. Weights, epoch counter, loss history and optimizer are back at "
        "epoch {epoch}."),
        epoch=epoch, a=s.lr, safe=SAFE_WEIGHT)


@dataclass(frozen=True)
class Divergence:
    """Training stopped at a non-finite or runaway step; everything is back at ``epoch``."""

    epoch: int
    cause: Message


def roll_back(trainer: Any) -> Divergence:
    """Bring ``trainer`` back to the last epoch with moderate weights: replay from the last
    checkpoint epoch by epoch (training is deterministic) and stop before the one that ran
    away."""
    failed = trainer.epoch + 1
    saved = trainer._checkpoint
    if saved is None:           # the weights were never moderate: keep them, restart the epoch
        trainer._end_partial_epoch()
        trainer._optimizer = None
        return Divergence(trainer.epoch, diagnose(trainer, overflowed=False))
    saved.restore(trainer)
    overflowed = False
    while trainer.epoch < failed:
        before = Checkpoint.take(trainer)
        try:
            trainer._steps(math.inf, trainer.epoch + 1)
        except DivergenceError:
            overflowed = True           # the step from moderate weights was not finite
        if overflowed or not moderate(trainer.network.thetas):
            before.restore(trainer)
            break
    trainer._checkpoint = Checkpoint.take(trainer)
    return Divergence(trainer.epoch, diagnose(trainer, overflowed))
