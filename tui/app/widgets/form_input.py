"""A text field for forms that keeps the keys of a burst in order across Tab."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FormInput(Input):
    """Tab and Shift+Tab move the focus as soon as the field reads them, and a key the field
    reads after the focus left it is typed again for the focused widget, so a burst like
    "Yunan⇥⇥⇥a note" (tmux, a paste) fills the next fields instead of this one. (Textual
    moves the focus when the app handles the Tab: after this field typed the letters behind.)"""

    def on_key(self, event: events.Key) -> None:
        screen = self.screen
        focused = screen.focused
        if focused is not self and focused is not None:
            event.stop()
            event.prevent_default()
            # typed again: the app hands it to the focused widget, then to the bindings
            self.app.post_message(events.Key(event.key, event.character))
        elif event.key in ("tab", "shift+tab"):
            event.stop()
            event.prevent_default()
            if event.key == "tab":
                screen.focus_next()
            else:
                screen.focus_previous()
