"""The File menu: sessions (New, Open, Save, Save As, Recent), CSV import, exports and Quit.

Every way of losing work (New, Open, Import, Quit, closing the window) asks first when the
session has unsaved changes. Opening goes through ``open_path``, which either applies a fully
validated session or reports the loader's one-line message and leaves the open session exactly
as it was. The window title shows the file name and a modified mark.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from engine.files.csv_import import CsvImportError, read_text
from engine.files.session_format import SessionError, load_session, save_session
from engine.lesson.presets import settings_for_data
from engine.messages import in_file, one_line, printable, show_name
from ui.files import session_io
from ui.files.autosave import Autosave, ExceptionGuard, setup_logging
from ui.files.export_menu import ExportMenu
from ui.files.import_dialog import ImportDialog, network_for
from ui.look.messages import describe
from ui.look.plain_text import plain_text, plain_tooltip
from ui.state import AppState

RECENT_KEY = "session/recent"
LAST_FOLDER_KEY = "session/lastFolder"   # where the last file dialog was answered
MAX_RECENT = 8


class SessionController(QObject):
    """Own the File menu's actions for ``window`` and the session file ``state.path`` names."""

    def __init__(self, window, state: AppState, parts: session_io.Teammates | None = None,
                 start_preset: str = "mazur") -> None:
        super().__init__(window)
        self.setObjectName("sessionController")
        self.window, self.state, self.start_preset = window, state, start_preset
        self.parts = parts or session_io.Teammates()
        self.path: Path | None = None
        self.last_error = ""
        self.selected_filter = ""      # the file-type filter picked in the last file dialog
        # The app turns this on in ui.app.run; a window built by a test closes without asking.
        self.prompt_on_close = False
        menu: QMenu = window.file_menu
        self.new_action = self._action("newAction", QKeySequence.StandardKey.New, self.new)
        self.open_action = self._action("openAction", QKeySequence.StandardKey.Open,
                                        self.open_dialog)
        self.recent_menu = QMenu(menu)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = self._action("saveAction", QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action("saveAsAction", QKeySequence.StandardKey.SaveAs,
                                           self.save_as)
        self.import_action = self._action("importCsvAction", None, self.import_dialog)
        self.export_menu = ExportMenu(self, menu)
        self.quit_action = self._action("quitAction", QKeySequence.StandardKey.Quit,
                                        self.window.close)
        menu.addActions([self.new_action, self.open_action])
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addActions([self.save_action, self.save_as_action])
        menu.addSeparator()
        menu.addAction(self.import_action)
        menu.addMenu(self.export_menu)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.autosave = Autosave(lambda: session_io.capture(self.state, self.parts),
                                 lambda: self.state.modified, parent=self)
        self.autosave.failed.connect(self._on_autosave_failed)
        self.guard = ExceptionGuard(self.show_error_text, self.autosave, parent=self)
        state.modified_changed.connect(self._on_state_modified_changed)
        window.installEventFilter(self)
        self.retranslate()

    def _action(self, name: str, shortcut, slot) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda *_: slot())
        return action

    # --- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text of the File menu's entries and the window title."""
        for action, text, tip in (
            (self.new_action, self.tr("&New"), self.tr("Start again from the Mazur example")),
            (self.open_action, self.tr("&Open…"), self.tr("Open a saved session (.json)")),
            (self.save_action, self.tr("&Save"), self.tr("Save the session: network, weights, "
                                                        "data, settings, history, step")),
            (self.save_as_action, self.tr("Save &As…"), self.tr("Save the session in a new file")),
            (self.import_action, self.tr("&Import data set from CSV…"),
             self.tr("Train and step through your own data from a CSV file")),
            (self.quit_action, self.tr("&Quit"), self.tr("Close the app")),
        ):
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.export_menu.retranslate()
        self.update_title()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                # The window resets its own title on LanguageChange; ours goes back on after.
                QTimer.singleShot(0, self.retranslate)
            elif event.type() == QEvent.Type.Close and self.prompt_on_close:
                if not self.maybe_save():
                    event.ignore()
                    return True
                self.autosave.discard()
        return super().eventFilter(watched, event)

    def update_title(self) -> None:
        """Show the file name (or "Untitled") and the modified mark in the title bar."""
        name = show_name(self.path.name) if self.path else self.tr("Untitled")
        self.window.setWindowTitle(self.tr("{0}[*] — Backprop Visualizer").format(name))
        self.window.setWindowModified(self.state.modified)

    def _on_state_modified_changed(self, modified: bool) -> None:
        self.window.setWindowModified(modified)

    # --- asking the user (tests replace these) ---------------------------------------------------
    def _on_autosave_failed(self, message: str, first: bool) -> None:
        text = self.tr("The autosave failed: {0}").format(one_line(message))
        self.window.statusBar().showMessage(text, 30_000)
        if first:        # once until an autosave works again: a dialog every 3 minutes nags
            self.show_error(self.tr("Cannot autosave the session"), text)

    def show_error(self, title: str, message: str) -> None:
        """Show ``message`` in a warning dialog (and remember it)."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, title, title,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("sessionErrorBox")
        box.setInformativeText(message)
        plain_text(box)
        box.exec()

    def report_save_failure(self, title: str, message: str) -> None:
        """Say that a save failed, in a dialog and in the status bar: never silently."""
        self.window.statusBar().showMessage(f"{title}: {message}", 30_000)
        self.show_error(title, message)

    def show_error_text(self, message: str) -> None:
        """Report an unexpected error; the session stays as it was."""
        self.show_error(self.tr("Unexpected error"),
                        self.tr("Something went wrong, but your session is kept (and "
                                "autosaved):\n\n{0}").format(message))

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Return Save, Discard or Cancel for the unsaved-changes question."""
        return QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The session has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def ask_restore(self) -> bool:
        """Return whether to restore the autosaved session."""
        return QMessageBox.question(
            self.window, self.tr("Restore autosaved session?"),
            self.tr("The app did not close normally last time. Restore the session it "
                    "autosaved?")) == QMessageBox.StandardButton.Yes

    def start_folder(self) -> str:
        """Return the folder a file dialog opens in: the session's own, else the last folder
        used, else the user's Documents (never the program's folder, where Qt would start)."""
        if self.path:
            return str(self.path.parent)
        last = QSettings().value(LAST_FOLDER_KEY, "")
        if isinstance(last, str) and last and Path(last).is_dir():
            return last
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs if docs and Path(docs).is_dir() else str(Path.home())

    def choose_path(self, kind: str, caption: str, filters: str) -> str:
        """Return a path from a file dialog ("" if cancelled); ``kind`` is open or save."""
        dialog = QFileDialog.getOpenFileName if kind == "open" else QFileDialog.getSaveFileName
        path, self.selected_filter = dialog(self.window, caption, self.start_folder(), filters)
        if path:
            QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        return path

    def run_import_dialog(self, dialog: ImportDialog) -> bool:
        """Show the import dialog modally; return whether the user accepted."""
        return dialog.exec() == ImportDialog.DialogCode.Accepted

    # --- sessions -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Return whether work may be dropped now (saved, discarded, or nothing unsaved)."""
        if not self.state.modified:
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self) -> bool:
        """Start a fresh session from the start preset (after the unsaved-changes question)."""
        if not self.maybe_save():
            return False
        session_io.apply(self.state, session_io.preset_session(self.start_preset), self.parts)
        self._set_path(None)
        self.autosave.discard()
        return True

    def open_dialog(self) -> bool:
        """Ask for a session file and open it."""
        if not self.maybe_save():
            return False
        path = self.choose_path("open", self.tr("Open session"),
                                self.tr("Sessions (*.json);;All files (*)"))
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open session ``path``: on success replace the session; on failure show the loader's
        message and change nothing. Return whether it opened."""
        if ask and not self.maybe_save():
            return False
        try:
            # All or nothing: apply puts the old session back if any part fails.
            session_io.apply(self.state, load_session(path), self.parts)
        except SessionError as exc:
            if not Path(path).exists():      # a recent file that was moved or deleted
                self._forget(Path(path))
            self.show_error(self.tr("Cannot open the session"),
                            one_line(describe(_naming_file(exc, Path(path).name))))
            return False
        self._set_path(Path(path))
        self._remember(Path(path))
        return True

    def save(self) -> bool:
        """Save to the current file (asking for one the first time); return whether it saved."""
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        path = self.choose_path("save", self.tr("Save session"), self.tr("Sessions (*.json)"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the session atomically to ``path``; on failure report it and keep the old file."""
        try:
            save_session(path, session_io.capture(self.state, self.parts))
        except (OSError, ValueError, RecursionError) as exc:
            text = (describe(exc) if str(exc).startswith(show_name(path.name) + ": ") else
                    self.tr("{0}: {1}").format(show_name(path.name),
                                              getattr(exc, "strerror", None) or describe(exc)))
            self.report_save_failure(self.tr("Cannot save the session"), one_line(text))
            return False
        self.state.set_modified(False)
        self._set_path(path)
        self._remember(path)
        self.autosave.discard()
        return True

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self.state.path = path
        self.update_title()

    def offer_restore(self) -> bool:
        """If an autosave from an earlier run exists, offer it; return whether it was restored.
        A restored session counts as unsaved work."""
        if not self.autosave.exists():
            return False
        if not self.ask_restore():
            self.autosave.discard()
            return False
        try:
            session_io.apply(self.state, load_session(self.autosave.path), self.parts)
        except SessionError as exc:
            # Kept aside, not deleted and not left in place: the next start must not offer it
            # again (a loop of failing restores), and the work in it is not lost.
            aside = self.autosave.set_aside()
            where = self.tr(" It was kept as {0} in {1}.").format(
                show_name(aside.name), show_name(str(aside.parent), 200)) if aside else ""
            self.show_error(self.tr("Cannot restore the autosaved session"),
                            one_line(describe(exc)) + where)
            return False
        self._set_path(None)
        self.state.set_modified(True)
        return True

    # --- recent files ----------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """Return the remembered session paths, newest first."""
        value = QSettings().value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        if any("\ud800" <= c <= "\udfff" for c in str(path)):
            return      # a name that is not UTF-8: QSettings would store another name
        entries = [str(path.resolve())] + [p for p in self.recent_files()
                                           if p != str(path.resolve())]
        QSettings().setValue(RECENT_KEY, entries[:MAX_RECENT])

    def _forget(self, path: Path) -> None:
        gone = str(path.resolve())
        QSettings().setValue(RECENT_KEY, [p for p in self.recent_files() if p != gone])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for p in files:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(plain_tooltip(p))
            act.setStatusTip(p)
            act.triggered.connect(lambda *_, p=p: self.open_path(p))
        if not files:
            empty = self.recent_menu.addAction(self.tr("(no recent sessions)"))
            empty.setEnabled(False)

    # --- import ----------------------------------------------------------------------------------
    def import_dialog(self) -> bool:
        """Ask for a CSV file and import it."""
        if not self.maybe_save():
            return False
        path = self.choose_path("open", self.tr("Import data set from CSV"),
                                self.tr("CSV files (*.csv *.txt *.tsv);;All files (*)"))
        return bool(path) and self.import_path(path)

    def import_path(self, path: str | Path) -> bool:
        """Read CSV ``path``, let the user choose options, and on OK replace network and data
        (the hidden layers and g stay). Bad files are reported and change nothing."""
        p = Path(path)
        try:
            text = read_text(p)
        except CsvImportError as exc:
            self.show_error(self.tr("Cannot import the data set"), one_line(describe(exc)))
            return False
        # The dialog shows the importer's message (line and reason) and keeps OK disabled until
        # the options give a clean import, so a cancelled dialog needs no second message.
        dialog = ImportDialog(text, printable(p.stem), self.window)
        if not self.run_import_dialog(dialog) or dialog.dataset is None:
            return False
        ds = dialog.dataset
        net = self.state.network
        new_net = network_for(ds, net.layer_sizes[1:-1], net.activation, self.state.seed)
        if self.parts.training is not None:
            self.parts.training.article_weights = False     # the seed label: random weights
        # Another problem starts with its own settings, as a data set picked in the Data tab does.
        self.state.update_settings(**settings_for_data(ds).as_dict())
        self.state.set_problem(new_net, ds.X_train, ds.Y_train, ds)
        self.state.preset = "custom"
        return True


