"""Activation and loss names are looked up in one place (engine/activations.py, engine/losses.py):
no other module of engine/ or ui/ compares anything with one of those names."""

from __future__ import annotations

import ast
from pathlib import Path

from engine.activations import Activation
from engine.losses import LOSSES
from tests.conftest import ROOT

NAMES = {a.value for a in Activation} | set(LOSSES)
REGISTRIES = {ROOT / "engine" / "activations.py", ROOT / "engine" / "losses.py"}


def _compared_names(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        for side in [node.left, *node.comparators]:
            items = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
            found += [(node.lineno, item.value) for item in items
                      if isinstance(item, ast.Constant) and item.value in NAMES]
    return found


def test_the_scan_sees_a_comparison_with_a_name():
    assert _compared_names(ast.parse('if g == "sigmoid" or out in ("softmax", "x"): pass')) \
        == [(1, "sigmoid"), (1, "softmax")]


def test_no_module_compares_with_an_activation_or_loss_name():
    offenders = []
    for path in sorted([*(ROOT / "engine").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        if path in REGISTRIES:
            continue
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(ROOT)}:{line}: {name!r}"
                      for line, name in _compared_names(tree)]
    assert not offenders, "ask the Activation/Loss object instead: " + ", ".join(offenders)
