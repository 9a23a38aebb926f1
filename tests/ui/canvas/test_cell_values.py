"""Values written in a wide layer's cells are readable (≥ 9 px) or not written at all, and
the digits' output layer writes them at the sizes a class uses, presenter mode included."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from main import build_main_window
from ui.canvas import cells

READABLE_PX = 9


def _window(qtbot, size, *extra):
    win = build_main_window(["--preset", "digits", "--step", "7", "--lang", "en", *extra])
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)
    QApplication.processEvents()
    win.network_view.finish_animation()
    return win


@pytest.mark.parametrize("size, extra", [((1400, 900), ()), ((1400, 900), ("--presenter",)),
                                         ((1366, 768), ()), ((1280, 720), ())],
                         ids=["1400x900", "presenter", "1366x768", "1280x720"])
def test_cell_values_are_written_at_9_px_or_not_at_all(qtbot, size, extra):
    view = _window(qtbot, size, *extra).network_view
    for col in view.columns:
        if col.kind != "cells":
            continue
        font = cells.value_font(col, view.font())
        if font is None:
            assert col.values_drawn == []
        else:
            assert font.pixelSize() >= READABLE_PX, (col.kind, font.pixelSize())


@pytest.mark.parametrize("extra", [(), ("--presenter",)], ids=["normal", "presenter"])
def test_digits_output_cells_write_their_values_at_1400x900(qtbot, extra):
    view = _window(qtbot, (1400, 900), *extra).network_view
    output = view.columns[-1]
    assert output.kind == "cells"
    assert output.values_drawn == list(range(10))
    assert cells.value_font(output, view.font()).pixelSize() >= READABLE_PX


@pytest.mark.parametrize("size, extra", [((1024, 640), ()), ((1280, 720), ()),
                                         ((1400, 900), ("--presenter", "--lang", "pt_BR"))],
                         ids=["1024x640", "1280x720", "presenter-pt_BR"])
def test_values_inside_circles_are_9_px_or_not_written(qtbot, size, extra):
    win = build_main_window(["--preset", "mazur", "--step", "7", "--lang", "en", *extra])
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)
    win.network_view.finish_animation()
    win.network_view.viewport().grab()          # paint, as the screen would
    written = [col for col in win.network_view.columns if col.values_drawn]
    assert written, "Mazur's values at step 7 should be written somewhere"
    for col in written:
        assert col.value_pixels >= READABLE_PX, (size, col.value_pixels)
