"""The engine never imports Qt, pyqtgraph or the ui package."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_import_engine_loads_no_gui_module():
    code = ("import json, sys; import engine, engine.lesson.presets, "
            "engine.documents.trace_text, engine.datasets; "
            "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    loaded = {m.split(".")[0] for m in json.loads(out.stdout)}
    assert loaded.isdisjoint({"PySide6", "shiboken6", "pyqtgraph", "ui"})
    assert "numpy" in loaded  # the check is real: it does see what the engine imports
