"""Numbers in the worked-example documents: decimal comma and "; " between items in pt-BR, the
same values as the English document, which keeps its decimal point and ", "."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pytest

from engine.datasets import mazur
from engine.documents.worked_example import (
    worked_example_html,
    worked_example_markdown,
    write_worked_example,
)
from engine.network import Network

RENDERS = [worked_example_markdown, worked_example_html]

# One number as the documents write it: sign (true minus, or "-" in the figure's tooltips),
# digits, an optional fraction, an optional exponent ("1.5e−08" / "1,5e−08", "3e+12").
EN_NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:e[+−-]\d+)?")
PT_NUMBER = re.compile(r"[−-]?\d+(?:,\d+)?(?:e[+−-]\d+)?")
# A decimal point between digits. The documents hold no version strings, URLs or dates, so in
# the text a reader sees this is exactly "a number written with a decimal point".
DECIMAL_POINT = re.compile(r"\d\.\d")


def _trace(net, X, Y, **kw):
    return net.trace(np.array(X, dtype=float), np.array(Y, dtype=float), **kw)


def _mazur():
    p = mazur()
    net = Network.from_thetas(p.thetas, p.activation, p.output, p.loss)
    return net.trace(p.X, p.Y, lam=0.0, lr=p.lr, freeze_bias=p.freeze_bias)


def _extremes():
    # Tiny, huge and negative weights and inputs (exponents, many integer digits, max(0; z) of
    # ReLU) with λ > 0, so every kind of number the documents write turns up.
    thetas = [np.array([[2.5e-7, -1234.5, 3e12], [-0.5, 1e-3, 2.0]]),
              np.array([[0.1, -0.2, 0.3], [1.5e-4, 0.5, -0.7]])]
    net = Network.from_thetas(thetas, "relu", "sigmoid", "squared_error")
    return _trace(net, [[0.25, -1.5e-8]], [[1, 0]], lam=0.01, lr=1e-5)


def _wide():
    # Eleven inputs: entries with two-digit column indices are written Θ(1)[1,10].
    net = Network([11, 1], rng=np.random.default_rng(4))
    return _trace(net, [np.linspace(-1, 1, 11)], [[1]], lam=0.5)


TRACES = {"mazur": _mazur, "extremes": _extremes, "wide": _wide}


@pytest.fixture(scope="module", params=sorted(TRACES))
def trace(request):
    return TRACES[request.param]()


class _VisibleText(HTMLParser):
    """Collect the text a reader of the page sees (the figure's tooltips included), leaving out
    the style sheet and attribute values such as SVG coordinates, which use SVG's own syntax."""

    def __init__(self):
        super().__init__()
        self.parts, self._in_style = [], False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.parts.append(data)


def _text(render, trace, lang):
    doc = render(trace, lang=lang)
    if render is worked_example_html:
        parser = _VisibleText()
        parser.feed(doc)
        return "\n".join(parser.parts)
    return doc


def _values(pattern: re.Pattern, text: str, decimal: str) -> list[float]:
    return [float(s.replace("−", "-").replace(decimal, "."))
            for s in pattern.findall(text)]


@pytest.mark.parametrize("render", RENDERS)
def test_portuguese_document_writes_no_number_with_a_decimal_point(trace, render):
    text = _text(render, trace, "pt_BR")
    assert DECIMAL_POINT.findall(text) == []
    assert re.search(r"\d,\d", text)


@pytest.mark.parametrize("render", RENDERS)
def test_portuguese_numbers_are_the_english_numbers(trace, render):
    en = _values(EN_NUMBER, _text(render, trace, "en"), ".")
    pt = _values(PT_NUMBER, _text(render, trace, "pt_BR"), ",")
    assert len(en) > 100
    # Same numbers in the same order; NaN (J after a diverged update) equals itself here.
    assert np.array_equal(en, pt, equal_nan=True)


def test_html_tooltips_and_style_are_left_out_of_the_visible_text_correctly():
    # The check above must see the figure's tooltips but not the CSS's "line-height:1.45".
    page = worked_example_html(_mazur(), lang="pt_BR")
    text = _text(worked_example_html, _mazur(), "pt_BR")
    assert "1.45" in page and "1.45" not in text
    assert "Θ(2)[1; 2] = 0,45" in text


# Mazur (2015), printed to 8-9 significant digits: net_h1, out_h1, out_o1, E_total and the
# updated weights w5+, w1+.
MAZUR_PT = ["0,3775", "0,593269992", "0,75136507", "0,298371109", "0,35891648", "0,149780716"]


@pytest.mark.parametrize("render", RENDERS)
def test_portuguese_document_shows_mazurs_numbers_with_a_decimal_comma(render):
    shown = _values(PT_NUMBER, _text(render, _mazur(), "pt_BR"), ",")
    for number in MAZUR_PT:
        # Mazur rounds to his last digit; the document shows 9 significant digits.
        tolerance = 0.5 * 10.0 ** -len(number.split(",")[1]) + 1e-12
        assert any(abs(v - float(number.replace(",", "."))) <= tolerance for v in shown), number


def test_portuguese_lists_are_separated_by_semicolons():
    md = worked_example_markdown(_mazur(), lang="pt_BR")
    assert "- x = [0,05; 0,1]" in md and "- y = [0,01; 0,99]" in md
    assert "α = 0,5; λ = 0; m = 1" in md
    # ", " between two numbers would read as one more decimal comma.
    assert re.findall(r"\d, [−-]?\d", md) == []


def test_english_lists_keep_commas_and_decimal_points():
    md = worked_example_markdown(_mazur(), lang="en")
    assert "- x = [0.05, 0.1]" in md and "- y = [0.01, 0.99]" in md
    assert "α = 0.5, λ = 0, m = 1" in md


@pytest.mark.parametrize("lang,max_relu,pair", [("en", "max(0, −45308.625)", "D(1)[1,10] ="),
                                                ("pt_BR", "max(0; −45308,625)", "D(1)[1; 10] =")])
def test_function_arguments_and_entry_indices_follow_the_list_separator(lang, max_relu, pair):
    # z₁(2) = 2.5e-7 + (−1234.5)(0.25) + 3e12(−1.5e-8) = −308.625 − 45000 = −45308.625
    assert max_relu in worked_example_markdown(_extremes(), lang=lang)
    assert pair in worked_example_markdown(_wide(), lang=lang)


@pytest.mark.parametrize("lang,expected", [("en", "−1.5e−08"), ("pt_BR", "−1,5e−08")])
def test_scientific_notation_keeps_its_exponent_and_changes_only_the_separator(lang, expected):
    md = worked_example_markdown(_extremes(), lang=lang)
    assert f"- x = [0{'.' if lang == 'en' else ','}25" in md and expected in md


def test_markdown_table_rows_keep_their_cells_in_portuguese():
    # A comma or semicolon inside a cell must not change how a pipe table splits.
    md = worked_example_markdown(_mazur(), lang="pt_BR")
    rows = [r.strip() for r in md.splitlines() if r.strip().startswith("|")]
    assert rows
    assert all(r.count("|") == 4 for r in rows)     # three columns j = 0, 1, 2
    assert "| 0,35 | 0,15 | 0,2 |" in md


def test_portuguese_document_names_the_recorded_values_in_portuguese():
    md = worked_example_markdown(_mazur(), lang="pt_BR")
    assert "- perda = 0,298371109" in md and "- λ = 0" in md and "- α = 0,5" in md
    assert "- loss =" not in md and "- lam =" not in md


@pytest.mark.parametrize("lang", ["pt_BR", "pt-BR", "pt"])
def test_every_spelling_of_portuguese_gets_the_decimal_comma(tmp_path, lang):
    path = tmp_path / "exemplo.md"
    write_worked_example(path, _mazur(), lang=lang)
    text = path.read_text(encoding="utf-8")
    assert "0,298371109" in text and DECIMAL_POINT.search(text) is None


def test_gradient_lines_add_the_l1_term_off_the_bias_column():
    rng = np.random.default_rng(4)
    net = Network([2, 2, 1], "tanh", rng=rng)
    X, Y = rng.normal(size=(3, 2)), np.array([[1.0], [0.0], [1.0]])
    trace = net.trace(X, Y, lam=0.5, lr=0.1, lam1=0.25)
    text = worked_example_markdown(trace)
    assert "λ₂ = 0.5, λ₁ = 0.25" in text         # the equation's names for both
    # D(l)ᵢⱼ = (1/m)(Δ + λθ + λ₁ sign θ) for j ≥ 1, with sign θ written as the ±1 it is.
    lines = [line for line in text.splitlines() if "= (1/3)·(" in line]
    for l, theta in enumerate(trace.thetas, start=1):
        for (i, j), value in np.ndenumerate(np.asarray(theta)):
            line = next(s for s in lines
                        if s.startswith(f"D{'₀₁₂₃'[i + 1]}{'₀₁₂₃'[j]}({l}) = "))
            sign = "1" if value > 0 else "(−1)"
            assert (f"+ 0.25·{sign}) = " in line) == (j >= 1), line
