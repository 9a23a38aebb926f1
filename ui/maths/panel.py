"""The math panel: the current step's equation with numbers, and heat-map tables of its layer.

Left: the equation in the notes' notation with the actual numbers and shapes (see
``ui.maths.equations``). Right: Θ(k), Δ(k), D(k) and the vectors a, z, d of layers k and k+1 for
the Θ the step is about, each cell coloured by value (blue +, orange −), the bias column j = 0
and the bias unit "+1" marked.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QTextOption
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from engine.trace import Phase, Step, Trace, TraceState
from ui.look import palette
from ui.look.theme import current_scale, current_theme
from ui.maths import big_tables, fit
from ui.maths.equations import EquationBuilder
from ui.maths.phase_words import explanation, step_title
from ui.maths.tables import BIAS_BG, labelled, matrix, num, shape_text

TABLE_DIGITS = 4


def _hex(rgba: np.ndarray) -> np.ndarray:
    """Return "#rrggbb" strings for RGBA uint8 rows (shape (..., 4)) of the same leading shape."""
    flat = rgba.reshape(-1, 4)
    out = np.array([f"#{r:02x}{g:02x}{b:02x}" for r, g, b, _ in flat.tolist()], dtype=object)
    return out.reshape(rgba.shape[:-1])


def cell_colour(values: np.ndarray, vmax: float) -> np.ndarray:
    """Return light diverging colours for table cells (black text stays readable)."""
    # 1.6×: the strongest cell reaches ~60% saturation, never the full dark blue.
    return _hex(palette.diverging_rgba(values, 1.6 * vmax if vmax > 0 else 1.0))


_ZERO_TO_ONE = palette.FillScale()


def activation_colour(values: np.ndarray, vmax: float,
                      scale: palette.FillScale = _ZERO_TO_ONE) -> np.ndarray:
    """Return the colours of activations of a layer drawn with ``scale`` on the canvas (purple
    0 … 1, or orange … grey … blue for signed layers such as tanh), light enough for black text;
    ``vmax`` is the largest |a| of the column (used by layers whose scale grows)."""
    limit = max(scale.full, vmax) if scale.grows and np.isfinite(vmax) else scale.full
    if scale.signed:
        return _hex(palette.diverging_rgba(values, 1.6 * limit))
    return _hex(palette.sequential_rgba(values, 0.0, 1.7 * limit))


def _trace_fill_scales(trace: Trace) -> list[palette.FillScale]:
    # Without the window's scales: the inputs' range is that of the traced examples.
    return palette.layer_fill_scales(trace.L, trace.activation, trace.output, trace.X)


def focus_layer(step: Step, L: int) -> int:
    """Return k, the Θ(k) a step is about (its layer's incoming Θ for z/a, Θ(l) for d(l))."""
    l = step.layer
    if step.phase in (Phase.RESET, Phase.INPUT) or l is None:
        return 1
    if step.phase in (Phase.FORWARD_Z, Phase.FORWARD_A, Phase.OUTPUT_DELTA):
        return l - 1
    return min(l, L - 1)


STYLE = """
table.m { border-color: #9a9a9a; }
td.v { color: #000000; }
td.v { font-size: %(cell)spt; }
td.bias { color: #444444; font-size: %(cell)spt; }
td.h { color: %(muted)s; font-size: small; }
td.hb { color: #555555; font-size: small; }
td.lab { font-weight: bold; }
td.shape { color: %(muted)s; font-size: small; }
span.op { font-size: large; font-weight: bold; }
p.eq { font-size: large; font-weight: bold; }
p.title { font-weight: bold; }
p.scalar { font-family: 'DejaVu Sans Mono', monospace; }
p.note { background-color: %(note)s; }
"""


def style_for(theme: palette.Theme, scale: float = 1.0) -> str:
    """Return the panel's style sheet for ``theme``: heat-map cells keep their light fills and
    black text in both themes; captions and notes follow the theme; cell text grows with the
    presenter ``scale``."""
    muted = "#666666" if theme.name == "light" else "#A8ABB0"
    return STYLE % {"muted": muted, "note": theme.note_background,
                    "cell": f"{9.5 * scale:.1f}"}


class MathPanel(QWidget):
    """Show ``trace[index]``: equation with numbers (left) and the layer's heat maps (right)."""

    def __init__(self, trace: Trace, index: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mathPanel")
        self._trace, self._index = trace, index
        self._note = ""       # shown instead of the step while its numbers would be stale
        self._look = (current_theme(), current_scale())
        self._equation = QTextBrowser(self)
        self._equation.setObjectName("mathEquation")
        self._tables = QTextBrowser(self)
        self._tables.setObjectName("mathTables")
        font = QFont(self.font())
        font.setPointSizeF(max(10.5, font.pointSizeF()))
        for browser in (self._equation, self._tables):
            browser.setFont(font)
            browser.setOpenExternalLinks(False)
            # Never break inside a number: Qt's nested tables otherwise split "0.1385" in two.
            browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
            browser.document().setDefaultStyleSheet(style_for(current_theme(), current_scale()))
            # A scroll bar that comes and goes makes Qt lay the document out two or three times
            # (the width changes with it): on the digits preset that was ~90 ms of each key.
            browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._equation)
        splitter.addWidget(self._tables)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([660, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._fill_scales = _trace_fill_scales(trace)
        self._builder = EquationBuilder(cell_colour, self._activation_colour)
        self._focus = (0, -1)    # the unit focused on the canvas: big layers show its row
        # id(browser) → (HTML, font size, style) it holds, to skip repeats
        self._shown: dict[int, tuple[str, float, str]] = {}
        self._levels: dict[int, fit.Level] = {}   # id(browser) → the level its page needed
        self._ruler = fit.Ruler()
        self._start_level: dict[tuple, int] = {}   # (browser, kind, width, scale) → level
        self.retranslate()

    def retranslate(self) -> None:
        """Set the tooltips and rebuild the texts in the current language."""
        self._equation.setToolTip(self.tr(
            "The current micro-step in the notes' notation, with this example's numbers. "
            "Shapes are written under each matrix and vector."))
        self._tables.setToolTip(self.tr(
            "Heat maps of the layer this step is about: blue cells are positive, orange "
            "negative; the column j = 0, headed in yellow, holds the bias weights, and the "
            "yellow row “+1” is the bias unit."))
        self._equation.setStatusTip(self._equation.toolTip())
        self._tables.setStatusTip(self._tables.toolTip())
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange):
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: palette.Theme) -> None:
        """Redraw with ``theme``'s captions and note colours (called by ui.look.theme)."""
        self._look = (theme, self._look[1])
        self._restyle()

    def set_scale(self, factor: float) -> None:
        """Redraw with table cells ``factor`` times larger (presenter mode, from ui.look.theme)."""
        self._look = (self._look[0], factor)
        self._restyle()

    def _restyle(self) -> None:
        self._shown.clear()      # the same HTML must be laid out again in the new style
        self._render()

    def show_step(self, trace: Trace, index: int,
                  fill_scales: list[palette.FillScale] | None = None) -> None:
        """Show step ``index`` of ``trace``; activations are coloured by ``fill_scales`` (one
        per layer, as the canvas fills its neurons; default: the traced examples' input range)."""
        self._trace, self._index, self._note = trace, index, ""
        self._fill_scales = list(fill_scales) if fill_scales is not None \
            else _trace_fill_scales(trace)
        self._render()

    def set_focus(self, layer: int, k: int) -> None:
        """Show the weights of unit k of ``layer`` (clicked on the canvas) in the tables of big
        layers; (0, -1): none."""
        self._focus = (int(layer), int(k))
        self._show_tables()

    def _set(self, browser: QTextBrowser, text: str, level: fit.Level = fit.LEVELS[0]) -> None:
        """Give ``browser`` the HTML ``text`` in ``level``'s type unless it holds it already
        (laying out a table of a big layer costs milliseconds; many steps leave one side
        unchanged)."""
        font = fit.shrunk_font(browser, level.shrink)
        style = style_for(self._look[0], self._look[1] * level.shrink)
        key = (text, font.pointSizeF(), style)
        if self._shown.get(id(browser)) == key:
            return
        self._shown[id(browser)] = key
        doc = browser.document()
        # setDefaultFont lays the old page out again even when the font is the same: on digits
        # that was a second full layout (~20 ms) of every key. Only a new look empties the page
        # first, so that the old one is not laid out in it for nothing.
        if doc.defaultFont() != font or doc.defaultStyleSheet() != style:
            doc.clear()
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(style)
        browser.setHtml(text)

    def _fit(self, browser: QTextBrowser, build: fit.Build, kind: tuple = ()) -> None:
        """Show the page ``build`` makes at the first of ``fit.LEVELS`` that fits ``browser``'s
        width (packed lines, then smaller type: a projector audience cannot scroll sideways).

        Pages of one ``kind`` (phase and layer) have one shape: the level the last one needed
        at this width is tried first, so stepping costs one layout, not one per level."""
        key = (id(browser), kind, browser.viewport().width(), self._look[1])
        start = self._start_level.get(key, 0) if kind else 0
        for n, level in enumerate(fit.LEVELS[start:], start):
            if self._look[1] * level.shrink < fit.SMALLEST - 1e-9:
                break           # never below 85 % of the normal size: scrolling is better
            if level.packed:
                self._ruler.set_look(fit.shrunk_font(browser, level.shrink),
                                     style_for(self._look[0], self._look[1] * level.shrink))
                margin = browser.document().documentMargin()
                self._builder.budget = browser.viewport().width() - 2 * margin - 2
                self._builder.measure = self._ruler.width
            try:
                text = build(level)
            finally:
                self._builder.budget = self._builder.measure = None
            self._set(browser, text, level)
            self._levels[id(browser)] = level
            if kind:
                self._start_level[key] = n
            if fit.fits(browser):
                return

    def fit_level(self, which: str) -> fit.Level:
        """Return the level the page of ``which`` ("equation" or "tables") is shown at."""
        browser = self._equation if which == "equation" else self._tables
        return self._levels.get(id(browser), fit.LEVELS[0])

    def _show_tables(self) -> None:
        step, st = self._trace[self._index], self._trace.state_at(self._index)
        self._fit(self._tables, lambda level: self._tables_html(step, st, level),
                  (step.phase, step.layer, self._focus))

    def _big(self, k: int) -> bool:
        thetas = self._trace.thetas
        return big_tables.is_big([thetas[0].shape[1] - 1, *(t.shape[0] for t in thetas)], k)

    def _activation_colour(self, values: np.ndarray, vmax: float, layer: int) -> np.ndarray:
        scales = self._fill_scales
        scale = scales[layer - 1] if 1 <= layer <= len(scales) else _ZERO_TO_ONE
        return activation_colour(values, vmax, scale)

    def equation_text(self) -> str:
        """Return the equation side as plain text (what a test or screen reader reads)."""
        self._catch_up()
        return self._equation.toPlainText()

    def tables_text(self) -> str:
        """Return the heat-map side as plain text."""
        self._catch_up()
        return self._tables.toPlainText()

    def _put_away(self) -> bool:
        # Hidden on purpose (the Train task): laying out text nobody sees would only slow the
        # keys down; the panel catches up when it is shown again.
        return (self.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
                and self.testAttribute(Qt.WidgetAttribute.WA_WState_Hidden))

    def _catch_up(self) -> None:
        if getattr(self, "_behind", False):
            self._behind = False
            self._render()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._catch_up()
        super().showEvent(event)

    # --- rendering ----------------------------------------------------------------------------
    def show_note(self, text: str) -> None:
        """Show ``text`` instead of the step until the next ``show_step`` (while training
        replaces the weights, no number of older weights may stay on screen)."""
        self._note = text
        self._render()

    def _render(self) -> None:
        if self._put_away():
            self._behind = True
            return
        if self._note:
            self._set(self._equation, f'<p class="title">{html.escape(self._note)}</p>')
            self._set(self._tables, "")
            return
        step = self._trace[self._index]
        prev = self._trace.state_at(self._index - 1) if self._index > 0 else None
        where = self.tr("Step {i} of {n}").replace("{i}", str(step.index + 1)).replace(
            "{n}", str(len(self._trace)))
        head = f'<p class="title">{where} — {step_title(step)}</p>'
        foot = f'<p>{explanation(step, self._trace)}</p>'
        self._fit(self._equation,
                  lambda level: head + self._builder.html(step, self._trace, prev) + foot,
                  (step.phase, step.layer))
        self._show_tables()

    def _tables_html(self, step: Step, st: TraceState, level: fit.Level = fit.LEVELS[0]) -> str:
        k = focus_layer(step, self._trace.L)
        title = self.tr("Θ({k}) and the layers it joins, {k} → {n}").replace(
            "{k}", str(k)).replace("{n}", str(k + 1))
        parts = [f'<p class="title">{title}</p>']
        mats = [("Θ", st.Theta.get(k)), ("Δ", st.Delta.get(k)), ("D", st.D.get(k))]
        cells = []
        for name, M in mats:
            if M is None:
                continue
            # About 72 px per number (at the size drawn): as many per row as the width holds.
            px = 72 * self._look[1] * level.shrink
            wrap = max(3, min(10, int(self._tables.viewport().width() // px)))
            body = (big_tables.matrix_html(name, k, M, self._focus, cell_colour, TABLE_DIGITS,
                                           wrap) if self._big(k)
                    else matrix(M, digits=TABLE_DIGITS, colour=cell_colour))
            cells.append(f'<td valign="top">{labelled(f"{name}({k})", body, shape_text(M))}</td>')
        # As many per row as the panel's width allows (one when it is squeezed by docks).
        per = 1 if level.packed else self._tables_per_row()
        grid = "".join(f"<tr>{''.join(cells[r:r + per])}</tr>"
                       for r in range(0, len(cells), per))
        parts.append(f'<table cellspacing="8">{grid}</table>')
        vecs = [f'<td valign="top">{self._layer_table(layer, st)}</td>' for layer in (k, k + 1)]
        rows = "".join(f"<tr>{''.join(vecs[r:r + per])}</tr>" for r in range(0, 2, per))
        parts.append(f'<table cellspacing="8">{rows}</table>')
        legend = self.tr("Yellow: the bias unit “+1” and its weights, column j = 0. Blue cells are "
                         "positive, orange negative, stronger colour = larger size within the "
                         "table; activations a are coloured as their neurons are filled. "
                         "Blank: not computed yet.")
        parts.append(f'<p class="note">{legend}</p>')
        return "".join(parts)

    def _tables_per_row(self) -> int:
        # About 270 px per table at the size drawn (presenter mode draws them larger).
        width = self._tables.viewport().width()
        return max(1, min(3, int(width // (270 * self._look[1]))))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        per = self._tables_per_row()
        # Fitted pages are fitted again: the new width may hold more (or less) per line.
        refit = any(not fit.fits(b) or self._levels.get(id(b), fit.LEVELS[0]) != fit.LEVELS[0]
                    for b in (self._equation, self._tables))
        if per != getattr(self, "_per_row", None) or refit:
            self._per_row = per
            if not self._put_away():
                self._render()

    def _layer_table(self, layer: int, st: TraceState) -> str:
        """Return the table of layer ``layer``: rows +1, 1..s(l); columns a, z, d."""
        n = self._trace.thetas[layer - 1].shape[1] - 1 if layer < self._trace.L else \
            self._trace.thetas[-1].shape[0]
        cols = [("a", st.a.get(layer)), ("z", st.z.get(layer)), ("d", st.d.get(layer))]
        if big_tables.is_wide(n, layer == 1):
            return big_tables.layer_html(layer, cols, self._focus, TABLE_DIGITS)
        head = "".join(f'<td class="h" align="center">{c}({layer})</td>' for c, _ in cols)
        rows = [f'<tr><td class="h"></td>{head}</tr>']
        if layer < self._trace.L:
            rows.append(f'<tr><td class="hb" bgcolor="{BIAS_BG}">+1</td><td class="bias" '
                        f'bgcolor="{BIAS_BG}" align="right">1</td><td></td><td></td></tr>')
        shown = min(n, 8)
        for i in range(shown):
            cells = []
            for c, v in cols:
                if v is None:
                    cells.append("<td></td>")
                    continue
                vmax = float(np.max(np.abs(v))) if v.size else 0.0
                bg = (self._activation_colour(v[i:i + 1], vmax, layer) if c == "a"
                      else cell_colour(v[i:i + 1], vmax))[0]
                cells.append(f'<td class="v" align="right" bgcolor="{bg}">'
                             f'{num(v[i], TABLE_DIGITS)}</td>')
            rows.append(f'<tr><td class="h">{i + 1}</td>{"".join(cells)}</tr>')
        if n > shown:
            rows.append(f'<tr><td class="h">…</td><td colspan="3">'
                        f'{self.tr("{n} neurons in all").replace("{n}", str(n))}</td></tr>')
        title = self.tr("Layer {l}").replace("{l}", str(layer))
        return (f'<p class="title">{title}</p><table class="m" border="1" cellspacing="0" '
                f'cellpadding="3">{"".join(rows)}</table>')
