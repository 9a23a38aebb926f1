"""The chain rule of one weight: the path θ → z → a → … → J drawn as a small graph, each node
with its value and each edge with its local derivative, multiplied out to D; and the loss slice,
J along that weight alone, with its tangent of slope D.

The numbers come from engine/chain_rule.py for the examples and weights the step-through plays
(the trace), so the d values on the graph are the trace's d(l) and the product is its D.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.chain_rule import ChainRule, LossSlice, chain_rule, loss_slice
from engine.gradient_check import network_of
from engine.lesson.presets import article_for
from engine.trace import Trace
from ui.look import theme as themes
from ui.look.palette import NEGATIVE_HEX, POSITIVE_HEX, qcolor
from ui.maths.tables import num, sub

MAX_BRANCHES = 6        # next-layer units drawn; the rest are summed into "…"


class ChainGraph(QWidget):
    """Draw one example's chain: boxes for the nodes (name over value), arrows labelled with
    the local derivatives; a hidden unit's paths fan out through the next layer and meet at J."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainRuleGraph")
        self.setMinimumSize(620, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.nodes: list[tuple[str, str]] = []           # (name, value) left to right
        self.edges: list[str] = []                       # label of the arrow into node k + 1
        self.branches: list[tuple[str, str]] = []        # (name, value) fanned out before J
        self.fan_label = ""                              # the label of the arrows into the fan

    def set_chain(self, nodes: list[tuple[str, str]], edges: list[str],
                  branches: list[tuple[str, str]], fan_label: str = "") -> None:
        """Show ``nodes`` joined by ``edges``; ``branches`` fan out between the last two."""
        self.nodes, self.edges, self.branches = nodes, edges, branches
        self.fan_label = fan_label
        self.update()

    def sizeHint(self):  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        hint.setHeight(int(QFontMetricsF(self.font()).height() * (7 + 2.4 * len(self.branches))))
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if not self.nodes:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        columns = len(self.nodes) + (1 if self.branches else 0)
        slot = self.width() / columns
        texts = [t for node in self.nodes + self.branches for t in node] + [
            part for e in (*self.edges, self.fan_label) for part in e.split(" = ", 1)]
        font = QFont(self.font())
        fm = QFontMetricsF(font)
        widest = max(fm.horizontalAdvance(t) for t in texts) + 14
        if widest > slot * 0.9:
            # Presenter mode and long numbers: shrink the graph's text rather than clip it.
            font.setPointSizeF(font.pointSizeF() * max(0.6, slot * 0.9 / widest))
            p.setFont(font)
            fm = QFontMetricsF(font)
        ink = self.palette().windowText().color()
        fill = self.palette().base().color()
        box_w = min(max(fm.horizontalAdvance(t) for t in texts[:2 * (len(self.nodes)
                                                                    + len(self.branches))])
                    + 14, slot * 0.9)
        line = fm.height()
        box_h = line * 2.3
        mid = self.height() / 2 + line * 0.6
        xs = [slot * (k + 0.5) for k in range(columns)]

        def box(x: float, y: float, name: str, value: str, h: float = box_h) -> QRectF:
            r = QRectF(x - box_w / 2, y - h / 2, box_w, h)
            p.setPen(QPen(ink, 1.5))
            p.setBrush(fill)
            p.drawRoundedRect(r, 8, 8)
            p.drawText(QRectF(r.left(), r.top() + 2, r.width(), h / 2),
                       Qt.AlignmentFlag.AlignCenter, name)
            p.drawText(QRectF(r.left(), r.center().y() - 2, r.width(), h / 2),
                       Qt.AlignmentFlag.AlignCenter, value)
            return r

        def arrow(a: QPointF, b: QPointF) -> None:
            p.setPen(QPen(ink, 1.5))
            p.drawLine(a, b)
            v = b - a
            length = max((v.x() ** 2 + v.y() ** 2) ** 0.5, 1e-9)
            ux, uy = v.x() / length, v.y() / length
            for s in (1, -1):
                p.drawLine(b, QPointF(b.x() - 9 * ux + s * 4 * uy, b.y() - 9 * uy - s * 4 * ux))

        def label(x: float, bottom: float, text: str) -> None:
            # Two lines ("∂z/∂θ = a(l)ⱼ" over "= 0.05") centred over the arrow, above the boxes.
            parts = text.split(" = ", 1)
            rows = [parts[0], "= " + parts[1]] if len(parts) == 2 else [text]
            for k, row in enumerate(reversed(rows)):
                p.drawText(QPointF(x - fm.horizontalAdvance(row) / 2,
                                   bottom - k * line), row)

        main = self.nodes
        cols = list(range(len(main) - 1)) + [columns - 1]
        rects = [box(xs[c], mid, *node) for c, node in zip(cols, main, strict=True)]
        p.setPen(QPen(ink))
        for k in range(len(main) - 1):
            if self.branches and k == len(main) - 2:
                break
            arrow(QPointF(rects[k].right(), mid), QPointF(rects[k + 1].left(), mid))
            label((rects[k].right() + rects[k + 1].left()) / 2, mid - box_h / 2 - 6,
                  self.edges[k])
        if self.branches:
            n = len(self.branches)
            step = min(box_h * 1.05, (self.height() - line * 2.5) / n)
            h = min(box_h, step * 0.92)
            src, dst = rects[-2], rects[-1]
            top = mid - (n - 1) / 2 * step
            for k, node in enumerate(self.branches):
                y = top + k * step
                r = box(xs[columns - 2], y, *node, h=h)
                arrow(QPointF(src.right(), mid), QPointF(r.left(), y))
                arrow(QPointF(r.right(), y), QPointF(dst.left(), mid))
            p.setPen(QPen(ink))
            label((src.right() + xs[columns - 2] - box_w / 2) / 2, top - h / 2 - 4,
                  self.fan_label)


class ChainRuleView(QDialog):
    """The chain rule of Θ(l)[i, j] on the step-through's examples, and its loss slice."""

    def __init__(self, trace: Trace, l: int, i: int, j: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainRuleView")
        self.where = (l, i, j)
        self.rule: ChainRule | None = None
        self.slice: LossSlice | None = None
        self._trace = trace
        self.example = QSpinBox(self)
        self.example.setObjectName("chainRuleExample")
        self.example.valueChanged.connect(self._on_example_value_changed)
        self.example_label = QLabel(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("chainRuleHeading")
        self.heading.setWordWrap(True)
        self.graph = ChainGraph(self)
        self.product = QLabel(self)
        self.product.setObjectName("chainRuleProduct")
        self.product.setWordWrap(True)
        self.product.setTextFormat(Qt.TextFormat.RichText)
        self.product.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("lossSlicePlot")
        self.plot.setMinimumHeight(180)
        themes.follow(self)       # through bound methods: Qt disconnects them when we go
        for side in ("left", "bottom"):        # J's own digits, not "×0.001"
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.curve = self.plot.plot(pen=pg.mkPen(qcolor(POSITIVE_HEX), width=2))
        self.tangent = self.plot.plot(pen=pg.mkPen(qcolor(NEGATIVE_HEX), width=2,
                                                   style=Qt.PenStyle.DashLine))
        self.centre = self.plot.plot(symbol="o", symbolSize=9, pen=None,
                                     symbolBrush=qcolor(NEGATIVE_HEX))
        self.slice_note = QLabel(self)
        self.slice_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        pick = QHBoxLayout()
        pick.addWidget(self.example_label)
        pick.addWidget(self.example)
        pick.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(pick)
        layout.addWidget(self.graph)
        layout.addWidget(self.product)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.slice_note)
        layout.addWidget(buttons)
        self.resize(820, 720)
        self.set_trace(trace)

    # --- model ----------------------------------------------------------------------------------
    def set_trace(self, trace: Trace) -> None:
        """Recompute the chain and the slice for ``trace`` (its weights before the update)."""
        self._trace = trace
        l, i, j = self.where
        net = network_of(trace)
        self.rule = chain_rule(net, trace.X, trace.Y, l, i, j, trace.lam, trace.lam1)
        self.slice = loss_slice(net, trace.X, trace.Y, l, i, j, trace.lam, trace.lam1)
        self.example.blockSignals(True)
        self.example.setRange(1, self.rule.m)
        self.example.blockSignals(False)
        self.example.setVisible(self.rule.m > 1)
        self.example_label.setVisible(self.rule.m > 1)
        self.retranslate()

    def step_D(self) -> float:
        """Return the step-through's D(l)ᵢⱼ for this weight."""
        l, i, j = self.where
        return float(self._trace.D[l - 1][i, j])

    # --- texts ----------------------------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        l, i, j = self.where
        return {"theta": f"Θ({l}){sub(i + 1)}{sub(j)}", "z": f"z{sub(i + 1)}({l + 1})",
                "a": f"a{sub(i + 1)}({l + 1})", "d": f"d{sub(i + 1)}({l + 1})",
                "ain": "1" if j == 0 else f"a{sub(j)}({l})"}

    def retranslate(self) -> None:
        """Set every text in the current language (and the numbers in its format)."""
        rule = self.rule
        if rule is None:
            return
        l, i, j = self.where
        n = self._names()
        article = article_for(self._trace.thetas)
        mazur = article.weight_name(l, i, j) if article is not None else None
        title = self.tr("Chain rule of {w}").replace("{w}", n["theta"])
        self.setWindowTitle(title + (f" ({mazur})" if mazur else ""))
        self.heading.setText("<b>" + self.windowTitle() + "</b> — " + self.tr(
            "how this weight reaches J, one local derivative per arrow; their product is "
            "∂loss/∂θ for the example."))
        self.example_label.setText(self.tr("Example t:"))
        path = rule.paths[self.example.value() - 1]
        loss_name = self.tr("loss, example {t}").replace("{t}", str(path.example + 1))
        nodes = [("θ = " + n["theta"], num(rule.theta, 6)), (n["z"], num(path.z, 6))]
        edges = [f"∂z/∂θ = {n['ain']} = {num(path.a_in, 6)}"]
        branches: list[tuple[str, str]] = []
        fan = ""
        if path.g_prime == path.g_prime:         # not NaN: a unit with an elementwise g′
            nodes.append((n["a"], num(path.a, 6)))
            edges.append(f"g′(z) = {num(path.g_prime, 6)}")
            if rule.output_layer:
                edges.append(self.tr("∂loss/∂a = {v}").replace("{v}", num(path.dJ_da, 6)))
            else:
                for k, (t, d) in enumerate(zip(path.theta_next, path.d_next, strict=True)):
                    if k == MAX_BRANCHES:
                        branches.append(("…", ""))
                        break
                    branches.append((f"d{sub(k + 1)}({l + 2}) = {num(d, 4)}",
                                     f"Θ({l + 1}){sub(k + 1)}{sub(i + 1)} = {num(t, 4)}"))
                fan = self.tr("∂loss/∂a = Σₖ Θₖ{i}·dₖ = {v}").replace("{i}", sub(i + 1)).replace(
                    "{v}", num(path.dJ_da, 6))
        else:
            edges.append(f"{n['d']} = a − y = {num(path.d, 6)}")
        nodes.append((loss_name, num(path.loss, 6)))
        self.graph.set_chain(nodes, edges, branches, fan)
        self.product.setText(self._product_html(rule, path))
        self._plot_slice()

    def _product_html(self, rule: ChainRule, path) -> str:
        n = self._names()
        l, i, j = self.where
        lines = []
        if path.g_prime == path.g_prime:
            if rule.output_layer:
                why = self.tr("∂loss/∂a · g′(z) = {d}").replace("{d}", n["d"])
            else:
                why = self.tr("(Σₖ Θ({n})ₖ{i} d({m})ₖ) · g′(z) = {d}, summed over every path "
                              "through layer {m}").replace("{n}", str(l + 1)).replace(
                    "{i}", sub(i + 1)).replace("{m}", str(l + 2)).replace("{d}", n["d"])
            lines.append(f"{why} = {num(path.dJ_da, 6)} · {num(path.g_prime, 6)} = "
                         f"{num(path.d, 9)}")
        lines.append(self.tr("For this example: ∂loss/∂θ = {d} · {a} = {v}").replace(
            "{d}", n["d"]).replace("{a}", n["ain"]).replace(
            "{v}", f"{num(path.d, 9)} · {num(path.a_in, 9)} = {num(path.product, 9)}"))
        m = rule.m
        reg = ""
        if j != 0 and (rule.lam or rule.lam1):
            reg = f" + (λ/m)·θ = … + {num(rule.regularization, 9)}"
        avg = self.tr("Over the m = {m} example(s) of the step-through: D = (1/m) Σₜ {d}·{a}"
                      ).replace("{m}", str(m)).replace("{d}", n["d"]).replace("{a}", n["ain"])
        lines.append(f"<b>{avg}{reg} = {num(rule.D, 9)}</b>")
        same = self.tr("The step-through's D({l}){ij} = {v}; its d values are the d(l) of the "
                       "trace.").replace("{l}", str(l)).replace(
            "{ij}", sub(i + 1) + sub(j)).replace("{v}", num(self.step_D(), 9))
        lines.append(same)
        return "<br>".join(lines)

    def _plot_slice(self) -> None:
        sl, rule = self.slice, self.rule
        if sl is None or rule is None:
            return
        D = self.step_D()
        self.curve.setData(sl.values, sl.costs)
        self.tangent.setData(sl.values, sl.tangent(D))
        self.centre.setData([sl.theta], [sl.J])
        low, high = float(sl.costs.min()), float(sl.costs.max())
        pad = 0.1 * (high - low or 1.0)
        self.plot.setYRange(low - pad, high + pad)
        n = self._names()
        self.plot.setLabel("bottom", n["theta"])
        self.plot.setLabel("left", "J")
        self.slice_note.setText(self.tr(
            "The loss slice: J as a function of {w} alone, every other weight fixed (41 "
            "values). The dashed line is the tangent at the current value: its slope is D = "
            "{D}. D is the slope of J along this weight.").replace("{w}", n["theta"]).replace(
            "{D}", num(D, 6)))

    def set_theme(self, theme) -> None:
        """Draw the slice in ``theme``'s colours."""
        themes.theme_plot(self.plot, theme)

    def set_scale(self, _scale: float) -> None:
        """Follow the presenter scale's font size."""
        themes.scale_plot(self.plot)

    def _on_example_value_changed(self, _value: int) -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange):
            self.retranslate()
        super().changeEvent(event)
