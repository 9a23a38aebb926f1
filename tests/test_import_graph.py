"""No import cycles: the modules of engine/ and ui/ import each other one way only.

The graph is read from the source (every ``import`` and ``from ... import`` statement, also those
inside functions and ``if TYPE_CHECKING:`` blocks: a lazy import hides a cycle, it does not
remove it), with the modules found by ``pkgutil.walk_packages``.
"""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import engine
import ui

PACKAGES = (engine, ui)


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        found[package.__name__] = Path(package.__file__)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            spec = info.module_finder.find_spec(info.name, None)
            assert spec is not None and spec.origin is not None, info.name
            found[info.name] = Path(spec.origin)
    return found


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    # In a package's __init__ the level counts from the package itself.
    base = parts[: len(parts) - node.level + 1] if _is_package(module) else \
        parts[: len(parts) - node.level]
    return ".".join(base + ([node.module] if node.module else []))


_PACKAGE_NAMES: set[str] = set()


def _is_package(module: str) -> bool:
    return module in _PACKAGE_NAMES


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Return module → the modules of ``modules`` its source imports."""
    _PACKAGE_NAMES.update(m for m, p in modules.items() if p.name == "__init__.py")
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, node)
                # "from engine import fast_path" imports the module engine.fast_path.
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            else:
                continue
            edges.update(t for t in targets if t in modules and t != module)
        graph[module] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components of ``graph`` with more than one module (each
    is a set of modules that import one another in a ring), sorted (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_cycle_finder_finds_a_ring_and_ignores_a_chain():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"d"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_graph_reads_lazy_and_relative_imports(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from . import one\n")
    (pkg / "one.py").write_text("def f():\n    from pkg import two\n")
    (pkg / "two.py").write_text("import pkg.one\n")
    modules = {"pkg": pkg / "__init__.py", "pkg.one": pkg / "one.py", "pkg.two": pkg / "two.py"}
    graph = import_graph(modules)
    assert graph == {"pkg": {"pkg.one"}, "pkg.one": {"pkg.two"}, "pkg.two": {"pkg.one"}}
    assert cycles(graph) == [["pkg.one", "pkg.two"]]


def test_walk_finds_every_sub_package():
    modules = _modules()
    assert {"engine.network", "engine.trace", "engine.files.session_format",
            "ui.maths.equations", "ui.training.network_controls"} <= set(modules)


def test_engine_and_ui_have_no_import_cycle():
    found = cycles(import_graph(_modules()))
    assert not found, "modules that import each other in a ring: " + "; ".join(
        " ↔ ".join(c) for c in found)
