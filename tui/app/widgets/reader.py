"""The article reader: the keys of a ReaderCanvas (cursor motions, selection edits, cancel).

The API the screens code against (set_document, set_spans, update_span, cursor, selection,
selecting, current_block, target_range, clear_selection, lines_rendered, the CursorMoved and
SelectionChanged messages) is described in docs/ARCHITECTURE.md, "tui.app reader widget".
Keys: READER_BINDINGS in reader_actions.py (the one list; help and the palette are generated from it).
"""

from __future__ import annotations

from textual.binding import BindingType

from .reader_actions import READER_BINDINGS, SelectionEdit
from .reader_canvas import ReaderCanvas
from .reader_messages import CursorMoved, SelectionChanged
from .reader_search import SearchChanged, SearchLine, find_in_blocks
from .reader_types import Block, Span

__all__ = ["ReaderView", "Block", "Span"]


class ReaderView(ReaderCanvas, can_focus=True):
    """Shows an article as wrapped blocks with annotations, a word cursor and a keyboard selection."""

    DEFAULT_CSS = """
    ReaderView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        padding: 0 1 0 0;
        background: $surface;
        color: $foreground;
    }
    ReaderView > .reader--cursor { text-style: reverse; }
    ReaderView > .reader--cursor-idle { background: $foreground 25%; }
    ReaderView > .reader--selection { background: $primary 55%; }
    ReaderView > .reader--title { color: $text-accent; text-style: bold; }
    ReaderView > .reader--meta { color: $text-muted; text-style: italic; }
    ReaderView > .reader--dropped { color: $text-disabled; }
    ReaderView > .reader--header { color: $text-secondary; }
    ReaderView > .reader--note { color: $text-warning; text-style: italic; }
    ReaderView > .reader--claim-bar { color: $warning; }
    """

    BINDINGS = list[BindingType](READER_BINDINGS)

    CursorMoved = CursorMoved
    SelectionChanged = SelectionChanged

    @property
    def selecting(self) -> bool:
        return self._selecting

    @selecting.setter
    def selecting(self, value: bool) -> None:
        if value != self._selecting:
            self.action_select_mode()

    # -- key actions (the bindings are in reader_actions.py) ------------------------------

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.search = SearchLine()  # the `/` query being typed, if any

    def action_move(self, motion: str) -> None:
        if self._navigator is None:
            return
        if self._selecting and motion in ("sentence_next", "paragraph_next"):
            # extend to this sentence's (paragraph's) end, not into the next one's first word
            edit = "sentence_end_from" if motion == "sentence_next" else "paragraph_end_from"
            self.action_edit_selection(edit)
            return
        self._move(self._navigator.target(motion, self._position))

    def action_line(self, lines: int) -> None:
        """Move the cursor `lines` screen lines, keeping the column it started from."""
        if self._navigator is not None and self._layout is not None and self._layout.lines:
            target, self._goal_column = self._navigator.vertical(
                self._position, lines, self._goal_column
            )
            if target is not None:
                self._move(target, keep_goal=True)

    def action_page(self, direction: int) -> None:
        if self._layout is not None and self._layout.lines:
            lines = direction * max(1, self.scrollable_content_region.height - 1)
            self.scroll_to(y=max(0, round(self.scroll_y) + lines), animate=False)
            self.action_line(lines)

    def action_select_mode(self) -> None:
        """Toggle "v" mode: the selection then spans from where it started to the cursor word."""
        if self._navigator is None:
            return
        if self._selecting:
            self._selecting = False
            return
        if self._motions is None or not self._navigator.on_text(self._position):
            return
        self._selecting = True
        self._anchor = self._selection or self._motions.word_range(self._position)
        self._set_selection(self._anchor)

    def action_select_sentence(self) -> None:
        if self._navigator is not None:
            self._select(self._navigator.sentence(self._position))

    def action_edit_selection(self, edit: str) -> None:
        if self._navigator is not None:
            self._select(self._navigator.edit_selection(edit, self._position, self._selection))

    def _select(self, edit: SelectionEdit | None) -> None:
        if edit is None:
            return
        self._selecting = True
        self._anchor = edit.anchor
        self._move(edit.cursor, extend=False)
        self._set_selection(edit.selection)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Let escape reach the screen when there is no selection to cancel."""
        if action == "cancel":
            return self._selecting or self._selection is not None
        return True

    def action_cancel(self) -> None:
        self.clear_selection()

    # -- `/` search: the app feeds the query's keys in order (NewsmarkApp.on_key) -------------

    def start_search(self) -> None:
        self.search.begin()
        self.post_message(SearchChanged(self.search.prompt))

    def search_key(self, key: str, character: str | None) -> None:
        """One key of the query typed after `/` (the app feeds them in order)."""
        needle = self.search.feed(key, character)
        note = ""
        if needle and self._layout is not None and self._motions is not None:
            hit = find_in_blocks(self._layout.texts, needle, self._position)
            if hit is None:
                note = f"not found: {needle}"
            else:
                self._move(self._motions.snap(hit))
        self.post_message(SearchChanged(self.search.prompt, note))
