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


@pytest.mark.parametrize(
    ("line", "when", "name"),
    [
        ("Hazel Brook,", "on Sunday, May 3, 2022 - 05:00 (1 Comment)", "Hazel Brook"),
        ("Staff", "on May 3, 2022", "Staff"),  # the newsroom signing
    ],
)
def test_a_name_line_over_its_dateline_is_the_author(line: str, when: str, name: str) -> None:
    page = ["City expands tram network", line, when, *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == name


def test_a_dated_name_line_far_below_the_title_is_the_author() -> None:
    page = ["City expands tram network", *[_PROSE] * 18, "Hazel Brook", "3 May 2021", _PROSE]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Hazel Brook 06 PM | 18 May", "Hazel Brook"),  # a time of day, no year
        ("Hazel Brook at 10:32", "Hazel Brook"),
        ("19:15 Riverside Rovers 55 : 34 Harbour City", None),  # a match, not a byline
        ("Fr von 10:00 bis 12:30", None),  # opening hours
    ],
)
def test_a_name_beside_a_time_of_day_is_the_author(line: str, name: str | None) -> None:
    page = ["City expands tram network", line, *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Hazel Brook Political correspondent", "Hazel Brook"),  # a job in sentence case
        ("Hazel Brook Staff Writer", "Hazel Brook"),  # a job of job words only
        ("Mary Ann Brook Senior Reporter", "Mary Ann Brook"),
        ("Hazel Brook Political Correspondent", "Hazel Brook"),
        ("Hazel Brook in Kyiv", "Hazel Brook"),  # a correspondent and where they are
        ("Hazel Brook and Tom Reed in Washington", "Hazel Brook and Tom Reed"),
        ("Contributor: Hazel Brook", "Hazel Brook"),
        ("By Reuters", "Reuters"),  # an agency's byline names no person
        ("By The Associated Press | May 3, 2021", "The Associated Press"),
    ],
)
def test_english_byline_lines_under_the_title(line: str, name: str) -> None:
    page = ["City expands tram network", line, *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == name


def test_a_teaser_above_the_title_saying_where_is_no_byline() -> None:
    page = ["Home", "Drake Hurt in Dubai Nightclub", "City expands tram network", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] is None


@pytest.mark.parametrize("text", ["Photo: Reuters", "By The Daily Planet | Source: Reuters"])
def test_an_agency_credit_is_no_agency_byline(text: str) -> None:
    from tui.cleaning.byline_forms import agency_byline

    assert agency_byline(text) is None


@pytest.mark.parametrize(
    ("lead", "line", "name"),
    [("Interview", "HAZEL BROOK", "HAZEL BROOK"), ("Words:", "12840", None)],  # not a word count
)
def test_a_credits_block_after_the_body_names_the_author(
    lead: str, line: str, name: str | None
) -> None:
    page = ["City expands tram network", *[_PROSE] * 6, *_TEASERS, lead, line, "Photography"]
    assert clean("\n".join(page)).meta["author"] == name


def test_words_and_contributors_leads_open_a_byline() -> None:
    from tui.cleaning.authors import byline

    assert byline("Words: Hazel Brook") == "Hazel Brook"
    assert byline("Contributors: Hazel Brook, Tom Reed") == "Hazel Brook, Tom Reed"


@pytest.mark.parametrize(
    "text",
    [
        "November 26, 2017November 26, 2017 Hazel Brook 1 Comment",  # published and updated, glued
        "May 3, 2022 Hazel Brook Politics, Transport, City",  # the post's tags after the name
    ],
)
def test_a_name_after_a_blogs_dates_without_what_follows(text: str) -> None:
    from tui.cleaning.authors import name_by_date
    from tui.cleaning.dates import find_date

    hit = find_date(text)
    assert hit is not None
    assert name_by_date(text, hit[1], hit[2]) == "Hazel Brook"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("13 June 2019, by Hazel Brook", "Hazel Brook"),  # a date, then the byline's lead
        ("Posted 3 May 2021 by Hazel Brook", "Hazel Brook"),
        ("Rating by hazel42 on 3 May 2021", None),  # a guest's review
    ],
)
def test_a_dated_byline_far_from_the_title(line: str, name: str | None) -> None:
    page = ["City expands tram network", *[_PROSE] * 18, line, *[_PROSE] * 8]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("line", "link", "name"),
    [
        ("Hazel Brook", "View all posts", "Hazel Brook"),  # an author box after the body
        ("hbrook", "More Posts", "hbrook"),
        ("Comment", "More articles", None),  # a button over a link
    ],
)
def test_a_name_over_a_link_to_the_authors_posts(line: str, link: str, name: str | None) -> None:
    page = ["City expands tram network", *[_PROSE] * 6, "Share", line, link, *_TEASERS]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("above", "line", "below"),
    [
        ("28 November 2022", "- Hazel Brook", "Share"),  # a dash before the name
        ("Share", "Hazel Brook", "Published on 06.10.2023 (Last update: 07.10.2023)"),
        ("Share", "Hazel Brook", "posted on April 21, 2015, at 11:29 a.m."),
        # a long job line: only its start is read
        (
            "Share",
            "Hazel Brook",
            "Deputy press officer and head of press, public relations and events",
        ),
    ],
)
def test_a_name_line_beside_its_date_or_job(above: str, line: str, below: str) -> None:
    page = ["City expands tram network", above, line, below, *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


@pytest.mark.parametrize("lead", ["Text & Photos:", "Words and pictures:", "Text und Fotos:"])
def test_a_lead_for_words_and_pictures(lead: str) -> None:
    from tui.cleaning.authors import byline

    assert byline(f"{lead} Hazel Brook") == "Hazel Brook"


@pytest.mark.parametrize(
    ("mail", "name"),
    [
        ("hazel.brook@daily.example", "Hazel Brook"),
        ("hbrook@daily.example", "Hazel Brook"),
        ("news@daily.example", None),
    ],  # the newsroom's address names no one
)
def test_a_name_over_its_mail_address_after_the_body(mail: str, name: str | None) -> None:
    page = ["City expands tram network", *[_PROSE] * 6, "Share", "Hazel Brook", mail, *_TEASERS]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("By HAZEL BROOK and TOM REED", "HAZEL BROOK and TOM REED"),  # an agency's capitals
        (
            "By HAZEL BROOK, TOM REED and ANN LEE Associated Press",
            "HAZEL BROOK, TOM REED and ANN LEE",
        ),
        ("By Hazel Brook and Tom Reed Associated Press", "Hazel Brook and Tom Reed"),
        ("By The Editorial Board", "The Editorial Board"),
    ],
)
def test_english_bylines_of_several_people_or_a_board(text: str, name: str) -> None:
    page = ["City expands tram network", text, *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize("line", ["Hazel Brook, USA TODAY", "Hazel Brook • Yesterday"])
def test_a_name_beside_an_outlet_or_yesterday(line: str) -> None:
    page = ["City expands tram network", line, *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == "Hazel Brook"


def test_a_name_line_of_a_menu_printed_twice_is_no_author() -> None:
    menu = ["Home", "Grace Park", "Blog"]  # a menu entry written like a name, desktop and mobile
    page = [*menu, *menu, "City expands tram network", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] is None
    page = [*menu, "City expands tram network", *[_PROSE] * 6]
    assert clean("\n".join(page)).meta["author"] == "Grace Park"  # once: a byline over the title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Posted 3 May 2021 by Hazel Brook", "Hazel Brook"),  # a date just before the lead
        ("The 2010 season in review as told by Hazel Brook", None),  # a year inside a teaser
        ("2008 survey of the park by Hazel Brook, landscape architect", None),
    ],
)
def test_a_number_far_before_the_lead_is_no_dateline(text: str, name: str | None) -> None:
    from tui.cleaning.authors import byline

    assert byline(text) == name


