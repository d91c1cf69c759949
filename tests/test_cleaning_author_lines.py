"""Authors named on lines of their own far from the title: a lead line over the name ("Author:" /
"Jane Doe") after the body, name lines with a time or a date, signatures (made-up pages)."""

from __future__ import annotations

import pytest

from tui.cleaning import clean

_PROSE = (
    "The council voted on Tuesday to expand the city's tram network after a long debate about "
    "costs, routes and the years of building work that residents along the line would face."
)

_TEASERS = ["Related", "Bus fares rise in spring", "New bridge opens to cyclists", "Share"]


@pytest.mark.parametrize(
    ("lead", "line", "name"),
    [
        ("Author:", "Hazel Brook/AP", "Hazel Brook"),  # an agency after the person
        ("Written by", "Hazel Brook", "Hazel Brook"),
        ("About the author", "Hazel Brook", "Hazel Brook"),
        ("Authors", "Hazel Brook", "Hazel Brook"),
        ("Article by:", "cityblog", "cityblog"),  # a handle under a lead with a colon
    ],
)
def test_a_name_under_a_lead_line_after_the_body_is_the_author(
    lead: str, line: str, name: str
) -> None:
    page = ["City expands tram network", *[_PROSE] * 6, *_TEASERS, lead, line, "Newsletter"]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("lead", "line"),
    [("Authors", "Site-Lexicon"), ("Text", "background")],  # a menu entry, a player's setting
)
def test_a_menu_or_player_entry_under_a_lead_word_is_no_author(lead: str, line: str) -> None:
    page = ["City expands tram network", *[_PROSE] * 6, *_TEASERS, lead, line, "Newsletter"]
    assert clean("\n".join(page)).meta["author"] is None
