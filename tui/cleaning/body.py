"""Where the article's text lies: the densest run of prose, the lead above it, on-topic paragraphs below."""

from __future__ import annotations

import re
from collections.abc import Set

from .dates import find_date
from .features import BAD, GOOD, NEAR, SHORT, LineFeatures
from .phrases import END_MARKER
from .stopwords import content_words

# Run scores: a prose line adds its words (half for a near-prose line); anything else costs a little.
SCORE_SHORT = -6.0
SCORE_BAD = -8.0
_LETTERS = re.compile(r"[^\W\d_]{3,}")


def date_only(f: LineFeatures) -> bool:
    """A line that is a date and at most one other word ("Politics / May 2, 2023")."""
    if f.words > 5 or not f.digits:
        return False
    hit = find_date(f.line.text)
    if not hit:
        return False
    rest = f.line.text[: hit[1]] + f.line.text[hit[2] :]
    return len(_LETTERS.findall(rest)) <= 1


def body_run(feats: list[LineFeatures], teasers: Set[int] = frozenset()) -> tuple[int, int]:
    """Indices [a, b] of the densest run (max-sum subarray; teaser summaries count little), or (0, -1)."""
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for i, f in enumerate(feats):
        # the line's run score (see SCORE_*), inline: this runs once per line of every page
        kind = f.kind
        if kind == GOOD:
            s = float(f.words)
        elif kind == NEAR:
            s = f.words * 0.5
        else:
            s = SCORE_SHORT if kind == SHORT else SCORE_BAD
        if i in teasers:
            s *= TEASER_WEIGHT
        if cur <= 0:
            cur, cur_a = s, i
        else:
            cur += s
        if cur > best:
            best, best_a, best_b = cur, cur_a, i
    return best_a, best_b


TEASER_STREAK = (
    4  # this many lone paragraphs in a row, each between 1-3 short lines, are a teaser list
)
TEASER_WEIGHT = 0.3  # ... and count this much of their words towards the densest run


def teaser_streaks(feats: list[LineFeatures]) -> set[int]:
    """Good lines in a streak of lone paragraphs (headline, summary, headline, summary...): a list of teasers.

    An article's paragraphs come in groups; teaser summaries each stand alone between short lines."""
    n = len(feats)
    prose = [f.kind in (GOOD, NEAR) for f in feats]
    lone = [
        i
        for i in range(n)
        if feats[i].kind == GOOD and not (i and prose[i - 1]) and not (i + 1 < n and prose[i + 1])
    ]
    out: set[int] = set()
    streak: list[int] = []
    for i in lone + [n + 10]:  # a sentinel past the end closes the last streak
        if streak and i - streak[-1] <= 4 and not any(prose[streak[-1] + 1 : i]):
            streak.append(i)
            continue
        if len(streak) >= TEASER_STREAK:
            out.update(streak)
        streak = [i]
    return out


EXTEND_GAP = 12  # non-prose lines the body may skip to reach a paragraph on the same topic
EXTEND_OVERLAP = 0.2  # share of that paragraph's content words already in the body
EXTEND_GAP_UP = 4  # short lines the body may skip upwards to reach a lead sentence on its topic
_END_OF_TEXT = (
    "share prompt",
    "related-posts block",
    "comment form",
    "subscription prompt",
    "tags",
    "copyright",
    "cookie notice",
    "reader comments",
    "author bio",
    "disclaimer",
)


def extend_on_topic(
    feats: list[LineFeatures], start: int, b: int, teasers: Set[int] = frozenset()
) -> int:
    """Past the densest run, take in the next good paragraphs over a short gap (a list, a product box, an
    image) while they talk about what the body talks about; stop at anything that marks the end of a text."""
    vocab: set[str] | None = None  # built only when a candidate paragraph turns up
    gap, j = 0, b + 1
    while j < len(feats) and gap <= EXTEND_GAP:
        f = feats[j]
        if f.kind == BAD and f.reason in _END_OF_TEXT and not _inline_link(f) or f.comment:
            break
        if date_only(f):
            break
        if f.words <= 8 and END_MARKER.match(f.lower.strip(" .:!?-–—|•…")):
            break
        if j in teasers:
            break
        if f.kind == GOOD:
            if vocab is None:
                vocab = set()
                for g in feats[start : b + 1]:
                    if g.kind in (GOOD, NEAR):
                        vocab |= content_words(g.lower or g.line.text.lower())
            words = content_words(f.lower or f.line.text.lower())
            if not words or len(words & vocab) < EXTEND_OVERLAP * len(words):
                break
            b, gap = j, 0
            vocab |= words
        else:
            gap += 1
        j += 1
    return b


