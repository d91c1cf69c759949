"""The reader widget driven by real key presses: motions, selection, repaint counts, hostile text."""

from __future__ import annotations

import pytest
from support import TITLE, Host, article, quoted

from tui.app.widgets.reader import ReaderView, Span

pytestmark = pytest.mark.anyio


async def test_word_motions_and_repaint_counts():
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        assert reader.cursor == 0
        for _ in range(7):
            before = reader.lines_rendered
            await pilot.press("w")
            await pilot.pause()
            assert reader.lines_rendered - before <= 2
        # Title (3 words), the dropped line (3 words), then the article.
        assert quoted(text, reader.target_range()) == "Ministry"
        assert app.moves[-1] == reader.cursor
        await pilot.press("b", "b")
        assert reader.current_block.kind == "dropped"
        assert reader.target_range() is None  # decoration cannot be labelled
        await pilot.press("right", "right")
        assert quoted(text, reader.target_range()) == "Ministry"
        await pilot.press("G")
        assert quoted(text, reader.target_range()) == "all"
        await pilot.press("g")
        assert reader.cursor == 0


async def test_visual_selection_grow_shrink_and_escape():
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("Ministry"))
        await pilot.press("v", "w", "w")
        assert reader.selecting
        assert quoted(text, reader.selection) == "Ministry of Industry"
        await pilot.press("b")
        assert quoted(text, reader.selection) == "Ministry of"
        await pilot.press("escape")
        assert reader.selection is None and not reader.selecting
        assert app.backs == 0
        await pilot.press("escape")  # nothing to cancel: the screen's escape runs
        assert app.backs == 1

        reader.move_to(text.index("Xi"))
        await pilot.press("K")
        assert quoted(text, reader.target_range()) == "Xi Jinping"
        await pilot.press("greater_than_sign", "H")
        assert quoted(text, reader.selection) == "that Xi Jinping backed"
        await pilot.press("L", "less_than_sign")
        assert quoted(text, reader.selection) == "Xi Jinping"
        await pilot.press("shift+left")
        assert quoted(text, reader.selection) == "Xi"
        await pilot.press("alt+left")
        assert quoted(text, reader.selection) == "that Xi"

        await pilot.press("escape")
        reader.move_to(text.index("Officials") + 3)
        await pilot.press("s")
        assert quoted(text, reader.selection).startswith("Officials at the China")
        assert quoted(text, reader.selection).endswith("Technology will run it.")


async def test_sentence_paragraph_and_page_motions():
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("The Ministry"))
        await pilot.press("right_parenthesis")
        assert quoted(text, reader.target_range()) == "Officials"
        await pilot.press("left_parenthesis")
        assert quoted(text, reader.target_range()) == "The"
        await pilot.press("right_curly_bracket")
        assert quoted(text, reader.target_range()) == "Critics"
        await pilot.press("left_curly_bracket")
        assert quoted(text, reader.target_range()) == "The"
        await pilot.press("left_curly_bracket")
        assert reader.current_block.kind == "dropped"
        top = reader.scroll_y
        await pilot.press("pagedown")
        assert reader.scroll_y > top
        line = reader._layout.line_of(reader._position)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height
        await pilot.press("pageup")
        assert reader.scroll_y == top


async def test_up_down_keep_the_column():
    text, blocks = article(dropped=None)
    app = Host(blocks)
    async with app.run_test(size=(40, 24)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("Industry"))
        column = reader._layout.column_of(reader._position)[1]
        await pilot.press("down")
        line, below = reader._layout.column_of(reader._position)
        assert abs(below - column) <= 12
        await pilot.press("up")
        assert quoted(text, reader.target_range()) == "Industry"


async def test_set_spans_repaints_only_the_new_spans_lines():
    text, blocks = article()
    start = text.index("Xi Jinping")
    spans = [Span("a", text.index("Ministry"), text.index(" said"), "ORG", "entity", "on #553300")]
    app = Host(blocks, spans)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        before = reader.lines_rendered
        spans.append(Span("b", start, start + len("Xi Jinping"), "PERSON", "entity", "on #003355"))
        reader.set_spans(spans)
        await pilot.pause()
        layout = reader._layout
        assert (
            reader.lines_rendered - before
            == len(layout.lines_between(layout.to_position(start), layout.to_position(start + 10)))
            <= 2
        )
        before = reader.lines_rendered
        claim = (text.index("Critics"), text.index(" Others"))
        reader.set_spans([*spans, Span("c", *claim, "CLAIM", "claim", "on #222222")])
        await pilot.pause()
        assert reader.lines_rendered - before == len(
            reader._layout.lines_between(
                reader._layout.to_position(claim[0]), reader._layout.to_position(claim[1])
            )
        )
        before = reader.lines_rendered
        reader.set_spans([*spans, Span("c", *claim, "CLAIM", "claim", "on #222222")])
        await pilot.pause()
        assert reader.lines_rendered == before  # nothing changed, nothing repainted


