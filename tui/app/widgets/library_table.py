"""The library list: a Line-API table that draws only the visible rows, so 10,000 articles list at once.

DataTable measures every cell of every row when rows are added (about a second per 10,000
rows); this widget keeps plain row objects and renders the few rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

# (name, width, heading); width 0 = the rest of the line. Narrow enough for 80 columns.
COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("status", 12, "status"), ("date", 11, "date"), ("source", 13, "source"), ("words", 6, "words"),
    ("entities", 5, "ents"), ("claims", 5, "clms"), ("title", 0, "title"),
)
RIGHT = {"words", "entities", "claims"}


class RowLike(Protocol):
    key: str

    def cells(self) -> Sequence[Text]: ...


def layout_line(cells: Sequence[Text], width: int) -> Text:
    """Lay cells out in the fixed columns, cropping each (cells are already terminal-safe Text)."""
    line = Text(no_wrap=True, overflow="ellipsis")
    used = 0
    for (name, column_width, _), cell in zip(COLUMNS, cells):
        size = column_width or max(0, width - used)
        piece = cell.copy()
        piece.truncate(max(0, size - 1), overflow="ellipsis")
        if name in RIGHT:
            piece.pad_left(max(0, size - 1 - piece.cell_len))
        piece.pad_right(max(0, size - piece.cell_len))
        line.append_text(piece)
        used += size
    line.truncate(width)
    return line


def header_text(sort_column: str | None, reverse: bool, width: int) -> Text:
    """Column titles with an arrow on the sort column."""
    arrow = " ↓" if reverse else " ↑"
    cells = [Text(heading + (arrow if name == sort_column else "")) for name, _, heading in COLUMNS]
    return layout_line(cells, width)


class LibraryTable(ScrollView, can_focus=True):
    """Rows of articles with a cursor; Enter posts Selected with the article id."""

    COMPONENT_CLASSES = {"library-table--cursor"}
    DEFAULT_CSS = """
    LibraryTable { overflow-x: hidden; }
    LibraryTable > .library-table--cursor { background: $accent 40%; text-style: bold; }
    """
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="library.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="library.up"),
        Binding("pagedown,ctrl+f,space", "page(1)", "Page down", show=False, id="library.page_down"),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="library.page_up"),
        Binding("home,g", "jump(0)", "First", show=False, id="library.first"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="library.last"),
        Binding("enter", "select", "Open", id="library.open"),
    ]

    @dataclass
    class Selected(Message):
        """The user opened the row with this article id."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[RowLike] = []
        self.cursor = 0
        self.lines_rendered = 0

    # data --------------------------------------------------------------------------
    def set_rows(self, rows: list[RowLike], keep: str | None = None) -> None:
        """Replace all rows, keeping the cursor on `keep` (an article id) when it is still listed."""
        self.rows = rows
        index = next((i for i, row in enumerate(rows) if row.key == keep), None) if keep else None
        self.cursor = min(index if index is not None else self.cursor, max(0, len(rows) - 1))
        self._resized()
        self._scroll_to_cursor()
        self.refresh()

    def append_rows(self, rows: list[RowLike]) -> None:
        """Add rows at the end (indexing in corpus order); repaints only if they are on screen."""
        first = len(self.rows)
        self.rows.extend(rows)
        self._resized()
        if first <= self.scroll_offset.y + self.size.height:
            self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_key(self) -> str | None:
        return self.rows[self.cursor].key if self.rows else None

    def _resized(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    # rendering -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        self.lines_rendered += 1
        text = layout_line(self.rows[index].cells(), width)
        style = self.rich_style
        if index == self.cursor:
            style = style + self.get_component_rich_style("library-table--cursor")
        segments = [Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)
                    if s.text != "\n"]
        return Strip(segments).adjust_cell_length(width, style)

    def on_resize(self, event: events.Resize) -> None:
        self._resized()

    # movement ------------------------------------------------------------------------
    def move_cursor(self, index: int) -> None:
        if not self.rows:
            return
        old, self.cursor = self.cursor, max(0, min(index, len(self.rows) - 1))
        if old != self.cursor:
            self._refresh_row(old)
            self._refresh_row(self.cursor)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        top, height = self.scroll_offset.y, max(1, self.size.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor + step * max(1, self.size.height - 1))

    def action_jump(self, index: int) -> None:
        self.move_cursor(index if index >= 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self.move_cursor(index)

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(index)  # virtual row; ScrollView maps it to the screen


class LibraryHeader(Widget):
    """The column titles above the table, with the sort arrow."""

    DEFAULT_CSS = "LibraryHeader { height: 1; text-style: bold; }"
    sort_column: reactive[str | None] = reactive(None)
    reverse: reactive[bool] = reactive(False)

    def render(self) -> Text:
        return header_text(self.sort_column, self.reverse, self.size.width)
