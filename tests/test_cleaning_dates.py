"""Which date on a page is the article's: the families of wrong picks seen across sites (dateline.py)."""

from __future__ import annotations

import pytest

from tui.cleaning import clean
from tui.cleaning.dates import find_date, numeric_order

_PROSE = (
    "The council voted on Tuesday to expand the city's tram network after a long debate about "
    "costs, routes and the years of building work that residents along the line would face."
)
_TITLE = "City expands tram network to the harbour"


def test_a_line_repeating_the_title_with_a_date_dates_the_article_however_far() -> None:
    comments = ["Comments", "Jane Roe", "3 December 2022 at 10:15", "Great news for us."]
    menu = [f"Menu entry {k}" for k in range(45)]
    teasers = [
        "Most read",
        f"{_TITLE} 21.11.2022",  # this article's own teaser, far below the title
        "Bridge closed for repairs until spring 24.11.2022",
    ]
    page = "\n".join([_TITLE, *[_PROSE] * 6, *comments, *menu, *teasers])
    assert clean(page).meta["date"] == "2022-11-21"


def test_the_title_inside_a_longer_headline_is_another_articles() -> None:
    menu = [f"Menu entry {k}" for k in range(45)]
    other = f"Five years on: how the {_TITLE.lower()} changed the old town 12.02.2021"
    page = "\n".join([_TITLE, "21.11.2022", *[_PROSE] * 6, *menu, other])
    assert clean(page).meta["date"] == "2022-11-21"


def test_an_embedded_posts_date_is_not_the_articles() -> None:
    embed = [
        "Huge crowds at the opening today! pic.twitter.com/abc123",
        "— Jane Roe (@janeroe) May 2, 2020",
        "A post shared by Tram Fans (@tramfans) on May 1, 2020 at 4:40pm PDT",
    ]
    page = "\n".join([_TITLE, _PROSE, *embed, *[_PROSE] * 12, "May 4, 2020 | Metro desk"])
    assert clean(page).meta["date"] == "2020-05-04"


def test_a_byline_ending_in_its_date_is_the_dateline_not_an_event() -> None:
    byline = "Story and photos by Jane Roe, City Herald - 3 May 2022 at 18:55"
    page = "\n".join([_TITLE, byline, _PROSE, _PROSE, "Archive photo 4 May 2022", *[_PROSE] * 6])
    assert clean(page).meta["date"] == "2022-05-03"


def test_a_date_the_line_talks_about_loses_even_to_a_far_dateline() -> None:
    event = "Tickets for the opening ride are on sale until 14 August 2017"
    page = "\n".join([_TITLE, event, *[_PROSE] * 12, "Saturday, 9 September 2017"])
    assert clean(page).meta["date"] == "2017-09-09"


def test_a_page_stamp_beats_a_date_the_text_talks_about() -> None:
    event = "The next meeting takes place on Wednesday, 5 February 2020 at 7 pm in the town hall."
    menu = [f"Menu entry {k}" for k in range(45)]
    stamp = "This page was last edited on 29 January 2020, at 13:22."
    page = "\n".join([_TITLE, event, *[_PROSE] * 3, *menu, stamp])
    assert clean(page).meta["date"] == "2020-01-29"


def test_a_long_footer_saying_when_the_entry_was_posted_dates_it() -> None:
    footer = (
        "This entry was posted on Wednesday, November 27th, 2019 at 3:21 pm and is filed under "
        "News, Tastings. You can follow any responses to this entry through the RSS 2.0 feed."
    )
    menu = [f"Menu entry {k}" for k in range(45)]
    page = "\n".join([_TITLE, *[_PROSE] * 4, *menu, footer])
    assert clean(page).meta["date"] == "2019-11-27"


def test_a_dated_ticker_over_the_title_loses_to_a_dateline_further_down() -> None:
    ticker = [f"[ {day} February 2020 ] Another story from the news ticker" for day in (26, 20, 19)]
    page = "\n".join([*ticker, _TITLE, *[_PROSE] * 15, "16 May 2019 | Jane Roe"])
    assert clean(page).meta["date"] == "2019-05-16"


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (["Posted 25.05.2021, 10:00"], False),  # a comma or a stop may end the telling date
        (["Meeting held on 12/31/2020."], True),
        (["04/06/2021", "version 13.12.2021.5"], None),  # a longer dotted number tells nothing
        (["total 1.13.20,5"], None),  # nor a decimal
    ],
)
def test_the_page_order_is_told_by_dates_ending_in_a_stop_or_comma(
    texts: list[str], order: bool | None
) -> None:
    assert numeric_order(texts) is order


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Posted on the 3rd of March, 2023", "2023-03-03"),
        ("03-Mar-2023 10:35", "2023-03-03"),
        ("15 de noviembre del 2019", "2019-11-15"),
    ],
)
def test_day_month_year_in_more_forms(text: str, iso: str) -> None:
    hit = find_date(text)
    assert hit is not None and hit[0] == iso


@pytest.mark.parametrize(
    ("stamp", "footer", "date"),
    [
        ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "© 2021 Example Media", "2021-11-18"),
        ("Posted Mar 3", "Copyright 2019-2022 Example Media", "2022-03-03"),
        ("Posted Nov 18, 8:19 PM", "Example Media", None),  # no year anywhere: no date
    ],
)
def test_a_yearless_dateline_takes_the_year_of_the_pages_copyright(
    stamp: str, footer: str, date: str | None
) -> None:
    page = "\n".join([_TITLE, stamp, *[_PROSE] * 4, "Privacy Policy", footer])
    assert clean(page).meta["date"] == date
