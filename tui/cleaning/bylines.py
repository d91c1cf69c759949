"""Which name on a page is the article's author: every byline, dateline and name line near the title
is a candidate, and the nearest strongest one wins (not the first one met from the top)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .authors import byline, name_by_date
from .body import body_vocab
from .byline_forms import agency_byline, name_in_place, name_with_handle, names_with_outlet
from .byline_lines import (
    BARE_NAME_WORDS,
    HANDLE_AFTER,
    LEAD_CHARS,
    around,
    lead_line,
    name_line,
    named_by_neighbours,
    under_lead,
)
from .dates import find_date
from .features import BAD, GOOD, LineFeatures
from .names import (
    NAMES_SPLIT,
    bare_name,
    bare_names,
    bio,
    known_first_name,
    name_with_job,
)

BYLINE_REACH = 15  # lines around the title and the body's start searched for the author
ABOVE_COST = 1.5  # per line above the title (one below costs 1): bylines mostly follow the headline
# Extra cost by kind of evidence, in lines of distance: "By Jane Doe" is surest, a bare name least.
DATELINE_COST = 0.5  # "12 May 2020 · Jane Doe"
BY_SENTENCE_COST = 2.0  # "By Alex Heath, a deputy editor and ..." (a byline going on with a job)
BARE_NAME_COST = 3.0  # a line that is only "Jane Doe" (or a place, a section, a photo credit)
END_REACH = 13  # lines below the body's end searched for its byline or author link
OPENING_AFTER_PROSE = (
    2  # a name line this close under the first prose (the standfirst) may be a byline
)
FAR_REACH = 60  # lines around the title searched for a line that opens with a byline's lead
FAR_WORDS = 16  # such a line is at most this long
LEAD_LINE_BELOW = 30  # lines below the body's end searched for a lead line over a name ("Autor:")
BIO_WORDS = 8  # an author's bio under the name line is at least this long
FOLLOW_WORDS = 16  # a follow prompt under it ("Follow Jane Doe on Facebook") at most this long
_AGO = re.compile(  # a relative date beside the author: "Alex Perry 1 day ago", "James Akinaka • 8h"
    r"(?:\b\d{1,2}\s*(?:min(?:ute)?s?|h(?:ours?|rs?)?|d(?:ays?)?|weeks?)(?:\s+ago)?|\byesterday|"
    r"(?:vor|hace|il y a)\s+\d{1,2}\s+(?:minuten|stunden?|tagen?|minutos?|horas?|días?|"
    r"minutes?|heures?|jours?))\s*$",  # "vor 3 Stunden", glued too: "Jane Doevor 3 Stunden"
    re.I,
)
# What every match of _AGO holds, sought in the lowercased line without re.I: a fast test before it
# (no i, s or k, which re.I also matches in other characters than lower() gives).
_AGO_PIECE = re.compile(r"\d|terday")
# A time of day beside the author, where no date is: "Jane Doe 06 PM | 18 May", "Jane Doe, 10:32".
_CLOCK_IN = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b", re.I)
_BY_START = re.compile(r"^(by|von|par|por|door|written by|geschrieben von|verfasst von)\s", re.I)
# A line that opens with the byline's lead, or with a link to the author's other articles.
_LEAD_FIRST = re.compile(
    r"^(?:(?:mehr|alles|alle artikel|weitere artikel|alle beiträge|zeige alle beiträge|more|"
    r"more articles|more stories|all posts|view all posts|erstellt|eingestellt|posted|written)\s+)?"
    r"(?:by|von|par|por|door)\s",
    re.I,
)


class BodyWords:
    """The body's prose words (body_vocab), worked out on the first question: only a few pages ask
    whether a would-be name is words of the body (56 of the 889 dev pages)."""

    __slots__ = ("_args", "_words")

    def __init__(self, feats: list[LineFeatures], decisions: list[str], a: int, b: int):
        self._args = (feats, decisions, a, b)
        self._words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = body_vocab(*self._args, prose_only=True)
        return word in self._words


@dataclass(frozen=True)
class Author:
    """The author's name, the line it came from and why that line is metadata."""

    name: str
    at: int
    why: str


