"""Authors found in page text: bylines in English and other languages, names beside dates, name
lines and author boxes, and the headings, credits and labels that are no names (made-up lines)."""

from __future__ import annotations

import pytest

from tui.cleaning.authors import byline
from tui.cleaning.dates import find_date
from tui.cleaning.names import job_line

_PROSE = (
    "The council voted on Tuesday to expand the city's tram network after a long debate about "
    "costs, routes and the years of building work that residents along the line would face."
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Veröffentlicht vonJonas Berger 3. Mai 2021", "Jonas Berger"),
        ("ByJane Doe", "Jane Doe"),
        ("Posted on 3 May 20213 May 2021AuthorNina Holt4 Comments", "Nina Holt"),
        ("DoorDash delivers", None),  # glued to one word: no byline
    ],
)
def test_a_lead_glued_to_the_name_is_a_byline(text: str, name: str | None) -> None:
    assert byline(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [("von kitty2010 · in Allgemein", "kitty2010"), ("Autor: x9zebra", "x9zebra")],
)
def test_a_handle_keeps_its_digits(text: str, name: str) -> None:
    assert byline(text) == name


def test_a_name_over_a_lone_separator_over_its_date_is_the_author() -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", "Hazel Brook", "—", "3 May 2021", *[_PROSE] * 6])
    assert clean(page).meta["author"] == "Hazel Brook"


def test_a_name_line_under_the_standfirst_is_the_author_but_a_heading_over_prose_is_not() -> None:
    from tui.cleaning import clean

    standfirst = (
        "The council approved the plan on Monday after a long debate about its cost, and the "
        "first trams should run on the new line in three years, the mayor said."
    )
    page = ["City expands tram network", standfirst, "Hazel Brook", "Share", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"
    page = ["City expands tram network", standfirst, "Early Plans", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hazel Brook Stand: 05. Februar 2020", "Hazel Brook"),  # a label before the date
        ("Hazel Brook | Monday 3 May 2021", "Hazel Brook"),  # a weekday between
        ("3 May 2021 Hazel Brook 2 Comments Politics", "Hazel Brook"),  # a count after the name
        ("Hazel Brook Zuletzt geändert am 06.11.2023", "Hazel Brook"),
    ],
)
def test_a_name_beside_a_date_without_the_dates_label(text: str, name: str) -> None:
    from tui.cleaning.authors import name_by_date

    hit = find_date(text)
    assert hit is not None
    assert name_by_date(text, hit[1], hit[2]) == name


@pytest.mark.parametrize("ago", ["hace 3 horas", "vor 5 Stunden", "il y a 2 jours"])
def test_a_name_beside_a_relative_date_in_other_languages(ago: str) -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", f"Hazel Brook | {ago}", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Foto: Michael von Lingen (Copyright)", None),  # one person with a particle
        ("Martin von Tours – ein Heiliger", None),
        ("de plus par mois.", None),  # a sentence's last word
        ("Ein Beitrag von Heiko", "Heiko"),
    ],
)
def test_a_particle_inside_a_name_is_no_lead(text: str, name: str | None) -> None:
    assert byline(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Reporting by Hazel Brook; Editing by Tom Reed", "Hazel Brook"),
        ("Edited by Tom Reed", None),  # an editor is no author
        ("By HAZEL BROOK, Associated Press", "HAZEL BROOK"),  # an agency is no co-author
        ("By Hazel Brook and Tom Reed, CNN", "Hazel Brook and Tom Reed"),
    ],
)
def test_english_bylines_with_credits_and_agencies(text: str, name: str | None) -> None:
    assert byline(text) == name


@pytest.mark.parametrize(
    "line",
    ["Hazel Brook | Staff Writer", "Hazel Brook, Senior Reporter", "Hazel Brook and Tom Reed"],
)
def test_a_name_line_with_a_job_or_a_second_name_is_the_byline(line: str) -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", line, *[_PROSE] * 6]
    want = line if " and " in line else "Hazel Brook"
    assert clean("\n".join(page)).meta["author"] == want


