"""The current micro-step's equation in the notes' notation, with its actual numbers substituted.

One function per phase returns HTML for the math panel: the operands as tables with their
shapes (matrix × vector written out), then, for small layers, the scalar sums neuron by neuron
(Mazur-style: z₁(2) = 0.35·1 + 0.15·0.05 + 0.2·0.1 = 0.3775).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine.messages import Message
from engine.mistakes import Mistake
from engine.steps import AdamUpdateStep, MomentumUpdateStep
from engine.trace import Phase, Step, Trace, TraceState
from ui.look.messages import translate_message
from ui.maths.phase_words import equation
from ui.maths.tables import (
    Colour,
    equation_row,
    labelled,
    matrix,
    num,
    op,
    shape_text,
    sub,
    vector,
    written_sum,
)

SCALAR_LINES = 4   # neurons written out one by one (bigger layers: the first few)
WIDE = 3           # matrices with more columns get a line of their own
CELL_SPACING = 6   # px between the parts of a line (tables.equation_row)
MATRIX_DIGITS = 4  # tables stay narrow; the written-out lines below them keep all 9 digits


def _tr(text: str) -> str:
    return QCoreApplication.translate("MathPanel", text)


class EquationBuilder:
    """Build the HTML of one step's equation; ``colour`` maps (value, |max|) to a cell colour."""

    def __init__(self, colour: Colour,
                 activation_colour: Callable[[np.ndarray, float, int], np.ndarray],
                 digits: int = 9) -> None:
        self.colour, self.act_colour, self.digits = colour, activation_colour, digits
        # Set by the math panel when a page is too wide: the width (px) lines are packed into
        # and how to measure a part (``ui.maths.fit``).
        self.budget: float | None = None
        self.measure: Callable[[str], float] | None = None

    # --- small pieces ---------------------------------------------------------------------------
    def vec(self, label: str, v: np.ndarray, *, act: int = 0, row: bool = False,
            bias_first: bool = False, dropped_first: bool = False) -> str:
        """``act``: the layer whose activations ``v`` holds (coloured like its neurons), or 0."""
        colour = (lambda values, vmax: self.act_colour(values, vmax, act)) if act else self.colour
        body = vector(v, digits=min(self.digits, MATRIX_DIGITS), row=row, bias_first=bias_first,
                      dropped_first=dropped_first, colour=colour)
        return labelled(label, body, shape_text(v, column=not row))

    def mat(self, label: str, M: np.ndarray, *, unused_col0: bool = False,
            transposed: bool = False) -> str:
        body = matrix(M, digits=min(self.digits, MATRIX_DIGITS), colour=self.colour,
                      unused_col0=unused_col0,
                      transposed=transposed)
        return labelled(label, body, shape_text(M))

    def flow(self, *groups: tuple[str, ...], wide: bool) -> str:
        """Return the groups of parts on one line, or one line per group when ``wide`` (a
        matrix with many columns would push the rest of the equation out of sight); while
        ``budget`` is set, as many parts per line as fit in it."""
        parts = [part for group in groups for part in group]
        if self.budget is not None and self.measure is not None:
            return self._packed(parts)
        if not wide:
            return equation_row(*parts)
        return "".join(equation_row(*group) for group in groups)

    def row(self, *parts: str) -> str:
        """Return the parts on one line (packed into lines while ``budget`` is set)."""
        return self.flow(parts, wide=False)

    def _packed(self, parts: list[str]) -> str:
        """Return ``parts`` in lines of at most ``budget`` px (a part wider than that alone)."""
        lines: list[list[str]] = [[]]
        used = CELL_SPACING
        for part in parts:
            w = self.measure(part) + CELL_SPACING
            if lines[-1] and used + w > self.budget:
                lines.append([])
                used = CELL_SPACING
            lines[-1].append(part)
            used += w
        return "".join(equation_row(*line) for line in lines)

    def note(self, text: str) -> str:
        return f'<p class="note">{text}</p>'

    def lines(self, rows: list[str], total: int, shown: int | None = None) -> str:
        """Return the written-out lines of ``shown`` (default: one per row) of ``total`` neurons."""
        shown = len(rows) if shown is None else shown
        more = ""
        if total > shown:
            more = "<br>" + _tr("… and {n} more neurons").replace("{n}", str(total - shown))
        return '<p class="scalar">' + "<br>".join(rows) + more + "</p>"

    # --- phases ---------------------------------------------------------------------------------
    def html(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        """Return the HTML of ``step``'s equation (``prev``: the state before it)."""
        builder = {
            Phase.RESET: self._reset, Phase.INPUT: self._input, Phase.FORWARD_Z: self._z,
            Phase.FORWARD_A: self._a, Phase.OUTPUT_DELTA: self._output_delta,
            Phase.HIDDEN_DELTA: self._hidden_delta, Phase.ACCUMULATE: self._accumulate,
            Phase.GRADIENT: self._gradient, Phase.UPDATE: self._update,
        }[step.phase]
        return f'<p class="eq">{equation(step, trace)}</p>' + builder(step, trace, prev)

    def _reset(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        parts = [self.mat(f"Δ({l})", D) for l, D in enumerate(step.payload.Delta, 1)]
        return self.row(*parts) + self.note(
            _tr("One accumulator per weight matrix, the same shape as Θ(l), all zeros."))

    def _input(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        x = step.payload.a
        return self.row(op("a(1) = x ="), self.vec("x", x))

    def _z(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        l, k = step.layer, step.layer - 1
        p = step.payload
        T, a_in, z = p.Theta, p.a_in, p.z
        eq = self.flow((self.mat(f"Θ({k})", T), op("·")),
                       (self.vec(f"[1; a({k})]", a_in, bias_first=True), op("="),
                        self.vec(f"z({l})", z)), wide=T.shape[1] > WIDE)
        rows = [written_sum(list(zip(T[i], a_in, strict=True)), z[i],
                            f"z{sub(i + 1)}({l})", self.digits)
                for i in range(min(len(z), SCALAR_LINES))]
        return eq + self.lines(rows, len(z))

    def _a(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        l = step.layer
        z, a = step.payload.z, step.payload.a
        g = trace.g_of(l)
        eq = self.row(op(f"a({l}) = g("), self.vec(f"z({l})", z), op(") ="),
                          self.vec(f"a({l})", a, act=l))
        rows = []
        for i in range(min(len(z), SCALAR_LINES)):
            zi = num(z[i], self.digits)
            form = g.html_at(zi, f"({zi})" if z[i] < 0 else zi)
            rows.append(f"a{sub(i + 1)}({l}) = g({zi}) = {form} = "
                        f"<b>{num(a[i], self.digits)}</b>")
        gname = translate_message(Message(g.description))   # marked in engine/activations.py
        gname += "<br>" + html.escape(g.formula)
        return eq + self.lines(rows, len(z)) + self.note(gname)

    def _output_delta(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        L = step.layer
        p = step.payload
        a, y, d, gp = p.a, p.y, p.d, p.g_prime
        if gp is not None:
            eq = self.row(op(f"d({L}) = ("), self.vec(f"a({L})", a, act=L), op("−"),
                              self.vec("y", y), op(")  ⊙"), self.vec(f"g′(z({L}))", gp),
                              op("="), self.vec(f"d({L})", d))
            rows = [f"d{sub(i + 1)}({L}) = ({num(a[i], self.digits)} − {num(y[i], self.digits)})"
                    f" · {num(gp[i], self.digits)} = <b>{num(d[i], self.digits)}</b>"
                    for i in range(min(len(d), SCALAR_LINES))]
        else:
            eq = self.row(op(f"d({L}) ="), self.vec(f"a({L})", a, act=L), op("−"),
                              self.vec("y", y), op("="), self.vec(f"d({L})", d))
            rows = [f"d{sub(i + 1)}({L}) = {num(a[i], self.digits)} − {num(y[i], self.digits)}"
                    f" = <b>{num(d[i], self.digits)}</b>" for i in range(min(len(d), SCALAR_LINES))]
        loss = p.loss
        extra = ""
        if loss is not None:
            extra = self.note(_tr("Loss of this example: {f} = <b>{v}</b>")
                              .replace("{f}", _loss_formula(trace))
                              .replace("{v}", num(loss, self.digits)))
        if p.g_prime is not None:
            extra += self.note(html.escape(trace.output.prime_formula))
        return eq + self.lines(rows, len(d)) + extra

    def _hidden_delta(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        l = step.layer
        p = step.payload
        T, dn, back, gp, d = p.Theta, p.d_next, p.Theta_T_d, p.g_prime, p.d
        # The factor's name: g(z) under that mistake; d(1) (l running down to 1) has no z(1).
        factor = ("a(1)⊙(1−a(1))" if l == 1 else f"g(z({l}))"
                  if trace.mistake is Mistake.G_INSTEAD_OF_G_PRIME else f"g′(z({l}))")
        eq = self.flow((self.mat(f"Θ({l})ᵀ", T.T, transposed=True), op("·")),
                       (self.vec(f"d({l + 1})", dn), op("="),
                        self.vec(f"Θ({l})ᵀ d({l + 1})", back, dropped_first=True),
                        op("→ ⊙"), self.vec(factor, gp), op("="), self.vec(f"d({l})", d)),
                       wide=T.shape[0] > WIDE)
        rows = []
        for i in range(min(len(d), SCALAR_LINES)):
            # Mazur's ∂E/∂out_h: the errors of the next layer, weighted by the weights leaving
            # neuron i (column i + 1 of Θ(l)), summed; then times g′.
            rows.append(written_sum(list(zip(T[:, i + 1], dn, strict=True)), None,
                                    f"(Θ({l})ᵀd({l + 1})){sub(i + 1)}", self.digits,
                                    term_digits=6))
            rows.append(f"d{sub(i + 1)}({l}) = {num(back[i + 1], self.digits)} · "
                        f"{num(gp[i], self.digits)} = <b>{num(d[i], self.digits)}</b>")
        note = self.note(_tr("The struck-out first entry belongs to the bias unit “+1”: it has "
                             "no inputs, so it gets no error and is dropped. "
                             "<b>Correction to the notes:</b> multiply by the derivative "
                             "g′(z({l})), not by g(z({l})); and l runs from L−1 down to 2, never "
                             "to the input layer.").replace("{l}", str(l)))
        # Which g′ this layer's g has, in the objects' own words (one per hidden layer).
        note += self.note(html.escape(trace.g_of(l).prime_formula))
        return eq + self.lines(rows, len(d), shown=len(rows) // 2) + note

    def _accumulate(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        l = step.layer
        p = step.payload
        dn, a_in, outer, old, new = p.d_next, p.a_in, p.outer, p.Delta_before, p.Delta_after
        first = self.row(op(_tr("this example:")), self.vec(f"d({l + 1})", dn), op("·"),
                             self.vec(f"[1; a({l})]ᵀ", a_in, row=True, bias_first=True))
        groups = [(op(f"Δ({l}) :="), self.mat(_tr("Δ({l}) before").replace("{l}", str(l)),
                                              old), op("+"))]
        groups.append((self.mat(f"d({l + 1})·[1; a({l})]ᵀ", outer),))
        rows = []
        for i in range(min(outer.shape[0], 2)):
            for j in range(min(outer.shape[1], 3)):
                rows.append(f"Δ({l}){sub(i + 1)}{sub(j)} += d{sub(i + 1)}({l + 1})·a{sub(j)}({l})"
                            f" = {num(dn[i], self.digits)} · {num(a_in[j], self.digits)} = "
                            f"<b>{num(outer[i, j], self.digits)}</b>")
        sum_ = self.flow(*groups, wide=outer.shape[1] > WIDE)
        return first + sum_ + self.row(op("="), self.mat(f"Δ({l})", new)) + \
            '<p class="scalar">' + "<br>".join(rows) + "</p>" + self.note(
            _tr("Entry (i, j) is dᵢ({n}) · aⱼ({l}): how much weight Θ({l})ᵢⱼ contributed to "
                "this example's error. Column j = 0 uses the bias input 1.")
            .replace("{n}", str(l + 1)).replace("{l}", str(l)))

    def _gradient(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        l = step.layer
        p = step.payload
        Delta, T, D, m, lam, lam1 = p.Delta, p.Theta, p.D, p.m, p.lam, p.lam1
        # m written out: the division by the number of examples the loop went over. With L1 on,
        # sign(Θ) is shown as a matrix, its name in the words of the phase's equation.
        sign = _tr("sign")
        if lam1:
            eq = (f'<p class="eq">D({l}) = (1/{num(m)})(Δ({l}) + {num(lam)}·Θ({l}) + '
                  f'{num(lam1)}·{sign}(Θ({l})))</p>')
        else:
            eq = f'<p class="eq">D({l}) = (1/{num(m)})(Δ({l}) + {num(lam)}·Θ({l}))</p>'
        eq += self.row(op(f"D({l}) = 1/{num(m)} · ("), self.mat(f"Δ({l})", Delta))
        # With the "λ on the bias column" mistake column 0 is regularized (wrongly): not struck.
        bias_too = trace.mistake is Mistake.REGULARIZE_BIAS
        eq += self.row(op(f"+ {num(lam)} ·"),
                       self.mat(f"Θ({l})", T, unused_col0=not bias_too),
                       op("" if lam1 else ")"))
        if lam1:
            eq += self.row(op(f"+ {num(lam1)} ·"),
                           self.mat(f"{sign}(Θ({l}))", np.sign(T), unused_col0=True), op(")"))
        eq += self.row(op("="), self.mat(f"D({l})", D))
        rows = []
        for i in range(min(D.shape[0], 2)):
            for j in range(min(D.shape[1], 3)):
                reg = ("" if j == 0 and not bias_too
                       else f" + {num(lam)} · {num(T[i, j], self.digits)}")
                if lam1 and j:
                    reg += f" + {num(lam1)} · ({num(np.sign(T[i, j]))})"
                rows.append(f"D({l}){sub(i + 1)}{sub(j)} = 1/{num(m)} · "
                            f"({num(Delta[i, j], self.digits)}{reg}) = "
                            f"<b>{num(D[i, j], self.digits)}</b>")
        eq += '<p class="scalar">' + "<br>".join(rows) + "</p>"
        if bias_too:
            text = _tr("m = {m} example(s), λ = {lam}. <b>The mistake: λΘ({l}) is added to the "
                       "bias column j = 0 too,</b> which backpropagation leaves unregularized "
                       "(there D({l}) should be (1/m)·Δ({l}) only).")
        else:
            text = _tr("m = {m} example(s), λ = {lam}. <b>The bias column j = 0 (struck "
                       "out in Θ) is not regularized:</b> there D({l}) = (1/m)·Δ({l}) "
                       "only. (The notes write this condition as “l = 0”; it is the "
                       "column index j.) "
                       "D({l}) = ∂J/∂Θ({l}).")
        note = self.note(text.replace("{m}", num(m)).replace("{lam}", num(lam))
                         .replace("{l}", str(l)))
        if lam1:
            note += self.note(_tr("L1: λ₁ = {lam1} adds (λ₁/m)·sign(Θ) to each non-bias weight's "
                                  "gradient: the same push towards 0 whatever the weight's size "
                                  "(sign(0) = 0). L2's λ₂ = {lam} pushes in proportion to the "
                                  "weight.").replace("{lam1}", num(lam1))
                              .replace("{lam}", num(lam)))
        return eq + note

    def _update(self, step: Step, trace: Trace, prev: TraceState | None) -> str:
        if isinstance(step.payload, MomentumUpdateStep | AdamUpdateStep):   # the optimizer's step
            return self._optimizer_update(step, trace)
        l = step.layer
        p = step.payload
        T, D, new, lr = p.Theta, p.D, p.Theta_new, p.lr
        eq = self.flow((op(f"Θ({l}) :="),
                        self.mat(_tr("Θ({l}) before").replace("{l}", str(l)), T)),
                       (op(f"− {num(lr)} ·"), self.mat(f"D({l})", D,
                                                       unused_col0=trace.freeze_bias)),
                       wide=T.shape[1] > WIDE)
        eq += self.row(op("="), self.mat(_tr("new Θ({l})").replace("{l}", str(l)), new))
        rows = []
        for i in range(min(T.shape[0], 2)):
            for j in range(1, min(T.shape[1], 3)):
                rows.append(f"Θ({l}){sub(i + 1)}{sub(j)} = {num(T[i, j], self.digits)} − "
                            f"{num(lr)} · {num(D[i, j], self.digits)} = "
                            f"<b>{num(new[i, j], self.digits)}</b>")
        note = _tr("α = {a} is the learning rate.").replace("{a}", num(lr))
        return (eq + '<p class="scalar">' + "<br>".join(rows) + "</p>"
                + self.note(note + _frozen_note(trace)))

    def _optimizer_update(self, step: Step, trace: Trace) -> str:
        """Return the momentum or Adam update with its numbers (the step training takes)."""
        l, p = step.layer, step.payload
        T, D, new, lr = p.Theta, p.D, p.Theta_new, p.lr
        wide = True             # two or three tables per equation: one line each
        frozen = trace.freeze_bias
        d = self.digits
        rows = []
        if isinstance(p, AdamUpdateStep):
            b1, b2, eps, t = p.beta1, p.beta2, p.eps, p.t
            eq = self.flow((op("m :="), self.mat(f"m({l})", p.m)),
                           (op("v :="), self.mat(f"v({l})", p.v)), wide=wide)
            eq += self.flow((op(f"m̂ = m/(1 − {num(b1)}{sup(t)}) ="), self.mat("m̂", p.m_hat)),
                            (op(f"v̂ = v/(1 − {num(b2)}{sup(t)}) ="), self.mat("v̂", p.v_hat)),
                            wide=wide)
            for i, j in _entries(T):
                rows.append(f"Θ({l}){sub(i + 1)}{sub(j)} = {num(T[i, j], d)} − {num(lr)} · "
                            f"{num(p.m_hat[i, j], d)} / (√{num(p.v_hat[i, j], d)} + "
                            f"{num(eps)}) = <b>{num(new[i, j], d)}</b>")
            note = (_tr("Adam: α = {a}, β₁ = {b1}, β₂ = {b2}, ε = {e}, step t = {t}; m and v "
                        "are the moments training holds, m̂ and v̂ their bias-corrected values.")
                    .replace("{a}", num(lr)).replace("{b1}", num(b1)).replace("{b2}", num(b2))
                    .replace("{e}", num(eps)).replace("{t}", str(t)))
        else:                                               # momentum
            beta, v0, vel = p.beta, p.v_before, p.v
            eq = self.flow((op(f"v({l}) := {num(beta)} ·"),
                            self.mat(_tr("v({l}) before").replace("{l}", str(l)), v0)),
                           (op("+"), self.mat(f"D({l})", D, unused_col0=frozen)),
                           (op("="), self.mat(_tr("new v({l})").replace("{l}", str(l)), vel)),
                           wide=wide)
            for i, j in _entries(T):
                rows.append(f"v = {num(beta)} · {num(v0[i, j], d)} + {num(D[i, j], d)} = "
                            f"{num(vel[i, j], d)};  Θ({l}){sub(i + 1)}{sub(j)} = "
                            f"{num(T[i, j], d)} − {num(lr)} · {num(vel[i, j], d)} = "
                            f"<b>{num(new[i, j], d)}</b>")
            note = (_tr("Momentum: α = {a}, β = {b}; v is the velocity training holds.")
                    .replace("{a}", num(lr)).replace("{b}", num(beta)))
        eq += self.flow((op(f"Θ({l}) :="),
                         self.mat(_tr("Θ({l}) before").replace("{l}", str(l)), T)),
                        (op("→"), self.mat(_tr("new Θ({l})").replace("{l}", str(l)), new)),
                        wide=wide)
        return (eq + '<p class="scalar">' + "<br>".join(rows) + "</p>"
                + self.note(note + _frozen_note(trace)))


def _entries(T: np.ndarray) -> list[tuple[int, int]]:
    return [(i, j) for i in range(min(T.shape[0], 2)) for j in range(1, min(T.shape[1], 3))]


def sup(n: int) -> str:
    """Return ``n`` in superscript digits (β₁ᵗ written out)."""
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _frozen_note(trace: Trace) -> str:
    if not trace.freeze_bias:
        return ""
    return " " + _tr("Column j = 0 (the bias weights, struck out in D) is kept: frozen biases "
                     "are not updated.")


def _loss_formula(trace: Trace) -> str:
    if not trace.loss.uses_log_likelihood:
        return "½ Σ<sub>k</sub> (a<sub>k</sub> − y<sub>k</sub>)²"
    if trace.output.is_softmax:
        return "−Σ<sub>k</sub> y<sub>k</sub> log a<sub>k</sub>"
    return ("−Σ<sub>k</sub> [y<sub>k</sub> log a<sub>k</sub> + (1 − y<sub>k</sub>) "
            "log(1 − a<sub>k</sub>)]")
