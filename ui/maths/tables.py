"""HTML builders for the math panel: vectors and matrices as tables, with numbers in the locale.

Qt's rich-text engine (QTextBrowser) renders a subset of HTML 4: nested tables, ``bgcolor``,
``<sub>``. Everything here returns strings; the widget owns the colours it passes in.

Shapes: a vector is 1-D of length n and is drawn as an n×1 column (or a 1×n row when
transposed); a matrix Θ/Δ/D is (s(l+1), 1 + s(l)) with column j = 0 the bias column.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale

from ui.look import palette

MAX_ROWS = 8      # bigger arrays show their first rows/columns and an ellipsis
MAX_COLS = 6
NBSP = "\u00a0"
MAX_TERMS = 6     # written-out sums longer than this are summarized

# (values, largest |value|) -> array of "#rrggbb" of the values' shape (one call per table)
Colour = Callable[[np.ndarray, float], np.ndarray]
SUBS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
BIAS_BG = palette.LIGHT.bias_fill        # the "+1" unit and its column, as on the canvas
UNUSED_FG = palette.LIGHT.muted          # struck-out entries the step does not use


def _tr(text: str) -> str:
    return QCoreApplication.translate("MathHtml", text)


def num(x: float, digits: int = 9) -> str:
    """Return ``x`` with ``digits`` significant digits in the user's locale (decimal comma in
    pt-BR), with a true minus sign."""
    x = float(x)
    if not np.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    text = QLocale().toString(x, "g", digits)
    return text.replace("-", "−")


def sub(i: int) -> str:
    """Return ``i`` as Unicode subscript digits (1 → ₁)."""
    return str(i).translate(SUBS)


def _shown(n: int, limit: int) -> list[int | None]:
    """Return the indices to draw out of n (None marks the ellipsis)."""
    if n <= limit:
        return list(range(n))
    return [*range(limit - 1), None]


def _cell(text: str, bg: str | None = None, cls: str = "v") -> str:
    colour = f' bgcolor="{bg}"' if bg else ""
    return f'<td class="{cls}" align="right" nowrap{colour}>{text}</td>'


def _unused(text: str) -> str:
    return f'<font color="{UNUSED_FG}"><s>{text}</s></font>'


def shape_text(arr: np.ndarray, column: bool = True) -> str:
    """Return "2×3" for a matrix, "3×1" for a column vector or "1×3" for a row."""
    arr = np.asarray(arr)
    if arr.ndim == 1:
        return f"{arr.shape[0]}×1" if column else f"1×{arr.shape[0]}"
    return f"{arr.shape[0]}×{arr.shape[1]}"


def vector(v: np.ndarray, *, digits: int = 9, row: bool = False, bias_first: bool = False,
           dropped_first: bool = False, colour: Colour | None = None) -> str:
    """Return vector ``v`` (length n) as a bordered n×1 column (or 1×n row) table.

    ``bias_first`` marks entry 0 as the bias unit's 1 (yellow, as on the canvas);
    ``dropped_first`` strikes entry 0 out (the bias row of Θᵀd, which the algorithm drops)."""
    v = np.asarray(v, dtype=float).ravel()
    vmax = float(np.max(np.abs(v))) if v.size else 0.0
    fills = colour(v, vmax) if colour else None
    cells = []
    for k in _shown(v.size, MAX_ROWS if not row else MAX_COLS):
        if k is None:
            cells.append(_cell("…", None, "h"))
            continue
        text = num(v[k], digits)
        if k == 0 and dropped_first:
            cells.append(_cell(_unused(text), None, "bias"))
        elif k == 0 and bias_first:
            cells.append(_cell(f"<b>{text}</b>", BIAS_BG, "bias"))
        else:
            cells.append(_cell(text, fills[k] if fills is not None else None))
    body = "".join(cells) if row else "".join(f"<tr>{c}</tr>" for c in cells)
    if row:
        body = f"<tr>{body}</tr>"
    return f'<table class="m" border="1" cellspacing="0" cellpadding="2">{body}</table>'


def matrix(M: np.ndarray, *, digits: int = 9, colour: Colour | None = None,
           bias_col: bool = True, unused_col0: bool = False, header: bool = True,
           transposed: bool = False) -> str:
    """Return matrix ``M`` (rows i, columns j) as a bordered table with i/j headers.

    ``bias_col`` heads column 0 "j=0 bias" in the bias colour; ``unused_col0`` strikes that
    column out (not regularized, or frozen: the step does not use it). ``transposed``: ``M`` is
    Θᵀ, so rows are j (row 0 the bias) and columns i."""
    M = np.atleast_2d(np.asarray(M, dtype=float))
    vmax = float(np.max(np.abs(M))) if M.size else 0.0
    rows_i, cols_j = _shown(M.shape[0], MAX_ROWS), _shown(M.shape[1], MAX_COLS)
    # Only the cells drawn get a colour (of the whole table's scale): digits' Θ(1) has 2080
    # entries of which 48 are drawn, and naming each colour cost more than laying them out.
    rows = [r for r in rows_i if r is not None]
    cols = [c for c in cols_j if c is not None]
    fills = None
    if colour:
        drawn = colour(M[np.ix_(rows, cols)], vmax)
        fills = {(r, c): drawn[a, b] for a, r in enumerate(rows) for b, c in enumerate(cols)}
    rname, cname = ("j", "i") if transposed else ("i", "j")
    rbase, cbase = (0, 1) if transposed else (1, 0)
    out = []
    if header:
        heads = ['<td class="h"></td>']
        for c in cols_j:
            if c is None:
                heads.append('<td class="h">…</td>')
            elif c == 0 and bias_col and not transposed:
                heads.append(f'<td class="hb" align="center" bgcolor="{BIAS_BG}">j=0<br>'
                             f'{_tr("bias")}</td>')
            else:
                heads.append(f'<td class="h" align="center">{cname}={c + cbase}</td>')
        out.append("<tr>" + "".join(heads) + "</tr>")
    for r in rows_i:
        cells = []
        if header:
            if r is None:
                cells.append('<td class="h">…</td>')
            elif r == 0 and bias_col and transposed:
                cells.append(f'<td class="hb" bgcolor="{BIAS_BG}">j=0 {_tr("bias")}</td>')
            else:
                cells.append(f'<td class="h">{rname}={r + rbase}</td>')
        for c in cols_j:
            if r is None or c is None:
                cells.append(_cell("…", None, "h"))
                continue
            text = num(M[r, c], digits)
            if unused_col0 and c == 0:
                cells.append(_cell(_unused(text), None, "bias"))
            else:
                cells.append(_cell(text, fills[r, c] if fills is not None else None))
        out.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="m" border="1" cellspacing="0" cellpadding="2">' + "".join(out)
            + "</table>")


def labelled(label: str, body: str, shape: str) -> str:
    """Return ``body`` with its name above and its shape below, as one table cell's content."""
    label = label.replace(" ", NBSP)     # "Θ(2)ᵀ d(3)" stays on one line above its table
    return (f'<table cellspacing="0" cellpadding="0"><tr><td align="center" class="lab">{label}'
            f'</td></tr><tr><td align="center">{body}</td></tr><tr><td align="center" '
            f'class="shape">{shape}</td></tr></table>')


