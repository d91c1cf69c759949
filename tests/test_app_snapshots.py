"""SVG snapshots of the main screens at a fixed size; regenerate with `pytest --snapshot-update`."""

from __future__ import annotations

import pytest
from support import make_app, wait_indexed, wait_until

from tui.app.screens.reader import ReaderScreen

SIZE = (100, 30)

# Whole-app renders, ~2-3 s each: the CI gate runs them, the quick loop (-m 'not slow') skips them.
pytestmark = pytest.mark.slow


async def settled(app, pilot) -> None:
    """Wait for pending saves so the status line says `saved`, not a racy `saving`."""
    app.session.store.flush()
    await pilot.pause(0.1)
    app.clear_notifications()
    await pilot.pause()


async def open_first(app, pilot, *keys: str) -> None:
    await wait_indexed(app, pilot, 5)
    await pilot.press("enter")
    await wait_until(
        pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article, "reader"
    )
    await pilot.press("slash", *"Lin Yunan", "enter", "K", "1", "s", "0", "enter")
    await pilot.press(*keys)
    await settled(app, pilot)


def test_library(snap_compare, tmp_path):
    app = make_app(tmp_path)

    async def ready(pilot):
        await wait_indexed(app, pilot, 5)
        await settled(app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_reader_with_entity_and_claim(snap_compare, tmp_path):
    app = make_app(tmp_path)

    async def ready(pilot):
        await open_first(app, pilot, "slash", *"Lin", "enter")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_boilerplate_view(snap_compare, tmp_path):
    app = make_app(tmp_path)

    async def ready(pilot):
        await open_first(app, pilot, "z", "G")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_claim_editor(snap_compare, tmp_path):
    app = make_app(tmp_path)

    async def ready(pilot):
        await open_first(app, pilot, "slash", *"Lin", "enter", "E")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_help(snap_compare, tmp_path):
    app = make_app(tmp_path)

    async def ready(pilot):
        await open_first(app, pilot, "question_mark")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)
