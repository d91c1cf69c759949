"""Library: every article with its status and counts; filter as you type, sort, Enter opens."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static

from tui.app.widgets.library_table import COLUMNS as TABLE_COLUMNS
from tui.app.widgets.library_table import LibraryHeader, LibraryTable
from tui.safe_text import visible
from tui.wording import plural
from tui.workspace import ArticleEntry, Session
from tui.workspace.crossdoc_records import SearchHit

# Title last: it takes the remaining width, so the short columns stay visible at 80 columns.
COLUMNS = tuple(name for name, _, _ in TABLE_COLUMNS)


@dataclass
class Row:
    """One article as the library shows it."""

    entry: ArticleEntry
    status: str
    entities: int
    claims: int
    hits: int = 0  # matches of the library filter in the article's text

    @property
    def key(self) -> str:
        return self.entry.id

    def cells(self) -> tuple[Text, ...]:
        e = self.entry
        return (
            Text(self.status),
            Text(visible(str(e.date or ""))),
            Text(visible(str(e.source or ""))[:24]),
            Text(str(e.words)),
            Text(str(self.entities)),
            Text(str(self.claims)),
            Text(
                (f"({self.hits} hits) " if self.hits else "")
                + visible(" ".join((e.title or e.id).split()))[:200]
            ),
        )

    def sort_value(self, column: str) -> str | int:
        e = self.entry
        values: dict[str, str | int] = {
            "status": self.status,
            "title": (e.title or e.id).casefold(),
            "date": str(e.date or ""),
            "source": str(e.source or "").casefold(),
            "words": e.words,
            "entities": self.entities,
            "claims": self.claims,
        }
        return values[column]

    def matches(self, needle: str, text_hits: dict[str, SearchHit] | None = None) -> bool:
        """The filter matches the row's fields, or (from the text search) the article's words."""
        e = self.entry
        if text_hits and e.id in text_hits:
            return True
        return needle in f"{e.title} {e.id} {e.source} {e.date} {self.status}".casefold()


class LibraryScreen(Screen[None]):
    """Lists the corpus while a worker indexes it, so reading can start before indexing ends."""

    AUTO_FOCUS = "#library-table"  # not the filter field, the first widget: it took early keys
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("s", "sort", "Sort column", id="library.sort"),
        Binding("r", "reverse", "Reverse sort", id="library.reverse"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear_filter"),
        Binding("T", "team_stats", "Time spent", show=False, id="library.team_stats"),
        Binding("A", "adjudicate", "Adjudicate", show=False, id="library.adjudicate"),
    ]

    @dataclass
    class Indexed(Message):
        """A batch of corpus entries is ready (posted from the indexing worker)."""

        entries: list[ArticleEntry]

    @dataclass
    class Progress(Message):
        """Indexing progress (posted from the indexing worker)."""

        done: int
        total: int

    @dataclass
    class OpenedElsewhere(Message):
        """The database's annotated documents are this corpus's files opened from another folder."""

        hint: str

    @dataclass
    class IndexFailed(Message):
        """A file could not be read; the message says which and why."""

        error: str

    @dataclass
    class Open(Message):
        """The user chose an article; `cursor` is the first search hit's offset, if any."""

        entry_id: str
        cursor: int | None = None

    @dataclass
    class TextHits(Message):
        """Articles whose text or entity names match the filter (posted by the search worker)."""

        needle: str
        hits: dict[str, SearchHit]

    def __init__(self, session: Session, paths: list[str], cache_dir: Path) -> None:
        super().__init__()
        self.session = session
        self.paths = paths
        self.cache_dir = cache_dir
        self.rows: dict[str, Row] = {}
        self.counts: dict[str, Counter[str]] = {}
        self.statuses: dict[str, str] = {}
        self.needle = ""
        self.text_hits: dict[str, SearchHit] = {}
        self.sort_column: str | None = None  # None: corpus order, the order `]` and `[` follow
        self.order: dict[str, int] = {}
        self.sort_reverse = False
        self.indexing = True
        self.errors: list[str] = []
        self.focus_key: str | None = None
        self.painted_at: float | None = None

    def action_team_stats(self) -> None:
        from tui.app.screens.team_stats import TeamStatsScreen

        self.app.push_screen(TeamStatsScreen(self.session))

    def action_adjudicate(self) -> None:
        from tui.app.screens.adjudicate import AdjudicateScreen

        self.app.push_screen(AdjudicateScreen(self.session))

    def compose(self) -> ComposeResult:
        with Horizontal(id="library-top"):
            yield Static("Library", id="library-title")
            yield Input(
                placeholder="/ filters as you type",
                compact=True,
                select_on_focus=False,  # "/" selects (at once); a late select-all ate letters
                id="library-filter",
            )
        yield ProgressBar(id="library-progress", show_eta=False)
        yield LibraryHeader(id="library-header")
        yield LibraryTable(id="library-table")
        yield Static("", id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_records()
        self.query_one(LibraryTable).focus()
        self.call_after_refresh(self._painted)  # paint first: the worker competes for the GIL

    def _painted(self) -> None:
        self.painted_at = time.perf_counter()  # read by benchmarks/bench_app.py
        self.index_corpus()

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self) -> None:
        """Index in a thread; entries are posted in batches so the table fills while the user reads."""
        batch: list[ArticleEntry] = []
        state = {"last": 0}

        def progress(done: int, total: int) -> None:
            if done - state["last"] >= 50 or done == total:
                state["last"] = done
                self.post_message(self.Progress(done, total))

        def error(message: str) -> None:
            self.post_message(self.IndexFailed(message))

        ids: list[str] = []
        for entry in self.session.index(
            self.paths, self.cache_dir, on_progress=progress, on_error=error
        ):
            batch.append(entry)
            ids.append(entry.id)
            if len(batch) >= (20 if len(self.session.entries) < 100 else 500):
                self.post_message(self.Indexed(batch))
                batch = []
        self.post_message(self.Indexed(batch))
        self.post_message(self.Progress(-1, -1))
        hint = self.session.elsewhere_hint(ids)
        if hint:
            self.post_message(self.OpenedElsewhere(hint))

    def on_library_screen_indexed(self, message: Indexed) -> None:
        self.session.entries.extend(message.entries)
        new = [self._row(entry) for entry in message.entries]
        self.query_one(LibraryTable).append_rows(
            [row for row in new if row.matches(self.needle, self.text_hits)]
        )
        self._update_status()

    def on_library_screen_progress(self, message: Progress) -> None:
        bar = self.query_one(ProgressBar)
        if message.total < 0:
            self.indexing = False
            bar.display = False
            if self.sort_column is not None:  # rows arrived in corpus order; sort them now
                self._fill()
        else:
            bar.update(total=message.total, progress=message.done)
        self._update_status()

    def on_library_screen_opened_elsewhere(self, message: OpenedElsewhere) -> None:
        self.notify(message.hint, severity="warning", timeout=30)

    def on_library_screen_index_failed(self, message: IndexFailed) -> None:
        self.errors.append(message.error)
        self._update_status()

    def on_screen_resume(self) -> None:
        self.refresh_records()
        self._fill(self.focus_key)
        self.focus_key = None

    def show_on_return(self, entry_id: str) -> None:
        """Highlight this article when the library comes back (the one the reader was on)."""
        self.focus_key = entry_id

    def refresh_records(self) -> None:
        """Re-read statuses and counts from the store (after the reader changed them)."""
        self.counts = self.session.counts()
        self.statuses = self.session.statuses()
        for row in self.rows.values():
            self._refresh_row(row)

    def _row(self, entry: ArticleEntry) -> Row:
        row = Row(entry, "new", 0, 0)
        self.order[entry.id] = len(self.order)
        self._refresh_row(row)
        self.rows[entry.id] = row
        return row

    def _refresh_row(self, row: Row) -> None:
        counts = self.counts.get(row.entry.id, Counter())
        row.status = self.statuses.get(row.entry.id, "new")
        row.entities, row.claims = counts["entity"], counts["claim"]

    def _fill(self, keep: str | None = None) -> None:
        """Rebuild the table from the filter and sort order, keeping the highlighted article."""
        table = self.query_one(LibraryTable)
        keep = keep or table.cursor_key
        rows = [row for row in self.rows.values() if row.matches(self.needle, self.text_hits)]
        for row in self.rows.values():
            hit = self.text_hits.get(row.entry.id)
            row.hits = hit.hits if hit else 0
        if self.sort_column is None:
            rows.sort(key=lambda row: self.order[row.entry.id], reverse=self.sort_reverse)
        else:
            column = self.sort_column
            rows.sort(key=lambda row: row.sort_value(column), reverse=self.sort_reverse)
        table.set_rows(rows, keep)
        header = self.query_one(LibraryHeader)
        header.sort_column, header.reverse = self.sort_column, self.sort_reverse
        self._update_status()

    def _update_status(self) -> None:
        table = self.query_one(LibraryTable)
        arrow = "↓" if self.sort_reverse else "↑"
        parts = [
            f"{table.row_count} of {plural(len(self.rows), 'article')}",
            f"sorted by {self.sort_column or 'corpus order'} {arrow}",
        ]
        if self.text_hits:
            total = sum(hit.hits for hit in self.text_hits.values())
            parts.append(
                f"{plural(total, 'hit')} of “{visible(self.needle)[:30]}” in the text of "
                f"{plural(len(self.text_hits), 'article')} (Enter opens at the first)"
            )
        if self.indexing:
            parts.append("indexing… (Enter opens what is listed)")
        if self.errors:
            parts.append(
                f"{len(self.errors)} skipped (listed on quit): {visible(self.errors[-1])[:60]}"
            )
        self.query_one("#library-status", Static).update(Text(" · ".join(parts)))

    def on_library_table_selected(self, event: LibraryTable.Selected) -> None:
        event.stop()
        hit = self.text_hits.get(event.key)
        self.post_message(self.Open(event.key, hit.first_offset if hit else None))

    def on_library_header_clicked(self, event: LibraryHeader.Clicked) -> None:
        self.sort_reverse = not self.sort_reverse if event.column == self.sort_column else False
        self.sort_column = event.column
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    def _apply_filter(self, value: str) -> None:
        needle = value.strip().casefold()
        if needle == self.needle:
            return
        self.needle = needle
        self.text_hits = {}
        self._fill()
        if len(self.needle) >= 3:
            self.search_text(self.needle)

    @work(thread=True, exclusive=True, group="search")
    def search_text(self, needle: str) -> None:
        """Search the articles' text and entity names off the UI thread."""
        self.post_message(self.TextHits(needle, self.session.search_articles(needle)))

    def on_library_screen_text_hits(self, message: TextHits) -> None:
        if message.needle == self.needle:  # a later keystroke has not changed the filter
            self.text_hits = message.hits
            self._fill()

    def filter_key(self, key: str, character: str | None) -> bool:
        """While the filter field has focus, a letter queued for the list before `/` moved the
        focus is typed into the field, and Enter hands back to the list at once, so a burst like
        "/huobi⏎⏎" filters, then opens; True when the key was taken (the app calls this in key
        order, before the bindings)."""
        field = self.query_one(Input)
        if self.focused is not field:
            return False
        if key == "enter":
            self._apply_filter(field.value)  # its Changed messages may still be queued
            self.set_focus(self.query_one(LibraryTable))
            return True
        if character is not None and character.isprintable():
            # typed as the field types (replacing the old filter `/` selected); the field's
            # own letters never get here
            start, end = sorted(field.selection)
            field.replace(character, start, end)
            return True
        return False

    # Screen.set_focus moves the focus at once; Widget.focus() would wait for the queued keys.
    def action_filter(self) -> None:
        field = self.query_one(Input)
        self.set_focus(field)
        field.select_all()  # what is typed next starts a new filter

    def action_clear_filter(self) -> None:
        self.query_one(Input).value = ""
        self.set_focus(self.query_one(LibraryTable))

    def action_sort(self) -> None:
        cycle = [None, *COLUMNS]
        self.sort_column = cycle[(cycle.index(self.sort_column) + 1) % len(cycle)]
        self._fill()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._fill()
