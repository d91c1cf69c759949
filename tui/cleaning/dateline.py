"""Which of the dates on a page is the article's: the dateline by the title, not a teaser list's dates."""

from __future__ import annotations

import datetime
import re
from itertools import islice

from .dates import DATE_START, MONTH, MONTH_NAMES, find_date, numeric_order
from .features import GOOD, LineFeatures

DATE_REACH = 40  # lines around the title and the body searched for the article's date
# A date with two other dates LIST_REACH lines close is an item of a dated list (archive, teasers,
# ticker) and counts as LIST_COST lines further off (14-40 score the same on the dev set, 12 a page less).
LIST_REACH = 3
LIST_COST = 20.0
# per line above the title (one below costs 1); 0.8-1.5 score the same on the dev set
ABOVE_COST = 1.0
META_BONUS = 4.0  # "Published on ..." names the article's date, wherever it stands
TITLE_COST = 2.0  # a date in the title itself may be an event's, not the article's
# A date the line talks about ("seit 1. Januar 2020", "Termin: 5.2.") is seldom the article's: any
# dateline within 30 lines beats it (25-60 score the same on the dev set, 10-20 one page less).
EVENT_COST = 30.0
# This many words before a date make it part of a sentence, not a dateline, when the sentence goes on
# after it (a byline's date ends the line, or a clock time follows it) or when EVENT_MANY stand before.
EVENT_WORDS_BEFORE = 4
EVENT_WORDS_AFTER = 2
EVENT_MANY = 12
LONG_LINE_WORDS = 20  # a longer line holds the date only at its start ("29.11.2022 – The ...")
_META_WORDS = re.compile(
    r"\b(published|posted|veröffentlicht|erschienen|erstellt|eingetragen|publié|publicado|pubblicato|"
    r"gepubliceerd|opublikowano|datum|date)\b",  # not "updated": the gold is when it first appeared
    re.I,
)


# Words before a date that make it an event's or a period's: "seit dem 1. Oktober", "bis zum 5. Mai".
_EVENT_BEFORE = re.compile(
    r"\b(?:seit|seit dem|zum|bis|bis zum|ab|ab dem|from|since|until|till|through|by|"
    r"termin|release|erscheinungsdatum|deadline|depuis|jusqu'au|desde|hasta|"
    r"retrieved|accessed|abgerufen|abgerufen am|consulté le)\s*:?\s*(?:on\s*)?$",
    re.I,
)


# Words frequent in English prose and absent from the other languages' common words.
_ENGLISH = re.compile(r"\b(?:the|and|of|with|that|was|were|is|are|for)\b")
LANGUAGE_LINES = 12  # prose lines enough to tell an English page from others
_NOT_ENGLISH = re.compile(
    r"\b(?:der|und|das|ist|nicht|le|les|et|est|une|el|los|que|y|il|che|della|een|het|och|się|и|в)\b"
)


def month_first(feats: list[LineFeatures], lo: int, hi: int) -> bool:
    """Whether the page writes numeric dates month first: as its unambiguous dates do (12/31 or
    31.12), else as English pages mostly do (US sites) and other languages' pages do not."""
    # a numeric date holds two digits in a row: the other lines can neither tell nor break a match
    order = numeric_order([f.line.text for f in feats[lo:hi] if f.digits])
    if order is not None:
        return order
    prose = " ".join(islice((f.lower for f in feats[lo:hi] if f.kind == GOOD), LANGUAGE_LINES))
    return len(_ENGLISH.findall(prose)) > 2 * len(_NOT_ENGLISH.findall(prose))


def _dates(
    feats: list[LineFeatures], lo: int, hi: int, us_order: bool = False
) -> dict[int, tuple[str, int, int]]:
    """The first date of each line in [lo, hi) that may hold the article's date: (iso, start, end)."""
    out: dict[int, tuple[str, int, int]] = {}
    for j in range(lo, hi):
        if not feats[j].digits:
            continue  # every date form has two digits in a row: most lines end here, uncalled
        hit = _line_date(feats[j], us_order)
        if hit is not None:
            out[j] = hit
    return out


def _line_date(f: LineFeatures, us_order: bool) -> tuple[str, int, int] | None:
    """The date on a line that may be its stamp. Which lines have one and where does not depend on
    us_order (a numeric date valid in one order is read in the other when only that one is valid)."""
    if f.chars > 400:
        return None
    text = f.line.text
    if f.words > LONG_LINE_WORDS or f.kind == GOOD:
        # a sentence's own dates are things it talks about: only a date at its start, or a
        # dateline set off before it ("Berlin, 25. Januar 2022 – Die ...") is its stamp
        hit = find_date(text, us_order) if DATE_START.match(text) else None
        if hit is None or hit[1] > 0:
            hit = _dateline_lead(text, us_order)
        return hit
    hit = find_date(text, us_order)
    if hit is not None and hit[1] > 0 and _EMBED.search(text, 0, hit[1]):
        return None  # an embedded post's date: "— Jane Doe (@jdoe) May 2, 2020"
    return hit


