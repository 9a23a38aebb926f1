"""The worked example's network drawing: one line per weight, sign by line style, valid SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np

from engine.datasets import mazur
from engine.documents.trace_text import BRAZILIAN
from engine.documents.worked_example_svg import network_svg
from engine.network import Network

NS = "{http://www.w3.org/2000/svg}"


def test_one_line_per_weight_and_dashed_exactly_for_negative_weights():
    net = Network([2, 4, 1], rng=np.random.default_rng(3))
    root = ET.fromstring(network_svg(net.thetas))
    lines = root.findall(f"{NS}line")
    weights = np.concatenate([t.ravel() for t in net.thetas])
    assert len(lines) == weights.size == 4 * 3 + 1 * 5
    dashed = sum("stroke-dasharray" in ln.attrib for ln in lines)
    assert dashed == int(np.sum(weights < 0))


def test_units_and_bias_boxes_are_named_as_in_the_notes():
    p = mazur()
    root = ET.fromstring(network_svg(p.thetas))
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert texts.count("+1") == 2
    assert {"x₁", "x₂", "a₁(2)", "a₂(2)", "a₁(3)", "a₂(3)"} <= set(texts)


def test_thicker_line_for_larger_weight():
    p = mazur()
    root = ET.fromstring(network_svg(p.thetas))
    width = {ln.find(f"{NS}title").text.split(" = ")[0]: float(ln.attrib["stroke-width"])
             for ln in root.findall(f"{NS}line")}
    assert width["Θ(2)[2,0]"] > width["Θ(1)[1,1]"]      # 0.60 drawn thicker than 0.15


def test_layers_too_tall_to_read_give_no_drawing():
    net = Network([64, 10], rng=np.random.default_rng(0))
    assert network_svg(net.thetas) == ""


def test_tooltips_write_the_weight_as_the_document_language_does():
    p = mazur()
    tips = {t.text for t in ET.fromstring(network_svg(p.thetas, numbers=BRAZILIAN)).iter(
        f"{NS}title")}
    assert "Θ(2)[1; 2] = 0,45" in tips and "Θ(1)[1; 1] = 0,15" in tips  # Mazur's w6 and w1
    english = {t.text for t in ET.fromstring(network_svg(p.thetas)).iter(f"{NS}title")}
    assert "Θ(2)[1,2] = 0.45" in english
