"""Title, date and author found in page text: the forms seen on real pages that the cleaner used to miss."""

from __future__ import annotations

import pytest

from tui.cleaning.authors import byline
from tui.cleaning.dates import find_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Von: Björn Jahner | 31.10.23", "2023-10-31"),  # two-digit year
        ("30/10/23 | StarsInsider", "2023-10-30"),
        ("10.15.15", "2015-10-15"),  # month first when day first is impossible
        ("13. 1. 2020", "2020-01-13"),  # spaced day. month. year
        ("Veröffentlicht am 19. Dezember 202219. Dezember 2022 von Redaktion", "2022-12-19"),
        ("27.01.2022MineralölINFO November 2021", "2022-01-27"),  # glued to the next word
        ("Anglertalkhejfish7. Januar 20220", "2022-01-07"),  # glued to the previous word
        ("miércoles, 4 de mayo de 202207:59 hs", "2022-05-04"),
        ("Dezember 29, 2021Dezember 29, 2021", "2021-12-29"),
        ("3 марта 2019, 10:15", "2019-03-03"),  # Cyrillic month in the genitive
        ("Jun 072018", "2018-06-07"),  # a theme that glues the day to the year
        ("19.10.19, 18:56", "2019-10-19"),  # two-digit year, then the time after a comma
    ],
)
def test_dates_in_the_forms_pages_print_them(text: str, iso: str) -> None:
    hit = find_date(text)
    assert hit is not None and hit[0] == iso


@pytest.mark.parametrize(
    "text", ["version 1.2.3", "192.168.1.10", "3.5.20 %", "12345", "1.2.2.2024", "1.2.34,5"]
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize("text", ["Partner werden", "Porträt der Woche", "Parlament stimmt zu"])
def test_a_lead_word_must_stand_alone(text: str) -> None:
    assert byline(text) is None  # "Par" + "tner" is no byline


_PROSE = (
    "The council voted on Tuesday to expand the city's tram network after a long debate about "
    "costs, routes and the years of building work that residents along the line would face."
)


def test_the_dateline_by_the_title_beats_a_dated_teaser_list() -> None:
    from tui.cleaning import clean

    teasers = [f"Older story number {k} about something else\n{k + 1}.03.2021" for k in range(5)]
    page = "\n".join(
        ["Home", "News", *teasers, "City expands tram network", "12.04.2021", *[_PROSE] * 6]
    )
    assert clean(page).meta["date"] == "2021-04-12"


@pytest.mark.parametrize(
    ("dateline", "iso"),
    [
        ("4/6/21 9:30AM", "2021-04-06"),  # an English page writes the month first
        ("04.06.21 in Science", "2021-04-06"),
        ("04.06.2021", "2021-06-04"),  # dots with a 4-digit year: the European form
    ],
)
def test_an_english_page_reads_numeric_dates_month_first(dateline: str, iso: str) -> None:
    from tui.cleaning import clean

    page = "\n".join(["Home", "City expands tram network", dateline, *[_PROSE] * 6])
    assert clean(page).meta["date"] == iso


def test_an_unambiguous_date_on_the_page_sets_the_order() -> None:
    from tui.cleaning import clean

    page = "\n".join(
        ["City expands tram network", "04/06/2021", *[_PROSE] * 6, "Related: 25/05/2021"]
    )
    assert clean(page).meta["date"] == "2021-06-04"  # 25/05 shows the page puts the day first


def test_a_date_inside_a_sentence_is_not_the_articles() -> None:
    from tui.cleaning import clean

    page = "\n".join(
        [
            "City expands tram network",
            "Work will start on 3 May 2022, the council said in a statement on its plans "
            "for the network and the stations along the new line.",
            *[_PROSE] * 6,
        ]
    )
    assert clean(page).meta["date"] is None


@pytest.mark.parametrize(
    "lead",
    ["WASHINGTON, May 3, 2022 —", "Pressemitteilung vom 3. Mai 2022 |", "Berlin, 3. Mai 2022 –"],
)
def test_a_dateline_opening_the_first_paragraph_dates_the_article(lead: str) -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", f"{lead} {_PROSE}", *[_PROSE] * 6])
    assert clean(page).meta["date"] == "2022-05-03"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Von Thilo / 6. November 2023 / Keine Kommentare", "Thilo"),
        ("Von Jule Radeck Vom 3. Februar 2022 0", "Jule Radeck"),  # a capitalised stopword ends it
        ("Artikel von Jane Doe", "Jane Doe"),
        ("Veröffentlicht von HansG", "HansG"),
        ("Christoph von Ritter", None),  # a particle, not a lead: the line is a bare name
        ("Share by email", None),
    ],
)
def test_bylines_in_the_forms_pages_print_them(text: str, name: str | None) -> None:
    assert byline(text) == name


