"""A Line-API list: one screen line per row, only visible rows drawn, so long lists cost nothing to fill.

DataTable and OptionList measure every row when rows are added (about a second per 10,000
rows, 200 ms per 3,000 options); this keeps plain row objects and renders the rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineList(ScrollView, can_focus=True):
    """Rows with a cursor, drawn one screen line per row; Enter posts Selected with the row key."""

    COMPONENT_CLASSES = {"line-list--cursor"}
    DEFAULT_CSS = """
    LineList { overflow-x: hidden; }
    LineList > .line-list--cursor { background: $accent 40%; text-style: bold; }
    """

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "jump(0)", "First", show=False, id="list.first"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Choose", id="list.choose"),
    ]

    @dataclass
    class Selected(Message):
        """The user chose the row with this key."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Any] = []
        self.cursor = 0
        self.lines_rendered = 0

    # data --------------------------------------------------------------------------
    def set_rows(self, rows: list[Any], keep: str | None = None) -> None:
        """Replace all rows, keeping the cursor on `keep` (an article id) when it is still listed."""
        self.rows = rows
        index = next((i for i, row in enumerate(rows) if row.key == keep), None) if keep else None
        self.cursor = min(index if index is not None else self.cursor, max(0, len(rows) - 1))
        self._resized()
        self._scroll_to_cursor()
        self.refresh()

    def append_rows(self, rows: list[Any]) -> None:
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
        text = self.row_text(self.rows[index], width)
        style = self.rich_style
        if index == self.cursor:
            style = style + self.get_component_rich_style("line-list--cursor")
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console)
            if s.text != "\n"
        ]
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

    def row_text(self, row: Any, width: int) -> Text:
        """One row as a line of at most `width` cells; subclasses lay out their columns."""
        text: Text = row.text(width)
        return text
