"""The training history: cost and accuracy per epoch, in bounded memory however long training runs.

The history holds at most ``capacity`` stored points. The first recorded epoch is always kept:
it is where the curve starts. Every later stored point closes a *bucket*: it stands for the
epochs after the point before it, up to and including its own, and its epoch is a multiple of
``stride``. When the buffer is full the stride doubles and neighbouring buckets merge, so after
E epochs about ``capacity``/2..``capacity`` evenly spaced points remain. The values kept are
exact, never averaged: each point holds its own epoch's measures, and besides them the lowest
and highest training cost J of every epoch in its bucket (a min/max envelope, as oscilloscopes
draw), so a cost that jumps from epoch to epoch stays visible however far it is thinned, and the
lowest and highest J ever recorded are always among the stored numbers.

The newest epoch is kept apart as ``latest`` so a curve ends where training is now; it closes
the bucket still open (the epochs after the last stored point). Arrays are (n,), oldest first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

FIELDS = ("train_cost", "test_cost", "train_accuracy", "test_accuracy")
# The envelope of the training cost in a session file: one number (or null) per stored epoch.
ENVELOPE = ("train_cost_min", "train_cost_max")
MAX_EPOCH = 2**53       # a loaded latest epoch beyond this could not be counted on in int64
MAX_CAPACITY = 1 << 20  # a loaded capacity beyond this would allocate gigabytes (default: 2000)


@dataclass(frozen=True)
class HistoryPoint:
    """One epoch's measures; NaN where a measure does not apply (no test set, regression)."""

    epoch: int
    train_cost: float
    test_cost: float = math.nan
    train_accuracy: float = math.nan
    test_accuracy: float = math.nan


