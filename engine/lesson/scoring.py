"""Measures of how well a network does: predicted classes, accuracy, cost and accuracy together.

Shapes: X (m, n) one example per row; Y (m, K) targets (one 0/1 column for two classes, one-hot
rows for K > 2); outputs a(L) (m, K).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.lesson.history import HistoryPoint
from engine.lesson.settings import Settings
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """Return the class of each row of a(L) (m, K): a > 0.5 for K = 1, else the argmax; (m,)."""
    out = np.asarray(outputs)
    if out.ndim != 2:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "outputs must be a 2-D (m, K) array, got shape {shape}"), shape=out.shape)
    if out.shape[1] == 1:
        return (out[:, 0] > 0.5).astype(np.intp)
    return np.argmax(out, axis=1)


def target_classes(Y: np.ndarray) -> np.ndarray:
    """Return the class of each target row of Y (m, K), read like ``predicted_classes``; (m,)."""
    return predicted_classes(Y)


def accuracy(outputs: np.ndarray, Y: np.ndarray) -> float:
    """Return the fraction of rows whose predicted class equals the target class (0..1)."""
    out, y = np.asarray(outputs), np.asarray(Y)
    if out.shape != y.shape:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "outputs {outputs} and targets {targets} must have the same shape"),
            outputs=out.shape, targets=y.shape)
    if out.shape[0] == 0:
        raise EngineValueError(QT_TRANSLATE_NOOP("Engine", "accuracy needs at least one example"))
    return float(np.mean(predicted_classes(out) == target_classes(y)))


def rmse(outputs: np.ndarray, Y: np.ndarray) -> float:
    """Return the root-mean-square error √(mean (a − y)²) over every entry of a(L) and Y (m, K),
    in the units of the targets: what regression reports where classification has accuracy."""
    out, y = np.asarray(outputs, float), np.asarray(Y, float)
    if out.shape != y.shape:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "outputs {outputs} and targets {targets} must have the same shape"),
            outputs=out.shape, targets=y.shape)
    if out.size == 0:
        raise EngineValueError(QT_TRANSLATE_NOOP("Engine", "RMSE needs at least one example"))
    return float(np.sqrt(np.mean((out - y) ** 2)))


@dataclass(frozen=True)
class Evaluation:
    """Cost J (with the λ term) and classification accuracy of a network on one set."""

    cost: float
    accuracy: float


def evaluate(net: Network, X: np.ndarray, Y: np.ndarray, lam: float = 0.0) -> Evaluation:
    """Return J(X, Y) and the accuracy of ``net`` on (X, Y) (two forward passes, nothing kept)."""
    return Evaluation(net.cost(X, Y, lam), accuracy(net.predict(X), np.asarray(Y, float)))


def measure_point(net: Network, data: tuple[np.ndarray, ...], settings: Settings, epoch: int,
                  train_cost: float, train_accuracy: bool, classify: bool) -> HistoryPoint:
    """Return the history point of ``epoch``: ``train_cost``, and the test cost and the
    accuracies at ``net``'s weights now (NaN where ``classify``/``train_accuracy`` say none).

    ``data`` is (X, Y) or (X, Y, X_test, Y_test). The fast path's forward pass (as training's),
    one per set: the test cost and the accuracy come from the same a(L), so measuring costs
    about one epoch's forward passes."""
    with np.errstate(over="ignore", invalid="ignore"):
        train_acc = (accuracy(net._forward_fast(data[0]).aL.T, data[1])
                     if train_accuracy else math.nan)
        test_cost = test_acc = math.nan
        if len(data) == 4:
            ws = net._forward_fast(data[2])
            test_acc = accuracy(ws.aL.T, data[3]) if classify else math.nan
            test_cost = net._cost_from(ws, data[3], settings.lam, settings.lam1)
    return HistoryPoint(epoch, train_cost, test_cost, train_acc, test_acc)
