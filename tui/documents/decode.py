"""Bytes to text for article files: never crash on bad bytes, never touch line endings.

Decoding keeps CR and CRLF exactly as they are, so offsets into the decoded text map back
to the file line for line (the cleaner splits on \\r\\n, \\r and \\n itself).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "bom_codec", "decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def bom_codec(head: bytes) -> str | None:
    """The codec a byte order mark at the start of `head` names ("utf-32", "utf-8-sig",
    "utf-16": each strips its own mark when decoding), else None."""
    return next((label for bom, _name, label in _BOMS if head.startswith(bom)), None)


_HTML_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SNIFF = 8192
_PREFERRED = [
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
]


class DecodeError(ValueError):
    """The bytes are not text (binary data); the message says what was found."""


def looks_binary(data: bytes) -> bool:
    """Say whether bytes without a BOM look like binary data rather than text."""
    head = data[:_SNIFF]
    if head.count(0) > len(head) // 1024:  # one stray NUL per KB of scraped text is not binary
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 20)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM: mostly-Latin text has a NUL in every other byte."""
    head = data[:_SNIFF]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _utf8_is_plausible(data: bytes) -> str | None:
    """Decode as UTF-8 when the bytes are UTF-8 with at most a few broken sequences."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    broken = replaced - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - replaced  # valid non-ASCII chars
    # Valid multi-byte sequences are vanishingly rare in legacy 8-bit text, so a file with
    # many of them and few broken ones is UTF-8 with some damage, not cp1252.
    return text if good >= 4 * broken else None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in a <meta> tag, if Python knows it."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Return (text, encoding name); invalid bytes become U+FFFD, binary data raises DecodeError."""
    for bom, name, label in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), label
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    if looks_binary(data):
        raise DecodeError("binary data, not text (NUL or control bytes)")
    if html:
        declared = _declared_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    text = _utf8_is_plausible(data)
    if text is not None:
        return text, "utf-8"
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    """Guess a legacy encoding with charset-normalizer; fall back to UTF-8 with replacements."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # charset-normalizer often ties (cp1250 vs cp1252 on French text); among equally good
        # guesses prefer the encodings legacy news files most often use.
        ties = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = min(
            ties, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else 99
        )
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace"), best.encoding
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
