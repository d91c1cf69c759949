"""Author names from bylines ("By Jane Doe", "Von X und Y"), bare name lines and author bios."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from .dates import MONTH, find_date
from .stopwords import STOPWORDS

_MONTH_NAMES = "|".join(sorted(MONTH, key=len, reverse=True))
_ARTICLES = frozenset("The THE Der Die Das Les Los Las".split())
# Words of a job title, not of a name: "Jane Doe, Senior Staff Writer".
_JOB_WORDS = frozenset(
    "senior staff chief editor editors reporter reporters correspondent writer writers columnist "
    "engineer engineers scientist researcher developer designer officer president founder "
    "contributor contributing technologist analyst producer photographer director manager "
    "professor journalist redakteur redakteurin autorin korrespondent rédacteur journaliste "
    "redactor periodista giornalista".split()
)
# Endings of compound job titles: "Projektleiterin", "Pressereferent", "Chefredakteurin".
_JOB_ENDINGS = (
    "leiter",
    "leiterin",
    "referent",
    "referentin",
    "sprecher",
    "sprecherin",
    "redakteur",
    "redakteurin",
    "direktor",
    "direktorin",
    "managerin",
    "beauftragter",
    "beauftragte",
)

_LEAD = re.compile(
    r"(?:^|(?<=[\s|·•])|(?<=\d)(?=[AB]))(?:written by|posted by|eingestellt von|geschrieben von|verfasst von|"
    r"ein beitrag von|text(?=\s*:)|by|von|par|por|door|przez|autor(?:in|en)?|author|auteur|"
    r"redakteur(?:in)?)(?:\s*:\s+|\s+)(?=\S)",  # a word ("Partner" is none), or glued to a date: "2022Author"
    re.I,
)
# A lead glued to the name by a page whose markup had no space there: "vonChris Jung", "ByJane Doe",
# "2019AuthorAndreas Kalt" (only a two-word name counts: "DoorDash" is no byline).
_GLUED_LEAD = re.compile(
    r"(?:^|(?<=[\s|·•\d]))(?i:by|von|par|por|author|autor)(?=[A-ZÀ-ÞŁŚŻ][a-zß-ÿ])"
)
_STOP_AT = re.compile(
    r"\s*(?:\d|\||\(|\[|;|·|•|—|–|\s-\s|\s/\s|@|\b(?:am|on|le|el|il|um|at|in|im|vom|for|für|pour|para|per|with|mit|under|unter|"
    r"updated|published|veröffentlicht|aktualisiert)\b|"
    r"(?i:\b(?:vom|updated|published|posted|veröffentlicht|aktualisiert|erstellt|geändert|lesezeit|reading time|"
    r"symbolbild|fotos?|photos?|bild|publicado|publié|mis à jour)\b)|"
    rf"(?i:\b(?:{_MONTH_NAMES})\.?\s+\d))"  # a date follows: "JANE DOE JULY 29, 2016"
)
_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÞŁŚŻ][\w'’.-]*|van|von|de|der|den|da|di|del|le|la|du|dos|das|ten|ter)$"
)
# A capitalised stopword ends a name ("Jule Radeck Vom", "Henry In Aktuell"); particles may be capitalised.
_NOT_IN_NAMES = STOPWORDS - frozenset(
    "van von de der den da di del le la du dos das ten ter".split()
)
# Words of a page's buttons and labels, never of a name, though title-cased like one.
_UI_WORDS = frozenset(
    "published updated posted follow followed following view photos photo video videos share "
    "subscribe comments comment read more menu search home news sign log print email tweet last "
    "specs related sponsored advertisement newsletter podcast gallery suche filter article "
    "articles artikel newer older previous next live stream twitter facebook instagram linkedin "
    "account profile profil keine kommentar kommentare ort datum press presse agency agentur "
    "inicio accueil startseite portada unknown anonymous anonym gmbh inc ltd llc corp "
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag "
    "reuters".split()  # "By Jane Doe, Associated Press": an agency is no co-author
)
# A "by" after these is a sponsor's or a credit's, not a byline: "Promoted by Taboola".
_NOT_BYLINE_BEFORE = frozenset(
    "promoted sponsored powered presented supported funded hosted provided recommended curated "
    "designed developed illustration illustrations image images photo photos video geteilt shared "
    "leído lu read narrated gelesen edited editing material materials portrait portraits photograph "
    "photographs photography artwork graphic graphics map maps cartoon cartoons drawing drawings "
    "chart charts".split()
)
# "Share by email", "envoyer par mail": a share bar's channels are no user handles.
_SHARE_WORDS = frozenset(
    "email e-mail mail facebook twitter whatsapp linkedin telegram sms rss".split()
)
_HANDLE = re.compile(r"^[\w.-]{3,30}$")
# A line that gives the job of the name above it: "Redakteur für Wirtschaft", "Senior Reporter".
_JOB_LINE = re.compile(
    r"\b(?:(?:chef|senior |staff |stellvertretende[rn]? )?(?:redakteur|redakteurin|reporter|reporterin|editor|"
    r"correspondent|korrespondent|korrespondentin|journalist|journalistin|autor|autorin|author|writer|"
    r"columnist|kolumnist|kolumnistin|rédacteur|rédactrice|journaliste|periodista|redactor|redactora|"
    r"giornalista|pressesprecher|pressesprecherin|volontär|volontärin))\b",
    re.I,
)
_BIO = re.compile(
    r"^((?:[A-ZÀ-ÞŁŚŻ][\w'’.-]*\s+){1,3}[A-ZÀ-ÞŁŚŻ][\w'’.-]*)\s+(?:(?:is|was|ist|est|es|è|war)\s+"
    r"(?:a|an|the|ein|eine|un|une|una|uno|der|die|(?i:(?:freie[rn]?\s+)?(?:redakteur(?:in)?|"
    r"reporter(?:in)?|journalist(?:in)?|autor(?:in)?|korrespondent(?:in)?|journaliste|periodista)))|"
    r"covers|writes|reports|schreibt|berichtet)\b"  # "Jane Doe covers the White House."
)


def name_like(text: str) -> bool:
    """True for a person's name or a user handle: 'Jane Doe', 'jdoe42'."""
    return _name_like(text.strip(), allow_handle=True)


