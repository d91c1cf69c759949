"""Bylines without a lead word: an agency alone or with its date ("By Reuters", "Associated Press
November 19, 2019"), or a person's name with the place they report from, their social handle or their
paper ("Jane Doe in Kyiv", "Jane Doe @jdoe", "Jane Doe USA TODAY")."""

from __future__ import annotations

import re

from .authors import OUTLET_AFTER, OUTLET_ENDS
from .dates import find_date
from .names import bare_name, bare_names, known_first_name

# The news agencies that sign a story alone (not "AP": as a line of its own it is mostly a photo credit).
_AGENCIES = (
    r"(?:the\s+)?associated press|reuters|afp|agence france-presse|upi|dpa|bloomberg(?:\s+news)?|"
    r"pa media|press association|xinhua|pti|ians|ani|aap|kyodo news|efe|ansa"
)
# A byline that names a news agency or the paper's board alone: "By Reuters", "By The Editorial
# Board", "By The Associated Press | May 3, 2021".
_AGENCY_BYLINE = re.compile(
    rf"^(?:by|from)\s+({_AGENCIES}|ap|(?:the\s+)?editorial board|"
    r"(?:[^\W\d_][\w.&'’-]*\s+){0,3}(?:staff(?:\s+reports?)?|wire services))"
    r"(?:\s*$|\s*[|·•,—–]|\s+-(?:\s|$))",
    re.I,
)


# An agency's dateline: "Associated Press November 19, 2019, 9:02 AM", "Reuters | 18 Nov 2019".
_AGENCY_DATED = re.compile(rf"^({_AGENCIES})\s*[|·•,—–-]?\s*", re.I)
# ... or with the place it reports from: "Reuters, Washington", "PTI, New Delhi,".
_AGENCY_PLACE = re.compile(
    rf"^((?i:{_AGENCIES}))\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}\s*,?$"
)  # the place capitalised: not "Ani, my friend"


def agency_byline(text: str) -> str | None:
    """The agency of a byline that names no person: "By Reuters" (a credit line has no "By"), or an
    agency's name with only the date or the place after it."""
    if text[:2].lower() in ("by", "fr"):
        m = _AGENCY_BYLINE.match(text)
        return m.group(1) if m else None
    m = _AGENCY_DATED.match(text)
    if m is None or len(text) > 60:
        return None
    placed = _AGENCY_PLACE.match(text)
    if placed is not None:
        return placed.group(1)
    hit = find_date(text[m.end() :])
    return m.group(1) if hit is not None and hit[1] == 0 else None


# "Jane Doe in Kyiv", "Jane Doe and John Roe in Washington": a correspondent's byline with the place.
_IN_PLACE = re.compile(r"^(.+?)\s+in\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})$")


def name_in_place(text: str) -> str | None:
    """The people of a byline written with where they report from: "Jane Doe in Kyiv"."""
    if " in " not in text or len(text) > 90:
        return None
    m = _IN_PLACE.match(text.strip())
    if m is None:
        return None
    names = m.group(1)
    if bare_name(names) and known_first_name(names):
        return names
    found = bare_names(names)
    return found if found and known_first_name(found) else None


# "Jane Doe @janedoe / 2 days", "Jane Doe@JaneDoe": a writer's name with their social handle.
_NAME_THEN_HANDLE = re.compile(r"^([^@]{3,40}?)\s*@\w{2,30}(?:\s*[/|·•–-][^@]{0,20})?$")


def name_with_handle(text: str) -> str | None:
    """The person of a line that is a name and its social handle (the byline of a tech or business site)."""
    if "@" not in text:
        return None
    m = _NAME_THEN_HANDLE.match(text)
    if m is None:
        return None
    name = m.group(1).strip()
    return name if bare_name(name) and known_first_name(name) else None


def names_with_outlet(text: str) -> str | None:
    """The people of a byline without "By" that ends in their agency or paper: "Jane Doe Associated
    Press", "Jane Doe and John Roe, USA TODAY"."""
    if len(text) > 90 or text[-4:].lower() not in OUTLET_ENDS:
        return None
    names = OUTLET_AFTER.sub("", text.strip()).strip(" ,;")
    if names == text.strip():
        return None
    if bare_name(names) and known_first_name(names):
        return names
    found = bare_names(names)
    return found if found and known_first_name(found) else None
