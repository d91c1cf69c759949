"""The library list: fixed columns over a LineList, so 10,000 articles list at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.app.widgets.line_list import LineList

# (name, width, heading); width 0 = the rest of the line. Narrow enough for 80 columns.
COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("status", 12, "status"),
    ("date", 11, "date"),
    ("source", 13, "source"),
    ("words", 6, "words"),
    ("entities", 5, "ents"),
    ("claims", 5, "clms"),
    ("title", 0, "title"),
)
RIGHT = {"words", "entities", "claims"}
NARROW = 70  # below this many cells the source column gives way to the title


def hidden(name: str, width: int) -> bool:
    """A column left out at this width, so a 60-column terminal still shows titles."""
    return name == "source" and width < NARROW


def layout_line(cells: Sequence[Text], width: int) -> Text:
    """Lay cells out in the fixed columns, cropping each (cells are already terminal-safe Text)."""
    line = Text(no_wrap=True, overflow="ellipsis")
    used = 0
    for (name, column_width, _), cell in zip(COLUMNS, cells, strict=False):
        if hidden(name, width):
            continue
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


class LibraryTable(LineList):
    """Rows of articles with a cursor; Enter posts Selected with the article id."""

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="library.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="library.up"),
        Binding(
            "pagedown,ctrl+f,space", "page(1)", "Page down", show=False, id="library.page_down"
        ),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="library.page_up"),
        Binding("home,g", "jump(0)", "First", show=False, id="library.first"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="library.last"),
        Binding("enter", "select", "Open", id="library.open"),
    ]

    class Selected(LineList.Selected):
        """The user opened the article with this id."""

    def row_text(self, row: Any, width: int) -> Text:
        return layout_line(row.cells(), width)


def column_at(x: int, width: int) -> str:
    """The column under cell `x` of a line `width` cells wide."""
    used = 0
    for name, column_width, _ in COLUMNS:
        if hidden(name, width):
            continue
        used += column_width or max(0, width - used)
        if x < used:
            return name
    return COLUMNS[-1][0]


class LibraryHeader(Widget):
    """The column titles above the table, with the sort arrow; a click sorts by that column."""

    DEFAULT_CSS = "LibraryHeader { height: 1; text-style: bold; }"
    sort_column: reactive[str | None] = reactive(None)
    reverse: reactive[bool] = reactive(False)

    @dataclass
    class Clicked(Message):
        """The user clicked a column title."""

        column: str

    def render(self) -> Text:
        return header_text(self.sort_column, self.reverse, self.size.width)

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(column_at(event.x, self.size.width)))
