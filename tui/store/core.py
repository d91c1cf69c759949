"""The Store's inner interface that its table methods are written against.

`TableMethods` builds the public record API on these members only; `Store` implements them.
Declaring them here keeps that part honest about what it may touch.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.store.undo import UndoLog

Record = dict[str, Any]


class StoreCore:
    """Record storage by table and id, the lock, the undo log and the save trigger."""

    path: Path
    annotator: str | None
    read_only: bool
    _lock: threading.RLock
    _rows: dict[str, dict[int, Record]]
    _by_doc: dict[str, dict[str, None]]
    _by_end: dict[str, dict[str, None]]
    _undo: UndoLog

    def _check_writable(self) -> None:
        raise NotImplementedError

    def _bump(self) -> None:
        raise NotImplementedError

    def _put(self, table: str, rec_id: str, record: Record | None) -> Record | None:
        raise NotImplementedError

    def _apply(
        self, table: str, rec_id: str, record: Record | None, *, undoable: bool = True
    ) -> None:
        raise NotImplementedError

    def _get(self, table: str, rec_id: str) -> Record | None:
        raise NotImplementedError

    def _require(self, table: str, rec_id: str) -> Record:
        raise NotImplementedError

    def _meta(self) -> Record:
        raise NotImplementedError

    def transaction(self, description: str) -> AbstractContextManager[Any]:
        raise NotImplementedError
