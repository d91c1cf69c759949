"""Typical English news-page shapes: what the cleaner keeps, drops, and why."""

from support import PARAS, by_text

from tui.cleaning import clean
from tui.cleaning.authors import byline, name_by_date
from tui.cleaning.dates import find_date

PAGE = "\n".join(
    [
        "Skip to main content",
        "Home",
        "News",
        "Politics",
        "Business",
        "Sport",
        "Subscribe",
        "Sign in",
        "Politics > Local",
        "City council approves transport budget after months of debate",
        "By Jane Doe and John Smith",
        "Updated March 4, 2024 at 3:45 p.m.",
        "Share on Facebook",
        "Share on Twitter",
        "Copy link",
        PARAS[0],
        PARAS[1],
        "Advertisement",
        "Funding for bus routes",
        PARAS[2],
        PARAS[3],
        "Related Articles",
        "Mayor unveils plan for new bike lanes",
        "The proposal would add forty miles of protected lanes over five years, the mayor said on Monday "
        "at a press conference in the city centre.",
        "Politics / March 1, 2024",
        "12 Comments",
        "Mark says:",
        "March 4, 2024 at 5:01 pm",
        "This is a waste of money and the council should have listened to the people who pay for it.",
        "Reply",
        "© 2024 Example News. All rights reserved.",
        "Privacy Policy",
        "Cookie settings",
    ]
)


def test_english_news_page_body_title_and_meta():
    cleaned = clean(PAGE)
    assert cleaned.title == "City council approves transport budget after months of debate"
    assert cleaned.body.split("\n\n") == [
        PARAS[0],
        PARAS[1],
        "Funding for bus routes",
        PARAS[2],
        PARAS[3],
    ]
    assert cleaned.meta["date"] == "2024-03-04"
    assert cleaned.meta["author"] == "Jane Doe and John Smith"


def test_every_dropped_line_has_a_reason():
    cleaned = clean(PAGE)
    lines = by_text(cleaned, PAGE)
    assert lines["Advertisement"].reason == "advertisement"
    assert lines["Share on Twitter"].reason == "share prompt"
    assert lines["© 2024 Example News. All rights reserved."].decision == "boilerplate"
    assert lines["Reply"].decision == "boilerplate"
    assert all(line.reason for line in cleaned.lines if line.decision in ("boilerplate", "meta"))


def test_comments_and_teasers_stay_out():
    body = clean(PAGE).body
    assert "waste of money" not in body
    assert "bike lanes" not in body and "forty miles" not in body


def test_override_restores_and_drops_lines_in_raw_order():
    base = clean(PAGE)
    lines = by_text(base, PAGE)
    ad = lines["Advertisement"].number
    second = lines[PARAS[1]].number
    cleaned = clean(PAGE, {ad: "content", second: "boilerplate"})
    assert cleaned.body.split("\n\n") == [
        PARAS[0],
        "Advertisement",
        "Funding for bus routes",
        PARAS[2],
        PARAS[3],
    ]
    overridden = {line.number: line for line in cleaned.lines if line.overridden}
    assert overridden[ad].decision == "content" and overridden[second].decision == "boilerplate"


def test_bad_override_value_says_what_to_do():
    import pytest

    with pytest.raises(ValueError, match="'content' or 'boilerplate'"):
        clean(PAGE, {1: "keep"})


def test_empty_and_blank_inputs():
    for raw in ("", "\n\n\r\n", "   "):
        cleaned = clean(raw)
        assert cleaned.text == "" and cleaned.lines == [] and cleaned.title == ""


def test_dates_in_common_forms():
    assert find_date("Published at: Nov. 12, 2018")[0] == "2018-11-12"
    assert find_date("19. Oktober 2019, 19:08 Uhr")[0] == "2019-10-19"
    assert find_date("2019-10-16T10:00:00Z")[0] == "2019-10-16"
    assert find_date("le 3 mars 2020")[0] == "2020-03-03"
    assert find_date("12.11.2018")[0] == "2018-11-12"
    assert find_date("no date here 12345") is None


def test_bylines():
    assert byline("By Jane Doe | May 3, 2024") == "Jane Doe"
    assert byline("Von Fiona Bornhöft und Mariam Hofbeck") == "Fiona Bornhöft und Mariam Hofbeck"
    assert byline("Veröffentlicht am 10. Februar 2019 von Heiko") == "Heiko"
    assert byline("Stand by me") is None
    assert byline("von Sonia Mevißen Erstellt am 01.01.23 um 08:35") == "Sonia Mevißen"
    assert byline("By Jane Doe Published March 4, 2024") == "Jane Doe"


def test_names_beside_a_date_in_a_dateline():
    def name(text):
        hit = find_date(text)
        return name_by_date(text, hit[1], hit[2])

    assert name("04.02.2022 | 13:10 Uhr | Uta Helkenberg") == "Uta Helkenberg"
    assert name("Jane Doe on March 3, 2024") == "Jane Doe"
    assert name("September 17, 2019 Helmut Rubik 0") == "Helmut Rubik"
    assert name("Politics / May 2, 2023") is None  # a section, not a person
    assert name("Updated March 4, 2024 at 3:45 p.m.") is None


def test_blocks_below_the_article_are_named():
    cleaned = clean(PAGE)
    lines = by_text(cleaned, PAGE)
    assert lines["Mayor unveils plan for new bike lanes"].reason == "related-posts block"
    comment = "This is a waste of money and the council should have listened to the people who pay for it."
    assert lines[comment].reason == "reader comments"
    assert lines["Mark says:"].reason == "reader comments"
