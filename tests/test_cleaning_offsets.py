"""Every char of the clean text maps back to the raw char it was copied from, for any input."""

from hypothesis import given, settings, strategies as st

from tui.cleaning import clean

_pieces = st.one_of(
    st.text(min_size=0, max_size=30),
    st.sampled_from(["\r\n", "\r", "\n", "\n\n", "  ", "\u0301", "\U0001F600", "e\u0301", "\u2028", "\x85"]),
    st.just("The committee said on Tuesday that the plan would be published before the end of the year."),
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
    numbers = [(line.number, raw[line.start:line.end]) for line in clean(raw).lines]
    assert numbers == [(1, "Title here"), (3, "First line"), (4, "Second line"), (5, "Third")]


def test_raw_span_covers_selection():
    para = "The committee said on Tuesday that the plan would be published before the end of the year. " * 3
    raw = "Menu\r\nA Headline For The Story\r\n\r\n" + para.strip() + "\r\n" + para.strip() + "\r\nShare\r\n"
    cleaned = clean(raw)
    start = cleaned.text.index("committee")
    span = cleaned.raw_span(start, start + len("committee"))
    assert span is not None and raw[span[0]:span[1]] == "committee"
    both = cleaned.raw_span(0, len(cleaned.text))
    assert raw[both[0]:both[1]].startswith(cleaned.text[:10])
    assert cleaned.raw_span(5, 5) is None


def test_kept_lines_know_their_text_start():
    raw = "Menu\nHeadline of the day\n" + ("Officials said the measure would take effect next month. " * 4)
    cleaned = clean(raw)
    for line in cleaned.lines:
        if line.text_start is not None:
            n = line.end - line.start
            assert cleaned.text[line.text_start:line.text_start + n] == raw[line.start:line.end]
