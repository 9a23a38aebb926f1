"""Exports for slides and lessons: canvas PNG/SVG, loss plot PNG/CSV, Θ/Δ/D CSV, the step-through
as an animated GIF, and the worked-example document.

Each function writes one file and raises ``ExportError`` (an OSError) with a one-line message on
failure, so the menu shows it in a dialog and the command line prints it and exits 2. Frames are
rendered on the main thread, offscreen when there is no display.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from engine.documents.worked_example import worked_example_html, worked_example_markdown
from engine.files.safe_read import write_atomic
from engine.lesson.history import FIELDS
from engine.messages import show_name
from engine.trace import Trace, traced_rows
from ui.look.messages import describe

GIF_FRAME_MS = 900
GIF_LAST_FRAME_MS = 2500
GIF_MAX_WIDTH = 1000


class ExportError(OSError):
    """An export that could not be written; the message is one sentence for the user."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("exports", text)


def current_trace(state, stepper=None) -> Trace:
    """Return the trace on show in ``stepper``, or (without one) the current example's trace."""
    if stepper is not None:
        return stepper.trace
    s = state.settings
    rows = traced_rows(state.X.shape[0], state.example, state.example_count)
    return state.network.trace(state.X[rows], state.Y[rows], lam=s.lam, lr=s.lr,
                               freeze_bias=s.freeze_bias, lam1=s.lam1, mistake=s.mistake)


def canvas_widget(canvas: QWidget | None, fallback: QWidget | None = None) -> QWidget:
    """Return ``canvas``, or ``fallback`` (a window's central widget) when there is none."""
    view = canvas if canvas is not None else fallback
    if view is None:
        raise ExportError(_tr("There is no network canvas to export."))
    return view


def _write(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, as sessions are (a failure keeps the old file)."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        why = getattr(exc, "message", None)
        if why is not None and "reason" in why.params:
            # The whole path, so a missing folder shows.
            raise ExportError(_tr("Could not write {0}: {1}").format(
                show_name(str(path), 200), why.params["reason"])) from None
        raise ExportError(describe(exc)) from None


def _image_format(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    known = {bytes(f.data()).decode("ascii", "replace").lower()
             for f in QImageWriter.supportedImageFormats()}
    if suffix not in known:
        raise ExportError(_tr("{0}: unknown image format {1}; use .png, .jpg or .bmp").format(
            show_name(Path(path).name), repr("." + suffix) if suffix else _tr("(none)")))
    return suffix


def _save_image(image: QImage, path: str | os.PathLike) -> None:
    fmt = _image_format(path)
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.isNull() or not image.save(buf, fmt.upper()):
        raise ExportError(_tr("Could not write the image {0}.").format(show_name(str(path))))
    _write(path, bytes(QByteArray(buf.data())))


def export_widget_png(widget: QWidget, path: str | os.PathLike) -> None:
    """Write ``widget`` as it looks now to a PNG file."""
    _save_image(widget.grab().toImage(), path)


def export_widget_image(widget: QWidget, path: str | os.PathLike) -> None:
    """Write ``widget`` as it looks now to an image in the format of ``path``'s suffix; raise
    ExportError if the format is unknown or the file cannot be written."""
    _save_image(widget.grab().toImage(), path)


def export_widget_svg(widget: QWidget, path: str | os.PathLike, title: str = "") -> None:
    """Write ``widget`` as an SVG drawing (vector shapes where the widget paints them)."""
    try:
        from PySide6.QtSvg import QSvgGenerator
    except ImportError:  # pragma: no cover - PySide6-Essentials ships QtSvg
        raise ExportError(_tr("SVG export needs the QtSvg module, which this Qt lacks.")) from None
    gen = QSvgGenerator()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen.setOutputDevice(buf)
    size = widget.size()
    gen.setSize(size)
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title or _tr("Backprop Visualizer network"))
    gen.setResolution(int(round(widget.logicalDpiX())))     # 1 SVG unit = 1 widget pixel
    painter = QPainter()
    if not painter.begin(gen):
        raise ExportError(_tr("Could not write the drawing {0}.").format(show_name(str(path))))
    try:
        widget.render(painter)
        if isinstance(widget, QAbstractScrollArea):
            # Rendering a scroll area into SVG draws only its viewport; overlays placed on the
            # area itself (the canvas legend and note) are drawn one by one.
            skip = ("qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer")
            for child in widget.children():
                if isinstance(child, QWidget) and child.isVisibleTo(widget) and \
                        child is not widget.viewport() and child.objectName() not in skip:
                    child.render(painter, child.pos())
    finally:
        painter.end()
    data = bytes(QByteArray(buf.data()))
    if not data:
        raise ExportError(_tr("Could not write the drawing {0}.").format(show_name(str(path))))
    _write(path, data)


def _write_csv(path: str | os.PathLike, rows: list[list]) -> None:
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    _write(path, text.getvalue().encode("utf-8"))


def export_history_csv(history, path: str | os.PathLike) -> None:
    """Write the loss history as CSV: epoch, train_cost, test_cost, train/test accuracy."""
    epochs = history.epochs()
    cols = [history.series(f) for f in FIELDS]
    rows: list[list] = [["epoch", *FIELDS]]
    for i, e in enumerate(epochs):
        rows.append([int(e), *("" if c[i] != c[i] else repr(float(c[i])) for c in cols)])
    _write_csv(path, rows)


def export_matrices_csv(trace: Trace, path: str | os.PathLike) -> None:
    """Write Θ (before), Δ, D and Θ (after the update) of ``trace`` in long form:
    matrix, l, i, j, value — i from 1 (unit), j from 0 (column 0 = bias), values exact."""
    rows: list[list] = [["matrix", "l", "i", "j", "value"]]
    final = trace.state_at(len(trace) - 1)
    blocks = [("Theta", dict(enumerate(trace.thetas, 1))), ("Delta", final.Delta),
              ("D", dict(enumerate(trace.D, 1))),
              ("Theta_after", dict(enumerate(trace.thetas_after, 1)))]
    for name, mats in blocks:
        for l in sorted(mats):
            for (i, j), v in _cells(mats[l]):
                rows.append([name, l, i + 1, j, repr(float(v))])
    _write_csv(path, rows)


def _cells(matrix):
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            yield (i, j), v


def y_scale_of(dataset) -> tuple[float, float] | None:
    """Return (mean, std) of a target the CSV import standardized, else None."""
    params = getattr(dataset, "params", None) or {}
    if not params.get("standardize_y"):
        return None
    return float(params["y_mean"]), float(params["y_std"])


def export_worked_example(trace: Trace, path: str | os.PathLike, lang: str = "en",
                          y_scale: tuple[float, float] | None = None) -> None:
    """Write the worked-example document (HTML for .html/.htm, else Markdown); ``y_scale``
    (mean, std) says y is a standardized target."""
    if Path(path).suffix.lower() in (".html", ".htm"):
        text = worked_example_html(trace, None, lang, y_scale=y_scale)
    else:
        text = worked_example_markdown(trace, None, lang, y_scale=y_scale)
    _write(path, text.encode("utf-8"))


def _qimage_to_pil(image: QImage):
    from PIL import Image

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(QByteArray(buf.data())))).convert("RGB")


