"""Phrase families: the prefilter never changes an answer, and each family catches its boilerplate."""

from support import PARAS, by_text

from tui.cleaning import clean


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
    lines = by_text(cleaned, raw)
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
    assert by_text(cleaned, raw)[embed].reason == "cookie notice"


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
    lines = by_text(cleaned, raw)
    assert lines["Image caption, The mayor spoke to reporters after the vote"].reason == "caption"
    assert lines["mike_99 • 3 years ago"].reason == "reader comments"


def test_a_cookie_banner_longer_than_sixty_words_is_still_a_cookie_notice():
    banner = (
        "We use cookies and similar technologies to improve your browsing experience, personalize "
        "content and offers, show targeted ads, analyze traffic, and better understand you. We may "
        "share your information with third-party partners for marketing purposes. To learn more and "
        "make choices about data use, visit our Advertising Policy and Privacy Policy, and you can "
        "change your settings at any time from the link at the bottom of every page of this site."
    )
    assert len(banner.split()) > 60
    raw = "\n".join([banner, *PARAS])
    cleaned = clean(raw)
    assert by_text(cleaned, raw)[banner].reason == "cookie notice"
    assert cleaned.body.split("\n\n") == PARAS


def test_inline_teaser_cards_inside_the_body_are_dropped():
    title = "How to Avoid Impulse Purchases in the Internet Shopping Age"
    card = [
        f"{title} {title} {title[:40]}",
        "When spending money online is as simple as clicking one single button it's difficult … Read more Read",
    ]
    raw = "\n".join([PARAS[0], PARAS[1], *card, PARAS[2], PARAS[3]])
    cleaned = clean(raw)
    lines = by_text(cleaned, raw)
    assert all(lines[c].reason == "related-posts block" for c in card)
    assert cleaned.body.split("\n\n") == PARAS


def test_a_signature_with_a_weekday_and_separators_is_a_comment_signature():
    from tui.cleaning.phrases import comment_signature

    assert comment_signature("Heidemarie Heim | Di, 21. April 2020 - 16:40")
    assert comment_signature("Jane Doe | Tue, 21 April 2020 - 4:40 pm")
    assert comment_signature("18.10.2019, 16:18 Zum Antworten anmelden Zitieren #")
    assert comment_signature("March 4, 2024 at 5:01 pm Reply")
    assert not comment_signature("The council met on Tuesday, 21 April 2020 at 16:40 to vote on it")


def test_download_links_are_named():
    from tui.cleaning.phrases import match_short

    for line in (
        "Dieses Skript als PDF herunterladen",
        "Download the transcript",
        "Download (123 KB)",
    ):
        assert match_short(line.lower()) == "download link", line
    assert match_short("the app lets you download maps before a trip") is None


def test_read_more_buttons_see_also_heads_and_enlarge_hints_are_named():
    from tui.cleaning.phrases import match_long, match_short

    for line in ("weiterlesen 5 Minuten", "Read more", "Mirá también", "See also"):
        assert match_short(line.lower()) == "related-posts block", line
    for line in (
        "Nicht labern, ranklotzen! Foto: Timur | flickr| CC BY 2.0",
        "Erdöl. Bild: TebNad/Shutterstock.com",
    ):
        assert match_long(line.lower()) == "caption", line
    assert match_short("informationsschreiben pdf | 38 kb") == "download link"


def test_newsletter_calls_link_disclaimers_and_licence_lines_are_named():
    from tui.cleaning.phrases import match_long

    cases = {
        "keine neuigkeiten mehr verpassen: abonnieren sie kostenlos den meedia-newsletter.": (
            "subscription prompt"
        ),
        "trotz sorgfältiger kontrolle übernehme ich keine haftung für die inhalte externer links.": (
            "disclaimer"
        ),
        "texte auf dieser webseite stehen unter einer creative commons namensnennung 3.0 lizenz.": (
            "disclaimer"
        ),
    }
    for line, reason in cases.items():
        assert match_long(line) == reason, line


def test_print_pin_shop_and_do_you_like_us_prompts_are_share_prompts():
    from tui.cleaning.phrases import match_short_then_long

    for line in (
        "Rezept drucken Bei Pinterest speichern",
        "Jetzt neu! Besuchen Sie unseren Fan-Shop!",
        "Sie lesen gern Achgut.com?",
        "Enjoying this article?",
    ):
        assert match_short_then_long(line.lower()) == "share prompt", line


