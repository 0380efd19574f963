"""Sizes, colours and fonts in one place: touch targets, text sizes in pixels, the standard and high-contrast
palettes, and the contrast ratios a test checks them against (WCAG 2.x relative luminance)."""

from __future__ import annotations

from typing import NamedTuple

MIN_TARGET_PX = 64  # answer buttons: well above the 48 px minimum, for older fingers on a tablet
SMALL_TARGET_PX = 64  # header and footer buttons: the same finger, the same size (was 52-56: too small)
LARGE_TEXT_SCALE = 1.4
BODY_PX = 24  # body text at the normal size
HELPER_PX = 20  # hints and small print on screen
PROMPT_PX = 28  # the question
TITLE_PX = 32


class Palette(NamedTuple):
    window: str
    text: str
    muted: str  # helper text: still at least 4.5:1 (7:1 in high contrast)
    card: str
    border: str  # control borders: at least 3:1 against window and card
    accent: str  # a chosen answer's fill and the primary button
    accent_text: str
    focus: str  # the keyboard focus ring: a colour no chosen answer has
    likely: str
    possible: str
    none: str
    unknown: str
    warning_bg: str
    warning_border: str
    chart_fill: str
    chart_limit: str
    chart_caution: str
    backdrop: str  # behind an in-window dialog


STANDARD = Palette(
    window="#f6f8f7",
    text="#1b2a2f",
    muted="#3f4f55",
    card="#ffffff",
    border="#62777a",
    accent="#1f6f6a",
    accent_text="#ffffff",
    focus="#1d4ed8",
    likely="#1f4e8c",  # a calm blue: "likely applies" is information, not an alarm (orange is kept for warnings)
    possible="#7d5b00",
    none="#2f6b3a",
    unknown="#4f5b64",
    warning_bg="#fff3e0",
    warning_border="#b35400",
    chart_fill="#2f7f9a",
    chart_limit="#a8431d",
    chart_caution="#9a6a00",
    backdrop="rgba(20, 30, 35, 0.55)",
)

HIGH_CONTRAST = Palette(
    window="#000000",
    text="#ffffff",
    muted="#f0f0f0",
    card="#000000",
    border="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    focus="#00ffff",
    likely="#ffb080",
    possible="#ffff66",
    none="#80ff80",
    unknown="#d0d0d0",
    warning_bg="#000000",
    warning_border="#ffff00",
    chart_fill="#00ffff",
    chart_limit="#ffb080",
    chart_caution="#ffff66",
    backdrop="rgba(0, 0, 0, 0.85)",
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2.x)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Theme(NamedTuple):
    """Text scale and contrast; immutable, so a change makes a new theme (``theme._replace(...)``)."""

    text_scale: float = 1.0
    high_contrast: bool = False

    @property
    def palette(self) -> Palette:
        return HIGH_CONTRAST if self.high_contrast else STANDARD

    def px(self, base: float) -> int:
        """A text size in pixels at this theme's scale."""
        return round(base * self.text_scale)

    def point_size(self, factor: float = 1.0) -> float:
        """The body size in points (96 dpi), for fonts set outside the style sheet (charts)."""
        return round(BODY_PX * self.text_scale * factor * 0.75, 1)

    def target(self) -> int:
        return self.px(MIN_TARGET_PX) if self.text_scale > 1 else MIN_TARGET_PX

    def style_sheet(self) -> str:
        p = self.palette
        body, helper, prompt, title = self.px(BODY_PX), self.px(HELPER_PX), self.px(PROMPT_PX), self.px(TITLE_PX)
        return f"""
        QWidget {{ background: {p.window}; color: {p.text}; font-size: {body}px; }}
        QLabel#appTitle {{ font-size: {title}px; font-weight: bold; }}
        QLabel#prompt {{ font-size: {prompt}px; font-weight: bold; }}
        QLabel#heading {{ font-size: {prompt}px; font-weight: bold; }}
        QLabel#subheading {{ font-weight: bold; }}
        QLabel#hint, QLabel#stepLabel, QLabel#source {{ color: {p.muted}; font-size: {helper}px; }}
        QLabel#error {{ color: {p.likely}; font-weight: bold; }}
        QLineEdit {{ min-height: {self.target()}px; border: 2px solid {p.border}; border-radius: 8px;
            padding: 0 12px; background: {p.card}; color: {p.text}; font-size: {self.px(34)}px; }}
        QLineEdit:focus {{ border: 3px solid {p.focus}; }}
        QLabel#unit {{ font-size: {prompt}px; font-weight: bold; }}
        QFrame#card {{ background: {p.card}; border: 2px solid {p.border}; border-radius: 12px; }}
        QFrame#card QLabel, QFrame#card QWidget {{ background: {p.card}; }}
        QFrame#clinician {{ background: {p.warning_bg}; border: 3px solid {p.warning_border}; border-radius: 12px; }}
        QFrame#clinician QLabel, QFrame#clinician QWidget {{ background: {p.warning_bg}; }}
        QFrame#reviewLine {{ border: none; border-bottom: 1px solid {p.border}; }}
        QFrame#header, QFrame#footer {{ border: none; }}
        QGroupBox {{ border: none; margin: 0; padding: 0; }}
        QScrollArea {{ border: none; }}
        QScrollBar:vertical {{ width: 28px; background: {p.window}; margin: 0; }}
        QScrollBar::handle:vertical {{ background: {p.border}; min-height: 64px; border-radius: 10px; }}
        QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
        QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
        QWidget#backdrop {{ background: {p.backdrop}; }}
        QWidget#privacy {{ background: {p.window}; }}
        QFrame#dialog {{ background: {p.card}; border: 3px solid {p.border}; border-radius: 16px; }}
        QFrame#dialog QLabel, QFrame#dialog QWidget {{ background: {p.card}; }}
        QWidget#moreBelow {{ background: transparent; }}
        """

    def level_colour(self, level: str) -> str:
        return str(getattr(self.palette, level))


_current = Theme()


def current_theme() -> Theme:
    """The theme the window shows now: custom-painted controls read their colours from it."""
    return _current


def set_current_theme(theme: Theme) -> None:
    global _current
    _current = theme
