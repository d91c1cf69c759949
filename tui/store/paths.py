"""Where the database lives, resolved the same way by every command and the app."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("annotations") / "annotations.json"
ENV_VAR = "NEWSMARK_DB"


def default_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Return `--db` if given, else $NEWSMARK_DB, else annotations/annotations.json under the cwd."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path.cwd() / DEFAULT_DB


def lock_path(db: Path) -> Path:
    """The sidecar lock file: the database itself is replaced on every save, so it cannot hold a lock."""
    return db.with_name(db.name + ".lock")


def backup_dir(db: Path) -> Path:
    """Rolling backups live next to the database so a repair never crosses filesystems."""
    return db.with_name(db.name + ".backups")