def equation_row(*parts: str) -> str:
    """Return the parts (operands and operators) side by side, vertically centred."""
    cells = "".join(f'<td valign="middle" align="center" nowrap>{p}</td>' for p in parts)
    return f'<table cellspacing="6" cellpadding="0"><tr>{cells}</tr></table>'


def op(symbol: str) -> str:
    """Return an operator (=, ·, ⊙, −, +) in the equation's large type."""
    return '<span class="op">' + symbol.replace(" ", NBSP) + "</span>"


def factor(x: float, digits: int = 9) -> str:
    """Return ``x`` for use inside a product: negative numbers in parentheses."""
    text = num(x, digits)
    return f"({text})" if text.startswith("−") else text


def written_sum(terms: list[tuple[float, float]], total: float | None, lhs: str,
                digits: int = 9, term_digits: int | None = None) -> str:
    """Return "lhs = w·x + w·x + … = total" for the (weight, input) pairs; long sums shortened.

    ``term_digits`` (default ``digits``) shortens the terms when the line would be too wide;
    ``total`` None leaves the result to the next line."""
    td = digits if term_digits is None else term_digits
    if len(terms) > MAX_TERMS:
        # First three terms, an ellipsis and the last one: no words, so nothing to translate.
        shown = " + ".join(f"{factor(w, 4)}·{factor(x, 4)}" for w, x in terms[:3])
        body = f"{shown} + … + {factor(terms[-1][0], 4)}·{factor(terms[-1][1], 4)}"
    else:
        body = " + ".join(f"{factor(w, td)}·{factor(x, td)}" for w, x in terms)
    if total is None:
        return f"{lhs} = {body}"
    return f"{lhs} = {body} = <b>{num(total, digits)}</b>"
