"""Side panel: the article's annotations in text order, and the details of the one under the cursor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from tui.app.widgets.line_list import LineList
from tui.safe_text import visible
from tui.workspace import AnnotationRecord, LabelRecord


class AnnotationRow:
    """One annotation as a list line; carries the id, so selection never depends on row position."""

    __slots__ = ("key", "annotation")

    def __init__(self, annotation: AnnotationRecord) -> None:
        self.key = annotation["id"]
        self.annotation = annotation

    def text(self, width: int) -> Text:
        annotation = self.annotation
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{visible(str(annotation['label'])):<8.8}", style="bold")
        line.append("❝ " if annotation["kind"] == "claim" else "")
        line.append(short(annotation.get("exact", ""), max(4, width)))
        if annotation.get("state", "ok") != "ok":
            line.append(f" ({visible(str(annotation['state']))})", style="italic")
        line.truncate(width, overflow="ellipsis")
        return line


class AnnotationList(LineList):
    """The article's annotations in text order; Enter jumps to one."""

    class Selected(LineList.Selected):
        """The user chose this annotation."""


def short(text: str, limit: int = 40) -> str:
    """One line of at most `limit` visible characters of untrusted text."""
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe(annotation: AnnotationRecord, entity_names: dict[str, str]) -> Text:
    """The details block for one annotation: label, linked entity, claim attributes, state."""
    out = Text()
    out.append(visible(str(annotation["label"])), style="bold")
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
        out.append(f"type: {visible(str(attributes.get('type') or '-'))}\n")
        out.append(f"stance: {visible(str(attributes.get('stance') or '-'))}\n")
        if attributes.get("note"):
            out.append(f"note: {visible(str(attributes['note']))}\n")
    if annotation.get("state", "ok") != "ok":
        out.append(f"state: {visible(str(annotation['state']))}\n", style="bold")
    return out


class SidePanel(Vertical):
    """Lists annotations (Enter jumps to one) above the details of the one under the cursor."""

    BINDINGS = [
        Binding("escape", "back", "Back to text", id="panel.back"),
        Binding("x", "delete", "Delete highlighted", id="panel.delete"),
    ]

    @dataclass
    class Jump(Message):
        """The user chose an annotation in the list; the reader moves there."""

        annotation_id: str

    @dataclass
    class Delete(Message):
        """Delete the highlighted annotation: the one way to remove an orphan, which has no place in the text."""

        annotation_id: str

    @dataclass
    class Back(Message):
        """The user left the list; focus returns to the reader."""

    def compose(self) -> ComposeResult:
        yield Static("", id="label-legend")
        yield Static("Annotations", classes="panel-title")
        yield AnnotationList(id="annotation-list")
        yield Static("", id="annotation-details")

    def set_legend(self, labels: Sequence[LabelRecord], styles: dict[str, str]) -> None:
        """Which key applies which label, in each label's own style, so nobody has to guess."""
        legend = Text()
        keyed = [label for label in labels if label.get("hotkey")]
        for label in sorted(
            keyed, key=lambda label: (str(label["hotkey"]) == "0", str(label["hotkey"]))
        ):
            legend.append(f"{label['hotkey']}", style="bold reverse")
            # no space between key and name: a space would let the line wrap between them
            legend.append(visible(label["name"]), style=styles.get(label["name"], ""))
            legend.append("  ")
        legend.append("c", style="bold reverse")
        legend.append("claim  ")
        legend.append("?", style="bold reverse")
        legend.append("help")
        self.query_one("#label-legend", Static).update(legend)

    def set_annotations(self, annotations: Sequence[AnnotationRecord]) -> None:
        """Replace the list, keeping the highlighted annotation when it still exists."""
        annotation_list = self.query_one(AnnotationList)
        annotation_list.set_rows(
            [AnnotationRow(a) for a in annotations], annotation_list.cursor_key
        )

    def show_details(
        self,
        annotation: AnnotationRecord | None,
        entity_names: dict[str, str],
        linked: list[tuple[str, str]] | None = None,
    ) -> None:
        """Show what is under the cursor (and the claims it is linked to), or a hint."""
        details = self.query_one("#annotation-details", Static)
        if annotation is None:
            details.update(Text("Nothing under the cursor."))
            return
        text = describe(annotation, entity_names)
        for kind, title in linked or []:
            text.append("\n" + kind.replace("_", " ") + ": ", style="bold")
            text.append(visible(title[:60]) + " (J jumps)")
        details.update(text)

    def focus_list(self) -> None:
        """Give the list focus so Enter can jump."""
        self.query_one(AnnotationList).focus()

    def on_annotation_list_selected(self, event: AnnotationList.Selected) -> None:
        event.stop()
        self.post_message(self.Jump(event.key))

    def action_delete(self) -> None:
        key = self.query_one(AnnotationList).cursor_key
        if key is not None:
            self.post_message(self.Delete(key))

    def action_back(self) -> None:
        self.post_message(self.Back())
