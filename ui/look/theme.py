"""Apply the light or dark theme and presenter mode to the whole application.

The theme follows the system colour scheme (``QStyleHints.colorScheme``) unless the user picked
one in View → Theme (remembered in QSettings under ``ui/theme``). Applying a theme sets the
application palette (Fusion style, so the palette is honoured on every platform) and emits
``theme_changed(ui.look.palette.Theme)``. Presenter mode (F5) enlarges the application font by
``PRESENTER_SCALE`` and emits ``scale_changed(scale)``.

Widgets are not searched for: the composition root (ui/app.py) hands each themed part these
signals with ``follow(widget)`` — connected to its ``set_theme`` / ``set_scale`` — and plots
without hooks of their own with ``follow_plot(plot)``. Widgets ask ``current_theme()`` /
``current_scale()`` once, in their ``__init__``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ui.look import palette
from ui.look.palette import Theme

SETTINGS_KEY = "ui/theme"
SYSTEM = "system"
CHOICES = (SYSTEM, "light", "dark")
PRESENTER_SCALE = 1.5
_BASE_FONT = "_presenterBaseFont"   # dynamic property: a widget's own font before presenter mode


def system_theme_name() -> str:
    """Return "dark" when the system colour scheme is dark, else "light"."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def build_palette(theme: Theme) -> QPalette:
    """Return the application QPalette for ``theme`` (window, text, buttons, selection, links)."""
    dark = theme.name == "dark"
    window = QColor("#2B2D31" if dark else "#F3F3F3")
    base = QColor(theme.background)
    text = QColor(theme.text)
    button = QColor("#3A3D42" if dark else "#E9E9E9")
    highlight = QColor(theme.positive)
    disabled = QColor("#7C7F86" if dark else "#A0A0A0")
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#33363B" if dark else "#F7F7F7"),
        QPalette.ColorRole.ToolTipBase: QColor("#3A3D42" if dark else "#FFFFE1"),
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor("#FF5555"),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: palette.text_color_on(highlight),
        QPalette.ColorRole.Link: QColor("#8AB4F8" if dark else "#0B57D0"),
        QPalette.ColorRole.LinkVisited: QColor("#C58AF9" if dark else "#7B1FA2"),
        QPalette.ColorRole.Light: window.lighter(150), QPalette.ColorRole.Midlight:
        window.lighter(120), QPalette.ColorRole.Mid: window.darker(130),
        QPalette.ColorRole.Dark: window.darker(170), QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def _widgets() -> list[QWidget]:
    """Return every live widget of the application, top-level windows first."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return []
    out: list[QWidget] = []
    for top in app.topLevelWidgets():
        out.append(top)
        out.extend(top.findChildren(QWidget))
    return out


def theme_plot(widget: QWidget, theme: Theme) -> None:
    """Give the pyqtgraph plot ``widget`` the theme's background, axis and legend colours (plots
    otherwise stay white in the dark theme)."""
    item = widget.getPlotItem()
    if item is None:     # a closed plot
        return
    widget.setBackground(theme.background)
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(_pen(theme.muted))
        axis.setTextPen(_pen(theme.text))
    legend = item.legend
    if legend is not None:
        legend.setLabelTextColor(theme.text)
        legend.setBrush(palette.qcolor(theme.background, 200))
    item.titleLabel.setAttr("color", theme.text)
    item.titleLabel.setText(item.titleLabel.text)


def scale_plot(widget: QWidget) -> None:
    """Draw the pyqtgraph plot ``widget``'s tick labels and axis titles in the application font
    (plots keep their own small font otherwise, so presenter mode would not reach them)."""
    app = QApplication.instance()
    item = widget.getPlotItem()
    if item is None or not isinstance(app, QApplication):     # None: a closed plot
        return
    font = QFont(app.font())
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setStyle(tickFont=font)
        axis.label.setFont(font)


def _pen(colour: str):
    import pyqtgraph as pg

    return pg.mkPen(colour)


def follow(widget: QWidget) -> None:
    """Connect the theme's signals to ``widget.set_theme`` and ``widget.set_scale`` (the hooks
    its class defines), and call them once with what is in use now."""
    mgr = manager()
    # Look on the class, not the instance: pyqtgraph widgets forward unknown attributes.
    if callable(getattr(type(widget), "set_theme", None)):
        mgr.theme_changed.connect(widget.set_theme)
        widget.set_theme(mgr.theme)
    if callable(getattr(type(widget), "set_scale", None)):
        mgr.scale_changed.connect(widget.set_scale)
        widget.set_scale(mgr.scale)


def follow_plot(plot: QWidget) -> None:
    """Keep the pyqtgraph plot ``plot`` (one without hooks of its own) in the theme's colours
    and the application's font size."""
    mgr = manager()
    mgr.theme_changed.connect(lambda theme: theme_plot(plot, theme))
    mgr.scale_changed.connect(lambda _scale: scale_plot(plot))
    theme_plot(plot, mgr.theme)
    scale_plot(plot)


