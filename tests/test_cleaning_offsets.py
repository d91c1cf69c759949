"""Every char of the clean text maps back to the raw char it was copied from, for any input."""

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cleaning import clean
from tui.cleaning.model import LineDecision

_pieces = st.one_of(
    st.text(min_size=0, max_size=30),
    st.sampled_from(
        ["\r\n", "\r", "\n", "\n\n", "  ", "\u0301", "\U0001f600", "e\u0301", "\u2028", "\x85"]
    ),
    st.just(
        "The committee said on Tuesday that the plan would be published before the end of the year."
    ),
)
_raw = st.lists(_pieces, max_size=40).map("".join)


def _check(raw, cleaned):
    assert len(cleaned.offsets) == len(cleaned.text)
    for i, ch in enumerate(cleaned.text):
        r = cleaned.offsets[i]
        if r >= 0:
            assert raw[r] == ch
            assert cleaned.to_raw(i) == r
        else:
            assert ch == "\n" and cleaned.to_raw(i) is None


@settings(max_examples=150, deadline=None)
@given(_raw)
def test_offsets_copy_raw_exactly(raw):
    _check(raw, clean(raw))


@settings(max_examples=60, deadline=None)
@given(_raw, st.data())
def test_offsets_hold_under_overrides(raw, data):
    base = clean(raw)
    numbers = [line.number for line in base.lines]
    chosen = data.draw(st.lists(st.sampled_from(numbers), max_size=5)) if numbers else []
    overrides = {n: data.draw(st.sampled_from(["content", "boilerplate"])) for n in chosen}
    cleaned = clean(raw, overrides)
    _check(raw, cleaned)
    for line in cleaned.lines:
        if line.number in overrides:
            assert line.overridden and line.decision == overrides[line.number]


def test_line_splitting_crlf_and_lone_cr():
    raw = "Title here\r\n\r\nFirst line\rSecond line\nThird"
    numbers = [(line.number, raw[line.start : line.end]) for line in clean(raw).lines]
    assert numbers == [(1, "Title here"), (3, "First line"), (4, "Second line"), (5, "Third")]


def test_raw_span_covers_selection():
    para = (
        "The committee said on Tuesday that the plan would be published before the end of the year. "
        * 3
    )
    raw = (
        "Menu\r\nA Headline For The Story\r\n\r\n"
        + para.strip()
        + "\r\n"
        + para.strip()
        + "\r\nShare\r\n"
    )
    cleaned = clean(raw)
    start = cleaned.text.index("committee")
    span = cleaned.raw_span(start, start + len("committee"))
    assert span is not None and raw[span[0] : span[1]] == "committee"
    both = cleaned.raw_span(0, len(cleaned.text))
    assert raw[both[0] : both[1]].startswith(cleaned.text[:10])
    assert cleaned.raw_span(5, 5) is None


def test_kept_lines_know_their_text_start():
    raw = "Menu\nHeadline of the day\n" + (
        "Officials said the measure would take effect next month. " * 4
    )
    cleaned = clean(raw)
    for line in cleaned.lines:
        if line.text_start is not None:
            n = line.end - line.start
            assert cleaned.text[line.text_start : line.text_start + n] == raw[line.start : line.end]


_LINE_KINDS = st.sampled_from(
    [
        "The committee said on Tuesday that the plan would be published before the end of the year, officials said.",
        "Der Ausschuss sagte am Dienstag, dass der Plan bis zum Ende des Jahres veröffentlicht werden soll.",
        "Home",
        "World",
        "Business",
        "Politics",
        "Sport",
        "Related Articles",
        "Comments",
        "Tags: news, city",
        "Leave a Reply",
        "Jane Doe says:",
        "March 4, 2024 at 5:01 pm",
        "Reply",
        "Karl Otto / 22.04.2020",
        "Politics / May 2, 2023",
        "12.03.2021",
        "By Jane Doe",
        "Advertisement",
        "Share on Facebook",
        "© 2024 Example News. All rights reserved.",
        "A Headline For The Story",
        "Short line here.",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE_KINDS, max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_page_shape_cleans_without_error(lines, sep):
    raw = sep.join(lines)
    cleaned = clean(raw)
    _check(raw, cleaned)
    kept = [line for line in cleaned.lines if line.decision in ("title", "content")]
    assert all(line.text_start is not None for line in kept)
    assert all(line.reason for line in cleaned.lines if line.decision == "boilerplate")


def test_comment_thread_and_menu_above_the_densest_run():
    prose = "The committee said on Tuesday that the plan would be published before the end of the year, officials said."
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
    long = prose + " " + prose
    raw = "\n".join(
        [
            long,
            long,
            "Jane Doe says:",
            "March 4, 2024 at 5:01 pm",
            prose,
            "Reply",
            "Tom Roe says:",
            "March 5, 2024 at 9:01 am",
            prose,
            "Reply",
            *menu,
            *[prose + " " + prose] * 8,
        ]
    )
    _check(raw, clean(raw))


def test_line_decision_is_a_read_only_record():
    """clean() makes one per raw line: a named tuple, fields by name, never changed in place."""
    record = LineDecision(3, 10, 42, "boilerplate", "navigation", None, True)
    assert (record.number, record.decision, record.reason, record.overridden) == (
        3,
        "boilerplate",
        "navigation",
        True,
    )
    with pytest.raises(AttributeError):
        record.decision = "content"  # type: ignore[misc]
    assert LineDecision(3, 10, 42, "content", None, 0).overridden is False


def test_clean_leaves_the_garbage_collector_as_it_found_it():
    """clean() pauses the cyclic collector while it runs; it must hand it back on, or off, as it was."""
    raw = "Menu\nThe committee said on Tuesday that the plan would be published before the end of the year.\n"
    was = gc.isenabled()
    try:
        gc.enable()
        clean(raw)
        assert gc.isenabled()
        gc.disable()
        clean(raw)
        assert not gc.isenabled()
        with pytest.raises(ValueError):
            clean(raw, {2: "bogus"})  # an error inside leaves it as it was too
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(ValueError):
            clean(raw, {2: "bogus"})
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()
