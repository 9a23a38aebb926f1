"""The shared application state: one network, its data and settings, with change signals.

Every part of the window (stepper, training panel, session menu) reads and changes the session
through this object, so stepping and training always see the same weights.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import Dataset, Network
from engine.lesson.settings import Settings
from engine.mistakes import Mistake, check_mistake
from engine.trace import MAX_EXAMPLES, default_example_count

__all__ = ["AppState", "Settings"]   # Settings lives in engine.lesson; re-exported for old imports


class AppState(QObject):
    """The session: ``network``, the examples ``X``/``Y`` being stepped or trained on, the
    ``dataset`` they came from (None for a preset like Mazur's), ``settings`` and ``example``
    (the index of the example the stepper plays)."""

    network_changed = Signal()     # a new network object or architecture
    weights_changed = Signal()     # Θ values changed in place (training, an edited weight)
    data_changed = Signal()        # X/Y or the dataset changed
    settings_changed = Signal()
    example_changed = Signal(int)
    example_count_changed = Signal(int)   # K, the examples one step-through covers
    modified_changed = Signal(bool)
    training_changed = Signal(bool)  # training started (True) or stopped (False)
    mistake_changed = Signal(str)    # the classic mistake switched on ("" for none)
    predictions_changed = Signal()   # predict mode's score changed

    def __init__(self, network: Network, X: np.ndarray, Y: np.ndarray,
                 settings: Settings | None = None, dataset: Dataset | None = None,
                 preset: str = "mazur", seed: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._network = network
        self._X, self._Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
        self._settings = settings or Settings()
        self._dataset = dataset
        self._example = 0
        self._example_count: int | None = None   # None: the data's default K
        self.preset = preset
        self.seed = seed
        self.path = None    # the session file (pathlib.Path) the File menu saves to, or None
        self._modified = False
        self._training = False
        # The trainer (engine.lesson.trainer.Trainer) set by the training controller, or None:
        # the stepper's update previews with its optimizer moments.
        self.trainer = None
        # Predict mode's score for this lesson: {"asked", "first_try", "after_hint"} or None.
        self.predictions: dict[str, int] | None = None

    # network
    @property
    def network(self) -> Network:
        """The one network everything shows and trains."""
        return self._network

    def set_network(self, network: Network) -> None:
        """Replace the network (new architecture or new weights) and tell every view."""
        self._network = network
        self.network_changed.emit()
        self.set_modified(True)

    def notify_weights_changed(self) -> None:
        """Say that Θ changed in place."""
        self.weights_changed.emit()
        self.set_modified(True)

    # data
    @property
    def X(self) -> np.ndarray:
        """Examples, shape (m, s(1))."""
        return self._X

    @property
    def Y(self) -> np.ndarray:
        """Targets, shape (m, s(L))."""
        return self._Y

    @property
    def dataset(self) -> Dataset | None:
        """The data set X/Y came from, if any."""
        return self._dataset

    def set_data(self, X: np.ndarray, Y: np.ndarray, dataset: Dataset | None = None) -> None:
        """Replace the examples; the stepper goes back to example 0."""
        self._X, self._Y, self._dataset = np.asarray(X, float), np.asarray(Y, float), dataset
        self._example, self._example_count = 0, None
        self.data_changed.emit()
        self.set_modified(True)

    def set_problem(self, network: Network, X: np.ndarray, Y: np.ndarray,
                    dataset: Dataset | None = None) -> None:
        """Replace the network and the examples together, then emit network_changed and
        data_changed: a new data set may change s(1) and s(L), and no listener may see a network
        paired with examples of the wrong width."""
        self._network = network
        self._X, self._Y, self._dataset = np.asarray(X, float), np.asarray(Y, float), dataset
        self._example, self._example_count = 0, None
        self.network_changed.emit()
        self.data_changed.emit()
        self.set_modified(True)

    # example
    @property
    def example(self) -> int:
        """Index of the example the stepper plays (0-based)."""
        return self._example

    def set_example(self, index: int) -> None:
        """Choose the example to step through."""
        if not 0 <= index < self._X.shape[0]:
            raise ValueError(f"example index must be 0..{self._X.shape[0] - 1}, got {index}")
        if index != self._example:
            self._example = index
            self.example_changed.emit(index)

    @property
    def example_count(self) -> int:
        """K, the examples one step-through covers from ``example`` on (1 … min(m, 64)); the
        data's default (all of a set of ≤ 8, else 1) until chosen."""
        m = self._X.shape[0]
        k = default_example_count(m) if self._example_count is None else self._example_count
        return max(1, min(k, m, MAX_EXAMPLES))

    def set_example_count(self, count: int) -> None:
        """Choose K (clamped to 1 … min(m, 64)) and emit ``example_count_changed`` if it
        changed."""
        old = self.example_count
        self._example_count = max(1, min(int(count), self._X.shape[0], MAX_EXAMPLES))
        if self.example_count != old:
            self.example_count_changed.emit(self.example_count)

    # settings
    @property
    def settings(self) -> Settings:
        """The current training settings."""
        return self._settings

    def update_settings(self, **changes: object) -> None:
        """Change some settings fields and tell every view."""
        new = replace(self._settings, **changes)
        if new != self._settings:
            old_mistake, self._settings = self._settings.mistake, new
            if new.mistake != old_mistake:
                self.mistake_changed.emit(new.mistake or "")
            self.settings_changed.emit()
            self.set_modified(True)

    # the classic mistake ("What if…")
    @property
    def mistake(self) -> Mistake | None:
        """The classic mistake switched on (engine/mistakes.py), or None: the correct
        algorithm. It lives in the settings, so the stepper and the trainer both use it."""
        return check_mistake(self._settings.mistake)

    def set_mistake(self, mistake: str | Mistake | None) -> None:
        """Switch ``mistake`` on (None: off), raising ValueError for an unknown name, and emit
        ``mistake_changed`` (then ``settings_changed``) if it changed."""
        checked = check_mistake(mistake)
        if checked != self.mistake:
            new = None if checked is None else str(checked)
            self._settings = replace(self._settings, mistake=new)
            self.mistake_changed.emit(new or "")
            self.settings_changed.emit()
            self.set_modified(True)

    def set_predictions(self, score: dict[str, int] | None) -> None:
        """Replace predict mode's score (from a session file; None: no predictions yet)."""
        self.predictions = None if score is None else dict(score)
        self.predictions_changed.emit()

    # training
    @property
    def training(self) -> bool:
        """Whether training is running: views then show only what is cheap to redraw."""
        return self._training

    def set_training(self, running: bool) -> None:
        """Say that training started or stopped."""
        if running != self._training:
            self._training = running
            self.training_changed.emit(running)

    # unsaved changes
    @property
    def modified(self) -> bool:
        """Whether the session has changes not yet saved."""
        return self._modified

    def set_modified(self, value: bool) -> None:
        """Mark the session as changed (or saved)."""
        if value != self._modified:
            self._modified = value
            self.modified_changed.emit(value)
