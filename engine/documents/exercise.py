"""Exercise sheets: the worked example of a trace with its results left blank, and the answer key.

The sheet gives what a learner starts from — the network, Θ, x, y, α, λ — and then, micro-step
by micro-step in the notes' order, the step's heading, equation and explanation from the worked
example (engine/documents/worked_example.py ``build_blocks``) followed by numbered blanks, one per
entry of the step's result: z(l), a(l), d(l) (length s(l)); Δ(l), D(l) and the new Θ(l)
((s(l+1), 1 + s(l)), column j = 0 the bias). The key lists the same numbered entries with the
engine's numbers for that trace. Markdown or self-contained HTML, English or Brazilian
Portuguese.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.documents.trace_text import NumberFormat
from engine.documents.worked_example import build_blocks, mistake_note
from engine.documents.worked_example_text import text_for
from engine.files.safe_read import write_atomic
from engine.network import Network
from engine.steps import Phase
from engine.trace import Trace

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
BLANK = "__________"

# The result each phase asks for: its symbol and the payload field that holds it.
RESULTS: dict[Phase, tuple[str, str]] = {
    Phase.FORWARD_Z: ("z", "z"),
    Phase.FORWARD_A: ("a", "a"),
    Phase.OUTPUT_DELTA: ("d", "d"),
    Phase.HIDDEN_DELTA: ("d", "d"),
    Phase.ACCUMULATE: ("Δ", "Delta_after"),
    Phase.GRADIENT: ("D", "D"),
    Phase.UPDATE: ("Θ", "Theta_new"),
}

WORDS = {
    "en": {"sheet": "Exercise: backpropagation by hand", "key": "Answer key",
           "intro": ("Fill in every blank, step by step, in the order of the course notes' "
                     "algorithm. Give 3 significant digits or more. Θ(l) has the bias weights "
                     "in column j = 0."),
           "key_intro": "The engine's numbers for the exercise sheet, blank by blank.",
           "given": "Given", "theta": "Θ({l}) (column j = 0: bias)"},
    "pt": {"sheet": "Exercício: retropropagação à mão", "key": "Gabarito",
           "intro": ("Preencha cada lacuna, passo a passo, na ordem do algoritmo das notas de "
                     "aula. Use 3 algarismos significativos ou mais. Θ(l) tem os pesos de viés "
                     "na coluna j = 0."),
           "key_intro": "Os números do motor para a folha de exercícios, lacuna por lacuna.",
           "given": "Dados", "theta": "Θ({l}) (coluna j = 0: viés)"},
}


@dataclass(frozen=True)
class Blank:
    """One numbered blank: the entry's label (e.g. "z₁(2)", "D(1)₁₀") and its answer."""

    number: int
    label: str
    answer: float


