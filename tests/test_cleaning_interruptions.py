"""A body is rarely one run: inline teasers and galleries interrupt it, and the article goes on after them."""

from tui.cleaning import clean

BEFORE = [
    "The city council voted on Tuesday to approve a new transport budget that will increase spending on "
    "buses and trams by nearly a fifth, after months of debate over how the council should pay for it.",
    "Supporters of the transport budget said the plan would cut congestion on the busiest tram lines and "
    "help the council meet its climate targets, while critics warned that the spending relied on forecasts.",
    "Council members who voted against the transport budget said the money for new trams should have come "
    "from the state, and that bus passengers in the suburbs would wait years for better services.",
]
AFTER = [
    "The transport budget now goes to the state legislature, which is expected to review the council's "
    "spending on buses and trams before the end of the month, according to officials.",
    "Council officials said the first new trams would run on the busiest lines next spring, and that bus "
    "fares would not rise while the transport budget is being reviewed by the legislature.",
    "The mayor said the council would publish a report on the new tram lines every three months, so that "
    "passengers could see how the transport budget was being spent on buses and trams across the city.",
]
HEAD = ["Home", "News", "Transport budget approved after months of debate", "By Jane Doe"]


def test_an_inline_related_block_does_not_end_the_article():
    teasers = [
        "Related Coverage",
        "Mayor faces questions over stadium deal",
        "Rail strike enters third day",
    ]
    page = "\n".join(
        [*HEAD, *BEFORE, *teasers, *AFTER, "Related Articles", "Other story in the news"]
    )
    cleaned = clean(page)
    assert cleaned.body.split("\n\n") == BEFORE + AFTER
    reasons = {line.reason for line in cleaned.lines if line.decision == "boilerplate"}
    assert "related-posts block" in reasons  # every dropped line still says why


def test_a_picture_gallery_inside_the_body_is_bridged():
    gallery = []
    for k in range(1, 6):
        gallery += [
            f"{k}/5 Markets rally on hopes of a rate cut",
            "Shares in London rose sharply on Monday as investors bet that the central bank would cut "
            "interest rates at its next meeting, lifting banks and housebuilders across the board.",
            "Getty",
        ]
    cleaned = clean("\n".join([*HEAD, *BEFORE, "Business news in pictures", *gallery, *AFTER]))
    assert cleaned.body.split("\n\n") == BEFORE + AFTER
