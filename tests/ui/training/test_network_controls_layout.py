"""The Network tab stays short: the four combos two by two when the tab is wide, one under the
other when it is narrow, and the initialization's why behind a link."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel

from engine import Network
from engine.datasets import load
from ui.state import AppState
from ui.training.network_controls import WIDE, NetworkControls
from ui.training.scheduler import TrainingController


def _shown_controls(qtbot, width: int) -> NetworkControls:
    ds = load("moons", seed=0)
    net = Network([ds.n_inputs, 8, 8, 8, ds.n_outputs], "sigmoid", "sigmoid",
                  rng=np.random.default_rng(0))
    state = AppState(net, ds.X_train, ds.Y_train, dataset=ds)
    controls = NetworkControls(state, TrainingController(state, seed=0))
    qtbot.addWidget(controls)
    controls.resize(width, 400)
    controls.show()
    qtbot.waitExposed(controls)
    return controls


def _top(widget) -> int:
    return widget.mapTo(widget.window(), widget.rect().topLeft()).y()


def test_a_wide_tab_puts_the_combos_two_by_two(qtbot):
    controls = _shown_controls(qtbot, WIDE + 100)
    # The layout moves the combos when it next runs, after the resize.
    qtbot.waitUntil(lambda: _top(controls.activation_combo) == _top(controls.init_combo))
    assert _top(controls.output_combo) == _top(controls.loss_combo)
    assert _top(controls.output_combo) > _top(controls.activation_combo)
    # Shorter than the four rows below would be: the table of hidden layers starts higher.
    wide_table = _top(controls.editor)
    controls.resize(WIDE - 100, 400)
    qtbot.waitUntil(lambda: _top(controls.loss_combo) > _top(controls.output_combo))
    assert _top(controls.editor) > wide_table


def test_a_narrow_tab_puts_the_combos_one_under_the_other(qtbot):
    controls = _shown_controls(qtbot, WIDE - 100)
    qtbot.wait(10)
    tops = [_top(c) for c in (controls.activation_combo, controls.output_combo,
                              controls.loss_combo, controls.init_combo)]
    assert tops == sorted(tops) and len(set(tops)) == 4


def test_the_init_note_hides_behind_a_link_that_shows_it(qtbot):
    controls = _shown_controls(qtbot, WIDE + 100)
    note = controls.findChild(QLabel, "initNote")
    link = controls.findChild(QLabel, "initWhyLink")
    assert not note.isVisible() and link.isVisible()
    assert "saturate" in link.toolTip()             # the why is still a hover away
    link.linkActivated.emit("why")
    assert note.isVisible() and "saturate" in note.text()
    link.linkActivated.emit("why")
    assert not note.isVisible()
