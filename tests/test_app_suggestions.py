"""Tag all occurrences and work through suggestions with keys; the file holds what was accepted."""

from __future__ import annotations

import threading

import pytest
from support import database, make_app, open_first_article, sync, wait_until

from tui.app.modals.claim_editor import ClaimEditor
from tui.app.modals.occurrences import OccurrencePreview
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.status_line import StatusLine


async def open_reader(app, pilot):
    await open_first_article(app, pilot)
    await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
    return app.screen


async def tag(pilot, text: str, label: str) -> None:
    await pilot.press("slash", *text, "enter", "K", label)


def mentions(tmp_path, text: str) -> list[dict]:
    return [a for a in database(tmp_path)["annotations"] if a["exact"] == text]


@pytest.mark.slow
@sync
async def test_tag_all_occurrences_in_the_article_then_undo_in_one_step(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        await tag(pilot, "China Mobile", "2")
        await pilot.press("asterisk")
        assert isinstance(app.screen, OccurrencePreview)
        assert len(app.screen.hits) == 2
        await pilot.press("a")
        assert app.screen is screen
        app.session.flush()
        assert [(a["label"], a["state"]) for a in mentions(tmp_path, "China Mobile")] == [
            ("ORG", "ok")
        ] * 3
        await pilot.press("u")
        app.session.flush()
        assert len(mentions(tmp_path, "China Mobile")) == 1


@pytest.mark.slow
@sync
async def test_tag_in_the_corpus_one_by_one_linked_to_the_source_entity(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        entity = app.session.store.add_entity("China UnionPay", "ORG")
        await tag(pilot, "China UnionPay", "2")
        app.session.store.link(screen.under_cursor()["id"], entity["id"])
        screen.reload_annotations()
        await pilot.press("number_sign")  # reads the unopened articles in a worker
        await wait_until(pilot, lambda: isinstance(app.screen, OccurrencePreview), "the preview")
        preview = app.screen
        assert {h.document_id for h in preview.hits} == {
            screen.article.id,
            "001_c81238c294599553.txt",
        }
        assert len(preview.hits) == 4
        await pilot.press("y", "n", "y", "enter")  # accept, skip, accept, accept (Enter)
        assert app.screen is screen
        assert "tagged 3 occurrences (2 in other articles)" in screen.query_one(StatusLine).message
        app.session.flush()
        found = mentions(tmp_path, "China UnionPay")
        assert len(found) == 4 and {a["entity_id"] for a in found} == {entity["id"]}
        await pilot.press("u")  # a corpus-wide step that touched this article undoes here
        app.session.flush()
        assert len(mentions(tmp_path, "China UnionPay")) == 1


@pytest.mark.slow
@sync
async def test_corpus_search_runs_in_a_worker_and_keys_stay_live(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        release = threading.Event()
        record = app.session.record

        def slow_record(entry):
            release.wait(10)  # an unopened article that takes long to read and clean
            return record(entry)

        app.session.record = slow_record
        await tag(pilot, "China UnionPay", "2")
        await pilot.press("number_sign")
        assert "reading 4 unopened articles" in screen.query_one(StatusLine).message
        first = screen.article.id
        await pilot.press("right_square_bracket")  # handled while the worker waits
        assert screen.article.id != first
        release.set()
        await wait_until(
            pilot,
            lambda: "finished elsewhere" in screen.query_one(StatusLine).message,
            "the search to end",
        )
        assert app.screen is screen  # no preview over an article the hits are not from
        await pilot.press("left_square_bracket", "number_sign")  # recorded now: straight to hits
        await wait_until(pilot, lambda: isinstance(app.screen, OccurrencePreview), "the preview")
        assert len(app.screen.hits) == 4


@sync
async def test_registry_suggestions_are_accepted_and_rejected_with_one_key(tmp_path):
    app = make_app(tmp_path)
    app.session.store.add_entity("China Telecom", "ORG")
    app.session.store.add_entity("Huobi", "ORG", aliases=["Huobi China"])
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        suggested = [a for a in screen.annotations if a["state"] == "suggested"]
        assert {a["exact"] for a in suggested} >= {"China Telecom", "Huobi", "Huobi China"}
        assert "suggestions" in screen.query_one(StatusLine).position
        await pilot.press("g", "f")  # to the first suggestion
        first = screen.under_cursor()
        assert first["state"] == "suggested"
        await pilot.press("a")  # accept, and the cursor goes on to the next one
        second = screen.under_cursor()
        assert second["id"] != first["id"] and second["state"] == "suggested"
        await pilot.press("r")
        await pilot.press("A")  # all the rest
        app.session.flush()
    db = database(tmp_path)
    states = {a["id"]: a for a in db["annotations"]}
    assert states[first["id"]]["state"] == "ok" and states[first["id"]]["entity_id"]
    assert second["id"] not in states  # rejected ...
    rejected = db["meta"][0]["state"]["suggestions.rejected"][second["document_id"]]
    assert f"{second['start']}:{second['end']}:{second['label']}" in rejected  # ... and remembered
    assert all(a["state"] == "ok" for a in db["annotations"])


@pytest.mark.slow
@sync
async def test_model_suggestions_from_a_blank_pipeline_with_an_entity_ruler(tmp_path):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Weizhong Bank"}])
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        screen.suggester.model_name, screen.suggester.pipeline = "ruler", nlp
        await pilot.press("S")
        await wait_until(
            pilot,
            lambda: any(a["exact"] == "Weizhong Bank" for a in screen.annotations),
            "the worker's suggestions",
        )
        await pilot.press("slash", *"Weizhong", "enter", "a")
        app.session.flush()
    [bank] = mentions(tmp_path, "Weizhong Bank")
    assert (bank["label"], bank["state"], bank["attributes"]["suggested_by"]) == (
        "ORG",
        "ok",
        "model:ruler",
    )


@pytest.mark.slow
@sync
async def test_accept_a_suggested_claim_with_its_cue_and_speaker(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        await tag(pilot, "Lin Yunan", "1")
        await pilot.press("S")
        await wait_until(
            pilot, lambda: any(a["kind"] == "claim" for a in screen.annotations), "claims"
        )
        await pilot.press("slash", *"effectively reduce", "enter", "a")
        assert not isinstance(app.screen, ClaimEditor)
        app.session.flush()
    db = database(tmp_path)
    claim = next(
        a for a in db["annotations"] if a["kind"] == "claim" and "effectively" in a["exact"]
    )
    lin = mentions(tmp_path, "Lin Yunan")[0]
    text = next(d for d in db["documents"] if d["id"] == claim["document_id"])["text"]
    cue = claim["attributes"]["cue"]
    assert claim["state"] == "ok" and text[cue["start"] : cue["end"]] == "said"
    assert claim["attributes"]["speaker"]["annotation_id"] == lin["id"]
    assert (claim["id"], lin["id"], "said_by") in [
        (r["from"], r["to"], r["type"]) for r in db["relations"]
    ]


@pytest.mark.slow
@sync
async def test_dot_repeats_the_last_label_on_the_next_match(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_reader(app, pilot)
        await pilot.press("g")
        await tag(pilot, "China Mobile", "2")
        await pilot.press("full_stop", "full_stop")
        app.session.flush()
        assert len(mentions(tmp_path, "China Mobile")) == 3


@sync
async def test_suggested_spans_take_their_style_from_the_stylesheet(tmp_path):
    app = make_app(tmp_path)
    app.session.store.add_entity("China Telecom", "ORG")
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        reader = screen.reader

        def telecom():
            height = reader.scrollable_content_region.height
            segments = [s for y in range(height) for s in reader.render_line(y)]
            return next(s.style for s in segments if "Telecom" in s.text and "," not in s.text)

        # newsmark.tcss: `ReaderView > .reader--suggested { text-style: dim underline not bold }`
        assert reader.get_component_rich_style("reader--suggested").dim
        ghost = telecom()
        assert ghost.dim and ghost.underline and not ghost.bold
        await pilot.press("g", "f", "a")  # accepted: the label's own style, bold and not dim
        accepted = telecom()
        assert accepted.bold and not accepted.dim and accepted.color == ghost.color


@pytest.mark.slow
@sync
async def test_accept_or_reject_every_suggestion_alike_with_one_key(tmp_path):
    app = make_app(tmp_path)
    app.session.store.add_entity("China Mobile", "ORG")
    app.session.store.add_entity("NIC", "ORG")
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        await pilot.press("slash", *"China Mobile", "enter")
        assert "= accepts all 3 “China Mobile”" in screen.suggester.hint()
        await pilot.press("equals_sign")
        assert "accepted 3 × “China Mobile” as ORG" in screen.query_one(StatusLine).message
        app.session.flush()
        assert [a["state"] for a in mentions(tmp_path, "China Mobile")] == ["ok"] * 3
        await pilot.press("u")  # one undo step: all three are suggestions again
        app.session.flush()
        assert [a["state"] for a in mentions(tmp_path, "China Mobile")] == ["suggested"] * 3
        await pilot.press("slash", *"NIC", "enter", "X")
        app.session.flush()
        assert mentions(tmp_path, "NIC") == []
        rejected = database(tmp_path)["meta"][0]["state"]["suggestions.rejected"]
        assert len(rejected[screen.article.id]) == 3  # remembered, never suggested again here


@sync
async def test_the_occurrence_preview_keeps_the_spaces_around_the_hit(tmp_path):
    """“China UnionPay (the country’s …” was shown as “China UnionPay(the country’s …”."""
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_reader(app, pilot)
        await tag(pilot, "China UnionPay", "2")
        await pilot.press("asterisk")
        assert isinstance(app.screen, OccurrencePreview)
        rows = [str(option.prompt) for option in app.screen.query_one("#occurrence-list").options]
        assert any("National Information Centre (NIC), China UnionPay (the" in r for r in rows)


@sync
async def test_accept_all_without_suggestions_says_so_instead_of_offering_an_undo(tmp_path):
    """`A` on an article with nothing suggested said "accepted 0 suggestions (u undoes all)"."""
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        await pilot.press("A")
        message = screen.query_one(StatusLine).message
        assert message == "no open suggestions in this article (S suggests)"


@sync
async def test_names_tagged_with_star_and_accepted_suggestions_count_in_the_session(tmp_path):
    """The tagging-session record (T, `stats --sessions`) counted only names tagged one by one:
    the two more "China Mobile" that `*` `a` tagged, and accepted suggestions, were missing."""
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_reader(app, pilot)
        await tag(pilot, "China Mobile", "2")
        await pilot.press("asterisk")
        assert isinstance(app.screen, OccurrencePreview)
        await pilot.press("a")
        app.session.flush()
    (record,) = database(tmp_path)["sessions"]
    assert record["annotations"]["ORG"]["added"] == 3


@sync
async def test_f_on_the_only_suggestion_says_it_is_the_only_one(tmp_path):
    """`f` with one suggestion, already under the cursor, changed nothing on screen."""
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_reader(app, pilot)
        await pilot.press("right_square_bracket", "S")  # Huobi: one claim candidate
        status = screen.query_one(StatusLine)
        await wait_until(pilot, lambda: "1 new suggestion" in status.message, "the suggestion")
        await pilot.press("f")
        assert status.message == "the only open suggestion here: a accepts, r rejects"
