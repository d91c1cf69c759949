"""Keep annotations on the right words when a document's clean text changes.

First map positions through a diff of the old and new text (exact when the old text is
known); where that fails, search the quote exactly, then fuzzily (edlib), and score each
candidate on quote, prefix, suffix and position as the Hypothesis client does. Anything
that cannot be placed with confidence is reported orphaned, never moved silently.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import edlib
import fast_diff_match_patch

from tui.store.records import CONTEXT, quote

MAX_FUZZ = 0.25  # fraction of the quote that may differ in a fuzzy match
MIN_CONTEXT = 0.5  # average prefix/suffix similarity a search hit needs
MIN_CONTEXT_UNIQUE = (
    0.5  # ... when it is the only exact occurrence (same bar: repeated words fool lower ones)
)
MIN_SIDE = 0.4  # and each side at least this much
FAR_CONTEXT = 0.8  # context a hit needs far from where the diff says the span went
MARGIN = 0.05  # the best candidate must beat the runner-up by this much


@dataclass(frozen=True)
class Placement:
    """Where an annotation ended up: method is diff, exact, fuzzy, or orphaned."""

    method: str
    start: int | None = None
    end: int | None = None
    score: float = 0.0


class DiffMap:
    """Maps old-text offsets to new-text offsets through the equal runs of a character diff."""

    def __init__(self, old: str, new: str) -> None:
        self.old_starts: list[int] = []
        self.new_starts: list[int] = []
        self.lengths: list[int] = []
        i = j = 0
        for op, length in fast_diff_match_patch.diff(old, new, timelimit=1.0, counts_only=True):
            if op == "=":
                self.old_starts.append(i)
                self.new_starts.append(j)
                self.lengths.append(length)
                i += length
                j += length
            elif op == "-":
                i += length
            else:
                j += length

    def position(self, old: int) -> int | None:
        """New offset of the character at `old`, or None if that character was deleted."""
        k = bisect_right(self.old_starts, old) - 1
        if k < 0 or old >= self.old_starts[k] + self.lengths[k]:
            return None
        return self.new_starts[k] + old - self.old_starts[k]

    def nearest(self, old: int) -> int:
        """Best guess of where `old` went, even if deleted (used only as a search hint)."""
        k = bisect_right(self.old_starts, old) - 1
        if k < 0:
            return 0
        return self.new_starts[k] + min(old - self.old_starts[k], self.lengths[k])

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """New span whose first and last characters are the old span's, if both survived."""
        s = self.position(start)
        e = self.position(end - 1)
        if s is None or e is None or e < s:
            return None
        return s, e + 1


class _Alphabet(dict[int, int]):
    """str.translate table folding every character outside `chars` into one code (edlib's limit is 256)."""

    def __init__(self, chars: Iterable[str]) -> None:
        super().__init__({ord(c): i + 1 for i, c in enumerate(sorted(set(chars)))})

    def __missing__(self, key: int) -> int:
        return 0


def _fold(query: str, *texts: str) -> tuple[str, ...] | None:
    """Make strings edlib can take; None if the query alone has too many distinct characters."""
    if len(set(query)) > 250:
        return None
    if all(len(set(t)) <= 250 for t in texts) and len(set(query).union(*texts)) <= 250:
        return (query, *texts)
    table = _Alphabet(query)
    return (query.translate(table), *(t.translate(table) for t in texts))


