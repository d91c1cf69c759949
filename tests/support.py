"""Shared helpers for the app's Pilot and snapshot tests (no tests here)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tui.app.app import NewsmarkApp, create_app

ROOT = Path(__file__).resolve().parent.parent


def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seeds, so tests never touch the repository's files or caches."""
    corpus = tmp_path / "seeds"
    if not corpus.exists():
        shutil.copytree(ROOT / "seeds", corpus)
    return corpus


def make_app(tmp_path: Path, paths=None, **options) -> NewsmarkApp:
    """An app on a temp database and cache with no user keymap."""
    options.setdefault("keymap", {})
    options.setdefault("annotator", "tester")
    paths = paths or [seed_copy(tmp_path)]
    return create_app(paths, tmp_path / "db.json", cache_dir=tmp_path / "cache", **options)


async def wait_indexed(app: NewsmarkApp, pilot, count: int | None = None) -> None:
    """Wait until the library worker has listed the whole corpus."""
    from tui.app.screens.library import LibraryScreen

    for _ in range(1000):
        await pilot.pause(0.02)
        library = next((s for s in app.screen_stack if isinstance(s, LibraryScreen)), None)
        if (
            library is not None
            and not library.indexing
            and (count is None or len(app.session.entries) == count)
        ):
            return
    raise AssertionError("indexing did not finish")


async def open_first_article(app: NewsmarkApp, pilot) -> None:
    """Wait for the five seeds to be listed, then open the first one with Enter."""
    await wait_indexed(app, pilot, 5)
    await pilot.press("enter")


async def wait_until(pilot, predicate, message: str = "condition") -> None:
    for _ in range(750):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {message}")


def database(tmp_path: Path) -> dict:
    """The database file as other tools see it: tables of records keyed by TinyDB doc id."""
    data = json.loads((tmp_path / "db.json").read_text(encoding="utf-8"))
    return {table: list(rows.values()) for table, rows in data.items()}


def sync(test):
    """Run an async Pilot test under asyncio without needing an async pytest plugin."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
