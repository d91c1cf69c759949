"""Decide title/content/meta/boilerplate per line: find the dense body run, then judge by context."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from .dates import find_date
from .features import BAD, GOOD, NEAR, SHORT, LineFeatures
from .phrases import END_MARKER, INLINE_MARKER
from .stopwords import content_words

# Run scores: a prose line adds its words (half for a near-prose line); anything else costs a little.
SCORE_SHORT = -6.0
SCORE_BAD = -8.0
TEASER_WINDOW = 10  # two bare date lines this close after the body: a list of teasers
THREAD_WINDOW = 8  # a comment thread shows two signatures within this many lines
MIN_WORDS_BEFORE_THREAD = 40  # body words needed before a comment thread may end the article
MIN_WORDS_BEFORE_FORM = 20  # ... before a comment form (two form lines close together) may
MIN_WORDS_BEFORE_MARKER = (
    80  # ... before a "Related"/"Tags"/teaser marker may (inline ones come earlier)
)


# "12 Responses to “Title”", "One thought on “Title”": a comment thread opens.
_THREAD_HEAD = re.compile(
    r"^(\d+|one|ein|eine|zwei|drei|un|une)\s+(responses?|repl(?:y|ies)|thoughts?|comments?|antworten|"
    r"kommentare?|gedanken|réponses?|commentaires?|respuestas?|comentarios?)\s+"
    r"(to|on|zu|für|à|sur|a|en)\s+\W"
)
# "Previous post", "Nächster Beitrag", "Article suivant": links to the neighbouring posts.
_PREV_NEXT = re.compile(
    r"^[«‹<←\s]*(previous|next|older|newer|vorheriger?|nächster?|voriger?|article|artículo|"
    r"articolo)\s*(post|article|story|entry|beitrag|artikel|eintrag|précédent|suivant|anterior|"
    r"siguiente|precedente|successivo)|^←.+→"
)
_NUMBER = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{3,}")


def date_only(f: LineFeatures) -> bool:
    """A line that is a date and at most one other word ("Politics / May 2, 2023")."""
    if f.words > 5:
        return False
    hit = find_date(f.line.text)
    if not hit:
        return False
    rest = f.line.text[: hit[1]] + f.line.text[hit[2] :]
    return len(_LETTERS.findall(rest)) <= 1


def _score(f: LineFeatures) -> float:
    if f.kind == GOOD:
        return float(f.words)
    if f.kind == NEAR:
        return f.words * 0.5
    if f.kind == SHORT:
        return SCORE_SHORT
    return SCORE_BAD


def body_run(feats: list[LineFeatures], teasers: Set[int] = frozenset()) -> tuple[int, int]:
    """Indices [a, b] of the densest run (max-sum subarray; teaser summaries count little), or (0, -1)."""
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for i, f in enumerate(feats):
        s = _score(f)
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


def _teaser_streaks(feats: list[LineFeatures]) -> set[int]:
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


def _signature(feats: list[LineFeatures], k: int, a: int) -> bool:
    """A comment signature; above the densest run a bare date-and-time line is the article's own dateline."""
    f = feats[k]
    return f.comment and (k >= a or not date_only(f))


def cut_tail(
    feats: list[LineFeatures],
    start: int,
    a: int,
    b: int,
    teasers: Set[int] = frozenset(),
    gaps: dict[int, str] | None = None,
) -> tuple[int, int | None, str]:
    """End the body at a comment thread or form (anywhere after some text) or a standalone end marker (in the run)
    after which the article's prose does not resume.

    Returns the last body index, the index where the tail starts (None if not cut) and what the tail is;
    fills gaps with the lines of interruptions (marker to resumed prose) and why they go.
    """
    if gaps is None:
        gaps = {}
    seen = 0
    i = start
    while i <= b:
        f = feats[i]
        if (
            seen >= MIN_WORDS_BEFORE_THREAD
            and _signature(feats, i, a)
            and sum(
                1 for k in range(i, min(i + THREAD_WINDOW, len(feats))) if _signature(feats, k, a)
            )
            >= 2
        ):
            return i - 1, i, "reader comments"
        if (
            seen >= MIN_WORDS_BEFORE_FORM
            and f.reason == "comment form"
            and sum(1 for g in feats[i : i + THREAD_WINDOW] if g.reason == "comment form") >= 2
        ):
            return i - 1, i, "reader comments"  # a comment form: even a short post ends here
        if seen >= MIN_WORDS_BEFORE_MARKER and i >= a:
            end = _end_marker(feats, i)
            if end is not None:
                resume = None if end == "reader comments" else _resumes(feats, start, i, b, teasers)
                if resume is None:
                    return i - 1, i, end
                for k in range(i, resume):
                    gaps[k] = end  # an interruption: the article goes on below it
                i = resume
                continue
        if f.kind in (GOOD, NEAR):
            seen += f.words
        i += 1
    return b, None, "footer"