BRIDGE_WINDOW = (
    40  # lines past the body's end within which its prose may resume after a long interruption
)
BRIDGE_WORDS = (
    60  # prose words on the body's topic needed, in consecutive paragraphs, to bridge that far
)
BRIDGE_OVERLAP = 0.25  # share of each such line's content words already in the body


def bridge_far(
    feats: list[LineFeatures], start: int, b: int, teasers: Set[int] = frozenset()
) -> int:
    """Past the body's end, over more lines than `extend_on_topic` skips (a table, a box of links, a list of
    materials) but no end of text, the article resumes when at least BRIDGE_WORDS words of prose follow
    whose lines each share the body's words; returns the new last line of the body."""
    vocab: set[str] | None = None
    j, n = b + 1, len(feats)
    ahead = 0  # prose words before the next end of text: too few and nothing can resume (cheap test first)
    for k in range(j, n):
        if _stops_text(feats, k, teasers):
            break
        if feats[k].kind in (GOOD, NEAR):
            ahead += feats[k].words
            if ahead >= BRIDGE_WORDS:
                break
    if ahead < BRIDGE_WORDS:
        return b
    while j < min(n, b + 1 + BRIDGE_WINDOW):
        f = feats[j]
        if _stops_text(feats, j, teasers):
            return b
        if f.kind in (GOOD, NEAR):
            if vocab is None:
                vocab = set()
                for g in feats[start : b + 1]:
                    if g.kind in (GOOD, NEAR):
                        vocab |= content_words(g.lower or g.line.text.lower())
            words, last, k = 0, j, j
            while k < n and not _stops_text(feats, k, teasers):
                g = feats[k]
                if g.kind in (GOOD, NEAR):
                    own = content_words(g.lower or g.line.text.lower())
                    if not own or len(own & vocab) < BRIDGE_OVERLAP * len(own):
                        break
                    words, last = words + g.words, k
                elif k - last > 3:
                    break
                k += 1
            if words >= BRIDGE_WORDS:
                return last
            j = k
        j += 1
    return b


STEPS_REACH = 30  # lines past the body's end where numbered steps may begin
STEP_GAP = 8  # lines from one step's marker to the next at most
STEPS_MIN = 3  # markers in sequence that make a list of steps
# 'Step 3', 'Schritt 3:', 'Krok 3', and a gallery counter '3 von 17' / '3 of 17' over each step
_STEP = re.compile(
    r"^(?:(?:step|schritt|paso|étape|etape|passo|krok|stap)\s*(\d{1,2})\s*[.:)]?|(\d{1,2})\s+"
    r"(?:von|of|de|di|z|van)\s+\d{1,2})$",
    re.I,
)


def _step_number(f: LineFeatures) -> int | None:
    if f.words > 3:
        return None
    m = _STEP.match(f.line.text)
    return int(m[1] or m[2]) if m else None


def steps_below(feats: list[LineFeatures], b: int, teasers: Set[int] = frozenset()) -> int:
    """Past the body's end, before any end of text, numbered steps ('Step 1' ... 'Step 9', each over a
    sentence or two and a picture) are the rest of a how-to or a recipe, however few words each step
    shares with the text above: the body runs on to the last step's prose."""
    n, j = len(feats), b + 1
    first = None
    while j < min(n, b + 1 + STEPS_REACH):
        if _stops_text(feats, j, teasers):
            return b
        first = _step_number(feats[j])
        if first is not None:
            break
        j += 1
    if first is None:
        return b
    last, expect, count, k = j, first + 1, 1, j + 1
    while k < n and k - last <= STEP_GAP and not _stops_text(feats, k, teasers):
        if _step_number(feats[k]) == expect:
            last, expect, count = k, expect + 1, count + 1
        k += 1
    if count < STEPS_MIN:
        return b
    end, miss, k = last, 0, last + 1
    while k < n and miss < 3 and not _stops_text(feats, k, teasers):
        if feats[k].kind in (GOOD, NEAR):
            end, miss = k, 0
        else:
            miss += 1
        k += 1
    return end


