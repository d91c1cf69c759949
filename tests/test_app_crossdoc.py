"""Cross-document work by keys: link mentions in two articles, merge entities, mark claims."""

from __future__ import annotations

import pytest
from support import database, make_app, open_first_article, search, wait_until

from tui.app.modals.claim_editor import ClaimEditor
from tui.app.modals.entity_picker import EntityPicker
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.entities import EntitiesScreen
from tui.app.screens.reader import ReaderScreen

pytestmark = pytest.mark.anyio


async def _tag_speaker_and_quote(pilot, app, name: str) -> None:
    """Tag `name` PERSON, link it with the picker (l), and make its sentence a claim (c)."""
    await search(pilot, name)
    await pilot.press("K", "1", "l")
    await wait_until(pilot, lambda: isinstance(app.screen, EntityPicker), "the entity picker")
    await pilot.press("enter")  # the first choice: the closest entity, or a new one
    await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
    await pilot.press("s", "c")
    await wait_until(pilot, lambda: isinstance(app.screen, ClaimEditor), "the claim editor")
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader again")


@pytest.mark.slow
async def test_link_merge_and_mark_across_articles_then_undo(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(app, pilot)
        await _tag_speaker_and_quote(pilot, app, "Lin Yunan")
        await pilot.press("right_square_bracket")
        await pilot.pause(0.3)
        await _tag_speaker_and_quote(pilot, app, "Yunan Liu")
        session = app.session
        entities = session.registry.entities()
        assert {e.name for e in entities} >= {"Lin Yunan", "Yunan Liu"}

        # The claims screen offers the pair without typing either quote; x marks contradicts.
        await pilot.press("C")
        await wait_until(pilot, lambda: isinstance(app.screen, ClaimsScreen), "the claims screen")
        claims = app.screen
        assert claims.clusters and claims.clusters[0].attribution_differs
        await pilot.press("x")
        relation = [r for r in database_now(app) if r["type"] == "contradicts"]
        assert len(relation) == 1
        await pilot.press("u")
        assert not [r for r in database_now(app) if r["type"] == "contradicts"]
        await pilot.press("s")
        assert [r for r in database_now(app) if r["type"] == "same_claim"]

        # The entities screen offers Lin Yunan / Yunan Liu; y merges, u undoes, y again.
        await pilot.press("R")
        await wait_until(
            pilot, lambda: isinstance(app.screen, EntitiesScreen), "the entities screen"
        )
        await pilot.press("c")
        assert app.screen.candidates
        await pilot.press("y")
        merged = [e for e in session.registry.entities() if e.mentions == 2]
        assert merged and {merged[0].name, *merged[0].aliases} >= {"Lin Yunan", "Yunan Liu"}
        await pilot.press("u")
        assert not [e for e in session.registry.entities() if e.mentions == 2]
        await pilot.press("ctrl+r")
        await pilot.press("escape", "escape")
        await pilot.press("q")
    db = database(tmp_path)
    people = [e for e in db["entities"] if {"Lin Yunan", "Yunan Liu"} <= {e["name"], *e["aliases"]}]
    assert len(people) == 1
    linked = [a for a in db["annotations"] if a.get("entity_id") == people[0]["id"]]
    assert {a["exact"] for a in linked} == {"Lin Yunan", "Yunan Liu"}
    assert [r for r in db["relations"] if r["type"] == "same_claim"]


def database_now(app) -> list[dict]:
    return app.session.store.relations()


async def test_library_filter_searches_article_text_and_opens_at_the_first_hit(tmp_path):
    from support import wait_indexed

    from tui.app.screens.library import LibraryScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_indexed(app, pilot, 5)
        library = app.screen
        await pilot.press("slash", *"weizhong")  # only in article text, never in a title
        await wait_until(pilot, lambda: library.text_hits, "the text search")
        assert isinstance(library, LibraryScreen)
        assert set(library.text_hits) and all(h.hits >= 1 for h in library.text_hits.values())
        await pilot.press("enter", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        screen = app.screen
        await wait_until(pilot, lambda: screen.article is not None, "the article")
        cursor = screen.reader.cursor
        assert screen.article.text[cursor : cursor + 8].casefold() == "weizhong"


async def test_the_claims_screen_says_how_to_make_a_claim_when_there_is_none(tmp_path):
    from tui.app.widgets.claim_pair import ClaimPairView

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(app, pilot)
        await pilot.press("C")
        await wait_until(pilot, lambda: isinstance(app.screen, ClaimsScreen), "the claims screen")
        shown = str(app.screen.query_one(ClaimPairView).render())
        assert "No claims yet" in shown and "press c" in shown


async def test_the_entities_screen_shows_each_mention_in_its_sentence(tmp_path):
    """“Lin Yunan” ends a 200-character quote: the row used to stop at its 120th character."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Lin Yunan")
        await pilot.press("K", "1", "l")
        await wait_until(pilot, lambda: isinstance(app.screen, EntityPicker), "the entity picker")
        await pilot.press("enter")  # a new entity named after the mention
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.press("R")
        await wait_until(pilot, lambda: isinstance(app.screen, EntitiesScreen), "the entities")
        await pilot.pause()
        rows = [str(o.prompt) for o in app.screen.query_one("#entity-mentions").options]
        assert len(rows) == 1 and "said Lin Yunan, director of the NIC" in rows[0]
