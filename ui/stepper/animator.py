"""Drive the network canvas from the stepper: what each micro-step shows, and how it animates.

Forward: a pulse runs along Θ(l−1) into layer l, then z(l) and a(l) appear. Backward: pulses run
right to left into the layer whose δ is computed, then its ring appears. Accumulate: the edges
show this example's contribution d(l+1)·[1; a(l)]ᵀ; gradient: they show D(l); update: the edges
morph from the old Θ(l) to the new one. Every frame shows ``trace.state_at(i)`` — a replay.
Neuron fills follow each layer's activation (``palette.layer_fill_scales``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from engine.features import input_labels
from engine.trace import Phase, Step, TraceState
from ui.canvas.view import NetworkView
from ui.look import palette
from ui.stepper.playback import Stepper


def highlight_for(step: Step, L: int) -> tuple[tuple[int, ...], int | None]:
    """Return (layers, Θ index) a step touches, for ``NetworkView.set_highlight``."""
    l, p = step.layer, step.phase
    if p is Phase.RESET or l is None:
        return (), None
    if p is Phase.INPUT:
        return (1,), None
    if p is Phase.FORWARD_Z:
        return (l - 1, l), l - 1
    if p in (Phase.FORWARD_A, Phase.OUTPUT_DELTA):
        return (l,), None
    if p is Phase.HIDDEN_DELTA:
        return (l, l + 1), l
    if p is Phase.ACCUMULATE:
        return (l, l + 1), l
    return (), l        # gradient, update: the weights of Θ(l)


class StepAnimator(QObject):
    """Show the stepper's current step on ``view``; animate when the step is one forward."""

    def __init__(self, view: NetworkView, stepper: Stepper, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view, self.stepper = view, stepper
        self._pending: int | None = None
        self._fill_key: tuple[object, object] | None = None   # (network, X) the fills follow
        self._fill_scales: list[palette.FillScale] = []
        view.animation_finished.connect(self._on_view_animation_finished)

    def fill_scales(self) -> list[palette.FillScale]:
        """Return each layer's fill scale for the state's network and data (the math panel
        colours activations with the same ones)."""
        state = self.stepper.state
        if self._fill_key is None or self._fill_key[0] is not state.network \
                or self._fill_key[1] is not state.X:
            # Scanning X for its range costs a little: only when the data or network change.
            self._fill_key = (state.network, state.X)
            net = state.network
            self._fill_scales = palette.layer_fill_scales(
                len(net.layer_sizes), net.activation, net.output, state.X)
        return self._fill_scales

    def show(self, index: int, animate_ms: int = 0) -> None:
        """Show step ``index``; with ``animate_ms`` > 0 and a pulse or morph to play, animate it
        (the final state appears when the animation ends or is finished early)."""
        self.view.finish_animation()
        trace = self.stepper.trace
        state = self.stepper.state
        self.view.set_architecture(state.network.layer_sizes)
        # The inputs carry the names of what they are fed: x₁, x₂ or features such as x₁².
        self.view.set_input_names(input_labels(state.dataset, state.network.layer_sizes[0]))
        self.view.set_fill_scales(self.fill_scales())
        step = trace[index]
        if animate_ms <= 0 or index == 0:
            self._apply(index)
            return
        p, l = step.phase, step.layer
        if p is Phase.FORWARD_Z:
            self._apply(index - 1, highlight_of=index)
            self._pending = index
            self.view.animate_pulse(l - 1, l, animate_ms)
        elif p is Phase.HIDDEN_DELTA:
            self._apply(index - 1, highlight_of=index)
            self._pending = index
            self.view.animate_pulse(l + 1, l, animate_ms)
        elif p is Phase.UPDATE:
            before = trace.state_at(index - 1)
            self._apply(index)
            after = trace.state_at(index)
            L = trace.L
            self.view.animate_weight_change([before.Theta[k] for k in range(1, L)],
                                            [after.Theta[k] for k in range(1, L)], animate_ms)
        else:
            self._apply(index)

    def _on_view_animation_finished(self) -> None:
        if self._pending is not None:
            index, self._pending = self._pending, None
            if index < len(self.stepper.trace):
                self._apply(index)

    def _apply(self, index: int, highlight_of: int | None = None) -> None:
        """Put the state after step ``index`` on the canvas (highlight of ``highlight_of``)."""
        trace = self.stepper.trace
        st: TraceState = trace.state_at(index)
        view, L = self.view, trace.L
        view.set_weights([st.Theta[k] for k in range(1, L)])
        for layer in range(1, L + 1):
            view.set_neuron_values(layer, st.a.get(layer), "a")
            view.set_neuron_values(layer, st.z.get(layer), "z")
            view.set_neuron_values(layer, st.d.get(layer), "d")
        step = trace[index]
        for k in range(1, L):
            if step.phase is Phase.ACCUMULATE and step.layer == k:
                view.set_edge_values(k, step.payload.outer, "contribution")
            elif step.phase is Phase.GRADIENT and step.layer == k:
                view.set_edge_values(k, step.payload.D, "D")
            else:
                view.set_edge_values(k, None, "D")
        layers, edges = highlight_for(trace[highlight_of if highlight_of is not None else index],
                                      L)
        view.set_highlight(layers, edges)
