"""Author names from bylines ("By Jane Doe", "Von X und Y") and datelines ("Jane Doe | 3 May
2021"); what a name itself looks like is in `names`."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import MONTH_NAMES, find_date
from .names import (
    PARTICLE_WORDS,
    bare_name,
    is_name,
    job_line,
    person_word,
)

_LEAD = re.compile(
    r"(?:^|(?<=[\s|·•])|(?<=\d)(?=[AB]))(?:written by|posted by|eingestellt von|geschrieben von|verfasst von|"
    r"ein beitrag von|(?:(?:text|words)(?:\s*(?:&|and|und|\+)\s*(?:fotos?|photos?|pictures|bilder))?|"
    r"contributors?)(?=\s*:)|by|von|par|por|door|przez|"
    # a job word leads only at the start, after a separator or before a colon ("View author archive")
    r"(?:(?<!\w\s)|(?=\w+\s*:))(?:autor(?:in|en)?|author|auteur|redakteur(?:in)?))(?:\s*:\s+|\s+)(?=\S)",  # a word ("Partner" is none), or glued to a date: "2022Author"
    re.I,
)


# A lead glued to the name by a page whose markup had no space there: "vonChris Jung", "ByJane Doe",
# "2019AuthorAndreas Kalt" (only a two-word name counts: "DoorDash" is no byline).
_GLUED_LEAD = re.compile(
    r"(?:^|(?<=[\s|·•\d]))(?i:by|von|par|por|author|autor)(?=[A-ZÀ-ÞŁŚŻ][a-zß-ÿ])"
)

# A piece of a word that every match of _LEAD or _GLUED_LEAD holds, sought in the lowercased line
# without re.I: a fast test (the leads' lookbehinds make the engine try each of their words at every
# position). No piece holds i, s or k, the letters re.I also matches in other characters ("ı", "ſ",
# "K") than lower() turns into them, so lower() finds a piece wherever re.I finds a lead.
_LEAD_WORD = re.compile(r"by|von|par|por|door|przez|aut|reda|text|word|contr")


_STOP_AT = re.compile(
    r"\s*(?:\d|\||\(|\[|;|·|•|—|–|\s-\s|\s/\s|@|(?<![\w-])(?:am|on|le|el|il|um|at|in|im|vom|for|für|pour|para|per|with|mit|under|unter|"
    r"updated|published|veröffentlicht|aktualisiert)(?![\w-])|"
    r"(?i:\b(?:vom|updated|published|posted|veröffentlicht|aktualisiert|erstellt|geändert|lesezeit|reading time|"
    r"symbolbild|fotos?|photos?|bild|publicado|publié|mis à jour)\b)|"
    rf"(?i:\b(?:{MONTH_NAMES})\.?\s+\d)|"  # a date follows: "JANE DOE JULY 29, 2016"
    r"(?<=[a-z]{4})(?=[A-Z]))"  # the job or outlet glued on by the page: "Jane DoeStaff Writer"
)


# A news agency or outlet written after a byline's names without a separator.
OUTLET_AFTER = re.compile(
    r"(?<=\w)\s*,?\s+(?:the\s+)?(?:associated press|reuters|afp|bloomberg(?:\s+news)?|cnn|"
    r"usa today|bbc news)$",
    re.I,
)


OUTLET_ENDS = frozenset("ress uters afp news cnn oday".split())


_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")


# A "by" after these is a sponsor's or a credit's, not a byline: "Promoted by Taboola".
_NOT_BYLINE_BEFORE = frozenset(
    "promoted sponsored powered presented supported funded hosted provided recommended curated "
    "designed developed illustration illustrations image images photo photos video geteilt shared "
    "leído lu read narrated gelesen edited editing material materials portrait portraits photograph "
    "photographs photography artwork graphic graphics map maps cartoon cartoons drawing drawings "
    "chart charts foto fotos bild bilder fotografie".split()
)


_INITIAL_END = re.compile(r"(?:^|\s)[A-ZÀ-Þ]$")


# Offices and professions written before a name: "Rechtsanwalt Jane Doe", "Bundesminister X".
_TITLE_WORDS = frozenset(
    """bundespräsident bundespräsidentin bundeskanzler bundeskanzlerin bundesminister
    bundesministerin minister ministerin präsident präsidentin rechtsanwalt rechtsanwältin
    autor autorin redakteur redakteurin reporter reporterin senator senatorin president
    governor senator mayor bürgermeister bürgermeisterin""".split()
)


# A user handle with digits in it, which a name's "stop at a digit" would cut: "freeman1984", "c1ph4".
_DIGIT_HANDLE = re.compile(r"[^\W\d_][^\W_]*\d[^\W_]*(?=$|[\s,;|·•/)»])")


def _names_span(rest: str, allow_handle: bool) -> str | None:
    """The leading run of name-like parts of rest, as written (connectors kept)."""
    handle = _DIGIT_HANDLE.match(rest) if allow_handle else None
    if (
        handle
        and 3 <= len(handle.group(0)) <= 30
        and sum(c.isalpha() for c in handle.group(0)) >= 2
    ):
        return handle.group(0)
    stop = _STOP_AT.search(rest)
    head = rest[: stop.start()] if stop else rest
    head = head.strip(" ,;:.")
    if head[-4:].lower() in OUTLET_ENDS:
        head = OUTLET_AFTER.sub("", head)  # "Jane Doe and John Roe Associated Press"
    end, pos = 0, 0
    for m in list(_SPLIT.finditer(head)) + [None]:
        part_end = m.start() if m else len(head)
        part = head[pos:part_end].strip()
        if end and job_line(part):
            break  # "Jane Doe, CNN Editor-at-large": the job after the name
        if not is_name(part, allow_handle and end == 0):
            tokens = part.split()
            while len(tokens) > 2 and not is_name(" ".join(tokens), False):
                tokens.pop()  # "Jane Doe jdoe" -> "Jane Doe"
            if end == 0 and len(tokens) >= 2 and is_name(" ".join(tokens), False):
                end = pos + head[pos:].index(tokens[-1]) + len(tokens[-1])
            break
        end = part_end
        if m is None:
            break
        pos = m.end()
    names = head[:end].strip()
    tokens = names.split()
    caps = [_upper_word(t.rstrip(",;")) or t in _CONNECTORS for t in tokens]
    if len(tokens) > 2 and caps[0] and caps[1] and not all(caps):
        # "JANE DOE Associated Press", "JANE DOE and JOHN ROE Associated Press"
        names = " ".join(tokens[: caps.index(False)]).rstrip(",;")
        tokens = names.split()
        while tokens and tokens[-1] in _CONNECTORS:
            tokens.pop()
        names = " ".join(tokens).rstrip(",;")
    while len(tokens) > 1 and tokens[-1] in PARTICLE_WORDS:
        tokens.pop()  # "Jane Doe Illustration von": a name ends with no particle
    if len(tokens) > 1 and len(tokens) < len(names.split()):
        names = _names_span(" ".join(tokens[:-1]), allow_handle) or ""
    if names and rest.lstrip(" ,;:").startswith(names + ".") and _INITIAL_END.search(names):
        names += "."  # "R. R." keeps its initial's period
    while len(names.split()) > 2 and names.split()[0].lower().rstrip(".") in _TITLE_WORDS:
        names = names.split(None, 1)[1]  # "Bundespräsident Johannes Rau" -> "Johannes Rau"
    return names or None


def _upper_word(token: str) -> bool:
    """An all-capital word of two letters or more: "JANE", "O'DOE"."""
    return len(token) > 1 and token.isupper() and token.replace("'", "").replace("-", "").isalpha()


_CONNECTORS = frozenset("and und & et y e".split())


@lru_cache(maxsize=1 << 16)
def byline(text: str, lead_within: int = 160) -> str | None:
    """Author named in a byline such as 'By Jane Doe | May 3' or 'Veröffentlicht am ... von Heiko'."""
    if len(text) > 160:
        return None
    if not _LEAD_WORD.search(text[: lead_within + 12].lower()):
        return None  # no lead's word: most lines
    leads = list(_LEAD.finditer(text, 0, lead_within + 12))
    glued = list(_GLUED_LEAD.finditer(text, 0, lead_within + 12))
    for m in sorted(leads + glued, key=lambda m: m.start()) if glued else leads:
        if m.start() > lead_within:
            break
        if _particle(text, m) or _credit(text, m):
            continue
        is_glued = m.group(0)[-1:].isalpha()
        names = _names_span(text[m.end() :], allow_handle=not is_glued)
        if is_glued and (not names or " " not in names):
            continue  # glued to a single word: "DoorDash", "Bymarkt"
        rest = text[m.end() + len(names or "") :]
        if names and " " not in names and _LIST_AFTER.match(rest) and not job_line(rest):
            continue  # "Von Sprachregeln, Gender-Politik und ...": a list of things
        if names and not _a_sentence_about(text, m, names):
            return _once(names)
    return None


_SENTENCE_OPENERS = frozenset("die der das ein eine the a le la les el los un une".split())


def _a_sentence_about(text: str, m: re.Match[str], names: str) -> bool:
    """Whether the lead and name are words of a sentence rather than a byline: "Die Gründer von
    X", "Jedes Mädchen träumt von X", "Italien ist von X weiterhin betroffen." (an article opens
    it, three words come before the lead, or it goes on after the name to a full stop), unless a
    publishing word, a date or a separator comes before ("Veröffentlicht von X", "1.11.23 von X";
    a byline's lead may follow two words: "Ein Beitrag von X")."""
    before = text[: m.start()].split()
    if not before or any(w.lower().strip(":,") in _PUBLISHING for w in before):
        return False
    if _SEPARATOR_BEFORE.search(text[: m.start()]) or any(c.isdigit() for c in before[-1]):
        return False  # a separator or a date before the lead: "1.11.23 20:19 von Jane Doe"
    if len(before) >= 3 or before[0].lower() in _SENTENCE_OPENERS:
        return True
    after = text[m.end() :].split(names, 1)[-1].split()
    if " " not in names and text.rstrip().endswith(names + "."):
        return True  # a sentence's last word: "... de plus par mois."
    return len(after) >= 2 and text.rstrip().endswith((".", "!", "?"))


def _once(names: str) -> str:
    """A name a page printed twice in a row ("Jane Doe Jane Doe": a link and its label) once."""
    tokens = names.split()
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half >= 2 and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    return names


_LIST_AFTER = re.compile(r"\s*,\s*[^\W\d_]")


# Not a digit further back: "gamescom 2010 in Köln aus Sicht von dzs" is a teaser's sentence.
_SEPARATOR_BEFORE = re.compile(r"[|·•/—–:]|\s-\s")


def _credit(text: str, m: re.Match[str]) -> bool:
    """Whether the lead follows a sponsor's or credit's word: "Promoted by Taboola", "Photo by X"."""
    before = text[: m.start()].split()
    if not before:
        return False
    if before[-1].lower() in _WITH and m.group(0).strip(" :").lower() in _AUTHOR_WORDS:
        return True  # "Interview mit Autorin Jane Doe": a guest, not the byline
    return before[-1].lower().strip(":,") in _NOT_BYLINE_BEFORE


_WITH = frozenset("mit with avec con com met z".split())


_AUTHOR_WORDS = frozenset("autor autorin autoren author auteur redakteur redakteurin".split())


_PARTICLES = frozenset("von van de por par door".split())


# Words before "von"/"par" that make it a byline's lead: "Veröffentlicht von HansG", "Fotos von ...".
_BY_WORDS = frozenset(
    "veröffentlicht gepostet geschrieben verfasst erstellt eingestellt beitrag artikel text foto fotos "
    "bild bilder interview gespräch video publié posté écrit publicado escrito".split()
)


_PUBLISHING = _BY_WORDS | frozenset("posted published written filed updated".split())


def _particle(text: str, m: re.Match[str]) -> bool:
    """Whether a lead word is a name's particle: 'Christoph von Ritter', 'Ursula von der Leyen'."""
    before, rest = text[: m.start()].split(), text[m.end() :].split()
    if not before or not rest or m.group(0).strip() not in _PARTICLES:
        return False  # lower case only: "Von Jane Doe" opens a byline
    if (
        len(before) == 1
        and before[0][:1].isupper()
        and before[0].lower() not in _BY_WORDS
        and (len(rest) == 1 or rest[0] in ("der", "den", "la", "le"))
    ):
        return True
    # Inside a longer line: a first name, its particle and one more name ("Foto: Stella von
    # Saldern", "Martin von Tours – ...") is one person, not "Saldern" by a lead.
    return (
        person_word(before[-1])
        and before[-1].lower() not in _BY_WORDS
        and person_word(rest[0].strip(",.;:()"))
        and rest[0][:1].isupper()
        and (
            len(rest) == 1 or not person_word(rest[1].strip(",.;:()")) or not rest[1][:1].isupper()
        )
    )


_SIDE_SEP = re.compile(r"\s*[|·•—–,/∙~]\s*|\s+-\s+")


_CLOCK = re.compile(r"^(?:um |at |à )?\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|am|pm|h))?$", re.I)


_TRAILING_COUNT = re.compile(r"\s+\d+$")


# Words that introduce a dateline's date: "Jane Doe Stand: 5. Mai 2020", "Jane Doe | Publicado hace 3 horas".
_DATE_LABEL = re.compile(
    r"(?i:stand|updated|last updated|published|posted|aktualisiert|veröffentlicht|publicado|actualizado|"
    r"publié|mis à jour|pubblicato|aggiornato|as of|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(?:\s+(?:am|on|el|le|il|at))?"
)


_DATE_LABEL_END = re.compile(r"\s+" + _DATE_LABEL.pattern + r"$")


# A count and what follows it after the name: "Jane Doe 1 Kommentar Politik", "Jane Doe 12 comments".
_COUNT_AFTER = re.compile(r"\s+\d+\s+\S.*$")


_JOINER = re.compile(r"\s+(?:am|on|le|el|il|um|at)$|^(?:am|on|le|el|il|um|at)\s+", re.I)


def name_by_date(text: str, start: int, end: int) -> str | None:
    """The person's name beside a date in a dateline: 'Jane Doe — 2. Februar 2022', '04.02.2022 | Jane Doe',
    '3. Mai 2019 Jane Doe Schreibe einen Kommentar' (a comment prompt after the name)."""
    if len(text) > 100:
        return None
    again = find_date(text[end : end + 40]) if text[end : end + 1].isalnum() else None
    if again and again[1] == 0:
        end += again[2]  # the date again, glued: "6. November 20236. November 2023 Jane Doe"
    for after, side in enumerate((text[:start], text[end:])):
        parts = [
            p
            for p in _SIDE_SEP.split(side)
            if p.strip()
            and not _CLOCK.match(p.strip())
            and not _only_a_date(p)
            and not _DATE_LABEL.fullmatch(p.strip(" :;.-"))
        ]
        for part in parts[:1] if after else parts[:-3:-1]:  # before it: "Jane Doe | Monday 3 May"
            part = _JOINER.sub("", _TRAILING_COUNT.sub("", part.strip(" :;.-")))
            part = _COUNT_AFTER.sub("", part) if after else _DATE_LABEL_END.sub("", part)
            if part.casefold() in DESKS:
                return part
            if after and len(part.split()) == 3 and side.count(",") >= 2 and bare_name(part):
                # a tag list after it: "Jane Doe Politics, Law, Crime"
                return part.rsplit(None, 1)[0]
            if len(part.split()) >= 2 and bare_name(part):
                return (
                    part  # written as a person's name ("Aktuelle Meldung", "PAID CONTENT" are not)
                )
            tokens = part.split()
            if len(tokens) > 2 and tokens[2].lower().strip(":,") in _PROMPT_WORDS:
                if bare_name(" ".join(tokens[:2])):
                    return " ".join(tokens[:2])  # "Jane Doe Schreibe einen Kommentar"
    return None


# The newsroom as a whole signing an article: "Redaktion - 31. Januar 2022", "Staff | May 3, 2021".
DESKS = frozenset("redaktion staff rédaction redazione redacción redação redactie".split())


# Words that open a prompt or counter printed right after the author's name in a dateline.
_PROMPT_WORDS = frozenset(
    "schreibe hinterlasse leave kommentar kommentare kommentieren comment comments zuletzt keine "
    "no laisser laissez deja".split()  # and "zuletzt geändert am" before the date
)


def _only_a_date(part: str) -> bool:
    """A separator-split piece that is a further date of the dateline ("Updated 3 May 2020")."""
    hit = find_date(part.strip())
    return hit is not None and len(part.strip()) - (hit[2] - hit[1]) <= 12
