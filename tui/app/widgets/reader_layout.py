"""Wrap blocks into screen lines and map between positions, clean-text offsets and screen cells.

Positions are *virtual*: every block (annotatable or not) gets its own range of positions, so
the cursor can rest on a dropped line that has no clean-text offset. Block `i` occupies
`[vstart[i], vstart[i] + len(text))`; two positions separate consecutive blocks. Each position
is one code point of the block text, so code points map 1:1 to positions whatever their cell
width (wide CJK = 2 cells, combining marks = 0 cells).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size

from tui.safe_text import visible

from .reader_types import Block

__all__ = ["Layout", "wrap", "NOTE_NONE", "NOTE_INLINE", "NOTE_OWN_LINE"]

_TOKEN = re.compile(r"\S+\s*|\s+")
# Kinds whose consecutive blocks are shown as one run, without a blank line between them.
_RUN_KINDS = frozenset({"dropped", "meta"})
NOTE_NONE, NOTE_INLINE, NOTE_OWN_LINE = 0, 1, 2
BLANK = -1  # block index of a separator line


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Split one hard line into `(start, end)` pieces of at most `width` cells, at word boundaries.

    Spaces after a word hang past the edge instead of starting a line; a token wider than the
    line is cut by cells, never inside a code point.
    """
    width = max(1, width)
    measure = (
        len if text.isascii() else cell_len
    )  # visible() left no control chars: ASCII is 1 cell each
    pieces: list[tuple[int, int]] = []
    line_start = 0
    cells = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        start = match.start()
        word_cells = measure(token.rstrip())
        if cells + word_cells <= width:
            cells += measure(token)
            continue
        if cells and word_cells <= width:
            pieces.append((line_start, start))
            line_start, cells = start, measure(token)
            continue
        if cells:
            pieces.append((line_start, start))
            line_start, cells = start, 0
        for index, char in enumerate(token, start):
            size = get_character_cell_size(char)
            if cells + size > width and cells and not char.isspace():
                pieces.append((line_start, index))
                line_start, cells = index, 0
            cells += size
    pieces.append((line_start, len(text)))
    return pieces


