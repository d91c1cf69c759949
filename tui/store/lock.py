"""One writer per database: an exclusive flock on a sidecar file that names its holder."""

from __future__ import annotations

import fcntl
import os
import socket
import time
from pathlib import Path

from tui.file_modes import file_mode_of, set_mode
from tui.store.errors import NotWritableError


class WriterLock:
    """Holds `fcntl.flock(LOCK_EX)` on `<db>.lock`; the kernel drops it if the process dies."""

    def __init__(self, path: Path, like: Path | None = None) -> None:
        self.path = path
        self.like = like  # the database: a new lock file takes its mode
        self._fd: int | None = None
        self.created = False  # this lock made the file: a refused open removes it again

    def acquire(self) -> str | None:
        """Take the lock; return None on success, or a description of who holds it."""
        for _ in range(20):
            holder = self._acquire_once()
            if holder is not None or self.still_ours():
                return holder
            # the file was deleted or replaced between our open and our lock: that lock guards
            # nothing, since the next process locks the file now at the path; take that one
            fd, self._fd = self._fd, None
            if fd is not None:
                os.close(fd)
        return "another process that keeps replacing the lock file"

    def _acquire_once(self) -> str | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
                self.created = True
            except FileExistsError:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                self.created = False
        except OSError as error:
            raise NotWritableError(
                f"cannot write in {self.path.parent} ({error.strerror or error}): newsmark keeps its lock file "
                f"{self.path.name} and writes the database atomically in that folder. Make the folder writable, "
                "or pass --db with a file in a writable folder."
            ) from None
        set_mode(fd, file_mode_of(self.like) if self.like is not None else None)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read_holder(fd)
            os.close(fd)
            return holder or "another process"
        except OSError:
            os.close(fd)
            raise
        since = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        try:
            os.ftruncate(fd, 0)
            os.pwrite(
                fd, f"pid {os.getpid()} on {socket.gethostname()} since {since}\n".encode(), 0
            )
        except OSError:
            pass  # a full disk: the lock holds all the same, only the holder's name is missing
        self._fd = fd
        return None

    def still_ours(self) -> bool:
        """False when the lock file was deleted or replaced: another process may then lock a new one."""
        if self._fd is None:
            return False
        try:
            on_disk = os.stat(self.path)
        except OSError:
            return False
        held = os.fstat(self._fd)
        return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)

    def retake(self) -> str | None:
        """After `still_ours()` failed: lock the file now at the path; None, or who holds it."""
        old = self._fd
        self._fd = None
        holder = self.acquire()
        if holder is not None:
            self._fd = old  # keep the stale descriptor: still_ours() stays False, nothing is freed
            return holder
        if old is not None:
            os.close(old)
        return None

    @staticmethod
    def _read_holder(fd: int) -> str:
        try:
            return os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def release(self) -> None:
        """Let another process write; the holder text is left (it is only read while locked)."""
        if self._fd is None:
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None

    def release_and_remove_if_created(self) -> None:
        """After a refused open: leave no lock file behind that this lock made (unlinked while held)."""
        if self._fd is not None and self.created and self.still_ours():
            try:
                os.unlink(self.path)
            except OSError:
                pass  # left behind: harmless, the next open reuses it
        self.release()

    @property
    def held(self) -> bool:
        return self._fd is not None
