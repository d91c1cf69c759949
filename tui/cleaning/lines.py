"""Split raw text into lines with exact offsets, treating CRLF, lone CR and LF alike."""

from __future__ import annotations

import re

_BREAK = re.compile(r"\r\n|\r|\n")


class RawLine:
    """A non-blank raw line: 1-based number, stripped [start, end) in raw, and its stripped text."""

    __slots__ = ("number", "start", "end", "text")

    def __init__(self, number: int, start: int, end: int, text: str):
        self.number, self.start, self.end, self.text = number, start, end, text

    def __repr__(self) -> str:
        return f"RawLine({self.number}, {self.start}, {self.end}, {self.text!r})"


def split_lines(raw: str) -> list[RawLine]:
    """Every non-blank line of raw; numbering counts blank lines too, as an editor would."""
    out: list[RawLine] = []
    number, pos = 0, 0
    if "\r" not in raw:  # the common case: plain str.split is several times faster than a regex
        for seg in raw.split("\n"):
            number += 1
            stripped = seg.strip()  # seg itself when there is nothing to strip (most lines)
            if stripped:
                start = pos if stripped is seg else pos + len(seg) - len(seg.lstrip())
                out.append(RawLine(number, start, start + len(stripped), stripped))
            pos += len(seg) + 1
        return out
    breaks = [m.span() for m in _BREAK.finditer(raw)]
    breaks.append((len(raw), len(raw)))
    for line_end, next_start in breaks:
        number += 1
        seg = raw[pos:line_end]
        stripped = seg.strip()
        if stripped:
            start = pos + len(seg) - len(seg.lstrip())
            out.append(RawLine(number, start, start + len(stripped), stripped))
        pos = next_start
    return out
