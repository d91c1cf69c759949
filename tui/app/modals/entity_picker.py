"""Entity picker: link a mention to a corpus-wide entity by typing part of a name or alias."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.safe_text import visible
from tui.workspace.registry import EntityRegistry

NEW_ENTITY = "\x00new"  # the option id of "new entity from this mention"


class EntityPicker(ModalScreen[str | None]):
    """Search as you type over names and aliases (any type); Enter picks, Escape cancels.

    Returns an entity id, or NEW_ENTITY for "a new entity named after this mention".
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
    ]

    def __init__(self, registry: EntityRegistry, mention: str) -> None:
        super().__init__()
        self.registry = registry
        self.mention = mention

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-picker"):
            yield Static(visible(f"Link “{self.mention}” to an entity"), classes="picker-title")
            yield Input(value=self.mention, placeholder="name or alias", id="entity-query")
            yield OptionList(id="entity-options")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._fill(self.mention)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        matches = self.registry.search(query)
        options = [
            Option(
                Text.assemble(
                    (visible(m.name), "bold"),
                    f"  {m.type}",
                    (f"  (as {visible(m.matched)})" if m.matched != m.name else ""),
                    f"  {m.score:.2f}",
                ),
                id=m.entity_id,
            )
            for m in matches
        ]
        new = Option(Text(visible(f"+ new entity “{self.mention}”")), id=NEW_ENTITY)
        close_match = bool(matches) and matches[0].score >= 0.9
        options = [*options, new] if close_match else [new, *options]
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        option_list.highlighted = 0

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        current = option_list.highlighted or 0
        option_list.highlighted = max(0, min(option_list.option_count - 1, current + step))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is not None:
            self.dismiss(option_list.get_option_at_index(option_list.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
