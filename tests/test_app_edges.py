"""Sessions at the edges: unreadable files, failed saves, orphans, changed texts, odd spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import database, make_app, open_first_article, search, wait_indexed, wait_until

from tui.app.modals.help import HelpScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.status_line import StatusLine

pytestmark = pytest.mark.anyio


async def test_unreadable_files_are_counted_and_kept_for_the_exit_report(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "A good headline\n\nThe minister said the plan would go ahead this year.\n"
    )
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    app = make_app(tmp_path, paths=[corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_indexed(app, pilot, 1)
        await wait_until(pilot, lambda: len(app.skipped) == 2, "two skipped files")
        status = str(app.screen.query_one("#library-status").render())
        assert "2 skipped (listed on quit)" in status
    assert sorted(Path(m.split(":")[0]).name for m in app.skipped) == ["binary.txt", "empty.txt"]


async def test_a_keymap_id_that_names_no_binding_is_reported(tmp_path):
    app = make_app(tmp_path, keymap={"reader.claim": "C", "reader.cliam": "x"})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_indexed(app, pilot, 5)
        messages = [n.message for n in app._notifications]
        assert any("reader.cliam" in m and "reader.claim" not in m for m in messages), messages


async def test_an_orphan_can_be_deleted_from_the_annotation_list(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Xinhua")
        await pilot.press("2", "t")  # tag, then drop the line it is on: the tag is orphaned
        assert [a["state"] for a in app.screen.annotations] == ["orphaned"]
        assert (
            "1 annotation orphaned" in app.screen.query_one(StatusLine).message
        )  # not "1 annotations"
        await pilot.press("x")  # under the cursor: orphans have no place, so nothing happens
        assert len(app.screen.annotations) == 1
        await pilot.press("tab", "x")
        assert app.screen.annotations == []
        app.session.store.flush()
        assert database(tmp_path)["annotations"] == []


async def test_save_status_reaches_the_reader_under_a_modal_and_a_failing_retry_toasts_once(
    tmp_path,
):
    from tui.app.app import NewsmarkApp

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        reader = app.screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        for status in ("saving", "not saved: disk full", "saving", "not saved: disk full"):
            app.post_message(NewsmarkApp.StoreStatus(status))
        await pilot.pause(0.1)
        await pilot.press("escape")
        assert app.screen is reader
        assert reader.query_one(StatusLine).save_status == "not saved: disk full"
        toasts = [n.message for n in app._notifications if "disk full" in n.message]
        assert len(toasts) == 1, toasts


async def test_an_unopenable_article_is_named_without_control_codes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    feed = corpus / "feed.jsonl"
    feed.write_text(
        '{"id": "x\\u001b]52;c;aGk=\\u0007y", "text": "A headline here\\n\\nThe minister said the plan would go ahead."}\n'
    )
    app = make_app(tmp_path, paths=[corpus])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 1)
        feed.unlink()
        await pilot.press("enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications if "cannot open" in n.message]
        assert messages and not any("\x1b" in m or "\x07" in m for m in messages), messages


@pytest.mark.slow
async def test_opening_an_article_whose_text_changed_says_what_happened_to_its_annotations(
    tmp_path,
):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Xinhua")
        await pilot.press("2")
        await search(pilot, "Weizhong")
        await pilot.press("2")
        await pilot.press("q")
    first = sorted((tmp_path / "seeds").glob("*.txt"))[0]
    raw = first.read_text(encoding="utf-8")
    line = next(row for row in raw.splitlines() if "Weizhong" in row)
    first.write_text(raw.replace(line, "").replace("Xinhua", "the agency Xinhua"), encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_indexed(app, pilot, 5)
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, ReaderScreen) and app.screen.article is not None,
            "the reader resumed",
        )
        await pilot.pause()
        message = app.screen.query_one(StatusLine).message
        assert (
            "clean text changed" in message and "1 re-placed" in message and "1 orphaned" in message
        ), message
        assert any("1 orphaned" in n.message for n in app._notifications)


async def test_quitting_with_unsaved_changes_warns_once_and_the_loss_is_reported(tmp_path):
    import errno
    import os

    import tui.store.database_file as store_module

    def full_disk(path, chunks, **kw):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = make_app(tmp_path)
    real = store_module.write_atomic
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_indexed(app, pilot, 5)
            await pilot.press("enter")
            app.session.store.flush()
            store_module.write_atomic = full_disk
            await pilot.press("2")
            await wait_until(
                pilot, lambda: app.session.store.status.startswith("not saved"), "a failed save"
            )
            await pilot.press("q")
            assert app.is_running and any("q again quits" in n.message for n in app._notifications)
            await pilot.press("q")
    finally:
        store_module.write_atomic = real
    assert app.unsaved and "No space left" in app.unsaved


async def test_an_annotation_starting_inside_a_word_can_be_reached_and_deleted(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        screen = app.screen
        text = screen.article.text
        start = (
            text.index("Xinhua") + 2
        )  # as an import or a fuzzy re-anchoring can leave it: "nhua"
        app.session.store.add_annotation(screen.article.id, "entity", "ORG", start, start + 4)
        screen.reload_annotations()
        await pilot.press("g", "n")
        assert (
            screen.under_cursor() is not None
        )  # the cursor stops at the word start, before the span
        await pilot.press("x")
        assert screen.annotations == []


async def test_undo_stays_in_the_article_on_screen(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Xinhua")
        await pilot.press("3", "right_square_bracket")
        screen = app.screen
        assert "article 2 of 5" in screen.query_one(StatusLine).position
        await pilot.press("u")
        assert "another article" in screen.query_one(StatusLine).message
        await pilot.press("left_square_bracket", "u")
        assert not app.screen.annotations
        await pilot.press("u")
        assert "nothing more to undo" in app.screen.query_one(StatusLine).message
    db = database(tmp_path)
    assert db["annotations"] == []
    assert len(db["documents"]) == 2


async def test_a_label_key_updates_the_span_index_in_place_and_repaints_one_span(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        reader = app.screen.reader
        await pilot.press("w")
        await pilot.pause()
        index, before = reader._index, reader.lines_rendered
        await pilot.press("2")
        await pilot.pause()
        (record,) = app.screen.annotations
        assert reader._index is index and index.by_id[record["id"]].span.label == "ORG"
        assert reader.lines_rendered - before <= 2  # the word's line(s): nothing else repaints


async def test_an_article_with_no_kept_line_is_named_in_the_status_line(tmp_path):
    """A one-line file whose line the cleaner dropped showed "article 1 of 1 · in progress · "."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Just a title line\n")
    app = make_app(tmp_path, paths=[corpus])
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_indexed(app, pilot, 1)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.pause()
        position = app.screen.query_one(StatusLine).position
        assert position.endswith(" · one.txt") or position.endswith(" · Just a title line")