def _end_marker(feats: list[LineFeatures], i: int) -> str | None:
    """What a standalone end-of-article marker at line i opens, else None."""
    f = feats[i]
    if f.words <= 8 and END_MARKER.match(f.lower.strip(" .:!?-–—|•…")):
        tail = f.reason if f.reason in ("related-posts block", "reader comments") else None
        return tail or "after end of article"
    if f.reason == "tags":
        return "after end of article"  # "Tags: ..." closes a post
    if f.reason == "author bio" and f.words <= 8:
        return "author bio"  # "About the author"
    if f.words <= 25 and _THREAD_HEAD.match(f.lower):
        return "reader comments"
    if f.words <= 25 and _PREV_NEXT.match(f.lower):
        return "after end of article"  # links to the neighbouring posts
    if date_only(f) and any(date_only(g) for g in feats[i + 1 : i + TEASER_WINDOW]):
        return "related-posts block"  # teasers: headline, summary, date, repeated
    if _slideshow(feats, i):
        return "related-posts block"  # "1/50 Title", caption, "2/50 Title", ...: a picture gallery
    return None


_COUNTER = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})\b")


def _slideshow(feats: list[LineFeatures], i: int) -> bool:
    """'1/50 ...' here and '2/50 ...' a few lines on: the numbered slides of a picture gallery."""
    m = _COUNTER.match(feats[i].line.text)
    if not m or int(m[1]) >= int(m[2]) or int(m[2]) < 3:
        return False
    follow = f"{int(m[1]) + 1}/{m[2]}"
    return any(
        g.line.text.replace(" ", "").startswith(follow) for g in feats[i + 1 : i + TEASER_WINDOW]
    )


RESUME_WORDS = 60  # prose words, in paragraphs of two lines or more, that show the article goes on
RESUME_OVERLAP = 0.25  # share of a line's content words already in the body above the marker


def _resumes(
    feats: list[LineFeatures], start: int, i: int, b: int, teasers: Set[int]
) -> int | None:
    """Where the article's prose resumes after an inline marker at i (within the run up to b), or None.

    "Related", "Read more", "Share this" or a picture gallery may stand inside a body, before more of it: the article goes
    on when below the marker, still in the densest run, come paragraphs (not lone teaser summaries)
    whose lines each share the body's words."""
    if not (INLINE_MARKER.match(feats[i].lower.strip(" .:!?-–—|•…")) or _slideshow(feats, i)):
        return None
    j = i + 1
    while j <= b and not (feats[j].kind == GOOD and j not in teasers):
        if feats[j].comment or feats[j].reason in _HARD_ENDS:
            return None
        j += 1
    if j > b:
        return None
    vocab: set[str] = set()
    for g in feats[start:i]:
        if g.kind in (GOOD, NEAR):
            vocab |= content_words(g.lower or g.line.text.lower())
    words, group = 0, 0
    for k in range(j, b + 1):
        g = feats[k]
        if g.comment or g.reason in _HARD_ENDS or _end_marker(feats, k):
            break
        if g.kind in (GOOD, NEAR) and k not in teasers:
            group += 1
            if group >= 2 or g.words >= 40:
                own = content_words(g.lower or g.line.text.lower())
                if own and len(own & vocab) >= RESUME_OVERLAP * len(own):
                    words += g.words
        else:
            group = 0
        if words >= RESUME_WORDS:
            return j
    return None


