"""The title line chosen by a small learned ranker over the headline rule's own evidence.

Every short line near the body's start is a candidate; each gets the features below (distance to the
body, length, ending, kind, the rule's bonuses: echoed in a breadcrumb or "Title | Site" line, a
byline or date after it, words shared with the body) and the candidate with the highest weighted sum
wins (the rule's own pick is no feature: it added nothing once its evidence was). The weights live in `title_weights.json`, written by `scripts/title_model.py`, which trains
them on the dev pages (softmax over each page's candidates) and cross-validates by site.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter, mul
from pathlib import Path

from .dates import find_date
from .features import BAD, GOOD, NEAR, SHORT, LineFeatures
from .stopwords import content_words, folded_words

WINDOW_ABOVE = 30  # lines above the body's start that may hold the title
WINDOW_BELOW = 4  # lines from the body's start down: a headline the body run took in
WINDOW_DENSE = 15  # lines above the densest run's start, when the body starts far above it
WEIGHTS = Path(__file__).with_name("title_weights.json")
FEATURES = (
    "bias",
    "dist_above",
    "below_start",
    "just_above",
    "two_above",
    "ends_period",
    "ends_colon",
    "ends_question_or_bang",
    "one_word",
    "two_three_words",
    "four_to_16_words",
    "over_16_words",
    "chars",
    "menu_item",
    "in_other_head",
    "repeated",
    "meta_follows",
    "prose_follows",
    "body_vocab",
    "kind_bad",
    "kind_short",
    "kind_near",
    "kind_good",
    "content",
    "navigation",
    "meta_line",
    "capitalised_share",
    "all_caps",
    "starts_lower",
    "digit_share",
    "has_separator",
    "has_date",
    "prev_bad",
    "first_line",
    "page_position",
    "log_dist",
    "gap_to_prose",
    "shared_words",
    "most_on_topic",
    "nearest_above",
    "sentence_inside",
    "prose_before",
    "starts_other",
    "ends_other",
    "repeated_page",
    "first_para",
    "meta_above",
    "twin_near",
    "dense_window",
    "dense_dist",
    "just_above_dense",
)
_SEPARATOR = re.compile(r"\s[-–—|:·»›]\s")
_FILE_NAME = re.compile(r"^\S+\.(jpe?g|png|gif|webp|svg|html?|php|pdf)$", re.I)
# A list item ("- ", "* ", "• ") or a line holding an address (mail, web): never a headline on the
# dev pages (0 of 111 such candidates was the gold title), so not a candidate at all.
_NO_HEADLINE = re.compile(r"^[-+*•·▶►]\s|\S@\S+\.\w|https?://|www\.", re.I)
_BULLETS = "-+*•·▶►"
# Reasons a phrase family gives for a dropped line that is never a headline (0 of 1,599 such candidates
# was the gold title on the dev pages): skipped before their features are computed.
NEVER_TITLE = frozenset(
    (
        "share prompt",
        "subscription prompt",
        "caption",
        "comment form",
        "advertisement",
        "reader comments",
        "server error message",
        "breadcrumb",
        "author bio",
        "disclaimer",
        "video player",
        "comment count",
    )
)
# A caption ending in its photo credit ("... Getty Images", "... Photo: Jane Doe"): a line under a
# picture, never a headline (0 of 126 such candidates was the gold title on the dev pages); a line
# opening with "Photos:" is a gallery's headline.
_AGENCIES = (
    "getty images",
    "dpa",
    "afp",
    "reuters",
    "imago",
    "shutterstock",
    "istock",
    "istockphoto",
    "keystone",
    "ap photo",
    "ap",
    "efe",
    "epa",
    "ansa",
)
_AGENCY_END = re.compile(rf"(?:^|[\s/|(,·•])(?:{'|'.join(_AGENCIES)})$")
_PHOTO_CREDIT = re.compile(
    r"[\s(](?:fotos?|photos?|bild|image|credit|photograph)\s*:\s*[^\W\d_][^.:]{1,40}$", re.I
)
_TRAILING = " .,;:!?)]}\"'»”“’-–—|/*…"
_FILE = (" file", " file photo")  # an agency's archive picture
_DIGIT = re.compile(r"\d")
_FIRST = itemgetter(0)  # a token's first character (str.split never gives an empty one)


def candidates(
    feats: list[LineFeatures],
    decisions: Sequence[str],
    reasons: Sequence[str | None],
    a: int,
    meta_lines: Sequence[bool],
    vocab: frozenset[str],
    dense: int | None = None,
) -> list[tuple[int, list[float]]]:
    """(line index, feature vector in FEATURES order) of each line that may be the title: from
    WINDOW_ABOVE lines above the body's start a to WINDOW_BELOW lines below it, and from
    WINDOW_DENSE lines above the densest run's start `dense` to WINDOW_BELOW below it when the body
    starts above that run (a menu, teasers or a lead taken in between: the headline often stands
    right over the densest run)."""
    n = len(feats)
    lo = max(0, a - WINDOW_ABOVE)
    hi = min(n, a + WINDOW_BELOW)
    dense = dense if dense is not None and dense > a else a
    d_lo, d_hi = (
        (max(hi, dense - WINDOW_DENSE), min(n, dense + WINDOW_BELOW)) if dense > a else (hi, hi)
    )
    top = max(hi, d_hi)
    window = feats[: top + 5]
    heads = [folded_words(f.line.text) if f.words <= 60 else "" for f in window]
    # a title's echoes ("Title | Site", a breadcrumb, a repeat) are short lines, not prose that
    # happens to end with the blog's name: prose lines are left out of the echo counts
    same = Counter([h for h, f in zip(heads, window, strict=True) if not _prose(f)])
    page = Counter(same)  # same + the rest (Counter's "+" is a slow Python loop)
    page.update(
        folded_words(f.line.text) for f in feats[top + 5 :] if f.words <= 30 and not _prose(f)
    )
    joined = "\x00".join(same)  # each head once: norm is inside another head iff it occurs twice
    # every head of the page once, sorted as it reads and read backwards: the heads that go on after
    # norm, or end in it, stand together at one bisect for "Title | Site"
    starts = sorted(page)
    ends = sorted(map(_REVERSED, page))
    first = _first_paragraph(feats, decisions, dense)
    out: list[tuple[int, list[float]]] = []
    prose = [n] * (top + 1)  # index of the first prose line at or after each line
    nxt = next((k for k in range(top, n) if feats[k].kind == GOOD), n)
    for k in range(top - 1, lo - 1, -1):
        nxt = k if feats[k].kind == GOOD else nxt
        prose[k] = nxt
    for anchor, j0, j1 in ((a, lo, hi), (dense, d_lo, d_hi)):
        before = 0  # prose lines in [anchor, j): counted as j goes, not summed again per candidate
        for j in range(j0, j1):
            if j > anchor and feats[j - 1].kind == GOOD:
                before += 1
            f = feats[j]
            text = f.line.text
            if (
                not 1 <= f.words <= 30
                or f.chars > 250
                or "." in text
                and _FILE_NAME.search(text)
                or reasons[j] in NEVER_TITLE
                or _not_a_headline(text)
            ):
                continue
            if j >= anchor and (before >= 2 or f.kind == GOOD and not text[-1:].isalnum()):
                continue  # inside the body: only a headline the run took in, not below its prose
            norm = heads[j]
            prose_f = _prose(f)
            shape = _shape(text)
            words = content_words(f.lower or text.lower())
            follows = meta_lines[j + 1 : j + 5]
            out.append(
                (
                    j,
                    [
                        1.0,
                        max(0, a - j) / 10,
                        float(j >= a),
                        float(j == a - 1),
                        float(j == a - 2),
                        shape[0],
                        shape[1],
                        shape[2],
                        float(f.words == 1),
                        float(2 <= f.words <= 3),
                        float(4 <= f.words <= 16),
                        float(f.words > 16),
                        f.chars / 100,
                        float(
                            0 < j < n - 1 and feats[j - 1].kind == BAD and feats[j + 1].kind == BAD
                        ),
                        float(bool(norm) and joined.count(norm) > (not prose_f)),
                        float(same[norm] + prose_f > 1),
                        float(any(follows)),
                        float(j + 1 < n and feats[j + 1].kind in (GOOD, NEAR)),
                        len(words & vocab) / len(words) if words and vocab else 0.0,
                        float(f.kind == BAD),
                        float(f.kind == SHORT),
                        float(f.kind == NEAR),
                        float(f.kind == GOOD),
                        float(decisions[j] == "content"),
                        float(reasons[j] == "navigation"),
                        float(meta_lines[j]),
                        shape[3],
                        shape[4],
                        shape[5],
                        shape[6],
                        shape[7],
                        shape[8],
                        float(j > 0 and feats[j - 1].kind == BAD),
                        float(j == 0),
                        j / n,
                        math.log1p(max(0, a - j)),
                        min(10, prose[j + 1] - j if j + 1 <= top else 10) / 10,
                        min(10, len(words & vocab)) / 10,
                        0.0,  # most_on_topic, set below
                        0.0,  # nearest_above, set below
                        shape[9],
                        float(before > 0),
                        float(bool(norm) and _starts_other(norm, starts)),
                        float(bool(norm) and _ends_other(norm, ends)),
                        float(page[norm] + prose_f > 1),
                        len(words & first) / len(words) if words and first else 0.0,
                        float(j > 0 and meta_lines[j - 1]),
                        float(
                            bool(norm) and norm in heads[max(0, j - 3) : j] + heads[j + 1 : j + 4]
                        ),
                        float(anchor > a),
                        max(0, dense - j) / 10 if dense > a else 0.0,
                        float(dense > a and 1 <= dense - j <= 2),
                    ],
                )
            )
    if out:
        vocab_at, shared_at = FEATURES.index("body_vocab"), FEATURES.index("most_on_topic")
        best_vocab = max(x[vocab_at] for _, x in out)
        for _, x in out:
            x[shared_at] = float(best_vocab > 0 and x[vocab_at] == best_vocab)
        above = [x for j, x in out if j < a and x[FEATURES.index("kind_bad")] == 0]
        if above:
            above[-1][FEATURES.index("nearest_above")] = 1.0
    return out


def _not_a_headline(text: str) -> bool:
    """A list item, a line with a mail or web address, or a caption ending in its photo credit: the
    regexes run only on lines holding the characters they need (most short lines hold none)."""
    if (text[0] in _BULLETS or "@" in text or "/" in text or "." in text) and _NO_HEADLINE.search(
        text
    ):
        return True
    if ":" in text and _PHOTO_CREDIT.search(text):
        return True
    tail = text.rstrip(_TRAILING).lower()
    if tail.endswith(_FILE):  # "... Reuters file", "(AP Photo/Jane Doe, File)"
        tail = tail.removesuffix(" photo").removesuffix(" file").rstrip(_TRAILING)
    return tail.endswith(_AGENCIES) and _AGENCY_END.search(tail) is not None


def _starts_other(norm: str, starts: list[str]) -> bool:
    """Whether a head of the page goes on after norm (norm + " " + more): heads sorted."""
    key = norm + " "
    i = bisect_left(starts, key)
    return i < len(starts) and starts[i].startswith(key)


def _ends_other(norm: str, ends: list[str]) -> bool:
    """Whether a head of the page ends in norm after other words: heads read backwards, sorted."""
    key = norm[::-1] + " "
    i = bisect_left(ends, key)
    return i < len(ends) and ends[i].startswith(key)


_REVERSED = itemgetter(slice(None, None, -1))


@lru_cache(maxsize=1 << 14)
def _shape(text: str) -> tuple[float, ...]:
    """The features a line's text alone gives, in FEATURES order (ends_period ... has_date, then
    sentence_inside): cached (bounded), as a site's menu lines are candidates on each of its pages."""
    tokens = text.split()
    return (
        float(text.endswith(".")),
        float(text.endswith(":")),
        float(text[-1] in "?!"),
        sum(map(str.isupper, map(_FIRST, tokens))) / len(tokens),
        float(text.isupper()),
        float(text[:1].islower()),
        len(_DIGIT.findall(text)) / max(1, len(text)),
        float(bool(_SEPARATOR.search(text))),
        float(find_date(text) is not None),
        float(". " in text.rstrip(".")),
    )


