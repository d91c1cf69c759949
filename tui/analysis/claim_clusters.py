"""Claims compared across outlets: near-duplicate quotes, word-level differences, attribution.

Pure functions over plain records. Candidate pairs come from blocking on word trigrams (an
inverted index, never all pairs; stock phrases skipped), then rapidfuzz scores the content.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, combinations

import numpy as np
from rapidfuzz import fuzz

from tui.analysis.names import fold

_QUOTED = re.compile(r"[“\"«„]([^”\"»“]{12,})[”\"»“]")
_STOP = frozenset(
    "the a an of and or to in on for by with that this is are was were be been it its as at "
    "from can will would could should has have had not but".split()
)
MAX_BLOCK = 60  # a trigram shared by more claims than this is a stock phrase
MIN_SCORE = 0.6


@dataclass(frozen=True)
class ClaimText:
    """What clustering needs of one claim."""

    id: str
    document_id: str
    content: str  # what was said (the quoted words when there are quotation marks)
    attribution: str  # the rest of the sentence: cue, speaker, title, agency
    speaker: str  # speaker as written ("" when unknown)
    speaker_entity: str | None


@dataclass(frozen=True)
class Piece:
    """A run of words in a word-level diff: same, changed, or only on this side."""

    text: str
    kind: str


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    score: float


@dataclass(frozen=True)
class Cluster:
    """Claims that say the same thing, with the scored pairs that joined them."""

    claim_ids: tuple[str, ...]
    pairs: tuple[Pair, ...]
    documents: int


def split_claim(exact: str, sentence: str) -> tuple[str, str]:
    """(content, attribution): quoted words are the content, the rest of the sentence attributes."""
    quoted = max(_QUOTED.findall(exact), key=len, default="")
    if quoted:
        content = quoted
        source = sentence if exact.strip() in sentence else exact
        attribution = source.replace(quoted, " ")
    else:
        content = exact
        attribution = sentence.replace(exact, " ") if exact in sentence else ""
    attribution = re.sub(r"[“”\"«»„]", " ", attribution)
    attribution = " ".join(attribution.replace("[…]", " ").split()).strip(" ,.;:")
    return " ".join(content.split()), attribution


def words(text: str) -> list[str]:
    return [w for w in fold(text.replace("[…]", " ").replace("...", " ")).split() if w]


def _keys(tokens: list[str]) -> set[int]:
    """Word trigrams (a re-reported quote keeps most of them, even trimmed); short claims whole."""
    if len(tokens) < 4:
        return {hash(tuple(tokens))} if tokens else set()
    return set(map(hash, zip(tokens, tokens[1:], tokens[2:], strict=False)))


def similarity(a: str, b: str) -> float:
    """0..1; a quote trimmed with […] still matches its full version."""
    left, right = " ".join(words(a)), " ".join(words(b))
    if not left or not right:
        return 0.0
    if min(len(left.split()), len(right.split())) >= 5:
        return fuzz.token_set_ratio(left, right) / 100
    return fuzz.ratio(left, right) / 100


def _blocks(keys: list[set[int]]) -> Iterator[list[int]]:
    """Claims sharing a key, ascending, for each key held by 2..MAX_BLOCK claims (numpy sort)."""
    counts = [len(k) for k in keys]
    flat = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=sum(counts))
    owners = np.repeat(np.arange(len(keys)), counts)
    order = np.argsort(flat, kind="stable")  # stable: owners stay ascending within a key
    ordered_owners = owners[order].tolist()
    edges = np.flatnonzero(np.diff(flat[order])) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [len(ordered_owners)]))
    sizes = ends - starts
    # a stock phrase ("according to the") shared by many says nothing about identity
    useful = (sizes >= 2) & (sizes <= MAX_BLOCK)
    for start, end in zip(starts[useful].tolist(), ends[useful].tolist(), strict=True):
        yield ordered_owners[start:end]


def candidate_pairs(claims: Sequence[ClaimText], min_score: float = MIN_SCORE) -> list[Pair]:
    """Scored pairs of claims whose content is nearly the same, found through shared trigrams."""
    tokenised = [words(c.content) for c in claims]
    shared: Counter[tuple[int, int]] = Counter()
    for members in _blocks([_keys(tokens) for tokens in tokenised]):
        shared.update(combinations(members, 2))  # counted in C; members ascend
    joined = [" ".join(t) for t in tokenised]
    scored: list[tuple[int, int, float]] = []
    for (left, right), count in shared.items():
        short = min(len(tokenised[left]), len(tokenised[right]))
        if count < 2 and short >= 6:
            continue
        a, b = joined[left], joined[right]
        score = (fuzz.token_set_ratio(a, b) if short >= 5 else fuzz.ratio(a, b)) / 100
        if score >= min_score:
            scored.append((left, right, round(score, 3)))
    scored.sort()  # the blocks come in hash order, which changes from one process to the next
    return [Pair(claims[left].id, claims[right].id, score) for left, right, score in scored]


def clusters(claims: Sequence[ClaimText], pairs: Sequence[Pair]) -> list[Cluster]:
    """Connected groups of paired claims; groups spanning several articles first."""
    parent = {c.id: c.id for c in claims}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        parent[root(pair.a)] = root(pair.b)
    groups: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        groups[root(claim.id)].append(claim.id)
    document = {c.id: c.document_id for c in claims}
    by_root: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_root[root(pair.a)].append(pair)
    found = [
        Cluster(tuple(ids), tuple(by_root[key]), len({document[i] for i in ids}))
        for key, ids in groups.items()
        if len(ids) > 1
    ]
    found.sort(key=lambda c: (-c.documents, -len(c.claim_ids), c.claim_ids))
    return found


def word_diff(a: str, b: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...]]:
    """Word-level differences of two texts, as pieces for each side."""
    left, right = a.split(), b.split()
    matcher = difflib.SequenceMatcher(a=[fold(w) for w in left], b=[fold(w) for w in right])
    a_side: list[Piece] = []
    b_side: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            a_side.append(Piece(" ".join(left[i1:i2]), "same"))
            b_side.append(Piece(" ".join(right[j1:j2]), "same"))
            continue
        kind = "changed" if op == "replace" else "only"
        if i2 > i1:
            a_side.append(Piece(" ".join(left[i1:i2]), kind))
        if j2 > j1:
            b_side.append(Piece(" ".join(right[j1:j2]), kind))
    return tuple(a_side), tuple(b_side)


def attribution_differences(a: ClaimText, b: ClaimText) -> list[str]:
    """What differs in who said it: the speaker, and names or titles around the cue."""
    found: list[str] = []
    if a.speaker_entity and b.speaker_entity and a.speaker_entity != b.speaker_entity:
        found.append(f"speaker: {a.speaker or '?'} ≠ {b.speaker or '?'} (different entities)")
    elif a.speaker and b.speaker and fold(a.speaker) != fold(b.speaker):
        same = a.speaker_entity is not None and a.speaker_entity == b.speaker_entity
        found.append(f"speaker named {a.speaker} ≠ {b.speaker}" + (" (one entity)" if same else ""))
    speaker_words = set(words(a.speaker)) | set(words(b.speaker))
    left, right = word_diff(a.attribution, b.attribution)
    changed_a = [n for p in left if p.kind != "same" and (n := _named(p.text, speaker_words))]
    changed_b = [n for p in right if p.kind != "same" and (n := _named(p.text, speaker_words))]
    if changed_a or changed_b:
        found.append(f"attribution: {' '.join(changed_a) or '—'} ≠ {' '.join(changed_b) or '—'}")
    return found


def _named(text: str, speaker_words: set[str]) -> str:
    """What a changed run names: from its first to its last capitalised word that is not the
    speaker's name ("SIC" of "SIC, said": the cue that moved is no difference), else ""."""
    found = [
        m
        for m in re.finditer(r"[\w'’-]+", text)
        if m[0][:1].isupper() and fold(m[0]) not in speaker_words and fold(m[0]) not in _STOP
    ]
    return text[found[0].start() : found[-1].end()] if found else ""