_HARD_ENDS = ("comment form", "copyright", "cookie notice")


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


def bridge_far(
    feats: list[LineFeatures], start: int, b: int, teasers: Set[int] = frozenset()
) -> int:
    """Past the body's end, over more lines than `extend_on_topic` skips (a table, a box of links, a list of
    materials) but no end of text, the article resumes when at least BRIDGE_WORDS words of prose follow
    whose lines each share the body's words; returns the new last line of the body."""
    vocab: set[str] | None = None
    j, n = b + 1, len(feats)
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
                    if not own or len(own & vocab) < RESUME_OVERLAP * len(own):
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


@dataclass
class Classified:
    """Per-line decision and reason, the body's bounds [start, end] and where its densest run begins."""

    decisions: list[str]
    reasons: list[str | None]
    start: int
    end: int
    run_start: int


def classify(feats: list[LineFeatures]) -> Classified:
    """Per-line decision and reason; also the body bounds [start, b] and where the densest run begins.

    The body runs from the first good line to the end of the densest run (text above the run is
    usually the article's own lead split off by images or ads; below it come comments and teasers),
    cut at the first comment thread or end-of-article marker.
    """
    n = len(feats)
    decisions = ["boilerplate"] * n
    reasons: list[str | None] = [None] * n
    teasers = _teaser_streaks(feats)
    a, b = body_run(feats, teasers)
    start = lead_on_topic(feats, next((i for i in range(a) if feats[i].kind == GOOD), a), b)
    b = extend_on_topic(feats, start, b, teasers)
    while (far := bridge_far(feats, start, b, teasers)) > b:
        b = extend_on_topic(feats, start, far, teasers)
    gaps: dict[int, str] = {}
    b, tail_at, tail_reason = cut_tail(feats, start, a, b, teasers, gaps)
    listed = _bulleted_lists(feats, start, b, len(feats) if tail_at is None else tail_at)
    if listed:
        start, b = min(start, min(listed)), max(b, max(listed))
    for i, f in enumerate(feats):
        if f.kind == BAD:
            reasons[i] = f.reason or "decoration"
            if tail_at is not None and i >= tail_at and f.reason in _SECTION_HEADS:
                tail_reason = _SECTION_HEADS[f.reason]  # a new block below the article: name it
        elif i < start:
            reasons[i] = "navigation" if f.kind == SHORT else "outside article body"
        elif tail_at is not None and i >= tail_at:
            reasons[i] = tail_reason
        elif i > b:
            reasons[i] = "footer" if f.kind == SHORT else "outside article body"
        elif i in gaps:
            reasons[i] = gaps[i]
    between = _between_good(feats, start, b, gaps.keys())
    menus = _menus_above_run(feats, start, min(a, b + 1))  # the tail may be cut above the run
    for m in menus:
        between[m - start] = False
    for i in range(start, b + 1):
        f = feats[i]
        if i in gaps:
            continue
        if f.kind in (GOOD, NEAR):
            decisions[i] = "content"
        elif f.kind == SHORT:
            if (
                i in listed
                or between[i - start]
                or i not in menus
                and (_sentence_line(f) or _heading_after_link(feats, i, b))
            ):
                decisions[i] = "content"
            else:
                reasons[i] = "navigation" if i in menus else "short line outside paragraphs"
        elif _figure_in_body(feats, i, between[i - start] and i not in menus):
            decisions[i] = "content"
    return Classified(decisions, reasons, start, b, a)


MAX_SHORT_GROUP_ABOVE_RUN = (
    8  # more short lines in a row above the densest run is a menu, not headings
)


def _menus_above_run(feats: list[LineFeatures], start: int, a: int) -> set[int]:
    """Above the densest run, a long block of short lines between two prose lines is a menu."""
    menus: set[int] = set()
    k = start
    while k < a:
        if feats[k].kind != SHORT:
            k += 1
            continue
        e = k
        while e + 1 < a and _transparent(feats[e + 1]):
            e += 1
        if e - k + 1 > MAX_SHORT_GROUP_ABOVE_RUN and not _code_block(feats[k : e + 1]):
            menus.update(m for m in range(k, e + 1) if feats[m].kind == SHORT)
        k = e + 1
    return menus