def test_the_byline_below_the_title_beats_a_name_in_the_menu_above() -> None:
    from tui.cleaning import clean

    page = "\n".join(
        [
            "Home",
            "Anna Weber",  # a columnist's page in the menu
            "Politik",
            "City expands tram network",
            "Veröffentlicht am 12.04.2021 von Jonas Berger",
            *[_PROSE] * 6,
        ]
    )
    assert clean(page).meta["author"] == "Jonas Berger"


@pytest.mark.parametrize(
    "text", ["Promoted by Taboola", "Photo by John Smith", "Sponsored by Acme"]
)
def test_a_sponsor_or_credit_is_no_byline(text: str) -> None:
    assert byline(text) is None


@pytest.mark.parametrize(
    "text", ["Published Thursday", "View Photos", "Follow Followed", "Key Specs"]
)
def test_title_cased_buttons_are_no_names(text: str) -> None:
    from tui.cleaning.names import bare_name

    assert bare_name(text) is None


def test_a_name_beside_a_relative_date_is_the_author() -> None:
    from tui.cleaning import clean

    page = "\n".join(["Tech", "City expands tram network", "Alex Perry 1 day ago", *[_PROSE] * 6])
    assert clean(page).meta["author"] == "Alex Perry"


@pytest.mark.parametrize(
    ("lead", "name"),
    [("Von:", "Jonas Berger"), ("Auteur(s) :", "Claire Martin"), ("Published By", "Robin")],
)
def test_a_name_under_a_lead_line_is_the_author(lead: str, name: str) -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", *[_PROSE] * 2, lead, name, *[_PROSE] * 4])
    assert clean(page).meta["author"] == name


@pytest.mark.parametrize("when", ["19 February 2020", "4 min read", "Friday 25 December 2015"])
def test_a_name_over_a_line_that_only_dates_it_is_the_author(when: str) -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", "Hazel Brook", when, *[_PROSE] * 6])
    assert clean(page).meta["author"] == "Hazel Brook"


def test_a_teaser_over_a_byline_with_its_date_is_no_author() -> None:
    from tui.cleaning import clean

    page = "\n".join(
        ["Older Article", "Newer Article", "on March 10, 2015 by Nina Holt", *[_PROSE] * 6]
    )
    assert clean(page).meta["author"] == "Nina Holt"


@pytest.mark.parametrize("text", ["Filter Suche", "Newer Article", "Ähnliche Artikel"])
def test_buttons_under_a_lead_line_are_no_names(text: str) -> None:
    from tui.cleaning.names import bare_name

    assert bare_name(text) is None


def test_a_name_with_a_date_just_after_the_body_is_the_author() -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", *[_PROSE] * 18, "Jana Holm, 01.12.2021"])
    assert clean(page).meta["author"] == "Jana Holm"


def test_a_link_to_the_authors_other_articles_below_the_body_names_the_author() -> None:
    from tui.cleaning import clean

    menu = ["Share", "Print", "Newsletter", "Impressum", "Kontakt", "Datenschutz", "AGB"]
    page = "\n".join(["City expands tram network", *[_PROSE] * 18, *menu, "Mehr von Jana Holm"])
    assert clean(page).meta["author"] == "Jana Holm"
    sentence = "Weitere Informationen zur Kontrolle von Cookies findest du hier"
    page = "\n".join(["City expands tram network", *[_PROSE] * 18, *menu, sentence])
    assert clean(page).meta["author"] is None


def test_a_name_over_its_job_line_is_the_author() -> None:
    from tui.cleaning import clean
    from tui.cleaning.names import bio

    page = "\n".join(
        [
            "City expands tram network",
            "Ina Kroll",
            "Redakteurin für Wirtschaft",
            *[_PROSE] * 4,
        ]
    )
    assert clean(page).meta["author"] == "Ina Kroll"
    assert bio("Sara Lind ist Redakteurin im Team Wirtschaft.") == "Sara Lind"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jedes Mädchen träumt von Justin Timberlake, oder von jemandem", None),
        ("Es gibt eine Vielzahl von Gründen für die Beurteilung", None),
        ("Posted in Datenschutz by jdoe on August 3, 2019", "jdoe"),
        ("Ein Beitrag von Jana Holm", "Jana Holm"),
        ("12. Mai 2021 | Politik von Jana Holm", "Jana Holm"),
    ],
)
def test_a_lead_word_inside_a_sentence_is_no_byline(text: str, name: str | None) -> None:
    assert byline(text) == name


