"""Regression test for the Qt binding: PySide6-Essentials 6.12.0 aborts on Python 3.11 with
"Fatal Python error: none_dealloc" after some 10–20k calls that return nothing."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from PySide6.QtCore import QObject
o = QObject()
for i in range(300_000):
    o.setObjectName("n")
print("ok")
"""


def test_300k_void_qt_calls_do_not_crash_the_interpreter():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
