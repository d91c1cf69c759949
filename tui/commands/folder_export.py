"""Folder exports (brat, XMI) are written beside the target first, so a failure never leaves
half a project: the target gets whole files or keeps its old ones."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def write_folder(target: Path, write: Callable[[Path], T]) -> T:
    """Run `write(folder)` on a new hidden folder beside `target`, then move what it wrote in.

    A new (or empty) target is the finished folder renamed into place in one step; an existing
    one gets each file by rename, so every file in it is either the old one or the whole new one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.parent / f".{target.name}.partial-{secrets.token_hex(4)}"
    os.mkdir(partial)  # the umask's mode, like the folder the exporter would have made
    try:
        result = write(partial)
        if not target.exists() or (target.is_dir() and not any(target.iterdir())):
            os.replace(partial, target)
        else:
            _move_files(partial, target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return result


def _move_files(source: Path, target: Path) -> None:
    """Rename every file under `source` to the same place under `target`, folders made as needed."""
    for folder, _subfolders, files in os.walk(source):
        into = target / Path(folder).relative_to(source)
        into.mkdir(exist_ok=True)
        for name in files:
            os.replace(Path(folder) / name, into / name)
