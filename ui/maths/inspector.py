"""The inspector: what the pointer is over (a neuron's z, a, δ; an edge's Θ, D, contribution),
the loss readout J before/after the update, and the editor for one weight.

While the trace starts from the weights of Mazur's article, exactly, the article's names (i1, h1,
o1, w1…w8, b1, b2, out_h1, E_total) are shown beside the notes' notation, so the two can be read
side by side; once the weights are edited or trained they are no longer the article's, and the
names go. On the article's own update the loss readout says why the article prints another J.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from engine.gradient_check import (
    AGREEMENT,
    EPSILON,
    central_difference,
    network_of,
    relative_difference,
)
from engine.lesson.presets import Article, article_for, article_update
from engine.trace import Phase, Trace
from ui.maths.gradient_check_view import exponent
from ui.maths.tables import num, sub


class Inspector(QWidget):
    """Show the hovered neuron or edge of ``trace`` at step ``cursor``, and J before/after."""

    def __init__(self, trace: Trace, cursor: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self._trace, self._cursor = trace, cursor
        self._note = ""       # shown instead of the numbers while they would be stale
        self.article = article_for(trace.thetas)
        self._hover: tuple[int, ...] = ()
        self._checked: dict[object, object] = {}    # central differences of the current trace
        self.title = QLabel(self)
        self.title.setObjectName("inspectorTitle")
        self.detail = QLabel(self)
        self.detail.setObjectName("inspectorDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.loss = QLabel(self)
        self.loss.setObjectName("lossReadout")
        self.loss.setWordWrap(True)
        self.loss.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.loss)
        self.setMinimumWidth(200)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText("<b>" + self.tr("Inspector") + "</b>")
        self.setToolTip(self.tr("Point at a neuron or an edge of the network to read its "
                                "values; click an edge to type a new weight."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange):
            self.retranslate()
        super().changeEvent(event)

    def set_step(self, trace: Trace, cursor: int) -> None:
        """Show values known after step ``cursor`` of ``trace``."""
        self._trace, self._cursor, self._note = trace, cursor, ""
        # The names follow the weights the trace starts from, not the preset's name.
        self.article = article_for(trace.thetas)
        self._render()

    def show_neuron(self, layer: int, k: int) -> None:
        """Describe unit ``k`` of ``layer`` (k = 0 the bias unit "+1"; layer 0 clears)."""
        self._hover = (layer, k) if layer > 0 and k >= 0 else ()
        self._render()

    def show_edge(self, l: int, i: int, j: int) -> None:
        """Describe weight Θ(l)[i, j] (l = 0 clears)."""
        self._hover = (l, i, j) if l > 0 else ()
        self._render()

    def text(self) -> str:
        """Return the inspector's plain text (detail and loss), for tests and screen readers."""
        from PySide6.QtGui import QTextDocument
        doc = QTextDocument()
        doc.setHtml(self.detail.text() + "<br>" + self.loss.text())
        return doc.toPlainText()

    # --- rendering ------------------------------------------------------------------------------
    def show_note(self, text: str) -> None:
        """Show ``text`` instead of any number until the next ``set_step``."""
        self._note = text
        self._render()

    def _render(self) -> None:
        if self._note:
            self.detail.setText(self._note)
            self.loss.setText("")
            self.loss.setToolTip("")
            return
        if len(self._hover) == 2:
            self.detail.setText(self._neuron_html(*self._hover))
        elif len(self._hover) == 3:
            self.detail.setText(self._edge_html(*self._hover))
        else:
            text = self.tr("Point at a neuron or an edge. Click an edge to change its weight.")
            if self.article is not None:
                text += "<br><br>" + self.tr(
                    "Names in Mazur's article: inputs i1, i2 (layer 1), hidden h1, h2 (layer 2), "
                    "outputs o1, o2 (layer 3); weights w1…w4 are Θ(1), w5…w8 are Θ(2), biases "
                    "b1, b2 are their column j = 0; net = z, out = a, E_total = J.")
            self.detail.setText(text)
        self.loss.setText(self._loss_html())

    def _neuron_html(self, layer: int, k: int) -> str:
        st = self._trace.state_at(self._cursor)
        a = self.article
        name = f"{a.unit_prefixes.get(layer, '')}{k}" if a is not None else ""
        if k == 0:
            head = self.tr("Bias unit “+1” of layer {l}").replace("{l}", str(layer))
            return f"<b>{head}</b><br>a{sub(0)}({layer}) = 1 " + self.tr(
                "always: it multiplies the bias weights, column j = 0 of Θ({l}).").replace(
                "{l}", str(layer))
        head = self.tr("Neuron {k} of layer {l}").replace("{k}", str(k)).replace(
            "{l}", str(layer))
        if name:
            head += f" ({name})"
        rows = []
        for sym, values, mazur in (("z", st.z, "net"), ("a", st.a, "out"), ("d", st.d, None)):
            v = values.get(layer)
            label = f"{sym}{sub(k)}({layer})"
            if name and mazur:
                label += f" = {mazur}_{name}"
            shown = num(v[k - 1]) if v is not None else self.tr("not computed yet")
            rows.append(f"{label} = {shown}")
        return f"<b>{head}</b><br>" + "<br>".join(rows)

    def _edge_html(self, l: int, i: int, j: int) -> str:
        st = self._trace.state_at(self._cursor)
        src = self.tr("the bias unit +1") if j == 0 else self.tr("neuron {j} of layer {l}") \
            .replace("{j}", str(j)).replace("{l}", str(l))
        head = self.tr("Weight Θ({l}){ij}: from {src} to neuron {i} of layer {n}").replace(
            "{l}", str(l)).replace("{ij}", sub(i + 1) + sub(j)).replace("{src}", src).replace(
            "{i}", str(i + 1)).replace("{n}", str(l + 1))
        name = self.article.weight_name(l, i, j) if self.article is not None else None
        rows = [f"Θ({l}){sub(i + 1)}{sub(j)}" + (f" = {name}" if name else "")
                + f" = {num(st.Theta[l][i, j])}"]
        if not np.array_equal(st.Theta[l], self._trace.thetas[l - 1]):
            after = self.tr("(after the update; before it: {v})").replace(
                "{v}", num(self._trace.thetas[l - 1][i, j]))
            rows[0] += " " + after
        contribution = self._contribution(l, i, j)
        if contribution is not None:
            rows.append(self.tr("contribution d{i}({n})·a{j}({l}) = {v}")
                        .replace("{i}", sub(i + 1)).replace("{n}", str(l + 1))
                        .replace("{j}", sub(j)).replace("{l}", str(l))
                        .replace("{v}", num(contribution)))
        D = st.D.get(l)
        rows.append(f"D({l}){sub(i + 1)}{sub(j)} = ∂J/∂Θ = " + (
            num(D[i, j]) if D is not None else self.tr("not computed yet")))
        if D is not None:
            rows.append(self._check_html(l, i, j, float(D[i, j])))
        hint = self.tr("Click the edge to type a new weight.")
        return f"<b>{head}</b><br>" + "<br>".join(rows) + f"<br><i>{hint}</i>"

    def central_difference(self, l: int, i: int, j: int) -> float:
        """Return (J(θ + ε) − J(θ − ε)) / 2ε for Θ(l)[i, j] around the weights the trace starts
        from: two cost evaluations, kept until the trace changes."""
        key = (id(self._trace), l, i, j)
        if key not in self._checked:
            t = self._trace
            if self._checked.get("trace") is not t:
                self._checked = {"trace": t, "net": network_of(t)}
            self._checked[key] = central_difference(self._checked["net"], t.X, t.Y, l, i, j,
                                                    t.lam, EPSILON, t.lam1)
        return self._checked[key]

    def _check_html(self, l: int, i: int, j: int, D: float) -> str:
        numeric = self.central_difference(l, i, j)
        rel = float(relative_difference(D, numeric))
        ok = rel < AGREEMENT
        verdict = (self.tr("✓ agree: the backprop is right") if ok else
                   "<b>" + self.tr("✗ disagree: D is wrong here") + "</b>")
        line = self.tr("Gradient check, ε = 10⁻⁴: (J(θ+ε) − J(θ−ε))/2ε = {n}; relative "
                       "difference {r} {verdict}").replace(
            "{n}", num(numeric)).replace("{r}", exponent(rel)).replace("{verdict}", verdict)
        return line

    def _contribution(self, l: int, i: int, j: int) -> float | None:
        """Return the latest example's d_i(l+1)·a_j(l) from its accumulate record, once done."""
        # Backwards: with several examples the contribution shown is the newest one.
        for step in reversed(self._trace.steps[: self._cursor + 1]):
            if step.phase is Phase.ACCUMULATE and step.layer == l:
                return float(step.payload.outer[i, j])
        return None

    def _loss_html(self) -> str:
        t = self._trace
        before = self.tr("J before the update: {v}").replace("{v}", num(t.J_before))
        done = self._cursor == len(t) - 1
        after_v = num(t.J_after) if done else self.tr("shown after the last update step")
        after = self.tr("J after the update: {v}").replace("{v}", after_v)
        tip = self.tr("The cost J of this example with the weights before and after this "
                      "step's gradient-descent update.")
        html = f"<b>{before}</b><br>{after}"
        article = self._updated_article() if done else None
        if article is not None:
            # Short under the numbers (the inspector is narrow); the reason in full on hover.
            short = self.tr("Mazur's article prints {printed}: its script used w5…w8 already "
                            "updated.").replace(
                "{printed}", QLocale().toString(article.printed_J_after, "f", 9))
            html += f"<br><i>{short}</i>"
            tip += "\n\n" + self.article_note(article)
        self.loss.setToolTip(tip)
        return html

    def _updated_article(self) -> Article | None:
        t = self._trace
        return article_update(t.thetas, t.X, t.Y, t.lr, t.lam, t.freeze_bias)

    def article_note(self, article: Article) -> str:
        """Return the note that sets the article's printed J after the update beside ours."""
        loc = QLocale()
        return self.tr(
            "Mazur's article prints E_total = {printed} after this update. Its script "
            "computed the hidden errors with w5…w8 already updated; updating every weight "
            "from the same old weights, as the algorithm says, gives {ours}.").replace(
            "{printed}", loc.toString(article.printed_J_after, "f", 9)).replace(
            "{ours}", loc.toString(self._trace.J_after, "f", 9))


