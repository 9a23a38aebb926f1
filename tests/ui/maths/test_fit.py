"""ui/maths/fit.py on the real window: in presenter mode at 1400×900 the math panel never needs
scrolling sideways (a projector audience cannot scroll)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from main import build_main_window
from ui.look import language as i18n
from ui.look import theme
from ui.maths import fit


@pytest.fixture
def presenter(qapp):
    yield
    theme.manager().set_presenter(False)
    i18n.manager().set_choice("en", remember=False)


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_presenter_math_panel_fits_its_width_at_every_step(qtbot, presenter, lang):
    win = build_main_window(["--lang", lang, "--presenter"])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    panel = win.math_panel
    browsers = {"equation": panel._equation, "tables": panel._tables}
    levels = set()
    for cursor in range(len(win.stepper.trace)):
        win.stepper.set_cursor(cursor)
        QApplication.processEvents()
        for name, browser in browsers.items():
            assert browser.horizontalScrollBar().maximum() == 0, (cursor + 1, name)
            levels.add(panel.fit_level(name))
    # Some step did not fit as written (the d(2) and update steps did not): fitting was needed.
    assert levels - {fit.LEVELS[0]}


def test_a_page_that_fits_is_shown_as_written(qtbot):
    win = build_main_window(["--lang", "en"])
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.stepper.set_cursor(2)          # z(2): short, fits at the normal scale
    QApplication.processEvents()
    assert win.math_panel.fit_level("equation") == fit.LEVELS[0]


def test_normal_size_type_never_shrinks_below_the_floor(qtbot):
    # XOR's tables at 1280×720 were shrunk to 0.6 of the normal size: unreadable. At the
    # normal scale, fitting stops at SMALLEST and leaves the rest to the scroll bar.
    win = build_main_window(["--lang", "en", "--preset", "xor"])
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    shrinks = set()
    for cursor in range(len(win.stepper.trace)):
        win.stepper.set_cursor(cursor)
        QApplication.processEvents()
        for name in ("equation", "tables"):
            shrinks.add(win.math_panel.fit_level(name).shrink)
    assert min(shrinks) >= fit.SMALLEST
    assert min(shrinks) < 1.0        # the tables did need fitting here
