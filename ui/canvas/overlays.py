"""The canvas's look and overlays: its theme and presenter scale given to every item, and where
its note and legend go — a bottom margin under the drawing, so they never cover it; the legend
gives way (full, then one row of symbols, then none) before the drawing gets smaller than its
layout's smallest area."""

from __future__ import annotations

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsView

from ui.canvas.focus import show_focus
from ui.canvas.layout import MIN_HEIGHT
from ui.look import palette

# Height (px) the drawing keeps before the legend gives way: the smallest area a layout is made
# for (below it the neurons run into the captions and the bottom row is cut off, as Mazur's was
# at 1280×720), grown with the square of the presenter scale, as the neurons' and captions' sizes
# and their spacing all grow.
MIN_DRAWING_H = MIN_HEIGHT


def place_overlays(view: QGraphicsView) -> None:
    """Put the note and legend of ``view`` (a ui.canvas.view.NetworkView) in a bottom margin,
    so they never cover the drawing."""
    w = view.width() - 2 * view.frameWidth()
    nh = max(view.note.heightForWidth(w), 0) if view.note.text() else 0
    lh = 0
    # In a short view the drawing matters more than the full legend (its tooltip stays),
    # nor may it go below the height its captions and neurons need (presenter mode, a
    # short window): the layout cannot shrink the neurons past that. Then one row of
    # symbols, if the drawing keeps the layout's smallest area at this scale.
    s = view.scale_factor
    for compact, least in ((False, MIN_DRAWING_H * s ** 2), (True, MIN_DRAWING_H * s)):
        if not view.legend_wanted:
            break
        view.legend.set_compact(compact)
        lh = view.legend.height_for(w)
        if nh + lh <= 0.4 * view.height() and view.height() - nh - lh >= least:
            break
        lh = 0
    view.legend.setVisible(lh > 0)
    view.setViewportMargins(0, view.top_margin, 0, lh + nh)
    bottom = view.height() - view.frameWidth()
    view.note.setGeometry(view.frameWidth(), bottom - lh - nh, w, nh)
    view.note.setVisible(bool(view.note.text()))
    view.legend.setGeometry(view.frameWidth(), bottom - lh, w, lh)


def apply_look(view: QGraphicsView) -> None:
    """Draw ``view``'s items, captions, legend and note with its theme and scale."""
    th, s = view.theme, view.scale_factor
    view.setBackgroundBrush(QBrush(palette.qcolor(th.background)))
    for item in (*view.columns, *view.bundles, *filter(None, view.maps)):
        item.set_look(th, s)
    view.captions.set_look(th, s, view.font())
    if view.layout_ is not None:
        show_focus(view)
    view.legend.set_look(th, s)
    view.note.setStyleSheet(f"QLabel {{ background: {th.note_background}; color: {th.text};"
                            f" padding: 3px 6px; font-size: {round(9 * s)}pt; }}")
    view.set_highlight(*view.highlight)
    place_overlays(view)
