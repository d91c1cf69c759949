"""The annotation store: in-memory tables that every mutation updates at once, saved by a thread.

TinyDB's Table API converts the whole table on every insert (O(n) per key press at 100k
annotations), so the Store keeps the tables itself, in TinyDB's own file layout
(`{table: {doc_id: record}}`), and writes them through the atomic storage. Records are
never mutated in place: an update builds a new dict[str, Any], which is what makes the saver's
snapshots, the segment serialisation cache and the undo images safe to share.
"""

from __future__ import annotations

import atexit
import gc
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from tui.store import records as R
from tui.store.backups import list_backups
from tui.store.database_file import DatabaseFile
from tui.store.errors import (
    CorruptDatabaseError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
)
from tui.store.lock import WriterLock
from tui.store.paths import check_database_path, lock_path
from tui.store.records import SINGULAR
from tui.store.rows import Rows, group_by_segment
from tui.store.saver import Saver
from tui.store.schema import open_problem, unsavable_message
from tui.store.segments import SEGMENT, SegmentCache, file_identity, remove_stale_temps
from tui.store.storage import corrupt_message, read_json
from tui.store.tables import TableMethods
from tui.store.undo import Change, Step, UndoLog


class Store(TableMethods):
    """One open database. Mutations apply in memory and return; the saver makes them durable."""

    def __init__(
        self, path: Path, annotator: str | None, read_only: bool, lock_holder: str | None
    ) -> None:
        self.path = Path(path)
        self.annotator = annotator
        self.read_only = read_only
        self.lock_holder = lock_holder
        self._lock = threading.RLock()
        self._tables = Rows(self.path)  # guarded by _lock
        self._rows = self._tables.rows  # the same dicts, for the record methods (StoreCore)
        self._by_doc = self._tables.by_doc
        self._by_end = self._tables.by_end
        self._segments = SegmentCache(self.path.parent)  # saver thread only
        self._generation = 0
        self._undo = UndoLog(self._tables, self._lock, self._bump, self._check_writable)
        self._writer: WriterLock | None = None
        self._saver: Saver | None = None
        self._file: DatabaseFile | None = None  # writes the file; None while read-only
        self._closed = False

    # -- opening and closing ----------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, annotator: str | None = None, *, read_only: bool = False
    ) -> Store:
        """Open (or create) the database; read-only, naming the holder, if another process writes it."""
        path = Path(path)
        check_database_path(path)
        if (
            path.is_symlink()
        ):  # one lock and one backup folder per real file, whichever name opened it
            path = path.resolve()
        writer = None
        holder = None
        if not read_only:
            writer = WriterLock(lock_path(path), like=path)
            holder = writer.acquire()
            if holder is not None:
                writer, read_only = None, True
        collecting = gc.isenabled()
        gc.disable()  # parsing creates ~1M objects at 100k annotations; collecting meanwhile doubles the time
        try:
            known = file_identity(path)
            data = read_json(path)
            store = cls(path, annotator, read_only, holder)
            store._writer = writer
            created = data is None
            problem = None if data is None else open_problem(data, R.SCHEMA_VERSION, encode=False)
            if problem is not None:
                raise CorruptDatabaseError(corrupt_message(path, problem))
            try:
                store._tables.load(data if data is not None else store._fresh())
            except (KeyError, TypeError, AttributeError, ValueError) as error:
                raise CorruptDatabaseError(
                    corrupt_message(path, f"has records of the wrong shape ({error!r})")
                ) from None
            store._check_encodable()
        except BaseException:
            if writer is not None:
                writer.release_and_remove_if_created()
            raise
        finally:
            if collecting:
                gc.enable()
        if not read_only:
            remove_stale_temps(path)
            store._file = DatabaseFile(path, writer, known, created)
            store._saver = Saver(store._snapshot, store._file.write, warm=store._warm)
            if created:
                store._bump()
            _OPEN.add(store)
        return store

    @staticmethod
    def _fresh() -> dict[str, Any]:
        tables: dict[str, dict[str, Any]] = {t: {} for t in R.TABLES}
        tables["meta"]["1"] = R.meta_record()
        for i, label in enumerate(R.default_labels(), 1):
            tables["labels"][str(i)] = label
        return tables

    def close(self, timeout: float = 5.0) -> bool:
        """Save everything pending (waiting up to `timeout`), release the lock; False if the last save failed."""
        if self._closed:
            return True
        self._closed = True
        ok = True
        if self._saver is not None:
            ok = self._saver.stop(timeout)
            if ok:  # the saver has finished; after a failed save its thread may still read it
                self._segments.close()
        if self._writer is not None:
            self._writer.release()
        _OPEN.discard(self)
        return ok

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- saving -----------------------------------------------------------------------
    @property
    def status(self) -> str:
        """ "saved", "saving" or "not saved: <reason>" (read-only stores are always "saved")."""
        return self._saver.status if self._saver else "saved"

    def add_status_listener(self, callback: Callable[[str], None]) -> None:
        """Call `callback(status)` from the saver thread whenever the save status changes."""
        if self._saver:
            self._saver.add_listener(callback)

    def remove_status_listener(self, callback: Callable[[str], None]) -> None:
        if self._saver:
            self._saver.remove_listener(callback)

    @property
    def generation(self) -> int:
        """Counts mutations; `saved_generation` catches up when they are on disk."""
        return self._generation

    @property
    def saved_generation(self) -> int:
        return self._saver.saved_generation if self._saver else self._generation

    def flush(self, timeout: float | None = 5.0) -> bool:
        """Block until every change so far is on disk; False if that did not happen in time."""
        if self._saver is None:
            return True
        return self._saver.flush(self._generation, timeout)

    def _bump(self) -> None:
        self._generation += 1
        if self._saver is not None:
            self._saver.request(self._generation)

    def _snapshot(self) -> tuple[int, Iterable[bytes]]:
        """Take what changed under the lock (cheap), group and serialise it outside the lock."""
        with self._lock:
            generation = self._generation
            taken = self._tables.take_changed()
        work = group_by_segment(taken)
        return generation, self._guarded(taken, self._encoded(work))

    def _check_encodable(self) -> None:
        """Refuse on open what no save could write (nesting too deep for the encoder).

        Encodes the records in segment-sized runs, as a save does, and throws the bytes away:
        one file-sized buffer instead kept ~2.5 KB per annotation resident at 1k-10k (the
        allocator does not give such blocks back). The saver encodes its cache in the background.
        """
        try:
            for table in R.TABLES:
                records = list(self._tables.rows[table].values())
                for start in range(0, len(records), SEGMENT):
                    orjson.dumps(records[start : start + SEGMENT])
            if self._tables.extra:  # unknown tables are written back as read, never dropped
                self._segments.extra = orjson.dumps(self._tables.extra)[1:-1]
        except orjson.JSONEncodeError as error:
            raise CorruptDatabaseError(
                corrupt_message(self.path, unsavable_message(error))
            ) from None

    def _encoded(self, work: dict[str, dict[int, dict[str, dict[str, Any]]]]) -> Iterator[bytes]:
        """Encode the changed segments once writing starts, so a failure there is retried too."""
        self._segments.refresh(work)
        yield from self._segments.stream()

    def _warm(self) -> None:
        """Encode the file's segments in the saver thread after opening, one short lock hold each.

        Without this the first save after opening 100k annotations encodes them all at once.
        A segment changed meanwhile is dirty again, so the cache never hides a change.
        """
        dirty = self._tables.dirty
        for table in R.TABLES:
            with self._lock:
                pending = sorted(dirty[table])
            for seg in pending:
                if self._closed:
                    return
                with self._lock:
                    if seg not in dirty[table]:
                        continue
                    dirty[table].discard(seg)
                    records = self._tables.segment(table, seg)
                try:
                    self._segments.put(table, seg, records)
                except BaseException:
                    with self._lock:
                        dirty[table].add(seg)
                    raise

    def _guarded(self, taken: dict[str, Any], stream: Iterator[bytes]) -> Iterator[bytes]:
        """If a save dies part-way, its segments are dirty again, so the retry encodes them anew."""
        try:
            yield from stream
        except BaseException:
            with self._lock:
                for table, (dirty, _rows) in taken.items():
                    self._tables.dirty[table] |= dirty
                if self._segments.lost:  # its cache is gone: the retry encodes every segment
                    self._segments.lost = False
                    self._tables.mark_all_dirty()
            raise

    def backups(self) -> list[Path]:
        return list_backups(self.path)

    # -- the one place records change -------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            holder = self.lock_holder or "another process"
            raise ReadOnlyError(
                f"{self.path} is open read-only: {holder} is writing it. "
                f"Close that newsmark, or use another --db, to make changes."
            )
        if self._closed:
            raise StoreError("the store is closed; open it again to make changes")

    def _put(self, table: str, rec_id: str, record: dict[str, Any] | None) -> dict[str, Any] | None:
        """Replace (or create, or delete with None) one record and its indexes; returns the old one."""
        return self._tables.put(table, rec_id, record)

    def _apply(
        self, table: str, rec_id: str, record: dict[str, Any] | None, *, undoable: bool = True
    ) -> None:
        """Change a record as part of the current undo step and schedule a save."""
        self._check_writable()
        if record is not None:
            try:
                orjson.dumps(
                    record
                )  # ~5 us: a value JSON cannot hold must fail here, not in the saver
            except TypeError as error:
                raise ValueError(
                    f"cannot store {SINGULAR[table]} {rec_id!r}: {error}; use JSON types only"
                ) from None
        with self._lock:
            before = self._put(table, rec_id, record)
            if undoable:
                self._undo.record(Change(table, rec_id, before, record))
            self._bump()

    # -- undo and redo (the log is `UndoLog`) -----------------------------------------
    @contextmanager
    def transaction(self, description: str) -> Iterator[Store]:
        """Group mutations into one undo step; an exception inside rolls all of them back.

        Allowed on a read-only store (the mutations inside raise ReadOnlyError themselves).
        """
        with self._undo.transaction(description):
            yield self

    def undo(self) -> str | None:
        """Revert the last step; returns its description, or None if there is nothing to undo."""
        return self._undo.undo()

    def redo(self) -> str | None:
        """Re-apply the last undone step; returns its description, or None."""
        return self._undo.redo()

    def next_undo(self) -> Step | None:
        """The step `undo` would revert, without reverting it."""
        return self._undo.next_undo()

    def next_redo(self) -> Step | None:
        """The step `redo` would re-apply, without applying it."""
        return self._undo.next_redo()

    @property
    def can_undo(self) -> bool:
        return self._undo.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self._undo.history.can_redo

    # -- lookups used by the mutations ------------------------------------------------
    def _get(self, table: str, rec_id: str) -> dict[str, Any] | None:
        return self._tables.get(table, rec_id)

    def _require(self, table: str, rec_id: str) -> dict[str, Any]:
        record = self._get(table, rec_id)
        if record is None:
            raise NotFoundError(f"no {SINGULAR[table]} with id {rec_id!r} in {self.path}")
        return record

    def _meta(self) -> dict[str, Any]:
        return next(iter(self._rows["meta"].values()))


_OPEN: weakref.WeakSet[Store] = weakref.WeakSet()


@atexit.register
def _close_open_stores() -> None:
    """A program that forgets close() still gets its acknowledged changes written."""
    for store in list(_OPEN):
        store.close()
