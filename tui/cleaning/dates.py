"""Find a calendar date in a short line, in the common numeric and worded forms of several languages."""

from __future__ import annotations

import re
from functools import lru_cache

_MONTHS = {
    1: "jan january januar janvier enero gennaio januari janeiro stycznia styczeń jänner",
    2: "feb february februar février fevrier febrero febbraio februari fevereiro lutego luty",
    3: "mar march märz maerz mars marzo maart março marca marzec",
    4: "apr april avril abril aprile kwietnia kwiecień",
    5: "may mai mayo maggio mei maio maja maj",
    6: "jun june juni juin junio giugno junho czerwca czerwiec",
    7: "jul july juli juillet julio luglio julho lipca lipiec",
    8: "aug august août aout agosto augustus sierpnia sierpień",
    9: "sep sept september septembre septiembre settembre setembro września wrzesień",
    10: "oct october oktober octobre octubre ottobre outubro okt października październik",
    11: "nov november novembre noviembre novembro listopada listopad",
    12: "dec december dezember décembre decembre diciembre dicembre dezembro dez grudnia grudzień",
}
# Russian and Ukrainian months in the genitive a date uses ("15 августа 2016", "3 березня 2021").
_MONTHS_CYRILLIC = {
    1: "января січня",
    2: "февраля лютого",
    3: "марта березня",
    4: "апреля квітня",
    5: "мая травня",
    6: "июня червня",
    7: "июля липня",
    8: "августа серпня",
    9: "сентября вересня",
    10: "октября жовтня",
    11: "ноября листопада",
    12: "декабря грудня",
}
for _num, _names in _MONTHS_CYRILLIC.items():
    _MONTHS[_num] += " " + _names
MONTH = {name: num for num, names in _MONTHS.items() for name in names.split()}
MONTH_NAMES = "|".join(sorted(MONTH, key=len, reverse=True))  # longest first: "june" before "jun"

# Every date form holds two digits in a row: a line without them holds no date (LineFeatures.digits).
TWO_DIGITS = re.compile(r"\d\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A year may be glued to what follows on pages that lost their markup ("19. Juni 201619. Juni 2016",
# "27.01.2022MineralölINFO", "4 de mayo de 202207:59"), so a year ends where no 3 more digits follow.
_END = r"(?!\d{3})"
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:[/-]|\.\s?)(\d{{1,2}})(?:[/-]|\.\s?)((?:19|20)\d{{2}}){_END}"
)
# Two-digit years ("31.10.23", "30/10/23", "19.10.19, 18:56"): same separator twice, not part of a
# longer dotted number or a decimal ("1.2.34,5").
_DMY_SHORT = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d./]|,\d|\s?%)")
# "3 May 2021", "3rd of May, 2021", "3 de mayo del 2021", "03-May-2021".
_D_MON_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.|er|st|nd|rd|th)?(?:\s+(?:de\s+|of\s+)?|-)({MONTH_NAMES})"
    rf"(?:\.?,?\s+(?:del?\s+)?|-)((?:19|20)\d{{2}}){_END}",
    re.I,
)
_MON_D_Y = re.compile(
    rf"\b({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}}){_END}", re.I
)
# A theme that prints the day and year as one run: "Apr 042013" (two-digit day, then the year).
_MON_DDYYYY = re.compile(rf"\b({MONTH_NAMES})\.?\s+(\d{{2}})((?:19|20)\d{{2}})(?!\d)", re.I)
# What every match of _MON_D_Y / _DMY_SHORT contains from its day's last digit on: a cheap test
# that starts with a digit (the month-name alternation under re.I is slow to try at every position).
_MON_D_Y_TAIL = re.compile(r"\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|\s\d\d(?:19|20)\d\d(?!\d)", re.I)
_DMY_SHORT_CORE = re.compile(r"\d[./]\d{1,2}[./]\d{2}")
# How every form's match begins (a digit, or a month's name): a line this does not match at its start
# has no date starting there, whatever find_date finds further on.
DATE_START = re.compile(rf"\d|(?:{MONTH_NAMES})", re.I)


def _valid(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1990 <= y <= 2099:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


@lru_cache(maxsize=1 << 16)
def find_date(text: str, month_first: bool = False) -> tuple[str, int, int] | None:
    """First plausible date in text as (YYYY-MM-DD, start, end), else None; cached, as the title,
    byline and date pickers each ask about the same lines around the title. A numeric date whose
    day and month both fit is read month first ("11/03/2017", "11.03.17" as 3 November) when
    month_first, except the European form with dots and a 4-digit year ("12.04.2021")."""
    if not TWO_DIGITS.search(text):
        return None  # every form has a two-digit run: most lines end here
    if not _YEAR.search(text):
        return _short_date(text, month_first)  # the other forms have a 4-digit year
    found = []
    for m in _ISO.finditer(text):
        iso = _valid(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            found.append((m.start(), iso, m.end()))
            break
    for m in _DMY.finditer(text):
        # "12.04.2021" is the European form even on an English page; "12/04/2021" is not
        iso = _numeric(int(m[3]), int(m[1]), int(m[2]), month_first and "." not in m[0])
        if iso:
            found.append((m.start(), iso, m.end()))
            break
    for m in _D_MON_Y.finditer(text):
        iso = _valid(int(m[3]), MONTH[m[2].lower()], int(m[1]))
        if iso:
            found.append((m.start(), iso, m.end()))
            break
    if _MON_D_Y_TAIL.search(text):
        for form in (_MON_D_Y, _MON_DDYYYY):
            for m in form.finditer(text):
                iso = _valid(int(m[3]), MONTH[m[1].lower()], int(m[2]))
                if iso:
                    found.append((m.start(), iso, m.end()))
                    break
    if not found:
        return None
    start, iso, end = min(found)
    return iso, start, end


def _numeric(year: int, first: int, second: int, month_first: bool) -> str | None:
    """A numeric date in the page's order, or the other order when that is the only valid one (12/31)."""
    if month_first:
        return _valid(year, first, second) or _valid(year, second, first)
    return _valid(year, second, first) or _valid(year, first, second)


# Not part of a longer dotted number or a decimal; a stop or comma may end it ("25.05.2021, 10:00").
_UNAMBIGUOUS = re.compile(r"(?<![\d.,/])(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d|[./,]\d)")


def numeric_order(texts: list[str]) -> bool | None:
    """Whether the numeric dates in texts put the month first (12/31/2020: True), day first
    (31.12.2020: False), or None when no date there tells (every day is 12 or less)."""
    joined = "\n".join(text for text in texts if len(text) <= 400)  # one scan: no match spans lines
    for m in _UNAMBIGUOUS.finditer(joined):
        first, second = int(m[1]), int(m[3])
        if 12 < first <= 31 and 1 <= second <= 12:
            return False
        if 12 < second <= 31 and 1 <= first <= 12:
            return True
    return None


def _short_date(text: str, month_first: bool = False) -> tuple[str, int, int] | None:
    """A numeric date with a two-digit year ("31.10.23"), in the page's order like the 4-digit forms."""
    if not _DMY_SHORT_CORE.search(text):
        return None
    for m in _DMY_SHORT.finditer(text):
        year = 2000 + int(m[4]) if int(m[4]) < 90 else 1900 + int(m[4])
        iso = _numeric(year, int(m[1]), int(m[3]), month_first)
        if iso:
            return iso, m.start(), m.end()
    return None
