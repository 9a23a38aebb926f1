"""App benchmarks: canvas frame times, training inside the app against the headless engine, input
latency while training, start-up time and memory over a million XOR epochs.

Everything runs offscreen (QT_QPA_PLATFORM=offscreen) on the main thread, as the app does.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from benchmarks.common import percentile

ROOT = Path(__file__).resolve().parent.parent


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["benchmarks"])


def _main_window(preset: str):
    """Return the app's real main window for ``preset``, shown (offscreen)."""
    app = _app()
    import main

    window = main.build_main_window(["--preset", preset])
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    return window


# --- canvas ---------------------------------------------------------------------------------

def _timed_view_class():
    """Return a NetworkView subclass that records how long each animation tick and each paint
    of the viewport take (a frame = the ticks since the last paint + that paint)."""
    from ui.canvas.view import NetworkView

    class TimedView(NetworkView):
        def __init__(self, *args, **kwargs) -> None:
            self.ticks: list[float] = []
            self.frames: list[float] = []
            self._pending = 0.0
            super().__init__(*args, **kwargs)

        def _on_anim_value_changed(self, value: float) -> None:
            t0 = time.perf_counter()
            super()._on_anim_value_changed(value)
            self._pending += time.perf_counter() - t0

        def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
            t0 = time.perf_counter()
            super().paintEvent(event)
            self.frames.append((self._pending + time.perf_counter() - t0) * 1e3)
            self._pending = 0.0

    return TimedView


def canvas_frames(sizes: tuple[int, ...], frames: int = 300) -> dict:
    """Return p50/p95 ms of the canvas's animation frames and of a step change.

    Animation frames: the step-through's own animations (a pulse along Θ for each forward z and
    backward d step, the weight morph of each update), played by ``StepAnimator.show(i, 250)``
    in the event loop; a frame is the animation ticks since the last paint plus that paint.
    Step change: ``StepAnimator.show(i)`` without animation (weights, every a/z/d, overlay,
    highlight) plus a synchronous repaint.
    """
    app = _app()
    from engine.network import Network
    from ui.stepper.animator import StepAnimator

    rng = np.random.default_rng(0)
    net = Network(list(sizes), "sigmoid", "softmax" if sizes[-1] > 1 else "sigmoid",
                  rng=np.random.default_rng(1))
    X = rng.uniform(0, 1, (1, sizes[0]))
    Y = np.eye(sizes[-1])[[0]] if sizes[-1] > 1 else np.array([[1.0]])
    trace = net.trace(X, Y)
    view = _timed_view_class()(list(sizes))
    view.resize(900, 700)
    view.show()
    app.processEvents()
    stepper = SimpleNamespace(trace=trace, state=SimpleNamespace(network=net, X=X, dataset=None))
    animator = StepAnimator(view, stepper)  # type: ignore[arg-type]
    steps = []
    for i in range(min(frames, 60) + 5):
        t0 = time.perf_counter()
        animator.show(i % len(trace))
        view.viewport().repaint()
        if i >= 5:  # the first ones build caches
            steps.append((time.perf_counter() - t0) * 1e3)
        app.processEvents()
    view.frames.clear()
    i = 0
    deadline = time.perf_counter() + 120
    while len(view.frames) < frames and time.perf_counter() < deadline:
        animator.show(1 + i % (len(trace) - 1), 250)
        if view.is_animating():
            _run_loop(2.0, until=lambda: not view.is_animating())
        i += 1
    anim = view.frames[:frames]
    view.close()
    return {"case": "-".join(map(str, sizes)), "frames": len(anim),
            "p50_ms": percentile(anim, 50), "p95_ms": percentile(anim, 95),
            "step_p50_ms": percentile(steps, 50), "step_p95_ms": percentile(steps, 95),
            "drawn_edges": [int(len(view.drawn_edges(l))) for l in range(1, len(sizes))]}


# --- training in the app ----------------------------------------------------------------------

