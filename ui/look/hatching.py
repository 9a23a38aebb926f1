"""Hatching: the "/" stripes that mark a negative activation without relying on colour, the
filled counterpart of the dashed line of a negative weight or delta. A disc too small for three
stripes gets a "−" bar instead, as the dense layers' squares do."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF

ROOT2 = float(np.sqrt(2.0))


def stripe_gap(r: float, width: float, scale: float) -> float:
    """Return the distance between stripes in a disc of radius ``r`` whose stripes are ``width``
    wide: about r/2.6, at least 3.5 px × presenter ``scale``, yet close enough for three stripes
    in a small disc (a lone "/" would read as a slash)."""
    gap = max(3.5 * scale, r / 2.6)
    return max(r / 1.2, width + 1.5) if r < 1.2 * gap else gap


def disc_stripes(centre: QPointF, r: float, gap: float, band: float = 0.0) -> list[QLineF]:
    """Return the "/" stripes, ``gap`` apart, that fill the disc of radius ``r`` at ``centre``,
    leaving the band ``band`` high either side of the centre line (where a number is written)
    clear.

    A stripe is centre + t·n + s·u with n = (1, 1)/√2 across the stripes and u = (1, −1)/√2 along
    them; the chord of offset t has |s| ≤ √(r² − t²), and its height above the centre is
    (s − t)/√2, so the band is s within t ± band·√2. Computed, not clipped: Qt does not
    antialias clipping.
    """
    cx, cy = centre.x(), centre.y()
    lines = []
    for t in np.arange(-np.floor(r / gap), np.floor(r / gap) + 1) * gap:
        half = float(np.sqrt(max(r * r - t * t, 0.0)))
        pieces = ([(-half, min(half, t - band * ROOT2)), (max(-half, t + band * ROOT2), half)]
                  if band > 0 else [(-half, half)])
        lines += [QLineF(cx + (t + s0) / ROOT2, cy + (t - s0) / ROOT2,
                         cx + (t + s1) / ROOT2, cy + (t - s1) / ROOT2)
                  for s0, s1 in pieces if s1 - s0 > 1.0]
    return lines


def negative_mark(centre: QPointF, r: float, width: float, scale: float,
                  band: float = 0.0) -> list[QLineF]:
    """Return the lines that mark a disc of radius ``r`` (inside its outline) as negative:
    stripes ``width`` wide (see ``disc_stripes``), or a horizontal "−" bar when fewer than three
    stripes fit."""
    stripes = disc_stripes(centre, r, stripe_gap(r, width, scale), band)
    if len(stripes) >= 3:
        return stripes
    half = 0.75 * r
    return [QLineF(centre.x() - half, centre.y(), centre.x() + half, centre.y())]
