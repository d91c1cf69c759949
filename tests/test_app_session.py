"""Whole sessions driven by key presses, asserting what the database file then contains."""

from __future__ import annotations

import pytest
from support import database, make_app, open_first_article, search, wait_indexed, wait_until

from tui.app.modals.claim_editor import ClaimEditor
from tui.app.modals.help import HelpScreen
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.status_line import StatusLine

pytestmark = pytest.mark.anyio


@pytest.mark.slow
async def test_a_working_session_ends_up_in_the_database(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_first_article(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        screen = app.screen
        # A two-word name: find it, extend over the capitalised words, label PERSON.
        await search(pilot, "Lin Yunan")
        await pilot.press("K", "1")
        # The sentence under the cursor becomes a claim with attributes.
        await pilot.press("s", "c")
        assert isinstance(app.screen, ClaimEditor)
        # The form always opens on the speaker (guessed from the attribution); Tab x4 to the note.
        await pilot.press("tab", "tab", "tab", "tab", *"official line", "shift+tab")
        await pilot.press("space", "down", "enter")  # open the stance list, pick "supported"
        await pilot.press("ctrl+s")
        assert app.screen is screen
        # Label, undo, redo.
        await search(pilot, "Weizhong Bank")
        await pilot.press("v", "w", "e", "2")
        await search(pilot, "Xinhua")
        await pilot.press("2", "u")
        assert not any(a["exact"] == "Xinhua" for a in screen.annotations)
        await pilot.press("ctrl+r")
        assert any(a["exact"] == "Xinhua" for a in screen.annotations)
        await search(pilot, "Xinhua")
        await pilot.press("x")
        # Boilerplate view: restore the last dropped line as content.
        await pilot.press("z", "G")
        block = screen.reader.current_block
        assert block.kind == "dropped" and block.raw_line
        restored_line = block.raw_line
        await pilot.press("t")
        assert screen.article.overrides == {restored_line: "content"}
        assert block.text in screen.article.text
        # Next article, mark it done, quit.
        await pilot.press("right_square_bracket")
        assert "article 2 of 5" in app.screen.query_one(StatusLine).position
        await pilot.press("m", "q")
    db = database(tmp_path)
    by_text = {a["exact"]: a for a in db["annotations"]}
    assert by_text["Lin Yunan"]["label"] == "PERSON"
    assert by_text["Weizhong Bank"]["label"] == "ORG"
    assert "Xinhua" not in by_text
    claim = next(a for a in db["annotations"] if a["kind"] == "claim")
    # c on the sentence took the quote as the content and "said" as the cue (issue 11)
    assert (
        claim["exact"].startswith("The blockchain service network") and "said" not in claim["exact"]
    )
    cue = claim["attributes"]["cue"]
    text = next(d for d in db["documents"] if d["id"] == claim["document_id"])["text"]
    assert text[cue["start"] : cue["end"]] == "said"
    assert claim["attributes"]["speaker"]["text"] == "Lin Yunan"
    [entity] = db["entities"]
    assert (entity["name"], entity["type"]) == ("Lin Yunan", "PERSON")
    assert (
        claim["attributes"]["speaker"]["entity_id"]
        == entity["id"]
        == by_text["Lin Yunan"]["entity_id"]
    )
    assert claim["attributes"]["stance"] == "supported"
    assert claim["attributes"]["note"] == "official line"
    assert [(r["from"], r["to"], r["type"]) for r in db["relations"]] == [
        (claim["id"], by_text["Lin Yunan"]["id"], "said_by")
    ]
    assert all(a["annotator"] == "tester" for a in db["annotations"])
    documents = {d["id"]: d for d in db["documents"]}
    first, second = sorted(documents)[:2]
    assert documents[first]["overrides"] == {str(restored_line): "content"}
    assert documents[second]["status"] == "done"
    state = db["meta"][0]["state"]["app.session"]
    assert state["document_id"] == second


@pytest.mark.slow
async def test_next_start_resumes_article_cursor_and_selection_mode(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.press("down", "down", "enter")
        await search(pilot, "Wanxiang")
        cursor = app.screen.reader.cursor
        await pilot.press("v", "q")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article, "the reader"
        )
        screen = app.screen
        assert screen.article.id.startswith("002_")
        assert screen.reader.cursor == cursor
        assert screen.reader.selecting


async def test_library_filters_as_you_type_and_sorts(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one("#library-table")
        await pilot.press("slash", *"huobi")
        await wait_until(pilot, lambda: library.text_hits, "the search in article text")
        assert table.row_count == 2  # and the article that mentions Huobi in its text
        await pilot.press("escape")
        assert table.row_count == 5
        await pilot.press("s", "s", "s", "s")  # corpus order -> status -> date -> source -> words
        assert library.sort_column == "words"
        words = [row.entry.words for row in table.rows]
        assert words == sorted(words)


async def test_second_instance_is_read_only_and_writes_nothing(tmp_path):
    from tui.store import Store

    holder = Store.open(tmp_path / "db.json", annotator="other")
    try:
        app = make_app(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_indexed(app, pilot, 5)
            await pilot.press("enter")
            status = app.screen.query_one(StatusLine)
            assert status.read_only is not None
            assert "read-only" in str(status.render())
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            line = str(
                status.render()
            )  # the position must survive a long lock-holder text at 80 columns
            assert "article 1 of 5" in line and "read-only: held by pid" in line, line
            await pilot.press("1")
            assert app.screen.annotations == []
            # the lock is only taken at start: the message must not promise that closing the other is enough
            assert any("restart" in n.message for n in app._notifications)
    finally:
        holder.close()
    assert database(tmp_path)["annotations"] == []


@pytest.mark.slow
async def test_help_is_generated_from_active_bindings_and_follows_the_keymap(tmp_path):
    app = make_app(tmp_path, keymap={"reader.claim": "C"})
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.binding_id: row for row in app.screen.rows}
        assert rows["reader.claim"].keys == "C"
        assert "reader.word_next" in rows and "app.quit" in rows and "reader.label_1" in rows
        # where a key applies is a word a reader knows, short enough for 80 columns (not "ReaderScreen")
        assert (
            rows["app.quit"].where,
            rows["reader.claim"].where,
            rows["reader.word_next"].where,
        ) == ("anywhere", "reader", "text")
        await pilot.press("escape", "c")
        assert not isinstance(app.screen, ClaimEditor)  # c is no longer bound
        await pilot.press("C")
        assert isinstance(app.screen, ClaimEditor)


@pytest.mark.slow
async def test_untrusted_article_renders_safely_and_offsets_hold(tmp_path):
    corpus = tmp_path / "evil"
    corpus.mkdir()
    hostile = (
        "Hostile [bold]x[/bold] \x1b]52;c;ZXZpbA==\x07 headline\n\n"
        "A body line with \x1b[2J\x1b[H cursor moves and [link=https://evil]markup[/link] "
        "and \u202eright-to-left\u202c and zero\u200bwidth text that names Acme Corp as the owner of "
        "the company which reported strong results this quarter, the statement said.\n\n"
        + "x"
        * 3000
        + "\n\n"
        "Another long paragraph of ordinary words so that the cleaner keeps it as the body of the article, "
        "and Acme Corp appears again here.\n"
    )
    (corpus / "evil.txt").write_text(hostile, encoding="utf-8")
    app = make_app(tmp_path, paths=[corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_indexed(app, pilot, 1)
        await pilot.press("enter")
        screen = app.screen
        await search(pilot, "Acme Corp")
        await pilot.press("v", "w", "e", "2")
        text = screen.article.text
        annotation = screen.annotations[0]
        assert text[annotation["start"] : annotation["end"]] == "Acme Corp"
        rendered = "\n".join(
            "".join(segment.text for segment in screen.reader.render_line(y))
            for y in range(screen.reader.size.height)
        )
        assert "\x1b" not in rendered and "\u202e" not in rendered
        status = str(screen.query_one(StatusLine).render())
        assert "\x1b" not in status and "[bold]x[/bold]" in status  # markup shown, not applied
        cursor = screen.reader.cursor
        assert annotation["start"] <= cursor < annotation["end"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.reader.cursor == cursor  # re-wrapped without losing the cursor


async def test_label_keys_are_described_by_their_label(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.press("enter", "question_mark")
        rows = {row.binding_id: row for row in app.screen.rows}
        assert rows["reader.label_1"].description == "Label PERSON"
        assert rows["reader.label_0"].description == "Label CLAIM"


@pytest.mark.slow
async def test_side_panel_lists_annotations_in_text_order_and_enter_jumps(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        screen = app.screen
        await search(pilot, "Xinhua")
        await pilot.press("2")
        await search(pilot, "Huobi")
        await pilot.press("2", "g")
        await pilot.pause()
        panel_list = screen.query_one("#annotation-list")
        assert [row.annotation["exact"] for row in panel_list.rows] == ["Huobi", "Xinhua"]
        await pilot.press("tab", "down", "enter")
        xinhua = next(a for a in screen.annotations if a["exact"] == "Xinhua")
        assert screen.reader.cursor == xinhua["start"]
        assert screen.reader.has_focus


@pytest.mark.slow
async def test_escape_cancels_a_selection_first_then_goes_back_to_the_library(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.press("enter", "v", "w", "escape")
        assert isinstance(app.screen, ReaderScreen) and app.screen.reader.selection is None
        await pilot.press("right_square_bracket", "right_square_bracket", "escape")
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one("#library-table")
        assert table.row_count == 5 and table.cursor_key.startswith("002_")  # the article just read


async def test_dropping_a_line_reanchors_annotations_and_undo_restores_everything(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        screen = app.screen
        original = screen.article.text
        await search(pilot, "Weizhong Bank")
        await pilot.press("K", "2")
        await search(pilot, "Xinhua")  # a kept line before Weizhong Bank: drop it
        await pilot.press("t")
        assert "Xinhua" not in screen.article.text
        bank = next(a for a in screen.annotations if a["label"] == "ORG")
        assert screen.article.text[bank["start"] : bank["end"]] == "Weizhong Bank"
        await pilot.press("u")
        assert screen.article.text == original and screen.article.overrides == {}
        bank = next(a for a in screen.annotations if a["label"] == "ORG")
        assert original[bank["start"] : bank["end"]] == "Weizhong Bank"
    db = database(tmp_path)
    document = next(d for d in db["documents"] if d["id"].startswith("000_"))
    assert document["text"] == original and document["overrides"] == {}
    assert [a["exact"] for a in db["annotations"]] == ["Weizhong Bank"]


@pytest.mark.slow
async def test_readme_keymap_example_puts_edit_on_e(tmp_path):
    from tui.app.modals.label_picker import LabelPicker

    app = make_app(tmp_path, keymap={"reader.edit": "e,enter", "reader.word_end": "ctrl+e"})
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Xinhua")
        await pilot.press("2", "e")
        assert isinstance(app.screen, LabelPicker)
        await pilot.press("3")  # pick GPE by its hotkey
        assert [a["label"] for a in app.screen.annotations] == ["GPE"]


async def test_clicking_a_column_title_sorts_by_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        library = app.screen
        await pilot.click("#library-header", offset=(38, 0))  # the "words" column
        assert (library.sort_column, library.sort_reverse) == ("words", False)
        await pilot.click("#library-header", offset=(38, 0))
        words = [row.entry.words for row in library.query_one("#library-table").rows]
        assert library.sort_reverse and words == sorted(words, reverse=True)


async def test_an_article_deleted_after_indexing_is_reported_not_fatal(tmp_path):
    corpus = tmp_path / "seeds"
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        first = sorted(corpus.glob("*.txt"))[0]
        first.unlink()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ReaderScreen) and app.screen.article.id.startswith("001_")


async def test_status_line_follows_the_store_save_status(tmp_path):
    from tui.app.app import NewsmarkApp

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.press("enter", "2")
        app.session.store.flush()
        status = app.screen.query_one(StatusLine)
        await wait_until(pilot, lambda: status.save_status == "saved", "saved")
        app.post_message(NewsmarkApp.StoreStatus("not saved: disk full"))
        await wait_until(pilot, lambda: status.save_status == "not saved: disk full", "not saved")
        assert "not saved: disk full" in str(status.render())


async def test_undo_never_removes_the_open_article_from_the_database(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.press("enter", "2", "u", "u", "u")
        screen = app.screen
        assert "nothing more to undo" in screen.query_one(StatusLine).message
        assert app.session.store.get_document(screen.article.id) is not None
        await pilot.press("3")
        assert [a["label"] for a in screen.annotations] == ["GPE"]


async def test_a_refused_change_becomes_a_message_not_a_crash(tmp_path):
    from tui.store import ReadOnlyError

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)

        def refuse(*args, **kwargs):
            raise ReadOnlyError(
                "the database was opened read-only; close the other newsmark and reopen"
            )

        app.session.apply_label = refuse
        await pilot.press("2")
        assert isinstance(app.screen, ReaderScreen) and app.is_running
        assert any("close the other newsmark" in n.message for n in app._notifications)


@pytest.mark.slow
async def test_one_undo_takes_back_a_claim_with_its_speaker_link(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Lin Yunan")
        await pilot.press("K", "1", "s", "c", "enter")
        store = app.session.store
        assert len(store.entities()) == 1 and len(store.relations()) == 1
        await pilot.press("u")
        assert [a["label"] for a in app.screen.annotations] == ["PERSON"]
        assert store.entities() == [] and store.relations() == []
        assert app.screen.annotations[0]["entity_id"] is None


async def test_an_empty_folder_lists_nothing_and_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(tmp_path, paths=[empty])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_indexed(app, pilot, 0)
        await pilot.press("enter", "j", "s", "slash", "x", "enter")
        assert isinstance(app.screen, LibraryScreen)
        assert "0 of 0 articles" in str(app.screen.query_one("#library-status").render())