class ThemeManager(QObject):
    """Own the theme choice and presenter mode; one per application (see ``manager()``)."""

    theme_changed = Signal(object)      # the ui.look.palette.Theme now in use
    presenter_changed = Signal(bool)
    scale_changed = Signal(float)       # the presenter scale widgets draw with (1.0 when off)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeManager")
        self._choice = SYSTEM
        self._theme: Theme = palette.LIGHT
        self._presenter = False
        self._base_font: QFont | None = None
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)

    @property
    def choice(self) -> str:
        """What the user chose: "system", "light" or "dark"."""
        return self._choice

    @property
    def theme(self) -> Theme:
        """The ui.look.palette.Theme in use."""
        return self._theme

    @property
    def presenter(self) -> bool:
        """Whether presenter mode is on."""
        return self._presenter

    @property
    def scale(self) -> float:
        """The presenter scale factor widgets should draw with (1.0 when off)."""
        return PRESENTER_SCALE if self._presenter else 1.0

    def remembered_choice(self) -> str:
        """Return the theme choice saved in QSettings ("system" when none or not valid)."""
        saved = QSettings().value(SETTINGS_KEY, SYSTEM)
        return saved if saved in CHOICES else SYSTEM

    def set_choice(self, choice: str, remember: bool = True) -> None:
        """Switch to ``choice`` ("system", "light" or "dark") and apply it everywhere.

        Raises ValueError naming the valid choices for anything else.
        """
        if choice not in CHOICES:
            raise ValueError(f"unknown theme {choice!r}: use one of {', '.join(CHOICES)}")
        self._choice = choice
        if remember:
            QSettings().setValue(SETTINGS_KEY, choice)
        self._apply(palette.THEMES[system_theme_name() if choice == SYSTEM else choice])

    def _apply(self, theme: Theme) -> None:
        """Set the application palette and tell the widgets that follow the theme."""
        app = QApplication.instance()
        self._theme = theme
        if isinstance(app, QApplication):
            if app.style().name().lower() != "fusion":
                app.setStyle("Fusion")   # native styles ignore a dark palette on some platforms
            app.setPalette(build_palette(theme))
        self.theme_changed.emit(theme)

    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == SYSTEM:
            self._apply(palette.THEMES[system_theme_name()])

    def set_presenter(self, enabled: bool) -> None:
        """Turn presenter mode on or off: fonts × PRESENTER_SCALE, then ``scale_changed``."""
        if enabled == self._presenter:
            return
        app = QApplication.instance()
        self._presenter = enabled
        if isinstance(app, QApplication):
            if enabled:
                self._base_font = QFont(app.font())
                app.setFont(_scaled(self._base_font, PRESENTER_SCALE))
            elif self._base_font is not None:
                app.setFont(self._base_font)
            # Widgets that set their own font (equations, headings) do not follow the
            # application font, so scale theirs too and restore it afterwards.
            for widget in _widgets():
                if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                    continue
                base = widget.property(_BASE_FONT)
                if enabled and base is None:
                    widget.setProperty(_BASE_FONT, QFont(widget.font()))
                    widget.setFont(_scaled(widget.font(), PRESENTER_SCALE))
                elif not enabled and isinstance(base, QFont):
                    widget.setFont(base)
                    widget.setProperty(_BASE_FONT, None)
        self.scale_changed.emit(self.scale)
        self.presenter_changed.emit(enabled)


def _scaled(font: QFont, factor: float) -> QFont:
    """Return a copy of ``font`` ``factor`` times larger (point or pixel sized)."""
    out = QFont(font)
    if font.pointSizeF() > 0:
        out.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        out.setPixelSize(round(font.pixelSize() * factor))
    return out


def manager() -> ThemeManager:
    """Return the application's ThemeManager, creating it on first use."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before applying a theme")
    found = app.findChild(ThemeManager, "themeManager")
    return found if found is not None else ThemeManager(app)


def setup(choice: str | None = None) -> ThemeManager:
    """Apply ``choice`` (from --theme, not remembered) or the remembered (or system) theme;
    call before building widgets."""
    mgr = manager()
    mgr.set_choice(choice or mgr.remembered_choice(), remember=False)
    return mgr


def current_theme() -> Theme:
    """Return the theme in use (light before any set-up), for widgets built later."""
    app = QCoreApplication.instance()
    found = app.findChild(ThemeManager, "themeManager") if app is not None else None
    return found.theme if found is not None else palette.LIGHT


def current_scale() -> float:
    """Return the presenter scale in use (1.0 when off or before any set-up)."""
    app = QCoreApplication.instance()
    found = app.findChild(ThemeManager, "themeManager") if app is not None else None
    return found.scale if found is not None else 1.0
