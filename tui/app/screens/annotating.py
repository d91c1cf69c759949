"""The reader's annotating keys (label, claim, edit, delete, undo, done, keep/drop a line).

An `Annotator` is owned by the ReaderScreen and called from its actions. It changes data only
through the `Session`, and touches the screen only through `AnnotatingScreen`, the protocol
below: the article on screen and its annotations (`marks`), the reader widget (cursor and
selection), the annotation under the cursor, and calls back to warn, note in the status line,
repaint one changed annotation, reload after an undo or a kept/dropped line, and open a modal."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar

from tui.app.modals.claim_editor import ClaimAttributes, ClaimEditor, Speaker
from tui.app.modals.label_picker import LabelPicker
from tui.app.spans import ArticleMarks
from tui.wording import plural
from tui.workspace import AnnotationRecord
from tui.workspace.session import Article, Session, StoreError, guess_claim_type

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.widgets.reader import ReaderView

P = ParamSpec("P")
R = TypeVar("R")


NOTHING_TO_LABEL = "nothing to label here; move onto a word or select text with v"


class AnnotatingScreen(Protocol):
    """All an Annotator may use of the screen that owns it."""

    @property
    def article(self) -> Article | None: ...

    @property
    def marks(self) -> ArticleMarks: ...

    @property
    def reader(self) -> ReaderView: ...

    def warn(self, message: str) -> None: ...

    def refresh_status(self, message: str = "") -> None: ...

    def under_cursor(self) -> AnnotationRecord | None: ...

    def changed(self, record: AnnotationRecord, *, removed: bool = False) -> None:
        """One annotation was added, changed or removed: repaint its span only."""

    def reload_annotations(self, article: Article | None = None) -> None:
        """Re-read the annotations (and show `article`, re-cleaned, when given)."""

    def open_modal(self, modal: Screen[Any], done: Callable[[Any], None]) -> None:
        """Push a modal screen; `done` gets its result."""


def reported(handler: Callable[P, R]) -> Callable[P, R | None]:
    """Turn a refused change (read-only, vanished record, bad span) into a toast, not a crash."""

    @functools.wraps(handler)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return handler(*args, **kwargs)
        except (StoreError, ValueError) as error:
            annotator = args[0]
            assert isinstance(annotator, Annotator)
            annotator.screen.warn(str(error))
            return None

    return wrapper


class Annotator:
    """Key actions that change the database; every one goes through the session."""

    def __init__(self, session: Session, screen: AnnotatingScreen) -> None:
        self.session = session
        self.screen = screen

    @property
    def article(self) -> Article:
        article = self.screen.article
        assert article is not None, "the reader screen has no article open"
        return article

    def writable(self) -> bool:
        """False (with a toast saying what to do) when another newsmark holds the database."""
        if self.session.read_only:
            self.screen.warn(
                "read-only: another newsmark holds the database; close it, then restart this one to annotate"
            )
            return False
        return True

    @reported
    def label(self, key: str) -> None:
        label = self.session.label_for_hotkey(key)
        screen = self.screen
        if label is None:
            screen.warn(f"no label has hotkey {key}; see the labels table")
            return
        if label["kind"] == "claim":
            self.claim()
            return
        if not self.writable():
            return
        target = screen.reader.target_range()
        ghost = screen.under_cursor() if screen.reader.selection is None else None
        if ghost is not None and ghost.get("state") == "suggested" and ghost["kind"] == "entity":
            target = (ghost["start"], ghost["end"])  # a label key on a suggestion accepts it so
        if target is None:
            screen.warn(self.on_dropped_line() or NOTHING_TO_LABEL)
            return
        start, end = target
        breaks = self.article.text.count("\n\n", start, end)
        if breaks:  # a "v" left on while moving on (a search, G) reaches far: never a name
            screen.warn(
                f"the selection runs over {plural(breaks + 1, 'paragraph')}, too long for "
                f"{label['name']}; Esc cancels it, < and L shrink it (0 makes it a claim)"
            )
            return
        nearby = screen.marks.overlapping(start, end)  # holds any annotation on the same span
        record = self.session.apply_label(self.article, label, start, end, nearby)
        screen.reader.clear_selection()
        screen.changed(record)

    def on_dropped_line(self) -> str | None:
        """What to do when the cursor is on a line the cleaner dropped (shown by z)."""
        block = self.screen.reader.current_block
        if block is None or block.kind != "dropped" or self.screen.reader.selection is not None:
            return None
        return "this line was dropped by the cleaner, so it is not in the article; t keeps it"

    @reported
    def claim(self) -> None:
        if not self.writable():
            return
        dropped = self.on_dropped_line()
        if dropped:
            self.screen.warn(dropped)
            return
        article, reader = self.article, self.screen.reader
        start, end = self.session.claiming.claim_range(article, reader.selection, reader.cursor)
        # On a whole sentence, propose the content/cue/speaker split ("…,” said Lin Yunan).
        split = self.session.suggestions.claim_split(article.id, start, end)
        extra: dict[str, Any] = {}
        speaker = None
        if split is not None:
            start, end = split.start, split.end
            extra = {"cue": {"start": split.cue_start, "end": split.cue_end}}
            if split.speaker is not None and split.speaker.annotation_id:
                speaker = Speaker(
                    split.speaker_text or "", split.speaker.entity_id, split.speaker.annotation_id
                )
            elif split.speaker_text:
                speaker = Speaker(split.speaker_text)
        quote = article.text[start:end]
        guess = None if speaker else self.session.claiming.guess_speaker(article.id, start, end)
        if guess:
            speaker = Speaker(" ".join(guess["exact"].split()), guess.get("entity_id"), guess["id"])
        kind = split.type if split is not None else guess_claim_type(quote)
        current = ClaimAttributes(speaker, kind, "unverified", "")
        self.screen.open_modal(
            ClaimEditor(quote, self.speakers(), current),
            functools.partial(self._save_new_claim, start, end, extra),
        )

    @reported
    def _save_new_claim(
        self, start: int, end: int, extra: dict[str, Any], result: ClaimAttributes | None
    ) -> None:
        if result is not None:
            attributes = {**result.to_record(), **extra}
            record = self.session.claiming.add_claim(self.article, start, end, attributes)
            self.screen.reader.clear_selection()
            self.screen.changed(record)

    @reported
    def _save_claim(self, annotation_id: str, result: ClaimAttributes | None) -> None:
        if result is not None:
            self.screen.changed(
                self.session.claiming.set_claim_attributes(annotation_id, result.to_record())
            )

    @reported
    def _relabel(self, annotation: AnnotationRecord, name: str | None) -> None:
        if name and name != annotation["label"]:
            self.screen.changed(self.session.relabel(annotation["id"], name))

    def speakers(self) -> list[Speaker]:
        return [
            Speaker(" ".join(a["exact"].split()), a.get("entity_id"), a["id"])
            for a in self.session.claiming.speakers(self.article.id)
        ]

    @reported
    def edit(self) -> None:
        annotation = self.screen.under_cursor()
        if annotation is None:
            self.screen.warn("no annotation under the cursor; move onto one (n / N) first")
            return
        if not self.writable():
            return
        if annotation["kind"] == "claim":
            current = ClaimAttributes.from_record(annotation.get("attributes"))
            self.screen.open_modal(
                ClaimEditor(annotation["exact"], self.speakers(), current),
                functools.partial(self._save_claim, annotation["id"]),
            )
            return
        labels = [label for label in self.session.labels() if label["kind"] == "entity"]
        self.screen.open_modal(
            LabelPicker(labels, annotation["label"]), functools.partial(self._relabel, annotation)
        )

    @reported
    def delete_under_cursor(self) -> None:
        annotation = self.screen.under_cursor()
        if annotation is None:
            self.screen.warn("no annotation under the cursor to delete")
            return
        self.delete(annotation)

    @reported
    def delete(self, annotation: AnnotationRecord) -> None:
        if self.writable():
            self.session.delete_annotation(annotation["id"])
            self.screen.changed(annotation, removed=True)
            self.screen.refresh_status(f"deleted {annotation['label']} (u undoes)")

    @reported
    def history(self, undoing: bool) -> None:
        """Undo (or redo) the last change, when it belongs to the article on screen."""
        if not self.writable():
            return
        step = self.session.history(self.article, undoing)
        if step.done:
            self.screen.reload_annotations(self.session.overrides.reload(self.article))
        self.screen.refresh_status(step.message)

    @reported
    def mark_done(self) -> None:
        if self.writable():
            done = self.session.status(self.article.id) == "done"
            self.session.set_status(self.article, "in progress" if done else "done")
            self.screen.refresh_status("marked in progress" if done else "marked done")

    @reported
    def toggle_line(self) -> None:
        """Keep a dropped line or drop a kept one (a per-article override of the cleaner)."""
        if not self.writable():
            return
        reader = self.screen.reader
        block = reader.current_block
        if block is None or block.raw_line is None:
            self.screen.warn(
                "this line is not from the article file; move to a text or dropped line"
            )
            return
        cursor = reader.cursor
        article, report = self.session.overrides.toggle_line(self.article, block.raw_line)
        self.screen.reload_annotations(article)
        orphaned = len(report.get("orphaned", ()) or ())
        verb = "kept" if block.start is None else "dropped"
        note = f"line {block.raw_line} {verb}" + (
            f"; {plural(orphaned, 'annotation')} orphaned (listed)" if orphaned else ""
        )
        self.screen.refresh_status(note + " (u undoes)")
        reader.move_to(min(cursor, len(article.text)))