def random_exercise(seed: int) -> tuple[Network, np.ndarray, np.ndarray]:
    """Return a random small sigmoid network (2-2-1 or 2-3-2, weights with 2 decimals) and one
    example (x with 2 decimals, y of 0s and 1s) drawn from ``seed``: (net, X (1, 2), Y (1, K))."""
    rng = np.random.default_rng(seed)
    sizes = [2, 2, 1] if rng.integers(2) == 0 else [2, 3, 2]
    thetas = [np.round(rng.uniform(-1, 1, size=(b, a + 1)), 2)
              for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    net = Network.from_thetas(thetas, "sigmoid", "sigmoid", "cross_entropy")
    X = np.round(rng.uniform(0, 1, size=(1, 2)), 2)
    Y = rng.integers(0, 2, size=(1, sizes[-1])).astype(float)
    return net, X, Y


def _label(symbol: str, l: int, index: tuple[int, ...]) -> str:
    if len(index) == 1:
        return f"{symbol}{str(index[0] + 1).translate(_SUB)}({l})"
    i, j = index
    return f"{symbol}({l}){str(i + 1).translate(_SUB)}{str(j).translate(_SUB)}"


def blanks(trace: Trace) -> Iterator[tuple[int, list[Blank]]]:
    """Yield (step index, its numbered blanks) for every step with a result to fill in."""
    n = 0
    for step in trace:
        if step.phase not in RESULTS:
            continue
        symbol, field = RESULTS[step.phase]
        values = np.asarray(getattr(step.payload, field))
        row = []
        for index, v in np.ndenumerate(values):
            n += 1
            row.append(Blank(n, _label(symbol, step.layer, index), float(v)))
        yield step.index, row


def _n(x: float, nf: NumberFormat) -> str:
    return nf.number(x).replace("-", "−")


def _given(trace: Trace, w: dict, nf: NumberFormat) -> list[tuple[str, str]]:
    sizes = [trace.thetas[0].shape[1] - 1, *(t.shape[0] for t in trace.thetas)]
    out = [("s", " – ".join(map(str, sizes))),
           ("x", "[" + nf.join(_n(v, nf) for v in trace.X[0]) + "]"),
           ("y", "[" + nf.join(_n(v, nf) for v in trace.Y[0]) + "]"),
           ("α, λ₂, m" if trace.lam1 else "α, λ, m",
            nf.join([_n(trace.lr, nf), _n(trace.lam, nf), str(trace.m)]))]
    if trace.lam1:      # L1 adds (λ₁/m)·sign(Θ) to D's non-bias columns: the key counts it
        out.append(("λ₁", _n(trace.lam1, nf)))
    for l, theta in enumerate(trace.thetas, 1):
        rows = " | ".join("[" + nf.join(_n(v, nf) for v in r) + "]" for r in theta)
        out.append((w["theta"].format(l=l), rows))
    return out


def exercise_markdown(trace: Trace, lang: str = "en", key: bool = False) -> str:
    """Return the exercise sheet (``key`` False) or its answer key as Markdown."""
    t = text_for(lang)
    w = WORDS["pt" if t["html_lang"] == "pt-BR" else "en"]
    nf: NumberFormat = t["numbers"]
    out = [f"# {w['key'] if key else w['sheet']}", "", w["key_intro"] if key else w["intro"], ""]
    note = mistake_note(trace, lang)
    if note:
        out += [f"> **{note}**", ""]
    out += [f"## {w['given']}", ""] + [f"- {k} = {v}" for k, v in _given(trace, w, nf)] + [""]
    blocks = {b.step.index: b for b in build_blocks(trace, lang)}
    for index, row in blanks(trace):
        b = blocks[index]
        out += [f"### {b.heading}", "", f"`{b.equation}`", ""]
        if not key:
            out += [b.explanation, ""]
        out += [f"- ({x.number}) {x.label} = {_n(x.answer, nf) if key else BLANK}"
                for x in row]
        out.append("")
    return "\n".join(out)


_CSS = ("body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:50em;margin:2em auto;"
        "padding:0 1em;line-height:1.5}h3{margin-bottom:.2em}.eq{font-family:monospace;"
        "background:#f4f4f4;padding:.2em .5em}.mistake{background:#CC3311;color:#fff;"
        "padding:.5em .8em}li{margin:.3em 0}")


def exercise_html(trace: Trace, lang: str = "en", key: bool = False) -> str:
    """Return the exercise sheet (``key`` False) or its answer key as one HTML page."""
    t, e = text_for(lang), html.escape
    w = WORDS["pt" if t["html_lang"] == "pt-BR" else "en"]
    nf: NumberFormat = t["numbers"]
    title = w["key"] if key else w["sheet"]
    parts = [f'<!DOCTYPE html>\n<html lang="{e(t["html_lang"])}"><head><meta charset="utf-8">'
             f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{e(title)}</h1><p>{e(w['key_intro'] if key else w['intro'])}</p>"]
    note = mistake_note(trace, lang)
    if note:
        parts.append(f'<p class="mistake"><b>{e(note)}</b></p>')
    parts.append(f"<h2>{e(w['given'])}</h2><ul>" + "".join(
        f"<li>{e(k)} = {e(v)}</li>" for k, v in _given(trace, w, nf)) + "</ul>")
    blocks = {b.step.index: b for b in build_blocks(trace, lang)}
    for index, row in blanks(trace):
        b = blocks[index]
        parts.append(f"<h3>{e(b.heading)}</h3><div class=\"eq\">{e(b.equation)}</div>")
        if not key:
            parts.append(f"<p>{e(b.explanation)}</p>")
        parts.append("<ul>" + "".join(
            f"<li>({x.number}) {e(x.label)} = {e(_n(x.answer, nf)) if key else BLANK}</li>"
            for x in row) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def key_path(path: str | os.PathLike) -> Path:
    """Return the answer key's path beside the sheet: FILE.key.md for FILE.md."""
    p = Path(path)
    return p.with_name(f"{p.stem}.key{p.suffix}")


def write_exercise(path: str | os.PathLike, trace: Trace, lang: str = "en") -> Path:
    """Write the sheet to ``path`` (HTML for .html/.htm, else Markdown) and the key beside it;
    return the key's path."""
    p = Path(path)
    make = exercise_html if p.suffix.lower() in (".html", ".htm") else exercise_markdown
    write_atomic(p, make(trace, lang).encode("utf-8"))
    k = key_path(p)
    write_atomic(k, make(trace, lang, key=True).encode("utf-8"))
    return k