def similarity(a: str, b: str) -> float:
    """1.0 for equal strings, falling towards 0 with edit distance."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    folded = _fold(a + b, a, b)
    if folded is None:
        return 0.0
    distance: int = edlib.align(folded[1], folded[2], mode="NW", task="distance")["editDistance"]
    return max(0.0, 1.0 - distance / max(len(a), len(b)))


def _context(ann: Mapping[str, Any], text: str, start: int, end: int) -> float:
    prefix, suffix = ann.get("prefix") or "", ann.get("suffix") or ""
    before = (
        text[max(0, start - len(prefix)) : start] if prefix else text[max(0, start - 1) : start]
    )
    after = text[end : end + len(suffix)] if suffix else text[end : end + 1]
    left, right = similarity(prefix, before), similarity(suffix, after)
    if not prefix or not suffix:  # a span at the very edge of the text: that side tells nothing
        left = right = right if not prefix else left
    if min(left, right) < MIN_SIDE:  # one matching side is what repeated phrases produce by chance
        return min(left, right)
    return (left + right) / 2


def _score(quote_sim: float, context: float, start: int, hint: int, length: int) -> float:
    position = max(0.0, 1.0 - abs(start - hint) / max(length, 1))
    return 0.5 * quote_sim + 0.4 * context + 0.1 * position


def _pick(
    candidates: list[tuple[float, float, int, int]], min_context: float, hint: int | None, near: int
) -> Placement | None:
    """Best (score, context, start, end) if it is confident and clearly ahead of the runner-up.

    With a trusted hint (the diff says where the span went), a far-away hit must have
    context that nearly matches: text that moved keeps its surroundings, repeats do not.
    """
    if not candidates:
        return None
    candidates.sort(reverse=True)
    best = candidates[0]
    if best[1] < min_context:
        return None
    if hint is not None and abs(best[2] - hint) > near and best[1] < FAR_CONTEXT:
        return None
    if len(candidates) > 1 and best[0] - candidates[1][0] < MARGIN:
        return None
    return Placement("", best[2], best[3], best[0])


def search(ann: Mapping[str, Any], text: str, hint: int, trusted: bool = False) -> Placement:
    """Find the annotation's quote in `text`: exact occurrences first, then fuzzy ones.

    `trusted` says the hint comes from a diff of the old text rather than the old offset.
    """
    exact = ann["exact"]
    anchor = hint if trusted else None
    near = CONTEXT
    if not exact:
        return Placement("orphaned")
    hits: list[tuple[int, int]] = []
    i = text.find(exact)
    while i != -1 and len(hits) < 1000:
        hits.append((i, i + len(exact)))
        i = text.find(exact, i + 1)
    candidates = [
        (_score(1.0, c := _context(ann, text, s, e), s, hint, len(text)), c, s, e) for s, e in hits
    ]
    floor = MIN_CONTEXT_UNIQUE if len(hits) == 1 else MIN_CONTEXT
    found = _pick(candidates, floor, anchor, near)
    if found is not None:
        return Placement("exact", found.start, found.end, found.score)
    if hits:  # the quote is there but we cannot tell which one: do not guess
        return Placement("orphaned")
    k = int(len(exact) * MAX_FUZZ)
    folded = _fold(exact, text) if k else None
    if folded is None:
        return Placement("orphaned")
    result = edlib.align(folded[0], folded[1], mode="HW", task="locations", k=k)
    if result["editDistance"] < 0:
        return Placement("orphaned")
    fuzzy: dict[tuple[int, int], tuple[float, float, int, int]] = {}
    for s, e_incl in result["locations"][:20]:
        for start, end in _nudged(s, e_incl + 1, len(text)):
            quote_sim = similarity(exact, text[start:end])
            context = _context(ann, text, start, end)
            score = _score(quote_sim, context, start, hint, len(text)) + 0.02 * _same_edges(
                ann, text, start, end
            )
            fuzzy[start, end] = (score, context, start, end)
    found = _pick(_distinct(fuzzy.values()), MIN_CONTEXT, anchor, near)
    if found is None:
        return Placement("orphaned")
    return Placement("fuzzy", found.start, found.end, found.score)


def _cuts_word(left: str, right: str) -> bool:
    return left[-1:].isalnum() and right[:1].isalnum()


def _same_edges(ann: Mapping[str, Any], text: str, start: int, end: int) -> int:
    """How many of the span's two edges cut (or do not cut) a word as the original did."""
    exact, prefix, suffix = ann["exact"], ann.get("prefix") or "", ann.get("suffix") or ""
    found = text[start:end]
    return (_cuts_word(prefix, exact) == _cuts_word(text[max(0, start - 1) : start], found)) + (
        _cuts_word(exact, suffix) == _cuts_word(found, text[end : end + 1])
    )


def _nudged(start: int, end: int, length: int, reach: int = 2) -> Iterable[tuple[int, int]]:
    """Boundaries near an edlib hit: equal-distance alignments can cut a changed word short."""
    for s in range(max(0, start - reach), start + reach + 1):
        for e in range(max(s + 1, end - reach), min(length, end + reach) + 1):
            yield s, e


def _distinct(
    candidates: Iterable[tuple[float, float, int, int]],
) -> list[tuple[float, float, int, int]]:
    """Keep the best variant per region, so nudges of one hit do not compete as runner-ups."""
    best: list[tuple[float, float, int, int]] = []
    for cand in sorted(candidates, reverse=True):
        if all(cand[3] <= b[2] or cand[2] >= b[3] for b in best):
            best.append(cand)
    return best


def place(ann: Mapping[str, Any], new_text: str, diff: DiffMap | None) -> Placement:
    """Where `ann` (offsets into the old text) belongs in `new_text`."""
    start, end = ann["start"], ann["end"]
    hint = start
    if diff is not None:
        mapped = diff.span(start, end)
        if mapped is not None and new_text[mapped[0] : mapped[1]] == ann["exact"]:
            return Placement("diff", mapped[0], mapped[1], 1.0)
        return search(ann, new_text, diff.nearest(start), trusted=True)
    return search(ann, new_text, hint)


def reanchor(
    annotations: Iterable[Mapping[str, Any]],
    old_text: str | None,
    new_text: str,
) -> list[tuple[Mapping[str, Any], Placement, dict[str, Any]]]:
    """Place every annotation in `new_text`; returns (old record, placement, field changes).

    The diff is used only for annotations made on `old_text` (same clean hash); others were
    already stale and go straight to quote search.
    """
    from tui.store.records import sha256_text

    old_hash = sha256_text(old_text) if old_text is not None else None
    diff = DiffMap(old_text, new_text) if old_text is not None else None
    results = []
    for ann in annotations:
        usable = (
            diff
            if (
                diff is not None
                and ann.get("clean_sha256") == old_hash
                and ann.get("state") != "orphaned"
            )
            else None
        )
        placement = place(ann, new_text, usable)
        if placement.method == "orphaned" or placement.start is None or placement.end is None:
            changes: dict[str, Any] = {"state": "orphaned"}
        else:
            changes = {
                "start": placement.start,
                "end": placement.end,
                **quote(new_text, placement.start, placement.end),
            }
            if ann.get("state") == "orphaned":
                changes["state"] = "ok"
        results.append((ann, placement, changes))
    return results
