"""The Train task on the digits preset at the sizes a class uses: the live network keeps room
enough for its 8×8 image and heat maps."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from main import build_main_window

# The digits' drawing needs about 560 px: the 8×8 image at ≥ 12 px a pixel (a digit a class can
# read, ~100 px), Θ(1)'s 65 and Θ(2)'s 33 columns at ≥ 2 px each, two columns of cells with
# their captions and margins. That is 40 % of a 1400-px window; 0.38 leaves Qt's rounding and
# the splitter handles room. At half the window (the old share) the canvas was 450 px wide.
MIN_CANVAS_SHARE = 0.38
MIN_IMAGE_PIXEL = 12.0


@pytest.fixture(params=[(1400, 900), (1280, 720)], ids=["1400x900", "1280x720"])
def window(qtbot, request):
    win = build_main_window(["--lang", "en", "--preset", "digits", "--step", "7"])
    qtbot.addWidget(win)
    win.resize(*request.param)
    win.show()
    qtbot.waitExposed(win)
    win.tasks.set_task("train")
    qtbot.wait(20)                  # the switcher fits the docks from a zero timer
    QApplication.processEvents()
    return win


def test_train_task_leaves_the_digits_canvas_a_readable_share(window):
    view = window.network_view
    assert view.width() >= MIN_CANVAS_SHARE * window.width(), (view.width(), window.width())
    lay = view.layout_
    image = lay.kinds.index("image")
    assert lay.cell[image][0] >= MIN_IMAGE_PIXEL
    for l, rect in enumerate(lay.heat, start=1):
        assert rect is not None and rect[2] / (lay.sizes[l - 1] + 1) >= 2.0, l
