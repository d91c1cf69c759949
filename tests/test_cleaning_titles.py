"""The title after the ranker: a breadcrumb or marked copy of the headline gives way to the bare headline."""

from support import PARAS

from tui.cleaning import clean, title_pick, titles
from tui.cleaning.features import line_features
from tui.cleaning.lines import split_lines

HEADLINE = "Council approves transport budget for the city"


def _pick_after(lines: list[str], pick: int, start: int) -> str:
    """The line bare_below keeps when the ranker picked line `pick` of lines (body from `start`)."""
    feats = line_features(split_lines("\n".join([*lines, *PARAS])))
    n = len(feats)
    cands = titles.candidates(
        feats, ["boilerplate"] * n, [None] * n, start, [False] * n, frozenset()
    )
    return feats[title_pick.bare_below(feats, pick, cands)].line.text


def test_a_breadcrumb_ending_in_the_line_below_gives_way_to_that_headline() -> None:
    for crumb in (f"Home › Local › {HEADLINE}", f"›{HEADLINE}", f"News → {HEADLINE}"):
        assert _pick_after(["Home", crumb, HEADLINE], 1, 3) == HEADLINE


def test_the_pick_stays_when_the_line_below_is_no_bare_copy_of_it() -> None:
    shorter = "Buses run every ten minutes › for the city"  # its tail is under half of it
    assert _pick_after(["Home", shorter, "for the city"], 1, 3) == shorter
    assert _pick_after(["Home", HEADLINE, "Local news"], 1, 3) == HEADLINE
    assert _pick_after(["Home", HEADLINE, HEADLINE], 1, 3) == HEADLINE  # a repeat: the first stays
    # the line below is no candidate (the body's prose): the pick stays
    assert _pick_after(["Home", f"Local › {PARAS[0]}"], 1, 2) == f"Local › {PARAS[0]}"


def test_clean_titles_a_page_with_a_breadcrumb_over_its_headline() -> None:
    raw = "\n".join(
        ["Home", "Local", f"Home › Local › {HEADLINE}", HEADLINE, "By Jane Doe", *PARAS]
    )
    assert clean(raw).title == HEADLINE


def test_a_caption_ending_in_its_photo_credit_is_never_a_title_candidate() -> None:
    heads = [
        HEADLINE,
        "Commuters wait for a bus in the rain on Monday Getty Images",
        "The new tram line will cross the river. Photo: Jane Doe",
        "Buses at the depot before dawn (AP Photo)",
        "Photos: flooding in the city centre",  # a gallery's headline, no credit: stays
    ]
    feats = line_features(split_lines("\n".join([*heads, *PARAS])))
    n = len(feats)
    found = titles.candidates(feats, ["boilerplate"] * n, [None] * n, 5, [False] * n, frozenset())
    assert [feats[j].line.text for j, _ in found] == [heads[0], heads[-1]]


def test_a_line_dropped_as_a_share_or_subscription_prompt_is_never_a_title_candidate() -> None:
    heads = [HEADLINE, "Share this story with your friends", "Subscribe to our weekly newsletter"]
    feats = line_features(split_lines("\n".join([*heads, *PARAS])))
    n = len(feats)
    reasons: list[str | None] = [None, "share prompt", "subscription prompt"] + [None] * (n - 3)
    found = titles.candidates(feats, ["boilerplate"] * n, reasons, 3, [False] * n, frozenset())
    assert [feats[j].line.text for j, _ in found] == [HEADLINE]


def test_a_one_or_two_word_label_over_a_headline_scoring_nearly_as_well_is_its_kicker() -> None:
    feats = line_features(
        split_lines("\n".join(["Home", "Politics", HEADLINE, "Transport", *PARAS]))
    )
    assert title_pick.is_kicker(feats, 1, 2, gap=1.5)
    assert not title_pick.is_kicker(feats, 1, 2, gap=3.0)  # the ranker is sure of the label
    assert not title_pick.is_kicker(feats, 2, 3, gap=0.5)  # a headline over a short line
    assert not title_pick.is_kicker(feats, 1, 3, gap=0.5)  # not the line right below
    feats = line_features(split_lines("\n".join(["Politics", "Buses run again", *PARAS])))
    assert not title_pick.is_kicker(feats, 0, 1, gap=0.5)  # under five words: no headline to label


def test_the_kicker_gives_way_only_to_a_headline_the_body_did_not_take_in(monkeypatch) -> None:
    feats = line_features(split_lines("\n".join(["Home", "Politics", HEADLINE, *PARAS])))
    n = len(feats)
    # made-up scores: the label first, the headline right below it 1 point lower
    monkeypatch.setattr(title_pick, "scores", lambda cs: [5.0 if j == 1 else 4.0 for j, _ in cs])
    for decision, title in (("boilerplate", HEADLINE), ("content", "Politics")):
        decisions = ["boilerplate"] * n
        decisions[2] = decision
        found = titles.candidates(feats, decisions, [None] * n, 3, [False] * n, frozenset())
        cands = [(j, x) for j, x in found if j in (1, 2)]
        assert feats[title_pick.choose(feats, cands) or 0].line.text == title


def test_a_teasers_copy_cut_short_gives_way_to_the_whole_headline() -> None:
    feats = line_features(split_lines("\n".join(["Council approves transport…", HEADLINE, *PARAS])))
    n = len(feats)
    found = titles.candidates(feats, ["boilerplate"] * n, [None] * n, 2, [False] * n, frozenset())
    s = [2.0 if j == 0 else 1.0 for j, _ in found]
    assert title_pick.full_copy(feats, 0, found, s) == 1
    feats = line_features(split_lines("\n".join(["Alles hat seine Zeit…", HEADLINE, *PARAS])))
    assert title_pick.full_copy(feats, 0, found, s) == 0  # nothing goes on where it stops


def test_an_agency_credit_with_an_archive_note_marks_a_caption() -> None:
    heads = [
        HEADLINE,
        "The depot where the buses are kept, in the old town.Jane Doe / Reuters file",
        "Buses at the depot before dawn. (AP)",
    ]
    feats = line_features(split_lines("\n".join([*heads, *PARAS])))
    n = len(feats)
    found = titles.candidates(feats, ["boilerplate"] * n, [None] * n, 3, [False] * n, frozenset())
    assert [feats[j].line.text for j, _ in found] == [HEADLINE]
