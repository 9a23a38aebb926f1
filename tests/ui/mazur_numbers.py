"""Matt Mazur's published numbers ("A Step by Step Backpropagation Example", 2015), typed in from
the article, and a helper that finds a number in a widget's text whatever the locale."""

from __future__ import annotations

import re

NET_H1 = 0.3775
OUT_H1 = 0.593269992
OUT_H2 = 0.596884378
NET_O1 = 1.105905967
OUT_O1 = 0.75136507
OUT_O2 = 0.772928465
E_TOTAL = 0.298371109
DELTA_O1 = 0.138498562          # ∂E/∂net_o1 = (out_o1 − target_o1)·out_o1(1 − out_o1)
DE_DW5 = 0.082167041
DE_DW1 = 0.000438568
W5_PLUS, W6_PLUS, W7_PLUS, W8_PLUS = 0.35891648, 0.408666186, 0.511301270, 0.561370121
W1_PLUS, W2_PLUS, W3_PLUS, W4_PLUS = 0.149780716, 0.19956143, 0.24975114, 0.29950229

_NUMBER = re.compile(r"[−-]?\d+(?:[.,]\d+)?(?:e[−-]?\d+)?")


def numbers_in(text: str) -> list[float]:
    """Return every number written in ``text`` (decimal point or comma, true minus sign)."""
    out = []
    for token in _NUMBER.findall(text):
        out.append(float(token.replace("−", "-").replace(",", ".")))
    return out


def shows(text: str, value: float, tol: float = 6e-9) -> bool:
    """Return whether ``text`` contains ``value`` to within ``tol`` (the article rounds to
    9 digits)."""
    return any(abs(x - value) <= tol for x in numbers_in(text))
