"""Rolling backups of known-good database files, so a damaged file can be repaired."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from tui.file_modes import file_mode_of, folder_mode_for, make_folders
from tui.store.paths import backup_dir
from tui.store.storage import fsync_dir

KEEP = 5  # the newest backups, whatever their age
DAYS = 7  # plus the newest backup of each of the last days that have one


def make_backup(db: Path, keep: int = KEEP) -> Path | None:
    """Keep the current file (about to be replaced) as a backup; a hard link costs no copy."""
    if not db.exists():
        return None
    folder = backup_dir(db)
    mode = file_mode_of(db)
    make_folders(folder, folder_mode_for(mode) if mode is not None else None)
    now = time.time_ns()  # one reading: names must sort in time order
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9)) + f".{now % 10**9:09d}"
    target = folder / f"{db.stem}.{stamp}.json"
    try:
        os.link(os.path.realpath(db), target)  # Linux link() would hard-link a symlink itself
    except OSError:
        shutil.copy2(db, target)
    fsync_dir(folder)  # the new name survives a power cut like the save it guards
    prune(db, keep)
    return target


def list_backups(db: Path) -> list[Path]:
    """Backups newest first (the timestamped names sort by time)."""
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db.stem}.*.json"), reverse=True)


def prune(db: Path, keep: int = KEEP, days: int = DAYS) -> None:
    """Drop backups beyond the newest `keep`, except the newest of each of the last `days` days.

    A run of short sessions must not push out the last backup from before a problem began.
    """
    backups = list_backups(db)
    kept = set(backups[:keep])
    newest_of_day: dict[str, Path] = {}
    for backup in backups:  # newest first, so the first seen is the day's newest
        day = backup.name[len(db.stem) + 1 :][:8]
        if day not in newest_of_day and len(newest_of_day) < days:
            newest_of_day[day] = backup
    kept.update(newest_of_day.values())
    for old in backups:
        if old not in kept:
            try:
                old.unlink()
            except OSError:
                pass
