"""The loss landscape's choice in a session file: the optional ``landscape`` object (which plane
the panel shows), checked, or None for files from before it existed."""

from __future__ import annotations

from engine.files.session_checks import SessionError, read_field
from engine.lesson.landscape_choice import LandscapeChoice, choice_from_dict
from engine.messages import QT_TRANSLATE_NOOP, reason
from engine.network import Network


def read_landscape(doc: dict, net: Network) -> LandscapeChoice | None:
    """Return the loss landscape's choice from the optional ``landscape`` object, checked."""
    obj = read_field(doc, "landscape", "", dict, optional=True)
    if obj is None:          # files from before it existed: the panel's defaults
        return None
    try:
        return choice_from_dict(obj, net)
    except ValueError as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "landscape: {reason}"),
                           reason=reason(exc)) from None
