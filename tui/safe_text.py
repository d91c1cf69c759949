"""Turn untrusted article text into terminal-safe text without moving any offset.

Article text comes from the web: it may carry ESC sequences (colour, cursor moves, OSC 52
clipboard writes), bidi overrides that reorder what a reader sees, or zero-width characters
that hide words. `visible` replaces each such code point by exactly one printable symbol, so
`len(visible(t)) == len(t)` and every annotation offset still points at the same character.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["visible", "is_unsafe"]

# Replacement for code points without a dedicated picture (C1, bidi, zero-width, format chars).
REPLACEMENT = "\ufffd"  # noqa: RUF001 - the replacement char is the point
# An open box stands in for zero-width/format characters so a hidden char shows as a mark.
FORMAT_MARK = "\u2423"  # OPEN BOX ␣

_BIDI = {
    "\u061c",  # ARABIC LETTER MARK
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",  # embeddings / overrides / pop
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",  # isolates
}
_ZERO_WIDTH = {
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\ufeff",
    "\u180e",
    "\u00ad",
}
# Line and paragraph separators end lines in some terminals; show them instead.
_SEPARATORS = {"\u2028": "\u21b5", "\u2029": "\u00b6", "\u0085": "\u21b5"}


def _picture(ch: str) -> str | None:
    """Return the printable stand-in for `ch`, or None when `ch` is safe as is."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ESC -> ␛, TAB -> ␉, CR -> ␍ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    if ch in _SEPARATORS:
        return _SEPARATORS[ch]
    if 0x80 <= code <= 0x9F:
        return REPLACEMENT
    if ch in _BIDI:
        return REPLACEMENT
    if ch in _ZERO_WIDTH:
        return FORMAT_MARK
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs"):
        return REPLACEMENT
    if category == "Cf":
        return FORMAT_MARK
    return None


def _build_table() -> dict[int, str]:
    """Precompute replacements for the Basic Multilingual Plane, the only plane str.translate needs fast."""
    table: dict[int, str] = {}
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            table[code] = REPLACEMENT  # lone surrogates cannot be encoded to a terminal
            continue
        picture = _picture(chr(code))
        if picture is not None:
            table[code] = picture
    return table


class _Table(dict[int, str | int]):
    """A translate table that also covers code points beyond the BMP on demand."""

    def __missing__(self, code: int) -> str | int:
        if code < 0x10000:
            return code
        picture = _picture(chr(code))
        result: str | int = picture if picture is not None else code
        self[code] = result
        return result


@functools.cache
def _tables() -> tuple[_Table, _Table]:
    """Build the translate tables on first use so importing this module stays cheap."""
    full = _Table(_build_table())
    keep_newlines = _Table(full)
    del keep_newlines[0x0A]
    return full, keep_newlines


def visible(text: str, keep_newlines: bool = False) -> str:
    """Return `text` with every control/bidi/zero-width code point replaced by one visible symbol.

    The result has the same length as `text`. `\\n` is kept when `keep_newlines` is true and
    shown as a symbol otherwise.
    """
    full, keep = _tables()
    return text.translate(keep if keep_newlines else full)


def is_unsafe(ch: str) -> bool:
    """Say whether a single code point would be replaced by `visible` (newline counts as unsafe)."""
    return visible(ch) != ch
