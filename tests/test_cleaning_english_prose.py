"""Ordinary English news prose that boilerplate phrase families must not swallow."""

from support import PARAS

from tui.cleaning import clean

NEWS_PROSE = [
    "Officials declined to comment on the investigation, citing privacy rules that protect the identity of the "
    "victims involved.",
    "The ministry did not immediately respond to a request to comment on the figures, which were published on "
    "Monday by the statistics office.",
    "The newspaper, which has more than a million subscribers, said it would support independent journalism in "
    "the region for years to come.",
    "The app asks users to accept cookies before they can read any articles, a practice regulators have "
    "criticized as unfair to readers.",
    "The photo, which was taken in 2019, shows the senator standing next to the businessman at a fundraising "
    "dinner in Miami.",
    "The deal is expected to close early next year, two people familiar with the matter told Reuters.",
    "The company did not respond to a request for comment on the lawsuit, which was filed on Friday, from AFP.",
]


def test_credit_lines_still_count_as_captions():
    for credit in [
        "Photo: Reuters",
        "Picture alliance / dpa",
        "Jane Doe, Reuters",
        "Photo by John Smith/Getty Images",
    ]:
        assert clean("\n".join([*PARAS[:2], credit, *PARAS[2:]])).body.split("\n\n") == PARAS, (
            credit
        )


def test_news_prose_that_mentions_comments_cookies_or_subscribers_is_kept():
    raw = "\n".join(
        ["City council approves transport budget after months of debate", *PARAS, *NEWS_PROSE]
    )
    assert clean(raw).body.split("\n\n") == PARAS + NEWS_PROSE


SHORT_NEWS_SENTENCES = [
    "More than 200 people were evacuated overnight.",
    "Home prices fell for a third month.",
    "Search teams found the hikers on Sunday.",
    "Share prices rose after the announcement.",
    "Privacy advocates criticized the decision.",
    "Like many of his colleagues, he had not been paid.",
    "Comments like these are not helpful, she said.",
    "Download speeds remain slow in rural areas.",
    "Each of the partners will receive an equal share.",
]


def test_one_sentence_paragraphs_that_begin_with_a_menu_word_are_kept():
    body = [
        PARAS[0],
        *SHORT_NEWS_SENTENCES[:5],
        PARAS[1],
        *SHORT_NEWS_SENTENCES[5:],
        PARAS[2],
        PARAS[3],
    ]
    raw = "\n".join(["City council approves transport budget after months of debate", *body])
    assert clean(raw).body.split("\n\n") == body


def test_menu_words_and_prompts_are_still_boilerplate():
    for line in [
        "Home",
        "Share",
        "More",
        "Privacy",
        "Comments",
        "Liked this story? Please share!",
        "Subscribe to our newsletter for daily updates.",
    ]:
        assert clean("\n".join([*PARAS[:2], line, *PARAS[2:]])).body.split("\n\n") == PARAS, line


def test_english_bylines_and_datelines_are_not_comment_signatures():
    standfirst = (
        "The plan, which was first proposed two years ago, would add new bus routes across the city and "
        "pay for them with a tax on parking, a measure that business owners have opposed from the start."
    )
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            standfirst,
            "By Jane Doe | March 4, 2024",
            "Published March 4, 2024 at 3:45 pm",
            *PARAS,
        ]
    )
    cleaned = clean(raw)
    assert all(p in cleaned.body for p in PARAS)
    assert cleaned.meta["author"] == "Jane Doe" and cleaned.meta["date"] == "2024-03-04"
    from tui.cleaning.features import line_features
    from tui.cleaning.lines import split_lines

    lines = (
        "By Jane Doe | March 4, 2024\nPublished March 4, 2024 at 3:45 pm\nJane Doe | March 4, 2024"
    )
    assert [f.comment for f in line_features(split_lines(lines))] == [False, False, True]


def test_english_news_page_with_related_coverage_newsletter_and_disqus_thread():
    from pathlib import Path

    raw = (Path(__file__).parent / "data" / "cleaning-english-news.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    paragraphs = cleaned.body.split("\n\n")
    assert cleaned.title == "Senate passes sweeping infrastructure bill after weeks of talks"
    assert (
        cleaned.meta["author"] == "Jane Doe and John Smith" and cleaned.meta["date"] == "2024-03-04"
    )
    assert paragraphs[0].startswith(
        "The $1 trillion package would fund"
    )  # the standfirst below the title
    assert paragraphs[1].startswith("WASHINGTON — The Senate on Tuesday passed")
    assert "The vote was 69 to 30." in paragraphs
    assert "What happens next" in paragraphs  # a subheading right after an inline read-more link
    assert paragraphs[-1].startswith("Officials said the money would be distributed")
    for out in [
        "Read more:",
        "Image caption",
        "executive order",
        "budget plan",
        "newsletter",
        "waste of money",
        "Finally some good news",
        "Reporting by",
    ]:
        assert out not in cleaned.body, out


def test_a_lead_sentence_on_the_body_topic_above_a_short_gap_is_kept():
    lead = "The city council approved a larger transport budget on Tuesday after months of debate."
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            "By Jane Doe",
            "March 4, 2024",
            "Listen to this article",
            "Save",
            "Share",
            lead,
            "Local",
            "Transport",
            *PARAS,
        ]
    )
    assert clean(raw).body.split("\n\n")[0] == lead
    off_topic = (
        "Our weekend guide has the best concerts, markets and walks across the region this month."
    )
    assert off_topic not in clean(raw.replace(lead, off_topic)).body


def test_a_short_subtitle_below_the_title_is_kept_but_a_tag_line_is_not():
    dek = "Supporters say the new bus routes will cut congestion in the city"
    tags = "Transport Budget City Council Buses Parking"
    raw = "\n".join(
        [
            "Home",
            "News",
            "City council approves transport budget after months of debate",
            dek,
            tags,
            "By Jane Doe | March 4, 2024",
            *PARAS,
        ]
    )
    cleaned = clean(raw)
    assert cleaned.title == "City council approves transport budget after months of debate"
    assert cleaned.body.split("\n\n") == [dek, *PARAS]
