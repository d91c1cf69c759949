"""Entity names compared across outlets: folding, acronyms, and same-entity candidates.

Pure functions over plain records; candidates are found by blocking on name tokens and
acronyms (never all pairs), then scored, each with the reason a person can check.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

_SMALL = frozenset({"of", "the", "and", "for", "de", "la", "des", "du", "&"})
_LONG_FORM = re.compile(
    r"((?:[A-Z][\w'’-]*\s+)(?:(?:of|the|and|for|[A-Z][\w'’-]*)\s+){0,8}[A-Z][\w'’-]*)\s*\(([A-Z]{2,8})\)"
)
MAX_BLOCK = 100  # a token shared by more names than this says nothing about identity


@dataclass(frozen=True)
class NameRecord:
    """A registry entity, or an unlinked mention (key "mention:<annotation id>")."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *[a for a in self.aliases if a != self.name])


@dataclass(frozen=True)
class Candidate:
    """Two names that probably mean one entity, with a score in 0..1 and why."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    reason: str


class _MarkTable(dict[int, int | None]):
    """str.translate table that drops combining marks, filled one code point at a time."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_WITHOUT_MARKS = _MarkTable()


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Case, diacritics, punctuation and spacing removed: "Lín  Yúnan," -> "lin yunan"."""
    if name.isascii():
        plain = name
    else:
        plain = unicodedata.normalize("NFKD", name).translate(_WITHOUT_MARKS)
    return " ".join(re.sub(r"[^\w\s]", " ", plain.casefold()).split())


def tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


@lru_cache(maxsize=200_000)
def acronym(name: str) -> str:
    """Initials of the words that carry meaning: "National Information Centre" -> "NIC"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _SMALL]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def acronyms_in(text: str) -> dict[str, str]:
    """Long forms the text itself defines: "National Information Centre (NIC)" -> {"NIC": ...}."""
    found: dict[str, str] = {}
    for match in _LONG_FORM.finditer(text):
        long_form, short = " ".join(match.group(1).split()), match.group(2)
        words = long_form.split()
        for start in range(len(words)):  # the long form may start after a leading word
            candidate = " ".join(words[start:])
            if acronym(candidate) == short:
                found.setdefault(short, candidate)
                break
    return found


@dataclass(frozen=True)
class _Form:
    """One name folded once, so comparing it with many others repeats no string work."""

    raw: str
    folded: str
    sorted_words: tuple[str, ...]
    words: frozenset[str]
    initials: str
    defined_as: str | None  # folded long form when the name is an acronym-like short form


def _forms(record: NameRecord, long_forms: Mapping[str, str]) -> tuple[_Form, ...]:
    forms = []
    for name in record.names():
        folded = fold(name)
        short = name.isupper() and 2 <= len(name) <= 8
        forms.append(
            _Form(
                name,
                folded,
                tuple(sorted(folded.split())),
                frozenset(folded.split()),
                acronym(name),
                fold(long_forms.get(name, "")) if short else None,
            )
        )
    return tuple(forms)


def _pair_reason(a: tuple[_Form, ...], b: tuple[_Form, ...]) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for x in a:
        for y in b:
            scored = _compare(x, y)
            if scored is not None and (best is None or scored[0] > best[0]):
                best = scored
    return best


def _compare(x: _Form, y: _Form) -> tuple[float, str] | None:
    fx, fy = x.folded, y.folded
    if not fx or not fy:
        return None
    if fx == fy:
        return (1.0, "same name but for case or accents") if x.raw != y.raw else (1.0, "same name")
    if x.sorted_words == y.sorted_words:
        return 0.95, "same name, words in another order"
    for short, long in ((x, y), (y, x)):
        if short.defined_as is not None:
            if long.initials == short.raw:
                return 0.9, f"{short.raw} is the initials of {long.raw}"
            if short.defined_as == long.folded:
                return 0.9, f"the text defines {short.raw} as {long.raw}"
    ratio = fuzz.token_sort_ratio(fx, fy, score_cutoff=85) / 100
    if not ratio:
        return None
    shared = x.words & y.words
    if shared:
        return round(ratio, 3), f"near spelling, shares '{' '.join(sorted(shared))}'"
    if ratio >= 0.88:
        return round(ratio, 3), "near spelling"
    return None


def _block_keys(record: NameRecord, long_forms: Mapping[str, str]) -> set[str]:
    keys: set[str] = set()
    for name in record.names():
        for token in tokens(name):
            if len(token) >= 2 and token not in _SMALL:
                keys.add("t:" + token)
                keys.add("p:" + token[:4])
        initials = acronym(name)
        if initials:
            keys.add("a:" + initials)
        if name.isupper() and 2 <= len(name) <= 8:
            keys.add("a:" + name)
            if name in long_forms:
                keys.update("t:" + t for t in tokens(long_forms[name]))
    return keys


def same_entity_candidates(
    records: Sequence[NameRecord],
    long_forms: Mapping[str, str] | None = None,
    dismissed: Iterable[tuple[str, str]] = (),
    min_score: float = 0.8,
) -> list[Candidate]:
    """Pairs of records that probably name one entity, best first; dismissed pairs left out."""
    known = long_forms or {}
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for key in _block_keys(record, known):
            blocks[key].append(index)
    skip = {frozenset(pair) for pair in dismissed}
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 2 <= len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))  # members ascend, so each pair once as (lo, hi)
    forms = [_forms(record, known) for record in records]
    # one name and no acronym rule: only spelling can pair it, so rapidfuzz alone can rule it out
    plain = [f[0].folded if len(f) == 1 and f[0].defined_as is None else None for f in forms]
    ratio = fuzz.token_sort_ratio
    found: list[Candidate] = []
    for left, right in pairs:
        x, y = plain[left], plain[right]
        if x is not None and y is not None and not ratio(x, y, score_cutoff=85):
            continue
        a, b = records[left], records[right]
        if a.type and b.type and a.type != b.type:
            continue
        if skip and frozenset((a.key, b.key)) in skip:
            continue
        scored = _pair_reason(forms[left], forms[right])
        if scored is not None and scored[0] >= min_score:
            found.append(Candidate(a.key, b.key, a.name, b.name, scored[0], scored[1]))
    found.sort(key=lambda c: (-c.score, c.a_name, c.b_name, c.a, c.b))
    return found
