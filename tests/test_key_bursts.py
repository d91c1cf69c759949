"""Keys that arrive faster than a screen opens (tmux, a fast typist) land where they were meant."""

from __future__ import annotations

import pytest
from support import database, make_app, open_first_article, sync, wait_until
from textual import events

from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.status_line import StatusLine

NAMES = {"slash": "/", "enter": None, "space": " ", "escape": None, "backspace": None, "tab": "\t"}


def burst(app, *keys: str) -> None:
    """Queue every key at once, as a terminal delivers a burst, without waiting in between."""
    for key in keys:
        character = NAMES.get(key, key) if len(key) > 1 else key
        app.post_message(events.Key(key, character))


def typed(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def open_claim_editor(app, pilot) -> None:
    """The first article's "Shortly after ..." sentence made a claim: its editor open."""
    from tui.app.modals.claim_editor import ClaimEditor

    await open_first_article(app, pilot)
    await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
    await pilot.press("slash", *"Shortly", "enter", "s", "c")
    await wait_until(pilot, lambda: isinstance(app.screen, ClaimEditor), "the claim editor")


@sync
async def test_a_search_typed_in_one_burst_after_slash_is_searched_whole(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.pause()
        burst(app, "slash", *typed("Weizhong"), "enter", "2")
        await pilot.pause(0.3)
        burst(app, "slash", *typed("China Mobile"), "enter", "v", "w", "2")
        await pilot.pause(0.3)
        burst(app, "slash", *typed("nowhere-to-be-found"), "enter")
        await pilot.pause(0.3)
        assert "not found: nowhere-to-be-found" in app.screen.query_one(StatusLine).message
        app.session.flush()
    tagged = sorted((a["exact"], a["label"]) for a in database(tmp_path)["annotations"])
    assert tagged == [("China Mobile", "ORG"), ("Weizhong", "ORG")]


@pytest.mark.slow
@sync
async def test_search_finds_dropped_lines_while_the_boilerplate_view_shows_them(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        screen = app.screen
        raw = screen.article.document.raw
        dropped = next(
            raw[line.start : line.end].strip()
            for line in screen.article.cleaned.lines
            if line.decision not in ("title", "content")
            and len(raw[line.start : line.end].split()) >= 2
        )
        needle = " ".join(dropped.split()[:2])
        await pilot.press("z", "slash", *typed(needle), "enter")
        block = screen.reader.current_block
        assert block is not None and block.start is None and needle in " ".join(block.text.split())


@sync
async def test_bindings_and_search_keys_of_one_burst_run_in_the_order_typed(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.pause()
        # K and 2 must act on Weizhong Bank before the next search moves the cursor on
        burst(app, "slash", *typed("Weizhong"), "enter", "K", "2", "slash", *typed("Xinhua"))
        burst(app, "enter", "3")
        await pilot.pause(0.5)
        app.session.flush()
    tagged = sorted((a["exact"], a["label"]) for a in database(tmp_path)["annotations"])
    assert tagged == [("Weizhong Bank", "ORG"), ("Xinhua", "GPE")]


@sync
async def test_a_library_filter_typed_in_one_burst_after_slash_is_filtered_whole(tmp_path):
    """`/joins` then Enter twice, in one burst: no letter lands on the table (`r` reversed the
    sort, the others were lost) and the second Enter opens the one article left."""
    from support import wait_indexed
    from textual.widgets import Input

    from tui.app.screens.library import LibraryScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await wait_indexed(app, pilot, 5)
        library = app.screen
        burst(app, "slash", *typed("joins rd"))
        await pilot.pause(0.3)
        assert isinstance(library, LibraryScreen)
        assert library.query_one(Input).value == "joins rd"
        assert not library.sort_reverse and library.sort_column is None
        burst(app, "backspace", "backspace", "backspace", "enter", "enter")
        await wait_until(pilot, lambda: getattr(app.screen, "article", None), "the article")
        assert app.screen.article.id == "001_c81238c294599553.txt"  # "Huobi Joins Chinese…"


@sync
async def test_letters_typed_right_after_tab_in_a_form_reach_the_field_tab_moved_to(tmp_path):
    """In the claim editor, Tab then a name in one burst: the letters were queued for the
    speaker list before Tab moved the focus to the name field, and were lost."""
    from textual.widgets import Input

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_claim_editor(app, pilot)
        await pilot.pause()
        burst(app, "tab", *typed("Lin Yunan"))
        await pilot.pause(0.3)
        assert app.screen.query_one("#claim-speaker-text", Input).value == "Lin Yunan"
        burst(app, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader again")
        app.session.flush()
    claims = [a for a in database(tmp_path)["annotations"] if a["kind"] == "claim"]
    assert [c["attributes"]["speaker"]["text"] for c in claims] == ["Lin Yunan"]


@sync
async def test_keys_pressed_as_the_library_opens_go_to_the_list_not_the_filter(
    tmp_path, monkeypatch
):
    """The filter field came first in the screen, so it had the focus until the list took it:
    `s r` typed as newsmark started filtered on "sr" (0 articles) instead of sorting (in tmux;
    this early the test app drops keys the list does not take, so only the field is checked)."""
    from support import wait_indexed
    from textual.widgets import Input

    from tui.app.screens.library import LibraryScreen

    mount = LibraryScreen.on_mount

    def keys_already_typed(screen) -> None:
        burst(screen.app, "s", "r")  # queued before the screen's own start-up work
        mount(screen)

    monkeypatch.setattr(LibraryScreen, "on_mount", keys_already_typed)
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.pause(0.2)
        library = app.screen
        assert library.query_one(Input).value == ""
        assert library.focused is library.query_one("#library-table")


@sync
async def test_a_whole_claim_form_typed_in_one_burst_fills_each_field(tmp_path):
    """In the name field, the rest of the name, three Tabs and a note in one burst: the note's
    letters were typed into the name field, which still had them queued when the Tabs moved
    the focus on."""
    from textual.widgets import Input

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_claim_editor(app, pilot)
        await pilot.pause()
        burst(app, "tab", *typed("Lin"))
        await pilot.pause(0.3)  # the name field has the focus: the next burst goes to it
        burst(app, *typed(" Yunan"), "tab", "tab", "tab", *typed("launch day"))
        await pilot.pause(0.3)
        editor = app.screen
        assert editor.query_one("#claim-speaker-text", Input).value == "Lin Yunan"
        assert editor.query_one("#claim-note", Input).value == "launch day"


@sync
async def test_slash_in_the_library_starts_a_new_filter_even_in_a_burst(tmp_path):
    """After `/joins⏎`, `/weizhong` filtered on "joinsweizhong" (0 articles): `/` selects the
    old filter, so what is typed next replaces it, as with one key at a time."""
    from support import wait_indexed
    from textual.widgets import Input

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await wait_indexed(app, pilot, 5)
        burst(app, "slash", *typed("joins"), "enter")
        await pilot.pause(0.3)
        burst(app, "slash", *typed("weizhong"))
        await pilot.pause(0.3)
        assert app.screen.query_one(Input).value == "weizhong"
        await pilot.press("escape", "slash", *"bsn")
        assert app.screen.query_one(Input).value == "bsn"


@sync
async def test_an_open_list_in_the_claim_editor_still_takes_its_keys(tmp_path):
    """Space opens the type list (Esc closes it), Down picks the next type, Enter, Enter saves:
    the keys bubbling up from the open list must not be handed on again (they looped)."""
    from tui.app.modals.claim_editor import ClaimEditor

    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_claim_editor(app, pilot)
        await pilot.press("tab", "tab", "space", "escape", "space", "down", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ClaimEditor)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader again")
        app.session.flush()
    claims = [a for a in database(tmp_path)["annotations"] if a["kind"] == "claim"]
    assert [c["attributes"]["type"] for c in claims] == ["prediction"]  # after "assertion"
