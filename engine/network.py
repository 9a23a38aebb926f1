"""The network: weights Θ(l), the vectorized forward/backward pass, cost, gradients and training.

Shapes (notation of the course notes, layers numbered from 1):
    layer_sizes  [s(1), ..., s(L)]
    Θ(l)         (s(l+1), 1 + s(l)); column 0 holds the bias weights; ``thetas[l - 1]``
    X            (m, s(1)), one example per row
    Y            (m, s(L)), or 1-D class labels 0..s(L)−1 (one-hot encoded)
    z(l), a(l)   (m, s(l)) in the vectorized path
    D(l)         same shape as Θ(l)

The vectorized path (engine/fast_path.py) keeps Θ in one flat buffer (``thetas`` are views into
it) and its work arrays between calls (one set per batch size), so a training step allocates
almost nothing; it never copies a ones column onto X.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engine import fast_path, mistakes
from engine.activations import Activation
from engine.batched import BatchedPath, DivergenceError
from engine.initializers import INITIALIZERS, init_theta
from engine.losses import Loss
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.mistakes import Mistake
from engine.optimizers import GradientDescent, Optimizer
from engine.trace import Trace, run_trace
from engine.validation import (
    check_inputs,
    check_lam1,
    check_layer_sizes,
    check_real,
    check_same_shapes,
    check_targets,
    check_thetas,
    check_whole,
)

__all__ = ["INITIALIZERS", "DivergenceError", "ForwardPass", "Network", "init_theta"]


@dataclass(frozen=True)
class ForwardPass:
    """Every z(l) and a(l) of a forward pass; index l − 1 holds layer l (z[0] is None)."""

    z: list[np.ndarray | None]
    a: list[np.ndarray]


class Network:
    """A fully connected network trained by the course notes' backpropagation.

    ``activation`` is g for the hidden layers: one name for all of them, or a list with one name
    per hidden layer (layer 2 first); ``output`` is the output activation and ``loss`` the
    per-example loss (names as in engine/activations.py and engine/losses.py). ``rng`` draws
    the initial weights (``init``: the notes' uniform ±ε with ε = √6/√(s(l) + s(l+1)),
    ``xavier`` or ``he`` normal).
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str | Sequence[str] = "sigmoid",
        output: str = "sigmoid",
        loss: str = "cross_entropy",
        rng: np.random.Generator | None = None,
        init: str = "uniform",
        dtype: type | np.dtype = np.float64,
    ) -> None:
        sizes = check_layer_sizes(layer_sizes)
        self._sizes = sizes
        self._configure(activation, output, loss, dtype)
        rng = np.random.default_rng() if rng is None else rng
        self._store([init_theta(s_in, s_out, init, rng)
                     for s_in, s_out in zip(sizes[:-1], sizes[1:], strict=True)])

    @classmethod
    def from_thetas(
        cls,
        thetas: Sequence[np.ndarray],
        activation: str | Sequence[str] = "sigmoid",
        output: str = "sigmoid",
        loss: str = "cross_entropy",
        dtype: type | np.dtype = np.float64,
    ) -> Network:
        """Return a network with copies of ``thetas`` (Θ(1) first), checked to chain."""
        checked = check_thetas(thetas)
        net = cls.__new__(cls)
        net._sizes = [checked[0].shape[1] - 1] + [t.shape[0] for t in checked]
        net._configure(activation, output, loss, dtype)
        net._store(checked)
        return net

    def _store(self, values: Sequence[np.ndarray]) -> None:
        """Copy ``values`` into a fresh batched path; ``thetas`` become views into its flat
        weight storage."""
        self.fast = BatchedPath(values, self.dtype, self._sizes, self._keep_z)
        self._thetas = list(self.fast.weights.thetas)

    def _weights(self) -> fast_path.Weights:
        """Return the flat weight storage, re-adopting ``thetas`` if an entry was replaced."""
        if not self.fast.weights.matches(self._thetas):
            check_same_shapes(self._thetas, self.fast.weights.shapes)
            self._store([np.asarray(t) for t in self._thetas])
        return self.fast.weights

    def _configure(self, activation: str | Sequence[str], output: str, loss: str,
                   dtype: type | np.dtype) -> None:
        hidden = len(self._sizes) - 2
        if isinstance(activation, str):
            self.g: Activation = Activation.get(activation)
            self.hidden: tuple[Activation, ...] = (self.g,) * hidden
        else:
            names = list(activation)
            if len(names) != hidden:
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "activation lists one g per hidden layer: expected {count} names "
                              "for layer sizes {sizes}, got {got}"),
                    count=hidden, sizes=self._sizes, got=len(names))
            self.hidden = tuple(Activation.get(n) for n in names)
            self.g = self.hidden[0] if self.hidden else Activation.SIGMOID
        self.g_out: Activation = Activation.get(output, output=True)
        self.loss: Loss = Loss.get(loss, self.g_out)
        self._keep_z = any(g.prime_needs_z for g in self.hidden)
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float64, np.float32):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "dtype must be float64 or float32, got {dtype}"), dtype=str(self.dtype))

    # --- description -----------------------------------------------------------------------

    @property
    def activation(self) -> Activation | list[Activation]:
        """The hidden activation g (a str: its name) when every hidden layer has the same one,
        else the list of one g per hidden layer; either way what ``Network`` takes."""
        if len(set(self.hidden)) > 1:
            return list(self.hidden)
        return self.g

    @property
    def activations(self) -> list[Activation]:
        """Return g of each hidden layer 2..L−1 (empty without hidden layers)."""
        return list(self.hidden)

    def g_of(self, l: int) -> Activation:
        """Return the activation of layer l (2..L; the output's for l = L)."""
        return self.g_out if l == len(self._sizes) else self.hidden[l - 2]

    @property
    def output(self) -> Activation:
        """The output activation (a str: its name)."""
        return self.g_out

    @property
    def loss_name(self) -> str:
        """Name of the loss."""
        return self.loss.name

    @property
    def layer_sizes(self) -> list[int]:
        """Return [s(1), ..., s(L)]."""
        return list(self._sizes)

    @property
    def L(self) -> int:
        """Number of layers, input and output included."""
        return len(self._sizes)

    @property
    def thetas(self) -> list[np.ndarray]:
        """The live weight matrices Θ(1)..Θ(L−1); edit through ``set_theta`` to keep them valid."""
        return self._thetas

    def set_thetas(self, thetas: Sequence[np.ndarray]) -> None:
        """Replace every Θ(l) by a checked copy with the same shapes."""
        checked = check_thetas(thetas)
        check_same_shapes(checked, [t.shape for t in self._thetas])
        for old, new in zip(self._thetas, checked, strict=True):
            old[...] = new

    def set_weight(self, l: int, i: int, j: int, value: float) -> None:
        """Set Θ(l)[i, j] (l from 1, j = 0 the bias weight) to a finite ``value``."""
        if not 1 <= l <= len(self._thetas):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "layer l must be 1..{last}, got {l}"), last=len(self._thetas), l=l)
        theta = self._thetas[l - 1]
        if not (0 <= i < theta.shape[0] and 0 <= j < theta.shape[1]):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "Θ({l}) has shape {shape}; index ({i}, {j}) is outside it"),
                l=l, shape=theta.shape, i=i, j=j)
        if not np.isfinite(value):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "a weight must be a finite number, got {value!r}"), value=value)
        theta[i, j] = value

    def copy(self) -> Network:
        """Return an independent copy with the same configuration and weights."""
        return Network.from_thetas(self._thetas, self.activation, self.output, self.loss.name,
                                   dtype=self.dtype)

    def __repr__(self) -> str:
        act = self.activation
        names = [str(g) for g in act] if isinstance(act, list) else str(act)
        return (f"Network(layer_sizes={self._sizes}, activation={names!r}, "
                f"output={str(self.output)!r}, loss={self.loss.name!r})")

    # --- checked entry points ------------------------------------------------------------------

    def _x(self, X: np.ndarray) -> np.ndarray:
        arr = check_inputs(X, self._sizes[0])
        return np.ascontiguousarray(arr, dtype=self.dtype)

    def _xy(self, X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = self._x(X)
        y = check_targets(Y, x.shape[0], self._sizes[-1], self.loss.uses_log_likelihood)
        return x, np.ascontiguousarray(y, dtype=self.dtype)

    @staticmethod
    def _check_lam(lam: float) -> float:
        return check_real(lam, "regularization λ (lam)", lo=0.0)

    _check_lam1 = staticmethod(check_lam1)

    def prepare(self, X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return X and Y checked and converted once, for repeated ``*_prepared`` calls."""
        return self._xy(X, Y)

    def forward(self, X: np.ndarray) -> ForwardPass:
        """Return every z(l) and a(l) for the examples in X (new arrays, shapes (m, s(l)))."""
        a = self._x(X)
        zs: list[np.ndarray | None] = [None]
        acts = [a]
        for l, theta in enumerate(self._thetas, start=1):
            z = a @ theta[:, 1:].T + theta[:, 0]
            a = self.g_of(l + 1).g(z)
            zs.append(z)
            acts.append(a)
        return ForwardPass(zs, acts)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Return a(L) for X of shape (m, s(1)): an (m, s(L)) array."""
        return self.forward(X).a[-1]

    def cost(self, X: np.ndarray, Y: np.ndarray, lam: float = 0.0, lam1: float = 0.0) -> float:
        """Return J = (1/m) Σ loss + λ/(2m) Σ (non-bias Θ)² + λ₁/m Σ |non-bias Θ|."""
        lam, lam1 = self._check_lam(lam), self._check_lam1(lam1)
        x, y = self._xy(X, Y)
        ws = self._forward_fast(x)
        return self._cost_from(ws, y, lam, lam1)

    def gradients(self, X: np.ndarray, Y: np.ndarray, lam: float = 0.0,
                  lam1: float = 0.0, mistake: str | Mistake | None = None) -> list[np.ndarray]:
        """Return D(l) = ∂J/∂Θ(l) for every l, as new arrays shaped like ``thetas`` (with λ₁, the
        subgradient (λ₁/m) sign(Θ) for j ≥ 1, 0 where Θ = 0). With ``mistake``
        (engine/mistakes.py) return the D that mistake computes instead."""
        if mistake is not None:
            rules = mistakes.rules_for(mistake)
            lam, lam1 = self._check_lam(lam), self._check_lam1(lam1)
            x, y = self._xy(X, Y)
            with np.errstate(over="ignore", invalid="ignore"):
                return mistakes.gradients(self, x, y, lam, lam1, rules)
        return [d.copy() for d in self.cost_and_gradients(X, Y, lam, lam1)[1]]

    def cost_and_gradients(
        self, X: np.ndarray, Y: np.ndarray, lam: float = 0.0, lam1: float = 0.0
    ) -> tuple[float, list[np.ndarray]]:
        """Return J and the D(l) (the D arrays are reused by the next call: copy to keep them)."""
        lam, lam1 = self._check_lam(lam), self._check_lam1(lam1)
        x, y = self._xy(X, Y)
        return self._cost_and_gradients_prepared(x, y, lam, lam1)

    def train_step(self, X: np.ndarray, Y: np.ndarray, lr: float, lam: float = 0.0,
                   freeze_bias: bool = False, optimizer: Optimizer | None = None,
                   lam1: float = 0.0, mistake: str | Mistake | None = None) -> float:
        """Take one step Θ := Θ − αD on (X, Y) and return J before the step.

        With ``freeze_bias`` the bias column 0 is left untouched. ``optimizer`` (default plain
        gradient descent with ``lr``) turns D into the step. ``mistake`` (engine/mistakes.py)
        replaces one line of the algorithm with its classic mistake. Raise DivergenceError,
        leaving the weights as they were, if J, D or the new weights are not finite.
        """
        lam, lam1 = self._check_lam(lam), self._check_lam1(lam1)
        x, y = self._xy(X, Y)
        if optimizer is None:
            optimizer = GradientDescent(check_real(lr, "learning rate (lr)", positive=True))
        return self.train_step_prepared(x, y, optimizer, lam, freeze_bias, lam1,
                                        mistake=mistakes.check_mistake(mistake))

    def train_step_prepared(
        self, x: np.ndarray, y: np.ndarray, optimizer: Optimizer, lam: float = 0.0,
        freeze_bias: bool = False, lam1: float = 0.0, mistake: Mistake | None = None,
        inspect: Callable[[fast_path.StepArrays], None] | None = None,
    ) -> float:
        """``train_step`` on X, Y already returned by ``prepare`` (no checks, no copies).

        ``inspect``, if given (and no ``mistake``), is lent the pass's arrays once J is known to
        be finite and before the update: what the gradient-health recorder reads for free."""
        # Overflow here is divergence, which the finiteness checks below report as such.
        with np.errstate(over="ignore", invalid="ignore"):
            if mistake is None:
                J, D = self._cost_and_gradients_prepared(x, y, lam, lam1, inspect is not None)
            else:   # the mistaken lines run in the plain batched path (engine/mistakes.py)
                rules = mistakes.rules_for(mistake)
                J = self._cost_from(self._forward_fast(x), y, lam, lam1)
                D = mistakes.step_direction(
                    mistakes.gradients(self, x, y, lam, lam1, rules), rules)
            if not math.isfinite(J):
                raise DivergenceError(QT_TRANSLATE_NOOP(
                    "Engine", "the cost J is not finite ({J}); the weights were kept"), J=J)
            if inspect is not None and mistake is None:
                inspect(fast_path.step_arrays(self.fast.workspace(x.shape[0]), self.fast.weights))
            self._apply(D, optimizer, freeze_bias)
        return J

    def train_epoch(self, X: np.ndarray, Y: np.ndarray, optimizer: Optimizer, lam: float = 0.0,
                    batch_size: int | None = None, rng: np.random.Generator | None = None,
                    freeze_bias: bool = False, lam1: float = 0.0) -> float:
        """Run one pass over (X, Y) and return the mean J of its steps.

        ``batch_size`` None is full batch (one step); otherwise the examples are shuffled with
        ``rng`` and taken in mini-batches of that size (1 is one example at a time). (The app
        trains through ``engine.lesson.trainer.Trainer``, which can stop mid-epoch and keeps
        the history; this is the same epoch for scripts and tests.)
        """
        lam, lam1 = self._check_lam(lam), self._check_lam1(lam1)
        if batch_size is not None:
            check_whole(batch_size, "batch_size", 1, 10**9)
        x, y = self._xy(X, Y)
        return self.train_epoch_prepared(x, y, optimizer, lam, batch_size, rng, freeze_bias,
                                         lam1)

    def train_epoch_prepared(
        self, x: np.ndarray, y: np.ndarray, optimizer: Optimizer, lam: float = 0.0,
        batch_size: int | None = None, rng: np.random.Generator | None = None,
        freeze_bias: bool = False, lam1: float = 0.0,
    ) -> float:
        """``train_epoch`` on X, Y already returned by ``prepare``."""
        m = x.shape[0]
        if batch_size is None or batch_size >= m:
            return self.train_step_prepared(x, y, optimizer, lam, freeze_bias, lam1)
        if batch_size < 1:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "batch size must be at least 1, got {size}"), size=batch_size)
        order = (rng if rng is not None else np.random.default_rng()).permutation(m)
        xs, ys = x[order], y[order]
        total, steps = 0.0, 0
        for start in range(0, m, batch_size):
            total += self.train_step_prepared(xs[start:start + batch_size],
                                              ys[start:start + batch_size], optimizer, lam,
                                              freeze_bias, lam1)
            steps += 1
        return total / steps

    def trace(self, X: np.ndarray, Y: np.ndarray, lam: float = 0.0, lr: float = 0.5,
              freeze_bias: bool = False, lam1: float = 0.0,
              mistake: str | Mistake | None = None) -> Trace:
        """Return the step records of the notes' per-example algorithm on (X, Y), with one
        line replaced by ``mistake`` if given (engine/mistakes.py).

        The network is not changed: the update records carry the new Θ.
        """
        rules = mistakes.rules_for(mistake)
        lam, lam1 = self._check_lam(lam), self._check_lam1(lam1)
        check_real(lr, "learning rate (lr)", positive=True)
        x, y = self._xy(X, Y)
        # Huge weights may overflow to inf in the records; they show that, as the notes would.
        with np.errstate(over="ignore", invalid="ignore"):
            return run_trace(self, x, y, lam=lam, lr=float(lr), freeze_bias=freeze_bias,
                             lam1=lam1, rules=rules)

    # --- the batched path (engine/batched.py), in the network's own words ---------------------

    def _forward_fast(self, x: np.ndarray) -> fast_path.Workspace:
        self._weights()
        return self.fast.forward(x, self.hidden, self.g_out)

    def _cost_from(self, ws: fast_path.Workspace, y: np.ndarray, lam: float,
                   lam1: float = 0.0) -> float:
        return self.fast.cost(ws, y, self.loss, self.g_out, lam, lam1)

    def _cost_and_gradients_prepared(
        self, x: np.ndarray, y: np.ndarray, lam: float, lam1: float = 0.0, whole: bool = False
    ) -> tuple[float, list[np.ndarray]]:
        # ``whole``: a step that lends its arrays runs unsharded, so the workspace holds them.
        self._weights()
        return self.fast.cost_and_gradients(x, y, self.hidden, self.loss, self.g_out, lam, lam1,
                                            whole)

    def _apply(self, D: list[np.ndarray], optimizer: Optimizer, freeze_bias: bool) -> None:
        self._weights()
        self.fast.apply(D, optimizer, freeze_bias)
