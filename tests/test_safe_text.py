"""visible() must keep offsets and leave nothing a terminal would act on."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.safe_text import is_unsafe, visible


def test_escape_sequences_become_symbols():
    out = visible("a\x1b[31mred\x1b]52;c;aGVsbG8=\x07b")
    assert "\x1b" not in out and "\x07" not in out
    assert out == "a\u241b[31mred\u241b]52;c;aGVsbG8=\u2407b"


def test_c1_del_bidi_zero_width_are_replaced_one_for_one():
    text = "x\x9b31m\x7f\u202eevil\u2066\u200b\ufeff\u00ady"
    out = visible(text)
    assert len(out) == len(text)
    assert out[0] == "x" and out[-1] == "y"
    for ch in "\x9b\x7f\u202e\u2066\u200b\ufeff\u00ad":
        assert ch not in out
        assert is_unsafe(ch)


def test_newlines_kept_only_on_request():
    assert visible("a\nb") == "a\u240ab"
    assert visible("a\nb", keep_newlines=True) == "a\nb"
    assert visible("a\r\nb", keep_newlines=True) == "a\u240d\nb"
    assert visible("a\tb") == "a\u2409b"


def test_ordinary_text_is_untouched():
    text = "Lin Yunan, director — “NIC” said: 中国 区块链 😀 café [bold]x[/bold]"
    assert visible(text) == text


def test_astral_format_chars_are_replaced():
    assert visible("a\U000e0001b") == "a\u2423b"


@settings(max_examples=200)
@given(st.text())
def test_same_length_and_no_control_left(text):
    out = visible(text)
    assert len(out) == len(text)
    for ch in out:
        assert unicodedata.category(ch) not in ("Cc", "Cf", "Cs"), repr(ch)
    for before, after in zip(text, out, strict=True):
        if before != after:
            assert is_unsafe(before)
