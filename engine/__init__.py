"""Backprop Visualizer's engine: the course notes' backpropagation in pure numpy.

Notation (layers numbered 1..L, as in the notes):
    Θ(l)   thetas[l-1], shape (s(l+1), 1 + s(l)); column 0 holds the bias weights
    a(1) = x;  z(l+1) = Θ(l)·[1; a(l)];  a(l+1) = g(z(l+1))   (g may differ per hidden layer)
    d(L) = a(L) − y (cross-entropy) or (a(L) − y) ⊙ g′(z(L)) (½-squared error)
    d(l) = (Θ(l)ᵀ d(l+1))[without the bias row] ⊙ g′(z(l))
    Δ(l) += d(l+1)·[1; a(l)]ᵀ;  D(l) = (1/m)(Δ(l) + λΘ(l)) for j ≥ 1, (1/m)Δ(l) for j = 0
    J = (1/m) Σ loss + λ/(2m) Σ (non-bias Θ)²,  and D(l) = ∂J/∂Θ(l)
    with L1 (``lam1`` = λ₁): J += (λ₁/m) Σ |non-bias Θ|,  D(l) += (λ₁/m) sign(Θ(l)) for j ≥ 1

Arrays of examples are (m, n): one example per row. This package never imports Qt.
"""

from __future__ import annotations

from engine.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, Activation
from engine.datasets import DATASETS, Dataset, Preset, mazur
from engine.gradient_check import GradientCheck, gradient_check, numerical_gradients
from engine.losses import LOSSES, Loss
from engine.network import INITIALIZERS, DivergenceError, ForwardPass, Network
from engine.optimizers import OPTIMIZERS, Adam, GradientDescent, Momentum, make_optimizer
from engine.trace import Phase, Step, Trace, TraceState

__all__ = [
    "DATASETS", "HIDDEN_ACTIVATIONS", "INITIALIZERS", "LOSSES", "OPTIMIZERS", "OUTPUT_ACTIVATIONS",
    "Activation", "Adam", "Dataset", "DivergenceError", "ForwardPass", "GradientCheck",
    "GradientDescent", "Loss", "Momentum", "Network", "Phase", "Preset", "Step", "Trace",
    "TraceState", "gradient_check", "make_optimizer", "mazur", "numerical_gradients",
]
