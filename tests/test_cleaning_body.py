"""Where the body starts and ends: menus above it, share bars, comment threads and teaser lists below it."""

from support import PARAS, by_text

from tui.cleaning import clean

BLOG = "\n".join(
    [
        "My Garden Notes",
        "Home",
        "About",
        "Recipes",
        "Contact",
        "How I finally got my tomatoes to ripen in a cold summer",
        "Posted on August 14, 2023 by Sarah Miller",
        "This year the weather was colder than usual, and by the middle of August most of my tomatoes "
        "were still green on the vine, which was a little worrying for a whole season of work.",
        "I tried a few tricks that older gardeners in the neighbourhood swear by, and some of them "
        "worked better than I expected, so I am writing them down here for next year.",
        "First, I removed most of the leaves that were shading the fruit, so that the sun could reach "
        "the tomatoes for a few more hours each day during the warm afternoons.",
        "Share this:",
        "Twitter",
        "Facebook",
        "Like this:",
        "Like Loading...",
        "Categories: Vegetables",
        "Tags: tomatoes, cold summer, ripening",
        "3 thoughts on “How I finally got my tomatoes to ripen in a cold summer”",
        "Tom says:",
        "August 15, 2023 at 9:12 am",
        "Great tips, I will try the leaf trick on my own plants this weekend and report back.",
        "Reply",
        "Anna says:",
        "August 16, 2023 at 6:40 pm",
        "We had the same problem this year and it was very frustrating, thanks for sharing what worked.",
        "Reply",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Proudly powered by WordPress",
    ]
)


def test_blog_post_without_share_bar_comments_or_form():
    cleaned = clean(BLOG)
    assert cleaned.title == "How I finally got my tomatoes to ripen in a cold summer"
    paragraphs = cleaned.body.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("This year the weather")
    assert cleaned.meta["author"] == "Sarah Miller" and cleaned.meta["date"] == "2023-08-14"
    assert "leaf trick" not in cleaned.body and "Reply" not in cleaned.body


def test_menu_between_a_top_blurb_and_the_article_is_not_body():
    blurb = (
        "Officials in the neighbouring county said on Monday that they would review the plan for "
        "the stadium after residents complained about the cost of it."
    )
    menu = [
        "World",
        "Business",
        "Politics",
        "Tech",
        "Science",
        "Health",
        "Sport",
        "Arts",
        "Travel",
        "Opinion",
    ]
    raw = "\n".join(
        [
            blurb,
            *menu,
            "City council approves transport budget after months of debate",
            "By Jane Doe",
            *PARAS,
        ]
    )
    cleaned = clean(raw)
    assert cleaned.title == "City council approves transport budget after months of debate"
    assert cleaned.meta["author"] == "Jane Doe"
    assert not any(item in cleaned.body.split("\n\n") for item in menu)
    assert all(p in cleaned.body for p in PARAS)


WORDPRESS_COM_TAIL = [
    "Share this:",
    "Click to share on Twitter (Opens in new window)",
    "Click to print (Opens in new window)",
    "Like this:",
    "Like Loading...",
    "This entry was posted in News and tagged politics. Bookmark the permalink.",
    "Leave a Reply Cancel reply",
    "Enter your comment here...",
    "Fill in your details below or click an icon to log in:",
    "You are commenting using your WordPress.com account. ( Log Out / Change )",
    "Notify me of new comments via email.",
    "Notify me of new posts via email.",
    "Create a free website or blog at WordPress.com.",
    "Already have a WordPress.com account? Log in now.",
]


def test_blog_platform_share_buttons_and_comment_form_are_named_boilerplate():
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            *PARAS,
            *WORDPRESS_COM_TAIL,
        ]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    lines = by_text(cleaned, raw)
    assert {lines[t].reason for t in WORDPRESS_COM_TAIL[-6:]} <= {"comment form", "copyright"}
    assert lines["Click to print (Opens in new window)"].reason == "share prompt"
    assert lines[WORDPRESS_COM_TAIL[5]].reason == "tags"


def test_title_is_the_headline_that_names_what_the_body_is_about():
    raw = "\n".join(
        [
            "Home",
            "News",
            "Council approves transport budget for the city",
            "Our pick of weekend podcasts and playlists",
            *PARAS,
        ]
    )
    assert clean(raw).title == "Council approves transport budget for the city"
    from tui.cleaning import titles

    weights = dict(zip(titles.FEATURES, titles.weights()[0], strict=True))
    assert weights["body_vocab"] > 0  # the learned ranker: words shared with the body make a title


def test_a_list_item_or_an_address_is_never_a_title_candidate():
    from tui.cleaning import titles
    from tui.cleaning.features import line_features
    from tui.cleaning.lines import split_lines

    heads = [
        "Council approves transport budget for the city",
        "- Council approves transport budget for the city",
        "• Weekend markets reopen in the old town square",
        "Write to newsdesk@example.org with your questions",
        "Read more at www.example.org/council-budget-story",
    ]
    feats = line_features(split_lines("\n".join([*heads, *PARAS])))
    n = len(feats)
    found = titles.candidates(feats, ["boilerplate"] * n, [None] * n, 5, [False] * n, frozenset())
    assert [feats[j].line.text for j, _ in found] == heads[:1]


