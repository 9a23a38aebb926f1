"""A worked example made with a classic mistake says so and shows the mistaken numbers."""

from __future__ import annotations

import numpy as np

from engine import Network
from engine.documents.worked_example import worked_example_html, worked_example_markdown


def net_and_data():
    rng = np.random.default_rng(1)
    net = Network([2, 2, 1], rng=rng)
    return net, np.array([[0.2, 0.7]]), np.array([[1.0]])


def test_markdown_names_the_mistake_and_shows_the_uphill_update():
    net, X, Y = net_and_data()
    trace = net.trace(X, Y, lr=0.5, mistake="update-uphill")
    text = worked_example_markdown(trace)
    assert "updating uphill (+αD) is switched on: this is NOT backpropagation" in text
    assert "Θ(1) := Θ(1) + αD(1)" in text
    theta, D = net.thetas[0][0, 1], net.gradients(X, Y)[0][0, 1]
    assert f"{theta + 0.5 * D:.9f}"[:8] in text


def test_correct_document_has_no_mistake_note():
    net, X, Y = net_and_data()
    assert "NOT backpropagation" not in worked_example_html(net.trace(X, Y))


def test_html_in_portuguese_names_the_mistake():
    net, X, Y = net_and_data()
    X2, Y2 = np.vstack([X, [[0.9, 0.1]]]), np.vstack([Y, [[0.0]]])   # m = 2: 1/m matters
    html = worked_example_html(net.trace(X2, Y2, mistake="forget-1-over-m"), lang="pt_BR")
    assert 'class="mistake"' in html and "NÃO é retropropagação" in html


def test_forgetting_1_over_m_with_one_example_says_it_changes_nothing():
    net, X, Y = net_and_data()
    html = worked_example_html(net.trace(X, Y, mistake="forget-1-over-m"), lang="pt_BR")
    assert "NÃO é retropropagação" not in html
    assert "Com m = 1 exemplo este erro não muda nenhum número aqui" in html


def test_regularizing_the_bias_with_lambda_zero_says_so_in_both_languages():
    net, X, Y = net_and_data()
    trace = net.trace(X, Y, lam=0.0, mistake="regularize-bias")
    en, pt = worked_example_markdown(trace), worked_example_markdown(trace, lang="pt_BR")
    assert "With λ = 0 this mistake changes no number here: set λ > 0 to see it." in en
    assert "NOT backpropagation" not in en
    assert "Com λ = 0 este erro não muda nenhum número aqui: ponha λ > 0 para vê-lo." in pt
    assert "NÃO é retropropagação" not in pt
    assert "never to the bias column" not in en      # the gradient step says λΘ is there too
    assert "with this mistake to the bias column j = 0 as well" in en


def test_regularizing_the_bias_with_lambda_writes_lambda_theta_on_column_0():
    net, X, Y = net_and_data()
    trace = net.trace(X, Y, lam=0.5, mistake="regularize-bias")
    text = worked_example_markdown(trace)
    assert "NOT backpropagation" in text and "changes no number" not in text
    line = next(x for x in text.splitlines() if x.startswith("D₁₀(1) = "))
    assert f"+ 0.5·{net.thetas[0][0, 0]:.6f}"[:12] in line      # λ·Θ₁₀ on the bias column
