"""Preview of every other occurrence of a tagged text: accept all, or go through them one by one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.safe_text import visible
from tui.workspace.suggestions import Occurrence

MARKS = {None: "  ", True: "✓ ", False: "· "}


def hit_prompt(hit: Occurrence, decided: bool | None, show_title: bool) -> Text:
    """One row: the decision mark, the article (corpus-wide), and the sentence with the hit bold."""
    # whitespace (line breaks included) is folded before visible(), which would show them as ␊
    end = hit.offset + hit.end - hit.start
    before_text, after_text = hit.context[: hit.offset], hit.context[end:]
    context = visible(" ".join(before_text.split()))
    match = visible(hit.context[hit.offset : end])
    after = visible(" ".join(after_text.split()))
    row = Text(MARKS[decided], style="bold")
    if show_title:
        row.append(f"{visible(' '.join(hit.title.split()))[:28]} │ ", style="italic")
    # a space on either side of the hit only where the sentence has one ("“China", "UnionPay (the")
    row.append(context[-50:] + (" " if context and before_text[-1:].isspace() else ""))
    row.append(" ".join(match.split()), style="bold reverse")
    row.append((" " if after and after_text[:1].isspace() else "") + after[:60])
    return row


class OccurrencePreview(ModalScreen[list[Occurrence] | None]):
    """`a` accepts every hit, `y`/Enter accepts the highlighted one and `n`/Space skips it;
    `d` finishes with the ones accepted so far; Escape tags nothing."""

    BINDINGS = [
        Binding("a", "accept_all", "Accept all", id="occurrences.accept_all"),
        Binding("y", "accept_one", "Accept", id="occurrences.accept_one"),
        Binding("n,space", "skip_one", "Skip", id="occurrences.skip_one"),
        Binding("d", "done", "Done", id="occurrences.done"),
        Binding("escape", "cancel", "Cancel", id="occurrences.cancel"),
    ]

    def __init__(self, needle: str, hits: list[Occurrence], corpus: bool) -> None:
        super().__init__()
        self.needle = needle
        self.hits = hits
        self.corpus = corpus
        self.decided: list[bool | None] = [None] * len(hits)

    def compose(self) -> ComposeResult:
        where = "the corpus" if self.corpus else "this article"
        count = len(self.hits)
        with Vertical(id="occurrences"):
            yield Static(
                Text(
                    f"{count} more occurrence{'s' if count != 1 else ''} of “{visible(self.needle)}” in {where}",
                    style="bold",
                )
            )
            yield OptionList(
                *[
                    Option(hit_prompt(hit, None, self.corpus), id=str(i))
                    for i, hit in enumerate(self.hits)
                ],
                id="occurrence-list",
            )
            yield Static(
                "a accept all · y/Enter accept · n/Space skip · d done · Esc cancel (one undo step)",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _decide(self, accepted: bool) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        self.decided[index] = accepted
        options.replace_option_prompt_at_index(
            index, hit_prompt(self.hits[index], accepted, self.corpus)
        )
        following = next(
            (i for i in range(index + 1, len(self.hits)) if self.decided[i] is None), None
        )
        if following is None:
            following = next((i for i, d in enumerate(self.decided) if d is None), None)
        if following is None:
            self.action_done()
        else:
            options.highlighted = following

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter on a row accepts it
        self._decide(True)

    def action_accept_one(self) -> None:
        self._decide(True)

    def action_skip_one(self) -> None:
        self._decide(False)

    def action_accept_all(self) -> None:
        self.dismiss(list(self.hits))

    def action_done(self) -> None:
        self.dismiss([hit for hit, d in zip(self.hits, self.decided, strict=True) if d])

    def action_cancel(self) -> None:
        self.dismiss(None)
