"""Permissions for what newsmark creates next to a database: the database's own, never the umask's.

A private (0600) database must not get a world-readable cache, lock or backup beside it, and a
umask of 000 must not make any of them world-writable unless the database itself is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def file_mode_of(reference: Path) -> int | None:
    """The read/write bits of an existing file (None when it does not exist yet)."""
    try:
        return stat.S_IMODE(os.stat(reference).st_mode) & 0o666
    except OSError:
        return None


def folder_mode_for(file_mode: int) -> int:
    """A folder mode matching a file mode: whoever may read the files may enter the folder."""
    return file_mode | ((file_mode & 0o444) >> 2)


def file_mode_in(folder: Path) -> int | None:
    """The file mode matching a folder's mode (0755 -> 0644, 0700 -> 0600)."""
    try:
        return stat.S_IMODE(os.stat(folder).st_mode) & 0o666
    except OSError:
        return None


def make_folders(path: Path, mode: int | None) -> None:
    """Create `path` and missing parents; the new ones get `mode` exactly (None: the umask's)."""
    missing: list[Path] = []
    current = path
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    path.mkdir(parents=True, exist_ok=True)
    if mode is not None:
        for folder in missing:
            try:
                os.chmod(folder, mode)
            except OSError:
                pass


def set_mode(fd: int, mode: int | None) -> None:
    """Give a newly created file `mode` (None: leave it)."""
    if mode is not None:
        try:
            os.fchmod(fd, mode)
        except OSError:
            pass
