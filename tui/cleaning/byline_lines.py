"""Bylines split over two lines: a lead line over the name ("Von:" / "Jane Doe", "Written by" /
"Jane Doe/AP"), a name line over or under a line that only dates it ("Jane Doe" / "3 May 2021") or
over its job ("Jane Doe" / "Senior Reporter")."""

from __future__ import annotations

import re

from .authors import DESKS
from .dates import find_date
from .features import LineFeatures
from .names import bare_name, job_line, known_first_name, name_like

BARE_NAME_WORDS = 4  # a name line is at most this long
LEAD_CHARS = 30  # a lead line over it ("Geschrieben von", "About the author") at most this long

# A line that only announces the author, whose name stands on the next line: "Von:", "Auteur(s) :",
# "Published By", "Kommentar von".
_LEAD_LINE = re.compile(
    r"^(?:(?:[^\W\d_]+\s+)?(?:by|von|par|por|door)|autor(?:[*:]?in(?:nen)?|es|en)?|authors?|auteur(?:\(s\))?|"
    r"text|words|interview|written by|geschrieben von|verfasst von|about the author|über (?:den|die) autor(?:in)?)\s*:?$",
    re.I,
)
_BY_LINE = re.compile(r"^(?:[^\W\d_]+\s+)?(?:by|von|par|por|door)\s*$", re.I)
_JOB_AFTER = re.compile(r"\s*(?:\(.*|,.*)$")
# A line that only dates the line above it: "4 min read", "vor 3 Stunden", "hace 4 minutos".
_TIME_LINE = re.compile(
    r"^(?:\d+\s*min(?:ute)?s?\.?\s+(?:read|lesezeit|lecture)|(?:vor|hace|il y a)\s+\d+\s+\w+)\b",
    re.I,
)
HANDLE_AFTER = re.compile(r"\s+@\w{2,30}$")


def named_by_neighbours(
    f: LineFeatures, neighbours: tuple[LineFeatures | None, LineFeatures | None]
) -> tuple[str, str] | None:
    """(name, "lead" | "date" | "job") for a name line under a lead line ("Von:" / "Jane Doe"),
    over or under a line that only dates it ("Jane Doe" / "19 February 2020") or over its job."""
    before, after = neighbours
    text = f.line.text
    if before is not None and f.chars <= 120 and before.chars <= LEAD_CHARS:
        if lead_line(before.line.text):
            name = under_lead(text)
            lead = before.line.text
            if name and (" " in name or _BY_LINE.match(lead) or ":" in lead):
                return name, "lead"  # one word under "Authors" is a menu's: "Chemie-Lexikon"
    if f.words > BARE_NAME_WORDS or f.chars > 50:
        return None
    name = name_line(text)
    if name is None:
        return None
    if any(
        other is not None and other.words <= 8 and dates_only(other.line.text)
        for other in (after, before)
    ):
        return name, "date"
    if after is not None and after.words <= 10 and job_line(after.line.text[:80]):
        return name, "job"  # "Deputy press officer and head of ..."
    return None


def name_line(text: str) -> str | None:
    """The name of a line that is only a name opening with a known given name, or the newsroom
    ("Jane Doe", "Redaktion", "Redaktion Stadtblatt"; not "Verwandte Themen")."""
    text = text.strip(" ,-–—")  # "Jane Doe," over "on May 3, 2022"; "— Jane Doe" under it
    if text.casefold() in DESKS:
        return text  # the newsroom over its date: "Redaktion" / "am 3. Mai 2022"
    if not text[:1].isupper() or " " not in text:
        return None  # one word is no name
    if not known_first_name(text) and text.split()[0].casefold() not in DESKS:
        return None
    return text if bare_name(text) is not None else None


def lead_line(text: str) -> bool:
    """A line that only announces the author: "Autor:", "Geschrieben von" (a bare "Text" is a video
    player's setting, over "background")."""
    last = text.rstrip(" :").rsplit(None, 1)[-1:]
    if not last or not last[0].lower().startswith(_LEAD_ENDS):
        return False  # most short lines: a word of a menu
    return _LEAD_LINE.match(text) is not None and text.strip().lower() != "text"


# How a lead line's last word begins ("Published By", "Autor*in", "Auteur(s)", "About the author").
_LEAD_ENDS = (
    "by",
    "von",
    "par",
    "por",
    "door",
    "autor",
    "author",
    "auteur",
    "text",
    "words",
    "interview",
)


def under_lead(text: str) -> str | None:
    """The name on a line under a lead line, without a job, handle or agency after it: "Jane Doe
    (Redakteurin)", "Jane Doe @jd", "Jane Doe/AP"."""
    name = _JOB_AFTER.sub("", HANDLE_AFTER.sub("", text))
    if "/" in name:
        person = name.split("/", 1)[0].strip()
        name = person if bare_name(person) else name
    if (
        len(name.split()) <= BARE_NAME_WORDS
        and name_like(name)
        and not _LEAD_LINE.match(name)
        and sum(c.isalpha() for c in name) >= 2  # "Words:" over "67379" counts them
    ):
        return name
    return None


def around(feats: list[LineFeatures], j: int) -> tuple[LineFeatures | None, LineFeatures | None]:
    """The lines before and after line j, over a lone separator between them ("Jane Doe" / "—" /
    "3 May")."""
    i, k = j - 1, j + 1
    if i > 0 and _SEPARATOR_ONLY.match(feats[i].line.text):
        i -= 1
    if k + 1 < len(feats) and _SEPARATOR_ONLY.match(feats[k].line.text):
        k += 1
    return (feats[i] if i >= 0 else None, feats[k] if k < len(feats) else None)


_SEPARATOR_ONLY = re.compile(r"^[\s|·•—–\-/,:]{1,3}$")


def dates_only(text: str) -> bool:
    """A short line that is only a date (and a time or a weekday) or a reading time."""
    if _TIME_LINE.match(text):
        return True
    hit = find_date(text)
    if hit is None:
        return False
    rest = _CLOCK_OR_COUNT.sub(" ", text[: hit[1]] + " " + text[hit[2] :])
    words = [w.strip("():,.").lower() for w in rest.split() if any(c.isalpha() for c in w)]
    return sum(w not in _DATE_WORDS for w in words) <= 3  # "Published 3 May (Last update: 4 May)"


# Words of a dateline's labels: "Published on", "Last updated:", "Veröffentlicht am", "Stand:".
_DATE_WORDS = frozenset(
    "published updated last update posted on at am um veröffentlicht aktualisiert letztes "
    "letzte zuletzt stand publié mis à jour le publicado actualizado el".split()
)


# A time of day or a comment count beside a date: "27.04.2020 - 18:50 Uhr 3 Kommentare".
_CLOCK_OR_COUNT = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|a\.m\.|p\.m\.|h)\b)?|"
    r"\b\d+\s+(?:kommentare?|comments?|commentaires?|comentarios?|commenti)\b|[|·•—–-]",
    re.I,
)
