"""Build the bundled Japanese UI and PDF font: a subset of Noto Sans CJK JP with a clean character map.

Why: with stock CJK fonts, Qt's PDF writer maps many kanji (日, 月, 人, 見, ...) to look-alike Kangxi-radical code
points (U+2F00-U+2FDF), because the font's character map sends both code points to the same glyph and Qt picks
the radical when it writes the PDF's ToUnicode table. Text copied or searched in the PDF then fails. A subset
holding only the characters this product shows has no radical entries, and this script also drops any other
code point that shares a glyph with a preferred one, so every glyph maps back to exactly one character.

Run after changing Japanese text (tools/catalogs.py runs it for you when fontTools and the system font exist):

    python tools/build_font.py

Needs: fonttools (pip install fonttools) and Debian's fonts-noto-cjk. Writes ui/fonts/ScreenerSansJP-*.otf.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.pofile import read_po
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ui" / "fonts"
SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
FAMILY = "Screener Sans JP"
# Blocks kept whole: Latin, punctuation, symbols and kana, so any Japanese or English wording works.
BLOCKS = [
    (0x0020, 0x007E),
    (0x00A0, 0x00FF),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x2190, 0x2199),
    (0x2212, 0x2212),
    (0x2022, 0x2022),
    (0x2460, 0x2473),
    (0x25A0, 0x25FF),
    (0x2600, 0x26FF),
    (0x2713, 0x2713),
    (0x3000, 0x303F),
    (0x3040, 0x309F),
    (0x30A0, 0x30FF),
    (0xFF01, 0xFF5E),
    (0x2300, 0x23FF),
]
# Kanji that the app can show outside the catalogs: dates (babel), language names, citations.
EXTRA = "年月日曜火水木金土本語日本人の食事摂取基準"
# Symbols the UI and the summary draw outside the catalogs.
SYMBOLS = "●◐○?⚠■□•·–—−+⌫✓()/:%.,;-"
# Blocks whose code points only duplicate a glyph of a preferred character: never map back to them.
RADICALS = [(0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x3190, 0x319F)]


def catalog_characters() -> set[str]:
    chars: set[str] = set()
    for po in (ROOT / "locales").glob("*/LC_MESSAGES/screener.po"):
        with po.open("rb") as handle:
            for message in read_po(handle):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for text in strings:
                    chars |= set(text)
    return chars


def table_characters() -> set[str]:
    """The reference table's citations are printed on the summary as they are (titles are not translated)."""
    return set((ROOT / "screener" / "data" / "reference.toml").read_text(encoding="utf-8"))


def used_code_points() -> set[int]:
    """Characters the product's own text uses: the catalogs, the citations, the extra kanji and the UI's symbols."""
    chars = catalog_characters() | table_characters() | set(EXTRA) | set(SYMBOLS)
    return {ord(ch) for ch in chars if not ch.isspace() or ch == " "}


def code_points() -> set[int]:
    points = used_code_points()
    for low, high in BLOCKS:
        points |= set(range(low, high + 1))
    return {p for p in points if not any(low <= p <= high for low, high in RADICALS)}


def japanese_face(collection: Path) -> TTFont:
    for font in TTCollection(str(collection)).fonts:
        names = {record.toUnicode() for record in font["name"].names if record.nameID == 1}
        if any(name.endswith("CJK JP") for name in names):
            return font
    raise SystemExit(f"no Japanese face in {collection}")


def one_code_point_per_glyph(font: TTFont, used: set[int]) -> None:
    """Keep, for every glyph, one code point: one the product's text uses if any, else the lowest.

    Radical and compatibility blocks never own a glyph. A PDF's text layer can then only name the character
    that was drawn (e.g. an en dash does not come back as the figure dash that shares its glyph).
    """
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        owner: dict[str, int] = {}
        for point in sorted(table.cmap, key=lambda p: (p not in used, p)):
            glyph = table.cmap[point]
            if any(low <= point <= high for low, high in RADICALS):
                continue
            owner.setdefault(glyph, point)
        table.cmap = {point: glyph for point, glyph in table.cmap.items() if owner.get(glyph) == point}


def rename(font: TTFont, style: str) -> None:
    """A new family name: this is a modified subset, not the original font (as the SIL OFL asks)."""
    ps_name = FAMILY.replace(" ", "") + "-" + style
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (2, 17):
            record.string = style
        elif record.nameID == 4:
            record.string = f"{FAMILY} {style}"
        elif record.nameID in (3, 6):
            record.string = ps_name
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps_name]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = f"{FAMILY} {style}", FAMILY


def build(style: str, source: Path, points: set[int], used: set[int]) -> Path:
    font = japanese_face(source)
    font.recalcTimestamp = False  # the same input gives the same bytes: no churn in git
    options = subset.Options()
    # No glyph substitutions (ligatures, alternate digits): a substituted glyph has no code point, so its
    # text would vanish from the PDF. Kerning moves glyphs without changing them, so it stays.
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    options.hinting = False
    options.prune_codepage_ranges = False  # keep the JIS bit and the CJK ranges: Qt lists the font
    options.prune_unicode_ranges = False  # as Japanese from them
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    one_code_point_per_glyph(font, used)
    rename(font, style)
    out = OUT / f"ScreenerSansJP-{style}.otf"
    buffer = io.BytesIO()
    font.save(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def main() -> int:
    missing = [str(path) for path in SOURCES.values() if not path.exists()]
    if missing:
        print(f"build_font: missing {', '.join(missing)} (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    points = code_points()
    for style, source in SOURCES.items():
        out = build(style, source, points, used_code_points())
        print(f"{out.relative_to(ROOT)}: {len(points)} code points, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
