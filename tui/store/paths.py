"""Where the database lives, resolved the same way by every command and the app."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from tui.store.errors import StoreError

DEFAULT_DB = Path("annotations") / "annotations.json"
ENV_VAR = "NEWSMARK_DB"


def default_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Return `--db` if given, else $NEWSMARK_DB, else annotations/annotations.json under the cwd."""
    if cli_value is not None:
        path = Path(cli_value).expanduser() if str(cli_value) else Path("")
    else:
        env = os.environ.get(ENV_VAR)
        path = Path(env).expanduser() if env else Path.cwd() / DEFAULT_DB
    check_database_path(path)
    return path


def lock_path(db: Path) -> Path:
    """The sidecar lock file: the database itself is replaced on every save, so it cannot hold a lock."""
    return db.with_name(db.name + ".lock")


def backup_dir(db: Path) -> Path:
    """Rolling backups live next to the database so a repair never crosses filesystems."""
    return db.with_name(db.name + ".backups")


def check_database_path(path: Path) -> None:
    """Refuse, before anything is created, a database path that is not a regular file or absent.

    A FIFO would hang the reader, /dev/zero would fill memory, and a lock file would be left in
    /dev; a symlink loop or an over-long name would end in a traceback.
    """
    text = str(path)
    if not text or text == "." or not path.name:
        raise StoreError("--db is empty: give a database file such as annotations/annotations.json")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return  # a new database: created on the first save
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise StoreError(f"{path} is a symlink loop; pass --db with a real file") from None
        if error.errno == errno.ENAMETOOLONG:
            raise StoreError("the --db file name is too long for this filesystem") from None
        if error.errno == errno.ENOTDIR:
            return  # a file where a folder should be: creating the lock says so, with the fix
        raise StoreError(f"cannot use {path} as the database ({error.strerror or error})") from None
    if stat.S_ISDIR(mode):
        raise StoreError(
            f"{path} is a folder, not a database file; pass --db {path / 'annotations.json'}"
        )
    if not stat.S_ISREG(mode):
        raise StoreError(
            f"{path} is not a regular file (a FIFO, device or socket); newsmark keeps its "
            "annotations in a JSON file: pass --db with a file name"
        )