def render_step_frames(stepper, target: QWidget | None, view: QWidget | None = None
                       ) -> list[QImage]:
    """Return one image of ``target`` (the step-through area) per step of ``stepper``'s trace,
    driving the stepper through it and finishing ``view``'s animations; the cursor is put back
    afterwards."""
    if stepper is None or target is None:
        raise ExportError(_tr("The step-through is not available in this window."))
    app = QApplication.instance()
    start = stepper.cursor
    frames = []

    def settle() -> None:
        app.processEvents()
        if view is not None and hasattr(view, "finish_animation"):
            view.finish_animation()    # each frame shows the step's end state, not a pulse
        app.processEvents()            # and what finishing it laid out and recoloured

    try:
        # The first frame is drawn as every other one is: reached from another step, after
        # the canvas has fitted itself to its size (else it kept the half-laid-out scene of
        # a window shown a moment ago).
        settle()
        if len(stepper.trace) > 1:
            stepper.set_cursor(1 if start == 0 else 0)
            settle()
        for i in range(len(stepper.trace)):
            stepper.set_cursor(i)
            settle()
            frames.append(target.grab().toImage())
    finally:
        stepper.set_cursor(start)
    return frames


def _shared_palette(images: list) -> object:
    """Return a 255-colour palette image (Pillow "P") made from the colours of all ``images``
    (every other pixel of each, so a colour used anywhere is weighed in)."""
    from PIL import Image

    small = [im.resize((max(1, im.width // 2), max(1, im.height // 2)), Image.Resampling.NEAREST)
             for im in images]
    sheet = Image.new("RGB", (max(im.width for im in small), sum(im.height for im in small)))
    y = 0
    for im in small:
        sheet.paste(im, (0, y))
        y += im.height
    return sheet.quantize(colors=255, method=Image.Quantize.MEDIANCUT)


def export_gif(stepper, target: QWidget | None, view: QWidget | None, path: str | os.PathLike,
               frame_ms: int = GIF_FRAME_MS) -> int:
    """Write ``stepper``'s whole step-through, as ``target`` shows it, as an animated GIF;
    return the frame count."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is a runtime dependency
        raise ExportError(_tr("GIF export needs the Pillow package (pip install Pillow)."))\
            from None
    frames = render_step_frames(stepper, target, view)
    if not frames:
        raise ExportError(_tr("There is no step to animate."))
    rgb = []
    for img in frames:
        if img.width() > GIF_MAX_WIDTH:
            img = img.scaled(QSize(GIF_MAX_WIDTH, int(img.height() * GIF_MAX_WIDTH / img.width())),
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        rgb.append(_qimage_to_pil(img).convert("RGB"))
    # One palette for every frame, without dithering: with a palette per frame, a colour rare
    # in one frame (the purple of a legend swatch) was merged into grey there, so the same
    # legend changed colour from frame to frame.
    shared = _shared_palette(rgb)
    pil = [img.quantize(palette=shared, dither=Image.Dither.NONE) for img in rgb]
    durations = [frame_ms] * (len(pil) - 1) + [GIF_LAST_FRAME_MS]
    out = io.BytesIO()
    pil[0].save(out, format="GIF", save_all=True, append_images=pil[1:],
                duration=durations, loop=0, optimize=False, disposal=1)
    _write(path, out.getvalue())
    return len(pil)
