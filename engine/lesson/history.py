"""The training history: cost and accuracy per epoch, in bounded memory however long training runs.

Points are kept at epochs that are multiples of a ``stride``. When the buffer is full the stride
doubles and every other point is dropped, so after E epochs about ``capacity``/2..``capacity``
evenly spaced points remain (the values kept are exact, never averaged). The newest epoch is
always kept apart as ``latest`` so a curve ends where training is now.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, EngineValueError

FIELDS = ("train_cost", "test_cost", "train_accuracy", "test_accuracy")
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
    """Evenly thinned history of ``HistoryPoint``s, at most ``capacity`` of them (plus the latest).

    Arrays returned by ``epochs`` and ``series`` are (n,) copies, oldest first.
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
        self._n = 0
        self.stride = 1
        self._latest: HistoryPoint | None = None
        self._latest_cost: tuple[int, float] | None = None   # (epoch, cost): see ``note``

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

    def __len__(self) -> int:
        """Return the number of points stored (the latest point not counted)."""
        return self._n

    def wants(self, epoch: int) -> bool:
        """Return whether ``add`` would store this epoch (so costly measures can be skipped)."""
        return epoch % self.stride == 0

    def latest_epoch(self) -> int:
        """Return the newest epoch recorded (0 if none)."""
        if self._latest_cost is not None:
            return self._latest_cost[0]
        return 0 if self._latest is None else self._latest.epoch

    def note(self, epoch: int, train_cost: float) -> None:
        """Record an epoch that is NOT on the stride (``wants(epoch)`` is False) as the latest.

        The training loop calls this for almost every epoch, so it only keeps two numbers; the
        HistoryPoint is made when someone reads ``latest``. The caller guarantees that epochs
        increase (``add`` checks it).
        """
        self._latest_cost = (epoch, train_cost)

    def add(self, point: HistoryPoint) -> None:
        """Record ``point`` as the latest, and store it if its epoch falls on the stride."""
        newest = self.latest_epoch()
        if (self._latest is not None or self._latest_cost is not None) and point.epoch <= newest:
            raise EngineValueError(QT_TRANSLATE_NOOP(
                "Engine", "epochs must increase: got {epoch} after {newest}"),
                epoch=point.epoch, newest=newest)
        self.latest = point
        if not self.wants(point.epoch):
            return
        if self._n == self.capacity:
            self._thin()
            if not self.wants(point.epoch):
                return
        self._epochs[self._n] = point.epoch
        self._values[self._n] = [getattr(point, f) for f in FIELDS]
        self._n += 1

    def _thin(self) -> None:
        """Double the stride and keep only the stored epochs that fall on it."""
        self.stride *= 2
        keep = self._epochs[:self._n] % self.stride == 0
        n = int(np.count_nonzero(keep))
        self._epochs[:n] = self._epochs[:self._n][keep]
        self._values[:n] = self._values[:self._n][keep]
        self._values[n:] = np.nan
        self._n = n

    def _with_latest(self) -> tuple[np.ndarray, np.ndarray]:
        epochs, values = self._epochs[:self._n], self._values[:self._n]
        last = self.latest
        if last is not None and (self._n == 0 or last.epoch > epochs[-1]):
            epochs = np.append(epochs, last.epoch)
            values = np.vstack([values, [getattr(last, f) for f in FIELDS]])
        return epochs.copy(), values.copy()

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

    def has(self, name: str) -> bool:
        """Return whether any recorded point has a value for ``name``."""
        return bool(np.any(np.isfinite(self.series(name))))

    # --- session files -------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """Return the history as JSON-ready data (NaN written as None)."""
        def clean(values: np.ndarray) -> list[float | None]:
            return [float(v) if math.isfinite(v) else None for v in values]

        data: dict = {"capacity": self.capacity, "stride": self.stride,
                      "epochs": self._epochs[:self._n].tolist()}
        for i, f in enumerate(FIELDS):
            data[f] = clean(self._values[:self._n, i])
        if self.latest is not None:
            data["latest"] = {"epoch": self.latest.epoch,
                              **{f: clean(np.array([getattr(self.latest, f)]))[0]
                                 for f in FIELDS}}
        return data

    def load_dict(self, data: dict) -> None:
        """Replace the history by one from ``to_dict``; raise ValueError naming a bad field."""
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
        self.capacity = max(capacity, 4 + capacity % 2)
        self.clear()
        self.stride = stride
        n = epochs.size
        self._epochs[:n] = epochs
        self._values[:n] = np.column_stack(cols) if n else self._values[:0]
        self._n = n
        if latest is not None:
            self.latest = latest
        elif n:
            self.latest = HistoryPoint(int(epochs[-1]), *self._values[n - 1].tolist())
