"""Rolling backups of known-good database files, so a damaged file can be repaired."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from tui.store.paths import backup_dir

KEEP = 5


def make_backup(db: Path, keep: int = KEEP) -> Path | None:
    """Keep the current file (about to be replaced) as a backup; a hard link costs no copy."""
    if not db.exists():
        return None
    folder = backup_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time_ns()  # one reading: names must sort in time order
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9)) + f".{now % 10**9:09d}"
    target = folder / f"{db.stem}.{stamp}.json"
    try:
        os.link(os.path.realpath(db), target)  # Linux link() would hard-link a symlink itself
    except OSError:
        shutil.copy2(db, target)
    prune(db, keep)
    return target


def list_backups(db: Path) -> list[Path]:
    """Backups newest first (the timestamped names sort by time)."""
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db.stem}.*.json"), reverse=True)


def prune(db: Path, keep: int = KEEP) -> None:
    """Drop backups beyond the newest `keep`; they are copies of files that were replaced."""
    for old in list_backups(db)[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
