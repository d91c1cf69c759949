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


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Case, diacritics, punctuation and spacing removed: "Lín  Yúnan," -> "lin yunan"."""
    if name.isascii():
        plain = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
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


def _pair_reason(
    a: NameRecord, b: NameRecord, long_forms: Mapping[str, str]
) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for x in a.names():
        for y in b.names():
            scored = _compare(x, y, long_forms)
            if scored is not None and (best is None or scored[0] > best[0]):
                best = scored
    return best


def _compare(x: str, y: str, long_forms: Mapping[str, str]) -> tuple[float, str] | None:
    fx, fy = fold(x), fold(y)
    if not fx or not fy:
        return None
    if fx == fy:
        return (1.0, "same name but for case or accents") if x != y else (1.0, "same name")
    tx, ty = fx.split(), fy.split()
    if sorted(tx) == sorted(ty):
        return 0.95, "same name, words in another order"
    for short, long in ((x, y), (y, x)):
        if short.isupper() and 2 <= len(short) <= 8:
            if acronym(long) == short:
                return 0.9, f"{short} is the initials of {long}"
            if fold(long_forms.get(short, "")) == fold(long):
                return 0.9, f"the text defines {short} as {long}"
    ratio = fuzz.token_sort_ratio(fx, fy) / 100
    shared = set(tx) & set(ty)
    if ratio >= 0.85 and shared:
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
    forms = long_forms or {}
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for key in _block_keys(record, forms):
            blocks[key].append(index)
    skip = {frozenset(pair) for pair in dismissed}
    seen: set[tuple[int, int]] = set()
    found: list[Candidate] = []
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, left in enumerate(members):
            for right in members[i + 1 :]:
                pair = (left, right) if left < right else (right, left)
                if pair in seen:
                    continue
                seen.add(pair)
                a, b = records[pair[0]], records[pair[1]]
                if a.type and b.type and a.type != b.type:
                    continue
                if frozenset((a.key, b.key)) in skip:
                    continue
                scored = _pair_reason(a, b, forms)
                if scored is not None and scored[0] >= min_score:
                    found.append(Candidate(a.key, b.key, a.name, b.name, scored[0], scored[1]))
    found.sort(key=lambda c: (-c.score, c.a_name, c.b_name))
    return found
