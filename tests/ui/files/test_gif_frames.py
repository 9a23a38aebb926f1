"""The GIF's frames: the first is drawn like every other (same legend, same layout)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from main import build_main_window
from ui.canvas.legend import NetworkLegend
from ui.files.exports import GIF_MAX_WIDTH, export_gif, render_step_frames


@pytest.mark.parametrize("preset", ["mazur", "xor"])
def test_first_gif_frame_legend_matches_a_frame_drawn_after_stepping_back(qtbot, preset):
    # As the headless --export-gif does: shown off screen, one round of events, then export.
    win = build_main_window(["--lang", "en", "--preset", preset])
    qtbot.addWidget(win)
    win.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    win.show()
    QApplication.processEvents()
    target = win.centralWidget()
    frames = render_step_frames(win.stepper, target, win.network_view)
    # Frame 0 drawn again the way a learner reaches it: one step on, then back to the start.
    win.stepper.set_cursor(1)
    QApplication.processEvents()
    win.stepper.set_cursor(0)
    QApplication.processEvents()
    win.network_view.finish_animation()
    QApplication.processEvents()
    again = target.grab().toImage()
    legend = win.findChild(NetworkLegend)
    region = QRect(legend.mapTo(target, legend.rect().topLeft()), legend.size())
    assert frames[0].copy(region) == again.copy(region)


def test_gif_legend_has_the_same_colours_in_every_frame(qtbot, tmp_path):
    from PIL import Image, ImageSequence

    win = build_main_window(["--lang", "en", "--preset", "xor"])
    qtbot.addWidget(win)
    win.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    win.show()
    QApplication.processEvents()
    target = win.centralWidget()
    legend = win.findChild(NetworkLegend)
    top_left = legend.mapTo(target, legend.rect().topLeft())
    path = tmp_path / "steps.gif"
    count = export_gif(win.stepper, target, win.network_view, path)
    scale = min(1.0, GIF_MAX_WIDTH / target.width())
    box = (int(top_left.x() * scale), int(top_left.y() * scale),
           int((top_left.x() + legend.width()) * scale),
           int((top_left.y() + legend.height()) * scale))
    with Image.open(path) as gif:
        frames = [f.convert("RGB").crop(box) for f in ImageSequence.Iterator(gif)]
    assert len(frames) == count > 2
    # The legend is drawn the same on every step, so every frame's legend pixels agree.
    first = frames[0].tobytes()
    for frame in frames[1:]:
        assert frame.tobytes() == first
