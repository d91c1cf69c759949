"""Undo/redo as before/after images of records, so every mutation (and any bulk one) reverts exactly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
