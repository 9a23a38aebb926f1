"""Worked-example documents (Markdown and self-contained HTML) generated from a Trace.

Like Matt Mazur's "A Step by Step Backpropagation Example", but for whatever network the learner
built: every micro-step of the trace, in the notes' order, with its equation, the arithmetic
written out unit by unit (for layers small enough to read) and the resulting vectors/matrices.
Shapes as in engine.trace: a(l), z(l), d(l) length s(l); Θ(l), Δ(l), D(l) (s(l+1), 1 + s(l)).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

from engine import steps as words
from engine.activations import Activation
from engine.documents.trace_text import NumberFormat, array_label
from engine.documents.worked_example_svg import network_svg
from engine.documents.worked_example_text import (
    TEXT,
    engine_word_translator,
    phase_translator,
    text_for,
)
from engine.lesson.presets import article_update
from engine.mistake_effect import trace_no_effect_reason
from engine.mistakes import Mistake
from engine.steps import (
    AccumulateStep,
    ForwardAStep,
    ForwardZStep,
    GradientStep,
    HiddenDeltaStep,
    OutputDeltaStep,
    Phase,
    UpdateStep,
)
from engine.trace import Step, Trace, mistaken_equation

MAX_EXPANDED_UNITS = 8      # write sums out term by term only when a reader can follow them
MAX_EXPANDED_TERMS = 10
MAX_EXPANDED_ENTRIES = 24   # per matrix (Δ, D, Θ updates)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass
class Block:
    """One micro-step as document parts: heading, equation, explanation, worked lines, arrays."""

    step: Step
    heading: str
    equation: str
    explanation: str
    lines: list[str] = field(default_factory=list)
    arrays: list[tuple[str, np.ndarray]] = field(default_factory=list)
    values: list[tuple[str, float]] = field(default_factory=list)


def _n(x: float, nf: NumberFormat) -> str:
    return nf.number(x).replace("-", "−")


def _p(x: float, nf: NumberFormat) -> str:
    # A negative factor inside a product is bracketed so "0.5·(−0.03)" cannot be misread.
    s = _n(x, nf)
    return f"({s})" if s.startswith("−") else s


def _vector(values: np.ndarray, nf: NumberFormat) -> str:
    return "[" + nf.join(_n(v, nf) for v in values) + "]"


def _sub(i: int) -> str:
    return str(i).translate(_SUB)


def _entry(symbol: str, l: int | None, i: int, j: int, nf: NumberFormat) -> str:
    # Θ₁₂(2) reads well for one-digit indices; with more digits "₁₁₅" would be ambiguous.
    if i + 1 < 10 and j < 10:
        return f"{symbol}{_sub(i + 1)}{_sub(j)}({l})"
    return f"{symbol}({l}){nf.index(i + 1, j)}"


def _g_text(g: Activation, z: float, nf: NumberFormat) -> str:
    return g.text_at(_n(z, nf), _p(z, nf), nf.items)


def _expand(block: Block, trace: Trace, t: dict) -> None:
    p_, l = block.step.payload, block.step.layer
    nf: NumberFormat = t["numbers"]
    n, p = partial(_n, nf=nf), partial(_p, nf=nf)
    small = lambda k: k <= MAX_EXPANDED_UNITS  # noqa: E731
    if isinstance(p_, ForwardZStep) and small(len(p_.z)) and len(p_.a_in) <= \
            MAX_EXPANDED_TERMS:
        for i, zi in enumerate(p_.z):
            terms = " + ".join(f"{p(w)}·{p(a)}" for w, a in zip(p_.Theta[i], p_.a_in,
                                                                strict=True))
            block.lines.append(f"z{_sub(i + 1)}({l}) = {terms} = {n(zi)}")
    elif isinstance(p_, ForwardAStep) and small(len(p_.a)):
        g = trace.g_of(l)
        for i, (zi, ai) in enumerate(zip(p_.z, p_.a, strict=True)):
            block.lines.append(f"a{_sub(i + 1)}({l}) = {_g_text(g, zi, nf)} = {n(ai)}")
    elif isinstance(p_, OutputDeltaStep) and small(len(p_.d)):
        for i, di in enumerate(p_.d):
            core = f"{n(p_.a[i])} − {p(p_.y[i])}"
            if p_.g_prime is not None:
                block.lines.append(f"d{_sub(i + 1)}({l}) = ({core})·{p(p_.g_prime[i])} = "
                                   f"{n(di)}")
            else:
                block.lines.append(f"d{_sub(i + 1)}({l}) = {core} = {n(di)}")
    elif isinstance(p_, HiddenDeltaStep) and small(len(p_.d)) and len(p_.d_next) <= \
            MAX_EXPANDED_TERMS:
        theta = p_.Theta
        for i, di in enumerate(p_.d):
            terms = " + ".join(f"{p(theta[k, i + 1])}·{p(dk)}"
                               for k, dk in enumerate(p_.d_next))
            block.lines.append(f"d{_sub(i + 1)}({l}) = ({terms})·{p(p_.g_prime[i])} = "
                               f"{n(p_.Theta_T_d[i + 1])}·{p(p_.g_prime[i])} = "
                               f"{n(di)}")
    elif isinstance(p_, AccumulateStep) and p_.outer.size <= MAX_EXPANDED_ENTRIES:
        for (i, j), v in np.ndenumerate(p_.Delta_after):
            block.lines.append(
                f"{_entry('Δ', l, i, j, nf)} = {n(p_.Delta_before[i, j])} + "
                f"{p(p_.d_next[i])}·{p(p_.a_in[j])} = {n(v)}")
    elif isinstance(p_, GradientStep) and p_.D.size <= MAX_EXPANDED_ENTRIES:
        m, lam, lam1 = p_.m, p_.lam, p_.lam1
        bias_too = trace.mistake is Mistake.REGULARIZE_BIAS
        for (i, j), v in np.ndenumerate(p_.D):
            inner = n(p_.Delta[i, j]) if (j == 0 and not bias_too) or lam == 0 else \
                f"{n(p_.Delta[i, j])} + {p(lam)}·{p(p_.Theta[i, j])}"
            if lam1 and j:          # L1's λ₁·sign(θ), never on the bias column
                inner += f" + {p(lam1)}·{p(np.sign(p_.Theta[i, j]))}"
            if trace.mistake is Mistake.FORGET_1_OVER_M:
                block.lines.append(f"{_entry('D', l, i, j, nf)} = {inner} = {n(v)}")
            else:
                block.lines.append(f"{_entry('D', l, i, j, nf)} = (1/{n(m)})·({inner}) = "
                                   f"{n(v)}")
    elif isinstance(p_, UpdateStep) and p_.D.size <= MAX_EXPANDED_ENTRIES:
        lr = p_.lr
        for (i, j), v in np.ndenumerate(p_.Theta_new):
            if trace.freeze_bias and j == 0:
                block.lines.append(f"{_entry('Θ', l, i, j, nf)} = {n(v)} ({t['bias_frozen']})")
            else:
                sign = "+" if trace.mistake is Mistake.UPDATE_UPHILL else "−"
                block.lines.append(f"{_entry('Θ', l, i, j, nf)} := {n(p_.Theta[i, j])} {sign} "
                                   f"{p(lr)}·{p(p_.D[i, j])} = {n(v)}")


def build_blocks(trace: Trace, lang: str = "en", tr: words.Translate | None = None
                 ) -> list[Block]:
    """Return one Block per step of ``trace`` with its worked arithmetic and named arrays.

    Titles and equations come from the phase table (``engine.steps``), through ``tr`` (by
    default the app's own catalogue for ``lang``)."""
    t = text_for(lang)
    tr = tr or phase_translator(lang)
    blocks = []
    for step in trace:
        where = []
        if step.example is not None:
            where.append(t["example"].format(step.example + 1))
        if step.layer is not None:
            where.append(t["layer"].format(step.layer))
        head = f"{step.index + 1}. {words.title(step.phase, step.layer, trace.L, tr)}"
        if where:
            head += f" ({', '.join(where)})"
        equation = words.equation(step.phase, step.layer, trace.L, loss=trace.loss,
                                  freeze_bias=trace.freeze_bias, tr=tr, lam1=trace.lam1)
        explanation = t["explain"][step.phase.value]
        equation = mistaken_equation(step, trace.mistake, trace.L, tr) or equation
        if step.layer == 1 and step.phase is Phase.HIDDEN_DELTA:
            explanation = t["mistake_d1"]
        if step.phase is Phase.GRADIENT and trace.mistake is Mistake.REGULARIZE_BIAS:
            explanation = t["mistake_bias_gradient"]
        b = Block(step, head, equation, explanation)
        _expand(b, trace, t)
        b.arrays = [(array_label(step, k), v) for k, v in step.payload.named_arrays()]
        b.values = [(t["value_names"].get(k, k), v) for k, v in step.payload.named_values()]
        blocks.append(b)
    return blocks


def _summary(trace: Trace, t: dict) -> list[tuple[str, str]]:
    extra = t["frozen"] if trace.freeze_bias else ""
    nf: NumberFormat = t["numbers"]
    word = engine_word_translator(t["html_lang"])
    gs = trace.activation if isinstance(trace.activation, (list, tuple)) else [trace.activation]
    return [
        (t["network"], " – ".join(str(n) for n in [trace.thetas[0].shape[1] - 1,
                                                   *(th.shape[0] for th in trace.thetas)])),
        (t["activations"],
         f"g = {', '.join(word(str(g)) for g in gs)}; "
         f"{t['output']} = {word(str(trace.output))}"),
        (t["loss"], t["loss_names"].get(trace.loss.name, trace.loss.name)),
        (t["settings"], nf.join([f"α = {_n(trace.lr, nf)}",
                                 f"{'λ₂' if trace.lam1 else 'λ'} = {_n(trace.lam, nf)}",
                                 *([f"λ₁ = {_n(trace.lam1, nf)}"] if trace.lam1 else []),
                                 f"m = {trace.m}"]) + extra),
    ]


# --- Markdown ------------------------------------------------------------------------------------

def _md_array(label: str, arr: np.ndarray, nf: NumberFormat) -> str:
    a = np.atleast_2d(arr) if arr.ndim == 1 else arr
    shape = "×".join(str(s) for s in arr.shape)
    if arr.ndim == 1:
        return f"- {label} ({shape}) = {_vector(arr, nf)}"
    head = "| " + " | ".join(f"j={j}" for j in range(a.shape[1])) + " |"
    rule = "|" + "---:|" * a.shape[1]
    rows = ["| " + " | ".join(_n(v, nf) for v in row) + " |" for row in a]
    return f"- {label} ({shape}):\n\n" + "\n".join("  " + r for r in [head, rule, *rows]) + "\n"


def y_scale_note(y_scale: tuple[float, float] | None, lang: str = "en") -> str:
    """Return the sentence saying y is a z-score of the file's target, given ``y_scale`` =
    (mean, std) of the target ("" for y in the data's own units)."""
    if y_scale is None:
        return ""
    t = text_for(lang)
    nf: NumberFormat = t["numbers"]
    return t["y_scale"].format(mean=_n(y_scale[0], nf), std=_n(y_scale[1], nf))


def worked_example_markdown(trace: Trace, title: str | None = None, lang: str = "en",
                            tr: words.Translate | None = None,
                            y_scale: tuple[float, float] | None = None) -> str:
    """Return the worked example of ``trace`` as a Markdown document (``y_scale``: the mean and
    standard deviation of a standardized target, said under y)."""
    t = text_for(lang)
    nf: NumberFormat = t["numbers"]
    out = [f"# {title or t['title']}", "", t["intro"], ""]
    if trace.mistake is not None:
        out += [f"> **{mistake_note(trace, lang)}**", ""]
    out += [f"- **{k}:** {v}" for k, v in _summary(trace, t)]
    out += ["", f"- x = {_vector(trace.X[0], nf)}", f"- y = {_vector(trace.Y[0], nf)}", ""]
    if y_scale is not None:
        out += [f"> {y_scale_note(y_scale, lang)}", ""]
    stage = None
    for b in build_blocks(trace, lang, tr):
        if b.step.stage != stage:
            stage = b.step.stage
            out += [f"## {t['stages'][stage]}", ""]
        out += [f"### {b.heading}", "", f"`{b.equation}`", "", b.explanation, ""]
        if b.lines:
            out += ["```text", *b.lines, "```", ""]
        out += [_md_array(label, arr, nf) for label, arr in b.arrays]
        out += [f"- {k} = {_n(v, nf)}" for k, v in b.values]
        out.append("")
    out += [f"## {t['result']}", "",
            f"- J {t['before']} = {_n(trace.J_before, nf)}",
            f"- J {t['after']} = {_n(trace.J_after, nf)}", ""]
    note = article_note(trace, lang)
    if note:
        out += [f"> {note}", ""]
    out += [f"_{t['footer']}_", ""]
    return "\n".join(out)


def mistake_note(trace: Trace, lang: str = "en") -> str:
    """Return the sentence saying which classic mistake the trace was made with ("" if none)."""
    if trace.mistake is None:
        return ""
    say = engine_word_translator(lang)
    reason = trace_no_effect_reason(trace)
    if reason:      # the mistake changes no number here: say so, and claim nothing else
        return text_for(lang)["mistake_no_effect"].format(
            title=say(trace.mistake.title), consequence=say(trace.mistake.consequence),
            reason=say(reason))
    return text_for(lang)["mistake"].format(title=say(trace.mistake.title),
                                            consequence=say(trace.mistake.consequence))


def article_note(trace: Trace, lang: str = "en") -> str:
    """Return the note that sets an article's printed J after the update beside ours, when
    ``trace`` is that article's own first update; else an empty string."""
    article = article_update(trace.thetas, trace.X, trace.Y, trace.lr, trace.lam,
                             trace.freeze_bias)
    if article is None:
        return ""
    t = text_for(lang)
    nf: NumberFormat = t["numbers"]

    def nine(x: float) -> str:      # nine decimals, as the article prints: they differ in the 7th
        return f"{x:.9f}".replace(".", nf.decimal)

    return t["article_note"].format(printed=nine(article.printed_J_after),
                                    ours=nine(trace.J_after))


# --- HTML -----------------------------------------------------------------------------------------

_CSS = """
.mistake{background:#CC3311;color:#fff;padding:.5em .8em;border-radius:4px}
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;
color:#1b1b1b;line-height:1.45}
h1{font-size:1.7em;border-bottom:2px solid #444}h2{margin-top:1.6em;color:#1f4e79;
border-bottom:1px solid #bbb}h3{font-size:1.05em;margin-bottom:.3em}
.eq{font-family:"DejaVu Sans Mono",monospace;font-size:1.1em;background:#eef3f8;padding:.3em .6em;
border-left:4px solid #1f4e79}
.calc{font-family:"DejaVu Sans Mono",monospace;background:#f6f6f6;padding:.4em .8em;margin:.4em 0;
white-space:pre-wrap}
table.m{border-collapse:collapse;margin:.2em 0 .6em 0;font-family:"DejaVu Sans Mono",monospace}
table.m td,table.m th{border:1px solid #999;padding:.15em .5em;text-align:right}
table.m th{background:#e8e8e8;font-weight:normal;color:#444}
.lab{font-weight:bold}.step{margin-bottom:1.2em}.sum td{padding:.1em .8em .1em 0}
.foot{color:#666;font-size:.9em;margin-top:2em}.net{margin:1em 0}
.cap{color:#444;font-size:.85em;margin:.2em 0 0 0}
@media print{body{margin:0;max-width:none}.step{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid;page-break-after:avoid}}
"""


def _html_array(label: str, arr: np.ndarray, nf: NumberFormat) -> str:
    e = html.escape
    shape = "×".join(str(s) for s in arr.shape)
    a = arr.reshape(1, -1) if arr.ndim == 1 else arr
    head = "" if arr.ndim == 1 else "<tr><th></th>" + "".join(
        f"<th>j={j}</th>" for j in range(a.shape[1])) + "</tr>"
    rows = "".join(
        "<tr>" + ("" if arr.ndim == 1 else f"<th>i={i + 1}</th>")
        + "".join(f"<td>{e(_n(v, nf))}</td>" for v in row) + "</tr>" for i, row in enumerate(a))
    return (f'<div><span class="lab">{e(label)}</span> ({shape})'
            f'<table class="m">{head}{rows}</table></div>')


def worked_example_html(trace: Trace, title: str | None = None, lang: str = "en",
                        tr: words.Translate | None = None,
                        y_scale: tuple[float, float] | None = None) -> str:
    """Return the worked example of ``trace`` as one self-contained, printable HTML page
    (``y_scale`` as for ``worked_example_markdown``)."""
    t, e = text_for(lang), html.escape
    nf: NumberFormat = t["numbers"]
    doc_title = title or t["title"]
    parts = [f'<!DOCTYPE html>\n<html lang="{e(t["html_lang"])}"><head><meta charset="utf-8">',
             f"<title>{e(doc_title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{e(doc_title)}</h1><p>{e(t['intro'])}</p>"]
    if trace.mistake is not None:
        parts.append(f'<p class="mistake"><b>{e(mistake_note(trace, lang))}</b></p>')
    parts.append('<table class="sum">')
    parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in _summary(trace, t)]
    parts.append("</table>")
    drawing = network_svg(trace.thetas, nf)
    if drawing:
        parts.append(f'<div class="net">{drawing}<p class="cap">{e(t["diagram"])}</p></div>')
    parts.append(_html_array("x", trace.X[0], nf) + _html_array("y", trace.Y[0], nf))
    if y_scale is not None:
        parts.append(f"<p>{e(y_scale_note(y_scale, lang))}</p>")
    stage = None
    for b in build_blocks(trace, lang, tr):
        if b.step.stage != stage:
            stage = b.step.stage
            parts.append(f"<h2>{e(t['stages'][stage])}</h2>")
        parts.append(f'<div class="step" id="step-{b.step.index + 1}"><h3>{e(b.heading)}</h3>'
                     f'<div class="eq">{e(b.equation)}</div><p>{e(b.explanation)}</p>')
        if b.lines:
            parts.append('<div class="calc">' + "<br>".join(e(x) for x in b.lines) + "</div>")
        parts += [_html_array(label, arr, nf) for label, arr in b.arrays]
        if b.values:
            parts.append("<p>" + "; ".join(f"{e(k)} = {e(_n(v, nf))}" for k, v in b.values)
                         + "</p>")
        parts.append("</div>")
    parts.append(f"<h2>{e(t['result'])}</h2><p>J {e(t['before'])} = {e(_n(trace.J_before, nf))}"
                 f"<br>J {e(t['after'])} = {e(_n(trace.J_after, nf))}</p>")
    note = article_note(trace, lang)
    if note:
        parts.append(f'<p class="note"><i>{e(note)}</i></p>')
    parts.append(f'<p class="foot">{e(t["footer"])}</p></body></html>\n')
    return "\n".join(parts)


def write_worked_example(path: str | os.PathLike, trace: Trace, title: str | None = None,
                         lang: str = "en", tr: words.Translate | None = None) -> None:
    """Write the worked example to ``path``: HTML for .html/.htm, Markdown otherwise
    (``tr``: the phase table's translator, see ``build_blocks``)."""
    p = Path(path)
    if p.suffix.lower() in (".html", ".htm"):
        text = worked_example_html(trace, title, lang, tr)
    else:
        text = worked_example_markdown(trace, title, lang, tr)
    p.write_text(text, encoding="utf-8")


__all__ = ["TEXT", "Block", "build_blocks", "worked_example_html", "worked_example_markdown",
           "write_worked_example"]
