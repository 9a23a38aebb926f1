"""Refresh the translation catalogues from the sources, then compile them.

    .venv/bin/python resources/translations/update.py          # lupdate + lrelease
    .venv/bin/python resources/translations/update.py --check  # exit 1 if a string is untranslated

``pyside6-lupdate`` collects every ``self.tr(...)`` / ``QCoreApplication.translate(...)`` string of
main.py and ui/**/*.py into ``backprop_<locale>.ts`` (keeping existing translations, dropping
strings no longer in the code); ``pyside6-lrelease`` compiles each ``.ts`` to the ``.qm`` the app
loads. Edit translations in the ``.ts`` (by hand or with ``pyside6-linguist``), then run this again.
Both tools ship with PySide6-Essentials, next to the Python interpreter.
"""

from __future__ import annotations

import argparse
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
    """Return the Python files whose strings are translated: main.py and ui/**/*.py, sorted."""
    return [root / "main.py", *sorted((root / "ui").rglob("*.py"))]


def lupdate(ts_file: Path, root: Path = ROOT, obsolete: bool = False) -> str:
    """Run pyside6-lupdate over ``sources(root)`` into ``ts_file``; return its report.

    Raises subprocess.CalledProcessError (with lupdate's output) when lupdate fails.
    """
    cmd = [str(tool("pyside6-lupdate")), *map(str, sources(root)), "-locations", "relative"]
    if not obsolete:
        cmd.append("-no-obsolete")
    cmd += ["-ts", str(ts_file)]
    done = subprocess.run(cmd, cwd=ts_file.parent, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


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
