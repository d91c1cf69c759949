"""Word, sentence and paragraph spans over a text, so keyboard selection can jump by unit.

All spans are `(start, end)` code-point offsets, end-exclusive, in order, non-overlapping
and never blank. Sentences come from pysbd (which knows "Nov. 12", "U.S.", "Mr.", quotes and
ellipses) run one paragraph at a time, so a sentence never crosses a blank line. Results are
cached per text because the app asks again every time an article is opened or re-rendered.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["words", "word_count", "sentences", "sentences_in", "paragraphs", "span_at", "Span"]

Span = tuple[int, int]

# A word: letters/digits with inner joiners ("don't", "state-backed", "U.S", "AT&T", "1,000.5");
# a possessive "’s" is not joined, so "Hainan’s" lets "Hainan" alone be tagged.
_WORD = re.compile(r"(?<!\w['’])\w+(?:(?!['’]s\b)['’\-.,&/]\w+)*")
# A paragraph break: a newline, optional blanks, and at least one more newline.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

# Where a long paragraph may be cut before pysbd sees it: after a lowercase word of 4+ letters
# and a full stop, before a capital. pysbd splits there too; cutting keeps its cost linear.
_SAFE_CUT = re.compile(r"(?<=[a-z]{4}[.!?])[\"”’)]?(\s+)(?=[\"“‘(]?[A-Z])")
_CHUNK = 2000  # paragraphs longer than this (in code points) are cut at safe points first

# Quote and bracket characters that can close a sentence („…“ closes with U+201C).
_CLOSERS = "\"'”“’‘»«›‹)]"

# A paragraph with none of these before its final punctuation is one sentence.
_INNER_STOP = re.compile(r"[.!?…。！？;\n]")
_SENTENCE_TAIL = _CLOSERS + ".!?…。！？ \t"

_CACHE_SIZE = 16
_segmenter_lock = threading.Lock()


@functools.cache
def _segmenter() -> Any:
    """Build pysbd's English segmenter once; it is costly to construct and not thread-safe."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _strip(text: str, start: int, end: int) -> Span | None:
    """Shrink [start, end) to exclude surrounding whitespace; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _paragraphs(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        span = _strip(text, position, match.start())
        if span:
            spans.append(span)
        position = match.end()
    span = _strip(text, position, len(text))
    if span:
        spans.append(span)
    return tuple(spans)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _words(text: str) -> tuple[Span, ...]:
    return tuple(match.span() for match in _WORD.finditer(text))


def _segment(paragraph: str) -> list[str]:
    """Split one paragraph into sentence strings with pysbd. Its processor, not `segment()`:
    `segment()` then finds each sentence in the paragraph again with a regex it compiles per
    sentence (about 60% of the time, and more than Python's regex cache holds), which
    `_sentences_in` does anyway with `str.find`."""
    with _segmenter_lock:
        return list(_segmenter().processor(paragraph).process())


def _sentences_in(text: str, start: int, end: int) -> list[Span]:
    """Map pysbd's sentence strings for text[start:end] back to offsets in `text`.

    pysbd returns strings, not offsets, and may alter them; each stripped segment is looked
    up from the current position, and any text it skipped is folded into the sentence, so
    together the sentences always cover every non-blank character of the paragraph.
    """
    paragraph = text[start:end]
    spans: list[Span] = []
    cursor = 0
    for segment in _segment(paragraph):
        piece = segment.strip()
        if not piece:
            continue
        found = paragraph.find(piece, cursor)
        if found < 0:
            break  # pysbd changed the text: the rest becomes one sentence below
        span = _strip(paragraph, cursor, found + len(piece))
        if span:
            spans.append(span)
        cursor = found + len(piece)
    rest = _strip(paragraph, cursor, len(paragraph))
    if rest:
        spans.append(rest)
    return [(start + s, start + e) for s, e in _merge_stray_punctuation(paragraph, spans)]


def _merge_stray_punctuation(paragraph: str, spans: list[Span]) -> list[Span]:
    """Give closing quotes that pysbd put at the start of the next sentence back to the previous
    one, and join a "sentence" with no letter or digit to the one before."""
    merged: list[Span] = []
    for s, e in spans:
        if merged and merged[-1][1] == s:
            k = s
            while k < e and paragraph[k] in _CLOSERS:
                k += 1
            if k > s and (k == e or paragraph[k].isspace()):
                merged[-1] = (merged[-1][0], k)
                rest = _strip(paragraph, k, e)
                if rest is None:
                    continue
                s, e = rest
        if merged and not any(ch.isalnum() for ch in paragraph[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _outside_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has opened as many quotes as it closed (pysbd keeps quotes whole)."""
    piece = text[start:end]
    return (
        piece.count("“") == piece.count("”")
        and piece.count("«") == piece.count("»")
        and piece.count('"') % 2 == 0
    )


def _chunks(text: str, start: int, end: int) -> list[Span]:
    """Cut a long paragraph at unambiguous sentence ends outside quotes, ~_CHUNK code points each."""
    if end - start <= _CHUNK:
        return [(start, end)]
    pieces: list[Span] = []
    piece_start = start
    for match in _SAFE_CUT.finditer(text, start, end):
        cut = match.start(1)
        if cut - piece_start >= _CHUNK and _outside_quotes(text, piece_start, cut):
            pieces.append((piece_start, cut))
            piece_start = match.end(1)
    pieces.append((piece_start, end))
    return pieces


@functools.lru_cache(maxsize=4096)
def _paragraph_sentences(paragraph: str) -> tuple[Span, ...]:
    """Sentence spans relative to one paragraph; cached by content, so re-cleaning an article
    (which changes a few paragraphs) re-splits only those."""
    whole = _strip(paragraph, 0, len(paragraph))
    if whole is None:
        return ()
    if not _INNER_STOP.search(paragraph.rstrip(_SENTENCE_TAIL)):
        return (whole,)  # no stop before the end: one sentence, as pysbd would say, 30x faster
    spans: list[Span] = []
    for start, end in _chunks(paragraph, 0, len(paragraph)):
        spans.extend(_sentences_in(paragraph, start, end))
    return tuple(spans)


def _sentences_of(text: str, paragraph_spans: Iterable[Span]) -> list[Span]:
    spans: list[Span] = []
    for start, end in paragraph_spans:
        spans.extend((start + s, start + e) for s, e in _paragraph_sentences(text[start:end]))
    return spans


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _sentences(text: str) -> tuple[Span, ...]:
    return tuple(_sentences_of(text, _paragraphs(text)))


def words(text: str) -> list[Span]:
    """Word spans: runs of letters/digits, keeping inner apostrophes, hyphens and dots."""
    return list(_words(text))


def word_count(text: str) -> int:
    """Number of words as `words` counts them, without building or caching the spans."""
    return len(_WORD.findall(text))


def sentences(text: str) -> list[Span]:
    """Sentence spans, split by pysbd within each paragraph, whitespace trimmed."""
    return list(_sentences(text))


def sentences_in(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of the paragraphs overlapping [start, end): what a screenful needs,
    without splitting the rest of a long article."""
    spans = _paragraphs(text)
    first = span_at(spans, start)
    if first is None or spans[first][0] >= end:
        return []
    last = first
    while last + 1 < len(spans) and spans[last + 1][0] < end:
        last += 1
    return _sentences_of(text, spans[first : last + 1])


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: text between blank lines, whitespace trimmed."""
    return list(_paragraphs(text))


def span_at(spans: Sequence[Span], offset: int) -> int | None:
    """Index of the span containing `offset`, else of the next span after it, else None."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return index
    index += 1
    return index if index < len(spans) else None
