"""The lesson's training settings: learning rate, λ (λ₂) and λ₁, frozen biases, batch size,
optimizer, the classic mistake switched on (engine/mistakes.py), if any, and how new weights are
drawn."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Training settings shown in the panel and used by the trainer and the stepper's update."""

    lr: float = 0.5
    lam: float = 0.0
    freeze_bias: bool = False
    batch_size: int | None = None      # None: full batch; 1: one example at a time
    optimizer: str = "gradient_descent"
    mistake: str | None = None          # a switchable engine.mistakes.Mistake; None: correct
    lam1: float = 0.0                   # L1 regularization λ₁ (λ above is L2's λ₂)
    init: str = "uniform"               # engine.initializers.INITIALIZERS: new weights' draw
