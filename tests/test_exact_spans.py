"""Exact spans (issue 11): possessives, one-character adjustments, K from a lowercase word,
and sentence extension that stops at the sentence's end with its closing quote."""

from __future__ import annotations

import pytest

from tui import text as text_units
from tui.app.widgets.reader_layout import Layout
from tui.app.widgets.reader_motions import Motions
from tui.app.widgets.reader_types import Block

pytestmark = pytest.mark.anyio


def doc(text: str) -> tuple[int, Motions]:
    layout = Layout([Block(text, 0, "content")], 40)
    return layout.vstarts[0], Motions(layout)


def test_a_possessive_is_not_part_of_the_word():
    text = "Hainan’s plan and Ethereum's DevCon don’t change."
    spans = [text[s:e] for s, e in text_units.words(text)]
    assert spans[:2] == ["Hainan", "plan"]  # the ’s is no stop of its own
    assert "Ethereum" in spans and "don’t" in spans


def test_k_from_a_lowercase_word_starts_at_the_next_capital():
    text = "Members include China Telecom and the National Information Centre today."
    base, motions = doc(text)

    def extend(word: str) -> str:
        result = motions.extend_name(motions.word_range(base + text.index(word)))
        return text[result[0] - base : result[1] - base]

    assert extend("include") == "China Telecom"
    assert extend("the") == "National Information Centre"
    assert extend("today") == "today"  # nothing capitalised follows: left as it is


def test_a_span_moves_by_one_character_at_either_end():
    text = "He said “the network is open.” Then left."
    base, motions = doc(text)
    start = base + text.index("network")
    word = (start, start + len("network"))
    assert motions.grow_end_char(word) == (word[0], word[1] + 1)
    assert motions.shrink_end_char(word) == (word[0], word[1] - 1)
    assert motions.grow_start_char(word) == (word[0] - 1, word[1])
    assert motions.shrink_start_char(word) == (word[0] + 1, word[1])
    one = (start, start + 1)
    assert motions.shrink_end_char(one) == one and motions.shrink_start_char(one) == one


def test_extending_by_sentence_stops_at_its_end_with_the_closing_quote():
    text = "He said “the network is open.” Then he left. Later more."
    base, motions = doc(text)
    start = base + text.index("network")
    grown = motions.sentence_end_from((start, start + 7))
    assert text[grown[0] - base : grown[1] - base] == "network is open.”"
    again = motions.sentence_end_from(grown)
    assert text[grown[0] - base : again[1] - base].endswith("Then he left.")
    paragraph = motions.paragraph_end_from((start, start + 7))
    assert text[paragraph[0] - base : paragraph[1] - base].endswith("Later more.")


async def test_keys_extend_to_the_sentence_end_and_adjust_one_character():
    from support import Host, article, quoted

    paragraphs = ["He said “the network is open.” Then he left. Later more.", "Next one here."]
    text, blocks = article(paragraphs, dropped=None)
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        from tui.app.widgets.reader import ReaderView

        reader = app.query_one(ReaderView)
        reader.move_to(text.index("the network"))
        await pilot.press("v", "right_parenthesis")
        assert quoted(text, reader.target_range()) == "the network is open.”"
        await pilot.press("minus", "minus")
        assert quoted(text, reader.target_range()) == "the network is open"
        await pilot.press("plus", "ctrl+shift+left")
        assert quoted(text, reader.target_range()) == "“the network is open."