def _naming_file(exc: SessionError, name: str) -> SessionError:
    """Return ``exc`` if its text starts with the file's ``name``, else one that does (the
    window's own history check does not know the file)."""
    name = show_name(name)
    return exc if str(exc).startswith(name + ": ") else in_file(SessionError, name, exc)


def install(window, state: AppState, args: argparse.Namespace,
            parts: session_io.Teammates) -> SessionController:
    """Add the File menu to ``window`` and open ``args.session`` if given (raise SessionError,
    changing nothing, if it is bad). ``start_app`` adds what only the running app does."""
    controller = SessionController(window, state, parts, args.preset or "mazur")
    if args.session:
        try:
            session_io.apply(state, load_session(args.session), parts)
        except SessionError as exc:
            raise _naming_file(exc, Path(args.session).name) from None
        controller._set_path(Path(args.session))
        # `lesson.json --mistake NAME`: the saved lesson with the mistake on, as the "What if…"
        # menu would switch it (over any the file had); the window then counts as changed.
        if getattr(args, "mistake", None):
            state.set_mistake(args.mistake)
    return controller


def start_app(controller: SessionController, args: argparse.Namespace) -> None:
    """Turn on what the running app adds: the log file, the global exception handler, the
    unsaved-changes question on close, and the offer to restore an autosave."""
    setup_logging()
    controller.guard.install()
    controller.prompt_on_close = True
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.guard.uninstall)
    if args.session:
        controller._remember(Path(args.session))
    else:
        QTimer.singleShot(0, controller.offer_restore)