# How an embedded tweet or Instagram post signs off before its date: "(@handle)", "(@handle) on".
_EMBED = re.compile(r"\(@\w+\)\W*(?:on|am|le|el|il|at)?\s*$", re.I)


DATELINE_CHARS = 60  # how far into a sentence a dateline set off by a dash or bar may end
DATELINE_WORDS = 3  # words a dateline may hold before its date: a place, "Pressemitteilung vom"
_DATELINE_END = re.compile(r"\s+[|–—]\s")


def _dateline_lead(text: str, us_order: bool) -> tuple[str, int, int] | None:
    """The date of a dateline that opens a paragraph and ends with a dash or bar, if there is one."""
    sep = _DATELINE_END.search(text, 0, DATELINE_CHARS)
    if sep is None:
        return None
    head = text[: sep.start()]
    hit = find_date(head, us_order)
    if hit is None or hit[2] != len(head) or len(head[: hit[1]].split()) > DATELINE_WORDS:
        return None
    return hit


def _event(text: str, start: int, end: int) -> bool:
    """Whether the date at start is one the line talks about (after "seit", "bis", "Termin:", or
    inside a sentence that goes on after it), not the line's stamp ("Von Jane Doe - 3. Mai 2022")."""
    before = text[:start]
    if _EVENT_BEFORE.search(before) is not None:
        return True
    n = len(before.split())
    if n < EVENT_WORDS_BEFORE:
        return False
    if n >= EVENT_MANY:
        return True
    return len(_WORD_AFTER.findall(text, end)) >= EVENT_WORDS_AFTER


# Words after a date that go on a sentence: not a clock time's ("um 18:55 Uhr", "at 4:40pm PDT").
_WORD_AFTER = re.compile(
    r"\b(?!(?:um|uhr|at|am|pm|a\.m|p\.m|klo|h|utc|gmt|[ecmp][sd]?t|bst|cet|cest|mez|mesz)\b)"
    r"[^\W\d_]{2,}",
    re.I,
)


# Only a numeric date reads two ways, and each numeric form (dates._DMY, dates._DMY_SHORT) has a digit
# followed by one of these: a line without one reads the same in either order, uncalled.
_NUMERIC_SEP = re.compile(r"\d[-/.]")


def pick_date(feats: list[LineFeatures], ref: int, b: int) -> tuple[str, int] | None:
    """The article's date and its line: the nearest dateline to the title (ref), below before above,
    "Published ..." lines and lines repeating the title first, items of a dated list last; None when
    the page shows no date."""
    lo, hi = max(0, ref - DATE_REACH), min(len(feats), max(b, ref) + DATE_REACH)
    # dates just outside the window still tell whether a line in it is one item of a list
    wide_lo, wide_hi = max(0, lo - LIST_REACH), min(len(feats), hi + LIST_REACH)
    # Which lines hold a date does not depend on the order numeric dates are read in, so the page's
    # order (a scan of the window) is worked out only when a found date reads two ways ("04/06/21").
    found = _dates(feats, wide_lo, wide_hi)
    us_order = any(
        _NUMERIC_SEP.search(feats[j].line.text)
        and _line_date(feats[j], True) != _line_date(feats[j], False)
        for j in found
    ) and month_first(feats, wide_lo, wide_hi)
    if us_order:
        found = _dates(feats, wide_lo, wide_hi, True)
    best: tuple[float, int, bool] | None = None  # cost, line, whether an event's date
    repeat = _title_repeat(feats, ref, us_order)
    if repeat is not None:
        best = (TITLE_REPEAT_COST, repeat[1], False)
    for j, (iso, start, end) in found.items():
        if not lo <= j < hi:
            continue
        d = j - ref
        cost = d if d > 0 else -d * ABOVE_COST if d < 0 else TITLE_COST
        near = [
            found[k][0] for k in range(j - LIST_REACH, j + LIST_REACH + 1) if k != j and k in found
        ]
        if sum(other != iso for other in near) >= 2:
            cost += LIST_COST
        event = False
        if _META_WORDS.search(feats[j].line.text):
            cost -= META_BONUS
        elif _event(feats[j].line.text, start, end):
            cost += EVENT_COST
            event = True
        if best is None or cost < best[0]:
            best = (cost, j, event)
    if best is None or best[2]:
        # nothing by the title but dates lines talk about: a stamp anywhere says more
        stamped = _stamped(feats, ref)
        if best is None or stamped is not None:
            return stamped or (_yearless(feats, ref) if best is None else None)
    if repeat is not None and best[1] == repeat[1]:
        return repeat
    return found[best[1]][0], best[1]


