"""Shallow text features of one line (boilerpipe/jusText style): cheap and language-light."""

from __future__ import annotations

import re
from functools import lru_cache

from .authors import byline
from .dates import TWO_DIGITS, find_date
from .lines import RawLine
from .names import bare_name, name_like, name_with_job
from .phrases import (
    comment_signature,
    match_long,
    match_opening,
    match_short_then_long,
    may_sign,
)
from .stopwords import CJK_STOPCHARS, KOREAN_PARTICLE_ENDS, STOPWORDS, content_words, folded_words

# Possessive (++, *+): a word never gives letters back, so the engine keeps no backtracking points
# (same matches, ~13% faster). _ASCII_WORD is _WORD on lower-cased ASCII, as a faster bitmap.
_WORD = re.compile(r"[^\W\d_]++(?:['’-][^\W\d_]++)*+")
_ASCII_WORD = re.compile(r"[a-z]++(?:['-][a-z]++)*+")
_SENTENCE_END = frozenset(".!?…\"”»'’)]:;。！？」")
_FULL_STOP = re.compile(r"[.!?][\"”’»)]*$")  # a sentence's end; ':' or '…' end a prompt or a teaser
_PUNCT = re.compile(r"[.,;:!?。，、]")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")  # CJK or Hangul

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
SHORT_PHRASE_WORDS = 12  # a menu item or prompt is at most this many words


class LineFeatures:
    """What the classifier needs to know about one line; computed once, read many times."""

    __slots__ = (
        "line",
        "words",
        "stops",
        "chars",
        "ends_sentence",
        "lower",
        "reason",
        "kind",
        "comment",
        "digits",
    )

    def __init__(self, line: RawLine):
        self.line = line
        self.chars = len(line.text)
        (
            self.words,
            self.stops,
            self.ends_sentence,
            self.lower,
            self.reason,
            self.kind,
            self.comment,
            self.digits,
        ) = _facts(line.text)

    @property
    def stop_ratio(self) -> float:
        return self.stops / self.words if self.words else 0.0


_Facts = tuple[int, int, bool, str, str | None, str, bool, bool]


@lru_cache(maxsize=1 << 17)
def _facts(text: str) -> _Facts:
    """Everything a line's features say, from its text alone: cached, since a site's menus, share bars
    and footers repeat on every page (a corpus of one site repeats most of its short lines)."""
    lower = text.lower()
    ascii_only = text.isascii()
    tokens = (_ASCII_WORD if ascii_only else _WORD).findall(lower)
    words = len(tokens)
    stops = sum(map(STOPWORDS.__contains__, tokens))
    if not ascii_only and _EAST_ASIAN.search(text):
        cjk = _CJK.findall(text)  # a CJK run is one regex "word": count ~2 chars per word instead
        words += len(cjk) // 2
        stops += 2 * sum(1 for ch in cjk if ch in CJK_STOPCHARS)
        if not cjk:  # Hangul
            stops += sum(1 for token in tokens if token[-1] in KOREAN_PARTICLE_ENDS)
    ends_sentence = text[-1] in _SENTENCE_END
    reason = None
    if words > 60:
        reason = match_opening(lower)  # a cookie banner, however long
        lower = ""
    comment = False
    if words <= 10 and not _DATELINE.match(text):
        digit = _DIGIT.search(text) is not None  # a date or a clock time: tested once for both
        # without a digit, a signature is a lone reply button or ends in a 'says' word (cheap test first)
        comment = (digit or words == 1 or may_sign(lower)) and (
            comment_signature(text, digit) or digit and _name_then_date(text)
        )
    if comment:
        reason = "reader comments"
    elif words <= SHORT_PHRASE_WORDS:
        reason = match_short_then_long(
            lower, words >= 5 and stops >= 1 and _FULL_STOP.search(text) is not None
        )
    elif lower:
        reason = match_long(lower)
    return (
        words,
        stops,
        ends_sentence,
        lower,
        reason,
        _kind(text, words, stops, ends_sentence, reason),
        comment,
        TWO_DIGITS.search(text) is not None,  # digits: may hold a date
    )


def _kind(text: str, words: int, stops: int, ends_sentence: bool, reason: str | None) -> str:
    if reason is not None or words == 0:
        return BAD
    if words < 8:
        return SHORT
    ratio = stops / words
    # prose has commas and stops; menus and tag lists do not (tested only where it decides)
    if words >= 20 and ratio >= 0.18:
        return GOOD if _PUNCT.search(text) is not None else NEAR
    if ratio >= 0.12 and (ends_sentence or words >= 15):
        return NEAR if _PUNCT.search(text) is not None else SHORT
    return SHORT


_STAMP_SEP = " /|,·•–—-:"
# "By Jane Doe | May 3, 2024", "Updated May 3, 2024 at 3:45 pm": the article's own byline or dateline.
_DATELINE = re.compile(
    r"^(by|von|par|por|door|written by|posted by|geschrieben von|verfasst von|published|updated|"
    r"posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato)\b",
    re.I,
)


def _name_then_date(text: str) -> bool:
    """'Jane Doe / 22.04.2020': how comment threads sign each comment."""
    if len(text) > 80:
        return False
    hit = find_date(text)
    if not hit or hit[1] == 0:
        return False
    name = text[: hit[1]].strip(_STAMP_SEP)
    joined = _SIGNED_ON.search(
        name
    )  # "Herbert am 15.7.2010": one name signs with "on"; a section does not
    if joined:
        name = name[: joined.start()]
        return bool(name) and name_like(name)
    return len(name.split()) >= 2 and name_like(
        name
    )  # one word is as likely a section ("Sport / May 2")


_SIGNED_ON = re.compile(r"\s(am|on|le|el|il)$")


def clear_cache() -> None:
    """Forget the per-text caches (benchmarks measure a first pass)."""
    from . import titles  # it builds on this module

    titles.clear_cache()
    _facts.cache_clear()
    find_date.cache_clear()
    content_words.cache_clear()
    folded_words.cache_clear()
    byline.cache_clear()
    bare_name.cache_clear()
    name_with_job.cache_clear()


def line_features(lines: list[RawLine]) -> list[LineFeatures]:
    """Features for each line, in order."""
    return [LineFeatures(line) for line in lines]
