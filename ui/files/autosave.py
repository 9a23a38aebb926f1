"""Nothing lost: a periodic autosave of the open session, and a global exception handler.

The autosave goes to ``QStandardPaths.AppDataLocation``/autosave.json every few minutes while the
session has unsaved changes, and at once when an unexpected error happens. A clean save or quit
removes it; if one is found at start-up, the session menu offers to restore it. One that cannot be
restored is set aside as ``autosave-unreadable-N.json`` (never offered again: no loop). A failed
autosave is reported by the ``failed`` signal (the File menu shows it in the status bar, and once
in a dialog).

``ExceptionGuard`` replaces ``sys.excepthook``: an exception raised in a slot shows a dialog with
its message, its traceback goes to the log (``backprop-visualizer.log`` beside the autosave and
stderr), the session is autosaved, and the app keeps running with the session as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from engine.files.session_format import save_session
from ui.look.messages import describe

AUTOSAVE_MINUTES = 3
AUTOSAVE_NAME = "autosave.json"
LOG_NAME = "backprop-visualizer.log"

log = logging.getLogger("backprop_visualizer")


def data_dir() -> Path:
    """Return the user's data folder for this app (created if missing)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(folder or Path.home() / ".backprop-visualizer")
    path.mkdir(parents=True, exist_ok=True)
    return path


def autosave_path() -> Path:
    """Return where the autosave lives."""
    return data_dir() / AUTOSAVE_NAME


class Autosave(QObject):
    """Write ``capture()`` to the autosave file every ``minutes`` while ``is_modified()``."""

    failed = Signal(str, bool)      # the reason, and whether it is the first failure in a row

    def __init__(self, capture: Callable, is_modified: Callable[[], bool],
                 minutes: float = AUTOSAVE_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autosave")
        self._capture, self._is_modified = capture, is_modified
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()

    @property
    def path(self) -> Path:
        """The autosave file."""
        return autosave_path()

    def save_now(self) -> bool:
        """Write the autosave now; return whether it worked. A failure is logged and reported
        by ``failed(message, first)`` (``first``: the first since the last one that worked)."""
        try:
            save_session(self.path, self._capture())
        except Exception as exc:  # noqa: BLE001 - an autosave must never become a second error
            log.exception("autosave failed")
            first, self._failing = not self._failing, True
            self.failed.emit(describe(exc), first)
            return False
        self._failing = False
        return True

    def set_aside(self) -> Path | None:
        """Rename the autosave to ``autosave-unreadable-N.json`` beside it (so it is neither
        offered again nor lost) and return the new path; None if that failed (it is then
        removed, so it cannot be offered in a loop)."""
        folder = self.path.parent
        for n in range(1, 1000):
            aside = folder / f"autosave-unreadable-{n}.json"
            if not aside.exists():
                try:
                    os.replace(self.path, aside)
                    return aside
                except OSError:
                    break
        with contextlib.suppress(OSError):
            self.path.unlink()
        return None

    def discard(self) -> None:
        """Remove the autosave (the session was saved or deliberately closed)."""
        self.path.unlink(missing_ok=True)

    def exists(self) -> bool:
        """Return whether an autosave from an earlier run is waiting."""
        return self.path.is_file()

    def _on_timer_timeout(self) -> None:
        if self._is_modified():
            self.save_now()


def setup_logging() -> Path:
    """Send the app's log to the data folder's log file (once) and return its path."""
    path = data_dir() / LOG_NAME
    if not any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


class ExceptionGuard(QObject):
    """Handle uncaught exceptions: log the traceback, autosave, then ``show(message)``."""

    def __init__(self, show: Callable[[str], None], autosave: Autosave | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionGuard")
        self.show = show
        self.autosave = autosave
        self.previous = sys.excepthook
        self._busy = False

    def install(self) -> None:
        """Become ``sys.excepthook``."""
        self.previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back."""
        if sys.excepthook == self.handle:
            sys.excepthook = self.previous

    def handle(self, exc_type, exc, tb) -> None:
        """Log, autosave and report one uncaught exception; the app keeps running."""
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", text)
        print(text, file=sys.stderr)
        if self._busy:                 # an error while reporting an error: log only
            return
        self._busy = True
        try:
            if self.autosave is not None:
                self.autosave.save_now()
            self.show(f"{exc_type.__name__}: {describe(exc)}")
        finally:
            self._busy = False
