"""The reader widget at the edges: tiny terminals, empty documents, themes, focus, dropped lines."""

from __future__ import annotations

import pytest
from support import Host, article, quoted
from textual.app import App, ComposeResult
from textual.screen import Screen

from tui.app.widgets.reader import Block, ReaderView

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("size", [(80, 24), (20, 8)])
async def test_small_terminals_render(size):
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=size) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.press("pagedown", "pagedown", "j", "w", "G")
        assert quoted(text, reader.target_range()) == "all"


async def test_empty_document_accepts_every_key():
    app = Host([])
    async with app.run_test(size=(40, 10)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.press(
            "w",
            "b",
            "e",
            "j",
            "k",
            "pagedown",
            "pageup",
            "g",
            "G",
            "v",
            "s",
            "greater_than_sign",
            "K",
            "right_parenthesis",
            "right_curly_bracket",
        )
        assert reader.target_range() is None and reader.current_block is None
        assert reader.cursor == 0 and reader.selection is None


async def test_selection_across_paragraphs_maps_to_clean_offsets():
    text, blocks = article(dropped=None)
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("run it"))
        await pilot.press("v", "right_curly_bracket")  # stops at the paragraph's end (issue 11)
        assert quoted(text, reader.selection) == "run it."
        await pilot.press("w", "w")
        assert quoted(text, reader.selection) == "run it.\n\nCritics said"


@pytest.mark.parametrize("width", [80, 83])  # 83: the provisional wrap width happens to be right
async def test_cursor_given_before_layout_is_scrolled_into_view(width):
    text, blocks = article()

    class Late(Screen):
        def compose(self) -> ComposeResult:
            yield ReaderView()

        def on_mount(self) -> None:  # the widget has no size yet here
            self.query_one(ReaderView).set_document(
                blocks, [], cursor=text.index("Filler paragraph 25")
            )

    class LateHost(App):
        def on_mount(self) -> None:
            self.push_screen(Late())

    app = LateHost()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(ReaderView)
        line = reader._layout.line_of(reader._position)
        assert reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height


async def test_theme_change_restyles_cached_lines():
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        dark = reader.render_line(0)
        app.theme = "textual-light"
        await pilot.pause()
        light = reader.render_line(0)
        assert dark.text == light.text
        assert [s.style for s in dark] != [s.style for s in light]


async def test_selection_straying_onto_a_dropped_line_keeps_the_article_part():
    text, blocks = article()
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("launched"))
        await pilot.press("v", "w", "w")  # onto "Share | Tweet | Email"
        assert reader.current_block.kind == "dropped"
        assert quoted(text, reader.selection) == "launched"
        await pilot.press("w", "w", "w")  # through it into the article
        assert quoted(text, reader.selection) == "launched\n\nThe Ministry"


async def test_down_passes_a_note_on_its_own_line():
    dropped = "Share this story with your friends and family on every network"
    text, blocks = article(dropped=dropped)
    app = Host(blocks)
    async with app.run_test(size=(40, 24)) as pilot:
        reader = app.query_one(ReaderView)
        dropped_lines = reader._layout.block_lines[1]
        assert dropped_lines[1] - dropped_lines[0] == 3  # two lines of text, the note on a third
        await pilot.press("down", "down")
        assert reader.current_block.kind == "dropped"
        await pilot.press("down")
        assert quoted(text, reader.target_range()) == "The"
        await pilot.press("up")
        assert reader.current_block.kind == "dropped"


async def test_up_from_the_article_skips_the_generated_header():
    text, blocks = article(dropped=None)
    blocks.insert(1, Block("2019-11-12 · Reuters · 300 words", None, "header"))
    app = Host(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        reader.move_to(text.index("The Ministry"))
        await pilot.press("up")
        assert reader.current_block.kind == "title"
        await pilot.press("down")
        assert quoted(text, reader.target_range()) == "The"


async def test_cursor_dims_while_another_widget_has_focus():
    from textual.widgets import Input

    text, blocks = article(dropped=None)

    class TwoWidgets(Host):
        def compose(self) -> ComposeResult:
            yield ReaderView(id="reader")
            yield Input(id="other")

    app = TwoWidgets(blocks)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()

        def cursor_style():
            return next(seg.style for seg in reader.render_line(0) if seg.text == "Blockchain")

        assert cursor_style().reverse
        before = reader.lines_rendered
        app.query_one(Input).focus()
        await pilot.pause()
        assert not cursor_style().reverse
        assert reader.lines_rendered - before <= 2  # only the cursor line was rebuilt
        reader.focus()
        await pilot.pause()
        assert cursor_style().reverse
