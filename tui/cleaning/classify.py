"""Decide title/content/meta/boilerplate per line: find the body (`body`), cut its tail (`tail`), then
judge the short lines inside it by context."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from .body import (
    body_run,
    bridge_far,
    extend_on_topic,
    lead_on_topic,
    promos_above_run,
    steps_below,
    teaser_streaks,
)
from .dates import find_date
from .features import BAD, GOOD, NEAR, SHORT, LineFeatures
from .stopwords import content_words
from .tail import cut_tail

_NUMBER = re.compile(r"\d")


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
    teasers = teaser_streaks(feats)
    a, b = body_run(feats, teasers)
    promos = promos_above_run(feats, a, b)
    first = next((i for i in range(a) if feats[i].kind == GOOD and i not in promos), a)
    start = lead_on_topic(feats, first, b)
    b = extend_on_topic(feats, start, b, teasers)
    while (far := bridge_far(feats, start, b, teasers)) > b:
        b = extend_on_topic(feats, start, far, teasers)
    b = steps_below(feats, b, teasers)
    gaps: dict[int, str] = {}
    b, tail_at, tail_reason = cut_tail(feats, start, a, b, teasers, gaps)
    gaps.update((i, "teaser") for i in promos if start <= i <= b)
    listed = _bulleted_lists(feats, start, b, len(feats) if tail_at is None else tail_at)
    above = _list_above_body(feats, start, b)
    if tail_at is None:
        listed |= _announced_list(feats, b)
    if listed:
        start, b = min(start, min(listed)), max(b, max(listed))
    head = start  # where the text begins for the title's search: a list above it is no headline
    if above:
        start, listed = min(start, min(above)), listed | above
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
    if _lead_in(feats, head - 1) and decisions[head] == "content":
        decisions[head - 1], reasons[head - 1] = "content", None
    _join_wrapped(feats, decisions, reasons)
    _drop_repeated(feats, decisions, reasons)
    return Classified(decisions, reasons, head, b, a)


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
        if (
            e - k + 1 > MAX_SHORT_GROUP_ABOVE_RUN
            and not _code_block(feats[k : e + 1])
            and not _quantity_list(feats[k : e + 1], feats[a : a + 60])
            and not _verse(feats[k : e + 1], feats[a : a + 60])
        ):
            menus.update(m for m in range(k, e + 1) if feats[m].kind == SHORT)
        k = e + 1
    return menus


_CODE = re.compile(r"[{}();=<>\[\]]|//")


VERSE_SHARE = (
    0.5  # this share of a block's short lines reads as a phrase (4+ words, a function word)
)


def _verse(block: list[LineFeatures], text: list[LineFeatures]) -> bool:
    """Half the short lines or more are phrases with function words on the text's subject (verses, a
    list of points, the lines of a fact box): the text's own lines, which a menu's one- and two-word
    items and a list of other stories' headlines are not."""
    short = [f for f in block if f.kind == SHORT]
    phrases = [f for f in short if f.words >= 4 and f.stops >= 1]
    if len(phrases) < VERSE_SHARE * len(short):
        return False
    vocab = _prose_stems(text)
    return sum(1 for f in phrases if _stems(f.lower) & vocab) >= VERSE_SHARE * len(short)


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


def _lead_in(feats: list[LineFeatures], j: int) -> bool:
    """Right above the body, a short line ending in ':' that names no boilerplate ('Das Beste kommt
    jetzt:', 'Key findings:'): it announces the paragraph below it, as a heading does."""
    return (
        j >= 0
        and feats[j].kind == SHORT
        and feats[j].reason is None
        and feats[j].line.text[-1] == ":"
    )


LIST_MAX = 25  # short lines an announced list may run to
LIST_MIN = 2  # ... and at least this many, or the colon announced something else


def _announced_list(feats: list[LineFeatures], b: int) -> set[int]:
    """The body's last line ends in ':' ("What you'll need:", "Here are the ten rules:"): the short lines
    that follow it, up to the next prose or boilerplate, are its list."""
    if not 0 <= b < len(feats) - 1:
        return set()
    head = b if feats[b].line.text.endswith(":") else b + 1  # or a short heading right below it
    f = feats[head]
    if f.kind == BAD or not f.line.text.endswith(":"):
        return set()
    out: set[int] = {head} if head > b else set()
    for k in range(head + 1, min(len(feats), head + 1 + LIST_MAX)):
        if feats[k].kind != SHORT or feats[k].comment:
            break
        out.add(k)
    return out if len(out - {head}) >= LIST_MIN else set()


REF_STEM = 5  # letters that make two words one ('Mandarine', 'Mandarinen')
REF_MISSES = 4  # lines in a row with words the body never uses end a list above it
REF_MIN = 3  # lines the body refers to, and quantity lines, that a list above it needs


# '200 g', '1 TL', '2 Pck.', '1,5 kg Mehl': a quantity; not a numbered heading ('27. Conclusion')
_QUANTITY = re.compile(r"^\s*\d+(?:[,./]\d+)?(?![.)]) ?[^\W\d_]")


def _quantity(f: LineFeatures) -> bool:
    """A short line of at most five words that opens with a quantity: a list item's shape."""
    return f.kind == SHORT and f.words <= 5 and _QUANTITY.match(f.line.text) is not None