_CODE = re.compile(r"[{}();=<>\[\]]|//")


def _code_block(block: list[LineFeatures]) -> bool:
    """Most lines carry brackets, semicolons or '=': a code listing, which menus never are."""
    short = [f for f in block if f.kind == SHORT]
    return sum(1 for f in short if _CODE.search(f.line.text)) * 2 > len(short)


_SECTION_HEADS = {
    "related-posts block": "related-posts block",
    "reader comments": "reader comments",
    "comment form": "reader comments",
    "copyright": "footer",
    "author bio": "author bio",
}
_INTERRUPTIONS = ("advertisement", "caption")  # dropped lines that do not break a paragraph run


def _transparent(f: LineFeatures) -> bool:
    return f.kind == SHORT or f.kind == BAD and (f.reason in _INTERRUPTIONS or f.words == 0)


def _between_good(
    feats: list[LineFeatures], a: int, b: int, gaps: Set[int] = frozenset()
) -> list[bool]:
    """jusText context for each line of [a, b]: a short line (a subheading) counts when body text is
    on both sides, looking past other short lines, ads and captions (not past a bridged interruption,
    whose heading goes with it). Two linear passes."""
    size = max(b - a + 1, 0)
    kinds = [BAD if a + k in gaps else feats[a + k].kind for k in range(size)]
    see_through = [a + k not in gaps and _transparent(feats[a + k]) for k in range(size)]
    before: list[str | None] = [None] * size
    last = None
    for k in range(size):
        before[k] = last
        if not see_through[k]:
            last = kinds[k]
    out = [False] * size
    last = None
    for k in range(size - 1, -1, -1):
        out[k] = before[k] in (GOOD, NEAR) and last in (GOOD, NEAR)
        if not see_through[k]:
            last = kinds[k]
    return out


def _heading_after_link(feats: list[LineFeatures], i: int, b: int) -> bool:
    """A subheading right after an inline 'Read more: ...' link and right before a paragraph."""
    f = feats[i]
    if not 2 <= f.words <= 10 or f.line.text[-1] in ".:!?;,…" or not 0 < i < b:
        return False
    before = feats[i - 1]
    return (
        feats[i + 1].kind in (GOOD, NEAR)
        and before.kind == BAD
        and before.reason == "related-posts block"
    )


_BULLET = re.compile(r"^[+*•▪·◦‣●■–-]\s+\S")
MIN_LIST_ITEMS = 2


def _bulleted_lists(feats: list[LineFeatures], start: int, b: int, limit: int) -> set[int]:
    """Lines of lists written with literal bullets ('+ Added Slime Block', '• item') that touch or stand in
    the body: the article's own lists (a menu's items carry no bullet in the text)."""
    out: set[int] = set()
    k = max(start - 1, 0)
    while k > 0 and _BULLET.match(feats[k - 1].line.text) and _BULLET.match(feats[k].line.text):
        k -= 1  # a list that ends right above the body starts further up
    while k < limit and k <= b + 1:
        if not _BULLET.match(feats[k].line.text) or feats[k].comment:
            k += 1
            continue
        e = k
        while e + 1 < limit and _BULLET.match(feats[e + 1].line.text) and not feats[e + 1].comment:
            e += 1
        if e - k + 1 >= MIN_LIST_ITEMS and (e >= start - 1 and k <= b + 1):
            out.update(m for m in range(k, e + 1) if feats[m].kind != BAD)
        k = e + 1
    return out


def _figure_in_body(feats: list[LineFeatures], i: int, between: bool) -> bool:
    """A year or a figure next to a paragraph of the body (a table row, a list entry), not a chart's axis."""
    f = feats[i]
    if not between or f.words or f.reason is not None or not _NUMBER.search(f.line.text):
        return False
    return any(0 <= k < len(feats) and feats[k].kind in (GOOD, NEAR) for k in (i - 1, i + 1))


def _sentence_line(f: LineFeatures) -> bool:
    """A short line that is still a sentence: a one-line paragraph of the body."""
    return f.words >= 4 and f.stops >= 1 and f.line.text[-1] in ".!?"