MAX_WEIGHT = 1e6   # larger weights saturate every unit they feed: nothing left to see


class WeightEditor(QDialog):
    """Ask for a new value of Θ(l)[i, j]: a finite number typed in the user's locale; or, with
    its Chain rule button, ask for the chain rule of that weight (``chain_rule_requested``)."""

    chain_rule_requested = Signal(int, int, int)

    def __init__(self, l: int, i: int, j: int, value: float, parent: QWidget | None = None,
                 mazur_name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightEditor")
        self._where = (l, i, j)
        self._mazur = mazur_name
        self.label = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("weightEdit")
        validator = QDoubleValidator(-MAX_WEIGHT, MAX_WEIGHT, 12, self.edit)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        validator.setLocale(QLocale())
        self.edit.setValidator(validator)
        self.edit.setText(QLocale().toString(float(value), "g", 12))
        self.edit.selectAll()
        self.error = QLabel(self)
        self.error.setObjectName("weightError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.chain_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.chain_button.setObjectName("chainRuleButton")
        self.chain_button.clicked.connect(self._on_chain_button_clicked)
        layout = QVBoxLayout(self)
        for w in (self.label, self.edit, self.error, self.buttons):
            layout.addWidget(w)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        l, i, j = self._where
        self.setWindowTitle(self.tr("Change a weight"))
        self.chain_button.setText(self.tr("Chain rule…"))
        self.chain_button.setToolTip(self.tr("Show how this weight reaches J: the chain rule "
                                             "multiplied out to D, and J along this weight"))
        text = self.tr("New value of Θ({l}){ij}").replace("{l}", str(l)).replace(
            "{ij}", sub(i + 1) + sub(j))
        if self._mazur:
            text += f" ({self._mazur})"
        self.label.setText(text + ":")
        self.edit.setToolTip(self.tr("Type a number, e.g. {x}. The whole trace is recomputed "
                                     "with the new weight.").replace(
            "{x}", QLocale().toString(0.25)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _typed(self) -> float | None:
        value, ok = QLocale().toDouble(self.edit.text().strip())
        return float(value) if ok and np.isfinite(value) else None

    def value(self) -> float | None:
        """Return the typed number, or None if it is not a number in this locale or lies
        outside ±MAX_WEIGHT."""
        value = self._typed()
        return value if value is not None and abs(value) <= MAX_WEIGHT else None

    def _on_chain_button_clicked(self) -> None:
        self.reject()
        self.chain_rule_requested.emit(*self._where)

    def _on_buttons_accepted(self) -> None:
        if self._typed() is None:
            self.error.setText(self.tr("“{t}” is not a number. Example: {x}").replace(
                "{t}", self.edit.text()).replace("{x}", QLocale().toString(-0.35)))
            return
        if self.value() is None:
            limit = QLocale().toString(MAX_WEIGHT, "f", 0)
            self.error.setText(self.tr("“{t}” is too large: a weight must lie between −{m} "
                                       "and {m}.").replace("{t}", self.edit.text())
                               .replace("{m}", limit))
            return
        self.accept()
