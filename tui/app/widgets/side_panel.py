"""Side panel: the article's annotations in text order, and the details of the one under the cursor."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.safe_text import visible


class AnnotationOption(Option):
    """An option that carries the annotation id, so selection never depends on row position."""

    def __init__(self, prompt: Text, annotation_id: str) -> None:
        super().__init__(prompt, id=annotation_id)
        self.annotation_id = annotation_id


def short(text: str, limit: int = 40) -> str:
    """One line of at most `limit` visible characters of untrusted text."""
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe(annotation: dict, entity_names: dict[str, str]) -> Text:
    """The details block for one annotation: label, linked entity, claim attributes, state."""
    out = Text()
    out.append(f"{annotation['label']}", style="bold")
    out.append(f"  {annotation['kind']}  {annotation['start']}-{annotation['end']}\n")
    out.append(short(annotation.get("exact", ""), 90) + "\n")
    entity_id = annotation.get("entity_id")
    if entity_id:
        out.append(f"entity: {visible(entity_names.get(entity_id, entity_id))}\n")
    attributes = annotation.get("attributes") or {}
    if annotation["kind"] == "claim":
        speaker = attributes.get("speaker") or {}
        name = speaker.get("text") if isinstance(speaker, dict) else speaker
        out.append(f"speaker: {visible(str(name or '-'))}\n")
        out.append(f"type: {attributes.get('type') or '-'}\n")
        out.append(f"stance: {attributes.get('stance') or '-'}\n")
        if attributes.get("note"):
            out.append(f"note: {visible(str(attributes['note']))}\n")
    if annotation.get("state", "ok") != "ok":
        out.append(f"state: {annotation['state']}\n", style="bold")
    return out


class SidePanel(Vertical):
    """Lists annotations (Enter jumps to one) above the details of the one under the cursor."""

    BINDINGS = [Binding("escape", "back", "Back to text", id="panel.back")]

    @dataclass
    class Jump(Message):
        """The user chose an annotation in the list; the reader moves there."""

        annotation_id: str

    @dataclass
    class Back(Message):
        """The user left the list; focus returns to the reader."""

    def compose(self) -> ComposeResult:
        yield Static("Annotations", classes="panel-title")
        yield OptionList(id="annotation-list")
        yield Static("", id="annotation-details")

    def set_annotations(self, annotations: list[dict]) -> None:
        """Replace the list, keeping the highlighted annotation when it still exists."""
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted_option
        keep = highlighted.id if highlighted else None
        options = []
        for annotation in annotations:
            prompt = Text()
            prompt.append(f"{annotation['label']:<8.8}", style="bold")
            mark = "❝ " if annotation["kind"] == "claim" else ""
            prompt.append(mark + short(annotation.get("exact", "")))
            if annotation.get("state", "ok") != "ok":
                prompt.append(f" ({annotation['state']})", style="italic")
            options.append(AnnotationOption(prompt, annotation["id"]))
        option_list.set_options(options)
        if keep is not None:
            try:
                option_list.highlighted = option_list.get_option_index(keep)
            except Exception:  # the annotation was deleted
                pass

    def show_details(self, annotation: dict | None, entity_names: dict[str, str]) -> None:
        """Show what is under the cursor, or a hint when nothing is."""
        details = self.query_one("#annotation-details", Static)
        if annotation is None:
            details.update(Text("Nothing under the cursor.\n1-9 label · c claim · ? help"))
        else:
            details.update(describe(annotation, entity_names))

    def focus_list(self) -> None:
        """Give the list focus so Enter can jump."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(event.option.id))

    def action_back(self) -> None:
        self.post_message(self.Back())