def test_a_name_over_an_agency_glued_to_its_date() -> None:
    page = ["City expands tram network", "HAZEL BROOK", "Associated PressMay 3, 2022", _PROSE]
    assert clean("\n".join(page + [_PROSE] * 5)).meta["author"] == "HAZEL BROOK"


@pytest.mark.parametrize("text", ["Foto von Hazel Brook von Pexels", "Bild von Hazel Brook"])
def test_a_german_photo_credit_is_no_byline(text: str) -> None:
    from tui.cleaning.authors import byline

    assert byline(text) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "Posted by Hazel Brook at 18:52 Tagged with: trams, council, city budget, transport, "
            "building works, residents, rail, roads, planning, local news",
            "Hazel Brook",
        ),
        (
            "By signing up you agree to our terms of service and privacy policy and our newsletter",
            None,
        ),
    ],
)
def test_a_long_line_under_the_body_that_opens_with_a_byline(line: str, name: str | None) -> None:
    page = ["City expands tram network", *[_PROSE] * 6, line, "Comments", *_TEASERS]
    assert clean("\n".join(page)).meta["author"] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("By Hazel BrookStaff Writer", "Hazel Brook"),  # the page glued the job on
        ("By Hazel BrookNewsDesk", "Hazel Brook"),
        ("By Ruth MacKenzie", "Ruth MacKenzie"),  # a capital inside a name stays
        ("By Leo DiMarco", "Leo DiMarco"),
    ],
)
def test_a_job_or_outlet_glued_to_the_name_is_cut_off(text: str, name: str) -> None:
    from tui.cleaning.authors import byline

    assert byline(text) == name


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Associated Press November 19, 2021, 9:02 AM", "Associated Press"),
        ("Reuters | 18 Nov 2021", "Reuters"),
        ("By Metro Staff | November 18, 2021 at 2:26 PM", "Metro Staff"),
        ("By Staff Reports -", "Staff Reports"),
        ("Reuters reported on Monday that the talks had stalled", None),
        ("Reuters, Washington,", "Reuters"),
        ("PTI, New Delhi", "PTI"),
        ("Ani, my friend", None),
        ("Reuters, Washington, and other capitals", None),
    ],
)
def test_an_agency_or_a_newsroom_with_its_date_is_the_author(line: str, agency: str | None) -> None:
    from tui.cleaning.byline_forms import agency_byline

    assert agency_byline(line) == agency


