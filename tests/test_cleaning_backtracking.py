"""No input makes the cleaner hang: no phrase family backtracks catastrophically (a long unbroken token
with a few words after it once took the cookie family 34 s at 400 characters, minutes beyond), and a page
of many "Related" boxes is searched in linear time (once 40 s for 24,000 lines). A user's page must never
hang the first index."""

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tui.cleaning import clean
from tui.cleaning.phrases import LONG_FAMILIES, SHORT_FAMILIES

# Each shape puts a family's needle next to a 400-character run that a nested quantifier such as
# (\S+\s*){1,4}$ can split in ~10^7 ways, then enough words that the match must fail.
_SHAPES = (
    lambda w: w + "a" * 400 + " b c d e f",
    lambda w: "a" * 400 + w + " b c d e f",
    lambda w: w + "1" * 400 + " 2 3 4 5",
    lambda w: w + "-" * 400 + " x y z w",
)
_GUARD_SECONDS = 60  # the whole loop takes about a second; the old cookie pattern needed hours


@contextmanager
def _hang_guard(seconds: int) -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"cleaning did not finish in {seconds} s: a pattern backtracks")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_long_tokens_next_to_every_families_needles_clean_without_hanging():
    needles = sorted({n for fam in SHORT_FAMILIES + LONG_FAMILIES for n in fam.needs or ()})
    assert len(needles) > 500  # the families still declare their needles
    with _hang_guard(_GUARD_SECONDS):
        for needle in needles:
            for shape in _SHAPES:
                clean(
                    f"A heading\n{shape(needle)}\nThe article's first sentence, which is prose.\n"
                )


def test_the_possessive_word_limits_still_count_words():
    from tui.cleaning.phrases import match_short

    assert match_short("privacy") == "cookie notice"
    assert match_short("your privacy choices") == "cookie notice"
    assert match_short("we value your privacy and your time") is None  # more than four words
    assert match_short("print this") is not None
    assert match_short("print the whole of this long report") is None


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_a_page_of_many_related_boxes_is_cleaned_in_linear_time():
    def paragraph(k: int) -> str:  # words of their own: no box is bridged by shared vocabulary
        return (
            f"The w{k}a said that w{k}b and w{k}c were in the w{k}d of w{k}e, and that the w{k}f "
            f"was to w{k}g it for the w{k}h and w{k}i by the end."
        )

    lines = ["A heading"]
    for k in range(0, 32_000, 2):
        lines += [paragraph(k), paragraph(k + 1), "Related"]
    with _hang_guard(_GUARD_SECONDS):  # about a second now; quadratic, it took minutes
        cleaned = clean("\n".join(lines))
    assert cleaned.body.startswith(paragraph(0))


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_a_page_of_many_lines_cut_short_is_cleaned_in_linear_time():
    prose = (
        "The council said the budget for trams and buses would rise by a fifth over the next "
        "three years, officials said on Tuesday."
    )
    teasers = [
        f"Teaser {k} about the council budget and the trams of the city ..." for k in range(40_000)
    ]
    with _hang_guard(_GUARD_SECONDS):  # about a second now; scanning the page per line took minutes
        cleaned = clean("\n".join([prose, *teasers]))
    assert "Teaser 39999" in cleaned.body  # no longer line goes on from any of them: all kept
