"""Refresh the translation catalogues from the sources, then compile them.

    .venv/bin/python resources/translations/update.py          # lupdate + lrelease
    .venv/bin/python resources/translations/update.py --check  # exit 1 if a string is untranslated

``pyside6-lupdate`` collects every ``self.tr(...)`` / ``QCoreApplication.translate(...)`` string of
main.py and ui/**/*.py, and the error templates engine/**/*.py marks with
``QT_TRANSLATE_NOOP("Engine", ...)`` (see engine/messages.py), into ``backprop_<locale>.ts``
(keeping existing translations, dropping strings no longer in the code); ``pyside6-lrelease``
compiles each ``.ts`` to the ``.qm`` the app loads. lupdate cannot see through two idioms the code
uses: a module-level wrapper ``def _tr(text): return QCoreApplication.translate("PhaseText",
text)``, and a local alias ``tr = self.tr`` / ``tr = QCoreApplication.translate`` (lupdate files
those calls under an empty context the app never asks for). ``wrapped_calls`` finds such calls with
literal texts and hands lupdate the equivalent ``QT_TRANSLATE_NOOP("Context", "text")`` lines in a
generated ``wrapped_strings.py``; the empty context is then dropped from the catalogue.

Edit translations in the ``.ts`` (by hand or with ``pyside6-linguist``), then run this again.
Both tools ship with PySide6-Essentials, next to the Python interpreter.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LOCALES = ("pt_BR",)


def tool(name: str) -> Path:
    """Return the path of a PySide6 tool (pyside6-lupdate, pyside6-lrelease) beside Python."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: install PySide6-Essentials in this venv")
    return path


def sources(root: Path = ROOT) -> list[Path]:
    """Return the Python files whose strings are translated: main.py, ui/**/*.py and
    engine/**/*.py (its error templates), sorted."""
    return [root / "main.py", *sorted((root / "ui").rglob("*.py")),
            *sorted((root / "engine").rglob("*.py"))]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def translate_wrappers(tree: ast.Module) -> dict[str, str]:
    """Return {function name: context} for module-level functions that only forward their first
    argument to ``QCoreApplication.translate("<context>", argument)``."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for sub in ast.walk(node):
            if (isinstance(sub, ast.Call) and _name(sub) == "translate" and len(sub.args) >= 2
                    and _is_text(sub.args[0]) and isinstance(sub.args[1], ast.Name)
                    and sub.args[1].id == param):
                found[node.name] = sub.args[0].value
    return found


def _local_aliases(function: ast.FunctionDef, cls: str | None) -> dict[str, str | None]:
    """Return {alias: context} for ``alias = self.tr`` (context: the class) and
    ``alias = QCoreApplication.translate`` (context None: the call's first argument)."""
    aliases: dict[str, str | None] = {}
    for node in ast.walk(function):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Attribute)):
            value = node.value
            if value.attr == "tr" and isinstance(value.value, ast.Name) \
                    and value.value.id == "self" and cls:
                aliases[node.targets[0].id] = cls
            elif value.attr == "translate":
                aliases[node.targets[0].id] = None
    return aliases


def wrapped_calls(path: Path) -> list[tuple[str, str, int]]:
    """Return (context, text, line) for every literal call through a wrapper or local alias."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [(ctx, call.args[0].value, call.lineno)
             for name, ctx in translate_wrappers(tree).items()
             for call in ast.walk(tree)
             if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
             and call.func.id == name and call.args and _is_text(call.args[0])]

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                aliases = _local_aliases(child, cls)
                for call in ast.walk(child):
                    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                            and call.func.id in aliases):
                        continue
                    ctx = aliases[call.func.id]
                    args = call.args
                    if ctx is not None and args and _is_text(args[0]):
                        found.append((ctx, args[0].value, call.lineno))
                    elif ctx is None and len(args) >= 2 and _is_text(args[0]) \
                            and _is_text(args[1]):
                        found.append((args[0].value, args[1].value, call.lineno))
            visit(child, cls)

    visit(tree, None)
    return found


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def write_wrapped_strings(target: Path, root: Path = ROOT) -> Path:
    """Write ``target``: one QT_TRANSLATE_NOOP line per wrapped call, for lupdate to read."""
    lines = ["# Generated by resources/translations/update.py for lupdate; do not edit.\n"]
    for path in sources(root):
        for context, text, line in wrapped_calls(path):
            lines.append(f"QT_TRANSLATE_NOOP({_literal(context)}, {_literal(text)})"
                         f"  # {path.relative_to(root)}:{line}\n")
    target.write_text("".join(lines), encoding="utf-8")
    return target


def lupdate(ts_file: Path, root: Path = ROOT, obsolete: bool = False) -> str:
    """Run pyside6-lupdate over ``sources(root)`` into ``ts_file``; return its report.

    Raises subprocess.CalledProcessError (with lupdate's output) when lupdate fails.
    """
    wrapped = write_wrapped_strings(ts_file.parent / "wrapped_strings.py", root)
    try:
        cmd = [str(tool("pyside6-lupdate")), *map(str, sources(root)), str(wrapped),
               "-locations", "relative"]
        if not obsolete:
            cmd.append("-no-obsolete")
        cmd += ["-ts", str(ts_file)]
        done = subprocess.run(cmd, cwd=ts_file.parent, capture_output=True, text=True,
                              check=True)
    finally:
        wrapped.unlink(missing_ok=True)
    drop_empty_context(ts_file)
    return done.stdout + done.stderr


def drop_empty_context(ts_file: Path) -> None:
    """Remove the context with an empty name (aliased calls lupdate misfiles; see above)."""
    text = ts_file.read_text(encoding="utf-8")
    cleaned = re.sub(r"<context>\s*<name></name>.*?</context>\s*", "", text, flags=re.S)
    if cleaned != text:
        ts_file.write_text(cleaned, encoding="utf-8")


def lrelease(ts_file: Path, qm_file: Path) -> str:
    """Compile ``ts_file`` into ``qm_file`` with pyside6-lrelease; return its report."""
    done = subprocess.run([str(tool("pyside6-lrelease")), str(ts_file), "-qm", str(qm_file)],
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def unfinished(ts_file: Path) -> list[str]:
    """Return "context: source" for every message of ``ts_file`` without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if tr is not None else []
            empty = tr is None or not ((tr.text or "").strip() or any(forms))
            if empty or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    """Refresh and compile every catalogue; with --check, also report unfinished entries."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when a string has no finished translation")
    args = parser.parse_args(argv)
    status = 0
    for locale in LOCALES:
        ts_file = HERE / f"backprop_{locale}.ts"
        print(lupdate(ts_file).strip())
        print(lrelease(ts_file, ts_file.with_suffix(".qm")).strip())
        missing = unfinished(ts_file)
        for entry in missing:
            print(f"  unfinished [{locale}] {entry}")
        if args.check and missing:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
