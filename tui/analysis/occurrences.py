"""Find every occurrence of a span's text, so one key can tag a name everywhere it recurs.

Matches respect word boundaries (a possessive "’s" stays outside), treat any run of
whitespace in the needle as any run in the text (names wrap across lines), and can ignore case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Hit", "context_of", "find_all", "find_in_corpus", "pattern_for"]

_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\s|\n\s*\n")


@dataclass(frozen=True)
class Hit:
    """One occurrence: the document, its code-point span, and the matched text."""

    document_id: str
    start: int
    end: int
    text: str


def pattern_for(needle: str, *, ignore_case: bool = False) -> re.Pattern[str] | None:
    """The compiled search for `needle` between word boundaries; None for a blank needle."""
    words = needle.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def find_all(text: str, needle: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Every (start, end) where `needle` occurs in `text` as whole words."""
    pattern = pattern_for(needle, ignore_case=ignore_case)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text)]


def find_in_corpus(
    texts: Iterable[tuple[str, str]], needle: str, *, ignore_case: bool = False
) -> list[Hit]:
    """Every occurrence over (document id, clean text) pairs, in the order given."""
    pattern = pattern_for(needle, ignore_case=ignore_case)
    if pattern is None:
        return []
    hits: list[Hit] = []
    for doc_id, text in texts:
        for match in pattern.finditer(text):
            hits.append(Hit(doc_id, match.start(), match.end(), match.group()))
    return hits


def context_of(text: str, start: int, end: int, width: int = 160) -> tuple[int, int]:
    """The sentence around [start, end) (cut to about `width` code points), for a preview line."""
    left = max(0, start - width)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    begin = before[-1] if before else left
    after = _SENTENCE_END.search(text, end, min(len(text), end + width))
    finish = after.start() + 1 if after else min(len(text), end + width)
    return begin, finish
