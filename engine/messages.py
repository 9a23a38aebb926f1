"""Error texts the user interface can translate, while the engine stays free of Qt.

An engine error reads in English (``str(exc)``: the command line and the log) and also carries a
``Message``: the English template, marked for pyside6-lupdate, and the values of its ``{named}``
fields. The window (``ui/look/messages.py``) looks the template up in the Qt catalogue and fills in
the fields, numbers in the locale's form. A field may hold another ``Message`` — "line 12: "
before the reason, "network: " before a shape error — which is translated in turn.

Mark every template where it is written, so lupdate finds it (it reads the call lexically, and
only with literal texts)::

    raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} is missing"), name=name)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

#: The Qt translation context of every engine text.
CONTEXT = "Engine"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged: the call only marks it for the catalogue (lupdate's name)."""
    return text


@dataclass(frozen=True)
class Message:
    """An English ``template`` with ``{named}`` fields and their ``params``; ``str()`` fills them
    in. A param is a number, a text, or another Message. Without params the template is the
    text as it stands, so a plain text with braces (user data) never fails to format."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    context: str = CONTEXT

    def __str__(self) -> str:
        return self.template.format_map(self.params) if self.params else self.template


def message(template: str, /, **params: Any) -> Message:
    """Return the Message ``template`` with ``params``: a part of a longer text."""
    return Message(template, params)


class EngineError(Exception):
    """An error with an English text and a ``message`` the window can translate.

    ``EngineError(template, **params)``, the template marked with QT_TRANSLATE_NOOP; or
    ``EngineError(message)`` with a ready Message.
    """

    def __init__(self, template: str | Message, /, **params: Any) -> None:
        self.message = template if isinstance(template, Message) else Message(template, params)
        super().__init__(str(self.message))

    def __reduce__(self):
        # Rebuild from the Message: the English text alone may hold braces from user data.
        return type(self), (self.message,)


class EngineValueError(EngineError, ValueError):
    """A bad value, shape or name given to the engine (a ValueError)."""


class EngineIndexError(EngineError, IndexError):
    """An index outside what the engine holds (an IndexError)."""


def reason(exc: BaseException) -> Message | str:
    """Return the translatable Message of ``exc``, or its plain text for any other exception."""
    found = getattr(exc, "message", None)
    return found if isinstance(found, Message) else str(exc)


E = TypeVar("E", bound=EngineError)


def in_file(error: type[E], name: str, exc: BaseException) -> E:
    """Return an ``error`` that reads "<name>: <the text of exc>"."""
    return error(QT_TRANSLATE_NOOP("Engine", "{file}: {reason}"), file=name, reason=reason(exc))


#: The longest line an error message may be (the command line prints one, a dialog shows one).
MAX_MESSAGE_CHARS = 300


def printable(text: str) -> str:
    """Return ``text`` with control characters, lone surrogates (undecodable bytes of a file
    name) and line breaks written as escapes (``\\n``, ``\\x1b``, ``\\udcff``), so a name from a
    file can neither forge a second line nor reach the terminal as a command."""
    if text.isprintable() and not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    out = []
    for c in text:
        if c.isprintable() and not "\ud800" <= c <= "\udfff":
            out.append(c)
        else:
            out.append(repr(c)[1:-1] if c not in "'\"" else c)
    return "".join(out)


def show_name(name: str, limit: int = 80) -> str:
    """Return a name from a file (a JSON key, a file name) fit for a one-line message: as it is
    when it is short and printable, else escaped repr-style and shortened with "…"."""
    shown = printable(str(name))
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Return ``text`` as one clean line of at most ``limit`` characters (control characters
    escaped, the end cut with "…")."""
    shown = printable(str(text))
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def show_number(value: int | float) -> str:
    """Return a short form of a number from a file: ``1.0e+400`` for a whole number past 15
    digits, "a 4,000-digit number" past 60."""
    if isinstance(value, bool) or not isinstance(value, int):
        return repr(value)
    try:
        digits = str(abs(value))
    except ValueError:          # past Python's digit limit for int → str
        digits = "9" * int(abs(value).bit_length() * 0.30103)
    if len(digits) <= 15:
        return str(value)
    sign = "-" if value < 0 else ""
    if len(digits) > 60:
        return f"a {len(digits):,}-digit number" if not sign else \
            f"a negative {len(digits):,}-digit number"
    return f"{sign}{digits[0]}.{digits[1]}e+{len(digits) - 1}"
