"""Key bindings and actions of the reader, kept apart from the widget's state and rendering.

Every binding has an id `reader.<action>` so users can remap it with `App.set_keymap`.
Shift+arrows move the end of the selection, alt+arrows its start (`>`/`<` and `H`/`L` too).
"""

from __future__ import annotations

from textual.binding import Binding

__all__ = ["READER_BINDINGS", "ReaderActions"]


def _b(keys: str, action: str, description: str, show: bool = False) -> Binding:
    return Binding(keys, action, description, show=show, id=f"reader.{action}")


READER_BINDINGS = [
    _b("w,right", "word_next", "Next word"),
    _b("b,left", "word_prev", "Previous word"),
    _b("e", "word_end", "End of word"),
    _b("j,down", "line_down", "Line down"),
    _b("k,up", "line_up", "Line up"),
    _b("right_parenthesis", "sentence_next", "Next sentence"),
    _b("left_parenthesis", "sentence_prev", "Previous sentence"),
    _b("right_curly_bracket", "paragraph_next", "Next paragraph"),
    _b("left_curly_bracket", "paragraph_prev", "Previous paragraph"),
    _b("pagedown,ctrl+f,space", "page_down", "Page down"),
    _b("pageup,ctrl+b", "page_up", "Page up"),
    _b("g,home", "top", "Top"),
    _b("G,end", "bottom", "Bottom"),
    _b("v", "select_mode", "Select", show=True),
    _b("s", "select_sentence", "Sentence", show=True),
    _b("greater_than_sign,shift+right", "grow_end", "Grow end"),
    _b("less_than_sign,shift+left", "shrink_end", "Shrink end"),
    _b("H,alt+left", "grow_start", "Grow start"),
    _b("L,alt+right", "shrink_start", "Shrink start"),
    _b("K", "extend_name", "Extend name"),
    _b("plus,ctrl+right", "grow_end_char", "End +1 char"),
    _b("minus,ctrl+left", "shrink_end_char", "End -1 char"),
    _b("ctrl+shift+left,alt+h", "grow_start_char", "Start -1 char"),
    _b("ctrl+shift+right,alt+l", "shrink_start_char", "Start +1 char"),
    _b("escape", "cancel", "Cancel selection"),
]


class ReaderActions:
    """Mixin for ReaderView: what each key does, in terms of the widget's `_move`/`_set_selection`."""

    def _edit_selection(self, edit: str) -> None:
        """Apply a Motions selection edit, starting from the cursor word when nothing is selected."""
        motions = self._motions
        if motions is None or self._layout is None or self._layout.to_clean(self._position) is None:
            return
        current = self._selection or motions.word_range(self._position)
        start, end = getattr(motions, edit)(current)
        moving_end = edit not in (
            "grow_start",
            "shrink_start",
            "grow_start_char",
            "shrink_start_char",
        )
        self._selecting = True
        self._anchor = (start, start) if moving_end else (end, end)
        self._move(motions.word_prev(end) if moving_end else start, extend=False)
        self._set_selection((start, end))

    def _line_target(self, line: int, step: int) -> int | None:
        """Position on screen line `line` at the goal column, skipping lines with no word on them
        (separators, a drop reason on its own line, the generated header) in direction `step`."""
        layout, motions = self._layout, self._motions
        while 0 <= line < layout.height and not motions.has_word_in(*layout.line_range(line)):
            line += step
        if not 0 <= line < layout.height:
            return None
        position = layout.position_at(line, self._goal_column or 0)
        if position is None:
            return None
        start, end = layout.line_range(line)
        index = motions.word_at(position)
        if index is not None:
            return motions.starts[index] if motions.starts[index] >= start else position
        following = motions.snap(position)
        if start <= following < end:
            return following
        previous = motions.word_prev(position)
        return previous if start <= previous < end else position

    def _vertical(self, lines: int, scroll: bool = False) -> None:
        """Move the cursor `lines` screen lines, keeping the column it started from (vim's curswant)."""
        if self._layout is None or not self._layout.lines:
            return
        line, column = self._layout.column_of(self._position)
        if self._goal_column is None:
            self._goal_column = column
        target_line = max(0, min(self._layout.height - 1, line + lines))
        if scroll:
            self.scroll_to(y=max(0, round(self.scroll_y) + lines), animate=False)
        step = 1 if lines > 0 else -1
        target = self._line_target(target_line, step)
        if target is None:
            target = self._line_target(target_line, -step)
        if target is not None:
            self._move(target, keep_goal=True)

    def _jump(self, motion: str) -> None:
        """Move the cursor to where the named Motions method says, if a document is loaded."""
        if self._motions:
            self._move(getattr(self._motions, motion)(self._position))

    def action_word_next(self) -> None:
        self._jump("word_next")

    def action_word_prev(self) -> None:
        self._jump("word_prev")

    def action_word_end(self) -> None:
        self._jump("word_end")

    def action_line_down(self) -> None:
        self._vertical(1)

    def action_line_up(self) -> None:
        self._vertical(-1)

    def action_page_down(self) -> None:
        self._vertical(max(1, self.scrollable_content_region.height - 1), scroll=True)

    def action_page_up(self) -> None:
        self._vertical(-max(1, self.scrollable_content_region.height - 1), scroll=True)

    def action_sentence_next(self) -> None:
        if self._selecting:  # extend to this sentence's end, not the next one's first word
            self._edit_selection("sentence_end_from")
            return
        self._jump("sentence_next")

    def action_sentence_prev(self) -> None:
        self._jump("sentence_prev")

    def action_paragraph_next(self) -> None:
        if self._selecting:
            self._edit_selection("paragraph_end_from")
            return
        self._jump("paragraph_next")

    def action_paragraph_prev(self) -> None:
        self._jump("paragraph_prev")

    def action_top(self) -> None:
        if self._motions:
            self._move(self._motions.first())

    def action_bottom(self) -> None:
        if self._motions:
            self._move(self._motions.last())

    def action_select_mode(self) -> None:
        """Toggle "v" mode: the selection then spans from where it started to the cursor word."""
        if self._motions is None:
            return
        if self._selecting:
            self._selecting = False
            return
        if self._layout is None or self._layout.to_clean(self._position) is None:
            return
        self._selecting = True
        self._anchor = self._selection or self._motions.word_range(self._position)
        self._set_selection(self._anchor)

    def action_select_sentence(self) -> None:
        motions = self._motions
        if motions is None or self._layout is None or self._layout.to_clean(self._position) is None:
            return
        sentence = motions.sentence_at(self._position) or motions.word_range(self._position)
        self._selecting = True
        self._anchor = sentence
        self._move(motions.word_prev(sentence[1]), extend=False)
        self._set_selection(sentence)

    def action_grow_end(self) -> None:
        self._edit_selection("grow_end")

    def action_shrink_end(self) -> None:
        self._edit_selection("shrink_end")

    def action_grow_start(self) -> None:
        self._edit_selection("grow_start")

    def action_shrink_start(self) -> None:
        self._edit_selection("shrink_start")

    def action_extend_name(self) -> None:
        self._edit_selection("extend_name")

    def action_grow_end_char(self) -> None:
        self._edit_selection("grow_end_char")

    def action_shrink_end_char(self) -> None:
        self._edit_selection("shrink_end_char")

    def action_grow_start_char(self) -> None:
        self._edit_selection("grow_start_char")

    def action_shrink_start_char(self) -> None:
        self._edit_selection("shrink_start_char")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Let escape reach the screen when there is no selection to cancel."""
        if action == "cancel":
            return self._selecting or self._selection is not None
        return True

    def action_cancel(self) -> None:
        self.clear_selection()