def _candidate(
    f: LineFeatures,
    in_head: bool,
    in_opening: bool,
    vocab: BodyWords,
    neighbours: tuple[LineFeatures | None, LineFeatures | None] = (None, None),
) -> tuple[str, float, str] | None:
    """(name, extra cost, why) when the line names a person as this page's author; `neighbours`
    are the line before and the line after it, whose form may say the line is a byline."""
    text = f.line.text
    if f.words <= 14:
        name = byline(text, lead_within=40)
        if name:
            return name, 0.0, "byline"
        hit = find_date(text)
        if hit:
            name = byline(text) or name_by_date(text, hit[1], hit[2])
            if name:
                return name, DATELINE_COST, "date"
        ago = _AGO.search(text) if _AGO_PIECE.search(text.lower()) else None
        if ago:
            name = name_by_date(text, ago.start(), ago.end())
            if name:
                return name, DATELINE_COST, "date"
        clock = _CLOCK_IN.search(text) if f.digits else None
        if clock:
            name = name_by_date(text, clock.start(), clock.end())
            if name and (text.startswith(name) or known_first_name(name)):
                return name, DATELINE_COST, "date"  # not a match's "19:15 Stal Gorzów 55 : 34"
        name = name_with_job(text)  # "Jane Doe | Staff Writer"
        if name and not _about_the_body(name, vocab):
            return name, DATELINE_COST, "byline"
        name = name_with_handle(text) or names_with_outlet(text)  # "Jane Doe @jdoe", "Jane Doe AP"
        if name:
            return name, DATELINE_COST, "byline"
        name = agency_byline(text)  # "By Reuters"
        if name:
            return name, DATELINE_COST, "byline"
        name = name_in_place(text) if in_opening else None  # under the title: "Jane Doe in Kyiv"
        if name and not _about_the_body(name, vocab):  # not a teaser's "Drake Assaulted in Dubai"
            return name, DATELINE_COST, "byline"
    if _BY_START.match(text):
        name = byline(text[:100])
        if name and " " in name:  # a person, not a handle ("Par ailleurs, ...")
            return name, BY_SENTENCE_COST, "byline"
    named = named_by_neighbours(f, neighbours)
    if named is not None and (named[1] != "job" or not _about_the_body(named[0], vocab)):
        # under a lead line the name may well be a word of the body ("Rose")
        return named[0], 0.0 if named[1] == "lead" else DATELINE_COST, _TWO_LINE_WHY[named[1]]
    if f.kind != BAD and (in_head or in_opening and f.words <= BARE_NAME_WORDS):
        name = bare_name(HANDLE_AFTER.sub("", text))  # "Jane Doe @janedoe"
        if name and known_first_name(name) and not _about_the_body(name, vocab):
            return name, BARE_NAME_COST, "byline"  # a heading is no name: "Leichte Sprache"
    if f.kind != BAD and (in_head or in_opening) and f.words <= 14:
        name = bare_names(text)  # "Jane Doe and John Smith", "Ann Lee, Bo Chan & Cy Dunn"
        if name and not all(_about_the_body(n, vocab) for n in NAMES_SPLIT.split(name)):
            return name, DATELINE_COST, "byline"
    return None


_TWO_LINE_WHY = {"lead": "byline", "date": "date", "job": "byline"}


def _prose_follows(feats: list[LineFeatures], decisions: list[str], j: int) -> bool:
    """Whether the line after j is body prose, as under a subheading (and seldom under a byline)."""
    return j + 1 < len(feats) and decisions[j + 1] == "content" and feats[j + 1].kind == GOOD


def _a_menu_entry(feats: list[LineFeatures], lo: int, ref: int, text: str) -> bool:
    """Whether a line above the title is there twice: a menu printed twice (desktop, mobile)."""
    return sum(g.line.text == text for g in feats[lo:ref]) >= 2


def _about_the_body(name: str, vocab: BodyWords) -> bool:
    """Whether half the words of a would-be name recur in the body: a heading ("Kleine Schafskunde")."""
    words = name.lower().split()
    return 2 * sum(w in vocab for w in words) >= len(words)


def pick_author(
    feats: list[LineFeatures],
    decisions: list[str],
    t: int | None,
    ref: int,
    a: int,
    b: int,
) -> Author | None:
    """The page's author (see _pick) without a menu entry written after the name: "Jane Doe Kultur",
    "Jane Doe Reiterrevue International" where "Kultur" or the site's name is a line of its own."""
    found = _pick(feats, decisions, t, ref, a, b)
    if found is None or len(found.name.split()) < 3 or len(NAMES_SPLIT.split(found.name)) > 1:
        return found  # one name of three words or more: not "Ann Lee and Bo Chan"
    tokens = found.name.split()
    labels = {f.line.text.strip().casefold() for f in feats if f.words <= 3}
    for k in (2, 1):
        if len(tokens) - k >= 2 and " ".join(tokens[-k:]).casefold() in labels:
            return Author(" ".join(tokens[:-k]), found.at, found.why)
    return found


