"""The captions of the network canvas: under each layer its name and size, under each heat map
which matrix it is and its shape, so the canvas says how it draws every part
(``ui.canvas.layout.layer_kind``, ``theta_kind``), and left of each input neuron what it is fed
(x₁, x₂ or a feature such as x₁², sin x₁: ``engine.features``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from engine.messages import Message
from ui.look import palette
from ui.look.messages import translate_message
from ui.look.palette import Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkView", text)


Pair = tuple[QGraphicsSimpleTextItem, QGraphicsSimpleTextItem]
# A caption is never drawn smaller than this (pixels at scale 1): a deep network's captions
# were shrunk to ~5 px to fit their columns. Below it, a shorter text is used.
MIN_CAPTION_PX = 9.0
_TEXTS = 0      # QGraphicsItem data key: the caption's texts, longest first
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class CanvasCaptions:
    """Two lines (title, size) under every layer and every heat map of one scene."""

    def __init__(self) -> None:
        self.layers: list[Pair] = []
        self.heat: dict[int, Pair] = {}     # Θ index l → its heat map's caption
        self.inputs: list[QGraphicsSimpleTextItem] = []   # one name per input neuron
        # The inputs' names as English templates (context "Engine"); () for x₁ … xₙ.
        self.input_names: tuple[str, ...] = ()

    def build(self, scene: QGraphicsScene, n_layers: int, heat: Sequence[int],
              n_inputs: int = 0) -> None:
        """Make fresh caption items in ``scene`` for ``n_layers`` layers, the heat maps of
        the Θ(l) listed in ``heat`` and ``n_inputs`` input names (0: the inputs are cells or
        an image, and unnamed)."""
        self.layers = [(QGraphicsSimpleTextItem(), QGraphicsSimpleTextItem())
                       for _ in range(n_layers)]
        self.heat = {l: (QGraphicsSimpleTextItem(), QGraphicsSimpleTextItem()) for l in heat}
        self.inputs = [QGraphicsSimpleTextItem() for _ in range(n_inputs)]
        for pair in self.pairs():
            for item in pair:
                scene.addItem(item)
        for item in self.inputs:
            scene.addItem(item)

    def input_texts(self) -> list[str]:
        """Return the input names in the current language: the given names, else x₁ … xₙ."""
        names = self.input_names if len(self.input_names) == len(self.inputs) else ()
        return [translate_message(Message(names[i])) if names
                else "x" + str(i + 1).translate(SUBSCRIPTS) for i in range(len(self.inputs))]

    def pairs(self) -> list[Pair]:
        """Return every caption pair, layers first."""
        return [*self.layers, *self.heat.values()]

    def retranslate(self, sizes: Sequence[int], kinds: Sequence[str],
                    shapes: dict[int, tuple[int, int]], overlays: dict[int, str]) -> None:
        """Set the texts for layers of ``sizes`` drawn as ``kinds`` and heat maps of matrices
        of ``shapes`` (l → (rows, columns)) showing ``overlays`` (l → "", "D", "contribution")."""
        loc, L = QLocale(), len(sizes)
        for k, (title, size) in enumerate(self.layers):
            role = (_tr("input") if k == 0 else _tr("output") if k == L - 1 else _tr("hidden"))
            # Shorter texts for narrow columns (a deep network's), the full one as tooltip.
            _set_texts(title, _tr("Layer {0} ({1})").format(k + 1, role),
                       _tr("Layer {0}").format(k + 1), _tr("L{0}").format(k + 1))
            n = loc.toString(sizes[k])
            kind = kinds[k] if k < len(kinds) else "circles"
            plain = _tr("s({0}) = {1}").format(k + 1, n)
            if kind == "image":
                side = loc.toString(round(sizes[k] ** 0.5))
                _set_texts(size, _tr("s({0}) = {1}: an {2}×{2} image").format(k + 1, n, side),
                           plain, n)
            elif kind == "cells":
                _set_texts(size, _tr("s({0}) = {1}, a cell each").format(k + 1, n), plain, n)
            else:
                _set_texts(size, plain, n)
        for l, (title, size) in self.heat.items():
            kind = overlays.get(l, "")
            what = (_tr("D({0})").format(l) if kind == "D" else
                    _tr("d({0})·[1; a({1})]ᵀ").format(l + 1, l) if kind == "contribution"
                    else _tr("Θ({0})").format(l))
            _set_texts(title, _tr("heat map of {0}").format(what), what)
            rows, cols = shapes[l]
            size.setText(_tr("{0} rows × {1} columns").format(loc.toString(rows),
                                                              loc.toString(cols)))
        for item, text in zip(self.inputs, self.input_texts(), strict=True):
            item.setText(text)

    def set_look(self, theme: Theme, scale: float, base: QFont) -> None:
        """Use ``theme``'s colours and fonts of ``base`` at presenter ``scale``."""
        for title, size in self.pairs():
            for item in (title, size):
                font = QFont(base)
                font.setPointSizeF((9.5 if item is title else 8.5) * scale)
                item.setFont(font)
                item.setBrush(palette.qcolor(theme.text if item is title else theme.muted))
        for item in self.inputs:
            font = QFont(base)
            font.setPointSizeF(10.0 * scale)
            item.setFont(font)
            item.setBrush(palette.qcolor(theme.text))

    def place(self, lay) -> None:
        """Put the captions of the ``Layout`` ``lay`` in place, shrunk to their room: a layer's
        under its column, a heat map's over its picture (so neither crowds the other)."""
        xs = [float(x) for x in lay.x]
        wide = any(r is not None for r in lay.heat)
        for k, (title, size) in enumerate(self.layers):
            cx = xs[k]
            if wide:
                # Its own stretch, halfway to each neighbour (the view's edge at the ends):
                # the first column of a wide network hugs the left edge.
                lo = (xs[k - 1] + cx) / 2 if k > 0 else 0.0
                hi = (cx + xs[k + 1]) / 2 if k + 1 < len(xs) else lay.width
                self._put(title, size, cx, lay.caption_y, (lo, hi), below=True)
                continue
            # Room: the distance to the neighbouring columns, within the view's edges.
            left = cx - xs[k - 1] if k > 0 else 2 * cx
            right = xs[k + 1] - cx if k + 1 < len(xs) else 2 * (lay.width - cx)
            room = min(left, right, 2 * cx, 2 * (lay.width - cx))
            self._put(title, size, cx, lay.caption_y, (cx - room / 2, cx + room / 2),
                      below=True, edges=(0.0, lay.width))
        for l, (title, size) in self.heat.items():
            x, y, w, _ = lay.heat[l - 1]
            lo = max(0.0, x - 4.0)
            self._put(title, size, x + w / 2, y - 2.0, (lo, min(lay.width, x + w + 4.0)),
                      below=False)
        self._place_inputs(lay)

    def _place_inputs(self, lay) -> None:
        """Put each input's name left of its neuron, right-aligned, shrunk to the margin and to
        the neurons' spacing (one line each); hidden when that would make it too small to read."""
        if not self.inputs:
            return
        pos, r = lay.neurons[0], float(lay.radius[0])
        spacing = float(np.diff(pos[:, 1]).min()) if len(pos) > 1 else 1e9
        right = float(pos[0, 0]) - r - 0.25 * r - 3.0
        for k, item in enumerate(self.inputs):
            item.setScale(1.0)
            rect = item.boundingRect()
            scale = min(1.0, (right - 2.0) / max(rect.width(), 1.0),
                        spacing / max(rect.height(), 1.0))
            item.setScale(max(scale, 0.0))
            item.setVisible(scale >= 0.6)
            w, h = rect.width() * scale, rect.height() * scale
            item.setPos(right - w, float(pos[k, 1]) - h / 2)

    @staticmethod
    def _put(title, size, cx: float, y: float, span: tuple[float, float], below: bool,
             edges: tuple[float, float] | None = None) -> None:
        """Place a caption pair centred on ``cx``, shrunk to fit ``span`` (lo, hi) and kept
        inside ``edges`` (default: the span)."""
        lo, hi = span
        left, right = edges if edges is not None else span
        for item in (title, size):   # shrink captions wider than their room, down to legible
            _fit(item, 0.94 * (hi - lo))
        th, sh = title.sceneBoundingRect().height(), size.sceneBoundingRect().height()
        ys = (y, y + th) if below else (y - th - sh, y - sh)
        for item, top in zip((title, size), ys, strict=True):
            # Centred, but never past the edges (longer in Portuguese or presenter mode).
            w = item.sceneBoundingRect().width()
            item.setPos(min(max(cx - w / 2, left + 2.0), max(right - w - 2.0, left + 2.0)),
                        top)

    def emphasise(self, layers: Sequence[int], heat: Sequence[int], active: bool) -> None:
        """Bold the captions of ``layers``, fade those of parts not in ``layers``/``heat``."""
        for k, (title, size) in enumerate(self.layers):
            font = QFont(title.font())
            font.setBold(k + 1 in layers)
            title.setFont(font)
            opacity = 1.0 if (k + 1 in layers or not active) else 0.55
            title.setOpacity(opacity)
            size.setOpacity(opacity)
            if k == 0:
                for item in self.inputs:
                    item.setOpacity(opacity)
        for l, (title, size) in self.heat.items():
            opacity = 1.0 if (l in heat or not active) else 0.55
            title.setOpacity(opacity)
            size.setOpacity(opacity)


def _set_texts(item: QGraphicsSimpleTextItem, full: str, *shorter: str) -> None:
    """Give ``item`` its ``full`` text (also its tooltip) and ``shorter`` ones for less room."""
    item.setData(_TEXTS, (full, *shorter))
    item.setText(full)
    item.setToolTip(full)


def _fit(item: QGraphicsSimpleTextItem, room: float) -> None:
    """Show the longest of ``item``'s texts that fits ``room`` at no less than
    MIN_CAPTION_PX, shrunk to the room; hide it when not even the shortest fits."""
    texts = item.data(_TEXTS) or (item.text(),)
    smallest = min(1.0, MIN_CAPTION_PX / max(QFontInfo(item.font()).pixelSize(), 1))
    for text in texts:
        item.setText(text)
        scale = min(1.0, room / max(item.boundingRect().width(), 1.0))
        if scale >= smallest:
            item.setScale(scale)
            item.setVisible(True)
            return
    item.setScale(smallest)
    item.setVisible(False)
