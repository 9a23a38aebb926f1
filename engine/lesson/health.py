"""Gradient health: how large the gradient is in each layer, and how many units have gone quiet.

Row ``l`` (1..L−1) describes the weight matrix Θ(l) and the layer l+1 it feeds:

    norm_D           ‖D(l)‖, Frobenius, D over the whole training set with λ (as
                     ``Network.gradients`` gives it)
    norm_Theta       ‖Θ(l)‖, Frobenius, bias column included
    relative_step    ‖D(l)‖ / ‖Θ(l)‖ (how far one unit-α step moves Θ(l), relatively)
    mean_abs_d       the mean of |d(l+1)_k| over every example and every unit k of layer l+1:
                     the errors that make D(l) = (1/m) Σ d(l+1)·[1; a(l)]ᵀ. Only layers 2..L have
                     a d (the input layer has none), so row l carries d(l+1).
    saturated_share  for a sigmoid or tanh hidden layer l+1: the share of (example, unit) pairs
                     with g′(z) < ``SATURATED_BELOW`` — the share of saturated units, averaged over
                     the examples. NaN for the output layer and for other activations.
    dead_share       for a ReLU hidden layer l+1: the share of its units with z ≤ 0 for every
                     example (they pass no gradient at all). NaN otherwise.

Everything comes from one batched forward and backward pass over the training set, with the
training step's own kernels (``rows_from_step``). A full-batch step computes exactly that pass at
the weights it starts from, so the trainer lends the recorder the arrays of the step after a
recorded epoch, before its update, and recording costs a few reductions instead of a second pass;
otherwise (mini-batches, a mistake, no step follows) ``layer_health`` runs the pass itself.
``HealthRecorder`` keeps these rows over epochs; the trainer calls it before it trains and where
an epoch on the history's stride ends, and it records epoch 0 and every multiple of
``RECORD_EVERY`` × the history's stride: epochs only, never the clock, so N epochs trained at
once (``--train-epochs``) record the same epochs as N trained live.
Shapes: X (m, s(1)), Y (m, s(L)).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from engine.fast_path import StepArrays, step_arrays
from engine.messages import QT_TRANSLATE_NOOP, EngineValueError
from engine.network import Network
from engine.validation import check_lam1

if TYPE_CHECKING:  # the trainer imports this module; only its type is needed here
    from engine.lesson.trainer import Trainer

SATURATED_BELOW = 0.01     # g′(z) under this: the unit passes almost no gradient back
SATURATING = ("sigmoid", "tanh")
DYING = ("relu",)
# One record per RECORD_EVERY stored history points: about E/16 records up to 1000 epochs, and
# 31..62 once the history is full, so a short run still draws curves, and a long one's recording
# cost shrinks as the history's stride grows. A record costs about half a step of the small
# networks (tens of µs of numpy calls): every 8th epoch was 3.7–4.6 % of training, every 16th is
# under the 3 % budget (benchmarks/health_bench.py measures it).
RECORD_EVERY = 16
FIELDS = ("norm_D", "norm_Theta", "relative_step", "mean_abs_d", "saturated_share", "dead_share")
CSV_FIELDS = ("epoch", "l", "norm_D", "norm_Theta", "mean_abs_d", "saturated_share",
              "dead_share")


class LayerHealth(NamedTuple):
    """The figures of row ``l`` (see the module docstring)."""

    # Immutable like a frozen dataclass, and made 3× faster: recording makes one per layer.

    l: int
    norm_D: float
    norm_Theta: float
    relative_step: float
    mean_abs_d: float
    saturated_share: float
    dead_share: float


def activation_of(network: Network, l: int):
    """Return the activation object of layer ``l`` (2..L; the output's for l = L)."""
    # A network with one g per hidden layer answers g_of; one with a single g has only g.
    g_of = getattr(network, "g_of", None)
    if g_of is not None:
        return g_of(l)
    return network.g_out if l == network.L else network.g


class Scratch:
    """Work arrays ``rows_from_step`` keeps between records: fresh arrays of this size cost
    more (page faults) than the arithmetic done in them."""

    def __init__(self) -> None:
        self.real, self.flags = np.empty((2, 0)), np.empty(0, bool)

    def like(self, a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return two real arrays and a bool array shaped like ``a`` (views of kept buffers)."""
        if self.real.shape[1] < a.size or self.real.dtype != a.dtype:
            self.real, self.flags = np.empty((2, a.size), a.dtype), np.empty(a.size, bool)
        real = self.real[:, :a.size]
        return (real[0].reshape(a.shape), real[1].reshape(a.shape),
                self.flags[:a.size].reshape(a.shape))


def rows_from_step(network: Network, s: StepArrays,
                   scratch: Scratch | None = None) -> list[LayerHealth]:
    """Return one ``LayerHealth`` per weight matrix from a full-batch pass's arrays (lent by
    the training step before its update, or by ``layer_health``)."""
    # This runs on every recorded epoch, and small networks spend their time per numpy call:
    # each figure is a few calls over the buffers holding every layer, then one split by layer.
    m, last = s.m, network.L - 1
    sq = np.square(s.D_flat)
    norms_D = np.sqrt(np.add.reduceat(sq, s.starts)).tolist()
    norms_T = np.sqrt(np.add.reduceat(np.square(s.theta_flat, out=sq), s.starts)).tolist()
    sizes = [d.shape[0] for d in s.d]                               # s(2)..s(L)
    # Σ|d(l+1)/m| per unit, then per layer: over s(l+1) units it is the mean of |d(l+1)|.
    per_unit = np.add.reduce(np.abs(s.d_flat, out=s.tmp_flat).reshape(-1, m), axis=1)
    sums = np.add.reduceat(per_unit, list(accumulate(sizes[:-1], initial=0))).tolist()
    saturated, dead = [math.nan] * last, [math.nan] * last
    hidden = [activation_of(network, l) for l in range(2, last + 1)]
    names = [act.name for act in hidden]
    if names:
        ext = s.ext_flat.reshape(-1, m)     # every hidden layer's rows [1; a], back to back
        g, tmp, flags = (scratch or Scratch()).like(ext)
        firsts = list(accumulate((1 + k for k in sizes[:-2]), initial=0))   # rows of ones
        for name, act in dict(zip(names, hidden, strict=True)).items():
            if name in SATURATING:      # g′ from a = g(z) by g's own kernel (1 · g′)
                g.fill(1.0)
                act.times_prime_inplace(g, ext, None, tmp)
                np.less(g, SATURATED_BELOW, out=flags)
            elif name in DYING:         # a = max(0, z) ≤ 0 exactly where z ≤ 0 (NaN in neither)
                np.less_equal(ext, 0.0, out=flags)
            else:
                continue
            for l, n in enumerate(names, 1):
                if n != name:
                    continue
                k, first = sizes[l - 1], firsts[l - 1] + 1  # its units: after its row of ones
                units = flags[first:first + k]
                if name in DYING:       # the units with z ≤ 0 on every example
                    dead[l - 1] = np.count_nonzero(np.logical_and.reduce(units, axis=1)) / k
                else:                   # the (example, unit) pairs with g′ < 0.01
                    saturated[l - 1] = np.count_nonzero(units) / (k * m)
    rows = []
    for l in range(1, last + 1):
        nD, nT = norms_D[l - 1], norms_T[l - 1]
        rows.append(LayerHealth(l, nD, nT, nD / nT if nT else math.inf,
                                sums[l - 1] / sizes[l - 1], saturated[l - 1], dead[l - 1]))
    return rows


def layer_health(network: Network, X: np.ndarray, Y: np.ndarray, lam: float = 0.0,
                 lam1: float = 0.0) -> list[LayerHealth]:
    """Return one ``LayerHealth`` per weight matrix Θ(1)..Θ(L−1) for the examples (X, Y):
    one batched forward and backward pass of the training step's own kernels, no update."""
    if not math.isfinite(lam) or lam < 0:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "regularization λ must be a finite number ≥ 0, got {lam!r}"), lam=lam)
    x, y = network.prepare(X, Y)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        network._cost_and_gradients_prepared(x, y, lam, check_lam1(lam1))
        fast = network.fast
        return rows_from_step(network, step_arrays(fast.workspace(x.shape[0]), fast.weights))


