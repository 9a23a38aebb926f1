"""Colours, value→colour maps and line styles: the one place the UI chooses a colour.

Sign is never shown by colour alone: positive weights are blue and solid, negative ones orange
and dashed; deltas carry a "+"/"−" marker. The diverging map runs between Okabe–Ito blue
#0072B2 and orange #E69F00 (Okabe & Ito 2008, "Color Universal Design"), chosen to stay distinct
for protan, deutan and tritan viewers; the themes' line colours are darker shades of the same
hues, so thin lines keep contrast on the background and the two signs differ in lightness (they
survive greyscale printing). Activations a that live in 0..1 (sigmoid, softmax, ReLU) use a
white→purple ramp, a hue the weights never use; signed activations (tanh, linear, inputs x of a
centred data set) use the diverging map, neutral at 0, and a negative one is hatched as well
(see ``FillScale``), the filled counterpart of a dashed line.

Maps take numpy arrays and return RGBA uint8 arrays of shape (..., 4) so views can recolour many
items per frame without a Python loop per value; ``*_color`` helpers return one ``QColor``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from engine.activations import Activation

POSITIVE_HEX = "#0072B2"   # Okabe–Ito blue
NEGATIVE_HEX = "#E69F00"   # Okabe–Ito orange
NEUTRAL_HEX = "#F2F2F2"


def _rgb(hex_code: str) -> np.ndarray:
    c = QColor(hex_code)
    return np.array([c.red(), c.green(), c.blue()], dtype=float)


# Diverging: orange (−1) … light grey (0) … blue (+1); sequential: near white (0) … purple (1).
_DIV_NEG, _DIV_MID, _DIV_POS = _rgb(NEGATIVE_HEX), _rgb(NEUTRAL_HEX), _rgb(POSITIVE_HEX)
_SEQ_STOPS = np.array([_rgb("#FCFBFD"), _rgb("#BCBDDC"), _rgb("#807DBA"), _rgb("#3F007D")])


@dataclass(frozen=True)
class Theme:
    """The view's colours; ``positive``/``negative`` are the sign colours of weights and deltas."""

    name: str = "light"
    background: str = "#FFFFFF"
    foreground: str = "#222222"     # neuron outlines, bias unit border
    text: str = "#1A1A1A"
    muted: str = "#8A8A8A"          # captions of dimmed parts, faded edges under an overlay
    bias_fill: str = "#FFF3C4"      # the "+1" unit: pale yellow, unlike any activation fill
    highlight: str = "#CC3311"      # outline of what the current micro-step touches
    pulse: str = "#111111"          # forward pulse dots
    # Line colours: darker shades of the fill hues, so thin edges keep ≥3:1 contrast on the
    # background and the two signs differ by ΔL* ≥ 15 even under protan/deutan/tritan
    # simulation (tests/ui/test_theme.py checks both, Machado et al. 2009).
    positive: str = "#004C80"
    negative: str = "#C47A00"
    note_background: str = "#FFFBE6"


LIGHT = Theme()
DARK = replace(
    Theme(), name="dark", background="#1E1F22", foreground="#D8D8D8", text="#EDEDED",
    muted="#6F7278", bias_fill="#5A4A12", highlight="#FF7A59", pulse="#FFFFFF",
    positive="#A3D5F5", negative="#C98400", note_background="#33302A")
THEMES = {"light": LIGHT, "dark": DARK}


def qcolor(hex_code: str, alpha: int = 255) -> QColor:
    """Return ``hex_code`` as a QColor with the given alpha (0..255)."""
    c = QColor(hex_code)
    c.setAlpha(alpha)
    return c