class LatencyProbe:
    """Post an event every ``period_ms`` and record how long the event loop takes to deliver it
    (what a click or key press would wait while training runs)."""

    def __init__(self, period_ms: int = 20) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        probe = self

        class _Receiver(QObject):
            def event(self, ev):  # noqa: N802 (Qt override)
                if ev.type() == probe.kind:
                    probe.delays.append((time.perf_counter() - probe.posted.pop(0)) * 1e3)
                    return True
                return super().event(ev)

        self.kind = QEvent.Type(QEvent.registerEventType())
        self.receiver = _Receiver()
        self.posted: list[float] = []
        self.delays: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(period_ms)
        self.timer.timeout.connect(self._post)
        self._event_cls = QEvent

    def _post(self) -> None:
        from PySide6.QtCore import QCoreApplication

        self.posted.append(time.perf_counter())
        QCoreApplication.postEvent(self.receiver, self._event_cls(self.kind))


def _run_loop(seconds: float, until=None) -> None:
    """Run the Qt event loop, as ``app.exec()`` does, for ``seconds`` or until ``until()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    _app()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    poll = QTimer()
    if until is not None:
        poll.setInterval(50)
        poll.timeout.connect(lambda: until() and loop.quit())
        poll.start()
    loop.exec()
    poll.stop()


def app_training(preset: str, seconds: float = 3.0, rounds: int = 3) -> dict:
    """Return epochs/s training in the real window (loss plot, boundary and canvas updating)
    beside the headless engine on the same network and data, and the input latency meanwhile."""
    from engine.lesson.trainer import Trainer
    from ui.training.scheduler import TrainingController

    window = _main_window(preset)
    controller = window.findChild(TrainingController)
    state = controller.state
    s = state.settings
    headless = Trainer(state.network.copy(), state.X, state.Y, s, np.random.default_rng(0),
                       controller.test_set())
    m = state.X.shape[0]
    probe = LatencyProbe()
    app_rates, head_rates = [], []
    for _ in range(rounds):
        # headless: the same trainer (the app's only epoch loop) without the window
        e0, t0 = headless.epoch, time.perf_counter()
        headless.run(deadline=t0 + seconds)
        head_rates.append((headless.epoch - e0) / (time.perf_counter() - t0))
        # in the app: the controller's timer chunks with every view updating
        e0, t0 = controller.epoch, time.perf_counter()
        controller.start()
        probe.timer.start()
        _run_loop(seconds)
        probe.timer.stop()
        controller.pause()
        app_rates.append((controller.epoch - e0) / (time.perf_counter() - t0))
        _run_loop(0.05)
    window.close()
    head, app = statistics.median(head_rates), statistics.median(app_rates)
    return {"preset": preset, "layer_sizes": state.network.layer_sizes, "m": int(m),
            "headless_epochs_per_s": head, "app_epochs_per_s": app, "ratio": app / head,
            "latency_p50_ms": percentile(probe.delays, 50),
            "latency_p99_ms": percentile(probe.delays, 99), "latency_samples": len(probe.delays)}


def _memory_child(epochs: int, warmup: int) -> None:
    """Train the XOR preset window through its controller and print "epoch rss" once a second
    (run in a child process, so a frozen event loop shows as silence, not a hang)."""
    import gc

    import psutil
    from PySide6.QtCore import QTimer

    from ui.training.scheduler import TrainingController

    window = _main_window("xor")
    controller = window.findChild(TrainingController)
    proc = psutil.Process()
    controller.start()
    _run_loop(600, until=lambda: controller.epoch >= warmup)
    gc.collect()
    print("start", controller.epoch, proc.memory_info().rss, time.perf_counter(), flush=True)
    target = controller.epoch + epochs
    report = QTimer()
    report.setInterval(1000)
    report.timeout.connect(lambda: print("at", controller.epoch, proc.memory_info().rss,
                                         time.perf_counter(), flush=True))
    report.start()
    _run_loop(3600, until=lambda: controller.epoch >= target or not controller.running)
    report.stop()
    controller.pause()
    gc.collect()
    print("end", controller.epoch, proc.memory_info().rss, time.perf_counter(), flush=True)


def app_memory(epochs: int = 1_000_000, warmup: int = 20_000, silence_s: float = 30.0) -> dict:
    """Return the resident-memory growth over ``epochs`` XOR epochs through the app's training
    loop (timer chunks, history, loss plot and views all running), measured in a child process.

    If the child stops reporting for ``silence_s`` (its event loop froze), it is ended and the
    epoch it had reached is reported as ``froze_at_epoch``.
    """
    import select

    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "from benchmarks.common import limit_threads, apply_thread_limits; "
            "limit_threads(); apply_thread_limits(); "
            f"from benchmarks.app_bench import _memory_child; _memory_child({epochs}, {warmup})")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    lines: list[list[str]] = []
    froze = False
    while True:
        ready, _, _ = select.select([child.stdout], [], [], silence_s)
        if not ready:
            froze = True
            child.kill()
            break
        line = child.stdout.readline()
        if not line:
            break
        lines.append(line.split())
    child.wait()
    start = next((ln for ln in lines if ln[0] == "start"), None)
    if start is None:
        return {"epochs": 0, "error": "the child process reported nothing"}
    e0, rss0, t0 = int(start[1]), int(start[2]), float(start[3])
    later = [ln for ln in lines if ln[0] in ("at", "end")]
    last = later[-1] if later else start
    peak = max([rss0] + [int(ln[2]) for ln in later])
    out = {"epochs": int(last[1]) - e0, "seconds": float(last[3]) - t0,
           "rss_start_mb": rss0 / 2**20, "rss_end_mb": int(last[2]) / 2**20,
           "growth_mb": (peak - rss0) / 2**20}
    if froze:
        out["froze_at_epoch"] = int(last[1])
    return out


# --- start-up -------------------------------------------------------------------------------

_PROBE = r"""
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
import main
app = QApplication(["bench"])
class First(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(time.monotonic(), flush=True)
            sys.exit(0)
        return False
w = main.build_main_window([])
f = First()
app.installEventFilter(f)
w.show()
app.exec()
"""


def _spawn_seconds(args: list[str], prints_time: bool) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.monotonic()
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=True)
    if prints_time:
        return float(out.stdout.strip().splitlines()[-1]) - t0
    return time.monotonic() - t0


def startup(runs: int = 7) -> dict:
    """Return median seconds from process start to the first paint of the main window, beside
    the floor: a process that only imports PySide6.QtWidgets and pyqtgraph.

    The app's byte code is written first, as ``make run`` does before it starts the app (pip
    wrote PySide6's and pyqtgraph's when it installed them)."""
    floor, full = [], []
    subprocess.run([sys.executable, "-m", "compileall", "-q", "main.py", "ui", "engine"],
                   cwd=ROOT, capture_output=True, timeout=300, check=True)
    floor_cmd = [sys.executable, "-c", "import PySide6.QtWidgets, pyqtgraph"]
    app_cmd = [sys.executable, "-c", _PROBE.format(root=str(ROOT))]
    _spawn_seconds(app_cmd, True)  # warm the file cache
    for _ in range(runs):  # interleaved, like everything else
        floor.append(_spawn_seconds(floor_cmd, False))
        full.append(_spawn_seconds(app_cmd, True))
    return {"runs": runs, "first_paint_median_s": statistics.median(full),
            "floor_median_s": statistics.median(floor),
            "first_paint_min_s": min(full), "floor_min_s": min(floor)}


def run(quick: bool = False) -> dict:
    """Return every app measurement (``quick``: fewer frames, epochs and runs)."""
    frames = 100 if quick else 300
    out: dict = {"canvas": [canvas_frames(sz, frames)
                            for sz in ((2, 4, 4, 1), (64, 32, 10), (784, 128, 10))]}
    from benchmarks import key_bench

    out["keys"] = key_bench.run(quick)
    out["training"] = [app_training(p, 2.0 if quick else 3.0) for p in ("xor", "digits")]
    from benchmarks import maps_bench

    out["maps"] = maps_bench.run(quick)
    out["startup"] = startup(3 if quick else 7)
    out["memory"] = app_memory(100_000 if quick else 1_000_000)
    return out
