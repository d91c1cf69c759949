"""Short lines and blocks around the body's prose: which belong to the article (verses, steps, a
lead-in, a wrapped sentence, a list the text goes on after) and which are other stories' lines."""

from support import PARAS, by_text

from tui.cleaning import clean


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


def test_lone_promos_far_above_the_article_do_not_start_the_body():
    promo = (
        "Enter the shape, color, or imprint of your prescription or over the counter drug, and our "
        "pill identification tool will identify it in a few seconds."
    )
    menu = [f"Section {k}" for k in range(70)]
    raw = "\n".join(["Home", promo, "Get Started", *menu, "Transport budget approved", *PARAS])
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    assert by_text(cleaned, raw)[promo].reason


def test_a_sentence_wrapped_over_two_lines_is_kept_whole():
    last = (
        "The budget now goes to the state legislature, which is expected to review it before the end "
        "of the month, according to officials familiar with the process and with the"
    )
    raw = "\n".join(
        [
            "City council approves transport budget after months of debate",
            *PARAS[:3],
            last,
            "mayor's office",
            "Related Coverage",
            "Bus fares to rise in May",
        ]
    )
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == [*PARAS[:3], last, "mayor's office"]


def test_verses_between_the_lead_and_the_body_are_not_a_menu():
    lead = (
        "The poet read from her new collection at the library on Tuesday evening, and the hall was "
        "full long before she began, with people standing at the back."
    )
    verses = [
        "The river knows the way to the sea",
        "and the gulls know the way to the river",
        "but who will show me the way home",
        "when the lights of the harbour are out",
        "I asked the wind and it said nothing",
        "I asked the rain and it fell on me",
        "so I walked along the dark shore",
        "until the morning found me there",
        "and the boats came in with the tide",
    ]
    about = [
        "Her poems follow the river from the hills to the harbour, and the sea is never far from "
        "any of them, which she said came from a childhood spent among the boats of the town.",
        "She told the audience that the rain and the wind in the verses were the weather of the "
        "coast where she grew up, and that the tide still sets the rhythm of her lines today.",
    ]
    raw = "\n".join(["Poet fills the library", lead, *verses, *about, *PARAS])
    body = clean(raw).body.split("\n\n")
    assert body == [lead, *verses, *about, *PARAS]  # the text talks of what the verses say


def test_other_stories_headlines_between_the_lead_and_the_body_are_dropped():
    lead = (
        "The council voted on Tuesday to expand the city's tram network after a long debate about "
        "costs, routes and the years of building work that residents along the line would face."
    )
    headlines = [
        "Floods hit the north of the country again",
        "Why the price of eggs is rising in the shops",
        "Five things to know about the new tax rules",
        "Police search for a man after a break-in at a school",
        "Storm warning for the coast on the weekend",
        "The best films of the year so far for families",
        "How to save money on your energy bills this winter",
        "Scientists find a new species in the forest",
        "A new app for the buses is out on Monday",
    ]
    raw = "\n".join(["Tram network to grow", lead, *headlines, *PARAS])
    body = clean(raw).body.split("\n\n")
    assert body == [lead, *PARAS]  # phrases, but on other subjects than the article's: a list


def test_a_lead_in_line_ending_in_a_colon_right_above_the_body_is_kept():
    title = "City council approves transport budget after months of debate"
    lead_in = "What the council decided:"
    raw = "\n".join(["Home", "News", title, "By Jane Doe | March 4, 2024", lead_in, *PARAS])
    cleaned = clean(raw)
    assert cleaned.title == title and cleaned.body.split("\n\n") == [lead_in, *PARAS]


def test_numbered_steps_below_the_body_are_the_rest_of_a_how_to():
    intro = (
        "A small window box is one of the easiest ways to bring a little green to a flat, and it takes "
        "no more than an afternoon and a few tools that most people already have at home."
    )
    steps = [
        "Step 1",
        "Drill three holes in the bottom of the box so that water can drain away.",
        "Step 2",
        "Fill the box with compost up to a thumb's width below the rim.",
        "Step 3",
        "Set the plants in a row and press the soil down firmly around them.",
        "Step 4",
        "Water well and hang the box where it gets the morning sun.",
    ]
    raw = "\n".join(
        [
            "How to plant a window box",
            intro,
            "A window box on a balcony (Jane Doe)",
            "What you need",
            *steps,
            "Related Searches",
            "How to grow tomatoes",
            "How to paint a fence",
        ]
    )
    body = clean(raw).body
    assert all(s in body for s in steps) and "paint a fence" not in body