def diverging_rgba(values: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """Map values (any shape) to RGBA uint8 (shape + (4,)): −scale orange, 0 grey, +scale blue."""
    t = np.clip(np.asarray(values, dtype=float) / (scale if scale > 0 else 1.0), -1.0, 1.0)
    t = np.nan_to_num(t)[..., None]
    pos = _DIV_MID + (_DIV_POS - _DIV_MID) * np.clip(t, 0, 1)
    neg = _DIV_MID + (_DIV_NEG - _DIV_MID) * np.clip(-t, 0, 1)
    rgb = np.where(t >= 0, pos, neg)
    alpha = np.full(rgb.shape[:-1] + (1,), 255.0)
    return np.concatenate([rgb, alpha], axis=-1).round().astype(np.uint8)


def sequential_rgba(values: np.ndarray, lo: float = 0.0, hi: float = 1.0) -> np.ndarray:
    """Map values (any shape) in [lo, hi] to RGBA uint8 (shape + (4,)), light to dark purple."""
    v = np.asarray(values, dtype=float)
    t = np.clip(np.nan_to_num((v - lo) / (hi - lo if hi > lo else 1.0)), 0.0, 1.0)
    pos = t * (len(_SEQ_STOPS) - 1)
    k = np.minimum(pos.astype(int), len(_SEQ_STOPS) - 2)
    f = (pos - k)[..., None]
    rgb = _SEQ_STOPS[k] * (1 - f) + _SEQ_STOPS[k + 1] * f
    alpha = np.full(rgb.shape[:-1] + (1,), 255.0)
    return np.concatenate([rgb, alpha], axis=-1).round().astype(np.uint8)


@dataclass(frozen=True)
class FillScale:
    """How a layer's activations a become neuron fills.

    ``signed`` False: the purple ramp from 0 (empty) to ``full``; True: the diverging map,
    −``full`` orange … 0 grey … +``full`` blue, and negative neurons are hatched. ``grows``: an
    unbounded activation (ReLU, linear) whose column holds an |a| beyond ``full`` is drawn to
    that largest |a| instead, so no neuron is clipped; bounded ones (sigmoid, tanh) never need it.
    """

    signed: bool = False
    full: float = 1.0
    grows: bool = False

    def limit(self, a: np.ndarray) -> float:
        """Return the |a| drawn at full colour for the column ``a`` (n,)."""
        top = float(np.nanmax(np.abs(a))) if self.grows and np.size(a) else 0.0
        return max(self.full, top) if np.isfinite(top) else self.full

    def rgba(self, a: np.ndarray) -> np.ndarray:
        """Map the column ``a`` (n,) to RGBA uint8 fills (n, 4)."""
        limit = self.limit(a)
        return diverging_rgba(a, limit) if self.signed else sequential_rgba(a, 0.0, limit)


def fill_scale(activation: str | Activation) -> FillScale:
    """Return the fill scale of a hidden or output layer whose activation is ``activation`` (an
    Activation or its name): signed when g takes negative values, growing to the column's
    largest |a| when g is unbounded (sigmoid and softmax: 0..1, tanh: −1..1, both fixed)."""
    g = activation if isinstance(activation, Activation) else _lookup(activation)
    return FillScale(signed=g.signed, grows=not g.is_bounded)


def _lookup(name: str) -> Activation:
    # Output activations first: "softmax" is only one of those.
    try:
        return Activation.get(name, output=True)
    except ValueError:
        return Activation.get(name)


def input_fill_scale(X: np.ndarray) -> FillScale:
    """Return the fill scale of the input layer for the data set ``X`` (m, s(1)): signed when
    some x is negative, full at the data set's largest |x| (at least 1), the same for every
    example so the fill of an input can be compared from one example to the next."""
    X = np.asarray(X, dtype=float)
    finite = X[np.isfinite(X)]
    if not finite.size:
        return FillScale()
    top = float(np.abs(finite).max())
    # Rounded up to two significant digits, so the legend can state the scale exactly.
    step = 10.0 ** (np.floor(np.log10(top)) - 1) if top > 0 else 1.0
    full = max(1.0, float(np.ceil(round(top / step, 9)) * step))
    return FillScale(signed=bool(finite.min() < 0), full=round(full, 12))


def layer_fill_scales(n_layers: int, activation: str | Sequence[str], output: str,
                      X: np.ndarray) -> list[FillScale]:
    """Return the fill scale of each layer 1..L of a network with ``n_layers`` layers: the data
    set's for the inputs ``X`` (m, s(1)), ``activation``'s for the hidden layers (one g for all,
    or one per hidden layer), ``output``'s for layer L (the canvas fills neurons and the math
    panel colours a(l) with them)."""
    hidden = [activation] * (n_layers - 2) if isinstance(activation, str) else list(activation)
    return [input_fill_scale(X)] + [fill_scale(g) for g in hidden] + [fill_scale(output)]


def rgba_to_qcolor(rgba: np.ndarray) -> QColor:
    """Return one RGBA uint8 row (4,) as a QColor."""
    r, g, b, a = (int(x) for x in rgba)
    return QColor(r, g, b, a)


def diverging_color(value: float, scale: float = 1.0) -> QColor:
    """Return the diverging colour of one value (see ``diverging_rgba``)."""
    return rgba_to_qcolor(diverging_rgba(np.array(value), scale))


def sequential_color(value: float, lo: float = 0.0, hi: float = 1.0) -> QColor:
    """Return the sequential colour of one value (see ``sequential_rgba``)."""
    return rgba_to_qcolor(sequential_rgba(np.array(value), lo, hi))


def relative_luminance(color: QColor) -> float:
    """Return the WCAG relative luminance of ``color`` (0 black … 1 white)."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * lin(color.redF()) + 0.7152 * lin(color.greenF())
            + 0.0722 * lin(color.blueF()))


def text_color_on(background: QColor) -> QColor:
    """Return black or white, whichever reads better on ``background``."""
    return QColor("#000000") if relative_luminance(background) > 0.35 else QColor("#FFFFFF")


def hatch_color(fill: QColor) -> QColor:
    """Return the colour of the hatching over a negative fill: halfway to the text colour that
    reads on ``fill``, so it shows on every fill yet leaves the number inside readable."""
    return mix(fill, text_color_on(fill), 0.5)


def mix(color: QColor, toward: QColor, t: float) -> QColor:
    """Return the opaque colour a fraction ``t`` (0..1) of the way from ``color`` to ``toward``.

    Views fade with this instead of alpha: Qt's raster engine draws translucent antialiased
    lines about 10× slower than opaque ones, which a 784-input network cannot afford per frame.
    """
    t = min(max(float(t), 0.0), 1.0)
    return QColor(round(color.red() + (toward.red() - color.red()) * t),
                  round(color.green() + (toward.green() - color.green()) * t),
                  round(color.blue() + (toward.blue() - color.blue()) * t))


def sign_line_style(value: float) -> Qt.PenStyle:
    """Return the line style that shows a sign without colour: solid ≥ 0, dashed < 0."""
    return Qt.PenStyle.SolidLine if value >= 0 else Qt.PenStyle.DashLine


def sign_pen(value: float, width: float, theme: Theme = LIGHT, alpha: int = 255) -> QPen:
    """Return the pen of a weight: blue solid for ≥ 0, orange dashed for < 0, ``width`` px."""
    pen = QPen(qcolor(theme.positive if value >= 0 else theme.negative, alpha), width)
    pen.setStyle(sign_line_style(value))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setCosmetic(True)   # the width stays in screen pixels when the user zooms
    return pen


# --- training views (loss plot, decision boundary) ---------------------------------------------
# Curves: train solid bluish green, test dashed reddish purple (Okabe–Ito), never the sign colours.
TRAIN_HEX = "#009E73"
TEST_HEX = "#CC79A7"
# The compared run (ui/training/compare.py): Okabe–Ito vermillion, apart from both of the above
# for every colour vision, and drawn dash-dotted besides.
COMPARED_HEX = "#D55E00"
# Class k: colour CLASS_HEX[k] *and* marker CLASS_SYMBOLS[k]; class 0/1 match the binary map below.
CLASS_HEX = (NEGATIVE_HEX, POSITIVE_HEX, "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
             "#000000", "#999999", "#882255")
CLASS_SYMBOLS = ("o", "s", "t", "d", "star", "h", "p", "t1", "+", "x")
# Regression: the examples (x, y) in blue, the network's curve h(x) in vermillion (Okabe–Ito).
FIT_POINT_HEX = POSITIVE_HEX
FIT_CURVE_HEX = "#D55E00"


def class_rgba(probabilities: np.ndarray) -> np.ndarray:
    """Map outputs a(L) (..., K) to RGBA uint8 (..., 4): for K = 1, a diverging map around 0.5
    (class 0 orange … 0.5 grey … class 1 blue); for K > 1, the most likely class's colour faded
    toward grey as its probability falls to 1/K."""
    p = np.asarray(probabilities, dtype=float)
    if p.shape[-1] == 1:
        return diverging_rgba(p[..., 0] - 0.5, 0.5)
    k = np.argmax(p, axis=-1)
    colours = np.array([_rgb(CLASS_HEX[i % len(CLASS_HEX)]) for i in range(p.shape[-1])])
    chance = 1.0 / p.shape[-1]
    t = np.clip((np.max(p, axis=-1) - chance) / (1.0 - chance), 0.0, 1.0)[..., None]
    rgb = _DIV_MID + (colours[k] - _DIV_MID) * t
    alpha = np.full(rgb.shape[:-1] + (1,), 255.0)
    return np.concatenate([rgb, alpha], axis=-1).round().astype(np.uint8)


# Stages of the algorithm on the stepper's timeline (Okabe–Ito hues; the stage name is written
# above each group too, so colour is never the only cue). Black text reads on each of them.
STAGE_HEX: dict[str, str] = {
    "reset": "#BBBBBB",
    "forward": "#56B4E9",
    "backward": "#E69F00",
    "accumulate": "#009E73",
    "gradient": "#F0E442",
    "update": "#CC79A7",
}
# Gradient health: one colour per layer l (Okabe–Ito first, then Tol's wine and grey), in order.
LAYER_HEX = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255",
             "#999999")

# The loss landscape: J by viridis (perceptually uniform, readable with every colour-vision
# deficiency and in greyscale: dark is low), and the training path's "now" star in vermilion,
# a hue viridis never takes.
COST_COLORMAP = "viridis"
PATH_HEX = "#D55E00"