async def test_update_span_moves_one_span_without_rebuilding_the_index():
    text, blocks = article()
    start = text.index("Xi Jinping")
    spans = [Span(f"s{i}", i, i + 1, "ORG", "entity", "on #553300") for i in range(0, 200, 2)]
    app = Host(blocks, spans)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        index, before = reader._index, reader.lines_rendered
        shown = len(index.placed)  # (a span over a paragraph break covers no text)
        person = Span("p", start, start + len("Xi Jinping"), "PERSON", "entity", "on #003355")
        reader.update_span(None, person)
        await pilot.pause()
        layout = reader._layout
        lines = len(layout.lines_between(layout.to_position(start), layout.to_position(start + 10)))
        assert reader.lines_rendered - before == lines <= 2  # only the new span's lines repaint
        assert reader._index is index and len(index.placed) == shown + 1
        before = reader.lines_rendered
        reader.update_span(person, person)  # nothing changed, nothing repainted
        reader.update_span(person, Span("p", start, start + 2, "ORG", "entity", "on #553300"))
        await pilot.pause()
        assert reader.lines_rendered - before == lines
        assert [p.span.label for p in index.placed if p.span.id == "p"] == ["ORG"]
        reader.update_span(index.by_id["p"].span, None)
        assert "p" not in index.by_id and len(index.placed) == shown


async def test_annotations_are_drawn_and_claims_marked_in_the_gutter():
    text, blocks = article(dropped=None)
    claim = (text.index("The Ministry"), text.index(" Officials"))
    person = text.index("Xi Jinping")
    spans = [
        Span("c", *claim, "CLAIM", "claim", "on #202040"),
        Span("p", person, person + 10, "PERSON", "entity", "on #553300"),
    ]
    app = Host(blocks, spans)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        line = reader._layout.line_of(reader._layout.to_position(person))
        strip = reader.render_line(line - round(reader.scroll_y))
        assert strip.text.startswith("▌ ")
        styles = {seg.text: seg.style for seg in strip if seg.text.strip()}
        inner = next(style for seg, style in styles.items() if seg.startswith("Xi"))
        assert inner.underline and inner.bgcolor.name == "#553300"
        outer = next(style for seg, style in styles.items() if "backed" in seg or "said" in seg)
        assert outer.underline and outer.bgcolor.name == "#202040"
        title = reader.render_line(0)
        assert title.text.startswith("  " + TITLE)


HOSTILE = (
    "Esc \x1b[2J\x1b[H clear \x1b]52;c;ZXZpbA==\x07 clip \x9b31m csi [bold]not bold[/bold] "
    "[link=https://evil.example]click[/link] \u202eRTL override\u202c \u05e9\u05dc\u05d5\u05dd "
    "zero\u200bwidth caf\u0065\u0301 \u4e2d\u6587\u5b57 end."
)


@pytest.mark.slow
async def test_hostile_article_renders_safely_and_offsets_match():
    long_line = "A" * 5000
    paragraphs = [HOSTILE, long_line, "After the long line."]
    text, blocks = article(paragraphs, dropped=None)
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        seen = set()
        for _ in range(200):
            target = reader.target_range()
            if target is not None:
                seen.add(quoted(text, target))
            before = reader.cursor
            await pilot.press("w")
            if reader.cursor == before:
                break
        assert {
            "bold",
            "link",
            "https",
            "not",
            "width",
            "\u4e2d\u6587\u5b57",
            long_line,
            "After",
        } <= seen
        for y in range(reader.scrollable_content_region.height):
            line_text = reader.render_line(y).text
            assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in line_text)
            assert "\u202e" not in line_text and "\u200b" not in line_text
        # Walk down through the 5,000-char line screen line by screen line.
        reader.move_to(text.index(long_line))
        lines = 0
        while quoted(text, reader.target_range()) == long_line and lines < 200:
            await pilot.press("down")
            lines += 1
        assert lines >= 5000 // 78
        assert quoted(text, reader.target_range()) == "After"
        reader.move_to(text.index("[bold]") + 1)
        assert quoted(text, reader.target_range()) == "bold"
        strip_text = "".join(
            reader.render_line(y).text for y in range(reader.scrollable_content_region.height)
        )
        assert "[bold]not bold[/bold]" in strip_text
        assert "\u241b[2J" in strip_text  # ESC shown as a picture, not sent


async def test_resize_rewraps_and_keeps_the_cursor():
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("Filler paragraph 20"))
        await pilot.pause()
        wide_height = reader._layout.height
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert reader._layout.height > wide_height
        assert quoted(text, reader.target_range()) == "Filler"
        assert reader.cursor == text.index("Filler paragraph 20")
        line = reader._layout.line_of(reader._position)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height
        assert all(
            len(reader.render_line(y).text) == reader.scrollable_content_region.width
            for y in range(reader.scrollable_content_region.height)
        )


async def test_click_moves_the_cursor_to_the_word():
    text, blocks = article(dropped=None)
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        position = reader._layout.to_position(text.index("Ministry") + 2)
        line, column = reader._layout.column_of(position)
        await pilot.click(ReaderView, offset=(column + 2, line))
        assert quoted(text, reader.target_range()) == "Ministry"


async def test_bindings_have_ids_and_can_be_remapped():
    text, blocks = article(dropped=None)
    app = Host(blocks)
    ids = {binding.id for binding in ReaderView.BINDINGS}
    assert {
        "reader.word_next",
        "reader.select_mode",
        "reader.extend_name",
        "reader.page_down",
    } <= ids
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_keymap({"reader.word_next": "n"})
        reader = app.query_one(ReaderView)
        await pilot.press("n")
        assert quoted(text, reader.target_range()) == "alliance"


async def test_resume_selection_mode_from_set_document():
    text, blocks = article(dropped=None)
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        start = text.index("Critics")
        reader.set_document(blocks, [], cursor=start, selecting=True)
        await pilot.press("w")
        assert quoted(text, reader.selection) == "Critics said"
