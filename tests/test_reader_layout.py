"""Reader layout and motions without a terminal: wrapping, offset mapping, word/sentence/selection moves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.widgets.reader_layout import BLANK, Layout, wrap
from tui.app.widgets.reader_motions import Motions
from tui.app.widgets.reader_types import Block

TEXT = "The Ministry of Industry and Information Technology said. Xi Jinping met John F. Kennedy, then left."


def doc(text: str = TEXT, width: int = 30) -> tuple[Layout, Motions]:
    blocks = [
        Block("Title", 0, "title"),
        Block("Share | Tweet", None, "dropped", note="share prompt"),
        Block(text, 7, "content"),
    ]
    layout = Layout(blocks, width)
    return layout, Motions(layout)


def test_wrap_breaks_at_word_boundaries_within_width():
    pieces = wrap(TEXT, 20)
    assert "".join(TEXT[a:b] for a, b in pieces) == TEXT
    assert all(cell_len(TEXT[a:b].rstrip()) <= 20 for a, b in pieces)
    assert all(TEXT[a] != " " for a, _ in pieces[1:])  # no line starts with a hanging space
    assert all(a == 0 or TEXT[a - 1] == " " for a, _ in pieces)  # words are never split


def test_wrap_cuts_unbroken_and_wide_text_by_cells():
    long = "x" * 95
    assert [b - a for a, b in wrap(long, 40)] == [40, 40, 15]
    cjk = "中文字符" * 5  # 2 cells each
    pieces = wrap(cjk, 7)
    assert all(cell_len(cjk[a:b]) <= 7 for a, b in pieces)
    assert "".join(cjk[a:b] for a, b in pieces) == cjk


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab \u4e2d\u0301\u05d0\u200b\x1b\t-.")), max_size=120),
    st.integers(min_value=1, max_value=25),
)
def test_wrap_covers_text_and_respects_width(text, width):
    pieces = wrap(text, width)
    assert "".join(text[a:b] for a, b in pieces) == text
    for a, b in pieces:
        assert cell_len(text[a:b].rstrip()) <= max(width, 2)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("ab c\u4e2d\u0301\n")), min_size=1, max_size=40),
        min_size=1,
        max_size=5,
    ),
    st.integers(min_value=3, max_value=20),
)
def test_every_position_maps_to_a_line_and_back(texts, width):
    blocks, offset = [], 0
    for text in texts:
        blocks.append(Block(text, offset, "content"))
        offset += len(text) + 2
    layout = Layout(blocks, width)
    for index, block in enumerate(blocks):
        for local in range(len(block.text)):
            position = layout.vstarts[index] + local
            assert layout.to_clean(position) == block.start + local
            assert layout.to_position(block.start + local) == position
            if block.text[local] == "\n":
                continue
            line, column = layout.column_of(position)
            start, end = layout.line_range(line)
            assert start <= position < end
            back = layout.position_at(line, column)
            assert start <= back < end
            if cell_len(layout.texts[index][local]):
                # Exact, except that a combining mark starting the line shares the cell.
                assert back <= position
                assert cell_len(layout.texts[index][back - layout.vstarts[index] : local]) == 0


def test_blank_lines_separate_blocks_but_not_runs_of_dropped_lines():
    blocks = [
        Block("Title", 0, "title"),
        Block("a", None, "dropped"),
        Block("b", None, "dropped"),
        Block("Body", 7, "content"),
    ]
    layout = Layout(blocks, 40)
    kinds = [line[0] for line in layout.lines]
    assert kinds == [0, BLANK, 1, 2, BLANK, 3]


def test_note_goes_inline_or_on_its_own_line():
    inline = Layout([Block("Share", None, "dropped", note="share prompt")], 40)
    assert inline.height == 1
    own = Layout([Block("Share this story with", None, "dropped", note="share prompt")], 24)
    assert own.height == 2
    assert own.line_of(own.vstarts[0] + 3) == 0


def test_decoration_has_no_clean_offset_and_reports_the_next_one():
    layout, _ = doc()
    dropped = layout.vstarts[1]
    assert layout.to_clean(dropped) is None
    assert layout.next_clean(dropped) == 7


def test_word_motions():
    layout, motions = doc()
    base = layout.vstarts[2]
    at = base + TEXT.index("Ministry")
    assert motions.word_next(base) == at
    assert motions.word_prev(at) == base
    assert motions.word_end(base) == base + 2
    assert motions.word_end(base + 2) == base + TEXT.index("Ministry") + 7
    assert motions.snap(base + 3) == at  # the space before "Ministry"
    # w from the title reaches the dropped block, then the article
    assert motions.word_next(layout.vstarts[0]) == layout.vstarts[1]


def test_sentence_and_paragraph_motions():
    layout, motions = doc()
    base = layout.vstarts[2]
    second = base + TEXT.index("Xi")
    assert motions.sentence_next(base) == second
    assert motions.sentence_prev(second + 5) == second
    assert motions.sentence_prev(second) == base
    assert motions.sentence_at(base + 5) == (base, base + TEXT.index(" Xi"))
    assert motions.paragraph_next(layout.vstarts[0]) == layout.vstarts[1]
    assert motions.paragraph_prev(second) == base


def test_grow_and_shrink_selection_by_words():
    layout, motions = doc()
    base = layout.vstarts[2]
    word = (base + 4, base + 12)  # "Ministry"
    grown = motions.grow_end(word)
    assert TEXT[grown[0] - base : grown[1] - base] == "Ministry of"
    assert motions.shrink_end(grown) == word
    assert motions.shrink_end(word) == word  # never empty
    left = motions.grow_start(word)
    assert TEXT[left[0] - base : left[1] - base] == "The Ministry"
    assert motions.shrink_start(left) == word
    assert motions.shrink_start(word) == word


def test_extend_name_over_capitals_particles_and_initials():
    layout, motions = doc()
    base = layout.vstarts[2]

    def extend(word: str) -> str:
        start = base + TEXT.index(word)
        result = motions.extend_name(motions.word_range(start))
        return TEXT[result[0] - base : result[1] - base]

    assert extend("Ministry") == "Ministry of Industry and Information Technology"
    assert extend("Xi") == "Xi Jinping"
    assert extend("John") == "John F. Kennedy"
    assert extend("Technology") == "Technology"  # the full stop ends the name


def test_extend_name_stops_at_an_and_between_two_names_until_pressed_again():
    text = "Partners include Alibaba Cloud and Baidu Blockchain Engine, it said."
    layout, motions = doc(text)
    base = layout.vstarts[2]
    start = base + text.index("Alibaba")
    once = motions.extend_name(motions.word_range(start))
    assert text[once[0] - base : once[1] - base] == "Alibaba Cloud"
    twice = motions.extend_name(once)
    assert text[twice[0] - base : twice[1] - base] == "Alibaba Cloud and Baidu Blockchain Engine"


def test_generated_header_blocks_are_not_cursor_stops():
    blocks = [
        Block("Title", 0, "title"),
        Block("2019-01-01 · 300 words", None, "header"),
        Block("Body text.", 7, "content"),
    ]
    layout = Layout(blocks, 40)
    motions = Motions(layout)
    assert motions.word_next(layout.vstarts[0]) == layout.vstarts[2]
    assert motions.paragraph_next(layout.vstarts[0]) == layout.vstarts[2]
    assert motions.paragraph_prev(layout.vstarts[2] + 5) == layout.vstarts[2]
    assert motions.paragraph_prev(layout.vstarts[2]) == layout.vstarts[0]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab C.\u4e2d\n")), max_size=30), max_size=4),
    st.integers(min_value=0, max_value=200),
)
def test_motions_stay_on_word_starts_and_selection_edits_keep_order(texts, seed):
    blocks, offset = [], 0
    for text in texts:
        blocks.append(Block(text, offset, "content"))
        offset += len(text) + 2
    layout = Layout(blocks, 8)
    motions = Motions(layout)
    stops = set(motions.starts)
    position = motions.first()
    for _step in range(seed % 15):
        moved = motions.word_next(position)
        assert moved > position or moved == motions.last() or not stops
        position = moved
        assert position in stops or not stops
    if not stops:
        return
    selection = motions.word_range(position)
    for edit in ("grow_end", "grow_start", "shrink_end", "shrink_start", "extend_name"):
        new = getattr(motions, edit)(selection)
        assert new[0] < new[1]
        assert new[0] in stops and (new[1] in set(motions.ends) or new[1] == selection[1])
        selection = new


def test_empty_and_wordless_documents_do_not_break_motions():
    layout = Layout([], 20)
    motions = Motions(layout)
    assert layout.height == 0
    assert motions.word_next(0) == 0 and motions.first() == 0
    layout = Layout([Block("", 0, "content"), Block("* * *", 2, "content")], 20)
    motions = Motions(layout)
    assert motions.word_next(0) == layout.vstarts[1]  # the wordless block is still a stop
    assert layout.to_clean(layout.vstarts[1]) == 2


def test_has_word_in_counts_wrapped_long_words():
    layout = Layout(
        [Block("x" * 50 + " end", 0, "content"), Block("2019 · 40 words", None, "header")], 20
    )
    motions = Motions(layout)
    assert all(motions.has_word_in(*layout.line_range(line)) for line in range(3))
    header_line = layout.block_lines[1][0]
    assert not motions.has_word_in(*layout.line_range(header_line))
    assert not motions.has_word_in(5, 5)