def _stems(lower: str) -> set[str]:
    return {w[:REF_STEM] for w in content_words(lower)}


def _prose_stems(lines: list[LineFeatures]) -> set[str]:
    """The word stems of the prose among lines: what a list the text refers to shares with it."""
    stems: set[str] = set()
    for g in lines:
        if g.kind in (GOOD, NEAR):
            stems |= _stems(g.lower)
    return stems


def _list_above_body(feats: list[LineFeatures], start: int, b: int) -> set[int]:
    """Right above the body, short lines (an ingredient list, a product's properties, a box of facts) whose
    words the body's text uses again: the article's own list, not a menu (whose items the text never names)."""
    if start <= 0 or b < start:
        return set()
    lines: list[LineFeatures] = []  # the lines a list may take, up to the article's dateline
    j = start - 1
    while j >= 0 and start - j <= LIST_MAX * 2 and _transparent(feats[j]) and not feats[j].comment:
        if feats[j].digits and find_date(feats[j].line.text):
            break  # the article's dateline: above it is its header, not a list
        lines.append(feats[j])
        j -= 1
    if sum(1 for f in lines if _quantity(f)) < REF_MIN:
        return set()  # too few quantities whatever the body's words (most pages: skip those)
    vocab = _prose_stems(feats[start : min(b + 1, start + 60)])
    refs, shaped, misses, top, worded = 0, 0, 0, start, 0
    for j, f in zip(range(start - 1, start - 1 - len(lines), -1), lines, strict=True):
        if f.kind == SHORT:
            own = _stems(f.lower)
            if own & vocab:
                refs, misses, top = refs + 1, 0, j
            elif _quantity(f):
                shaped, misses, top = shaped + 1, 0, j  # a quantity: a list's shape
            elif own:
                misses += 1
                if misses >= REF_MISSES:
                    break
            worded += bool(own) or f.words > 0
    if refs < REF_MIN or shaped < REF_MIN or (refs + shaped) * 2 < worded - misses:
        return set()
    return {k for k in range(top, start) if feats[k].kind == SHORT}


def _quantity_list(block: list[LineFeatures], text: list[LineFeatures]) -> bool:
    """A block of short lines the text below names again, with quantities among them: an ingredient list."""
    if sum(1 for f in block if _quantity(f)) < REF_MIN:
        return False  # too few quantities whatever the text's words
    vocab = _prose_stems(text)
    refs = shaped = worded = 0
    for f in block:
        if f.kind != SHORT:
            continue
        own = _stems(f.lower)
        if own & vocab:
            refs += 1
        elif _quantity(f):
            shaped += 1
        worded += 1
    return refs >= REF_MIN and shaped >= REF_MIN and (refs + shaped) * 2 >= worded


def _figure_in_body(feats: list[LineFeatures], i: int, between: bool) -> bool:
    """A year or a figure next to a paragraph of the body (a table row, a list entry), not a chart's axis."""
    f = feats[i]
    if not between or f.words or f.reason is not None or not _NUMBER.search(f.line.text):
        return False
    return any(0 <= k < len(feats) and feats[k].kind in (GOOD, NEAR) for k in (i - 1, i + 1))


def _sentence_line(f: LineFeatures) -> bool:
    """A short line that is still a sentence: a one-line paragraph of the body."""
    return f.words >= 4 and f.stops >= 1 and f.line.text[-1] in ".!?"


REPEATS = 3  # copies of one prose line on a page that make it a template's


def _drop_repeated(
    feats: list[LineFeatures], decisions: list[str], reasons: list[str | None]
) -> None:
    """A line said word for word REPEATS times on one page is a template's (a consent placeholder before
    every embed, a newsletter box), not the article's, unless it is most of the body."""
    count: dict[str, int] = {}
    for f in feats:
        if f.kind in (GOOD, NEAR):
            count[f.line.text] = count.get(f.line.text, 0) + 1
    kept = [i for i, d in enumerate(decisions) if d == "content"]
    drop = [i for i in kept if count.get(feats[i].line.text, 0) >= REPEATS]
    if 2 * len(drop) >= len(kept):
        return  # most of the body: the article itself says it again and again, keep it
    for i in drop:
        decisions[i], reasons[i] = "boilerplate", "repeated on the page"


_OPEN_END = re.compile(r"[\w,;–-]$")  # a line that stops mid-sentence: a word, a comma, a dash


def _join_wrapped(
    feats: list[LineFeatures], decisions: list[str], reasons: list[str | None]
) -> None:
    """A kept line and a dropped one right next to it (no blank line between) where the first stops
    mid-sentence and the second goes on in lower case: one sentence wrapped over two lines (a hard
    line break in the page), so the dropped half is kept too. A pass down, then a pass up."""
    n = len(feats)
    for i, k in [(i, i + 1) for i in range(n - 1)] + [(i + 1, i) for i in range(n - 2, -1, -1)]:
        if decisions[i] != "content" or decisions[k] != "boilerplate":
            continue
        f, g = (feats[i], feats[k]) if i < k else (feats[k], feats[i])
        if f.line.number + 1 != g.line.number or not g.line.text[0].islower():
            continue
        if _OPEN_END.search(f.line.text) and feats[k].kind != BAD and not feats[k].comment:
            decisions[k], reasons[k] = "content", None
