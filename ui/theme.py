"""Sizes, colours and fonts in one place: minimum touch target, text scale and the high-contrast theme."""

from __future__ import annotations

from typing import NamedTuple

MIN_TARGET_PX = 56  # above the 48 px minimum: older fingers on a tablet
BASE_POINT_SIZE = 15
LARGE_TEXT_SCALE = 1.3


class Palette(NamedTuple):
    window: str
    text: str
    muted: str
    card: str
    border: str
    accent: str
    accent_text: str
    focus: str
    likely: str
    possible: str
    none: str
    unknown: str
    warning_bg: str
    warning_border: str
    chart_fill: str
    chart_limit: str


STANDARD = Palette(
    window="#f6f8f7",
    text="#1b2a2f",
    muted="#4a5a60",
    card="#ffffff",
    border="#b8c6c4",
    accent="#1f6f6a",
    accent_text="#ffffff",
    focus="#e0a100",
    likely="#a8431d",
    possible="#8a6500",
    none="#2f6b3a",
    unknown="#5a6670",
    warning_bg="#fff3e0",
    warning_border="#c15d00",
    chart_fill="#2f7f9a",
    chart_limit="#a8431d",
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
)


class Theme(NamedTuple):
    """Text scale and contrast; immutable, so a change makes a new theme (``theme._replace(...)``)."""

    text_scale: float = 1.0
    high_contrast: bool = False

    @property
    def palette(self) -> Palette:
        return HIGH_CONTRAST if self.high_contrast else STANDARD

    def point_size(self, factor: float = 1.0) -> float:
        return round(BASE_POINT_SIZE * self.text_scale * factor, 1)

    def style_sheet(self) -> str:
        p = self.palette
        pt = self.point_size()
        return f"""
        QWidget {{ background: {p.window}; color: {p.text}; font-size: {pt}pt; }}
        QLabel#pageTitle {{ font-size: {self.point_size(1.6)}pt; font-weight: bold; }}
        QLabel#appTitle {{ font-size: {self.point_size(2.0)}pt; font-weight: bold; }}
        QLabel#stepLabel, QLabel#hint, QLabel#source {{ color: {p.muted}; }}
        QLabel#question {{ font-size: {self.point_size(1.15)}pt; font-weight: bold; }}
        QLabel#error {{ color: {p.likely}; font-weight: bold; }}
        QPushButton {{
            min-height: {MIN_TARGET_PX}px; min-width: {MIN_TARGET_PX}px; padding: 6px 18px;
            border: 2px solid {p.border}; border-radius: 10px; background: {p.card}; color: {p.text};
        }}
        QPushButton#stepperButton {{ font-size: {self.point_size(1.6)}pt; font-weight: bold; padding: 0; }}
        QPushButton:checked {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent}; }}
        QPushButton:focus {{ border: 4px solid {p.focus}; }}
        QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
        QPushButton#primary {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
            font-weight: bold; }}
        QPushButton#primary:focus {{ border: 4px solid {p.focus}; }}
        QLineEdit {{ min-height: {MIN_TARGET_PX}px; border: 2px solid {p.border}; border-radius: 8px;
            padding: 0 12px; background: {p.card}; font-size: {self.point_size(1.4)}pt; }}
        QLineEdit:focus {{ border: 4px solid {p.focus}; }}
        QFrame#card {{ background: {p.card}; border: 2px solid {p.border}; border-radius: 12px; }}
        QFrame#card QLabel, QFrame#card QWidget {{ background: {p.card}; }}
        QFrame#clinician {{ background: {p.warning_bg}; border: 3px solid {p.warning_border}; border-radius: 12px; }}
        QFrame#clinician QLabel {{ background: {p.warning_bg}; }}
        QFrame#header, QFrame#footer {{ border: none; }}
        QScrollArea {{ border: none; }}
        QScrollBar:vertical {{ width: 22px; background: {p.window}; margin: 0; }}
        QScrollBar::handle:vertical {{ background: {p.border}; min-height: 48px; border-radius: 8px; }}
        QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
        QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
        """

    def level_colour(self, level: str) -> str:
        return str(getattr(self.palette, level))
