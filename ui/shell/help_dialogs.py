"""Help → Keyboard shortcuts and Help → About (with the references the course notes cite)."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

#: The "more information" list of the course notes, in their order.
REFERENCES = (
    # QT_TRANSLATE_NOOP registers the titles for lupdate; AboutDialog translates them.
    (QT_TRANSLATE_NOOP("AboutDialog",
                       "CS231n, lecture 4: Introduction to Neural Networks (Stanford)"),
     "https://youtu.be/d14TUNcbn1k?t=354"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Siraj Raval — Backpropagation in 5 minutes"),
     "https://www.youtube.com/watch?v=q555kfIFUCM"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Andrew Ng — Machine Learning course (Coursera)"),
     "https://www.coursera.org/learn/machine-learning/"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Brilliant — Backpropagation (in-depth, wiki-style article)"),
     "https://brilliant.org/wiki/backpropagation/"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Wikipedia — Backpropagation"),
     "https://en.wikipedia.org/wiki/Backpropagation"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Matt Mazur — A Step by Step Backpropagation Example (2015)"),
     "https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def shortcuts() -> list[tuple[str, str]]:
    """Return (key, translated action) pairs for the step-through window."""
    return [
        ("→", _tr("Next micro-step")),
        ("←", _tr("Previous micro-step (replays the records; nothing is undone)")),
        (_tr("Space"), _tr("Play / pause")),
        (_tr("Home"), _tr("Restart the example")),
        ("End", _tr("Jump to the last step (the update)")),
        (_tr("any key"), _tr("Finish the running animation at once")),
        ("V", _tr("Show or hide the value labels on the network")),
        ("M", _tr("Show or hide every neuron's map over the plane (two-feature data)")),
        (_tr("mouse wheel / drag"), _tr("Zoom / pan the network")),
        (_tr("double-click"), _tr("Fit the whole network in the view again")),
        (_tr("click an edge"), _tr("Type a new weight")),
        ("F5", _tr("Presenter mode: larger text, thicker lines (for a projector)")),
        ("F1", _tr("This list of shortcuts")),
    ]


class _HtmlDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class ShortcutsDialog(_HtmlDialog):
    """List every keyboard shortcut of the step-through window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("shortcutsDialog", parent)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{a}</td></tr>" for k, a in shortcuts())
        self.browser.setHtml(f'<table cellpadding="5">{rows}</table>')


def app_version() -> str:
    """Return the app's version: the installed package's, or pyproject.toml's in a checkout."""
    try:
        return metadata.version("backprop-visualizer")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


class AboutDialog(_HtmlDialog):
    """Say what the app is and list the references the course notes cite."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("aboutDialog", parent)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("About Backprop Visualizer"))
        intro = self.tr("Backprop Visualizer plays the backpropagation algorithm of the course "
                        "notes one micro-step at a time — forward activations, backward deltas, "
                        "the accumulators Δ, the gradient D and the update — with the real "
                        "numbers of one training example.")
        notes = self.tr("Where the notes slip, the app shows the corrected algorithm: d(l) uses "
                        "g′(z(l)), not g(z(l)); l runs from L−1 down to 2; the bias column j = 0 "
                        "is not regularized.")
        refs = "".join(f'<li><a href="{url}">{self.tr(title)}</a></li>'
                       for title, url in REFERENCES)
        head = self.tr("References cited by the notes")
        version = self.tr("Version {0}").format(app_version())
        self.browser.setHtml(f"<h2>Backprop Visualizer</h2><p>{version}</p><p>{intro}</p>"
                             f"<p>{notes}</p><h3>{head}</h3><ul>{refs}</ul>")
