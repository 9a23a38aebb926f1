"""The canvas during a comparison: a label that says which run it shows, and, when "Show
compared run" is on, the compared run's network — its weights and the forward values of the
example in play — drawn read-only over whatever the step-through would show.

The step-through keeps playing this run's trace underneath; each time it redraws (a step, new
weights while training), the compared network is drawn again on top, so the canvas never mixes
the two runs. Clicks on the canvas are held back while the compared run shows: its weights are
not this run's to edit.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from engine.lesson.comparison import Comparison
from ui.canvas.view import NetworkView
from ui.look import palette
from ui.look.palette import COMPARED_HEX, TRAIN_HEX, Theme
from ui.state import AppState
from ui.stepper.animator import StepAnimator
from ui.stepper.playback import Stepper
from ui.training.scheduler import TrainingController


class CompareController(Protocol):
    """What the canvas asks of ui.training.compare's controller (which builds this helper)."""

    comparison_changed: SignalInstance
    shown_changed: SignalInstance
    show_action: QAction
    training: TrainingController

    @property
    def comparison(self) -> Comparison | None:
        """The compared run, or None."""

    def sides(self) -> tuple[str, str]:
        """Return what this run and the compared one have where they differ."""

BLOCKED = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
           QEvent.Type.MouseButtonRelease)


class ComparedCanvas(QObject):
    """Show on ``view`` the run ``compare`` says (this one, or the compared one read-only)."""

    def __init__(self, view: NetworkView, state: AppState, stepper: Stepper,
                 animator: StepAnimator, compare: CompareController) -> None:
        super().__init__(view)
        self.view, self.state, self.stepper = view, state, stepper
        self.animator, self.compare = animator, compare
        self.label = QLabel(view)
        self.label.setObjectName("comparedRunLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        # After the animator's own slots (connected when the stepper was built): drawn on top.
        stepper.step_changed.connect(self._on_stepper_step_changed)
        compare.comparison_changed.connect(self._update)
        compare.shown_changed.connect(self._on_compare_shown_changed)
        compare.training.epoch_finished.connect(self._on_stepper_step_changed)

    @property
    def showing_compared(self) -> bool:
        """Whether the canvas shows the compared run."""
        return self.compare.comparison is not None and self.compare.show_action.isChecked()

    def set_theme(self, _theme: Theme) -> None:
        """Keep the label readable in any theme: white text on the run's own colour."""
        self._style()

    def _style(self) -> None:
        colour = COMPARED_HEX if self.showing_compared else TRAIN_HEX
        self.label.setStyleSheet(f"QLabel#comparedRunLabel {{ background: {colour}; "
                                 "color: white; font-weight: bold; padding: 3px 8px; "
                                 "border-radius: 4px; }")

    def _on_compare_shown_changed(self, shown: bool) -> None:
        self._update()
        if not shown:       # this run's step again, as the step-through has it
            self.animator.show(self.stepper.cursor, 0)

    def _on_stepper_step_changed(self, *_: object) -> None:
        if self.showing_compared:
            self._draw_compared()

    def _update(self) -> None:
        if self.compare.comparison is None:
            self.label.hide()
            self.view.set_top_margin(0)
            return
        mine, theirs = self.compare.sides()
        self.label.setText(self.tr("Showing the compared run (%1), read-only").replace(
            "%1", theirs) if self.showing_compared else
            self.tr("Showing this run (%1)").replace("%1", mine))
        self._style()
        self.label.adjustSize()
        self.label.show()
        self.label.raise_()
        self._place()
        if self.showing_compared:
            self._draw_compared()

    def _draw_compared(self) -> None:
        """Put the compared network's weights and its forward pass of the example on the canvas."""
        c = self.compare.comparison
        if c is None:
            return
        view = self.view
        view.finish_animation()      # a pulse of this run's step would land after the drawing
        net = c.network
        view.set_architecture(net.layer_sizes)
        # Its own fill scales: ReLU's a runs past the 0 … 1 of sigmoid.
        view.set_fill_scales(palette.layer_fill_scales(net.L, net.activation, net.output,
                                                       self.state.X))
        view.set_weights(net.thetas)
        i = self.state.example
        fwd = net.forward(self.state.X[i:i + 1])
        for layer in range(1, net.L + 1):
            view.set_neuron_values(layer, fwd.a[layer - 1][0], "a")
            z = fwd.z[layer - 1]
            view.set_neuron_values(layer, None if z is None else z[0], "z")
            view.set_neuron_values(layer, None, "d")
        for l in range(1, net.L):
            view.set_edge_values(l, None, "D")
        view.set_highlight((), None)

    def _place(self) -> None:
        # In a strip of its own above the drawing: over it, it would hide the top "+1" units.
        self.label.adjustSize()
        frame = self.view.frameWidth()
        if not self.label.isHidden():
            self.view.set_top_margin(self.label.height() + 4)
        self.label.move(max(frame, (self.view.width() - self.label.width()) // 2), frame + 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and watched is self.view:
            self._place()
        elif event.type() in BLOCKED and self.showing_compared:
            return True         # read-only: no weight editing or focusing on the other run
        return False