@pytest.mark.parametrize("line", ["Salt and Pepper", "Berlin, Hamburg und München"])
def test_words_joined_by_and_are_not_names(line: str) -> None:
    from tui.cleaning.names import bare_names

    assert bare_names(line) is None


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Hazel Brook", True),
        ("Dr. Hazel Brook", True),
        ("Hans-Peter Roth", True),
        ("Leichte Sprache", False),
        ("Middle East", False),
    ],
)
def test_a_bare_name_needs_a_known_first_name(name: str, known: bool) -> None:
    from tui.cleaning.names import known_first_name

    assert known_first_name(name) is known


def test_a_heading_under_the_title_is_no_author() -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", "Leichte Sprache", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] is None
    page = ["City expands tram network", "Hazel Brook", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


def test_a_name_over_a_date_with_its_time_and_comment_count_is_the_author() -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", "Hazel Brook", "27.04.2020 - 18:50 Uhr 3 Kommentare"]
    assert clean("\n".join([*page, *[_PROSE] * 6])).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Posted on 3 May 20213 May 2021Author Staff", "Staff"),  # a lead glued to a date
        ("Auteur: Claire Martin", "Claire Martin"),
        ("Autoren Jana Holm und Tom Reed", "Jana Holm und Tom Reed"),
        ("Posted by jdoe under Politics", "jdoe"),
    ],
)
def test_more_leads(text: str, name: str) -> None:
    assert byline(text) == name


@pytest.mark.parametrize("text", ["Redaktion - 31. Januar 2022", "Staff | May 3, 2021"])
def test_the_newsroom_beside_a_date_is_the_author(text: str) -> None:
    from tui.cleaning.authors import name_by_date

    hit = find_date(text)
    assert hit is not None
    assert name_by_date(text, hit[1], hit[2]) == text.split()[0]


@pytest.mark.parametrize(
    "text",
    [
        "Interview mit Autorin Jana Holm",
        "Interview with author Jana Holm",
        "With material by Reuters",
    ],
)
def test_a_guest_author_or_a_source_is_no_byline(text: str) -> None:
    assert byline(text) is None


def test_a_menu_word_under_a_lead_line_is_no_author() -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", *[_PROSE] * 2, "Por", "Inicio", *[_PROSE] * 4]
    assert clean("\n".join(page)).meta["author"] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("By HAZEL BROOK Associated Press", "HAZEL BROOK"), ("By R. K. Lilley", "R. K. Lilley")],
)
def test_a_capitalised_name_ends_where_its_case_does(text: str, name: str) -> None:
    assert byline(text) == name


@pytest.mark.parametrize(
    ("text", "name"), [("HAZEL BROOK", "HAZEL BROOK"), ("ACTU NATIONALE", None)]
)
def test_a_name_line_in_capitals_needs_a_known_first_name(text: str, name: str | None) -> None:
    from tui.cleaning.names import bare_name

    assert bare_name(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hazel Brook, CNN", "Hazel Brook"),
        ("Hazel Brook | Reuters", "Hazel Brook"),
        ("Hazel Brook, The Daily Post", "Hazel Brook"),
        ("New York, NY", None),
    ],
)
def test_a_name_line_with_its_outlet(text: str, name: str | None) -> None:
    from tui.cleaning.names import name_with_job

    assert name_with_job(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hazel Brook covers the city council for the paper.", "Hazel Brook"),
        ("Hazel Brook is a reporter at the paper.", "Hazel Brook"),
        ("Das Projekt ist ein Angebot der Stadt.", None),  # a thing, not a person
        ("The Company reports its earnings today.", None),
    ],
)
def test_an_author_bio_names_a_person(text: str, name: str | None) -> None:
    from tui.cleaning.names import bio

    assert bio(text) == name


