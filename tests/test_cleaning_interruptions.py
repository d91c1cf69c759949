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


def test_a_most_popular_sidebar_above_the_story_does_not_end_it():
    captions = [
        "1of3 A bus waits at the new tram stop on Main Street, Tuesday, in the city centre, where the "
        "council plans to add two more lines next year after the budget vote.",
        "2of3 Passengers board a tram at the central station during the morning rush hour on Tuesday, as "
        "council members met to vote on the new transport budget for the city.",
        "3of3 A shopper looks at the timetables at the tram stop on Main Street, Tuesday, where the "
        "council's plan would add more trams to the busiest routes in the morning.",
    ]
    sidebar = ["Most Popular", "Fire damages old theatre downtown", "Best pizza in town, ranked"]
    story = (
        BEFORE
        + AFTER
        + [
            "Transport groups welcomed the vote but said the council must now show that the money reaches "
            "the bus routes in the suburbs, where passengers have waited longest for better services."
        ]
    )
    cleaned = clean(
        "\n".join([*HEAD, *captions, *sidebar, *story, "Related Articles", "Other story"])
    )
    body = cleaned.body.split("\n\n")
    assert body[-len(story) :] == story
    assert not set(sidebar) & set(body)
    dropped = {line.reason for line in cleaned.lines if line.decision == "boilerplate"}
    assert None not in dropped


def test_a_related_block_after_a_long_story_still_ends_it():
    teasers = [
        "Most Popular",
        "Rail strike enters third day as talks stall between the union and the operator over pay.",
        "Stadium deal questioned by auditors, who say the city paid too much for the land it bought.",
    ]
    cleaned = clean("\n".join([*HEAD, *BEFORE, *AFTER, *teasers]))
    assert cleaned.body.split("\n\n") == BEFORE + AFTER


MORE = [
    "The transport budget also sets aside money for new bus shelters and for the council's plan to "
    "make every tram stop accessible, which officials said would take until the end of the decade.",
    "Council members said the tram stops on the busiest lines would be rebuilt first, and that the "
    "transport budget would pay for new lifts at the central station before any other project.",
]


def test_a_more_from_sidebar_inside_the_story_is_bridged():
    sidebar = [
        "More from UK",
        "Rail strike enters third day as talks stall",
        "Stadium deal questioned by auditors",
        "Lottery ticket holder wins jackpot prize",
    ]
    story_after = AFTER + MORE
    cleaned = clean("\n".join([*HEAD, *BEFORE, *sidebar, *story_after, "Related Articles", "x y"]))
    assert cleaned.body.split("\n\n") == BEFORE + story_after


def test_dated_teasers_after_a_more_from_head_stay_out():
    teasers = [
        f"0{k}.11.2021 - Transport news: the council's tram plan, bus fares and the budget for buses "
        "and trams in the city centre, as the legislature prepares to review the spending."
        + " "
        * k
        for k in range(1, 5)
    ]
    cleaned = clean("\n".join([*HEAD, *BEFORE, *AFTER, "More from transport", *teasers]))
    assert cleaned.body.split("\n\n") == BEFORE + AFTER


def test_the_story_below_a_short_lead_is_weighed_across_several_related_boxes():
    lead = [
        "A third case of plague has been confirmed in the northern province, health officials said on "
        "Tuesday, as residents began to worry about a wider outbreak in the region.",
        "The provincial government said the patient, a herdsman, was taken to hospital by ambulance "
        "on Sunday night and placed in isolation while tests were carried out by the laboratory.",
        "Officials in the province asked villagers near the grasslands to report any sick animals and "
        "to avoid contact with wild rodents until the investigation has been completed.",
    ]
    box = ["Related articles", "Storm warning issued for the coast", "Markets fall on rate fears"]
    part1 = [
        "Doctors treating him say his condition is stable after antibiotics were given early, and "
        "twenty-eight people who met him have shown no symptoms so far.",
        "Two contractors caught the pneumonic form earlier this month and remain in intensive care in "
        "the capital, where specialists from the national centre are monitoring them.",
    ]
    part2 = [
        "Historians recall that the black death killed up to sixty percent of the population of medieval "
        "cities, spreading along trade routes from the steppes to the ports of the Mediterranean.",
        "Modern medicine treats the infection with common antibiotics, so deaths are rare when patients "
        "reach a clinic quickly, according to guidance published by international agencies.",
        "Isolated cases appear every year in several countries, including the United States, where "
        "about a dozen people are diagnosed annually in rural western states.",
        "Vaccines exist but are rarely used outside laboratories, because the bacterium is carried by "
        "fleas that live on marmots, squirrels and other small mammals in remote areas.",
        "Researchers studying ancient skeletons have traced the bacterium back thousands of years, long "
        "before the famous pandemics that were recorded in medieval chronicles and letters.",
    ]
    cleaned = clean("\n".join([*HEAD, *lead, *box, *part1, *box, *part2, "Most Popular", "x"]))
    # what lies below the first box outweighs the lead only when counted past the second box
    assert cleaned.body.split("\n\n")[: len(lead + part1)] == lead + part1


def test_a_caption_and_its_shortened_copy_with_a_more_less_toggle_are_dropped():
    caption = (
        "The mayor, left, and the transport minister shake hands at the opening of the new tram depot "
        "on Tuesday, after the council approved the budget for buses and trams."
    )
    shortened = caption[:90].rstrip() + " ... more"
    teaser_stub = (
        "A line that stops short on its own and is copied nowhere else on the page, so it..."
    )
    page = "\n".join([*HEAD, *BEFORE, caption + " less", shortened, teaser_stub, *AFTER])
    cleaned = clean(page)
    assert cleaned.body.split("\n\n") == BEFORE + [teaser_stub] + AFTER
    why = {line.reason for line in cleaned.lines if line.decision == "boilerplate"}
    assert {"shortened copy", "caption"} <= why


def test_embedded_posts_with_report_buttons_do_not_end_the_article():
    embeds = ["Image Copyright @janedoe", "Report", "Image Copyright @cityhall", "Report"]
    cleaned = clean("\n".join([*HEAD, *BEFORE, *embeds, *AFTER]))
    assert cleaned.body.split("\n\n") == BEFORE + AFTER


def test_a_comment_form_still_ends_the_article():
    form = ["Report", "Reply", "Report"]
    cleaned = clean("\n".join([*HEAD, *BEFORE, *form, *AFTER]))
    assert cleaned.body.split("\n\n") == BEFORE