@pytest.mark.parametrize(
    ("lead", "line", "name"),
    [
        ("Autor*in", "Brit Lange (Medizinredakteurin, M.A.)", "Brit Lange"),
        ("Von:", "Jonas Berger, Reporter", "Jonas Berger"),
    ],
)
def test_a_name_with_its_job_under_a_lead_line_is_the_author(
    lead: str, line: str, name: str
) -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", *[_PROSE] * 2, lead, line, *[_PROSE] * 4])
    assert clean(page).meta["author"] == name


def test_a_name_after_a_date_and_a_tilde_is_the_author() -> None:
    from tui.cleaning.authors import name_by_date

    text = "17/11/2019 ~ Cem Basman"
    assert name_by_date(text, 0, 10) == "Cem Basman"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Par Jean Roux Jean Roux", "Jean Roux"),  # a link and its label print the name twice
        ("Autorin: Ida Berg, Projektleiterin der Stiftung", "Ida Berg"),  # a compound job title
    ],
)
def test_a_byline_gives_the_name_once_and_without_its_job(text: str, name: str) -> None:
    assert byline(text) == name


def test_a_line_opening_with_a_lead_far_below_the_title_names_the_author() -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", *[_PROSE] * 20, "By Jane Doe", *[_PROSE] * 3])
    assert clean(page).meta["author"] == "Jane Doe"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane C. Doe", "Jane C. Doe"),
        ("Dr. Tom Berg", "Dr. Tom Berg"),
        ("Sean O'Hara", "Sean O'Hara"),
        ("Anna-Lena McKay", "Anna-Lena McKay"),
        ("Aktuelle Themen", None),  # German capitalises nouns: an adjective opens no name
        ("Neueste Beiträge", None),
        ("TOP THEMEN", None),  # capitals, digits, inner capitals: labels, not names
        ("Shop4 Online", None),
        ("DownloadShow Link", None),
    ],
)
def test_a_bare_name_line_is_written_as_a_name(text: str, name: str | None) -> None:
    from tui.cleaning.names import bare_name

    assert bare_name(text) == name


@pytest.mark.parametrize(
    "event", ["Neue Regeln gelten seit dem 1. Oktober 2021", "Termin: 05.10.2021, 19 Uhr"]
)
def test_a_date_the_line_talks_about_loses_to_the_dateline(event: str) -> None:
    from tui.cleaning import clean

    page = "\n".join(["City expands tram network", event, "12.10.2021 | Jane Doe", *[_PROSE] * 6])
    assert clean(page).meta["date"] == "2021-10-12"


def test_a_stamp_far_from_the_title_dates_the_page_when_nothing_nearer_does() -> None:
    from tui.cleaning import clean

    menu = [f"Menu entry {k}" for k in range(50)]
    page = "\n".join(
        ["Verfasst von: jdoe | 3. März 2020", *menu, "City expands tram network", *[_PROSE] * 6]
    )
    assert clean(page).meta["date"] == "2020-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "4. Mai 2021 Jana Holm Schreibe einen Kommentar",  # a comment prompt after the name
        "4 May 2021 | Updated 5 May 2021 | Jana Holm",  # a second date between date and name
    ],
)
def test_a_name_beside_a_dateline_with_more_on_it(text: str) -> None:
    from tui.cleaning.authors import name_by_date

    hit = find_date(text)
    assert hit is not None and name_by_date(text, hit[1], hit[2]) == "Jana Holm"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Text von Jana Holm Illustration von Max Roth", "Jana Holm"),  # no particle ends a name
        ("Von A. R. am 07.08.2013", "A. R."),  # an initial keeps its period
        ("Autor: Rechtsanwalt Tom Berg", "Tom Berg"),  # an office before the name
        ("Ein Beitrag geteilt von Jana Holm (@jholm)", None),  # an embedded post's credit
    ],
)
def test_a_bylines_name_without_what_surrounds_it(text: str, name: str | None) -> None:
    assert byline(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Gründer von Nordwerk", None),  # an article opens a sentence
        ("Berlin ist von Sturm Anna weiterhin betroffen.", None),  # it goes on to a full stop
        ("1.11.23 20:19 von Jana Holm Lesezeit: 4 Min.", "Jana Holm"),  # a stamp before the lead
        ("Von Jana Holm Twitter Account", "Jana Holm"),
    ],
)
def test_a_lead_in_a_sentence_is_no_byline(text: str, name: str | None) -> None:
    assert byline(text) == name