def test_comment_count_links_are_named_but_do_not_end_the_article():
    """'11Comments. Click to view comments' under a teaser card is a link, not a comment form: a
    comment form ends the article, a count does not (a card above the article carries one)."""
    from tui.cleaning import clean
    from tui.cleaning.phrases import match_short

    for line in ("11Comments. Click to view comments", "3 Kommentare", "200Comments"):
        assert match_short(line.lower()) in ("comment count", "comment form"), line
    assert match_short("11comments. click to view comments") == "comment count"
    prose = (
        "An unmanned cargo ship heading to the space station broke up in the atmosphere on "
        "Thursday after a malfunction, the space agency said in a statement to the press."
    )
    page = "\n".join(["Space ship breaks up", "11Comments. Click to view comments", *[prose] * 6])
    cleaned = clean(page)
    assert cleaned.title == "Space ship breaks up"
    assert cleaned.body.count("unmanned") == 6


def test_video_player_strings_and_more_articles_invites_are_named():
    from tui.cleaning.phrases import match_long

    assert match_long("this is a modal window.") == "video player"
    assert (
        match_long(
            "this is a modal window. this modal can be closed by pressing the escape key or "
            "activating the close button."
        )
        == "video player"
    )
    assert match_long("beginning of dialog window. escape will cancel and close the window.") == (
        "video player"
    )
    assert match_long("check out more articles on example.com!") == "related-posts block"
    assert match_long("the council said this is a modal shift in transport policy.") is None


def test_reader_prompts_reading_times_ad_labels_and_related_heads_are_named():
    from tui.cleaning.phrases import match_long, match_short_then_long

    for line, reason in (
        (
            "Enjoying this article? Get our best stories in your inbox every week for free.",
            "share prompt",
        ),
        (
            "Du willst mehr über Gärten erfahren? Dann bist du hier genau richtig, schau dich um!",
            "share prompt",
        ),
        (
            "Wenn du per E-Mail über Neues aus dem Verein informiert werden willst, melde dich an.",
            "share prompt",
        ),
        ("Lesedauer: 4 Minuten", "navigation"),
        ("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.", "disclaimer"),
        ("Das könnte dich auch interessieren:", "related-posts block"),
        ("You might also be interested in", "related-posts block"),
        ("Schreibe einen Kommentar", "comment form"),
        ("Merkblatt vom 3. Mai 2021PDF | 38 KB", "download link"),
    ):
        assert match_short_then_long(line.lower()) == reason, line
    assert match_long("readers who want more news can find it in the city's weekly paper.") is None
    assert (
        match_long(
            "wer informiert werden will, liest die zeitung, sagte der bürgermeister am abend."
        )
        is None
    )


def test_credits_consent_author_boxes_newsletters_and_pagers_are_named():
    from tui.cleaning.phrases import match_short_then_long

    for line, reason in (
        ("Abbildung: Karte der Schneehöhen im Tal", "caption"),
        ("Fot. Jan Kowalski / Agencja", "caption"),
        ("Vergrößern Die neue Kamera im Display des Telefons.", "caption"),
        ("Die Gäste sprachen mit der Ministerin. (Bildquelle: Landjugend)", "caption"),
        ("Informujemy, że korzystamy z cookies.", "cookie notice"),
        ("Wir stellen ohne dein Einverständnis keine Verbindung zu Twitter her.", "cookie notice"),
        ("Life is short. View all posts by Jane Doe", "author bio"),
        ("Tous nos derniers podcasts dans votre boîte mail.", "subscription prompt"),
        ("Dieser Beitrag stammt aus Ausgabe 3/2020 unseres Magazins.", "subscription prompt"),
        ("Lesen Sie hier einen weiteren spannenden Beitrag", "related-posts block"),
        ("Es werden die Artikel 1 bis 10 von insgesamt 19 angezeigt!", "navigation"),
        ("Quellen ausblenden", "navigation"),
        ("Let us know what you think in the comments!", "comment form"),
    ):
        assert match_short_then_long(line.lower()) == reason, line
    for prose in (
        "the mayor said she would view all posts by the council before deciding.",
        "a version of this article appears in print on page a1 of the new york edition.",
    ):
        assert match_short_then_long(prose) is None, prose


def test_donation_and_issue_offers_episode_lists_and_long_comment_prompts_are_named():
    from tui.cleaning.phrases import match_short_then_long

    for line, reason in (
        ("Jede kleine Spende hilft den Menschen in Not!", "subscription prompt"),
        ("Donate now and keep our reporting free for everyone", "subscription prompt"),
        ("Ihre Meinung zur Startseite Jetzt 3 Ausgaben GRATIS erhalten!", "subscription prompt"),
        ("PODCAST #12: Die Zukunft des Radios | Alle Folgen", "related-posts block"),
        ("Dowiedz się więcej: Kto jak głosował?", "related-posts block"),
        ("Buch bestellen", "advertisement"),
        (
            "Let us know in the comments: what would you change about the new bus routes?",
            "comment form",
        ),
    ):
        assert match_short_then_long(line.lower()) == reason, line
    assert match_short_then_long("the charity said every donation helps families in need.") is None


