"""The reader's engine: a Line-API ScrollView holding the document, cursor and selection, drawing
only visible lines and repainting only what changes. ReaderView (reader.py) adds the keys.

The API the screens code against is described in docs/ARCHITECTURE.md, "tui.app reader widget".
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .reader_actions import Navigator
from .reader_layout import Layout
from .reader_messages import CursorMoved, SelectionChanged
from .reader_motions import Motions
from .reader_render import GUTTER, Palette, SpanIndex, palette_of, render_line
from .reader_types import Block, Span

__all__ = ["ReaderCanvas"]

_STRIP_CACHE_LIMIT = 4096
_SCROLL_MARGIN = 2


class ReaderCanvas(ScrollView):
    """An article as wrapped blocks with annotations, a word cursor and a selection (no key bindings)."""

    COMPONENT_CLASSES = {
        "reader--cursor",
        "reader--cursor-idle",
        "reader--selection",
        "reader--title",
        "reader--meta",
        "reader--dropped",
        "reader--header",
        "reader--note",
        "reader--claim-bar",
        "reader--suggested",
    }

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._blocks: list[Block] = []
        self._spans: dict[str, Span] = {}  # by id, in the order they were given
        self._layout: Layout | None = None
        self._motions: Motions | None = None
        self._navigator: Navigator | None = None
        self._index: SpanIndex | None = None
        self._position = 0  # cursor, in layout positions
        self._selection: tuple[int, int] | None = None  # layout positions
        self._anchor: tuple[int, int] | None = None  # fixed part of a "v" selection
        self._selecting = False
        self._goal_column: int | None = None
        self._center_when_sized = False
        self._strips: dict[int, Strip] = {}
        self._palette: Palette | None = None
        self.lines_rendered = 0

    # -- document ------------------------------------------------------------------------

    def set_document(
        self,
        blocks: Sequence[Block],
        spans: Sequence[Span],
        cursor: int = 0,
        selection: tuple[int, int] | None = None,
        *,
        selecting: bool = False,
    ) -> None:
        """Show a new article; the cursor snaps to the word at `cursor` (a clean offset).

        `selecting=True` resumes "v" mode from `selection` (or from the cursor word).
        """
        self._blocks = list(blocks)
        self._spans = {span.id: span for span in spans}
        self._layout = Layout(self._blocks, self._text_width())
        self._motions = Motions(self._layout)
        self._navigator = Navigator(self._motions)
        self._index = SpanIndex(self._spans.values(), self._layout)
        self._selecting = False
        self._anchor = None
        self._goal_column = None
        self._position = self._motions.snap(self._layout.to_position(cursor))
        self._selection = self._to_positions(selection)
        if selecting and self._layout.to_clean(self._position) is not None:
            self._selecting = True
            self._anchor = self._selection or self._motions.word_range(self._position)
            self._selection = self._anchor
        self._relaid()
        self._scroll_to_cursor(center=True)

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Replace the annotations, repainting only the lines of spans that were added, removed or changed."""
        self._spans = {span.id: span for span in spans}
        if self._layout is None:
            return
        old = self._index.by_id if self._index else {}
        self._index = SpanIndex(self._spans.values(), self._layout, previous=self._index)
        new = self._index.by_id
        # An unchanged span keeps its placed object, so identity tells what changed.
        changed = [p for key, p in old.items() if new.get(key) is not p]
        changed += [p for key, p in new.items() if old.get(key) is not p]
        for placed in changed:
            self._invalidate(placed.start, placed.end)

    def update_span(self, old: Span | None, new: Span | None) -> None:
        """One annotation changed (a label key): move its span, repainting only its lines."""
        if old == new:
            return
        if old is not None:
            self._spans.pop(old.id, None)
        if new is not None:
            self._spans[new.id] = new
        if self._index is None:
            return
        for span, change in ((old, self._index.remove), (new, self._index.add)):
            placed = change(span) if span is not None else None
            if placed is not None:
                self._invalidate(placed.start, placed.end)

    # -- public state --------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        if self._layout is None:
            return 0
        return self._layout.next_clean(self._position)

    @cursor.setter
    def cursor(self, offset: int) -> None:
        self.move_to(offset)

    @property
    def selection(self) -> tuple[int, int] | None:
        if self._selection is None or self._layout is None:
            return None
        # Ends that stray onto dropped lines or headers are pulled back onto the article text.
        start = self._layout.to_clean(self._selection[0])
        if start is None:
            start = self._layout.next_clean(self._selection[0])
        end = self._layout.previous_clean_end(self._selection[1])
        if end is None or end <= start:
            return None
        return start, end

    @selection.setter
    def selection(self, selection: tuple[int, int] | None) -> None:
        self._set_selection(self._to_positions(selection))

    @property
    def current_block(self) -> Block | None:
        if not self._blocks or self._layout is None:
            return None
        return self._blocks[self._layout.block_of(self._position)]

    def move_to(self, offset: int) -> None:
        """Put the cursor on the word at clean offset `offset` and scroll it into view."""
        if self._layout is None or self._motions is None:
            return
        self._move(self._motions.snap(self._layout.to_position(offset)))

    def target_range(self) -> tuple[int, int] | None:
        """What a label key applies to: the selection, else the word under the cursor."""
        if self._layout is None or self._motions is None:
            return None
        if self._selection is not None:
            return self.selection
        if self._layout.to_clean(self._position) is None:
            return None
        index = self._motions.word_at(self._position)
        if index is None:
            return None
        start = self._layout.to_clean(self._motions.starts[index])
        end = self._layout.to_clean(self._motions.ends[index])
        return (start, end) if start is not None and end is not None else None

    def clear_selection(self) -> None:
        self._selecting = False
        self._anchor = None
        self._set_selection(None)

    # -- internals -----------------------------------------------------------------------

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width if self.is_mounted else 0
        return max(1, (width or 80) - GUTTER)

    def _to_positions(self, selection: tuple[int, int] | None) -> tuple[int, int] | None:
        if selection is None or self._layout is None:
            return None
        start, end = (self._layout.to_position(o) for o in selection)
        return (start, end) if end > start else None

    def _relaid(self) -> None:
        """Forget every cached Strip after the layout changed and resize the virtual canvas."""
        self._strips.clear()
        height = self._layout.height if self._layout else 0
        self.virtual_size = Size(self._text_width() + GUTTER, height)
        self.refresh()

    def _invalidate(self, start: int, end: int) -> None:
        """Drop cached Strips for the lines showing positions `[start, end)` and repaint them."""
        if self._layout is None or not self._layout.lines:
            return
        lines = self._layout.lines_between(start, end)
        for line in lines:
            self._strips.pop(line, None)
        self.refresh_lines(lines.start, len(lines))

    def _cursor_range(self) -> tuple[int, int] | None:
        if self._motions is None or not self._blocks:
            return None
        return self._motions.word_range(self._position)

    def _move(self, position: int, keep_goal: bool = False, extend: bool = True) -> None:
        if self._motions is None:
            return
        if not keep_goal:
            self._goal_column = None
        old_range = self._cursor_range()
        old_clean = self.cursor
        self._position = position
        new_range = self._cursor_range()
        if old_range != new_range:
            if old_range:
                self._invalidate(*old_range)
            if new_range:
                self._invalidate(*new_range)
        if extend and self._selecting and self._anchor is not None and new_range is not None:
            self._set_selection(
                (min(self._anchor[0], new_range[0]), max(self._anchor[1], new_range[1]))
            )
        self._scroll_to_cursor()
        if self.cursor != old_clean or old_range != new_range:
            self.post_message(CursorMoved(self, self.cursor, self.current_block))

    def _set_selection(self, selection: tuple[int, int] | None) -> None:
        old = self._selection
        if selection == old:
            return
        old_clean = self.selection
        self._selection = selection
        if old and selection:
            # Repaint only the parts that changed at either end.
            for low, high in (
                (min(old[0], selection[0]), max(old[0], selection[0])),
                (min(old[1], selection[1]), max(old[1], selection[1])),
            ):
                if high > low:
                    self._invalidate(low, high)
        else:
            for changed in (old, selection):
                if changed:
                    self._invalidate(*changed)
        if self.selection != old_clean:
            self.post_message(SelectionChanged(self, self.selection))

    def _scroll_to_cursor(self, center: bool = False) -> None:
        if self._layout is None or not self._layout.lines:
            return
        line = self._layout.line_of(self._position)
        height = self.scrollable_content_region.height
        if height <= 0:
            self._center_when_sized = True  # not laid out yet: on_resize will scroll
            return
        top = round(self.scroll_y)
        margin = min(_SCROLL_MARGIN, (height - 1) // 2)
        if center:
            self.scroll_to(y=max(0, line - height // 2), animate=False)
        elif line < top + margin:
            self.scroll_to(y=max(0, line - margin), animate=False)
        elif line >= top + height - margin:
            self.scroll_to(y=line - height + 1 + margin, animate=False)

    # -- rendering -----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is not None and self._layout.width != self._text_width():
            self._layout = Layout(self._blocks, self._text_width())
            if self._motions is not None:
                self._motions.layout = self._layout
            self._index = SpanIndex(self._spans.values(), self._layout)
            self._relaid()
            self.call_after_refresh(self._scroll_to_cursor)
        if self._center_when_sized and self._layout is not None:
            self._center_when_sized = False
            self.call_after_refresh(self._scroll_to_cursor, center=True)

    def notify_style_update(self) -> None:
        """Rebuild Strips only when resolved colours changed (focus changes also land here)."""
        super().notify_style_update()
        old, self._palette = self._palette, None
        if old is None or not self.is_mounted or self._get_palette() != old:
            self._strips.clear()

    def _get_palette(self) -> Palette:
        if self._palette is None:
            self._palette = palette_of(self)
        return self._palette

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + round(self.scroll_y)
        layout = self._layout
        if layout is None or self._index is None or not 0 <= line < layout.height:
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            self.lines_rendered += 1
            strip = render_line(
                layout,
                line,
                width,
                self._index,
                self._cursor_range(),
                self._selection,
                self._get_palette(),
                idle=not self._has_screen_focus(),
            )
            if len(self._strips) >= _STRIP_CACHE_LIMIT:
                self._strips.clear()
            self._strips[line] = strip
        return strip

    def _has_screen_focus(self) -> bool:
        """Focused within its screen: a modal on top keeps the cursor bright, the side panel dims it."""
        try:
            return self.screen.focused is self
        except Exception:  # not attached to a screen yet
            return False

    def on_focus(self, event: events.Focus) -> None:
        self._repaint_cursor()

    def on_blur(self, event: events.Blur) -> None:
        self._repaint_cursor()

    def _repaint_cursor(self) -> None:
        cursor = self._cursor_range()
        if cursor is not None:
            self._invalidate(*cursor)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None or self._motions is None:
            return
        line = offset.y + round(self.scroll_y)
        position = self._layout.position_at(line, max(0, offset.x - GUTTER))
        if position is not None:
            index = self._motions.word_at(position)
            self._move(
                self._motions.starts[index] if index is not None else self._motions.snap(position)
            )
