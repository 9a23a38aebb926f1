"""A small network diagram for the worked-example HTML, as inline SVG (no colours needed).

Units are circles named as in the notes (x₁, a₁(2), …), the bias units are "+1" boxes, and each
weight Θ(l)[i, j] is a line whose thickness grows with |Θ| and whose style shows the sign (solid
for positive, dashed for negative), so the drawing reads in black and white and in print.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np

from engine.documents.trace_text import ENGLISH, NumberFormat

MAX_UNITS = 12          # taller layers make an unreadable drawing: the page shows tables instead
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _name(layer: int, k: int, L: int) -> str:
    sub = str(k).translate(_SUB)
    return f"x{sub}" if layer == 1 else f"a{sub}({layer})"


def network_svg(thetas: Sequence[np.ndarray], numbers: NumberFormat = ENGLISH) -> str:
    """Return an SVG drawing of the network with weights ``thetas`` (Θ(1) first, shapes
    (s(l+1), 1 + s(l))), or "" when a layer has more than MAX_UNITS units. Each line's tooltip
    gives its weight as ``numbers`` writes it; coordinates always use SVG's decimal point.

    The drawing has no caption: SVG text does not wrap, and a sentence under a two-layer network
    (or in Portuguese under three) ran past the right edge; the page writes it as HTML instead."""
    sizes = [thetas[0].shape[1] - 1] + [t.shape[0] for t in thetas]
    if max(sizes) > MAX_UNITS:
        return ""
    L, gap_x, gap_y, r = len(sizes), 170, 58, 19
    # The bias row at y = 30, then the tallest layer's units.
    width = 60 + gap_x * (L - 1) + 60
    height = 30 + gap_y * max(sizes) + r + 12

    def pos(layer: int, k: int) -> tuple[float, float]:
        # k = 0 is the bias unit above the column; units 1..s(l) are centred below it.
        x = 60 + gap_x * (layer - 1)
        if k == 0:
            return x, 30
        top = 30 + gap_y + (max(sizes) - sizes[layer - 1]) * gap_y / 2
        return x, top + (k - 1) * gap_y

    biggest = max(float(np.max(np.abs(t))) for t in thetas) or 1.0
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" font-family="DejaVu Sans, sans-serif">']
    for l, theta in enumerate(thetas, start=1):
        for i in range(theta.shape[0]):
            for j in range(theta.shape[1]):
                w = float(theta[i, j])
                (x1, y1), (x2, y2) = pos(l, j), pos(l + 1, i + 1)
                dash = ' stroke-dasharray="6 4"' if w < 0 else ""
                tip = f"Θ({l}){numbers.index(i + 1, j)} = {numbers.number(w)}"
                out.append(f'<line x1="{x1 + r:.1f}" y1="{y1:.1f}" x2="{x2 - r:.1f}" '
                           f'y2="{y2:.1f}" stroke="#333" stroke-opacity="0.75" '
                           f'stroke-width="{0.6 + 4.0 * abs(w) / biggest:.2f}"{dash}>'
                           f'<title>{tip}</title></line>')
    for layer, s in enumerate(sizes, start=1):
        if layer < L:
            x, y = pos(layer, 0)
            out.append(f'<rect x="{x - 16}" y="{y - 12}" width="32" height="24" rx="4" '
                       f'fill="#fff" stroke="#333"/><text x="{x}" y="{y + 5}" '
                       f'text-anchor="middle" font-size="13">+1</text>')
        for k in range(1, s + 1):
            x, y = pos(layer, k)
            out.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="#fff" stroke="#333" '
                       f'stroke-width="1.5"/><text x="{x}" y="{y + 5}" text-anchor="middle" '
                       f'font-size="12">{html.escape(_name(layer, k, L))}</text>')
    out.append("</svg>")
    return "\n".join(out)