def test_a_pager_sentence_and_the_contact_form_privacy_template_are_boilerplate():
    from tui.cleaning.phrases import match_long, match_short

    assert (
        match_short("es werden die weine 1 bis 10 von insgesamt 19 angezeigt!", True)
        == "navigation"
    )
    assert (
        match_long(
            "wenn sie uns per kontaktformular anfragen zukommen lassen, werden ihre angaben gespeichert."
        )
        == "cookie notice"
    )


def test_a_photo_caption_naming_people_left_and_right_is_a_caption():
    from tui.cleaning.phrases import match_long

    assert match_long("anna muster (l.) und eva beispiel bei der preisverleihung.") == "caption"
    assert match_long("die kosten (l. 3) und die einnahmen stiegen im letzten jahr.") is None


def test_a_caption_ending_in_a_bracketed_picture_credit_is_a_caption():
    from tui.cleaning.phrases import match_long

    assert (
        match_long("protesters gathered outside the court on tuesday (image: getty )") == "caption"
    )
    assert (
        match_long("the plague wiped out half of europe (photo: wellcome collection)") == "caption"
    )
    assert (
        match_long("the photo (image: left) was taken before the fire, she said, in 1998.") is None
    )


def test_channel_invites_newsletter_notes_screenshots_and_slash_c_credits_are_named():
    from tui.cleaning.phrases import match_long

    for line, reason in (
        ("¿ya sabías que tenemos canal de telegram? únete desde tu celular.", "share prompt"),
        ("join our whatsapp channel for the latest updates from the city.", "share prompt"),
        (
            "puede seguirnos en facebook o suscribirse aquí a nuestra newsletter.",
            "subscription prompt",
        ),
        ("wir informieren sie regelmäßig zum thema klima und energie.", "subscription prompt"),
        ("screenshot,strava die neuen karten helfen bei der planung.", "caption"),
        ("der streikposten in der halle der universität / (c) anna muster", "caption"),
    ):
        assert match_long(line) == reason, line


def test_review_notes_and_links_to_a_news_overview_are_named():
    from tui.cleaning.phrases import match_long

    assert match_long("medically reviewed by jane doe, md on may 3, 2024") == "disclaimer"
    assert (
        match_long("tipp: auf der seite aktuelles finden sie alle aktuellen meldungen des vereins.")
        == "related-posts block"
    )
    assert (
        match_long("the report was reviewed by three independent experts before it appeared.")
        is None
    )


def test_affiliate_notes_gallery_counters_adverts_and_site_story_heads_are_named():
    from tui.cleaning.phrases import END_MARKER, match_long, match_short

    note = "space is supported by its audience. when you purchase through links on our site, we may earn an affiliate commission."
    assert match_long(note) == "disclaimer"
    assert match_long("advisers may receive a commission on each sale, the regulator said.") is None
    assert match_long("image 1 of 5") == "caption"
    assert match_long("one image of the 5 suspects was released") is None
    assert match_short("advert") == "advertisement"
    assert match_short("adverts for the new phone were banned") is None
    assert END_MARKER.match("more great wired stories")
    assert not END_MARKER.match("more than 100 stories were filed")


def test_wire_file_photos_and_glued_media_captions_are_captions():
    from tui.cleaning.phrases import match_long

    assert (
        match_long("file photo: traders work on the floor of the stock exchange in new york")
        == "caption"
    )
    assert match_long("media captionthe minister speaking to reporters on tuesday") == "caption"
    assert match_long("image captions are a key part of making pages accessible") is None


def test_error_notices_and_latest_headline_heads_are_named():
    from tui.cleaning.phrases import END_MARKER, match_long

    assert match_long("something went wrong with the connection!") == "server error message"
    assert match_long("something went wrong in the talks, the minister said on tuesday.") is None
    assert END_MARKER.match("latest headlines") and END_MARKER.match("recent from jane doe")
    assert not END_MARKER.match("latest news on the budget vote")


def test_a_copyright_notice_after_the_article_is_dropped():
    notice = (
        "This document is subject to copyright. Apart from any fair dealing for the purpose of private "
        "study or research, no part may be reproduced without the written permission."
    )
    raw = "\n".join(
        ["City council approves transport budget after months of debate", *PARAS, notice]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    assert by_text(cleaned, raw)[notice].reason == "copyright"