def _stops_text(feats: list[LineFeatures], j: int, teasers: Set[int]) -> bool:
    """A line that ends an article's text: a block head, a comment, a date stamp, a marker, a teaser."""
    f = feats[j]
    if f.kind == BAD and f.reason in _END_OF_TEXT and not _inline_link(f) or f.comment:
        return True
    if date_only(f) or j in teasers:
        return True
    return f.words <= 8 and END_MARKER.match(f.lower.strip(" .:!?-–—|•…")) is not None


def _inline_link(f: LineFeatures) -> bool:
    """'Related: Chicago is America's most segregated city': a link set inside the body, not a block head."""
    return (
        f.reason == "related-posts block"
        and f.words >= 4
        and ":" in f.line.text[:30]
        and not END_MARKER.match(f.lower.strip(" .:!?-–—|•…"))
    )


PROMO_OVERLAP = 0.05  # a promo shares less than this share of its content words with the run
PROMO_DISTANCE = 60  # ... stands more than this many (non-boilerplate) lines above the run
PROMO_WORDS = 40  # ... and has at most this many words (a lone long paragraph may be the article)


def promos_above_run(feats: list[LineFeatures], a: int, b: int) -> set[int]:
    """Far above the densest run, a lone prose line (no prose right above or below it) that shares almost
    none of the run's words: a promo or a teaser for another page, not the article's lead."""
    lone: list[int] = []
    far = 0
    for i in range(a - 1, -1, -1):
        f = feats[i]
        far += f.kind != BAD
        if far <= PROMO_DISTANCE or f.kind not in (GOOD, NEAR) or f.words > PROMO_WORDS:
            continue
        if not _prose_next_to(feats, i):
            lone.append(i)
    if not lone:
        return set()
    vocab: set[str] = set()
    for g in feats[a : b + 1]:
        if g.kind in (GOOD, NEAR):
            vocab |= content_words(g.lower or g.line.text.lower())
    out: set[int] = set()
    for i in lone:
        words = content_words(feats[i].lower or feats[i].line.text.lower())
        if len(words & vocab) < PROMO_OVERLAP * len(words):
            out.add(i)
    return out


def _prose_next_to(feats: list[LineFeatures], k: int) -> bool:
    """Another prose line right above or below line k."""
    return any(0 <= j < len(feats) and feats[j].kind in (GOOD, NEAR) for j in (k - 1, k + 1))


def lead_on_topic(feats: list[LineFeatures], start: int, b: int) -> int:
    """Above the first good line, take in lead sentences (near-prose, full stop) over gaps of up to
    EXTEND_GAP_UP short lines while they share the opening paragraphs' words."""
    vocab: set[str] | None = None
    gap, j = 0, start - 1
    while j >= 0 and gap <= EXTEND_GAP_UP:
        f = feats[j]
        if f.kind == BAD:
            break
        if (
            f.kind == NEAR and f.line.text[-1] == "."
        ):  # a headline may end in '?' or '!', a lead does not
            if vocab is None:
                vocab = set()
                for g in feats[start : min(b + 1, start + 15)]:
                    if g.kind in (GOOD, NEAR):
                        vocab |= content_words(g.lower or g.line.text.lower())
            words = content_words(f.lower)
            if not words or len(words & vocab) < EXTEND_OVERLAP * len(words):
                break
            start, gap = j, 0
        else:
            gap += 1
        j -= 1
    return start


VOCAB_WORDS = 600  # body words whose content words stand for what the article is about


def body_vocab(
    feats: list[LineFeatures],
    decisions: list[str],
    a: int,
    b: int,
    prose_only: bool = False,
) -> frozenset[str]:
    """Content words of the body's first few hundred words: what the article is about. With
    prose_only, of its prose lines alone, so that a short line kept in the body (a name line) is
    not found "about the body" by its own words."""
    out: set[str] = set()
    seen = 0
    for j in range(a, b + 1):
        f = feats[j]
        if decisions[j] == "content" and (not prose_only or f.kind in (GOOD, NEAR)):
            out |= content_words(f.lower or f.line.text.lower())
            seen += f.words
            if seen >= VOCAB_WORDS:
                break
    return frozenset(out)