async def test_ctrl_c_copies_the_selection_the_help_screen_promises(tmp_path):
    """Help lists Ctrl+C "Copy selected text"; on a `v` selection it answered "Do you want to
    quit? Press ctrl+q" and copied nothing."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.press("w", "v", "w", "w", "ctrl+c")
        assert app.clipboard == "forms state-backed blockchain"
        assert app.screen.query_one(StatusLine).message.startswith("copied 29 characters")


async def test_a_label_key_refuses_a_selection_that_runs_over_paragraphs(tmp_path):
    """`v` left on, then a search for the next name: the selection ran from the title to the
    hit, and `3` stored a 900-character GPE over six paragraphs."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.press("w", "v")
        await search(pilot, "Xinhua")
        await pilot.press("3")
        messages = [n.message for n in app._notifications]
        assert any("runs over 6 paragraphs" in m for m in messages), messages
        await pilot.press("escape", "3")  # the word under the cursor, as usual
        app.session.flush()
    assert [(a["exact"], a["label"]) for a in database(tmp_path)["annotations"]] == [
        ("Xinhua", "GPE")
    ]


async def test_the_library_keeps_room_for_titles_in_a_60_column_terminal(tmp_path):
    """At 60 columns the fixed columns left the title 6 characters ("Huobi …"); below 80
    the source column (the folder name for plain files) gives way."""
    from tui.app.widgets.library_table import LibraryHeader, LibraryTable

    app = make_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_indexed(app, pilot, 5)
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        rows = ["".join(s.text for s in table.render_line(y)) for y in range(5)]
        assert any("Huobi Joins Chinese" in row for row in rows), rows
        header = str(app.screen.query_one(LibraryHeader).render())
        assert "source" not in header and "title" in header


async def test_n_and_N_say_when_there_is_no_annotation_to_go_to(tmp_path):
    """`n` after the last annotation (or in an untagged article) did nothing, silently."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        status = app.screen.query_one(StatusLine)
        await pilot.press("n")
        assert status.message == "no annotations in this article yet"
        await search(pilot, "Xinhua")
        await pilot.press("3", "n")
        assert status.message == "no annotation after this one"
        await pilot.press("N")
        assert status.message == "no annotation before this one"
        await pilot.press("g", "n")
        assert app.screen.under_cursor()["exact"] == "Xinhua"


async def test_tagging_a_dropped_line_says_to_keep_the_line_first(tmp_path):
    """On a line `z` shows as dropped, 2 said "nothing to label here; move onto a word" while
    the cursor was on a word, and c said "the cursor is not in a sentence"."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.press("z", "G", "b")
        assert app.screen.reader.current_block.kind == "dropped"
        await pilot.press("2", "c")
        messages = [n.message for n in app._notifications]
        assert len([m for m in messages if "dropped by the cleaner" in m and "t keeps" in m]) == 2
        app.session.flush()
    assert database(tmp_path)["annotations"] == []
