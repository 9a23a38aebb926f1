"""Engine error texts in the user's language.

The engine cannot use Qt, so its errors carry an English template and the values of its fields
(``engine/messages.py``). ``describe`` looks the template up in the Qt catalogue (context
"Engine") and fills the fields in: floats in the locale's form (``0,5`` in pt-BR), nested parts
("line 12: …", "network: …") translated in turn. Whole numbers stay plain digits: they are line
numbers, indices, sizes and limits as the file writes them, where "100.000" would read as a
decimal. Errors without a template read as ``str(exc)``.
"""

from __future__ import annotations

import logging
import numbers
import re
import string
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from engine.messages import Message

log = logging.getLogger(__name__)

_FLOAT_SPEC = re.compile(r"^(?:\.(\d+))?([eEfFgG])$")


def describe(exc: BaseException) -> str:
    """Return the text of ``exc`` in the current language (``str(exc)`` if it has no template)."""
    found = getattr(exc, "message", None)
    return translate_message(found) if isinstance(found, Message) else str(exc)


def translate_message(message: Message) -> str:
    """Return ``message`` translated and filled in; English if its translation cannot be used."""
    template = QCoreApplication.translate(message.context, message.template)
    if not message.params:
        return template             # as Message.__str__: a text without fields stays as it is
    try:
        return _LocaleFormatter().vformat(template, (), message.params)
    except (KeyError, IndexError, ValueError):
        # A broken translation (a field renamed) must not hide the error it explains.
        log.warning("unusable translation of %r: %r", message.template, template)
        return _LocaleFormatter().vformat(message.template, (), message.params)


def _locale() -> QLocale:
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    return locale


class _LocaleFormatter(string.Formatter):
    """str.format with translated nested Messages and locale-formatted floats."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = _locale()

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, Message):
            return translate_message(value)
        if conversion == "r" and isinstance(value, numbers.Real):
            return value        # a number's repr is its shortest form: format_field writes it
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            return super().format_field(value, format_spec)
        if isinstance(value, numbers.Integral):
            return super().format_field(int(value), format_spec)
        value = float(value)
        if not format_spec:
            return self.locale.toString(
                value, "g", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
        spec = _FLOAT_SPEC.match(format_spec)
        if spec:
            precision = int(spec.group(1)) if spec.group(1) else 6
            return self.locale.toString(value, spec.group(2), precision)
        text = super().format_field(value, format_spec)
        return text.replace(".", self.locale.decimalPoint())
