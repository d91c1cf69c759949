"""A TinyDB Storage that can only ever leave a complete old file or a complete new one on disk.

TinyDB's JSONStorage truncates and rewrites in place, so a kill or a full disk mid-write
leaves a file that does not parse. Here every write goes to a fresh temp file in the same
directory, is flushed and fsync'd, renamed over the old file with `os.replace`, and the
directory is fsync'd so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tui.store.errors import CorruptDatabaseError, StoreError
from tui.store.lock import WriterLock
from tui.store.paths import check_database_path, lock_path


def corrupt_message(path: Path, why: str) -> str:
    """One wording for every "does not parse" error, with the commands that fix it."""
    return (
        f"{path} {why}. It was left exactly as it is. "
        f"Run `newsmark check --db {path}` for details, or "
        f"`newsmark check --repair --db {path}` to restore the newest good backup "
        f"(the damaged file is moved aside, nothing is deleted)."
    )


def read_json(path: Path) -> dict[str, Any] | None:
    """Parse the database file; None if it does not exist, CorruptDatabaseError if it is damaged."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise StoreError(
            f"{path} is a folder, not a database file; pass --db {path / 'annotations.json'}"
        ) from None
    except OSError as error:
        raise StoreError(
            f"cannot read the database {path} ({error.strerror or error}); "
            "check its permissions or pass --db with another file"
        ) from None
    if not data.strip():
        raise CorruptDatabaseError(corrupt_message(path, "is empty"))
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise CorruptDatabaseError(
            corrupt_message(path, f"does not parse as JSON ({error})")
        ) from None
    if not isinstance(parsed, dict):
        raise CorruptDatabaseError(corrupt_message(path, "is JSON but not an object of tables"))
    return parsed


def fsync_dir(directory: Path) -> None:
    """Make a rename durable; some filesystems refuse to open directories, which is harmless."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unique_sibling(path: Path, kind: str) -> Path:
    """A new name next to `path` that no other file has: `<name>.<kind>-<UTC time>-<random>`."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    while True:
        candidate = path.with_name(f"{path.name}.{kind}-{stamp}-{secrets.token_hex(3)}")
        if not os.path.lexists(candidate):
            return candidate


def keep_under_new_name(path: Path, kind: str) -> Path | None:
    """Give the current file a second, unique name (a hard link), so replacing `path` keeps it.

    Never overwrites: `os.link` fails if the name exists, and then another name is tried.
    """
    for _ in range(100):
        aside = unique_sibling(path, kind)
        try:
            os.link(path, aside)
            return aside
        except FileExistsError:
            continue
        except OSError:  # a filesystem without hard links: copy, never over an existing name
            try:
                with open(path, "rb") as source, open(aside, "xb") as copy:
                    shutil.copyfileobj(source, copy)
                return aside
            except OSError:
                return None
    return None


def write_atomic(
    path: Path,
    chunks: Iterable[bytes],
    *,
    before_replace: Callable[[], None] | None = None,
    like: Path | None = None,
) -> None:
    """Write chunks to a new temp file, fsync it, and swap it in; on any error the old file stays.

    The new file gets the mode of `like` (default: the file it replaces). A failed attempt's
    temp file is removed, never re-fsync'd: after a failed fsync the
    kernel may have dropped the dirty pages, so a retry must write everything again.
    """
    path = Path(path)
    if (
        path.is_symlink()
    ):  # replace the file the link points to, not the link (a synced folder, say)
        path = path.resolve()
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    temp = directory / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:  # the replacement keeps the file's permissions: a private (0600) database stays private
            os.fchmod(fd, stat.S_IMODE(os.stat(like or path).st_mode))
        except FileNotFoundError:
            pass
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    fsync_dir(directory)


class AtomicStorage(Storage):
    """TinyDB storage for the newsmark file: orjson, atomic replace, refuses damaged files.

    Other tools can use it directly: `TinyDB(path, storage=AtomicStorage)`. It takes the same
    lock as newsmark, so two writers never overwrite each other: when newsmark (or another
    tool) holds it, this storage reads but refuses to write, naming the holder. Close the
    TinyDB (or use `with TinyDB(...)`) to let newsmark write again.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        check_database_path(self.path)  # a FIFO or a device is refused before a lock is made
        self.read_only = read_only
        self.holder: str | None = None  # who holds the lock when this storage could not take it
        self._lock: WriterLock | None = None
        if not read_only:
            lock = WriterLock(lock_path(self.path), like=self.path)
            self.holder = lock.acquire()
            if self.holder is None:
                self._lock = lock
            else:
                self.read_only = True

    def read(self) -> dict[str, Any] | None:
        return read_json(self.path)

    def write(self, data: dict[str, Any]) -> None:
        if self._lock is None:
            raise PermissionError(self._refusal())
        if not self._lock.still_ours():  # the lock file was deleted: take the new one or stop
            self.holder = self._lock.retake()
            if self.holder is not None:
                raise PermissionError(self._refusal())
        write_atomic(self.path, [orjson.dumps(data)])

    def _refusal(self) -> str:
        if self.holder is None:
            return f"{self.path} was opened read-only"
        return (
            f"{self.path} is being written by {self.holder}; this TinyDB can read it but not "
            "write it. Close that newsmark (or tool) and open the database again to write."
        )

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
