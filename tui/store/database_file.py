"""Writing the database file when other programs may hold its lock or write it behind our back."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from tui.store.backups import make_backup
from tui.store.errors import LockLostError
from tui.store.lock import WriterLock
from tui.store.segments import file_identity
from tui.store.storage import keep_under_new_name, unique_sibling, write_atomic

BACKUP_EVERY = 600.0  # seconds between rolling backups while a session keeps saving


class DatabaseFile:
    """Replaces the file atomically, keeping every version nobody asked to lose: another program's
    write (as `.external-*`), ours while the lock is someone else's (as `.conflict-*`), and a
    rolling backup every BACKUP_EVERY seconds."""

    def __init__(
        self, path: Path, lock: WriterLock | None, known: tuple[int, int, int] | None, created: bool
    ) -> None:
        self.path = path
        self.lock = lock
        self.known = known  # (inode, size, mtime) of the file as we last saw it
        self.external: Path | None = None  # where a file changed behind our back was moved
        self.conflict_copy: Path | None = None  # our version, while another process holds the lock
        self.last_backup = 0.0 if created else time.monotonic() - BACKUP_EVERY

    def write(self, chunks: Iterable[bytes]) -> str | None:
        """Save to the database, or beside it when another process took the lock; returns a notice."""
        holder = self._lock_taken_by()
        if holder is not None:
            side = self.conflict_copy or unique_sibling(self.path, "conflict")
            write_atomic(side, chunks, like=self.path)
            self.conflict_copy = side
            raise LockLostError(
                f"{holder} took over {self.path.name} after its lock file was deleted or replaced; "
                f"your changes are safe in {side.name}. Close the other program and they will be "
                "saved to the database (its version is kept too)"
            )
        self.external = None
        write_atomic(
            self.path, chunks, before_replace=self._before_replace, replaced=self._replaced
        )
        self.known = file_identity(self.path)
        if self.external is None:
            return None
        return (
            f"another program changed {self.path.name} while it was open; "
            f"its version is kept as {self.external.name}"
        )

    def _lock_taken_by(self) -> str | None:
        """None while our lock is the lock; re-take a deleted lock file, else name its new holder."""
        if self.lock is None or self.lock.still_ours():
            return None
        return self.lock.retake()

    def _before_replace(self) -> None:
        """Keep a file someone else wrote while we had it open, then take a rolling backup."""
        current = file_identity(self.path)
        if current is not None and current != self.known:
            self.external = keep_under_new_name(self.path, "external")
        self.maybe_backup()

    def _replaced(self, old: Path) -> bool:
        """The file our save swapped out: if another program wrote it after our check, keep it."""
        current = file_identity(old)
        if current is None or current == self.known:  # None known: there was no file
            return True
        if self.external is not None and file_identity(self.external) == current:
            return True  # already kept by the check before the swap
        kept = keep_under_new_name(self.path, "external", source=old)
        if kept is None:  # no link, no room for a copy: rename it (a temp name would be cleaned)
            kept = unique_sibling(self.path, "external")
            try:
                os.rename(old, kept)
            except OSError:
                return False
        self.external = kept
        return True

    def maybe_backup(self) -> None:
        """A rolling backup, at most every BACKUP_EVERY seconds; a failed one never stops the save."""
        if time.monotonic() - self.last_backup >= BACKUP_EVERY:
            self.last_backup = time.monotonic()
            try:
                make_backup(self.path)
            except OSError:
                pass
