"""Match the phrase families of `phrase_data` against a line: the reason a line is boilerplate, if any."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from .needles import needles, repeat_guard, split_at_start
from .phrase_data import FAMILIES


@dataclass(frozen=True)
class Compiled:
    """A family ready to match, with the literals one of which every match contains (None: always try)."""

    name: str
    reason: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...] | None
    menu_word: bool
    repeats: int | None = None  # see needles.repeat_guard
    at_start: re.Pattern[str] | None = None  # pattern's '^' alternatives, tried at 0 only ...
    anywhere: re.Pattern[str] | None = None  # ... and the others, searched (needles.split_at_start)

    def hit(self, lowered: str) -> bool:
        """Whether pattern is found in lowered, trying its anchored alternatives at the start only."""
        return (self.at_start is not None and self.at_start.match(lowered) is not None) or (
            self.anywhere is not None and self.anywhere.search(lowered) is not None
        )


def _compile(scope: str) -> tuple[Compiled, ...]:
    out = []
    for f in FAMILIES:
        if f.scope == scope:
            at_start, anywhere = split_at_start(f.pattern)
            out.append(
                Compiled(
                    f.name,
                    f.reason,
                    re.compile(f.pattern),
                    needles(f.pattern),
                    f.menu_word,
                    repeat_guard(f.pattern),
                    re.compile(at_start) if at_start else None,
                    re.compile(anywhere) if anywhere else None,
                )
            )
    return tuple(out)


SHORT_FAMILIES = _compile("short")
LONG_FAMILIES = _compile("long")
OPENINGS = tuple((f.reason, re.compile(f.pattern)) for f in FAMILIES if f.scope == "opening")
_MARKERS = {f.name: re.compile(f.pattern) for f in FAMILIES if f.scope == "marker"}
END_MARKER = _MARKERS["end-markers"]  # a standalone line that closes an article
INLINE_MARKER = _MARKERS["inline-markers"]  # ... that may also stand between a body's paragraphs


class _Prefilter:
    """One Aho-Corasick pass over a line tells which families may match it, in their order.

    Each needle carries a bit mask of the families that own it; the candidate list of each mask
    seen is kept (bounded: a few hundred masks occur on real pages)."""

    MAX_LISTS = 4096

    def __init__(self, families: tuple[Compiled, ...]):
        self.families = families
        self.always = 0
        owners: dict[str, int] = {}
        for k, fam in enumerate(families):
            if fam.needs is None:
                self.always |= 1 << k
            for needle in fam.needs or ():
                owners[needle] = owners.get(needle, 0) | 1 << k
        self.automaton = ahocorasick.Automaton()
        for needle, bits in owners.items():
            self.automaton.add_word(needle, bits)
        self.automaton.make_automaton()
        self._lists: dict[int, list[Compiled]] = {}
        self.guards = [(k, fam.repeats) for k, fam in enumerate(families) if fam.repeats]

    def candidates(self, lowered: str) -> list[Compiled]:
        mask = self.always
        for _, bits in self.automaton.iter(lowered):
            mask |= bits
        for k, width in self.guards:  # a line that must repeat its opening, and does not
            if mask >> k & 1 and lowered.find(lowered[:width], width) < 0:
                mask &= ~(1 << k)
        found = self._lists.get(mask)
        if found is None:
            if len(self._lists) >= self.MAX_LISTS:
                self._lists.clear()
            found = [fam for k, fam in enumerate(self.families) if mask >> k & 1]
            self._lists[mask] = found
        return found


_SHORT = _Prefilter(SHORT_FAMILIES)
_LONG = _Prefilter(LONG_FAMILIES)
_BOTH = _Prefilter(SHORT_FAMILIES + LONG_FAMILIES)  # a short line is tried against both scopes
_LONG_MENU_WORDS = any(fam.menu_word for fam in LONG_FAMILIES)  # "menu_word" is a short-scope flag


def match_short(lowered: str, sentence: bool = False) -> str | None:
    """Reason for a short line that reads like a menu item, prompt or notice, else None; a full sentence is
    only judged by the phrase families, not by its first word."""
    for fam in _SHORT.candidates(lowered):
        if sentence and fam.menu_word:
            continue
        if fam.hit(lowered):
            return fam.reason
    return None


def match_long(lowered: str) -> str | None:
    """Reason for a line of any length that only boilerplate says, else None."""
    for fam in _LONG.candidates(lowered):
        if fam.hit(lowered):
            return fam.reason
    return None


def match_short_then_long(lowered: str, sentence: bool = False) -> str | None:
    """`match_short(lowered, sentence) or match_long(lowered)` with one automaton pass."""
    if _LONG_MENU_WORDS:
        return match_short(lowered, sentence) or match_long(lowered)
    for fam in _BOTH.candidates(lowered):
        if sentence and fam.menu_word:
            continue
        if fam.hit(lowered):
            return fam.reason
    return None


def match_opening(lowered: str) -> str | None:
    """Reason for a line too long for the other scopes whose first words only boilerplate says, else None."""
    head = lowered[:120]
    for reason, pattern in OPENINGS:
        if pattern.match(head):
            return reason
    return None


# Signatures of a reader-comment thread: "Name says:", a reply button, a date with a clock time.
_SAYS = re.compile(
    r"^.{1,60}?\s(says|said|sagt|schreibt|schrieb|meint|dit|a dit|écrit|dice|escribió|scrive|"
    r"ha scritto|schreef|zegt|napisał\w*|wrote|writes|commented|antwortete|replied)\s*:?$",
    re.I,
)
_REPLY = re.compile(
    r"^(reply|antworten|antwort|répondre|responder|rispondi|odpowiedz|beantwoorden|reageren|"
    r"svar)(\s*↓|\s*\(\d+\))?$",
    re.I,
)
_STAMP = re.compile(
    r"(\d{1,2}[:.h]\d{2}\s*(uhr|am|pm|h)?|\bum \d{1,2}[:.]\d{2}|\bat \d{1,2}:\d{2}|"
    r"\bà \d{1,2}[h:]\d{2}|\ba las \d{1,2}:\d{2}|\balle \d{1,2}:\d{2})\W{0,3}"
    r"((zum antworten anmelden|log in to reply|reply|antworten|zitieren|quote|répondre|citer|"
    r"responder|citar|rispondi|cita|melden|report|permalink|link)\W{0,3})*$",
    re.I,
)
# What every _STAMP match holds ("12:30", "8.15", "9h45"): found far faster than _STAMP is tried.
_STAMP_CORE = re.compile(r"\d[:.hH]\d\d")
_DATE_HINT = re.compile(
    r"\d{4}|\d{1,2}\.\d{1,2}\.|\bago\b|\bvor\b|\bil y a\b|\bhace\b|\byesterday\b|\bgestern\b", re.I
)


_AGO = re.compile(
    r"^\S.{0,40}\s[•·|–-]\s*(\d+|an?|one)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago$",
    re.I,
)


def comment_signature(text: str, digit: bool | None = None) -> bool:
    """True for a line only a reader-comment thread has: 'Name says:', a reply button, a date+time stamp.

    digit: whether text has a digit, when the caller already knows."""
    if len(text) > 80:
        return False
    head = text.rstrip(": \t")
    last = head[head.rfind(" ") + 1 :].lower()  # the last word (other spaces: the regex decides)
    if last in _SAYS_LAST or last.startswith("napisał") or not last.isalpha():
        words = head.lower().split()
        last = words[-1] if words else ""
        if (
            (last in _SAYS_LAST or last.startswith("napisał"))
            and (
                len(words) <= 5 or (_DIGIT.search(text) if digit is None else digit)
            )  # a name (and a date) says; not a sentence
            and _SAYS.match(text)
        ):
            return True
    if _REPLY.match(text) or last == "ago" and _AGO.match(text):
        return True
    return bool(  # the most selective test first; the order does not change the answer
        (_DIGIT.search(text) if digit is None else digit)
        and _STAMP_CORE.search(text)
        and _STAMP.search(text)
        and _DATE_HINT.search(text)
        and sum(1 for w in text.split() if _WORDISH.search(w)) <= 8  # separators are no words
    )


# The last word of every line _SAYS matches (cheap test first).
_SAYS_LAST = frozenset(
    "says said sagt schreibt schrieb meint dit écrit dice escribió scrive scritto schreef zegt "
    "wrote writes commented antwortete replied".split()
)
_DIGIT = re.compile(r"\d")
_WORDISH = re.compile(r"\w")
_SIGN_ENDS = (*_SAYS_LAST, "ago")


def may_sign(lowered: str) -> bool:
    """Whether a lower-cased line without digits, of more than one word, may still be a comment
    signature: only 'Name says:' (or 'napisał') and '... 2 days ago' can be; a cheap test first."""
    return lowered.rstrip(": \t").rstrip().endswith(_SIGN_ENDS) or "napisał" in lowered