class HealthRecorder:
    """Layer health over epochs, kept on a power-of-two stride in bounded memory.

    The trainer calls ``on_epoch(trainer, epoch)`` before it trains and where an epoch on the
    history's stride ends. The recorder measures when ``epoch`` is a multiple of ``stride`` =
    ``every`` × the history's stride (epoch 0 always is). When ``capacity`` epochs are held,
    the stride doubles and every other record goes, as in the loss history. ``clock`` only
    times the recording (``seconds``, for the benchmark); it never decides what is recorded.
    """

    def __init__(self, every: int = RECORD_EVERY, capacity: int = 512,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        if every < 1 or every & (every - 1):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "the health recording step must be a power of two, got {every}"),
                every=every)
        self.every, self.capacity, self.clock = every, capacity, clock
        self._scratch = Scratch()
        self.clear()

    def clear(self) -> None:
        """Forget every record (a new network or new data starts over)."""
        self._records: list[tuple[int, list[LayerHealth]]] = []
        self._latest: tuple[int, list[LayerHealth]] | None = None
        self._source: tuple[int, int] | None = None
        self.stride = 1
        self._min_stride = 1
        self.seconds = 0.0          # time spent recording (for the benchmark)

    def __len__(self) -> int:
        """Return the number of epochs held (the off-stride latest included)."""
        return len(self.records())

    def records(self) -> list[tuple[int, list[LayerHealth]]]:
        """Return (epoch, rows) per recorded epoch, oldest first, ending with the latest."""
        out = list(self._records)
        if self._latest is not None and (not out or self._latest[0] > out[-1][0]):
            out.append(self._latest)
        return out

    def _follow(self, trainer: Trainer, epoch: int) -> None:
        """Start over for another network or other data; drop epochs undone by a roll-back."""
        source = (id(trainer.network), id(trainer.data()[0]))
        if source != self._source:
            self.clear()
            self._source = source
        if self._records and epoch < self._records[-1][0]:
            self._records = [r for r in self._records if r[0] <= epoch]
        if self._latest is not None and epoch < self._latest[0]:
            self._latest = None

    def on_epoch(self, trainer: Trainer, epoch: int) -> None:
        """Record the trainer's network at ``epoch`` if the epoch is on the stride."""
        if self.due(trainer, epoch):
            self._store(epoch, self._measure(trainer))

    def due(self, trainer: Trainer, epoch: int) -> bool:
        """Return whether ``on_epoch(trainer, epoch)`` would measure now; if so the trainer may
        instead lend the next full-batch step's arrays (taken at these weights) to
        ``on_step(trainer, epoch, arrays)``, and must call ``on_epoch`` if no step follows."""
        self.stride = max(self.every * trainer.history.stride, self._min_stride)
        if epoch % self.stride:
            return False
        self._follow(trainer, epoch)
        return not (self._records and self._records[-1][0] >= epoch)

    def on_step(self, trainer: Trainer, epoch: int, arrays: StepArrays) -> None:
        """Record ``epoch`` (said ``due``) from the arrays of the step that starts from it."""
        t0 = self.clock()
        rows = rows_from_step(trainer.network, arrays, self._scratch)
        self.seconds += self.clock() - t0
        self._store(epoch, rows)

    def record_latest(self, trainer: Trainer) -> None:
        """Record the trainer's newest epoch even if it is off the stride (a curve's end)."""
        epoch = trainer.epoch
        self._follow(trainer, epoch)
        if any(e == epoch for e, _ in self.records()):
            return
        self._latest = (epoch, self._measure(trainer))

    def _measure(self, trainer: Trainer) -> list[LayerHealth]:
        t0 = self.clock()
        x, y = trainer.data()[:2]
        rows = layer_health(trainer.network, x, y, trainer.settings.lam,
                            trainer.settings.lam1)
        self.seconds += self.clock() - t0
        return rows

    def _store(self, epoch: int, rows: list[LayerHealth]) -> None:
        self._latest = None
        self._records.append((epoch, rows))
        while len(self._records) > self.capacity:
            self._min_stride *= 2
            self._records = [r for r in self._records if r[0] % self._min_stride == 0]

    def epochs(self) -> np.ndarray:
        """Return the recorded epochs, (n,)."""
        return np.array([e for e, _ in self.records()], dtype=np.int64)

    def series(self, name: str) -> np.ndarray:
        """Return one figure (a LayerHealth field) per recorded epoch and row, (n, L−1)."""
        if name not in LayerHealth._fields or name == "l":
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "unknown health figure {name!r}: expected one of {names}"),
                name=name, names=", ".join(CSV_FIELDS[2:]))
        return np.array([[getattr(r, name) for r in rows] for _, rows in self.records()],
                        dtype=float)

    def csv_rows(self) -> list[tuple[int, int, float, float, float, float, float]]:
        """Return one row per recorded epoch and layer, in the order of ``CSV_FIELDS``."""
        out = []
        for epoch, rows in self.records():
            for r in rows:
                l, nD, nT, _rel, mean_d, sat, dead = r
                out.append((epoch, l, nD, nT, mean_d, sat, dead))
        return out

    # --- session files -------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """Return the records as JSON-ready data (NaN written as None)."""
        def row(rows: list[LayerHealth]) -> list[list[float | None]]:
            return [[None if not math.isfinite(v) else float(v) for v in r[1:]]
                    for r in rows]

        return {"stride": self.stride, "min_stride": self._min_stride,
                "epochs": [e for e, _ in self._records],
                "rows": [row(rows) for _, rows in self._records],
                "latest": None if self._latest is None else {
                    "epoch": self._latest[0], "rows": row(self._latest[1])}}

    def load_dict(self, data: dict, layers: int, trainer: Trainer | None = None) -> None:
        """Replace the records by ``to_dict`` data for a network with ``layers`` weight
        matrices, following ``trainer`` from now on; raise ValueError naming a bad field."""
        def rows_of(value: list) -> list[LayerHealth]:
            if len(value) != layers or any(len(r) != len(FIELDS) for r in value):
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "every record needs {layers} rows of {n} numbers"),
                    layers=layers, n=len(FIELDS))
            return [LayerHealth(l, *(math.nan if v is None else float(v) for v in r))
                    for l, r in enumerate(value, 1)]

        try:
            epochs = [int(e) for e in data["epochs"]]
            records = [(e, rows_of(r)) for e, r in zip(epochs, data["rows"], strict=True)]
            latest = data.get("latest")
            latest = None if latest is None else (int(latest["epoch"]), rows_of(latest["rows"]))
            stride, min_stride = int(data["stride"]), int(data["min_stride"])
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "gradient health: missing or malformed field ({reason})"),
                reason=str(exc)) from None
        if (any(b <= a for a, b in zip(epochs, epochs[1:], strict=False)) or stride < 1
                or min_stride < 1 or len(records) > 2 * self.capacity):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "gradient health: epochs must increase and fit the capacity"))
        self.clear()
        self._records, self._latest = records, latest
        self.stride, self._min_stride = stride, min_stride
        if trainer is not None:
            self._source = (id(trainer.network), id(trainer.data()[0]))

