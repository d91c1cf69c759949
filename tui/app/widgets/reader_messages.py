"""What the reader tells its screen: the cursor moved, the selection changed (handlers `on_reader_view_*`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from .reader_types import Block

if TYPE_CHECKING:
    from .reader_canvas import ReaderCanvas


class CursorMoved(Message, namespace="reader_view"):
    """The cursor moved; `offset` is a clean-text offset, `block` the block under it."""

    def __init__(self, reader: ReaderCanvas, offset: int, block: Block | None) -> None:
        super().__init__()
        self.reader = reader
        self.offset = offset
        self.block = block

    @property
    def control(self) -> ReaderCanvas:
        return self.reader


class SelectionChanged(Message, namespace="reader_view"):
    """The selection changed; `selection` is clean-text `[start, end)` or None."""

    def __init__(self, reader: ReaderCanvas, selection: tuple[int, int] | None) -> None:
        super().__init__()
        self.reader = reader
        self.selection = selection

    @property
    def control(self) -> ReaderCanvas:
        return self.reader
