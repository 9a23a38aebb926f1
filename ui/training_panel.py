"""Placeholder: replaced by the feature's real module (see the open issues)."""

from __future__ import annotations


def install(window, state, args) -> None:
    """Add this feature to the window (not written yet)."""
