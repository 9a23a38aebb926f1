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
    html = worked_example_html(net.trace(X, Y, mistake="forget-1-over-m"), lang="pt_BR")
    assert 'class="mistake"' in html and "NÃO é retropropagação" in html