# A line repeating the title with a date is this article's teaser or breadcrumb: it costs as much as a
# dateline three lines from the title, wherever it stands.
TITLE_REPEAT_COST = 3.0
TITLE_REPEAT_CHARS = 20  # a shorter title ("News", "Home") is repeated by lines of other pages too
# words besides the title and the date: separators, a time, a section, a name
TITLE_REPEAT_WORDS = 5


def _title_repeat(feats: list[LineFeatures], ref: int, us_order: bool) -> tuple[str, int] | None:
    """The date on the line nearest the title that repeats it ("<title> 21.11.2022" in a list of the
    site's articles, a breadcrumb ending in it): the article's own, however far from the title."""
    title = feats[ref].lower.strip()
    if len(title) < TITLE_REPEAT_CHARS or feats[ref].kind == GOOD:
        return None
    best: tuple[int, str, int] | None = None
    # one pass in C over the page's lines; the few that hold the title are read after it
    for j in [j for j, f in enumerate(feats) if f.digits and title in f.lower and j != ref]:
        f = feats[j]
        if f.chars > 400:
            continue
        at = f.lower.find(title)
        rest = f.lower[:at] + " | " + f.lower[at + len(title) :]
        hit = find_date(rest, us_order)
        if hit is None or len((rest[: hit[1]] + rest[hit[2] :]).split()) > TITLE_REPEAT_WORDS:
            continue  # the title inside a longer headline is another article's
        if best is None or abs(j - ref) < best[0]:
            best = (abs(j - ref), hit[0], j)
    return None if best is None else (best[1], best[2])


# What a page's stamp may say when no dateline stands by the title: the first date, or the last edit.
_STAMP_WORDS = re.compile(
    _META_WORDS.pattern
    + r"|\b(?:verfasst|geschrieben|written|eingestellt|gepostet|stand|updated|edited|"
    r"aktualisiert|geändert|modified|mis à jour|actualizado)\b",
    re.I,
)


# A longer line is a stamp when its date comes this early: "This entry was posted on Wednesday, ...".
STAMP_LEAD = 60


def _stamped(feats: list[LineFeatures], ref: int) -> tuple[str, int] | None:
    """When no date stands near the title (or only dates lines talk about): the nearest line elsewhere
    that says when the page was published ("Verfasst von X | 31. Dezember 2008", "Eingetragen am 3.
    Januar 2020", "This page was last edited on ..."), short or with its date early."""
    dated = [j for j, f in enumerate(feats) if f.digits and f.chars <= 400]
    for j in sorted(dated, key=lambda j: abs(j - ref)):  # nearest first: the first stamp is the one
        text = feats[j].line.text
        if not _STAMP_WORDS.search(text):
            continue
        hit = find_date(text)
        if hit is None or feats[j].words > LONG_LINE_WORDS and hit[1] > STAMP_LEAD:
            continue
        if find_date(text, True) != hit and month_first(feats, 0, len(feats)):
            hit = find_date(text, True)
        return (hit[0], j) if hit else None
    return None


# "Posted Nov 18, 8:19 PM", "Updated Nov 19": a dateline by the title that leaves out the year.
_YEARLESS = re.compile(
    rf"(?:^|[;|·•]\s*)(updated|posted|published)\b\W{{0,3}}(?:on\s+)?({MONTH_NAMES})\.?\s+(\d{{1,2}})\b"
    r"(?!\s*,?\s*\d{4})",
    re.I,
)
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)", re.I
)
YEARLESS_REACH = 8  # lines from the title a year-less dateline may stand


def _yearless(feats: list[LineFeatures], ref: int) -> tuple[str, int] | None:
    """When the page has no full date: a labelled dateline by the title without its year, in the year of
    the page's copyright line (the page was printed that year, and a year-less date is a recent one)."""
    lines = range(max(0, ref - YEARLESS_REACH), min(len(feats), ref + YEARLESS_REACH + 1))
    for j in sorted(lines, key=lambda j: abs(j - ref)):
        # the first publication over the last update: "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"
        found = sorted(
            _YEARLESS.finditer(feats[j].line.text), key=lambda m: m[1].lower() == "updated"
        )
        if not found:
            continue
        m = found[0]
        year = next(
            (
                int(y[1])
                for f in reversed(feats)
                if f.digits and (y := _COPYRIGHT_YEAR.search(f.line.text))
            ),
            None,
        )
        if year is None:
            return None
        try:
            return datetime.date(year, MONTH[m[2].lower()], int(m[3])).isoformat(), j
        except ValueError:
            return None
    return None
