"""Search prompt: one line at the bottom that returns the text to find in the article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input


class SearchPrompt(ModalScreen[str | None]):
    """Ask for a search string; Enter searches, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="search.cancel")]

    def __init__(self, last: str = "") -> None:
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        yield Input(
            self.last, placeholder="search this article (Enter find, Esc cancel)", id="search-input"
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


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