def _pick(
    feats: list[LineFeatures],
    decisions: list[str],
    t: int | None,
    ref: int,
    a: int,
    b: int,
) -> Author | None:
    """The nearest byline, dateline with a name or name line around the title (ref) and the body's
    start (a); else a byline or bio at the body's end; None when the page names no author."""
    lo, hi = max(0, ref - BYLINE_REACH), min(len(feats), max(ref, a) + BYLINE_REACH)
    first_prose = next((j for j in range(a, min(len(feats), b + 1)) if feats[j].kind == GOOD), a)
    vocab = BodyWords(feats, decisions, a, b)
    best: tuple[float, int, Author] | None = None
    # Nearest first: a line's cost is its distance plus an extra that is never negative, so once the
    # distance alone is over the best cost no farther line can win (ties go to the upper line).
    for near, j in sorted(
        (j - ref if j >= ref else (ref - j) * ABOVE_COST, j) for j in range(lo, hi)
    ):
        if best is not None and near > best[0]:
            break
        f = feats[j]
        if j == t or f.words > 30 or f.words == 0:  # a name has words
            continue
        if decisions[j] == "content" and f.kind == GOOD and not _BY_START.match(f.line.text):
            continue  # prose, unless it opens "By Jane Doe, a reporter who ..."
        in_head = ref - 2 <= j < a + 3 and decisions[j] != "content"
        in_opening = t is not None and (
            t < j < first_prose
            or first_prose < j <= first_prose + OPENING_AFTER_PROSE
            and not _prose_follows(feats, decisions, j)  # a heading opens a section of prose
        )
        found = _candidate(f, in_head, in_opening, vocab, around(feats, j))
        if found is None:
            continue
        if j < ref and found[1] == BARE_NAME_COST and _a_menu_entry(feats, lo, ref, f.line.text):
            continue  # "Green Future Awards" in the menu and again in its mobile copy
        if best is None or (near + found[1], j) < best[:2]:
            best = (near + found[1], j, Author(found[0], j, found[2]))
    if best is not None:
        return best[2]
    return (
        _at_the_end(feats, a, b)
        or _far_byline(feats, decisions, t, ref, a, b)
        or _author_box(feats, ref, b)
    )


def _about_the_name(text: str, name: str) -> bool:
    """Whether a line under a name line is about that person: a bio opening with the name ("Jane
    Doe lehrt ..."), a follow prompt naming them ("Follow Jane Doe on X"), or their handle
    ("janedoe", "janedoe@example.com")."""
    if len(text.split()) >= BIO_WORDS and text.startswith(name + " "):
        return True
    if len(text.split()) <= FOLLOW_WORDS and _FOLLOW.search(text) and name in text:
        return True
    squashed = "".join(name.split()).casefold()
    local = text.strip().casefold().split("@")[0]
    if local == squashed or _MORE_POSTS.match(text):
        return True
    # their mail address: "Jane Doe" / "jane.doe@paper.com", "jdoe@...", "jane.d@..."
    return _MAIL.match(text.strip()) is not None and _mail_of(local, name.casefold().split())


def _mail_of(local: str, tokens: list[str]) -> bool:
    """Whether a mail address's local part is made of the person's names: "jane.doe", "jdoe"."""
    parts = set(re.split(r"[._\d-]+", local))
    return local == tokens[0][:1] + tokens[-1] or any(len(t) > 2 and t in parts for t in tokens)


_MAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


# A link to the author's other articles under the name: "Weitere Beiträge", "View all posts".
_MORE_POSTS = re.compile(
    r"^(?:view |see |show )?(?:all |more |weitere |alle |zeige alle )(?:posts|articles|stories|"
    r"beiträge|artikel)(?: by this author| vom autor| des autors)?\s*(?:→|»|>)?$",
    re.I,
)


_FOLLOW = re.compile(r"\b(?:folge|follow|suivre|seguir|segui|more from|mehr von)\b", re.I)


def _author_box(feats: list[LineFeatures], ref: int, b: int) -> Author | None:
    """A name line over a line about that person (a bio, a follow prompt, a handle), below the
    title ("Jane Doe" / "Jane Doe lehrt Geschichte an ..."): an author box, the nearest to the
    body's end."""
    best: tuple[int, Author] | None = None
    for j in range(ref + 1, min(len(feats) - 1, b + FAR_REACH)):
        f, nxt = feats[j], feats[j + 1]
        if f.words == 1 and nxt.words <= 5 and _MORE_POSTS.match(nxt.line.text):
            name = under_lead(f.line.text)  # a user's handle: "jdoe" / "More posts"
            if name and name.istitle():
                continue  # a button: "Kommentieren" / "Weitere Artikel"
            if name and (best is None or abs(j - b) < best[0]):
                best = (abs(j - b), Author(name, j, "author bio"))
            continue
        if not 2 <= f.words <= BARE_NAME_WORDS or not f.line.text[:1].isupper():
            continue
        name = bare_name(f.line.text)
        if name and _about_the_name(nxt.line.text, name) and known_first_name(name):
            if best is None or abs(j - b) < best[0]:
                best = (abs(j - b), Author(name, j, "author bio"))
    return best[1] if best else None


