"""What a person's name looks like: name-shaped words and lines ("Jane Doe", not "Leichte Sprache"),
known given names, job lines, author bios, lines of several names or a name with its job."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from .stopwords import STOPWORDS

_ARTICLES = frozenset("The THE Der Die Das Les Los Las".split())


# Words of a job title, not of a name: "Jane Doe, Senior Staff Writer".
_JOB_WORDS = frozenset(
    "senior staff chief editor editors reporter reporters correspondent writer writers columnist "
    "engineer engineers scientist researcher developer designer officer president founder "
    "contributor contributing technologist analyst producer photographer director manager "
    "professor journalist redakteur redakteurin autorin korrespondent rédacteur journaliste "
    "redactor periodista giornalista moderator administrator admin deputy associate "
    "assistant executive managing investigative political foreign".split()
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


# Lower-case words that belong inside a name: "Ludwig van Beethoven", "Ana de Armas".
PARTICLE_WORDS = frozenset("van von de der den da di del le la du dos das ten ter".split())
_NAME_TOKEN = re.compile(rf"^(?:[A-ZÀ-ÞŁŚŻ][\w'’.-]*|{'|'.join(sorted(PARTICLE_WORDS))})$")


# A capitalised stopword ends a name ("Jule Radeck Vom", "Henry In Aktuell"); particles may be capitalised.
_NOT_IN_NAMES = STOPWORDS - PARTICLE_WORDS


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


# "Share by email", "envoyer par mail": a share bar's channels are no user handles.
_SHARE_WORDS = frozenset(
    "email e-mail mail facebook twitter whatsapp linkedin telegram sms rss".split()
)


_HANDLE = re.compile(r"^[\w.-]{3,30}$")


# A line that gives the job of the name above it: "Redakteur für Wirtschaft", "Senior Reporter".
_JOB_LINE = re.compile(
    r"\b(?:(?:chef|senior |staff |stellvertretende[rn]? )?(?:redakteur|redakteurin|reporter|reporterin|editor|"
    r"correspondent|korrespondent|korrespondentin|journalist|journalistin|autor|autorin|author|writer|contributor|"
    r"columnist|kolumnist|kolumnistin|rédacteur|rédactrice|journaliste|periodista|redactor|redactora|"
    r"giornalista|pressesprecher|pressesprecherin|volontär|volontärin))\b",
    re.I,
)

# A piece of every job word of _JOB_LINE, sought in the lowercased line without re.I: a fast test
# before it (no piece holds i, s or k, which re.I also matches in other characters than lower()
# gives, as in authors._LEAD_WORD).
_JOB_PIECE = re.compile(r"reda|reporter|tor|orre|pondent|rnal|aut|wr|olumn|dact|per|precher|volont")


_BIO = re.compile(
    r"^((?:[A-ZÀ-ÞŁŚŻ][\w'’.-]*\s+){1,3}[A-ZÀ-ÞŁŚŻ][\w'’.-]*)\s+(?:(?:is|was|ist|est|es|è|war)\s+"
    r"(?:a|an|the|ein|eine|un|une|una|uno|der|die|(?i:(?:freie[rn]?\s+)?(?:redakteur(?:in)?|"
    r"reporter(?:in)?|journalist(?:in)?|autor(?:in)?|korrespondent(?:in)?|journaliste|periodista)))|"
    r"covers|writes|reports|schreibt|berichtet)\b"  # "Jane Doe covers the White House."
)


def name_like(text: str) -> bool:
    """True for a person's name or a user handle: 'Jane Doe', 'jdoe42'."""
    return is_name(text.strip(), allow_handle=True)


def is_name(part: str, allow_handle: bool) -> bool:
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


def person_word(token: str) -> bool:
    """A word written as a name is: "Anna", "O'Neil", "Müller-Lüdenscheidt", "C.", "McKay", or a particle."""
    if token in PARTICLE_WORDS:
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
    if len(tokens) < 2 or not is_name(text, allow_handle=False):
        return None
    if all(t.isupper() and t.isalpha() for t in tokens):  # "JANE DOE", but "ACTU NATIONALE"
        return text if known_first_name(text.title()) else None
    if not all(person_word(t) for t in tokens) or tokens[-1] in PARTICLE_WORDS:
        return None  # "JTL Shop4", "DownloadShow URL", "Fr von" (10 bis 12 Uhr)
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
    return (
        len(text) <= 80
        and _JOB_PIECE.search(text.lower()) is not None
        and _JOB_LINE.search(text) is not None
    )


def bio(text: str) -> str | None:
    """The subject of an author bio sentence: 'Jane Doe is a reporter ...'."""
    m = _BIO.match(text)
    if m is None:
        return None
    name = m.group(1).strip()
    return name if is_name(name, allow_handle=False) and known_first_name(name) else None


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
    r"^(?:[A-Z]{2,5}(?:\s+(?:News|TODAY))?|(?:The\s+)?Associated Press|Reuters|AFP|Bloomberg(?:\s+News)?|"
    r"The(?:\s+[A-Z][\w.’'-]*){1,4})$"  # "Jane Doe, The Washington Post"
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
    if len(parts) == 1 and job_line(text):
        return _name_then_job(text.split())
    return None


def _name_then_job(tokens: list[str]) -> str | None:
    """The name of "Jane Doe Political correspondent", "Jane Doe Staff Writer": a job in sentence
    case or of job words only, after the shortest name that leaves one."""
    for k in range(2, min(5, len(tokens))):
        job = tokens[k:]
        if not job[0][:1].isupper():
            return None
        sentence_case = len(job) >= 2 and all(t.islower() for t in job[1:])
        if (sentence_case or all(t.lower() in _JOB_WORDS for t in job)) and job_line(" ".join(job)):
            name = " ".join(tokens[:k])
            return name if bare_name(name) and known_first_name(name) else None
    return None
