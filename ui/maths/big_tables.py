"""Tables of the math panel for layers too wide to tabulate: instead of a grid cut off after a
few rows and columns, the focused neuron's weights in full (wrapped) and summaries — the norm,
smallest and largest entry — of each matrix and vector.

A Θ(k) is "big" exactly when the canvas draws it as a heat map (``ui.canvas.layout.theta_kind``),
so the panel and the canvas switch together. The focused neuron is the one clicked on the canvas
(``NetworkView.unit_focused``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication

from ui.canvas.layout import layer_kind, theta_kind
from ui.maths.tables import BIAS_BG, num, sub

WRAP = 8     # entries per row of a wrapped vector
Colour = Callable[[np.ndarray, float], np.ndarray]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MathHtml", text)


def is_big(sizes: Sequence[int], k: int) -> bool:
    """Return whether Θ(k) of a network of ``sizes`` is summarised rather than tabulated."""
    return 1 <= k < len(sizes) and theta_kind(sizes, k) == "heatmap"


def is_wide(n: int, first: bool) -> bool:
    """Return whether a layer of ``n`` neurons (``first``: the input layer) is summarised."""
    return layer_kind(n, first) != "circles"


def _summary_cells(name: str, v: np.ndarray, digits: int) -> list[str]:
    v = np.asarray(v, float).ravel()
    if not v.size:
        return []
    return [f"‖{name}‖ = {num(np.linalg.norm(v), digits)}", f"min = {num(v.min(), digits)}",
            f"max = {num(v.max(), digits)}"]


def summary(name: str, v: np.ndarray, digits: int = 4) -> str:
    """Return ``v``'s norm (Frobenius for a matrix), min and max, one per row (narrow)."""
    rows = "".join(f'<tr><td class="v" nowrap>{c}</td></tr>'
                   for c in _summary_cells(name, v, digits))
    return f'<table class="m" border="1" cellspacing="0" cellpadding="2">{rows}</table>'


def wrapped(v: np.ndarray, first: int, colour: Colour, digits: int = 4,
            bias_first: bool = False, wrap: int = WRAP) -> str:
    """Return ``v`` as a table of ``wrap`` entries per row, each headed by its index (from
    ``first``); ``bias_first`` marks entry 0 as the bias weight."""
    v = np.asarray(v, float).ravel()
    vmax = float(np.max(np.abs(v))) if v.size else 0.0
    fills = colour(v, vmax)
    rows = []
    for start in range(0, v.size, wrap):
        idx = range(start, min(start + wrap, v.size))
        head = "".join(f'<td class="h" align="center">{first + j}</td>' for j in idx)
        body = "".join(
            f'<td class="bias" align="right" bgcolor="{BIAS_BG}">{num(v[j], digits)}</td>'
            if j == 0 and bias_first else
            f'<td class="v" align="right" bgcolor="{fills[j]}">{num(v[j], digits)}</td>'
            for j in idx)
        rows.append(f"<tr>{head}</tr><tr>{body}</tr>")
    return f'<table class="m" border="1" cellspacing="0" cellpadding="2">{"".join(rows)}</table>'


def matrix_html(name: str, k: int, M: np.ndarray, focus: tuple[int, int], colour: Colour,
                digits: int = 4, wrap: int = WRAP) -> str:
    """Return the summary of ``name``(k) = ``M`` (s(k+1), 1+s(k)) and, if the focused unit
    (layer, unit) is in layer k+1, its row (the weights into it) or, if in layer k, its column
    (the weights out of it)."""
    M = np.atleast_2d(np.asarray(M, float))
    label = f"{name}({k})"
    parts = [summary(label, M, digits)]
    layer, unit = focus
    if layer == k + 1 and 1 <= unit <= M.shape[0]:
        head = _tr("Row {i}: into neuron {i} of layer {n}").replace("{i}", str(unit)).replace(
            "{n}", str(k + 1))
        parts.append(f'<p class="title">{label}{sub(unit)}· — {head}</p>')
        parts.append(wrapped(M[unit - 1], 0, colour, digits, bias_first=True, wrap=wrap))
        parts.append(summary(f"{label}{sub(unit)}·", M[unit - 1], digits))
    elif layer == k and 0 <= unit < M.shape[1]:
        head = (_tr("Column 0: out of the bias unit of layer {l}") if unit == 0 else
                _tr("Column {j}: out of neuron {j} of layer {l}")).replace(
            "{j}", str(unit)).replace("{l}", str(k))
        parts.append(f'<p class="title">{label}·{sub(unit)} — {head}</p>')
        parts.append(wrapped(M[:, unit], 1, colour, digits, wrap=wrap))
        parts.append(summary(f"{label}·{sub(unit)}", M[:, unit], digits))
    elif name == "Θ":   # said once, under the first matrix
        hint = _tr("Click a neuron on the canvas to see its weights here.")
        parts.append(f'<p class="note">{hint}</p>')
    return "".join(parts)


def layer_html(layer: int, cols: Sequence[tuple[str, np.ndarray | None]], focus: tuple[int, int],
               digits: int = 4) -> str:
    """Return layer ``layer``'s a, z, d (``cols``: (name, values or None)) as summaries, with
    the focused neuron's own values when it is in this layer."""
    rows = []
    f_layer, unit = focus
    for c, v in cols:
        if v is None:
            continue
        name = f"{c}({layer})"
        mine = (f'<td class="v" nowrap>{name}{sub(unit)} = {num(v[unit - 1], digits)}</td>'
                if f_layer == layer and 1 <= unit <= v.size else "")
        cells = "".join(f'<td class="v" nowrap>{c}</td>'
                        for c in _summary_cells(name, v, digits)[1:])
        rows.append(f'<tr><td class="h">{name}</td>{mine}{cells}</tr>')
    title = _tr("Layer {l}").replace("{l}", str(layer))
    if not rows:
        return f'<p class="title">{title}</p>'
    return (f'<p class="title">{title}</p><table class="m" border="1" cellspacing="0" '
            f'cellpadding="2">{"".join(rows)}</table>')
