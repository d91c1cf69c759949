"""Label picker: change an entity's label from a list, keyboard only."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.safe_text import visible
from tui.workspace import LabelRecord


class LabelPicker(ModalScreen[str | None]):
    """Pick a label by arrows + Enter or by its hotkey; Escape keeps the current one."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="labels.cancel")]

    def __init__(self, labels: Sequence[LabelRecord], current: str) -> None:
        super().__init__()
        self.labels = labels
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Text.assemble((f"{label.get('hotkey') or ' '}  ", "bold"), visible(label["name"])),
                id=label["name"],
            )
            for label in self.labels
        ]
        yield OptionList(*options, id="label-picker")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        names = [label["name"] for label in self.labels]
        if self.current in names:
            option_list.highlighted = names.index(self.current)
        option_list.focus()

    def on_key(self, event: events.Key) -> None:
        hit = next(
            (label["name"] for label in self.labels if str(label.get("hotkey")) == event.key), None
        )
        if hit is not None:
            event.stop()
            self.dismiss(hit)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
