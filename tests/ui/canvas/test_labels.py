"""ui/canvas/labels.py: the "d = …" labels go where no edge, neuron or other label is."""

from __future__ import annotations

import numpy as np
import pytest

from ui.canvas import labels
from ui.canvas.items import EdgeBundleItem
from ui.canvas.view import NetworkView

MAZUR = [np.array([[0.35, 0.15, 0.2], [0.35, 0.25, 0.3]]),
         np.array([[0.6, 0.4, 0.45], [0.6, 0.5, 0.55]])]
D2, D3 = np.array([0.00877135469, 0.00995425471]), np.array([0.138498562, -0.0380982365])


def _segment_meets_rect(seg, rect, clearance: float) -> bool:
    """Return whether a point of the segment comes within ``clearance`` of the rectangle
    (sampled every 0.25 px: a plain check, independent of the clipping the module does)."""
    (x1, y1, x2, y2), (x, y, w, h) = seg, rect
    n = int(np.hypot(x2 - x1, y2 - y1) * 4) + 2
    t = np.linspace(0.0, 1.0, n)
    px, py = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
    dx = np.maximum.reduce([x - px, np.zeros(n), px - (x + w)])
    dy = np.maximum.reduce([y - py, np.zeros(n), py - (y + h)])
    return bool((np.hypot(dx, dy) < clearance).any())


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_a_label_skips_a_spot_an_edge_crosses():
    # An edge runs right from the neuron: the right spot is taken, the one under it is free.
    obstacles = labels.Obstacles(np.array([[100.0, 100.0, 300.0, 100.0]]), np.array([2.0]))
    spots = labels.candidates(100.0, 100.0, 20.0, 60.0, 14.0)
    (rect,) = labels.place([spots], obstacles)
    assert rect != spots[0] and rect == spots[1]
    assert not _segment_meets_rect((100, 100, 300, 100), rect, 2.0)


def test_no_free_spot_says_so():
    # Edges in every direction, close together: nothing around the neuron is free.
    angles = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    segs = np.column_stack([np.full(72, 100.0), np.full(72, 100.0),
                            100 + 400 * np.cos(angles), 100 + 400 * np.sin(angles)])
    obstacles = labels.Obstacles(segs, np.full(72, 1.0))
    assert labels.place([labels.candidates(100.0, 100.0, 20.0, 60.0, 14.0)], obstacles) is None


@pytest.mark.parametrize("scale, size", [(1.0, (1100, 330)), (1.0, (900, 500)),
                                         (1.5, (1100, 470)), (1.5, (900, 520))])
def test_placed_labels_touch_no_edge_neuron_or_each_other(qtbot, scale, size):
    view = NetworkView([2, 2, 2])
    qtbot.addWidget(view)
    view.set_weights(MAZUR)
    view.set_scale(scale)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.set_neuron_values(2, D2, "d")
    view.set_neuron_values(3, D3, "d")
    placed = [(col, rect) for col in view.columns if col.d_rects for rect in col.d_rects]
    # At these sizes there is room: the hidden layer's labels too are placed, not squeezed.
    assert {col.layer for col, _ in placed} == {2, 3}
    segments = [(*b.src[j], *b.dst[i]) for b in view.bundles if isinstance(b, EdgeBundleItem)
                for i in range(len(b.dst)) for j in range(len(b.src))]
    for col, rect in placed:
        for seg in segments:
            assert not _segment_meets_rect(seg, rect, labels.EDGE_HALF * scale), (col.layer, rect)
        for other in view.columns:
            ring = other.radius + other.ring_width()
            for x, y in other.pos_:
                nx, ny = np.clip(x, rect[0], rect[0] + rect[2]), np.clip(y, rect[1],
                                                                        rect[1] + rect[3])
                assert np.hypot(nx - x, ny - y) >= ring, (col.layer, rect)
    rects = [rect for _, rect in placed]
    assert not any(_overlap(a, b) for k, a in enumerate(rects) for b in rects[k + 1:])


def test_labels_are_painted_where_they_were_placed(qtbot):
    view = NetworkView([2, 2, 2])
    qtbot.addWidget(view)
    view.set_weights(MAZUR)
    view.resize(1100, 330)
    view.show()
    qtbot.waitExposed(view)
    view.set_neuron_values(2, D2, "d")
    col = view.columns[1]
    assert col.d_rects is not None
    for rect in col.d_rects:      # inside what the item says it paints (else it is clipped)
        assert col.boundingRect().contains(*rect[:2])
        assert col.boundingRect().contains(rect[0] + rect[2], rect[1] + rect[3])
    view.grab()
    assert col.d_labels_drawn == [0, 1]
