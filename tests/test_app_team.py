"""Pilot: the adjudication view takes one version and undoes it; the time-spent screen opens."""

from __future__ import annotations

from click.testing import CliRunner
from support import database, make_app, sync, wait_indexed, wait_until
from team_support import make_pair

from tui.cli import cli


def merged_db(tmp_path):
    result = CliRunner().invoke(
        cli, ["merge", *map(str, make_pair(tmp_path)), "-o", str(tmp_path / "db.json")]
    )
    assert result.exit_code == 0, result.output


def suggested(tmp_path):
    return sorted(
        (a["exact"], a["label"])
        for a in database(tmp_path)["annotations"]
        if a["state"] == "suggested"
    )


@sync
async def test_adjudicate_takes_one_side_and_undoes(tmp_path):
    from tui.app.screens.adjudicate import AdjudicateScreen

    merged_db(tmp_path)
    before = suggested(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await wait_indexed(app, pilot)
        await pilot.press("A")
        await wait_until(
            pilot, lambda: isinstance(app.screen, AdjudicateScreen), "adjudication view"
        )
        screen = app.screen
        assert screen.total == 4 and len(screen.conflicts) == 4
        await pilot.press("2")  # bob's shorter claim
        await pilot.pause()
        assert len(screen.conflicts) == 3
        assert app.session.flush()
        anns = database(tmp_path)["annotations"]
        claims = [(a["exact"], a["state"]) for a in anns if a["kind"] == "claim"]
        assert claims == [("Alice met", "ok")]
        await pilot.press("u")
        await pilot.pause()
        assert len(screen.conflicts) == 4
        assert app.session.flush()
        assert suggested(tmp_path) == before
        await pilot.press("x")  # reject both claims
        await pilot.pause()
        assert app.session.flush()
        assert not [a for a in database(tmp_path)["annotations"] if a["kind"] == "claim"]


@sync
async def test_time_spent_screen_shows_this_session(tmp_path):
    from textual.widgets import Static

    from tui.app.screens.team_stats import TeamStatsScreen

    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await wait_indexed(app, pilot)
        await pilot.press("T")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamStatsScreen), "stats screen")
        (row,) = app.session.sessions.figures().days
        assert row.annotator == "tester" and row.sessions == 1
        assert app.screen.query_one("#team-stats-tables", Static).region.height > 5
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TeamStatsScreen)


@sync
async def test_adjudication_keys_with_nothing_to_decide_say_so(tmp_path):
    """1 on a database with no disagreement said "no such version here"; x said nothing."""
    from textual.widgets import Static

    from tui.app.screens.adjudicate import AdjudicateScreen

    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await wait_indexed(app, pilot)
        await pilot.press("A")
        await wait_until(
            pilot, lambda: isinstance(app.screen, AdjudicateScreen), "adjudication view"
        )
        note = app.screen.query_one("#adjudicate-note", Static)
        for key in ("1", "x"):
            await pilot.press(key)
            assert str(note.render()) == "nothing left to decide here; Esc goes back"
