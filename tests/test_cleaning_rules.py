"""Typical English news-page shapes: what the cleaner keeps, drops, and why."""

from support import PARAS

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


def _by_text(cleaned, raw):
    return {raw[line.start : line.end]: line for line in cleaned.lines}


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
    lines = _by_text(cleaned, PAGE)
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
    lines = _by_text(base, PAGE)
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


def test_phrase_prefilter_never_changes_the_answer():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tui.cleaning import phrases

    def brute(families, lowered, sentence=False):
        return next(
            (
                f.reason
                for f in families
                if not (sentence and f.menu_word) and f.pattern.search(lowered)
            ),
            None,
        )

    families = phrases.SHORT_FAMILIES + phrases.LONG_FAMILIES
    words = st.sampled_from(
        sorted({n for f in families for n in f.needs or ()})
        + [
            "we use cookies",
            "(source: riivka)",
            "photo:",
            "getty images",
            "read more:",
            "hi, i'm",
            ">> more <<",
            "home › news › world",
            "the",
            "news",
            " ",
            ".",
            ":",
            "(",
            ")",
            "©",
        ]
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(words, max_size=10).map(" ".join), st.booleans())
    def check(text, sentence):
        assert phrases.match_long(text) == brute(phrases.LONG_FAMILIES, text)
        assert phrases.match_short.__wrapped__(text, sentence) == brute(
            phrases.SHORT_FAMILIES, text, sentence
        )

    check()


def test_needles_are_in_every_match():
    from tui.cleaning.needles import needles

    assert needles(r"^(skip to|jump to)\b") == ("jump to", "skip to")
    assert needles(r"e-?mail|print") == ("mail", "print")
    assert needles(r"(a|)b?") is None  # an empty branch: nothing is certain
    assert needles(r"[\w ]+") is None
    assert needles(r".*\((foto|source)\s*:") == ("foto", "source")


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


def test_blocks_below_the_article_are_named():
    cleaned = clean(PAGE)
    lines = _by_text(cleaned, PAGE)
    assert lines["Mayor unveils plan for new bike lanes"].reason == "related-posts block"
    comment = "This is a waste of money and the council should have listened to the people who pay for it."
    assert lines[comment].reason == "reader comments"
    assert lines["Mark says:"].reason == "reader comments"


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
    lines = _by_text(cleaned, raw)
    assert {lines[t].reason for t in WORDPRESS_COM_TAIL[-6:]} <= {"comment form", "copyright"}
    assert lines["Click to print (Opens in new window)"].reason == "share prompt"
    assert lines[WORDPRESS_COM_TAIL[5]].reason == "tags"


def test_title_is_the_headline_that_names_what_the_body_is_about(monkeypatch):
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

    w, mu, sd = titles.weights()
    topic = {titles.FEATURES.index(n) for n in ("body_vocab", "shared_words", "most_on_topic")}
    blind = tuple(0.0 if i in topic else x for i, x in enumerate(w))
    monkeypatch.setattr(titles, "weights", lambda: (blind, mu, sd))
    assert (
        clean(raw).title == "Our pick of weekend podcasts and playlists"
    )  # the learned ranker without the body's vocabulary: the nearest line wins


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
    assert _by_text(cleaned, raw)[sidebar[0]].reason == "reader comments"


def test_server_errors_and_cookie_notices_above_the_article_are_dropped():
    top = [
        "Deprecated: Assigning the return value of new by reference is deprecated in "
        "/www/htdocs/site/wp-settings.php on line 472",
        "Cookies help us deliver our services. By using our services, you agree to our use of cookies and to "
        "the cookie policy of this website.",
    ]
    raw = "\n".join([*top, "City council approves transport budget after months of debate", *PARAS])
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    lines = _by_text(cleaned, raw)
    assert (
        lines[top[0]].reason == "server error message" and lines[top[1]].reason == "cookie notice"
    )


def test_embed_consent_placeholders_are_boilerplate():
    embed = "Click the button below to load the content from www.komoot.com."
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            PARAS[0],
            embed,
            *PARAS[1:],
        ]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    assert _by_text(cleaned, raw)[embed].reason == "cookie notice"


def test_english_captions_signup_boxes_and_disqus_style_threads_stay_out():
    comment = (
        "I have lived here for thirty years and this is the first time the council has listened to "
        "the people who actually take the bus every day, so well done to them."
    )
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            PARAS[0],
            "Image source, Getty Images",
            "Image caption, The mayor spoke to reporters after the vote",
            PARAS[1],
            "Sign up for our morning newsletter and get the news delivered to your inbox.",
            "By signing up, you agree to our Terms of Use and Privacy Policy.",
            PARAS[2],
            PARAS[3],
            "Related Coverage",
            "12 comments",
            "Sort by",
            "Newest",
            "mike_99 • 3 years ago",
            comment,
            "Reply",
            "jane.d · 2 hours ago",
            comment,
            "Reply",
        ]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    lines = _by_text(cleaned, raw)
    assert lines["Image caption, The mayor spoke to reporters after the vote"].reason == "caption"
    assert lines["mike_99 • 3 years ago"].reason == "reader comments"


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
    lines = _by_text(cleaned, raw)
    assert lines[caption].reason == "caption" and lines[teaser].reason == "related-posts block"


def test_the_body_reaches_over_a_list_to_a_paragraph_on_the_same_topic():
    items = [
        "Bus routes",
        "Tram lines",
        "Night buses",
        "Park and ride",
        "Ticket prices",
        "Bike sharing",
        "Station repairs",
        "Accessible stops",
    ]
    same = (
        "The transport budget also sets aside money for new bus shelters, and the council said the state "
        "legislature would be asked to approve the spending on public transport before the end of the month."
    )
    other = (
        "Our favourite recipes this season include a slow roasted pumpkin soup with ginger, a lemon cake "
        "with almonds and honey, and a warming stew of beans and smoked paprika for cold evenings."
    )
    title = "City council approves transport budget after months of debate"
    assert clean("\n".join([title, *PARAS, *items, same])).body.split("\n\n") == PARAS + items + [
        same
    ]
    assert clean("\n".join([title, *PARAS, *items, other])).body.split("\n\n") == PARAS


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
    assert len(_teaser_streaks_of(raw)) == 6  # the six summaries, not the article's paragraphs


def _teaser_streaks_of(raw):
    from tui.cleaning.classify import _teaser_streaks
    from tui.cleaning.features import line_features
    from tui.cleaning.lines import split_lines

    return _teaser_streaks(line_features(split_lines(raw)))
