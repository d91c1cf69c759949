"""Help generated from the bindings that are active right now, so it can never drift from the keys."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


@dataclass(frozen=True)
class HelpRow:
    """One line of help: keys, what they do, the binding id to remap, and where it applies."""

    keys: str
    description: str
    binding_id: str
    where: str


# Class names mean nothing to a reader of the help, and "ReaderScreen" was clipped to "Read" at 80 columns.
_WHERE = {
    "NewsmarkApp": "anywhere",
    "ReaderScreen": "reader",
    "ReaderView": "text",
    "LibraryScreen": "library",
    "LibraryTable": "list",
    "SidePanel": "panel",
    "AnnotationList": "panel",
}


def where_name(class_name: str) -> str:
    """A short lower-case name for where a binding applies."""
    return _WHERE.get(class_name, class_name.removesuffix("Screen").lower())


def help_rows(
    active: Mapping[str, ActiveBinding], key_display: Callable[[Binding], str]
) -> list[HelpRow]:
    """Group active bindings by action so each action is one row listing all its keys."""
    rows: dict[tuple[str, str], tuple[Binding, list[str]]] = {}
    for key, item in active.items():
        binding = item.binding
        if binding.system and not binding.description:
            continue
        where = where_name(type(item.node).__name__)
        group = (where, binding.id or binding.action)
        entry = rows.setdefault(group, (binding, []))
        entry[1].append(key_display(binding.with_key(key)))
    result = []
    for (where, _), (binding, keys) in rows.items():
        description = binding.description or binding.tooltip or binding.action
        result.append(HelpRow(" ".join(dict.fromkeys(keys)), description, binding.id or "-", where))
    return sorted(result, key=lambda row: (row.where, row.binding_id))


class HelpScreen(ModalScreen[None]):
    """A scrollable table of the active bindings; Escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(
                Text(
                    "Keys (remap by id in the keymap file; Ctrl+P lists every action)", style="bold"
                )
            )
            table: DataTable[Text] = DataTable(
                cursor_type="row", zebra_stripes=True, id="help-table"
            )
            table.add_columns("Keys", "Action", "Binding id", "Where")
            for row in self.rows:
                table.add_row(
                    Text(row.keys), Text(row.description), Text(row.binding_id), Text(row.where)
                )
            yield table

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)