def test_an_agency_dateline_under_the_headline_names_the_author() -> None:
    body = [
        "The city council voted on Tuesday to approve a new transport budget that will increase "
        "spending on buses and trams by nearly a fifth, after months of debate over the plan.",
        "Supporters said the plan would cut congestion on the busiest tram lines, while critics "
        "warned that the spending relied on optimistic forecasts of fares and state support.",
    ]
    page = [
        "Home",
        "News",
        "Council approves the new transport budget",
        "Associated Press November 19, 2021, 9:02 AM",
        *body,
    ]
    assert clean("\n".join(page)).meta["author"] == "Associated Press"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Hazel Brook @hazelbrook / 2 days", "Hazel Brook"),
        ("Hazel Brook@HazelBrook", "Hazel Brook"),
        ("Follow us @metronews", None),
        ("Hazel Brook and Tom Reed USA TODAY", "Hazel Brook and Tom Reed"),
        ("Hazel Brook, Associated Press", "Hazel Brook"),
        ("Protesters clash with police in the capital Reuters", None),
    ],
)
def test_a_name_with_its_handle_or_its_outlet_is_a_byline(line: str, name: str | None) -> None:
    from tui.cleaning.byline_forms import name_with_handle, names_with_outlet

    assert (name_with_handle(line) or names_with_outlet(line)) == name


def test_a_job_word_inside_a_link_label_is_no_lead() -> None:
    from tui.cleaning.authors import byline

    assert byline("View author archive") is None  # not the author "archive"
    assert byline("Author Hazel Brook") == "Hazel Brook"
    assert byline("Posted 3 May 2021Author Nina Holt") == "Nina Holt"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Analysis by Hazel Brook, Metro Editor-at-large", "Hazel Brook"),
        ("By Hazel Brook, Tom Reed", "Hazel Brook, Tom Reed"),
        ("By Hazel Brook in Kyiv", "Hazel Brook"),
    ],
)
def test_a_hyphenated_job_after_the_name_is_no_second_name(text: str, name: str) -> None:
    from tui.cleaning.authors import byline

    assert byline(text) == name
