"""The phrase matcher's shortcuts never change an answer: the Aho-Corasick prefilter and its needles,
anchored alternatives tried at the start only, and the guard before comment signatures."""


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

    texts = st.lists(words, max_size=10).map(" ".join)
    repeated = st.tuples(texts, texts).map(lambda t: f"{t[0]}{t[1]} {t[0]}")  # a headline twice

    @settings(max_examples=400, deadline=None)
    @given(texts | repeated, st.booleans())
    def check(text, sentence):
        assert phrases.match_long(text) == brute(phrases.LONG_FAMILIES, text)
        short = brute(phrases.SHORT_FAMILIES, text, sentence)
        assert phrases.match_short(text, sentence) == short
        assert phrases.match_short_then_long(text, sentence) == (
            short or brute(phrases.LONG_FAMILIES, text)
        )

    check()


def test_needles_are_in_every_match():
    from tui.cleaning.needles import needles, repeat_guard

    assert needles(r"^(skip to|jump to)\b") == ("jump to", "skip to")
    assert needles(r"e-?mail|print") == ("e-mail", "email", "print")
    assert needles(r"(a|)b?") is None  # an empty branch: nothing is certain
    assert needles(r"[\w ]+") is None
    assert needles(r".*\((foto|source)\s*:") == ("(foto", "(source")  # a run is multiplied out
    assert needles(r"^[^>]{1,40}([>›][^>]{1,9}){2,}$") == (">", "›")  # a small class
    assert repeat_guard(r"^([a-z][^.]{4,9}?)\s*\1") == 5  # the opening must recur
    assert repeat_guard(r"x([a-z]+)\1") is None  # not anchored at the start
    assert needles(r"(?i)share") is None and needles(r"(?i:share)") is None  # needles keep case


def test_anchored_alternatives_are_split_off_only_when_safe():
    from tui.cleaning.needles import split_at_start

    assert split_at_start(r"^a|b") == ("^a", "b")
    assert split_at_start(r"(^a|b)|^c") == ("^c", "(^a|b)")  # only top-level alternatives
    assert split_at_start(r"[|^]x|\|y|^z") == ("^z", r"[|^]x|\|y")  # a class or an escape holds '|'
    assert split_at_start(r"[]|]x|^y") == ("^y", "[]|]x")  # ']' first in a class is literal
    assert split_at_start(r"^(a) \1|b") == (None, r"^(a) \1|b")  # a back-reference: kept whole
    assert split_at_start(r"^a|") == (None, r"^a|")  # an empty alternative matches anywhere
    assert split_at_start(r"^a|^b") == ("^a|^b", None)


def test_may_sign_lets_through_every_digitless_signature_of_several_words():
    """features skips comment_signature on a digitless line of several words unless may_sign says
    it may be one: it must never turn down a line comment_signature takes."""
    from tui.cleaning.phrases import comment_signature, may_sign

    for line in (
        "Maria Keller says:",
        "Tom Baker said\u00a0:",
        "Anna Nowak napisała:",
        "Sam Lee \u00b7 a week ago",
        "Jens Petersen schreibt",
    ):
        assert comment_signature(line, False), line
        assert may_sign(line.lower()), line
    assert not may_sign("share this story with your friends")
    assert not may_sign("the minister says the plan will work next year")
