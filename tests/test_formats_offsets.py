"""Offset units: code points <-> UTF-16 code units, exact for any text (astral characters included)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.formats.common import codepoint_converter, offset_converter

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=150)
@given(TEXT, st.data())
def test_utf16_offsets_slice_the_same_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    to16 = offset_converter(text, "utf16")
    units = text.encode("utf-16-le")
    assert units[2 * to16(start) : 2 * to16(end)].decode("utf-16-le") == text[start:end]
    back = codepoint_converter(text, "utf16")
    assert (back(to16(start)), back(to16(end))) == (start, end)


def test_codepoints_are_the_identity_and_surrogate_halves_are_rejected():
    text = "a🚀b"
    assert offset_converter(text, "codepoint")(2) == 2
    assert [offset_converter(text, "utf16")(i) for i in range(4)] == [0, 1, 3, 4]
    assert codepoint_converter(text, "utf16")(2) is None  # inside the surrogate pair