def test_a_sentence_ending_with_the_blog_name_is_no_echo_of_a_title():
    from tui.cleaning import titles
    from tui.cleaning.features import line_features
    from tui.cleaning.lines import split_lines

    closing = (
        "More on the council and its plans for the buses will follow next week, as always "
        "here on City Hall Notes."
    )
    for last, echoed in (
        (closing, 0.0),
        ("Council approves transport budget | City Hall Notes", 1.0),
    ):
        lines = ["City Hall Notes", "Council approves transport budget", *PARAS, last]
        feats = line_features(split_lines("\n".join(lines)))
        n = len(feats)
        found = dict(
            titles.candidates(feats, ["content"] * n, [None] * n, 2, [False] * n, frozenset())
        )
        assert found[0][titles.FEATURES.index("ends_other")] == echoed


def test_a_comment_form_ends_even_a_short_post():
    post = (
        "Last night the sky over the hills was clear enough to photograph the Pleiades with a small "
        "telephoto lens, sixty exposures of three minutes each."
    )
    sidebar = [
        "Stargazer Monthly was a magazine for practical astronomy that was published for many years and was "
        "read by beginners and experienced observers alike, with star charts and equipment tests in each issue.",
        "Our guide for beginners explains how to choose a first telescope, where to observe from, and which "
        "objects are worth finding in the first few clear nights of the season.",
    ]
    raw = "\n".join(
        [
            "Pleiades, M45",
            post,
            "Leave a comment",
            "Comment",
            "Name*",
            "Email*",
            "Website",
            *sidebar,
        ]
    )
    cleaned = clean(raw)
    assert cleaned.body == post
    assert by_text(cleaned, raw)[sidebar[0]].reason == "reader comments"


def _ends_at(marker_lines, after):
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            *PARAS,
            *marker_lines,
            *after,
        ]
    )
    return clean(raw).body.split("\n\n")


AFTER = [
    "The council also debated a plan for new cycle lanes on the ring road, which officials said could be built "
    "within three years if the money from the state arrives on time and the work is not delayed by the weather.",
]


def test_about_the_author_thread_headings_and_post_links_end_the_article():
    assert _ends_at(["About the author / Jane Doe"], AFTER) == PARAS
    assert _ends_at(["3 Responses to “City council approves transport budget”"], AFTER) == PARAS
    assert _ends_at(["1 reply on “City council approves transport budget”"], AFTER) == PARAS
    assert (
        _ends_at(["← Mayor unveils plan for bike lanes → Bridge repairs start in May"], AFTER)
        == PARAS
    )
    assert _ends_at(["« Previous Post: Mayor unveils plan for new bike lanes"], AFTER) == PARAS
    assert _ends_at(["While you're here…"], AFTER) == PARAS
    assert _ends_at(["Author", "Jane Doe"], AFTER) == PARAS
    assert "Pingback: Weekly roundup" not in "".join(
        _ends_at(["Pingback: Weekly roundup of local news"], [])
    )
    assert _ends_at([], AFTER) == PARAS + AFTER  # without a marker the paragraph is the article's


def test_captions_credited_in_parentheses_and_inline_teasers_are_dropped():
    caption = "Protesters gather outside the parliament building on Tuesday (AP/Jane Doe)"
    teaser = "You might also like: Ten ways to save energy at home this winter without spending a fortune on it"
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            PARAS[0],
            caption,
            PARAS[1],
            teaser,
            *PARAS[2:],
        ]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    lines = by_text(cleaned, raw)
    assert lines[caption].reason == "caption" and lines[teaser].reason == "related-posts block"


def test_a_dateline_with_a_clock_time_is_not_a_comment_thread():
    blurb = (
        "Our live coverage of the storm that hit the coast this week brings you the latest news, the "
        "warnings from the weather service, analysis from our science desk and pictures from the towns "
        "that were flooded, updated through the day by our reporters on the ground."
    )
    raw = "\n".join(
        [
            blurb,
            "Home",
            "Politics",
            "City council approves transport budget after months of debate",
            "Jane Doe",
            "03/05/2024 22:46",
            "Politics",
            "Updated 03/05/2024 22:46",
            *PARAS,
        ]
    )
    assert all(p in clean(raw).body for p in PARAS)


def test_a_streak_of_lone_summaries_after_the_article_is_a_teaser_list():
    teasers = []
    for k, topic in enumerate(
        [
            "parking fees",
            "school buses",
            "river bridge",
            "night trams",
            "cycle lanes",
            "train station",
        ]
    ):
        teasers += [
            f"Politics | March {k + 1}",
            f"Council to review {topic} next year",
            f"Officials said on Monday that the plan for {topic} would be discussed again in the spring, "
            f"after residents asked for more time to comment on the cost and on the timetable of the work.",
        ]
    raw = "\n".join(
        ["City council approves transport budget after months of debate", *PARAS, *teasers]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    assert len(teaser_streaks_of(raw)) == 6  # the six summaries, not the article's paragraphs


def teaser_streaks_of(raw):
    from tui.cleaning.body import teaser_streaks
    from tui.cleaning.features import line_features
    from tui.cleaning.lines import split_lines

    return teaser_streaks(line_features(split_lines(raw)))
