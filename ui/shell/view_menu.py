"""View menu entries for language, theme and presenter mode.

``prepare(args)`` loads the language (``--lang`` or the remembered/system one) and the theme
before any widget is built; ``install(window, state, args)`` adds View → Language, View → Theme
and View → Presenter mode (F5) to the window.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.look import accessibility, theme
from ui.look import language as i18n


def prepare(args: argparse.Namespace) -> None:
    """Load the start-up language and theme (call before building widgets)."""
    app = QCoreApplication.instance()
    if app is not None and not app.organizationName():
        # QSettings needs names to find the remembered choices (tests build windows directly).
        app.setOrganizationName("BackpropVisualizer")
        app.setApplicationName("Backprop Visualizer")
    lang = getattr(args, "lang", None)
    try:
        i18n.setup(lang)
    except ValueError as error:
        print(f"backprop-visualizer: --lang: {error}; starting in the system language.",
              file=sys.stderr)
        i18n.setup(None)
    theme.setup(getattr(args, "theme", None))


class ViewMenu(QObject):
    """The language, theme and presenter entries of the window's View menu.

    Texts are set in ``retranslate()``, called again on the window's LanguageChange.
    """

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("viewMenuController")
        self._languages = i18n.manager()
        self._themes = theme.manager()
        if menu.actions():
            menu.addSeparator()

        self.language_menu, self.language_actions = self._choices(
            menu, "language", (i18n.SYSTEM, *i18n.LANGUAGES), self._on_language_group_triggered,
            separator_after=i18n.SYSTEM)
        self.theme_menu, self.theme_actions = self._choices(
            menu, "theme", theme.CHOICES, self._on_theme_group_triggered)

        menu.addSeparator()
        self.presenter_action = QAction(self)
        self.presenter_action.setObjectName("presenterModeAction")
        self.presenter_action.setCheckable(True)
        self.presenter_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.presenter_action.toggled.connect(self._on_presenter_action_toggled)
        menu.addAction(self.presenter_action)
        window.addAction(self.presenter_action)   # F5 works even with the menu bar hidden

        self._themes.presenter_changed.connect(self.presenter_action.setChecked)
        self._languages.language_changed.connect(self._sync_checks)
        self._themes.theme_changed.connect(self._sync_checks)
        window.installEventFilter(self)
        self._sync_checks()
        self.retranslate()

    def localize_plots(self) -> None:
        """Write the window's plot ticks in the language chosen (0,5 in pt-BR)."""
        i18n.localize_plots(self._window)

    def retranslate(self) -> None:
        """Set every text of these menu entries in the current language."""
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_menu.setToolTip(self.tr("Choose the language of the user interface"))
        current = i18n.LANGUAGES[i18n.system_language()][0]
        system = self.language_actions[i18n.SYSTEM]
        system.setText(self.tr("&System language (%1)").replace("%1", current))
        system.setStatusTip(self.tr("Follow the language of the operating system"))
        for code, action in self.language_actions.items():
            if code != i18n.SYSTEM:
                # Each language keeps its own name, so anyone can find theirs.
                action.setText(i18n.LANGUAGES[code][0])
                action.setStatusTip(self.tr("Show the user interface in %1")
                                    .replace("%1", i18n.LANGUAGES[code][0]))
        self.theme_menu.setTitle(self.tr("&Theme"))
        texts = {i18n.SYSTEM: (self.tr("&System theme"),
                               self.tr("Follow the light or dark setting of the operating system")),
                 "light": (self.tr("&Light"), self.tr("Dark text on a light background")),
                 "dark": (self.tr("&Dark"), self.tr("Light text on a dark background"))}
        for choice, action in self.theme_actions.items():
            action.setText(texts[choice][0])
            action.setStatusTip(texts[choice][1])
        self.presenter_action.setText(self.tr("&Presenter mode"))
        tip = self.tr("Larger text, thicker lines and bigger neurons for a projector (F5)")
        self.presenter_action.setToolTip(tip)
        self.presenter_action.setStatusTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def _sync_checks(self, *_: object) -> None:
        """Check the menu entries that match the current choices."""
        self.language_actions[self._languages.choice].setChecked(True)
        self.theme_actions[self._themes.choice].setChecked(True)
        self.presenter_action.setChecked(self._themes.presenter)

    def _choices(self, menu: QMenu, name: str, keys: tuple[str, ...], on_triggered,
                 separator_after: str | None = None) -> tuple[QMenu, dict[str, QAction]]:
        """Return a submenu ``<name>Menu`` of ``menu`` holding one exclusive checkable action
        ``<name>Action_<key>`` per key (texts come in ``retranslate``), and the actions by key;
        choosing one calls ``on_triggered(action)``."""
        submenu = menu.addMenu("")
        submenu.setObjectName(f"{name}Menu")
        group = QActionGroup(self)
        actions: dict[str, QAction] = {}
        for key in keys:
            action = QAction(self)
            action.setObjectName(f"{name}Action_{key}")
            action.setCheckable(True)
            action.setData(key)
            group.addAction(action)
            submenu.addAction(action)
            if key == separator_after:
                submenu.addSeparator()
            actions[key] = action
        group.triggered.connect(on_triggered)
        return submenu, actions

    def _on_language_group_triggered(self, action: QAction) -> None:
        self._languages.set_choice(action.data())
        self._sync_checks()

    def _on_theme_group_triggered(self, action: QAction) -> None:
        self._themes.set_choice(action.data())

    def _on_presenter_action_toggled(self, checked: bool) -> None:
        self._themes.set_presenter(checked)


def install(window: QMainWindow, args: argparse.Namespace) -> ViewMenu:
    """Add Language, Theme and Presenter mode to ``window.view_menu``, name every control for
    accessibility (call it after every other part is built) and return the controller."""
    controller = ViewMenu(window, window.view_menu)
    accessibility.install(window)   # last part built: every control exists by now
    i18n.localize_plots(window)
    # A bound slot of the controller (a child of the window) is dropped with the window.
    i18n.manager().language_changed.connect(controller.localize_plots)
    theme.manager().set_presenter(bool(getattr(args, "presenter", False)))
    return controller
