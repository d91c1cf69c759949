"""Undo/redo as before/after images of records, so every mutation (and any bulk one) reverts exactly."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from tui.store.records import SINGULAR

Record = dict[str, Any]


@dataclass(frozen=True)
class Change:
    """One record replaced: `before` None means it was created, `after` None means deleted."""

    table: str
    id: str
    before: Record | None
    after: Record | None


@dataclass
class Step:
    """What one user action changed; undone and redone as a whole."""

    description: str
    changes: list[Change] = field(default_factory=list)

    def document_ids(self) -> frozenset[str]:
        """The documents this step touched, so an app can keep undo within the article on screen."""
        ids = set()
        for change in self.changes:
            if change.table == "documents":
                ids.add(change.id)
            elif change.table == "annotations":
                document_id = (change.after or change.before or {}).get("document_id")
                if document_id is not None:
                    ids.add(document_id)
        return frozenset(ids)

    def creates_document(self, document_id: str) -> bool:
        """True when this step first recorded the document (undoing it would orphan its text)."""
        return any(
            c.table == "documents" and c.id == document_id and c.before is None
            for c in self.changes
        )


class History:
    """Two stacks of steps; a new step clears redo, as users expect."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def push(self, step: Step) -> None:
        if not step.changes:
            return
        self._undo.append(step)
        del self._undo[: -self.limit]
        self._redo.clear()

    def peek_undo(self) -> Step | None:
        return self._undo[-1] if self._undo else None

    def peek_redo(self) -> Step | None:
        return self._redo[-1] if self._redo else None

    def pop_undo(self) -> Step | None:
        return self._undo.pop() if self._undo else None

    def pop_redo(self) -> Step | None:
        return self._redo.pop() if self._redo else None

    def done(self, step: Step) -> None:
        """A step was undone: it can be redone."""
        self._redo.append(step)

    def redone(self, step: Step) -> None:
        """A step was redone: it can be undone again, without clearing the rest of redo."""
        self._undo.append(step)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)


class UndoLog:
    """Transactions, undo and redo over the before/after images of the records a store replaces.

    The store owns one and calls `record` for every undoable change; the log reaches the records
    only through `rows` (replace and read, not recorded again), and asks the store to save through
    `changed` and to refuse on a read-only file through `check_writable`.
    """

    def __init__(
        self,
        rows: RecordRows,
        lock: threading.RLock,
        changed: Callable[[], None],
        check_writable: Callable[[], None],
    ) -> None:
        self.history = History()
        self._rows = rows
        self._lock = lock
        self._changed = changed
        self._check_writable = check_writable
        self._local = threading.local()  # each thread's open step

    @property
    def open_step(self) -> Step | None:
        """The calling thread's open transaction: a worker's bulk import never swallows key presses."""
        step: Step | None = getattr(self._local, "step", None)
        return step

    def record(self, change: Change) -> None:
        """Add a change to the open step, or make it a step of its own (call under the lock)."""
        step = self.open_step
        if step is not None:
            step.changes.append(change)
        else:
            self.history.push(Step(self._describe(change), [change]))

    @staticmethod
    def _describe(change: Change) -> str:
        record = change.after or change.before or {}
        noun = SINGULAR[change.table]
        what = record.get("label") or record.get("name") or record.get("type") or ""
        verb = "add" if change.before is None else "delete" if change.after is None else "update"
        return f"{verb} {noun} {what}".strip()

    @contextmanager
    def transaction(self, description: str) -> Iterator[None]:
        """Group changes into one undo step; an exception inside rolls all of them back."""
        with self._lock:
            outer = self.open_step is None
            if outer:
                step = self._local.step = Step(description)
        try:
            yield
        except BaseException:
            with self._lock:
                if outer:
                    self._local.step = None
                    for change in reversed(step.changes):
                        self._rows.put(change.table, change.id, change.before)
                    self._changed()
            raise
        with self._lock:
            if outer:
                self._local.step = None
                self.history.push(step)

    def next_undo(self) -> Step | None:
        with self._lock:
            return self.history.peek_undo()

    def next_redo(self) -> Step | None:
        with self._lock:
            return self.history.peek_redo()

    def undo(self) -> str | None:
        """Revert the last step; returns its description, or None if there is nothing to undo."""
        self._check_writable()
        with self._lock:
            step = self.history.pop_undo()
            if step is None:
                return None
            for change in reversed(step.changes):
                self._rows.put(
                    change.table, change.id, self._keep_session_fields(change, change.before)
                )
            self.history.done(step)
            self._changed()
            return step.description

    def redo(self) -> str | None:
        """Re-apply the last undone step; returns its description, or None."""
        self._check_writable()
        with self._lock:
            step = self.history.pop_redo()
            if step is None:
                return None
            for change in step.changes:
                self._rows.put(
                    change.table, change.id, self._keep_session_fields(change, change.after)
                )
            self.history.redone(step)
            self._changed()
            return step.description

    def _keep_session_fields(self, change: Change, image: Record | None) -> Record | None:
        """Undo restores a document's text and overrides, not where the user is or its status."""
        if change.table != "documents" or image is None:
            return image
        current = self._rows.get("documents", change.id)
        if current is None:
            return image
        return dict(image, status=current.get("status", "new"), cursor=current.get("cursor"))


class RecordRows(Protocol):
    """The store's records as the undo log replaces and reads them (`tui.store.rows.Rows`)."""

    def put(self, table: str, rec_id: str, record: Record | None) -> Record | None: ...
    def get(self, table: str, rec_id: str) -> Record | None: ...
