"""Shared helpers for the tests (no tests here): the app factory and Pilot waits, a bare
reader host, and sample English prose."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding

from tui.app.app import NewsmarkApp, create_app
from tui.app.widgets.reader import Block, ReaderView

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


async def search(pilot, text: str) -> None:
    """Search the reader for `text` with `/` (the cursor lands on the next hit)."""
    await pilot.press("slash", *text, "enter")


# -- the reader widget on its own ------------------------------------------------------------

TITLE = "Blockchain alliance launched"
PARAGRAPHS = [
    "The Ministry of Industry and Information Technology said on Monday that Xi Jinping "
    "backed the plan. Officials at the China Academy of Information and Communications "
    "Technology will run it.",
    "Critics said the network is centralised. Others disagreed strongly with them.",
] + [
    f"Filler paragraph {n} repeats words so the article needs scrolling to read it all."
    for n in range(30)
]


def article(paragraphs=PARAGRAPHS, title=TITLE, dropped: str | None = "Share | Tweet | Email"):
    """Blocks and clean text laid out as the cleaner does: title, blank line, paragraphs."""
    text = "\n\n".join([title, *paragraphs])
    blocks = [Block(title, 0, "title", raw_line=1)]
    if dropped:
        blocks.append(Block(dropped, None, "dropped", raw_line=2, note="share prompt"))
    offset = len(title) + 2
    for number, paragraph in enumerate(paragraphs, 3):
        blocks.append(Block(paragraph, offset, "content", raw_line=number))
        offset += len(paragraph) + 2
    return text, blocks


class Host(App[None]):
    """A bare app showing one ReaderView, counting escapes and cursor moves."""

    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, blocks, spans=(), size_hint=None):
        super().__init__()
        self.blocks, self.spans = blocks, list(spans)
        self.backs = 0
        self.moves: list[int] = []

    def compose(self) -> ComposeResult:
        yield ReaderView(id="reader")

    def on_mount(self) -> None:
        reader = self.query_one(ReaderView)
        reader.set_document(self.blocks, self.spans)
        reader.focus()

    def action_back(self) -> None:
        self.backs += 1

    def on_reader_view_cursor_moved(self, message: ReaderView.CursorMoved) -> None:
        self.moves.append(message.offset)


def quoted(text: str, span) -> str:
    """The text a (start, end) range covers."""
    return text[span[0] : span[1]]


# -- English news prose the cleaner must keep (shared by the cleaning tests) -----------------

PARAS = [
    "The city council voted on Tuesday to approve a new budget that will increase spending on public "
    "transport by nearly a fifth, after months of debate over how to pay for it.",
    "Supporters said the plan would cut congestion and help the city meet its climate targets, while "
    "critics warned that it relied on optimistic forecasts of tax revenue for the next three years.",
    "“We have waited a long time for this, and it is the right thing to do for the people who live "
    "here,” the mayor told reporters outside the chamber after the vote.",
    "The budget now goes to the state legislature, which is expected to review it before the end of the "
    "month, according to officials familiar with the process.",
]


def sync(test):
    """Old spelling of `pytest.mark.anyio` (Pilot tests now use `pytestmark = pytest.mark.anyio`);
    kept so tests written against it on other branches still run, the same way."""
    import pytest

    return pytest.mark.anyio(test)


def by_text(cleaned, raw: str) -> dict:
    """Each raw line's decision, keyed by the line's text (cleaner tests look lines up by what they say)."""
    return {raw[line.start : line.end]: line for line in cleaned.lines}
