"""The engine and its lesson model never import Qt, pyqtgraph or the ui package."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

WALK = """
import importlib, json, pkgutil, sys
import engine
names = sorted(m.name for m in pkgutil.walk_packages(engine.__path__, "engine."))
for name in names:
    importlib.import_module(name)
print(json.dumps({"walked": names, "loaded": sorted(sys.modules)}))
"""


def _walk() -> dict:
    out = subprocess.run([sys.executable, "-c", WALK], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_importing_every_engine_module_loads_no_gui_module():
    seen = _walk()
    loaded = {m.split(".")[0] for m in seen["loaded"]}
    assert loaded.isdisjoint({"PySide6", "shiboken6", "pyqtgraph", "ui"})
    assert "numpy" in loaded  # the check is real: it does see what the engine imports


def test_the_walk_reaches_every_module_of_every_sub_package():
    # The walk above proves something only if it imports every file under engine/.
    on_disk = {".".join(p.relative_to(ROOT).with_suffix("").parts)
               for p in (ROOT / "engine").rglob("*.py")}
    on_disk = {n.removesuffix(".__init__") for n in on_disk}
    walked = set(_walk()["walked"]) | {"engine"}
    assert on_disk == walked
    assert {"engine.lesson.presets", "engine.files.session_format",
            "engine.documents.worked_example"} <= walked
