"""ui.look.theme: light/dark palettes, the set_theme/set_scale hooks, presenter mode, and the
colour-blind safety of the sign colours in both themes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from tests.ui.colour_vision import MACHADO as CVD_MATRICES
from ui.look import palette, theme


@pytest.fixture
def themes(settings_dir):
    """Return the ThemeManager with QSettings in a temp dir (settings_dir restores light, no
    presenter)."""
    return theme.manager()


class _Hooked(QWidget):
    """A widget exposing the hooks the canvas, plots and math panel expose."""

    def __init__(self) -> None:
        super().__init__()
        self.themes: list[palette.Theme] = []
        self.scales: list[float] = []

    def set_theme(self, value: palette.Theme) -> None:
        self.themes.append(value)

    def set_scale(self, value: float) -> None:
        self.scales.append(value)


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((palette.relative_luminance(a), palette.relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_palette_text_reads_well_on_its_backgrounds(name):
    p = theme.build_palette(palette.THEMES[name])
    for text, back in ((QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                       (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                       (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button)):
        assert _contrast(p.color(text), p.color(back)) >= 7.0   # WCAG AAA for body text


def test_dark_palette_is_dark_and_light_palette_is_light():
    dark = theme.build_palette(palette.DARK).color(QPalette.ColorRole.Window)
    light = theme.build_palette(palette.LIGHT).color(QPalette.ColorRole.Window)
    assert dark.lightnessF() < 0.3 < 0.7 < light.lightnessF()


def test_choosing_dark_sets_the_application_palette(themes, qapp):
    themes.set_choice("dark", remember=False)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.3
    assert themes.theme is palette.DARK


def test_theme_change_reaches_widgets_that_follow_it(themes, qtbot):
    widget, bystander = _Hooked(), _Hooked()
    qtbot.addWidget(widget)
    qtbot.addWidget(bystander)
    theme.follow(widget)
    with qtbot.waitSignal(themes.theme_changed) as blocker:
        themes.set_choice("dark", remember=False)
    assert blocker.args == [palette.DARK]
    assert widget.themes[-1] is palette.DARK
    themes.set_choice("light", remember=False)
    assert widget.themes[-1] is palette.LIGHT
    # Nothing searches the application for hooks: a widget that was not handed the signal
    # is left alone.
    assert bystander.themes == []


def test_theme_choice_is_remembered(themes):
    themes.set_choice("dark")
    assert QSettings().value(theme.SETTINGS_KEY) == "dark"
    assert themes.remembered_choice() == "dark"


def test_system_choice_follows_the_style_hints(themes):
    themes.set_choice(theme.SYSTEM, remember=False)
    assert themes.theme is palette.THEMES[theme.system_theme_name()]


def test_unknown_theme_is_refused_with_the_choices(themes):
    with pytest.raises(ValueError, match="light, dark"):
        themes.set_choice("sepia")


def test_presenter_mode_enlarges_fonts_calls_set_scale_and_restores(themes, qapp, qtbot):
    widget = _Hooked()
    theme.follow(widget)
    own_font = QLabel("Θ(1)")
    font = QFont(own_font.font())
    font.setPointSizeF(11.0)
    own_font.setFont(font)
    qtbot.addWidget(widget)
    qtbot.addWidget(own_font)
    before = qapp.font().pointSizeF()
    themes.set_presenter(True)
    assert qapp.font().pointSizeF() == pytest.approx(before * theme.PRESENTER_SCALE)
    assert own_font.font().pointSizeF() == pytest.approx(11.0 * theme.PRESENTER_SCALE)
    assert widget.scales[-1] == theme.PRESENTER_SCALE
    themes.set_presenter(False)
    assert qapp.font().pointSizeF() == pytest.approx(before)
    assert own_font.font().pointSizeF() == pytest.approx(11.0)
    assert widget.scales[-1] == 1.0


# --- colour-blind safety -------------------------------------------------------------------
MACHADO = {**CVD_MATRICES, "normal": np.eye(3)}
MIN_DELTA_L = 15.0   # CIELAB lightness difference still obvious in greyscale or on a projector


def _linear_rgb(hex_code: str) -> np.ndarray:
    c = np.array([int(hex_code[i:i + 2], 16) for i in (1, 3, 5)]) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    """Return CIELAB (D65) of a linear-sRGB colour (independent of the palette's helpers)."""
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    t = (m @ np.clip(linear_rgb, 0, 1)) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_lab_conversion_matches_published_values():
    # Guards the helper: sRGB white is L*=100 and mid grey #777777 is L*≈50.
    assert _lab(_linear_rgb("#FFFFFF"))[0] == pytest.approx(100.0, abs=0.1)
    assert _lab(_linear_rgb("#777777"))[0] == pytest.approx(50.0, abs=0.5)


@pytest.mark.parametrize("vision", sorted(MACHADO))
@pytest.mark.parametrize("name", ["light", "dark"])
def test_sign_colours_differ_in_lightness_under_colour_vision_deficiency(name, vision):
    t = palette.THEMES[name]
    pos = _lab(MACHADO[vision] @ _linear_rgb(t.positive))
    neg = _lab(MACHADO[vision] @ _linear_rgb(t.negative))
    assert abs(pos[0] - neg[0]) >= MIN_DELTA_L, (
        f"{name} theme, {vision}: positive {t.positive} and negative {t.negative} differ by "
        f"ΔL*={abs(pos[0] - neg[0]):.1f} < {MIN_DELTA_L}")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_sign_colours_stand_out_from_the_background(name):
    t = palette.THEMES[name]
    for colour in (t.positive, t.negative):
        assert _contrast(QColor(colour), QColor(t.background)) >= 3.0   # WCAG non-text contrast


def test_sign_is_also_shown_by_line_style():
    assert palette.sign_line_style(0.5) != palette.sign_line_style(-0.5)


def test_plots_without_their_own_hook_get_the_theme_background(themes, qtbot):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    theme.follow_plot(plot)
    themes.set_choice("dark", remember=False)
    assert plot.backgroundBrush().color().name().lower() == palette.DARK.background.lower()
    themes.set_choice("light", remember=False)
    assert plot.backgroundBrush().color().name().lower() == palette.LIGHT.background.lower()


def test_presenter_mode_enlarges_the_math_tables(themes, qtbot):
    from engine.lesson.presets import build_preset
    from ui.maths.panel import MathPanel

    setup = build_preset("mazur", seed=0)
    trace = setup.network.trace(setup.X[:1], setup.Y[:1], lam=setup.lam, lr=setup.lr,
                                freeze_bias=setup.freeze_bias)
    panel = MathPanel(trace, 5)
    qtbot.addWidget(panel)
    theme.follow(panel)
    sheet = panel.findChild(QWidget, "mathTables").document().defaultStyleSheet
    assert "td.v { font-size: 9.5pt; }" in sheet()
    themes.set_presenter(True)
    assert f"td.v {{ font-size: {9.5 * theme.PRESENTER_SCALE:.1f}pt; }}" in sheet()
    themes.set_presenter(False)
    assert "td.v { font-size: 9.5pt; }" in sheet()


def test_system_choice_follows_a_later_system_switch_but_an_explicit_one_does_not(
        themes, monkeypatch):
    from PySide6.QtCore import Qt

    themes.set_choice(theme.SYSTEM, remember=False)
    monkeypatch.setattr(theme, "system_theme_name", lambda: "dark")
    # The offscreen platform cannot change its colour scheme: deliver the hint's signal by hand.
    themes._on_hints_color_scheme_changed(Qt.ColorScheme.Dark)
    assert themes.theme is palette.DARK
    themes.set_choice("light", remember=False)
    themes._on_hints_color_scheme_changed(Qt.ColorScheme.Dark)
    assert themes.theme is palette.LIGHT


def test_presenter_mode_enlarges_plot_tick_labels(themes, qapp, qtbot):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    theme.follow_plot(plot)
    axis = plot.getPlotItem().getAxis("left")
    themes.set_presenter(True)
    big = axis.style["tickFont"].pointSizeF()
    assert big == pytest.approx(qapp.font().pointSizeF())
    themes.set_presenter(False)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(big / theme.PRESENTER_SCALE)