_STRONG_LEAD = re.compile(
    r"^(?:(?:(?:veröffentlicht|geschrieben|verfasst|eingestellt|erstellt|gepostet|posted|written|"
    r"published|publié|écrit|publicado|escrito)\s+)?(?:by|von|par|por|door)\s|"
    r"(?:autor(?:in)?|author|auteur|text|words|contributors?)\s*:)",
    re.I,
)


def _far_byline(
    feats: list[LineFeatures], decisions: list[str], t: int | None, ref: int, a: int, b: int
) -> Author | None:
    """A short line that opens with a byline's lead ("Von Jane Doe", "Autor: Jane Doe", "Posted
    by jdoe") farther from the title, when nothing nearer names anyone: the nearest wins."""
    lo, hi = max(0, ref - FAR_REACH), min(len(feats), b + 1)
    best: tuple[int, Author] | None = None
    for j in range(lo, min(len(feats) - 1, b + LEAD_LINE_BELOW)):
        f = feats[j]
        if j == t or f.words > FAR_WORDS:
            continue
        if f.words <= 3 and f.chars <= LEAD_CHARS and lead_line(f.line.text):
            name = under_lead(feats[j + 1].line.text) if feats[j + 1].chars <= 120 else None
            if name and " " not in name and ":" not in f.line.text:
                continue  # "Artikel von:" over "hausinfo", but not "Powered by" over "WordPress"
            if name and (best is None or abs(j + 1 - ref) < best[0]):
                best = (abs(j + 1 - ref), Author(name, j + 1, "byline"))
            continue
        if j >= hi:
            continue
        if f.words <= BARE_NAME_WORDS and f.chars <= 50 and f.kind != GOOD:
            # "Jane Doe" / "3 May 2021": its neighbours are read only for a line that is a name
            named = name_line(f.line.text) and named_by_neighbours(f, around(feats, j))
            if named and named[1] == "date" and (best is None or abs(j - ref) < best[0]):
                best = (abs(j - ref), Author(named[0], j, "date"))
        if not _STRONG_LEAD.match(f.line.text) and not (
            f.words <= 12 and f.digits and _dated_lead(f.line.text)
        ):
            continue
        name = byline(f.line.text, lead_within=40)
        if name and (best is None or abs(j - ref) < best[0]):
            best = (abs(j - ref), Author(name, j, "byline"))
    return best[1] if best else None


def _dated_lead(text: str) -> bool:
    """A date and then a byline's lead: "13 June 2019, by Jane Doe", "Posted 3 May 2021 by jdoe"
    (not a review's "Rating by jdoe on 3 May 2021")."""
    lead = _BY_LEAD.search(text)
    hit = find_date(text) if lead else None
    return hit is not None and _BY_LEAD.search(text, hit[2]) is not None


_BY_LEAD = re.compile(r"\b(?:by|von|par|por|door)\s", re.I)


def _at_the_end(feats: list[LineFeatures], a: int, b: int) -> Author | None:
    """A byline, dateline with a name or author bio just after the body ("Jane Doe is a reporter
    ...", "Jane Doe, 01.12.2021"), or a link to the author's other articles below it ("Mehr von
    Jane Doe", "View all posts by Jane Doe")."""
    for j in range(max(a + 1, b - 2), min(len(feats), b + END_REACH)):
        f = feats[j]
        text = f.line.text
        name = byline(text) if f.words <= 12 else None
        if name and (j < b + 6 or f.words <= 8 and " " in name and _LEAD_FIRST.match(text)):
            return Author(name, j, "byline")  # further down: "Von Jane Doe", "Mehr von Jane Doe"
        if j >= b + 6:
            continue
        hit = find_date(text) if f.words <= 8 else None
        name = name_by_date(text, hit[1], hit[2]) if hit else None
        if name:
            return Author(name, j, "date")
        if 12 < f.words <= 30 and _STRONG_LEAD.match(text):
            name = byline(text[:80].rsplit(None, 1)[0])  # "Posted by Jane Doe at 18:52 Tags: ..."
            if name:
                return Author(name, j, "byline")
        name = bio(text)
        if name:
            return Author(name, j, "author bio")
    return None
