"""The reader's annotating keys (label, claim, edit, delete, undo, done, keep/drop a line).

A mixin of ReaderScreen, kept apart so each module stays small; it relies on the screen's
`session`, `article`, `annotations`, `reader`, `changed()` and `reload_annotations()`.
"""

from __future__ import annotations

import functools

from tui.app.modals.claim_editor import ClaimAttributes, ClaimEditor, Speaker
from tui.app.modals.label_picker import LabelPicker
from tui.workspace.session import StoreError, guess_claim_type


def reported(handler):
    """Turn a refused change (read-only, vanished record, bad span) into a toast, not a crash."""

    @functools.wraps(handler)
    def wrapper(self, *args, **kwargs):
        try:
            return handler(self, *args, **kwargs)
        except (StoreError, ValueError) as error:
            self.warn(str(error))
            return None

    return wrapper


class AnnotatingMixin:
    """Key actions that change the database; every one goes through the session or the store."""

    @reported
    def action_label(self, key: str) -> None:
        label = self.session.label_for_hotkey(key)
        if label is None:
            self.warn(f"no label has hotkey {key}; see the labels table")
            return
        if label["kind"] == "claim":
            self.action_claim()
            return
        if not self.guard_writable():
            return
        target = self.reader.target_range()
        if target is None:
            self.warn("nothing to label here; move onto a word or select text with v")
            return
        start, end = target
        try:
            record = self.session.apply_label(self.article, label, start, end, self.annotations)
        except ValueError as error:
            self.warn(str(error))
            return
        self.reader.clear_selection()
        self.changed(record)

    @reported
    def action_claim(self) -> None:
        if not self.guard_writable():
            return
        reader = self.reader
        selection = reader.selection
        try:
            start, end = self.session.claim_range(self.article, selection, reader.cursor)
        except ValueError as error:
            self.warn(str(error))
            return
        # On a whole sentence, propose the content/cue/speaker split ("…,” said Lin Yunan).
        split = self.session.suggestions.claim_split(self.article.id, start, end)
        extra: dict = {}
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
        quote = self.article.text[start:end]
        guess = None if speaker else self.session.guess_speaker(self.article.id, start, end)
        if guess:
            speaker = Speaker(" ".join(guess["exact"].split()), guess.get("entity_id"), guess["id"])
        kind = split.type if split is not None else guess_claim_type(quote)
        current = ClaimAttributes(speaker, kind, "unverified", "")
        self.app.push_screen(
            ClaimEditor(quote, self.speakers(), current),
            functools.partial(self._save_new_claim, start, end, extra),
        )

    @reported
    def _save_new_claim(
        self, start: int, end: int, extra: dict, result: ClaimAttributes | None
    ) -> None:
        if result is not None:
            record = self.session.add_claim(
                self.article, start, end, {**result.to_record(), **extra}
            )
            self.reader.clear_selection()
            self.changed(record)

    @reported
    def _save_claim(self, annotation_id: str, result: ClaimAttributes | None) -> None:
        if result is not None:
            self.changed(self.session.set_claim_attributes(annotation_id, result.to_record()))

    @reported
    def _relabel(self, annotation: dict, name: str | None) -> None:
        if name and name != annotation["label"]:
            self.changed(self.session.relabel(annotation["id"], name))

    def speakers(self) -> list[Speaker]:
        return [
            Speaker(" ".join(a["exact"].split()), a.get("entity_id"), a["id"])
            for a in self.session.speakers(self.article.id)
        ]

    @reported
    def action_edit(self) -> None:
        annotation = self.under_cursor()
        if annotation is None:
            self.warn("no annotation under the cursor; move onto one (n / N) first")
            return
        if not self.guard_writable():
            return
        if annotation["kind"] == "claim":
            current = ClaimAttributes.from_record(annotation.get("attributes"))
            self.app.push_screen(
                ClaimEditor(annotation["exact"], self.speakers(), current),
                functools.partial(self._save_claim, annotation["id"]),
            )
            return
        labels = [label for label in self.session.labels() if label["kind"] == "entity"]
        self.app.push_screen(
            LabelPicker(labels, annotation["label"]), functools.partial(self._relabel, annotation)
        )

    @reported
    def action_delete(self) -> None:
        annotation = self.under_cursor()
        if annotation is None:
            self.warn("no annotation under the cursor to delete")
            return
        self._delete(annotation)

    @reported
    def on_side_panel_delete(self, message) -> None:
        annotation = next((a for a in self.annotations if a["id"] == message.annotation_id), None)
        if annotation is not None:
            self._delete(annotation)

    def _delete(self, annotation: dict) -> None:
        if self.guard_writable():
            self.session.delete_annotation(annotation["id"])
            self.changed(annotation, removed=True)
            self.refresh_status(f"deleted {annotation['label']} (u undoes)")

    @reported
    def _history(self, undoing: bool) -> None:
        if not self.guard_writable():
            return
        step = self.session.history(self.article, undoing)
        if not step.done:
            self.refresh_status(step.message)
            return
        article = self.session.reload(self.article)
        changed = article is not self.article
        self.article = article
        self.reload_annotations(text_changed=changed)
        self.refresh_status(step.message)

    def action_undo(self) -> None:
        self._history(undoing=True)

    def action_redo(self) -> None:
        self._history(undoing=False)

    @reported
    def action_mark_done(self) -> None:
        if self.guard_writable():
            done = self.session.status(self.article.id) == "done"
            self.session.set_status(self.article, "in progress" if done else "done")
            self.refresh_status("marked in progress" if done else "marked done")

    def action_toggle_boilerplate(self) -> None:
        self.show_dropped = not self.show_dropped
        reader = self.reader
        reader.set_document(self.blocks(), self.spans(), cursor=reader.cursor)
        self.refresh_status(
            "dropped lines shown; t keeps or drops a line" if self.show_dropped else ""
        )

    @reported
    def action_toggle_line(self) -> None:
        if not self.guard_writable():
            return
        block = self.reader.current_block
        if block is None or block.raw_line is None:
            self.warn("this line is not from the article file; move to a text or dropped line")
            return
        cursor = self.reader.cursor
        self.article, report = self.session.toggle_line(self.article, block.raw_line)
        self.reload_annotations(text_changed=True)
        orphaned = len(report.get("orphaned", ()) or ()) if isinstance(report, dict) else 0
        verb = "kept" if block.start is None else "dropped"
        note = f"line {block.raw_line} {verb}" + (
            f"; {orphaned} annotations orphaned (listed)" if orphaned else ""
        )
        self.refresh_status(note + " (u undoes)")
        self.reader.move_to(min(cursor, len(self.article.text)))
