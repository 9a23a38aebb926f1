"""The real app in a real X window (Xvfb): ``--step 8 --screenshot`` writes a non-blank PNG."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def test_screenshot_under_xvfb_is_not_blank(tmp_path):
    assert shutil.which("xvfb-run"), "xvfb-run is needed (apt-get install xvfb; see DEVELOPERS.md)"
    out = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                             "WAYLAND_DISPLAY")}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, str(ROOT / "main.py"),
         "--preset", "mazur", "--step", "8", "--screenshot", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 600
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    assert len(colours) > 200, f"only {len(colours)} distinct colours: the window looks blank"
