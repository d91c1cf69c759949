"""Form fields that keep the keys of a burst in order across Tab."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widget import Widget
from textual.widgets import Input, Select


def keep_burst_order(field: Widget, event: events.Key) -> None:
    """Tab and Shift+Tab move the focus as soon as the field reads them, and a key the field
    reads after the focus left it is typed again for the focused widget, so a burst like
    "Yunan⇥⇥⇥a note" (tmux, a paste) fills the next fields instead of this one. (Textual
    moves the focus when the app handles the Tab: after this field took the keys behind it,
    typed into a text field or searched for in a list.)"""
    screen = field.screen
    focused = screen.focused
    if focused is None or field in focused.ancestors:
        return  # a key bubbling up from the field's own open list is that list's
    if focused is not field:
        event.stop()
        event.prevent_default()
        # typed again: the app hands it to the focused widget, then to the bindings
        field.app.post_message(events.Key(event.key, event.character))
    elif event.key in ("tab", "shift+tab"):
        event.stop()
        event.prevent_default()
        if event.key == "tab":
            screen.focus_next()
        else:
            screen.focus_previous()


class FormInput(Input):
    """A text field of a form (see keep_burst_order)."""

    def on_key(self, event: events.Key) -> None:
        keep_burst_order(self, event)


class FormSelect(Select[Any]):
    """A list field of a form (see keep_burst_order)."""

    def on_key(self, event: events.Key) -> None:
        keep_burst_order(self, event)