class Layout:
    """The wrapped document at one width: screen lines plus every mapping the widget needs."""

    def __init__(self, blocks: Sequence[Block], width: int) -> None:
        self.blocks = list(blocks)
        self.width = max(1, width)
        self.texts = [visible(block.text, keep_newlines=True) for block in self.blocks]
        self.vstarts: list[int] = []
        position = 0
        for text in self.texts:
            self.vstarts.append(position)
            position += len(text) + 2
        self.end = max(0, position - 2)
        # Annotatable blocks ordered by clean offset, for clean -> position.
        pairs = sorted((b.start, i) for i, b in enumerate(self.blocks) if b.start is not None)
        self._clean_starts = [start for start, _ in pairs]
        self._clean_blocks = [i for _, i in pairs]
        # lines[i] = (block, a, b, note): block text [a, b) on screen line i.
        self.lines: list[tuple[int, int, int, int]] = []
        self.line_vstarts: list[int] = []
        self.block_lines: list[tuple[int, int]] = []  # first line, end line of each block
        self._build()

    def _build(self) -> None:
        lines, starts = self.lines, self.line_vstarts
        previous: Block | None = None
        for index, (block, text) in enumerate(zip(self.blocks, self.texts, strict=False)):
            vstart = self.vstarts[index]
            if previous is not None and not (
                previous.kind == block.kind and block.kind in _RUN_KINDS
            ):
                lines.append((BLANK, 0, 0, NOTE_NONE))
                starts.append(vstart - 1)
            first = len(lines)
            offset = 0
            for hard_line in text.split("\n"):
                for a, b in wrap(hard_line, self.width):
                    lines.append((index, offset + a, offset + b, NOTE_NONE))
                    starts.append(vstart + offset + a)
                offset += len(hard_line) + 1
            if block.note:
                block_index, a, b, _ = lines[-1]
                used = cell_len(text[a:b].rstrip())
                if used + 2 + cell_len(visible(block.note)) <= self.width or used == 0:
                    lines[-1] = (block_index, a, b, NOTE_INLINE)
                else:
                    lines.append((index, len(text), len(text), NOTE_OWN_LINE))
                    starts.append(vstart + len(text))
            self.block_lines.append((first, len(lines)))
            previous = block

    @property
    def height(self) -> int:
        return len(self.lines)

    def block_of(self, position: int) -> int:
        """Index of the block holding `position` (the previous block for a gap position)."""
        return max(0, bisect_right(self.vstarts, position) - 1)

    def line_of(self, position: int) -> int:
        """Screen line showing `position` (a block end maps to the block's last text line)."""
        if not self.lines:
            return 0
        block = self.block_of(position)
        first, end = self.block_lines[block]
        line = bisect_right(self.line_vstarts, position, first, end) - 1
        line = max(first, line)
        while line > first and self.lines[line][3] == NOTE_OWN_LINE:
            line -= 1
        return line

    def line_range(self, line: int) -> tuple[int, int]:
        """Positions `[start, end)` shown on a screen line (empty for separators)."""
        block, a, b, _ = self.lines[line]
        if block == BLANK:
            start = self.line_vstarts[line]
            return start, start
        base = self.vstarts[block]
        return base + a, base + b

    def lines_between(self, start: int, end: int) -> range:
        """Screen lines touched by positions `[start, end)` (at least the line of `start`)."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(first, last + 1)

    def column_of(self, position: int) -> tuple[int, int]:
        """`(line, cell column)` of a position."""
        line = self.line_of(position)
        block, a, _, _ = self.lines[line]
        if block == BLANK:
            return line, 0
        local = position - self.vstarts[block]
        return line, cell_len(self.texts[block][a:local])

    def position_at(self, line: int, column: int) -> int | None:
        """Position of the code point under cell `column` of `line` (None on separators)."""
        if not 0 <= line < len(self.lines):
            return None
        block, a, b, _ = self.lines[line]
        if block == BLANK:
            return None
        text = self.texts[block]
        cells = 0
        index = a
        while index < b:
            size = get_character_cell_size(text[index])
            if cells + size > column or (index == a and size == 0 and column == 0):
                break
            cells += size
            index += 1
        if index >= b and b > a:
            index = b - 1
        return self.vstarts[block] + index

    def to_clean(self, position: int) -> int | None:
        """Clean-text offset of a position, or None inside a decoration block."""
        block = self.block_of(position)
        start = self.blocks[block].start if self.blocks else None
        if start is None:
            return None
        return start + min(max(0, position - self.vstarts[block]), len(self.texts[block]))

    def to_position(self, offset: int) -> int:
        """Position of a clean-text offset; an offset between blocks goes to the previous block's end."""
        if not self._clean_starts:
            return 0
        index = max(0, bisect_right(self._clean_starts, offset) - 1)
        block = self._clean_blocks[index]
        local = min(max(0, offset - self._clean_starts[index]), len(self.texts[block]))
        return self.vstarts[block] + local

    def next_clean(self, position: int) -> int:
        """Clean offset at or after `position` (for reporting a cursor that sits on decoration)."""
        if not self.blocks:
            return 0
        block = self.block_of(position)
        for index in range(block, len(self.blocks)):
            if self.blocks[index].start is not None:
                return self.to_clean(max(position, self.vstarts[index])) or 0
        for index in range(block, -1, -1):
            start = self.blocks[index].start
            if start is not None:
                return start + len(self.texts[index])
        return 0

    def previous_clean_end(self, position: int) -> int | None:
        """Clean offset at or before `position`, ending a range that strays into decoration."""
        if not self.blocks:
            return None
        block = self.block_of(position)
        if self.blocks[block].start is not None:
            return self.to_clean(position)
        for index in range(block - 1, -1, -1):
            start = self.blocks[index].start
            if start is not None:
                return start + len(self.texts[index])
        return None