class LossHistory:
    """Thinned history of ``HistoryPoint``s with a min/max envelope of the training cost.

    At most ``capacity`` points are stored (``len``), plus the latest. Arrays returned by
    ``epochs``, ``series`` and ``envelope`` are (n,) copies, oldest first, the latest included.
    """

    def __init__(self, capacity: int = 1000) -> None:
        if capacity < 4 or capacity % 2:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "history capacity must be an even number ≥ 4, got {capacity}"),
                capacity=capacity)
        self.capacity = capacity
        self.clear()

    def clear(self) -> None:
        """Forget every point (a new network or new data starts a new history)."""
        self._epochs = np.zeros(self.capacity, dtype=np.int64)
        self._values = np.full((self.capacity, len(FIELDS)), np.nan)
        self._lo = np.full(self.capacity, np.nan)     # lowest train cost of each point's bucket
        self._hi = np.full(self.capacity, np.nan)     # highest
        self._n = 0
        self.stride = 1
        self._latest: HistoryPoint | None = None
        self._latest_cost: tuple[int, float] | None = None   # (epoch, cost): see ``note``
        self._open_lo, self._open_hi = math.inf, -math.inf   # the bucket the latest closes

    @property
    def latest(self) -> HistoryPoint | None:
        """The newest epoch's point (kept even when its epoch is not on the stride)."""
        if self._latest_cost is not None:
            self._latest = HistoryPoint(*self._latest_cost)
            self._latest_cost = None
        return self._latest

    @latest.setter
    def latest(self, point: HistoryPoint | None) -> None:
        self._latest, self._latest_cost = point, None
        n = self._n
        if point is None or not n or point.epoch != self._epochs[n - 1]:
            return
        # The newest epoch is stored too (it fell on the stride): a measure taken later, when
        # training pauses, belongs in the stored point as well, or the accuracy and test
        # curves would end at the last epoch measured on the way.
        new = np.array([getattr(point, f) for f in FIELDS])
        self._values[n - 1] = np.where(np.isfinite(new), new, self._values[n - 1])
        self._lo[n - 1] = np.fmin(self._lo[n - 1], point.train_cost)
        self._hi[n - 1] = np.fmax(self._hi[n - 1], point.train_cost)

    def __len__(self) -> int:
        """Return the number of points stored (the latest point not counted)."""
        return self._n

    def wants(self, epoch: int) -> bool:
        """Return whether ``add`` would store this epoch (so costly measures can be skipped)."""
        return epoch % self.stride == 0 or not self._n

    def latest_epoch(self) -> int:
        """Return the newest epoch recorded (0 if none)."""
        if self._latest_cost is not None:
            return self._latest_cost[0]
        return 0 if self._latest is None else self._latest.epoch

    def note(self, epoch: int, train_cost: float) -> None:
        """Record an epoch that is NOT on the stride (``wants(epoch)`` is False) as the latest.

        The training loop calls this for every such epoch, so it only keeps two numbers and the
        bucket's lowest and highest cost; the HistoryPoint is made when someone reads
        ``latest``. The caller guarantees that epochs increase (``add`` checks it); noting the
        same epoch twice changes nothing.
        """
        if not self._n:                 # the first epoch is stored, whatever the stride
            self.add(HistoryPoint(epoch, train_cost))
            return
        self._latest_cost = (epoch, train_cost)
        if train_cost < self._open_lo:
            self._open_lo = train_cost
        if train_cost > self._open_hi:
            self._open_hi = train_cost

    def add(self, point: HistoryPoint) -> None:
        """Record ``point`` as the latest, and store it if it is the first or on the stride."""
        newest = self.latest_epoch()
        if (self._latest is not None or self._latest_cost is not None) and point.epoch <= newest:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "epochs must increase: got {epoch} after {newest}"),
                epoch=point.epoch, newest=newest)
        self.latest = point
        cost = point.train_cost
        if not self._n:
            self._store(point, cost, cost)
            return
        self._open_lo, self._open_hi = min(self._open_lo, cost), max(self._open_hi, cost)
        if not self.wants(point.epoch):
            return
        if self._n == self.capacity:
            self._thin()
            if not self.wants(point.epoch):
                return
        self._store(point, self._open_lo, self._open_hi)
        self._open_lo, self._open_hi = math.inf, -math.inf

    def _store(self, point: HistoryPoint, lo: float, hi: float) -> None:
        n = self._n
        self._epochs[n] = point.epoch
        self._values[n] = [getattr(point, f) for f in FIELDS]
        # An empty or all-NaN bucket (inf > -inf never held) has no envelope.
        self._lo[n], self._hi[n] = (lo, hi) if lo <= hi else (math.nan, math.nan)
        self._n = n + 1

    def _thin(self) -> None:
        """Double the stride: merge every bucket that no longer ends on it into the next one."""
        self.stride *= 2
        n = self._n
        epochs = self._epochs[1:n]          # point 0, the first epoch, is never thinned
        keep = epochs % self.stride == 0
        k = int(np.count_nonzero(keep))
        # Each bucket goes to the next kept one at or after it; those after the last kept one
        # go to the bucket still open (index k), which the latest point closes.
        into = k - np.cumsum(keep[::-1])[::-1]
        lo, hi = np.full(k + 1, np.inf), np.full(k + 1, -np.inf)
        np.fmin.at(lo, into, self._lo[1:n])       # fmin/fmax: a NaN (no envelope) is skipped
        np.fmax.at(hi, into, self._hi[1:n])
        self._epochs[1:k + 1] = epochs[keep]
        self._values[1:k + 1] = self._values[1:n][keep]
        empty = lo[:k] > hi[:k]
        self._lo[1:k + 1] = np.where(empty, np.nan, lo[:k])
        self._hi[1:k + 1] = np.where(empty, np.nan, hi[:k])
        self._values[k + 1:n] = self._lo[k + 1:n] = self._hi[k + 1:n] = np.nan
        self._open_lo, self._open_hi = min(self._open_lo, lo[k]), max(self._open_hi, hi[k])
        self._n = k + 1

    def _with_latest(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        n = self._n
        epochs, values = self._epochs[:n], self._values[:n]
        lo, hi = self._lo[:n], self._hi[:n]
        last = self.latest
        if last is not None and (n == 0 or last.epoch > epochs[-1]):
            epochs = np.append(epochs, last.epoch)
            values = np.vstack([values, [getattr(last, f) for f in FIELDS]])
            lo = np.append(lo, np.fmin(self._open_lo, last.train_cost))
            hi = np.append(hi, np.fmax(self._open_hi, last.train_cost))
        return epochs.copy(), values.copy(), lo.copy(), hi.copy()

    def epochs(self) -> np.ndarray:
        """Return the epochs of the stored points followed by the latest epoch, (n,)."""
        return self._with_latest()[0]

    def series(self, name: str) -> np.ndarray:
        """Return one measure (a name from FIELDS) at ``epochs()``, (n,)."""
        if name not in FIELDS:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "unknown history series {name!r}: expected one of {names}"),
                name=name, names=", ".join(FIELDS))
        return self._with_latest()[1][:, FIELDS.index(name)]

    def envelope(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the lowest and the highest training cost of each point's bucket (the epochs
        after the point before it, up to its own), two (n,) arrays at ``epochs()``; NaN where
        nothing is known."""
        _, _, lo, hi = self._with_latest()
        return lo, hi

    def has(self, name: str) -> bool:
        """Return whether any recorded point has a value for ``name``."""
        return bool(np.any(np.isfinite(self.series(name))))

    # --- session files -------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """Return the history as JSON-ready data (NaN written as None)."""
        n = self._n
        data: dict = {"capacity": self.capacity, "stride": self.stride,
                      "epochs": self._epochs[:n].tolist()}
        for i, f in enumerate(FIELDS):
            data[f] = _clean(self._values[:n, i])
        data["train_cost_min"], data["train_cost_max"] = _clean(self._lo[:n]), _clean(self._hi[:n])
        last = self.latest
        if last is not None:
            data["latest"] = {"epoch": last.epoch,
                              **dict(zip(FIELDS, _clean([getattr(last, f) for f in FIELDS]),
                                         strict=True))}
            if n == 0 or last.epoch > self._epochs[n - 1]:      # it closes the open bucket
                lo, hi = self.envelope()
                data["latest"].update(zip(ENVELOPE, _clean([lo[-1], hi[-1]]), strict=True))
        return data

    def load_dict(self, data: dict) -> None:
        """Replace the history by one from ``to_dict``; raise ValueError naming a bad field.

        Files written before the envelope existed have no ``train_cost_min``/``_max``: each of
        their points then stands for its own epoch alone (min = max = its value).
        """
        try:
            capacity = int(data.get("capacity", self.capacity))
            epochs = np.asarray(data["epochs"], dtype=np.int64)
            cols = [np.array([math.nan if v is None else float(v) for v in data[f]])
                    for f in FIELDS]
            stride = int(data.get("stride", 1))
            latest = data.get("latest")
            if latest is not None:
                latest = HistoryPoint(int(latest["epoch"]), *(
                    math.nan if latest.get(f) is None else float(latest[f]) for f in FIELDS))
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            # OverflowError: a whole number beyond float or int64 (JSON allows 10**400).
            # Python's explanation (a missing key, a text for a number) stays as it comes.
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "training history: missing or malformed field ({reason})"),
                reason=str(exc)) from None
        if any(c.shape != epochs.shape for c in cols):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "training history: every series must have one value per epoch"))
        # The latest epoch (which may be off the stride) is the newest: training counts on from it.
        newest = int(epochs[-1]) if epochs.size else 0
        if (not epochs.size <= capacity <= MAX_CAPACITY or np.any(np.diff(epochs) <= 0)
                or stride < 1
                or (latest is not None and not newest <= latest.epoch <= MAX_EPOCH)):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "training history: epochs must increase and fit the capacity"))
        lo, hi = _read_envelope(data, cols[0])
        open_lo = open_hi = math.nan
        if latest is not None and latest.epoch > newest:
            raw = data["latest"]
            [open_lo], [open_hi] = _read_envelope(raw, np.array([latest.train_cost]), "latest.",
                                                  listed=False)
        self.capacity = max(capacity, 4 + capacity % 2)
        self.clear()
        self.stride = stride
        n = epochs.size
        self._epochs[:n] = epochs
        self._values[:n] = np.column_stack(cols) if n else self._values[:0]
        self._lo[:n], self._hi[:n] = lo, hi
        self._n = n
        if latest is not None:
            self._latest = latest
        elif n:
            self._latest = HistoryPoint(int(epochs[-1]), *self._values[n - 1].tolist())
        if not math.isnan(open_lo):
            self._open_lo, self._open_hi = open_lo, open_hi


def _clean(values) -> list[float | None]:
    return [float(v) if math.isfinite(v) else None for v in values]


def _read_envelope(data: dict, values: np.ndarray, where: str = "",
                   listed: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Return the (lowest, highest) train cost per point read from ``data`` beside ``values``,
    (n,) each: absent fields and null entries are the value itself. ``listed``: one number per
    point in a list (the stored points), else a single number (the latest). Raise
    EngineValueError naming the field for a wrong count, a non-number, a non-finite number,
    or a bound on the wrong side of the value."""
    bounds = []
    for key in ENVELOPE:
        name, raw = where + key, data.get(key)
        if raw is None:
            bounds.append(values.copy())
            continue
        if not listed:
            raw = [raw]
        elif not isinstance(raw, list):
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be a list with one number or null per epoch"), name=name)
        elif len(raw) != values.size:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "{name} has {count} entries; expected one per epoch ({expected})"),
                name=name, count=len(raw), expected=values.size)
        col = np.empty(values.size)
        for i, v in enumerate(raw):
            at = f"{name}[{i}]" if listed else name
            if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} must be a number or null, got {value!r}"), name=at, value=v)
            try:
                col[i] = values[i] if v is None else float(v)
            except OverflowError:           # a whole number beyond float (JSON allows 10**400)
                col[i] = math.inf
            if not math.isfinite(col[i]):
                raise EngineValueError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} must be finite, got {value!r}"), name=at, value=float(col[i]))
        bounds.append(col)
    lo, hi = bounds
    sub = "[{}]" if listed else ""          # "[i]" after a list's name; nothing after latest's
    # NaN values (null) compare False: there is nothing to check them against.
    for i in np.flatnonzero(lo > values)[:1]:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be at most {value_name} ({value}), got {bound}"),
            name=where + ENVELOPE[0] + sub.format(i),
            value_name=where + "train_cost" + sub.format(i),
            value=float(values[i]), bound=float(lo[i]))
    for i in np.flatnonzero(hi < values)[:1]:
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be at least {value_name} ({value}), got {bound}"),
            name=where + ENVELOPE[1] + sub.format(i),
            value_name=where + "train_cost" + sub.format(i),
            value=float(values[i]), bound=float(hi[i]))
    return lo, hi