def _name_like(part: str, allow_handle: bool) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= 4:
        return False
    if len(tokens) == 1:
        return (
            allow_handle
            and not (len(tokens[0]) >= 4 and tokens[0].isupper())  # "VON TARIFVERHANDLUNGEN"
            and bool(_HANDLE.match(tokens[0]))
            and tokens[0].lower() not in STOPWORDS
            and tokens[0].lower() not in _SHARE_WORDS
            and tokens[0].lower() not in _UI_WORDS  # "Inicio", "Home"
        )
    return (
        all(_NAME_TOKEN.match(t) for t in tokens)
        and tokens[0][0].isupper()
        and not any(t[0].isupper() and t.lower() in _NOT_IN_NAMES for t in tokens)  # "Jane Doe Vom"
        and not any(t.lower() in _UI_WORDS for t in tokens)  # "Published Thursday", "View Photos"
        and tokens[0] not in _ARTICLES  # "The New York Times" is a publisher
        and not any(t.lower() in _JOB_WORDS or t.endswith(("'s", "’s", "s'", "s’")) for t in tokens)
        and not any(t.lower().endswith(_JOB_ENDINGS) for t in tokens)  # "Projektleiterin der HSS"
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
    end, pos = 0, 0
    for m in list(_SPLIT.finditer(head)) + [None]:
        part_end = m.start() if m else len(head)
        part = head[pos:part_end].strip()
        if not _name_like(part, allow_handle and end == 0):
            tokens = part.split()
            while len(tokens) > 2 and not _name_like(" ".join(tokens), False):
                tokens.pop()  # "Jane Doe jdoe" -> "Jane Doe"
            if end == 0 and len(tokens) >= 2 and _name_like(" ".join(tokens), False):
                end = pos + head[pos:].index(tokens[-1]) + len(tokens[-1])
            break
        end = part_end
        if m is None:
            break
        pos = m.end()
    names = head[:end].strip()
    tokens = names.split()
    caps = [len(t) > 1 and t.isalpha() and t.isupper() for t in tokens]
    if len(tokens) > 2 and caps[0] and caps[1] and not all(caps):
        names = " ".join(tokens[: caps.index(False)])  # "JANE DOE Associated Press"
        tokens = names.split()
    while len(tokens) > 1 and tokens[-1] in _PARTICLE_WORDS:
        tokens.pop()  # "Jane Doe Illustration von": a name ends with no particle
    if len(tokens) > 1 and len(tokens) < len(names.split()):
        names = _names_span(" ".join(tokens[:-1]), allow_handle) or ""
    if names and rest.lstrip(" ,;:").startswith(names + ".") and _INITIAL_END.search(names):
        names += "."  # "R. R." keeps its initial's period
    while len(names.split()) > 2 and names.split()[0].lower().rstrip(".") in _TITLE_WORDS:
        names = names.split(None, 1)[1]  # "Bundespräsident Johannes Rau" -> "Johannes Rau"
    return names or None


@lru_cache(maxsize=1 << 16)
def byline(text: str, lead_within: int = 160) -> str | None:
    """Author named in a byline such as 'By Jane Doe | May 3' or 'Veröffentlicht am ... von Heiko'."""
    if len(text) > 160:
        return None
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
    if _STAMP_BEFORE.search(text[: m.start()]):
        return False  # a date or a separator before the lead: "1.11.23 20:19 von Jane Doe"
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
_STAMP_BEFORE = re.compile(r"[\d|·•/—–:]|\s-\s")


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
        _person_word(before[-1])
        and before[-1].lower() not in _BY_WORDS
        and _person_word(rest[0].strip(",.;:()"))
        and rest[0][:1].isupper()
        and (
            len(rest) == 1 or not _person_word(rest[1].strip(",.;:()")) or not rest[1][:1].isupper()
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


_PARTICLE_WORDS = frozenset("van von de der den da di del le la du dos das ten ter".split())


def _person_word(token: str) -> bool:
    """A word written as a name is: "Anna", "O'Neil", "Müller-Lüdenscheidt", "C.", "McKay", or a particle."""
    if token in _PARTICLE_WORDS:
        return True
    if (
        token.endswith(".")
        and len(token) <= 5
        and token[0].isupper()
        and (len(token) == 2 or token[1:-1].isalpha())
    ):
        return True  # an initial or a title: "C.", "Dr.", "Prof."
    for part in token.split("-"):
        core = (
            part[2:]
            if part[:2] in ("O'", "O’", "D'", "D’")
            else part.replace("'", "").replace("’", "")
        )
        if core.startswith(("Mc", "Mac")) and len(core) > 3 and core[2:3].isupper():
            core = core[:2] + core[2:].lower()  # "McKay"
        if not (core[:1].isupper() and core[1:].isalpha() and core[1:].islower()):
            return False
    return True


# How adjectives end in German, where every noun is capitalised: "Aktuelle Themen", "Neueste
# Beiträge", "Synthetische Kraftstoffe" are two capitalised words but no person.
_ADJECTIVE_ENDINGS = tuple(
    """isch ische isches ischer ischen liche licher liches lichen ige iger iges igen ste ster stes
    sten ere eres erer eren eue euer eues euen ive ives tuelle tueller tuelles tuellen duelle sche
    scher sches schen
    dueller duelles duellen""".split()
)


@lru_cache(maxsize=1 << 16)
def bare_name(text: str) -> str | None:
    """A line that is only a person's name (2-4 words written as names: no all-capital acronyms,
    digits or inner capitals, not opening with an adjective), as bylines often are."""
    if len(text) > 50:
        return None
    tokens = text.split()
    if len(tokens) < 2 or not _name_like(text, allow_handle=False):
        return None
    if all(t.isupper() and t.isalpha() for t in tokens):  # "JANE DOE", but "ACTU NATIONALE"
        return text if known_first_name(text.title()) else None
    if not all(_person_word(t) for t in tokens):
        return None  # "JTL Shop4", "DownloadShow URL"
    if tokens[0].lower().endswith(_ADJECTIVE_ENDINGS):
        return None
    return text


FIRST_NAMES = Path(__file__).with_name("first_names.json")


@cache
def _first_names() -> frozenset[str]:
    """The given names of first_names.json (written by scripts/first_names.py), read once."""
    return frozenset(json.loads(FIRST_NAMES.read_text(encoding="utf-8"))["names"])


def known_first_name(name: str) -> bool:
    """Whether a name opens with a known given name, after any title or initial: 'Jane Doe', 'Dr.
    Jane Doe', 'J. Jane Doe', 'Hans-Peter Roth' (not 'Leichte Sprache', 'Middle East')."""
    for token in name.split():
        if token.endswith(".") or len(token) == 1:
            continue  # "Dr.", "Prof.", "J."
        word = token.casefold()
        return word in _first_names() or word.split("-")[0] in _first_names()
    return False


def job_line(text: str) -> bool:
    """A short line that gives a person's job, as under an author's name."""
    return len(text) <= 80 and _JOB_LINE.search(text) is not None


def bio(text: str) -> str | None:
    """The subject of an author bio sentence: 'Jane Doe is a reporter ...'."""
    m = _BIO.match(text)
    if m is None:
        return None
    name = m.group(1).strip()
    return name if _name_like(name, allow_handle=False) and known_first_name(name) else None


NAMES_SPLIT = re.compile(r"\s*,\s*(?:and\s+|und\s+)?|\s+(?:&|and|und|y|et|e)\s+")


def bare_names(text: str) -> str | None:
    """A line that is only two to four people's names: 'Jane Doe and John Smith', 'Ann Lee, Bo Chan &
    Cy Dunn' (as written)."""
    if len(text) > 120:
        return None
    parts = NAMES_SPLIT.split(text.strip())
    if not 2 <= len(parts) <= 4 or not all(bare_name(p) for p in parts):
        return None
    return text.strip()


# A news outlet or agency after a byline's name: "Jane Doe, CNN", "Jane Doe | Reuters".
_OUTLET = re.compile(
    r"^(?:[A-Z]{2,5}(?:\s+News)?|(?:The\s+)?Associated Press|Reuters|AFP|Bloomberg(?:\s+News)?)$"
)
_NAME_JOB_SEP = re.compile(r"\s*[|,·•—–]\s*|\s+-\s+")


@lru_cache(maxsize=1 << 16)
def name_with_job(text: str) -> str | None:
    """The name of a line that is a name and its job or outlet: 'Jane Doe | Staff Writer', 'Jane Doe,
    Senior Reporter', 'Jane Doe, CNN'."""
    if len(text) > 80 or len(text.split()) > 9:
        return None
    parts = _NAME_JOB_SEP.split(text.strip(), maxsplit=1)
    if len(parts) == 2 and len(parts[1].split()) <= 5 and bare_name(parts[0]):
        if job_line(parts[1]) or _OUTLET.match(parts[1]) and known_first_name(parts[0]):
            return parts[0]
    return None
