"""Painting of a wide layer: its neurons as cells (a column of rectangles filled by a) or, for a
square input layer, as the image it is (64 inputs: 8×8 pixels, row-major as the data sets store
them). Also the dense form of a compact circle column: tiny squares.

Hundreds of tiny antialiased circles cost ~15 ms; the same neurons as rectangles grouped by
colour cost well under 1 ms (one ``drawRects`` call per colour). A delta d is a bar right of its
cell, as long as |d| relative to the layer's largest: filled when d ≥ 0, hollow when d < 0, so
the sign reads without colour (solid/dashed, as for weights). A negative activation on the
diverging scale gets a "−" bar across its cell instead of hatching.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPen

from ui.canvas.items import format_value
from ui.look import palette

Batches = list[tuple[QColor, list[QRectF]]]
MIN_VALUE_PIXELS = 9    # the smallest value text written in a cell (px)


def cell_half(item) -> tuple[float, float]:
    """Return the half width and half height of one cell of ``item`` (a NeuronColumnItem)."""
    if item.kind == "circles":
        r = max(item.radius, 0.6)
        return r, r
    return item.cell[0] / 2, item.cell[1] / 2


def cell_rect(item, k: int) -> QRectF:
    """Return the rectangle of neuron k (0-based) of ``item``."""
    hw, hh = cell_half(item)
    x, y = item.pos_[k]
    return QRectF(x - hw, y - hh, 2 * hw, 2 * hh)


def block_rect(item) -> QRectF:
    """Return the rectangle around every cell of ``item``."""
    hw, hh = cell_half(item)
    lo, hi = item.pos_.min(axis=0), item.pos_.max(axis=0)
    return QRectF(lo[0] - hw, lo[1] - hh, hi[0] - lo[0] + 2 * hw, hi[1] - lo[1] + 2 * hh)


def paint_cells(item, painter: QPainter) -> None:
    """Paint ``item``'s neurons as cells or pixels, its d bars, values that fit and outlines."""
    if item._compact_batches is None:
        item._compact_batches = build_batches(item)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    for color, rects in item._compact_batches:
        painter.setBrush(color)
        painter.drawRects(rects)
    fg = item._c(palette.qcolor(item.theme.foreground))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if item.kind == "image":   # one frame around the picture
        painter.setPen(QPen(fg, 1.0))
        painter.drawRect(block_rect(item))
    item.values_drawn = _paint_values(item, painter) if item.kind == "cells" else []
    if item.highlighted:
        r = block_rect(item).adjusted(-3, -3, 3, 3)
        painter.setPen(QPen(palette.qcolor(item.theme.highlight), 2.0 * item.scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
    painter.restore()


def value_font(item, base: QFont) -> QFont | None:
    """Return the font for the a values written inside ``item``'s cells, or None if they do not
    fit (one choice for the whole column, made for its widest number)."""
    a = item.values["a"]
    if a is None or not item.labels_visible or item.kind != "cells":
        return None
    hw, hh = cell_half(item)
    font = QFont(base)
    font.setPointSizeF(8.0 * item.scale)
    fm = QFontMetricsF(font)
    widest = max(fm.horizontalAdvance(format_value(v, 2)) for v in a)
    fit = min(1.0, (2 * hw - 3) / max(widest, 1.0), (2 * hh - 1) / fm.height())
    # Below 9 px a class cannot read the numbers: the cell's colour (and hovering) says it.
    pixels = int(QFontInfo(font).pixelSize() * fit)
    if pixels < MIN_VALUE_PIXELS:
        return None
    font.setPixelSize(pixels)
    return font


def _paint_values(item, painter: QPainter) -> list[int]:
    font = value_font(item, painter.font())
    if font is None:
        return []
    painter.setFont(font)
    a = item.values["a"]
    for k in range(item.n):
        painter.setPen(item._c(palette.text_color_on(item.fills[k])))
        painter.drawText(cell_rect(item, k), Qt.AlignmentFlag.AlignCenter, format_value(a[k], 2))
    return list(range(item.n))


def build_batches(item) -> Batches:
    """Return (colour, rectangles) batches in drawing order: outlines, fills, marks, d bars."""
    hw, hh = cell_half(item)
    d = item.values["d"]
    phases: list[dict[tuple[int, int, int], tuple[QColor, list[QRectF]]]] = [{}, {}, {}, {}]

    def add(phase: int, color: QColor, rect: QRectF) -> None:
        # Colours are quantised (to 1/32 per channel, invisible) so hundreds of neurons
        # share a few dozen brushes.
        key = (color.red() >> 3, color.green() >> 3, color.blue() >> 3)
        phases[phase].setdefault(key, (color, []))[1].append(rect)

    outline = item._c(palette.qcolor(item.theme.foreground))
    pixel = item.kind == "image"
    # Cells with room get an outline (a slightly larger rectangle behind); pixels touch.
    inset = 0.0 if pixel else (0.7 if min(hw, hh) >= 2.5 else 0.0)
    for k, (x, y) in enumerate(item.pos_.tolist()):
        if inset:
            add(0, outline, QRectF(x - hw, y - hh, 2 * hw, 2 * hh))
        add(1, item._c(item.fills[k]), QRectF(x - hw + inset, y - hh + inset,
                                             2 * (hw - inset), 2 * (hh - inset)))
    if min(hw, hh) >= 1.5 and not pixel:   # too small to hatch: a "−" bar across the cell
        bar = max(1.0, round(min(hw, hh) * 0.5))
        for k in np.flatnonzero(item.negative):
            x, y = item.pos_[k]
            add(2, item._c(palette.hatch_color(item.fills[k])),
                QRectF(x - hw * 0.7, y - bar / 2, 1.4 * hw, bar))
    if d is not None:
        top = float(np.abs(d).max()) or 1.0
        h = max(2.0, min(2 * hh - 1, 6.0 * item.scale))
        bg = item._c(palette.qcolor(item.theme.background))
        for k, (x, y) in enumerate(item.pos_.tolist()):
            length = 2 + 14 * item.scale * abs(d[k]) / top
            left = x + hw + 2
            ring = item._c(item.rings[k])
            add(2, bg, QRectF(left - 1, y - h / 2 - 1, length + 2, h + 2))
            if d[k] >= 0:
                add(3, ring, QRectF(left, y - h / 2, length, h))
            else:   # hollow: only the outline, the filled bar's "dashed" counterpart
                top_y, right = y - h / 2, left + length - 1
                for r in (QRectF(left, top_y, length, 1), QRectF(left, top_y + h - 1, length, 1),
                          QRectF(left, top_y, 1, h), QRectF(right, top_y, 1, h)):
                    add(3, ring, r)
    return [batch for phase in phases for batch in phase.values()]
