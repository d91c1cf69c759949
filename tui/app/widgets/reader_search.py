"""The reader's `/` search line: the query is typed into the reader itself, not into a modal.

Keys of a fast burst ("/Huobi⏎2" as tmux or a quick typist sends them) all land in the
reader's own queue, in order; a modal's input could only take them once it had opened and
focused, so some were lost or went to the reader. The search runs over the blocks on screen,
so dropped lines are searched too while the boilerplate view shows them.
"""

from __future__ import annotations

from textual.message import Message

__all__ = ["SearchChanged", "SearchLine", "find", "find_in_blocks"]


class SearchChanged(Message):
    """The search line changed: `prompt` to show ("/hua"), or a note ("not found: x")."""

    def __init__(self, prompt: str, note: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.note = note


class SearchLine:
    """The query being typed after `/` (None when not searching) and the last one searched."""

    def __init__(self) -> None:
        self.query: str | None = None
        self.last = ""

    @property
    def active(self) -> bool:
        return self.query is not None

    def begin(self) -> None:
        self.query = ""

    def feed(self, key: str, character: str | None) -> str | None:
        """Take one key; returns the query to search when Enter ends the line (empty repeats)."""
        query = self.query or ""
        if key == "escape":
            self.query = None
        elif key == "enter":
            self.query = None
            self.last = query or self.last
            return self.last
        elif key == "backspace":
            self.query = query[:-1]
        elif character and character.isprintable():
            self.query = query + character
        return None

    @property
    def prompt(self) -> str:
        if self.query is None:
            return ""
        again = (
            f"Enter finds “{self.last}” again" if self.last and not self.query else "Enter finds"
        )
        return f"/{self.query}▏  {again} · Esc cancels"


def find_in_blocks(texts: list[str], needle: str, position: int) -> int | None:
    """Case-insensitive search after `position` over the blocks as laid out (each block's
    text at its layout position, blocks two apart), wrapping to the top."""
    return find("\n\n".join(texts), needle, position + 1)


def find(text: str, needle: str, start: int, backwards: bool = False) -> int | None:
    """Case-insensitive search from `start`, wrapping around; returns the match offset."""
    if not needle:
        return None
    haystack, folded = text.casefold(), needle.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (e.g. ß); offsets must stay exact
        haystack, folded = text.lower(), needle.lower()
        if len(haystack) != len(text):
            haystack, folded = text, needle
    needle = folded
    if backwards:
        hit = haystack.rfind(needle, 0, max(0, start))
        return (
            hit if hit >= 0 else (haystack.rfind(needle) if haystack.rfind(needle) >= 0 else None)
        )
    hit = haystack.find(needle, start)
    if hit < 0:
        hit = haystack.find(needle)
    return hit if hit >= 0 else None
