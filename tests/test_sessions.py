"""Tagging sessions: active time leaves out idle gaps; counts per label; written as they go."""

from __future__ import annotations

import json

from support import database, make_app, open_first_article, sync, wait_until

from tui.store import Store
from tui.workspace.sessions import SessionTracker


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def test_active_time_leaves_out_idle_gaps(tmp_path):
    clock = Clock()
    with Store.open(tmp_path / "db.json", annotator="ann") as store:
        tracker = SessionTracker(store, "ann", idle_seconds=120, clock=clock, save_every=30)
        tracker.activity()
        for step in (10, 50, 119, 121, 600, 5):  # 121 and 600 are breaks
            clock.now += step
            tracker.activity()
        assert tracker.active_seconds == 10 + 50 + 119 + 5
        tracker.annotation("PERSON", "added")
        tracker.annotation("PERSON", "added")
        tracker.annotation("ORG", "deleted")
        tracker.opened("a.html")
        tracker.opened("a.html")
        tracker.finished("a.html")
        (saved,) = store.sessions()
    assert saved["active_seconds"] == 184
    assert saved["annotations"] == {
        "PERSON": {"added": 2, "changed": 0, "deleted": 0},
        "ORG": {"added": 0, "changed": 0, "deleted": 1},
    }
    assert saved["articles_opened"] == ["a.html"] and saved["articles_finished"] == ["a.html"]
    assert saved["start"] < saved["end"] and saved["annotator"] == "ann"
    data = json.loads((tmp_path / "db.json").read_text())
    assert list(data["sessions"].values())[0]["active_seconds"] == 184


def test_plain_key_presses_write_at_most_every_save_every(tmp_path):
    clock = Clock()
    writes = []

    class Sink:
        read_only = False

        def save_session(self, record):
            writes.append(record["active_seconds"])

    tracker = SessionTracker(Sink(), "a", idle_seconds=120, clock=clock, save_every=15)
    for _ in range(100):  # 100 key presses a second apart
        clock.now += 1
        tracker.activity()
    assert 5 <= len(writes) <= 7  # ~every 15 s, not per key


@sync
async def test_pilot_session_records_active_time(tmp_path):
    app = make_app(tmp_path)
    clock = Clock()
    app.session.sessions.clock = clock
    async with app.run_test() as pilot:
        await open_first_article(app, pilot)
        await wait_until(pilot, lambda: app.session.sessions.record is not None, "session start")
        for step in (3.0, 4.0, 500.0, 2.0):  # the 500 s pause is a break
            clock.now += step
            await pilot.press("j")
        clock.now += 1.0
        await pilot.press("1")  # tag the word as PERSON
        await pilot.pause()
        assert app.session.flush()
    sessions = database(tmp_path)["sessions"]
    (record,) = sessions
    assert record["active_seconds"] == 3 + 4 + 2 + 1
    assert record["annotator"] == "tester"
    assert len(record["articles_opened"]) == 1
    assert record["annotations"]["PERSON"]["added"] == 1


def test_stats_sessions_per_annotator_and_day(tmp_path):
    from click.testing import CliRunner

    from tui.analysis.session_stats import session_figures
    from tui.cli import cli

    db = tmp_path / "db.json"
    with Store.open(db, annotator="ann") as store:
        for n, (who, start, seconds, added) in enumerate(
            [
                ("alice", "2026-12-01T09:00:00.000Z", 1800, 30),
                ("alice", "2026-12-01T14:00:00.000Z", 1800, 10),
                ("bob", "2026-12-02T09:00:00.000Z", 3600, 12),
            ]
        ):
            store.save_session(
                {
                    "id": f"00000000-0000-4000-8000-00000000000{n}",
                    "annotator": who,
                    "start": start,
                    "end": start,
                    "active_seconds": seconds,
                    "articles_opened": [f"a{n}", "shared"],
                    "articles_finished": [f"a{n}"],
                    "annotations": {"PERSON": {"added": added, "changed": 1, "deleted": 0}},
                }
            )
        figures = session_figures(store.sessions())
    alice, bob = figures.days
    assert (alice.day, alice.active_hours, alice.added, alice.per_hour) == (
        "2026-12-01",
        1.0,
        40,
        40,
    )
    assert len(alice.opened) == 3 and len(alice.finished) == 2
    assert (bob.per_hour, figures.by_label["PERSON"], figures.by_day["2026-12-02"]) == (12, 52, 1.0)
    result = CliRunner().invoke(cli, ["stats", "--sessions", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "alice" in result.output and "2026-12-02" in result.output and "40" in result.output


def test_stats_sessions_without_any_is_one_line(tmp_path):
    """A database the app never recorded a session in: one sentence, not three empty tables."""
    from click.testing import CliRunner

    from tui.cli import cli

    db = tmp_path / "db.json"
    with Store.open(db, annotator="ann") as store:
        assert store.flush()
    result = CliRunner().invoke(cli, ["stats", "--sessions", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1 and "no tagging sessions" in result.output
