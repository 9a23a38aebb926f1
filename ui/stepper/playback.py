"""The stepper: the engine's step records for the current example, and a cursor into them.

The trace is recomputed from ``AppState`` whenever the network, its weights, the example or the
settings change; moving the cursor never does arithmetic: an earlier state is ``trace.state_at(i)``,
a replay of the frozen records.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.trace import Step, Trace, TraceState, traced_rows
from ui.state import AppState
from ui.stepper.optimizer_update import with_training_update


class Stepper(QObject):
    """Hold the ``Trace`` of ``state``'s current example and the index of the step on show.

    ``cursor`` is the index of the last step done (0 = the reset Δ(l) := 0, always done).
    """

    step_changed = Signal(int)     # the cursor moved (also emitted after a recompute)
    trace_changed = Signal()       # a new trace replaced the old one (same or new length)

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._cursor = 0
        self._trace = self._compute()
        state.network_changed.connect(self._on_state_network_changed)
        state.data_changed.connect(self._on_state_network_changed)
        state.weights_changed.connect(self._on_state_values_changed)
        state.settings_changed.connect(self._on_state_values_changed)
        state.example_changed.connect(self._on_state_values_changed)
        state.example_count_changed.connect(self._on_state_network_changed)

    # --- reading ------------------------------------------------------------------------------
    @property
    def state(self) -> AppState:
        """The session this stepper plays."""
        return self._state

    @property
    def trace(self) -> Trace:
        """The records of the K examples from the current one (m = K)."""
        return self._trace

    @property
    def cursor(self) -> int:
        """Index of the step on show, 0 .. len(trace) − 1."""
        return self._cursor

    @property
    def step(self) -> Step:
        """The step record on show."""
        return self._trace[self._cursor]

    def state_at(self, index: int | None = None) -> TraceState:
        """Return what is known after step ``index`` (default: the cursor), by replaying."""
        return self._trace.state_at(self._cursor if index is None else index)

    def at_end(self) -> bool:
        """Return whether the cursor is on the last step."""
        return self._cursor >= len(self._trace) - 1

    # --- moving -------------------------------------------------------------------------------
    def set_cursor(self, index: int) -> None:
        """Show step ``index`` (clamped to the trace) and emit ``step_changed`` if it moved."""
        index = max(0, min(int(index), len(self._trace) - 1))
        if index != self._cursor:
            self._cursor = index
            self.step_changed.emit(index)

    def step_forward(self) -> bool:
        """Advance one micro-step; return False (and do nothing) at the end."""
        if self.at_end():
            return False
        self.set_cursor(self._cursor + 1)
        return True

    def step_back(self) -> bool:
        """Go back one micro-step; return False (and do nothing) at the start."""
        if self._cursor == 0:
            return False
        self.set_cursor(self._cursor - 1)
        return True

    def restart(self) -> None:
        """Go back to the first step of the example."""
        self.set_cursor(0)

    # --- recomputing --------------------------------------------------------------------------
    def _compute(self) -> Trace:
        st = self._state
        rows = traced_rows(st.X.shape[0], min(st.example, st.X.shape[0] - 1), st.example_count)
        s = st.settings
        X, Y = st.X[rows], st.Y[rows]
        trace = st.network.trace(X, Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias,
                                 lam1=s.lam1, mistake=s.mistake)
        # The update shown and applied is the one training takes (optimizer and moments).
        return with_training_update(trace, st, X, Y)

    def _replace_trace(self, cursor: int) -> None:
        try:
            trace = self._compute()
        except ValueError:
            # Data and network are replaced by two signals (a new data set with another number
            # of features, then its network): in between they do not fit. Keep the old trace;
            # the second signal recomputes.
            return
        self._trace = trace
        self._cursor = max(0, min(cursor, len(self._trace) - 1))
        self.trace_changed.emit()
        self.step_changed.emit(self._cursor)

    def _on_state_network_changed(self) -> None:
        # A new architecture or new data: the old step numbers mean nothing any more.
        self._replace_trace(0)

    def _on_state_values_changed(self, *_: object) -> None:
        # Same structure, new numbers: stay on the same micro-step so the learner sees the effect.
        self._replace_trace(self._cursor)
