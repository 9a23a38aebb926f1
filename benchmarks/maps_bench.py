"""Painted frames while training with every neuron's map on (issue 16: ≥ 20 frames/s on 2-8-8-1).

The real window (1400×900, offscreen) of the spirals preset (2-8-8-1 tanh) trains through its
controller's timer loop, as a learner's Train button does. A *frame* is one paint pass of the
window: Qt's repaint manager sends the top-level window an UpdateRequest and paints every dirty
widget in it; a pass that painted anything counts, and so does, separately, a pass in which the
network canvas painted. Nothing times or drives the painting: the counts are what the window
painted by itself while training ran. Runs with the maps on and off alternate (medians), and
the epochs/s of each run say what the maps cost training.

Alone: ``python -m benchmarks.maps_bench [--quick]``.
"""

from __future__ import annotations

import statistics
import time

TARGET_FPS = 20.0


class _FrameCounter:
    """Count the window's paint passes, and those in which ``canvas`` painted."""

    def __init__(self, window, canvas) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication, QWidget

        counter = self
        self.frames = self.canvas_frames = 0
        self._painted = self._canvas_painted = False
        update, paint = QEvent.Type.UpdateRequest, QEvent.Type.Paint

        class _Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
                kind = event.type()
                if kind == update and watched is window:
                    counter._close_pass()
                elif kind == paint and isinstance(watched, QWidget) \
                        and watched.window() is window:
                    counter._painted = True
                    if watched is canvas:
                        counter._canvas_painted = True
                return False

        self.filter = _Filter()
        QApplication.instance().installEventFilter(self.filter)

    def _close_pass(self) -> None:
        self.frames += self._painted
        self.canvas_frames += self._canvas_painted
        self._painted = self._canvas_painted = False

    def close(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._close_pass()
        QApplication.instance().removeEventFilter(self.filter)


def training_frames(preset: str = "spirals", seconds: float = 3.0, rounds: int = 3) -> dict:
    """Return the window's and the canvas's painted frames per second, and epochs/s, while
    training ``preset`` in the window with the neuron maps on and off (alternating rounds)."""
    from benchmarks.app_bench import _main_window, _run_loop

    window = _main_window(preset)
    maps = window.neuron_maps
    controller, canvas = window.training, window.network_view.viewport()
    runs: dict[bool, list[dict]] = {True: [], False: []}
    _run_loop(0.2)
    for _ in range(rounds):
        for on in (True, False):
            maps.action.setChecked(on)
            _run_loop(0.1)
            counter = _FrameCounter(window, canvas)
            e0, f0, t0 = controller.epoch, maps.frames, time.perf_counter()
            controller.start()
            _run_loop(seconds)
            controller.pause()
            dt = time.perf_counter() - t0
            counter.close()
            runs[on].append({"fps": counter.frames / dt, "canvas_fps": counter.canvas_frames / dt,
                             "epochs_per_s": (controller.epoch - e0) / dt,
                             "maps_per_s": (maps.frames - f0) / dt})
            _run_loop(0.05)
    sizes = window.training.state.network.layer_sizes
    window.close()

    def med(on: bool, key: str) -> float:
        return statistics.median(r[key] for r in runs[on])

    return {"preset": preset, "layer_sizes": sizes, "seconds": seconds, "rounds": rounds,
            **{f"{key}_{'on' if on else 'off'}": med(on, key)
               for on in (True, False) for key in ("fps", "canvas_fps", "epochs_per_s",
                                                   "maps_per_s")},
            "target_fps": TARGET_FPS}


def table(row: dict) -> str:
    """Return the row as a Markdown table with the target and whether it is met."""
    met = "met" if row["canvas_fps_on"] >= row["target_fps"] else "**MISSED**"
    return "\n".join([
        "| preset | network | maps | window frames/s | canvas frames/s | maps drawn/s "
        "| epochs/s | target canvas ≥ 20 frames/s |",
        "|---|---|---|---:|---:|---:|---:|---|",
        f"| {row['preset']} | {'-'.join(map(str, row['layer_sizes']))} | on | "
        f"{row['fps_on']:.1f} | {row['canvas_fps_on']:.1f} | {row['maps_per_s_on']:.1f} | "
        f"{row['epochs_per_s_on']:,.0f} | {met} |",
        f"| {row['preset']} | {'-'.join(map(str, row['layer_sizes']))} | off | "
        f"{row['fps_off']:.1f} | {row['canvas_fps_off']:.1f} | – | "
        f"{row['epochs_per_s_off']:,.0f} | – |"])


def run(quick: bool = False) -> dict:
    """Return the maps row (shorter runs with ``quick``)."""
    return training_frames(seconds=2.0 if quick else 3.0, rounds=2 if quick else 3)


if __name__ == "__main__":
    import sys

    from benchmarks.common import apply_thread_limits, limit_threads

    limit_threads()
    apply_thread_limits()
    print(table(run(quick="--quick" in sys.argv)))
