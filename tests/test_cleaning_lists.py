"""Parts of a body that are not paragraphs: code listings, bulleted lists, tables of years and figures."""

from support import PARAS, by_text

from tui.cleaning import clean

HEAD = ["Home", "News", "Tech", "How the new fetch API replaces XMLHttpRequest", "By Jane Doe"]
INTRO = (
    "The fetch API gives web pages a simpler way to request resources over the network, and it returns "
    "promises, so the code that handles a response reads from top to bottom."
)
EXPLAIN = (
    "The response object carries the status of the request, and its json method reads the body of the "
    "response and parses it, again returning a promise that the next step of the code can use."
)
CODE = [
    'fetch("/data.json").then(function(res) {',
    "if (res.ok) {",
    "console.log(res.status);",
    "}",
    "});",
    'var req = new Request("/index.html");',
    "console.log(req.method);",
    "req = null;",
    "}",
    "});",
]


def test_a_code_listing_between_paragraphs_is_kept_whole():
    raw = "\n".join([*HEAD, INTRO, *CODE, EXPLAIN, *PARAS, "© 2024 Example News"])
    cleaned = clean(raw)
    lines = by_text(cleaned, raw)
    assert all(lines[c].decision == "content" for c in CODE if any(ch.isalpha() for ch in c))
    assert "navigation" not in {lines[c].reason for c in CODE}


def test_a_bulleted_list_touching_the_body_is_part_of_it():
    items = [
        f"+ Added {thing}"
        for thing in ("Granite blocks", "Slime Block", "Iron Trapdoor", "Banners")
    ]
    items += ["* Villager trading has been rebalanced", "- Removed Herobrine"]
    raw = "\n".join([*HEAD, *items, PARAS[0], PARAS[1], "Related Articles", "Other story"])
    cleaned = clean(raw)
    assert all(item in cleaned.body for item in items)
    assert "Other story" not in cleaned.body


def test_years_beside_the_rows_of_a_list_are_kept_but_not_a_charts_axis():
    films = []
    for title, year in (
        ("Repeat Performance", "1947"),
        ("Groundhog Day", "1993"),
        ("Run Lola Run", "1998"),
    ):
        films += [
            title,
            year,
            f"In {title} the main character relives the same day again and again, "
            "and has to learn something about the people around them before the loop will end.",
        ]
    axis = [
        "Interest payments on the national debt",
        *[f"’{y}" for y in range(17, 29)],
        "$900",
        "billion",
    ]
    raw = "\n".join([*HEAD, *axis, PARAS[0], *films, PARAS[1], "© 2024 Example News"])
    cleaned = clean(raw)
    lines = by_text(cleaned, raw)
    assert all(lines[y].decision == "content" for y in ("1947", "1993", "1998"))
    assert lines["’17"].decision == "boilerplate" and lines["’17"].reason


def test_a_sentence_that_mentions_privacy_is_not_a_cookie_notice():
    wrapped = "certain filters in place for privacy and security reasons, such as"
    raw = "\n".join([*HEAD, PARAS[0], "Headers have", wrapped, "supporting the rules.", PARAS[1]])
    lines = by_text(clean(raw), raw)
    assert lines[wrapped].reason != "cookie notice"
    assert (
        by_text(clean("Privacy Policy"), "Privacy Policy")["Privacy Policy"].reason
        == "cookie notice"
    )


def test_the_body_resumes_after_a_long_table_on_its_topic():
    table = ["Application", "Original size", "Patch size"]
    for app in ("Maps", "Mail", "Notes", "Music", "Photos", "Weather", "Clock", "News"):
        table += [app, "71.1 MB", "8.0 MB (-89%)"]
    after = [
        "The council said the transport budget would pay for new buses on the busiest routes, and the "
        "mayor told reporters that spending on public transport would be reviewed every year.",
        "Critics of the budget said the council had relied on forecasts of tax revenue that were too "
        "optimistic, and that the spending on public transport should have waited for the state.",
    ]
    raw = "\n".join([*HEAD, *PARAS, *table, *after, "© 2024 Example News"])
    cleaned = clean(raw)
    assert all(p in cleaned.body for p in after)
    dropped = [line for line in cleaned.lines if line.decision == "boilerplate"]
    assert all(line.reason for line in dropped)


def test_a_prose_line_repeated_three_times_on_the_page_is_a_template():
    consent = (
        "We respect your privacy, so we only load content from external services like this video "
        "after you agree to it by clicking the button below."
    )
    raw = "\n".join([*HEAD, PARAS[0], consent, PARAS[1], consent, PARAS[2], consent, PARAS[3]])
    cleaned = clean(raw)
    assert cleaned.body.split("\n\n") == PARAS
    assert {line.reason for line in cleaned.lines if line.decision == "boilerplate"} >= {
        "repeated on the page"
    }


def test_a_list_announced_by_the_last_line_of_the_body_is_kept():
    rules = ["Have time for dreams", "Stay active", "Practise gratitude", "Live in a community"]
    raw = "\n".join(
        [
            *HEAD,
            *PARAS,
            "The philosophy comes with these four rules:",
            *rules,
            "© 2024 Example News",
        ]
    )
    cleaned = clean(raw)
    assert all(rule in cleaned.body.split("\n\n") for rule in rules)
    assert "© 2024" not in cleaned.body


# A recipe's method: two paragraphs that name the ingredients of the list above them.
METHOD = [
    "Whisk the eggs with the milk and the sugar, then sift the flour into the bowl and stir until the "
    "batter is smooth; add the salt and let the batter rest for half an hour before you bake it.",
    "Heat a little butter in a wide pan and pour in a ladle of batter, turn the pancake when the edges "
    "are golden and serve it warm with the rest of the sugar sprinkled over the top.",
]


def test_an_ingredient_list_right_above_the_method_is_kept_but_not_a_menu():
    menu = ["Recipes", "Baking", "Soups", "Salads", "Desserts", "Drinks"]
    ingredients = [
        "Ingredients",
        "200 g",
        "flour",
        "2 tbsp",
        "sugar",
        "3 eggs",
        "250 ml",
        "milk",
        "1 pinch",
        "salt",
    ]
    raw = "\n".join(["Sunday pancakes", *menu, "© 2024 Example Kitchen", *ingredients, *METHOD])
    lines = by_text(clean(raw), raw)
    assert all(lines[i].decision != "boilerplate" for i in ingredients[1:])
    assert all(lines[m].decision == "boilerplate" for m in menu)


def test_an_ingredient_list_between_the_intro_and_the_method_is_no_menu():
    intro = (
        "These pancakes are the ones my grandmother made every Sunday, thin and soft, and they take "
        "less than an hour from the first egg to the last pancake on the plate."
    )
    items = ["200 g", "flour", "2 tbsp", "sugar", "3 eggs", "250 ml", "milk", "1 pinch", "salt"]
    raw = "\n".join(["Sunday pancakes", intro, "Ingredients", *items, *METHOD, *PARAS[:2]])
    lines = by_text(clean(raw), raw)
    assert all(lines[i].decision == "content" for i in items)
