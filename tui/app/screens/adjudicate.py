"""Adjudication over a merged database: each disagreement's versions side by side, decided from the keyboard."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from tui.safe_text import visible
from tui.workspace.adjudication import Conflict, Option
from tui.workspace.session import Session


def describe(number: int, option: Option) -> Text:
    """One version: its key, annotators, label, the quoted words and claim attributes."""
    text = Text(f"{number}  ", style="bold")
    text.append(visible(", ".join(option.annotators)), style="bold")
    if option.annotation_id is None:
        text.append("\n(tagged nothing here)", style="italic")
        return text
    text.append(f"\n{visible(option.label)} {option.start}-{option.end}\n")
    text.append(visible(repr(option.quote.replace("\n", " "))))
    extra = " / ".join(x for x in (option.claim_type, option.stance) if x)
    if extra:
        text.append(f"\n{visible(extra)}", style="italic")
    return text


NOTHING_LEFT = "nothing left to decide here; Esc goes back"


class AdjudicateScreen(Screen[None]):
    """1/h takes the left version, 2/l the right (3-9 more), x rejects all, u undoes, n/p skip."""

    BINDINGS = [
        Binding("1,h", "take(0)", "Take left", id="adjudicate.take_left"),
        Binding("2,l", "take(1)", "Take right", id="adjudicate.take_right"),
        Binding("3", "take(2)", "Take 3rd", show=False, id="adjudicate.take_3"),
        Binding("4", "take(3)", "Take 4th", show=False, id="adjudicate.take_4"),
        Binding("x", "reject", "Reject all", id="adjudicate.reject"),
        Binding("u", "undo", "Undo", id="adjudicate.undo"),
        Binding("n", "move(1)", "Next", id="adjudicate.next"),
        Binding("p", "move(-1)", "Previous", id="adjudicate.previous"),
        Binding("escape,q", "close", "Back", id="adjudicate.close"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.conflicts: list[Conflict] = []
        self.position = 0
        self.total = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="adjudicate"):
            yield Static(id="adjudicate-progress-text")
            yield ProgressBar(id="adjudicate-progress", show_eta=False)
            yield Static(id="adjudicate-context")
            yield Horizontal(id="adjudicate-options")
            yield Static(id="adjudicate-note")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.total = len(self.conflicts)
        self.show()

    def reload(self) -> None:
        self.conflicts = self.session.adjudication.conflicts()
        self.position = min(self.position, max(0, len(self.conflicts) - 1))

    def show(self, note: str = "") -> None:
        remaining = len(self.conflicts)
        self.total = max(self.total, remaining)
        decided = self.total - remaining
        bar = self.query_one("#adjudicate-progress", ProgressBar)
        bar.update(total=max(1, self.total), progress=decided)
        where = f"disagreement {self.position + 1} of {remaining}" if remaining else "all decided"
        self.query_one("#adjudicate-progress-text", Static).update(
            Text(f"{decided} of {self.total} decided · {where}", style="bold")
        )
        self.query_one("#adjudicate-note", Static).update(Text(visible(note)))
        options = self.query_one("#adjudicate-options", Horizontal)
        options.remove_children()
        context = self.query_one("#adjudicate-context", Static)
        if not remaining:
            message = (
                "No disagreements left."
                if self.total
                else "No disagreements here: open a database made by `newsmark merge`."
            )
            context.update(Text(message))
            return
        conflict = self.conflicts[self.position]
        spans = [o for o in conflict.options if o.annotation_id is not None]
        start = min(o.start for o in spans) - conflict.context_start
        end = max(o.end for o in spans) - conflict.context_start
        shown = Text(visible(conflict.title), style="bold")
        shown.append("\n")
        body = visible(conflict.context.replace("\n", " "))
        shown.append(body[:start])
        shown.append(body[start:end], style="reverse")
        shown.append(body[end:])
        context.update(shown)
        for number, option in enumerate(conflict.options, start=1):
            options.mount(Static(describe(number, option), classes="adjudicate-option"))

    def action_take(self, index: int) -> None:
        if not self.conflicts:
            self.show(NOTHING_LEFT)
            return
        if index >= len(self.conflicts[self.position].options):
            self.show(
                f"no version {index + 1} here: the keys are 1-{len(self.conflicts[self.position].options)}"
            )
            return
        conflict = self.conflicts[self.position]
        note = self.session.adjudication.take(conflict, index)
        for option in conflict.options:
            if option.annotation_id is not None:  # the time report counts decisions as changes
                self.session.sessions.annotation(
                    option.label, "changed" if option is conflict.options[index] else "deleted"
                )
        self.reload()
        self.show(note)

    def action_reject(self) -> None:
        if not self.conflicts:
            self.show(NOTHING_LEFT)
            return
        conflict = self.conflicts[self.position]
        note = self.session.adjudication.reject(conflict)
        for option in conflict.options:
            if option.annotation_id is not None:
                self.session.sessions.annotation(option.label, "deleted")
        self.reload()
        self.show(note)

    def action_undo(self) -> None:
        undone = self.session.adjudication.undo()
        self.reload()
        self.show(f"undid: {undone}" if undone else "nothing to undo here")

    def action_move(self, step: int) -> None:
        if self.conflicts:
            self.position = (self.position + step) % len(self.conflicts)
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