def clear_cache() -> None:
    """Forget the per-text cache (benchmarks measure a first pass)."""
    _shape.cache_clear()


def _prose(f: LineFeatures) -> bool:
    """A sentence of prose (a good line ending in a full stop): no echo of a title, even when it
    ends with the blog's name."""
    return f.kind == GOOD and f.line.text[-1:] in ".!?"


def _first_paragraph(feats: list[LineFeatures], decisions: Sequence[str], a: int) -> frozenset[str]:
    """Content words of the body's first prose paragraph: a headline names what it opens with."""
    for j in range(a, min(len(feats), a + 12)):
        f = feats[j]
        if f.kind == GOOD and decisions[j] == "content":
            return content_words(f.lower or f.line.text.lower())
    return frozenset()


@lru_cache(maxsize=1)
def weights() -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]:
    """(weights, means, scales) from title_weights.json, in FEATURES order."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    names = data["features"]
    if tuple(names) != FEATURES:
        raise ValueError(
            f"{WEIGHTS.name} was trained on other features; rerun scripts/title_model.py"
        )
    return tuple(data["weights"]), tuple(data["means"]), tuple(data["scales"])


def scores(cands: list[tuple[int, list[float]]]) -> list[float]:
    """Each candidate's learned score (less a constant: the means shift every score alike)."""
    w, _means, sd = weights()
    coef = [wi / si for wi, si in zip(w, sd, strict=True)]
    return [sum(map(mul, coef, x)) for _, x in cands]  # operator.mul: same products, faster
