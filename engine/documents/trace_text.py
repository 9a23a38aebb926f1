"""Plain-text rendering of a trace: every micro-step with its equation and numbers.

Used by ``python main.py --trace`` and as the base of the worked-example documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from engine import steps as words
from engine.activations import activation_names
from engine.trace import Phase, Step, Trace


@dataclass(frozen=True)
class NumberFormat:
    """How one language writes numbers in a document: the decimal separator, the separator
    between the items of a list and between the two indices of an entry.

    Where the comma is the decimal separator (pt-BR: 0,5), lists take "; " so that [0,5; 0,3]
    cannot be read as three numbers. Digits are never grouped (1234,5, as the English 1234.5)
    and the exponent keeps its usual form (1,5e-07), as the app's pt-BR math panel shows it.
    """

    decimal: str = "."
    items: str = ", "
    indices: str = ","

    def number(self, x: float, digits: int = 9) -> str:
        """Return ``x`` with up to ``digits`` significant digits, no trailing zeros."""
        text = f"{float(x):.{digits}g}"
        return text if self.decimal == "." else text.replace(".", self.decimal)

    def join(self, items: Iterable[str]) -> str:
        """Return ``items`` separated as this language separates list items."""
        return self.items.join(items)

    def index(self, i: int, j: int) -> str:
        """Return the index of entry (i, j) as "[i,j]" (English) or "[i; j]" (pt-BR)."""
        return f"[{i}{self.indices}{j}]"


ENGLISH = NumberFormat()
BRAZILIAN = NumberFormat(decimal=",", items="; ", indices="; ")


def fmt_number(x: float, digits: int = 9, numbers: NumberFormat = ENGLISH) -> str:
    """Return ``x`` with up to ``digits`` significant digits, no trailing zeros, written as
    ``numbers`` says (decimal point by default)."""
    return numbers.number(x, digits)


def fmt_array(arr: np.ndarray, digits: int = 9, numbers: NumberFormat = ENGLISH) -> str:
    """Return a vector as [a, b, c] (pt-BR: [a; b; c]) or a matrix as one bracketed row per
    line."""
    arr = np.asarray(arr)
    if arr.ndim == 0:
        return fmt_number(arr, digits, numbers)
    if arr.ndim == 1:
        return "[" + numbers.join(fmt_number(v, digits, numbers) for v in arr) + "]"
    return "\n".join(fmt_array(row, digits, numbers) for row in arr)


def array_label(step: Step, key: str) -> str:
    """Return the notes' name for array ``key`` of ``step``, e.g. "Θ(1)" or "[1; a(2)]"."""
    l = step.layer
    if key.startswith("Delta("):
        return "Δ" + key[5:]
    src = l - 1 if step.phase is Phase.FORWARD_Z and l is not None else l
    labels = {
        "Theta": f"Θ({src})",
        "Theta_new": f"new Θ({l})",
        "a_in": f"[1; a({src})]",
        "z": f"z({l})",
        "a": f"a({l})",
        "y": "y",
        "d": f"d({l})",
        "d_next": f"d({(l or 0) + 1})",
        "g_prime": f"g′(z({l}))",
        "Theta_T_d": f"Θ({l})ᵀ d({(l or 0) + 1})",
        "outer": f"d({(l or 0) + 1})·[1; a({l})]ᵀ",
        "Delta": f"Δ({l})",
        "Delta_before": f"Δ({l}) before",
        "Delta_after": f"Δ({l})",
        "D": f"D({l})",
    }
    return labels.get(key, key)


def step_title(step: Step) -> str:
    """Return a short English heading for ``step`` from the phase table: "Forward · Weighted
    input z(2)"."""
    return f"{words.stage_name(step.stage)} · {words.title(step.phase, step.layer, 0)}"


def format_step(step: Step, digits: int = 9) -> str:
    """Return the step as a heading, its equation and its named arrays with shapes."""
    where = []
    if step.example is not None:
        where.append(f"example {step.example + 1}")
    if step.layer is not None:
        where.append(f"layer {step.layer}")
    head = f"[{step.index + 1}] {step_title(step)}" + (f" ({', '.join(where)})" if where else "")
    lines = [head, f"    {step.equation}"]
    for name, arr in step.payload.named_arrays():
        shape = "×".join(str(s) for s in arr.shape) or "scalar"
        body = fmt_array(arr, digits).replace("\n", "\n        ")
        sep = "\n        " if arr.ndim == 2 else " "
        lines.append(f"    {array_label(step, name)} ({shape}) ={sep}{body}")
    for name, value in step.payload.named_values():
        lines.append(f"    {name} = {fmt_number(value, digits)}")
    return "\n".join(lines)


def format_trace(trace: Trace, digits: int = 9) -> str:
    """Return the whole trace as text, followed by J before and after the update."""
    parts = [
        f"Backpropagation on {trace.m} example(s); layers L = {trace.L}; "
        f"g = {activation_names(trace.activation)}, "
        f"output = {trace.output}, loss = {trace.loss}; λ = {fmt_number(trace.lam)}, "
        f"α = {fmt_number(trace.lr)}" + ("; bias weights frozen" if trace.freeze_bias else ""),
        "",
    ]
    parts += [format_step(s, digits) + "\n" for s in trace]
    parts.append(f"J before the update = {fmt_number(trace.J_before, digits)}")
    parts.append(f"J after the update  = {fmt_number(trace.J_after, digits)}")
    return "\n".join(parts)
