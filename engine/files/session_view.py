"""What a session file keeps of the window's view: the optional ``view`` object.

``{"view": {"neuron_maps": true}}`` records that the learner switched the neuron maps on (or off,
with false). Files from before it existed, and sessions where nobody touched the switch, have no
such key: the window then uses its default (maps on for a data set with two features).
"""

from __future__ import annotations

from typing import Any

from engine.files.session_checks import read_field


def read_neuron_maps(doc: dict) -> bool | None:
    """Return the neuron maps' switch from the optional ``view`` object, checked (None: absent,
    the window's default)."""
    view = read_field(doc, "view", "", dict, optional=True)
    if view is None:
        return None
    return read_field(view, "neuron_maps", "view", bool, optional=True)


def view_to_dict(neuron_maps: bool | None) -> dict[str, Any]:
    """Return the ``view`` entry of a session file ({} when there is nothing to keep)."""
    return {} if neuron_maps is None else {"view": {"neuron_maps": bool(neuron_maps)}}
