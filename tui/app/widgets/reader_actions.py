"""The reader's key bindings, and a Navigator that works out where each key takes the cursor.

Every binding has an id `reader.<name>` so users can remap it with `App.set_keymap`; the
bindings call a handful of parameterised actions on ReaderView (`move('word_next')`,
`line(1)`, `page(-1)`, `edit_selection('grow_end')` ...). The Navigator is plain Python over a
`Motions` index: it computes targets and the view applies them (repaint, scroll, messages).
Shift+arrows move the end of the selection, alt+arrows its start (`>`/`<` and `H`/`L` too).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from .reader_motions import Motions

__all__ = ["READER_BINDINGS", "Navigator", "SelectionEdit"]


def _b(keys: str, name: str, action: str, description: str, show: bool = False) -> Binding:
    return Binding(keys, action, description, show=show, id=f"reader.{name}")


def _move(keys: str, motion: str, description: str) -> Binding:
    return _b(keys, motion, f"move('{motion}')", description)


def _edit(keys: str, edit: str, description: str) -> Binding:
    return _b(keys, edit, f"edit_selection('{edit}')", description)


READER_BINDINGS = [
    _move("w,right", "word_next", "Next word"),
    _move("b,left", "word_prev", "Previous word"),
    _move("e", "word_end", "End of word"),
    _b("j,down", "line_down", "line(1)", "Line down"),
    _b("k,up", "line_up", "line(-1)", "Line up"),
    _move("right_parenthesis", "sentence_next", "Next sentence"),
    _move("left_parenthesis", "sentence_prev", "Previous sentence"),
    _move("right_curly_bracket", "paragraph_next", "Next paragraph"),
    _move("left_curly_bracket", "paragraph_prev", "Previous paragraph"),
    _b("pagedown,ctrl+f,space", "page_down", "page(1)", "Page down"),
    _b("pageup,ctrl+b", "page_up", "page(-1)", "Page up"),
    _b("g,home", "top", "move('first')", "Top"),
    _b("G,end", "bottom", "move('last')", "Bottom"),
    _b("v", "select_mode", "select_mode", "Select", show=True),
    _b("s", "select_sentence", "select_sentence", "Sentence", show=True),
    _edit("greater_than_sign,shift+right", "grow_end", "Grow end"),
    _edit("less_than_sign,shift+left", "shrink_end", "Shrink end"),
    _edit("H,alt+left", "grow_start", "Grow start"),
    _edit("L,alt+right", "shrink_start", "Shrink start"),
    _edit("K", "extend_name", "Extend name"),
    _edit("plus,ctrl+right", "grow_end_char", "End +1 char"),
    _edit("minus,ctrl+left", "shrink_end_char", "End -1 char"),
    _edit("ctrl+shift+left,alt+h", "grow_start_char", "Start -1 char"),
    _edit("ctrl+shift+right,alt+l", "shrink_start_char", "Start +1 char"),
    _b("escape", "cancel", "cancel", "Cancel selection"),
]

MOTIONS = frozenset(
    "word_next word_prev word_end sentence_next sentence_prev paragraph_next paragraph_prev".split()
)
EDITS = frozenset(
    "grow_end shrink_end grow_start shrink_start extend_name grow_end_char shrink_end_char"
    " grow_start_char shrink_start_char sentence_end_from paragraph_end_from".split()
)
START_EDITS = frozenset("grow_start shrink_start grow_start_char shrink_start_char".split())


@dataclass(frozen=True)
class SelectionEdit:
    """A new selection in layout positions, the fixed part a "v" selection grows from, and the cursor."""

    selection: tuple[int, int]
    anchor: tuple[int, int]
    cursor: int


class Navigator:
    """Where each reader key goes, computed from the word index; the view owns state and repaints."""

    def __init__(self, motions: Motions) -> None:
        self.motions = motions

    def on_text(self, position: int) -> bool:
        """True when `position` is article text (not a header or a dropped line's decoration)."""
        return self.motions.layout.to_clean(position) is not None

    def target(self, motion: str, position: int) -> int:
        """The cursor position a motion key goes to; `first`/`last` are the document's ends."""
        motions = self.motions
        if motion == "first":
            return motions.first()
        if motion == "last":
            return motions.last()
        if motion not in MOTIONS:
            raise ValueError(f"unknown reader motion {motion!r}")
        result: int = getattr(motions, motion)(position)
        return result

    def vertical(self, position: int, lines: int, goal: int | None) -> tuple[int | None, int]:
        """The position `lines` screen lines away at the goal column (vim's curswant), and that column."""
        layout = self.motions.layout
        line, column = layout.column_of(position)
        goal = column if goal is None else goal
        target_line = max(0, min(layout.height - 1, line + lines))
        step = 1 if lines > 0 else -1
        target = self._line_target(target_line, step, goal)
        if target is None:
            target = self._line_target(target_line, -step, goal)
        return target, goal

    def _line_target(self, line: int, step: int, goal: int) -> int | None:
        """Position on screen line `line` at column `goal`, skipping lines with no word on them
        (separators, a drop reason on its own line, the generated header) in direction `step`."""
        motions = self.motions
        layout = motions.layout
        while 0 <= line < layout.height and not motions.has_word_in(*layout.line_range(line)):
            line += step
        if not 0 <= line < layout.height:
            return None
        position = layout.position_at(line, goal)
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

    def edit_selection(
        self, edit: str, position: int, selection: tuple[int, int] | None
    ) -> SelectionEdit | None:
        """Grow or shrink the selection (from the cursor word when nothing is selected)."""
        if edit not in EDITS:
            raise ValueError(f"unknown selection edit {edit!r}")
        if not self.on_text(position):
            return None
        motions = self.motions
        current = selection or motions.word_range(position)
        start, end = getattr(motions, edit)(current)
        if edit not in START_EDITS:  # the end moves, the start stays
            return SelectionEdit((start, end), (start, start), motions.word_prev(end))
        return SelectionEdit((start, end), (end, end), start)

    def sentence(self, position: int) -> SelectionEdit | None:
        """Select the sentence under the cursor (the word, if it is in no sentence)."""
        if not self.on_text(position):
            return None
        motions = self.motions
        sentence = motions.sentence_at(position) or motions.word_range(position)
        return SelectionEdit(sentence, sentence, motions.word_prev(sentence[1]))
