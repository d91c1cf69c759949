"""A TinyDB Storage that can only ever leave a complete old file or a complete new one on disk.

TinyDB's JSONStorage truncates and rewrites in place, so a kill or a full disk mid-write
leaves a file that does not parse. Here every write goes to a fresh temp file in the same
directory, is flushed and fsync'd, renamed over the old file with `os.replace`, and the
directory is fsync'd so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tui.store.errors import CorruptDatabaseError, StoreError


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


def write_atomic(
    path: Path,
    chunks: Iterable[bytes],
    *,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write chunks to a new temp file, fsync it, and swap it in; on any error the old file stays.

    A failed attempt's temp file is removed, never re-fsync'd: after a failed fsync the
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
            os.fchmod(fd, stat.S_IMODE(os.stat(path).st_mode))
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

    Other tools can use it directly: `TinyDB(path, storage=AtomicStorage)`. The newsmark
    Store writes through `write_atomic` as well, but from its saver thread.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def read(self) -> dict[str, Any] | None:
        return read_json(self.path)

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path} was opened read-only")
        write_atomic(self.path, [orjson.dumps(data)])

    def close(self) -> None:
        pass
