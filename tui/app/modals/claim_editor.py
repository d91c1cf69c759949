"""Claim editor: a keyboard-only form for who said a claim, what kind it is, and its stance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from tui.app.widgets.form_input import FormInput, FormSelect
from tui.safe_text import visible
from tui.workspace.session import CLAIM_TYPES, STANCES


@dataclass(frozen=True)
class Speaker:
    """A speaker the user can pick: an entity mention in this article."""

    text: str
    entity_id: str | None = None
    annotation_id: str | None = None


@dataclass(frozen=True)
class ClaimAttributes:
    """What the editor returns; stored as the claim annotation's `attributes`."""

    speaker: Speaker | None
    type: str
    stance: str
    note: str

    def to_record(self) -> dict[str, Any]:
        """Attributes as stored: speaker {text, entity_id, annotation_id} or None."""
        record = asdict(self)
        if self.speaker is None:
            record["speaker"] = None
        return record

    @classmethod
    def from_record(cls, attributes: Mapping[str, Any] | None) -> ClaimAttributes:
        """Read stored attributes back, tolerating missing fields and a plain-text speaker."""
        attributes = attributes or {}
        speaker = attributes.get("speaker")
        if isinstance(speaker, str):
            speaker = Speaker(speaker)
        elif isinstance(speaker, dict) and speaker.get("text"):
            speaker = Speaker(
                speaker["text"], speaker.get("entity_id"), speaker.get("annotation_id")
            )
        else:
            speaker = None
        kind = (
            str(attributes.get("type")) if attributes.get("type") in CLAIM_TYPES else "direct quote"
        )
        stance = (
            str(attributes.get("stance")) if attributes.get("stance") in STANCES else "unverified"
        )
        return cls(speaker, kind, stance, str(attributes.get("note") or ""))


class ClaimEditor(ModalScreen[ClaimAttributes | None]):
    """Edit a claim's attributes; Enter or Ctrl+S saves, Escape cancels, Tab moves between fields."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="claim.save"),
        # Enter saves from every field (a list opens with Space or the arrows), unless a list is open.
        Binding("enter", "save", "Save", show=False, priority=True, id="claim.save_enter"),
        Binding("escape", "cancel", "Cancel", id="claim.cancel"),
    ]

    def __init__(self, quote: str, speakers: list[Speaker], current: ClaimAttributes) -> None:
        super().__init__()
        self.quote = quote
        self.speakers = speakers
        self.current = current

    def compose(self) -> ComposeResult:
        current = self.current
        picked = None
        if current.speaker is not None:
            picked = next(
                (i for i, s in enumerate(self.speakers) if s.text == current.speaker.text), None
            )
        typed = current.speaker.text if current.speaker is not None and picked is None else ""
        with Vertical(id="claim-editor"):
            yield Static(Text("Claim", style="bold"))
            yield Static(Text(visible(" ".join(self.quote.split()))[:300]), id="claim-quote")
            with Grid(id="claim-fields"):
                yield Label("Speaker")
                yield FormSelect(
                    [(Text(visible(s.text)), i) for i, s in enumerate(self.speakers)],
                    prompt="(none: pick a mention or type a name below)",
                    value=picked if picked is not None else Select.NULL,
                    compact=True,
                    id="claim-speaker",
                )
                yield Label("…or name")
                yield FormInput(
                    typed,
                    placeholder="type a speaker not tagged in the text",
                    compact=True,
                    id="claim-speaker-text",
                )
                yield Label("Type")
                yield FormSelect(
                    [(t, t) for t in CLAIM_TYPES],
                    value=current.type,
                    allow_blank=False,
                    compact=True,
                    id="claim-type",
                )
                yield Label("Stance")
                yield FormSelect(
                    [(s, s) for s in STANCES],
                    value=current.stance,
                    allow_blank=False,
                    compact=True,
                    id="claim-stance",
                )
                yield Label("Note")
                yield FormInput(current.note, placeholder="note", compact=True, id="claim-note")
            yield Static(
                "Tab / Shift+Tab move · Space opens a list · Enter or Ctrl+S saves · Esc cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        # Always the same first field, so the keys to reach a field never depend on the guess.
        self.query_one("#claim-speaker", Select).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save" and any(select.expanded for select in self.query(Select)):
            return False  # Enter picks the highlighted entry of the open list
        return True

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the form before a field has focus goes to the first field, in order."""
        if self.focused is None:
            event.stop()
            first = self.query_one("#claim-speaker", Select)
            self.set_focus(first)
            first.post_message(events.Key(event.key, event.character))

    def on_select_changed(self, event: Select.Changed) -> None:
        """Picking a speaker clears a typed name, so the form shows what will be saved."""
        if event.select.id == "claim-speaker" and event.value != Select.NULL:
            self.query_one("#claim-speaker-text", Input).value = ""

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing a name clears the picked speaker, for the same reason."""
        if event.input.id == "claim-speaker-text" and event.value.strip():
            speaker = self.query_one("#claim-speaker", Select)
            if speaker.value != Select.NULL:
                speaker.clear()

    def result(self) -> ClaimAttributes:
        """Collect the form; a typed name wins over the picked mention."""
        typed = self.query_one("#claim-speaker-text", Input).value.strip()
        choice = self.query_one("#claim-speaker", Select).value
        if typed:
            unchanged = self.current.speaker is not None and typed == self.current.speaker.text
            speaker = self.current.speaker if unchanged else Speaker(typed)  # keep its entity link
        elif isinstance(choice, int):
            speaker = self.speakers[choice]
        else:
            speaker = None
        return ClaimAttributes(
            speaker,
            str(self.query_one("#claim-type", Select).value),
            str(self.query_one("#claim-stance", Select).value),
            self.query_one("#claim-note", Input).value.strip(),
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.result())

    def action_cancel(self) -> None:
        self.dismiss(None)
