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
