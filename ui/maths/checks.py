"""Opening the checks a learner can make of D: View → Gradient check, and the chain rule of the
weight chosen in the weight editor. Both follow the step-through's trace while they are open.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ui.look import language as i18n
from ui.maths.chain_rule_view import ChainRuleView
from ui.maths.gradient_check_view import GradientCheckView
from ui.stepper.playback import Stepper


class Checks(QObject):
    """Own the Gradient check window and the chain-rule windows of one step-through."""

    def __init__(self, stepper: Stepper, menu: QMenu, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("checks")
        self._stepper, self._parent = stepper, parent
        self.gradient_check: GradientCheckView | None = None
        self.chain_rules: list[ChainRuleView] = []
        self.gradient_check_action = QAction(self)
        self.gradient_check_action.setObjectName("gradientCheckAction")
        self.gradient_check_action.triggered.connect(self.open_gradient_check)
        menu.addSeparator()
        menu.addAction(self.gradient_check_action)
        stepper.trace_changed.connect(self._on_stepper_trace_changed)
        parent.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.gradient_check_action.setText(self.tr("&Gradient check…"))
        tip = self.tr("Compare every D with central differences (J(θ+ε) − J(θ−ε)) / 2ε, as a "
                      "heat map per Θ(l)")
        self.gradient_check_action.setToolTip(tip)
        self.gradient_check_action.setStatusTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def open_gradient_check(self) -> GradientCheckView:
        """Show the Gradient check window (one, non-modal) and return it."""
        if self.gradient_check is None or not shiboken6.isValid(self.gradient_check):
            self.gradient_check = GradientCheckView(self._stepper.trace, self._parent)
        self.gradient_check.show()
        self.gradient_check.raise_()
        return self.gradient_check

    def open_chain_rule(self, l: int, i: int, j: int) -> ChainRuleView:
        """Show the chain rule of Θ(l)[i, j] (non-modal) and return it."""
        self.chain_rules = [v for v in self.chain_rules if shiboken6.isValid(v) and v.isVisible()]
        view = ChainRuleView(self._stepper.trace, l, i, j, self._parent)
        self.chain_rules.append(view)
        view.show()
        i18n.localize_plots(view)    # its axes write 0,5 in pt-BR like every other plot
        return view

    def _on_stepper_trace_changed(self) -> None:
        trace = self._stepper.trace
        if self.gradient_check is not None and shiboken6.isValid(self.gradient_check):
            self.gradient_check.set_trace(trace)
        for view in self.chain_rules:
            if not shiboken6.isValid(view):
                continue
            try:
                view.set_trace(trace)
            except ValueError:      # a new architecture without this weight
                view.close()
