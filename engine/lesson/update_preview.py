"""The update the stepper shows: what one training step on (X, Y) would do to the network now,
computed the way the trainer computes it (the fast path's gradient, the optimizer's moments), so
the new Θ on screen is training's, bit for bit."""

from __future__ import annotations

import copy

import numpy as np

from engine.lesson.settings import Settings
from engine.mistakes import rules_for, step_direction
from engine.network import Network
from engine.optimizers import Optimizer, UpdatePreview, make_optimizer, step_preview


def preview_update(network: Network, settings: Settings, optimizer: Optimizer | None,
                   X: np.ndarray, Y: np.ndarray) -> UpdatePreview:
    """Return the update a training step on (X, Y) with ``settings`` would make to ``network``,
    continuing ``optimizer``'s moments if it is the settings' optimizer (else fresh ones)."""
    if optimizer is None or optimizer.name != settings.optimizer:
        optimizer = make_optimizer(settings.optimizer, settings.lr)
    elif optimizer.lr != settings.lr:
        optimizer = copy.deepcopy(optimizer)
        optimizer.lr = settings.lr
    # The training step's own gradient (the fast path), so the new Θ is training's, bit for bit.
    with np.errstate(over="ignore", invalid="ignore"):
        if settings.mistake:
            rules = rules_for(settings.mistake)
            D = step_direction(network.gradients(X, Y, settings.lam, settings.lam1,
                                                 mistake=rules.mistake), rules)
        else:
            D = [d.copy() for d in network.cost_and_gradients(X, Y, settings.lam,
                                                              settings.lam1)[1]]
        return step_preview(optimizer, network.thetas, D, settings.freeze_bias)