def test_a_name_line_over_its_bio_far_below_the_body_is_the_author() -> None:
    from tui.cleaning import clean

    menu = ["Share", "Print", "Newsletter", "Impressum", "Kontakt", "Datenschutz", "AGB"] * 2
    bio_line = "Hazel Brook teaches history at the university and writes about cities and trams."
    page = ["City expands tram network", *[_PROSE] * 6, *menu, "Hazel Brook", bio_line]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize(
    "text",
    [
        "Aktuelle Meldung 21.01.2022",  # a label written like a heading, not a name
        "04. November 2021 | PAID CONTENT",
        "27.01.2022 Spezifische Schwangerenbetreuung",
    ],
)
def test_a_label_beside_a_date_is_no_name(text: str) -> None:
    from tui.cleaning.authors import name_by_date

    hit = find_date(text)
    assert hit is not None
    assert name_by_date(text, hit[1], hit[2]) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Portrait by Tom Reed", None),
        ("Posted by Hazel Brook, Software Engineer on the blog", "Hazel Brook"),
        ("ABLAUF VON TARIFVERHANDLUNGEN", None),
        ("Eingestellt von Unknown", None),
        ("Copyright 2019 by Acme GmbH", None),
    ],
)
def test_credits_jobs_and_companies_are_no_names(text: str, name: str | None) -> None:
    assert byline(text) == name


def test_a_weekday_between_name_and_date_is_left_out() -> None:
    from tui.cleaning.authors import name_by_date

    text = "Hazel Brook Monday, February 29, 2016 @ 11:10 PM UTC"
    hit = find_date(text)
    assert hit is not None
    assert name_by_date(text, hit[1], hit[2]) == "Hazel Brook"


@pytest.mark.parametrize(
    "under",
    [
        "Follow Hazel Brook on Facebook Follow Hazel Brook on Twitter",
        "hazelbrook",
        "hazelbrook@example.com",
    ],
)
def test_a_name_line_over_a_line_about_that_person_is_the_author(under: str) -> None:
    from tui.cleaning import clean

    menu = ["Share", "Print", "Newsletter", "Impressum", "Kontakt", "Datenschutz", "AGB"] * 2
    page = ["City expands tram network", *[_PROSE] * 6, *menu, "Hazel Brook", under]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize("line", ["Hazel Brook @hazelb", "Hazel Brook"])
def test_a_name_with_its_handle_under_a_lead_line(line: str) -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", *[_PROSE] * 2, "Por", line, *[_PROSE] * 4]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Hazel Brook", "Hazel Brook"),
        ("Redaktion Stadtblatt", "Redaktion Stadtblatt"),
        ("Verwandte Themen", None),
    ],
)
def test_a_line_over_a_date_is_the_author_when_it_is_a_person_or_the_newsroom(
    line: str, name: str | None
) -> None:
    from tui.cleaning import clean

    page = ["City expands tram network", line, "3 May 2021", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Von Sprachregeln, Gender-Politik und Deutsch", None),  # a list of things
        ("Von Heiko, Redakteur", "Heiko"),
        ("By Thilo, staff writer", "Thilo"),
    ],
)
def test_a_lead_before_a_list_of_things_is_no_byline(text: str, name: str | None) -> None:
    assert byline(text) == name


def test_a_heading_opening_with_an_adjective_is_no_name() -> None:
    from tui.cleaning.names import bare_name

    assert bare_name("Deutsche Sprache") is None


def test_the_fast_lead_test_misses_no_lead_that_ignorecase_finds() -> None:
    # byline skips the lead regexes when the lowercased line holds no lead's word: letters re.I
    # matches in other characters (long s, dotted capital I) must not hide a lead
    for text in ("WORDſ: Jane Doe", "WRİTTEN BY Jane Doe", "CONTRİBUTOR: Jane Doe", "ByJane Doe"):
        assert byline(text, lead_within=40) == "Jane Doe", text
    assert byline("Sport News Weather", lead_within=40) is None


def test_the_fast_job_test_misses_no_job_that_ignorecase_finds() -> None:
    # job_line skips its re.I regex when the lowercased line holds no piece of a job word
    for text in ("PERİODİSTA", "Senior columniſt", "KORREſPONDENTIN", "Staff Writer"):
        assert job_line(text), text
    assert not job_line("Politics and Weather")
