"""Give every control of a window an accessible name and description, in the current language.

Screen readers announce a control by its accessible name. Buttons get one from their text, but
combo boxes, spin boxes, sliders, plots and the canvas only have the label beside them, which Qt
does not always relate to them. ``name_controls(window)`` fills in, for each control whose
accessible name is empty (or was filled in here before): its own text, the label its form row or
layout gives it, the dock it sits in, or the first clause of its tooltip; the description comes
from the tooltip. ``install(window)`` runs it now and again after every language change, so the
names follow the language. Names a widget sets itself are never overwritten.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

AUTO = "_autoAccessibleName"     # dynamic property: the name was derived here


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accessibility", text)


def known_names() -> dict[str, str]:
    """Return objectName → name for controls no label or text describes well."""
    return {
        "networkView": _tr("Network drawing"),
        "mathEquation": _tr("Equation of the current step"),
        "mathTables": _tr("Tables of the current layer"),
        "learningRateSlider": _tr("Learning rate α, logarithmic slider"),
        "batchSizeSpin": _tr("Examples per mini-batch"),
        "costPlot": _tr("Cost plot"),
        "accuracyPlot": _tr("Accuracy plot"),
    }
CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit,
            QTabWidget, QAbstractScrollArea)


def _clean(text: str) -> str:
    """Return ``text`` without accelerators, rich-text tags, a trailing colon or spaces."""
    text = re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").strip()


def _first_clause(text: str) -> str:
    """Return a tooltip's first clause ("Learning rate α: the step is …" → "Learning rate α")."""
    return _clean(re.split(r"[:;.\n]| — ", _clean(text), maxsplit=1)[0])


def _form_label(widget: QWidget) -> str:
    """Return the text of the label a QFormLayout or a buddy QLabel gives ``widget``."""
    parent = widget.parentWidget()
    while parent is not None:
        for layout in [parent.layout(), *parent.findChildren(QLayout)]:
            if isinstance(layout, QFormLayout):
                label = layout.labelForField(widget)
                if label is None:
                    # A field inside a row layout (spin + button) is labelled by the row.
                    for row in range(layout.rowCount()):
                        item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
                        inner = item.layout() if item is not None else None
                        if inner is not None and inner.indexOf(widget) >= 0:
                            label = layout.labelForField(inner)
                if isinstance(label, QLabel) and label.text():
                    return _clean(label.text())
        parent = parent.parentWidget()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return _clean(label.text())
    return ""


def _preceding_label(widget: QWidget) -> str:
    """Return the text of a QLabel placed just before ``widget`` in its layout or toolbar."""
    parent = widget.parentWidget()
    if isinstance(parent, QToolBar):
        previous = None
        for action in parent.actions():
            current = parent.widgetForAction(action)
            if current is widget:
                return _clean(previous.text()) if isinstance(previous, QLabel) else ""
            previous = current
        return ""
    layout = parent.layout() if parent is not None else None
    containers = [layout, *(parent.findChildren(QLayout) if parent is not None else [])]
    for lay in containers:
        if lay is None:
            continue
        index = lay.indexOf(widget)
        if index > 0:
            before = lay.itemAt(index - 1).widget()
            if isinstance(before, QLabel) and before.text() and not before.buddy():
                return _clean(before.text())
    return ""


def _dock_title(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QDockWidget):
            return _clean(parent.windowTitle())
        parent = parent.parentWidget()
    return ""


def derived_name(widget: QWidget) -> str:
    """Return the accessible name ``widget`` should have ("" when nothing describes it)."""
    known = known_names().get(widget.objectName())
    if known:
        return known
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        text = _clean(widget.defaultAction().text())
        if text:
            return text
    if isinstance(widget, QAbstractButton) and _clean(widget.text()):
        return _clean(widget.text())
    for source in (_form_label, _preceding_label):
        text = source(widget)
        if text:
            return text
    if widget.toolTip():
        return _first_clause(widget.toolTip())
    inner = widget.widget() if isinstance(widget, QScrollArea) else None
    if inner is not None and inner.toolTip():    # a scroll area is named by what it scrolls
        return _first_clause(inner.toolTip())
    return _dock_title(widget)


def name_controls(window: QWidget) -> int:
    """Fill in missing accessible names/descriptions of ``window``'s controls; return how many
    names were set."""
    count = 0
    for widget in window.findChildren(QWidget):
        # Scroll bars and combo pop-ups are parts of a control, not controls of their own.
        if (not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar)
                or widget.objectName().startswith("qt_") or widget.window() is not window):
            continue
        auto = bool(widget.property(AUTO))
        if widget.accessibleName() and not auto:
            continue
        name = derived_name(widget)
        if name:
            widget.setAccessibleName(name)
            widget.setProperty(AUTO, True)
            count += 1
        if widget.toolTip() and (auto or not widget.accessibleDescription()):
            widget.setAccessibleDescription(_clean(widget.toolTip()))
    return count


class _Renamer(QObject):
    """Re-run ``name_controls`` after each LanguageChange, once the widgets retranslated."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("accessibleNamer")
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: name_controls(self._window))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._timer.start()   # after every widget's own retranslate()
        return super().eventFilter(watched, event)


def install(window: QWidget) -> None:
    """Name ``window``'s controls now and after every language change."""
    name_controls(window)
    _Renamer(window)
