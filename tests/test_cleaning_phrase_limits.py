"""Where a phrase family stops: words that are boilerplate alone ("More", "Report", "Share") but start
real headings, and prose that names a channel."""


def test_a_sentence_naming_a_youtube_channel_is_prose_but_a_channel_prompt_is_not():
    from tui.cleaning.phrases import match_long, match_short

    sentence = (
        "for the challenge we use the sequences from my youtube channel again, which i put together "
        "into one plan for the whole month."
    )
    assert match_long(sentence) is None
    assert match_short("jetzt unseren kanal auf youtube abonnieren") is not None
    assert match_short("unser youtube-kanal") is not None


def test_mehr_aus_is_a_related_head_only_at_the_start_of_a_line():
    from tui.cleaning.phrases import match_short

    assert (
        match_short("videos mehr von uns") is None
        and match_short("mehr zu diesem thema") is not None
    )
    assert match_short("weil er schon lang nicht mehr aus liebe schreibt") is None


def test_more_is_a_menu_word_only_as_the_whole_line():
    from tui.cleaning.phrases import match_short

    for button in ("more", "mehr...", "mehr erfahren", "more info", "mehr themen:"):
        assert match_short(button) == "navigation", button
    assert match_short("more investment in public transport") is None
    assert match_short("mehr investitionen in den bevölkerungsschutz") is None


def test_a_heading_that_starts_with_a_menu_word_is_not_navigation():
    from tui.cleaning.phrases import match_short

    for item in ("home", "search", "top", "zurück zum lexikon", "back to the list", "next post"):
        assert match_short(item) == "navigation", item
    for heading in (
        "home prices rise again",
        "top scientists warn of a hot summer",
        "help for families",
    ):
        assert match_short(heading) is None, heading


def test_headings_starting_with_report_download_or_privacy_are_not_boilerplate():
    from tui.cleaning.phrases import match_short

    assert match_short("report cancel close") == "comment form"
    assert match_short("download") == "advertisement"
    assert match_short("privacy policy") == "cookie notice"
    # a promo between paragraphs ("Discover X Expo 2020 in Macao – ..." in a seed's hand-made gold)
    assert match_short("discover ifx expo asia 2020 in macao") == "advertisement"
    for heading in (
        "report finds more children walk to school",
        "buy now, pay later firms face new rules",
        "download speeds double across the region",
        "new privacy law passes the senate",
    ):
        assert match_short(heading) is None, heading


def test_share_print_email_and_category_start_headings_without_being_buttons():
    from tui.cleaning.phrases import match_short

    assert match_short("share this article") == "share prompt"
    assert match_short("e-mail: redaktion@example.org") == "share prompt"
    assert match_short("category: politics") == "tags"
    for heading in (
        "share prices fall as the central bank raises rates",
        "print edition sales keep falling",
        "category 5 hurricane heads for the coast",
    ):
        assert match_short(heading) is None, heading


def test_english_app_ticket_reply_and_video_prompts_stay_boilerplate():
    from tui.cleaning.phrases import match_short_then_long

    for line in (
        "Download our app",
        "Download the free app for news on the go",
        "Buy tickets for the show",
        "Reply to this comment",
        "Like this article? Share it",
        "More videos",
    ):
        assert match_short_then_long(line.lower()) is not None, line
    for heading in ("download speeds double across the region", "like a river, the crowd moved"):
        assert match_short_then_long(heading) is None, heading
