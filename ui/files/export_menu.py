"""File → Export: one action per export in ``ui.files.exports``, each asking for a file name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from engine.messages import one_line
from ui.files import exports
from ui.look import language


class ExportMenu(QMenu):
    """The Export submenu of ``controller`` (a SessionController: file dialogs, error dialogs)."""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("exportMenu")
        self.controller = controller
        self.window = controller.window
        self.items = {}
        for key in ("canvas_png", "canvas_svg", "loss_png", "loss_csv", "matrices_csv", "gif",
                    "worked_example"):
            action = self.addAction("")
            action.setObjectName(f"export_{key}_action")
            action.triggered.connect(lambda *_, k=key: self.run(k))
            self.items[key] = action
            if key in ("canvas_svg", "loss_csv", "matrices_csv"):
                self.addSeparator()
        self.aboutToShow.connect(self._on_about_to_show)

    def retranslate(self) -> None:
        """Set the menu's texts."""
        self.setTitle(self.tr("&Export"))
        texts = {
            "canvas_png": (self.tr("Network canvas as &PNG…"),
                           self.tr("Save the network picture as it is now")),
            "canvas_svg": (self.tr("Network canvas as &SVG…"),
                           self.tr("Save the network picture as a scalable drawing for slides")),
            "loss_png": (self.tr("Loss plot as P&NG…"), self.tr("Save the cost curve picture")),
            "loss_csv": (self.tr("Loss history as &CSV…"),
                         self.tr("Save cost and accuracy per epoch for a spreadsheet")),
            "matrices_csv": (self.tr("Θ, Δ and D as CS&V…"),
                             self.tr("Save the weights, accumulated Δ and gradient D of the "
                                     "current example, every number exact")),
            "gif": (self.tr("Step-through as animated &GIF…"),
                    self.tr("Save every micro-step of the current example as an animation")),
            "worked_example": (self.tr("&Worked example (Markdown or HTML)…"),
                               self.tr("Save every micro-step with its equation and numbers, "
                                       "like Mazur's article but for this network")),
        }
        for key, (text, tip) in texts.items():
            self.items[key].setText(text)
            self.items[key].setToolTip(tip)
            self.items[key].setStatusTip(tip)

    def _on_about_to_show(self) -> None:
        parts = self.controller.parts
        has_plot = parts.loss_plot is not None
        has_training = parts.training is not None
        self.items["loss_png"].setEnabled(has_plot)
        self.items["loss_csv"].setEnabled(has_training)
        self.items["gif"].setEnabled(parts.stepper is not None)

    def _filters(self, key: str) -> str:
        return {"canvas_png": self.tr("PNG images (*.png)"),
                "loss_png": self.tr("PNG images (*.png)"),
                "canvas_svg": self.tr("SVG drawings (*.svg)"),
                "loss_csv": self.tr("CSV files (*.csv)"),
                "matrices_csv": self.tr("CSV files (*.csv)"),
                "gif": self.tr("GIF animations (*.gif)"),
                "worked_example": self.tr("Markdown (*.md);;HTML (*.html)")}[key]

    def run(self, key: str) -> bool:
        """Ask for a file and write export ``key``; report failures; return whether it worked."""
        c = self.controller
        path = c.choose_path("save", self.items[key].text().replace("&", "").rstrip("…"),
                             self._filters(key))
        if not path:
            return False
        if not Path(path).suffix and key == "worked_example" and \
                "html" in c.selected_filter.lower():
            path += ".html"
        elif not Path(path).suffix:
            path += {"canvas_png": ".png", "loss_png": ".png", "canvas_svg": ".svg",
                     "loss_csv": ".csv", "matrices_csv": ".csv", "gif": ".gif",
                     "worked_example": ".md"}[key]
        return self.export_to(key, path)

    def export_to(self, key: str, path: str) -> bool:
        """Write export ``key`` to ``path``; report failures in a dialog."""
        parts, state = self.controller.parts, self.controller.state
        try:
            if key == "canvas_png":
                exports.export_widget_png(self._canvas(), path)
            elif key == "canvas_svg":
                exports.export_widget_svg(self._canvas(), path)
            elif key == "loss_png":
                exports.export_widget_png(self._need(parts.loss_plot), path)
            elif key == "loss_csv":
                exports.export_history_csv(self._need(parts.training).history, path)
            elif key == "matrices_csv":
                exports.export_matrices_csv(exports.current_trace(state, parts.stepper), path)
            elif key == "gif":
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    exports.export_gif(parts.stepper, parts.step_area, parts.canvas, path)
                finally:
                    QApplication.restoreOverrideCursor()
            else:
                # The menu lives in a running app, so its language manager exists (importing
                # ui.files.session for its helper would close an import ring with it).
                exports.export_worked_example(exports.current_trace(state, parts.stepper), path,
                                              language.manager().language,
                                              y_scale=exports.y_scale_of(state.dataset))
        except OSError as exc:
            self.controller.report_save_failure(self.tr("Export failed"), one_line(str(exc)))
            return False
        return True

    def _canvas(self):
        return exports.canvas_widget(self.controller.parts.canvas, self.window.centralWidget())

    def _need(self, part):
        """Return ``part``, or raise ExportError when this window was built without it."""
        if part is None:
            raise exports.ExportError(self.tr("This window has nothing to export there."))
        return part
