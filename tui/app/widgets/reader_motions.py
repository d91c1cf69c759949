"""Cursor motions and selection edits over reader positions, as pure functions of a word index.

The cursor rests on word starts; a selection is a `[start, end)` range of positions. Words
and sentences come from `tui.text` per block, so a sentence never crosses a paragraph.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from tui import text as text_units

from .reader_layout import Layout

__all__ = ["Motions"]

# Lowercase words allowed inside a multi-word name ("Ministry of Industry and ...").
_NAME_PARTICLES = frozenset(
    "of and for the de del der den van von la le du da di al bin el y".split()
)
# "and" joins two names ("Alibaba Cloud and Baidu") unless the name already crossed a particle
# ("Ministry of Industry and Information Technology"); a second K press crosses it anyway.
_COORDINATORS = frozenset({"and", "y"})


class Motions:
    """Word/sentence/paragraph index over a layout, answering "where does this key go"."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        starts: list[int] = []
        ends: list[int] = []
        for index, block in enumerate(layout.blocks):
            if block.kind == "header":
                continue  # generated decoration: nothing to read, annotate or toggle there
            base = layout.vstarts[index]
            spans = text_units.words(block.text)
            if not spans and block.text.strip():
                # A block without words ("* * *") still gets one stop, so it can be reached.
                stripped = block.text.strip()
                first = block.text.index(stripped)
                spans = [(first, first + len(stripped))]
            for start, end in spans:
                starts.append(base + start)
                ends.append(base + end)
        self.starts = starts
        self.ends = ends
        self._sentences: dict[int, list[tuple[int, int]]] = {}

    # -- words -------------------------------------------------------------------------

    def word_at(self, position: int) -> int | None:
        """Index of the word containing `position`, if any."""
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.ends[index]:
            return index
        return None

    def word_range(self, position: int) -> tuple[int, int]:
        """The word under `position`, or a one-position range when it sits between words."""
        index = self.word_at(position)
        if index is None:
            return position, position + 1
        return self.starts[index], self.ends[index]

    def has_word_in(self, start: int, end: int) -> bool:
        """Whether any word overlaps positions `[start, end)` (a wrapped long word counts)."""
        if end <= start:
            return False
        if self.word_at(start) is not None:
            return True
        following = bisect_left(self.starts, start)
        return following < len(self.starts) and self.starts[following] < end

    def snap(self, position: int) -> int:
        """Start of the word at `position`, else of the next word, else of the last word."""
        if not self.starts:
            return 0
        index = self.word_at(position)
        if index is not None:
            return self.starts[index]
        index = bisect_right(self.starts, position)
        return self.starts[min(index, len(self.starts) - 1)]

    def word_next(self, position: int) -> int:
        index = bisect_right(self.starts, position)
        return self.starts[index] if index < len(self.starts) else position

    def word_prev(self, position: int) -> int:
        index = bisect_left(self.starts, position) - 1
        return self.starts[index] if index >= 0 else position

    def word_end(self, position: int) -> int:
        """Last code point of this word, or of the next word when already there (vim `e`)."""
        index = self.word_at(position)
        if index is not None and position < self.ends[index] - 1:
            return self.ends[index] - 1
        following = bisect_right(self.starts, position)
        if following < len(self.starts):
            return self.ends[following] - 1
        return position

    def first(self) -> int:
        return self.starts[0] if self.starts else 0

    def last(self) -> int:
        return self.starts[-1] if self.starts else 0

    # -- sentences and paragraphs ------------------------------------------------------

    def sentences_of(self, block: int) -> list[tuple[int, int]]:
        """Sentence ranges (positions) of one block, computed on first use."""
        if self.layout.blocks[block].kind == "header":
            return []
        if block not in self._sentences:
            base = self.layout.vstarts[block]
            spans = text_units.sentences(self.layout.blocks[block].text)
            self._sentences[block] = [(base + s, base + e) for s, e in spans]
        return self._sentences[block]

    def sentence_at(self, position: int) -> tuple[int, int] | None:
        """The sentence containing `position` (or the block's text when it has no sentence)."""
        block = self.layout.block_of(position)
        for start, end in self.sentences_of(block):
            if start <= position < end:
                return start, end
        return None

    def sentence_next(self, position: int) -> int:
        for block in range(self.layout.block_of(position), len(self.layout.blocks)):
            for start, _ in self.sentences_of(block):
                if start > position:
                    return self.snap(start)
        return position

    def sentence_prev(self, position: int) -> int:
        """Start of this sentence, or of the previous one when already at a start (vim `(`)."""
        for block in range(self.layout.block_of(position), -1, -1):
            for start, _ in reversed(self.sentences_of(block)):
                if self.snap(start) < position:
                    return self.snap(start)
        return position

    def paragraph_next(self, position: int) -> int:
        layout = self.layout
        for block in range(layout.block_of(position) + 1, len(layout.blocks)):
            target = self.snap(layout.vstarts[block])
            if target >= layout.vstarts[block]:
                return target
        return position

    def paragraph_prev(self, position: int) -> int:
        layout = self.layout
        for block in range(layout.block_of(position), -1, -1):
            target = self.snap(layout.vstarts[block])
            if target < position and layout.block_of(target) == block:
                return target
        return position

    # -- selection edits -----------------------------------------------------------------

    def grow_end(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        index = bisect_left(self.ends, end + 1)
        return (start, self.ends[index]) if index < len(self.ends) else selection

    def shrink_end(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        index = bisect_left(self.ends, end) - 1
        if index >= 0 and self.ends[index] > start:
            return start, self.ends[index]
        return selection

    def grow_start(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        index = bisect_left(self.starts, start) - 1
        return (self.starts[index], end) if index >= 0 else selection

    def shrink_start(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        index = bisect_right(self.starts, start)
        if index < len(self.starts) and self.starts[index] < end:
            return self.starts[index], end
        return selection

    # one character at a time, for what word steps cannot reach (a closing quote, a stray letter)
    def grow_end_char(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        block = self.layout.block_of(max(start, end - 1))
        limit = self.layout.vstarts[block] + len(self.layout.blocks[block].text)
        return (start, end + 1) if end < limit else selection

    def shrink_end_char(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        return (start, end - 1) if end - 1 > start else selection

    def grow_start_char(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        block = self.layout.block_of(start)
        return (start - 1, end) if start > self.layout.vstarts[block] else selection

    def shrink_start_char(self, selection: tuple[int, int]) -> tuple[int, int]:
        start, end = selection
        return (start + 1, end) if start + 1 < end else selection

    def sentence_end_from(self, selection: tuple[int, int]) -> tuple[int, int]:
        """Grow the end to the end of its sentence (closing quote included), or of the next one
        when it is already there; never into the next sentence's first word."""
        start, end = selection
        block = self.layout.block_of(max(start, end - 1))
        for _, sentence_end in self.sentences_of(block):
            if sentence_end > end:
                return start, sentence_end
        return selection

    def paragraph_end_from(self, selection: tuple[int, int]) -> tuple[int, int]:
        """Grow the end to the end of its paragraph, or of the next one when already there."""
        start, end = selection
        for block in range(self.layout.block_of(max(start, end - 1)), len(self.layout.blocks)):
            sentences = self.sentences_of(block)
            if sentences and sentences[-1][1] > end:
                return start, sentences[-1][1]
        return selection

    def _capital_start(self, selection: tuple[int, int]) -> tuple[int, int] | None:
        """For K on a lowercase word: the next word when it is capitalised and only blanks lie
        between; None when there is no such word."""
        start, end = selection
        layout = self.layout
        block = layout.block_of(start)
        text, base = layout.blocks[block].text, layout.vstarts[block]
        index = bisect_left(self.starts, end)
        if index >= len(self.starts) or layout.block_of(self.starts[index]) != block:
            return None
        if text[end - base : self.starts[index] - base].strip():
            return None
        word = text[self.starts[index] - base : self.ends[index] - base]
        return (self.starts[index], self.ends[index]) if word[:1].isupper() else None

    def extend_name(self, selection: tuple[int, int]) -> tuple[int, int]:
        """Grow the end over following capitalised words, across particles and initials ("Xi Jinping").

        Stops before an "and" that joins two names; pressing again takes in the next name.
        A selection starting on a lowercase word ("include China Telecom") starts at the name.
        """
        start, end = selection
        layout = self.layout
        block = layout.block_of(max(start, end - 1))
        text, base = layout.blocks[block].text, layout.vstarts[block]
        if text[start - base : end - base][:1].islower():
            first = self._capital_start(selection)
            if first is None:
                return selection
            start, end = first
        index = bisect_left(self.starts, end)
        best = previous_end = end
        crossed_particle = False
        while index < len(self.starts) and layout.block_of(self.starts[index]) == block:
            gap = text[previous_end - base : self.starts[index] - base].strip()
            previous = text[self.starts[index - 1] - base : previous_end - base] if index else ""
            if gap and not (gap == "." and len(previous) == 1 and previous.isupper()):
                break
            word = text[self.starts[index] - base : self.ends[index] - base]
            if word[:1].isupper():
                best = self.ends[index]
            elif word not in _NAME_PARTICLES:
                break
            elif word in _COORDINATORS:
                if best > end and not crossed_particle:
                    break
            else:
                crossed_particle = True
            previous_end = self.ends[index]
            index += 1
        return start, best
