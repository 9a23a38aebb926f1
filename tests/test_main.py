"""main.py without a window: the headless trace and the no-display message."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def run_main(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=120, env=env, cwd=ROOT)


def test_trace_prints_mazurs_worked_example():
    proc = run_main("--trace", "--preset", "mazur")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    # The article's numbers (∂E/∂w5 = 0.082167041 to the 7 digits both print): out_h1, out_o1,
    # E_total, ∂E/∂w5 and w5+.
    for number in ("0.593269992", "0.75136507", "0.298371109", "0.0821670", "0.35891648"):
        assert number in out
    assert "d(2) = (Θ(2)ᵀ d(3))" in out and "g′(z(2))" in out
    assert out.index("Forward ·") < out.index("Backward ·") < out.index("Update ·")


def test_without_a_display_the_app_says_so_in_one_sentence():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = run_main(env=env)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "xvfb-run" in lines[0]


def test_the_app_runs_numpy_on_one_blas_thread():
    code = ("import sys; sys.argv = ['main.py', '--trace']; import main, io, contextlib; "
            "f = io.StringIO(); contextlib.redirect_stdout(f).__enter__(); main.main(); "
            "import numpy, os; sys.stderr.write(os.environ['OPENBLAS_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "1"
