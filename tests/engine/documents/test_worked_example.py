"""Worked-example documents: Mazur's published numbers appear, every step is there, HTML stands
alone."""

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


@pytest.fixture(scope="module")
def trace():
    p = mazur()
    net = Network.from_thetas(p.thetas, p.activation, p.output, p.loss)
    return net.trace(p.X, p.Y, lam=0.0, lr=p.lr, freeze_bias=p.freeze_bias)


# From Mazur, "A Step by Step Backpropagation Example" (2015): net_h1, out_h1, out_o1, E_total,
# and the updated weights w5+..w8+, w1+..w4+ (printed there to 8-9 significant digits).
MAZUR = ["0.3775", "0.593269992", "0.75136507", "0.298371109",
         "0.35891648", "0.408666186", "0.51130127", "0.561370121",
         "0.149780716", "0.19956143", "0.24975114", "0.29950229"]


@pytest.mark.parametrize("render", [worked_example_markdown, worked_example_html])
def test_document_shows_mazurs_published_numbers(trace, render):
    shown = [float(x) for x in re.findall(r"\d+\.\d+", render(trace))]
    for number in MAZUR:
        # Mazur rounds to his last digit; the document shows 9 significant digits.
        tolerance = 0.5 * 10.0 ** -len(number.split(".")[1]) + 1e-12
        assert any(abs(v - float(number)) <= tolerance for v in shown), number


def test_markdown_has_one_heading_per_micro_step(trace):
    md = worked_example_markdown(trace)
    assert md.count("\n### ") == len(trace)
    for step in trace:
        assert f"`{step.equation}`" in md


def test_markdown_writes_the_weighted_sum_term_by_term(trace):
    md = worked_example_markdown(trace)
    assert "z₁(2) = 0.35·1 + 0.15·0.05 + 0.2·0.1 = 0.3775" in md
    # Mazur's w5+: 0.40 − 0.5 · 0.082167041
    assert "Θ₁₁(2) := 0.4 − 0.5·0.0821670406 = 0.35891648" in md


def test_frozen_bias_is_said_not_computed(trace):
    md = worked_example_markdown(trace)
    assert "Θ₁₀(2) = 0.6 (bias, frozen)" in md


class _Checker(HTMLParser):
    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.external, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.external += [v for k, v in attrs if k in ("src", "href") and v and ":" in v]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def test_html_is_well_formed_self_contained_and_printable(trace):
    page = worked_example_html(trace)
    checker = _Checker()
    checker.feed(page)
    assert checker.stack == [] and checker.external == [] and checker.scripts == 0
    assert "<style>" in page and "@media print" in page
    assert page.count('class="step"') == len(trace)


def test_html_escapes_the_title(trace):
    page = worked_example_html(trace, title="<b>Aula 3</b> & co")
    assert "&lt;b&gt;Aula 3&lt;/b&gt; &amp; co" in page and "<b>Aula" not in page


def test_portuguese_document_uses_portuguese_headings(trace):
    md = worked_example_markdown(trace, lang="pt_BR")
    assert "## Propagação para a frente" in md and "## Forward pass" not in md


@pytest.mark.parametrize("render", [worked_example_markdown, worked_example_html])
def test_portuguese_document_writes_the_equations_words_in_portuguese(trace, render):
    # The app's pt-BR phase line says "para l = 1 .. 2", "[sem a linha do viés]"; the document
    # for the same trace must not fall back to the engine's English words.
    doc = render(trace, lang="pt_BR")
    for pt in ("para l = 1 .. 2", "[sem a linha do viés]", "(coluna de viés fixa)"):
        assert pt in doc
    for en in ("for l = ", "without bias row", "bias column frozen"):
        assert en not in doc
    assert "for l = 1 .. 2" in render(trace, lang="en")


def test_large_layers_show_matrices_without_term_by_term_sums():
    net = Network([64, 32, 10], rng=np.random.default_rng(0))
    X, Y = np.full((1, 64), 0.5), np.eye(10)[[3]]
    md = worked_example_markdown(net.trace(X, Y))
    assert "z₁(2) =" not in md and "| j=64 |" in md


def test_softmax_activation_is_written_as_a_ratio():
    net = Network([2, 3], "sigmoid", "softmax", "cross_entropy", rng=np.random.default_rng(1))
    md = worked_example_markdown(net.trace(np.array([[1.0, 2.0]]), np.array([[0.0, 1.0, 0.0]])))
    assert "/ Σₖ e^z(k)" in md


@pytest.mark.parametrize("suffix,marker", [(".md", "# "), (".html", "<!DOCTYPE html>")])
def test_write_chooses_the_format_by_suffix(trace, tmp_path, suffix, marker):
    path = tmp_path / f"lesson{suffix}"
    write_worked_example(path, trace)
    assert path.read_text(encoding="utf-8").startswith(marker)


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_diagram_explanation_is_page_text_that_wraps_not_svg_text(lang):
    # SVG text does not wrap: under a 2-3 network (290 px wide) the sentence was cut off.
    net = Network([2, 3], rng=np.random.default_rng(1))
    page = worked_example_html(net.trace(np.array([[1.0, 2.0]]), np.array([[0.0, 1.0, 0.0]])),
                               lang=lang)
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "Θ &gt; 0" not in svg and "Θ > 0" not in svg
    assert re.search(r'<p class="cap">[^<]*Θ &gt; 0', page)


@pytest.mark.parametrize("render", [worked_example_markdown, worked_example_html])
def test_english_document_writes_lambda_and_alpha_as_the_notes_do(trace, render):
    doc = render(trace, lang="en")
    assert "lam =" not in doc and "lr =" not in doc
    assert "λ = 0" in doc and "α = 0.5" in doc


@pytest.mark.parametrize("render", [worked_example_markdown, worked_example_html])
def test_portuguese_document_translates_the_activation_names(trace, render):
    doc = render(trace, lang="pt_BR")
    # The window's pt-BR catalogue calls the sigmoid "sigmoide" (network controls, phase line).
    assert "g = sigmoide" in doc
    assert "g = sigmoid;" not in doc and "saída = sigmoide" in doc
