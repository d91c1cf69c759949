"""Annotations on the corpus's files opened from another folder are pointed at, never lost."""

from __future__ import annotations

import pytest
from support import database, make_app, open_first_article, search, wait_indexed, wait_until

from tui.workspace.corpus_match import elsewhere_hint

pytestmark = pytest.mark.anyio

CORPUS = ["000_a.txt", "001_b.txt", "002_c.txt"]


def test_a_database_made_from_the_folder_above_is_pointed_at():
    hint = elsewhere_hint({"seeds/000_a.txt", "seeds/001_b.txt"}, CORPUS)
    assert hint is not None and "2 annotated documents" in hint and "holds seeds/" in hint


def test_a_database_made_from_inside_the_folder_is_pointed_at():
    hint = elsewhere_hint({"000_a.txt"}, ["seeds/000_a.txt", "seeds/001_b.txt"])
    assert hint is not None and hint.startswith("1 annotated document in this database is a file")
    assert "open seeds/ itself" in hint


@pytest.mark.parametrize(
    "annotated",
    [
        set(),  # nothing annotated
        {"000_a.txt", "other/zzz.txt"},  # some annotations show: the corpus is the right one
        {"elsewhere/x.txt", "elsewhere/y.txt", "seeds/000_a.txt"},  # mostly another corpus
    ],
)
def test_no_hint_when_the_annotations_show_or_belong_elsewhere(annotated):
    assert elsewhere_hint(annotated, CORPUS) is None


async def test_the_seeds_opened_from_the_folder_above_say_where_their_annotations_are(tmp_path):
    app = make_app(tmp_path)  # the seeds folder itself: ids like 000_....txt
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await search(pilot, "Xinhua")
        await pilot.press("2")
        await wait_until(pilot, lambda: len(app.screen.annotations) == 1, "one annotation")
        app.session.store.flush()
    assert len(database(tmp_path)["annotations"]) == 1
    again = make_app(tmp_path, paths=[tmp_path])  # the folder above: ids like seeds/000_....txt
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_indexed(again, pilot)
        await wait_until(
            pilot,
            lambda: any("open seeds/ itself" in n.message for n in again._notifications),
            "the hint",
        )
