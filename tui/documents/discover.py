"""Find article files under the paths a user gave, skipping what cannot be read with one clear line."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Source", "KINDS", "discover", "outside_link"]

# File suffix -> Document.kind.
KINDS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass(frozen=True)
class Source:
    """One article file and the id it gets (its path relative to the folder the user named)."""

    path: str  # absolute
    id: str  # posix path relative to the corpus root
    kind: str
    size: int
    mtime_ns: int


def _describe(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno == errno.ENOENT:
        return "no such file (or a broken symlink)"
    if error.errno == errno.EACCES:
        return "permission denied"
    return error.strerror or str(error)


def _source(path: Path, file_id: str, on_error: Callable[[str], None]) -> Source | None:
    """Stat one candidate file; report and drop it when it is not a readable regular file."""
    try:
        info = path.stat()
    except OSError as error:
        on_error(f"{path}: cannot read ({_describe(error)}); skipped")
        return None
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        on_error(f"{path}: not a .txt, .html, .htm or .jsonl file; skipped")
        return None
    if not stat.S_ISREG(info.st_mode):
        on_error(f"{path}: not a regular file; skipped")
        return None
    return Source(str(path.absolute()), file_id, kind, info.st_size, info.st_mtime_ns)


def _inside(real: str, roots: tuple[str, ...]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def outside_link(path: Path, roots: tuple[str, ...]) -> str | None:
    """The skip message for a symlink whose target is outside the corpus roots, else None."""
    real = os.path.realpath(path)
    if _inside(real, roots):
        return None
    return (
        f"{path}: symlink to {real}, outside the folders given; skipped "
        "(pass --follow-links to include it)"
    )


def _walk_paths(
    root: Path,
    wanted: Callable[[Path], bool],
    on_error: Callable[[str], None],
    roots: tuple[str, ...] | None,
) -> Iterator[Path]:
    """Yield the wanted files under `root` in sorted order, never in circles; symlinks are followed
    only to targets inside `roots` (real paths), or anywhere when `roots` is None."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError as error:
            on_error(f"{folder}: cannot open folder ({_describe(error)}); skipped")
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            on_error(f"{folder}: symlink loop (folder already visited); skipped")
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            on_error(f"{folder}: cannot list folder ({_describe(error)}); skipped")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders, e.g. annotations/.cache
            path = Path(entry.path)
            if roots is not None and entry.is_symlink():
                outside = outside_link(path, roots)
                if outside is not None:
                    on_error(outside)
                    continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(path)
            elif wanted(path):
                yield path
        stack.extend(reversed(subfolders))


def _walk(
    root: Path, on_error: Callable[[str], None], roots: tuple[str, ...] | None = None
) -> Iterator[Source]:
    """Yield the article files under `root` (see `_walk_paths`) as sources."""
    for path in _walk_paths(root, lambda p: p.suffix.lower() in KINDS, on_error, roots):
        source = _source(path, path.relative_to(root).as_posix(), on_error)
        if source is not None:
            yield source


def files_under(
    root: Path, suffix: str, on_error: Callable[[str], None], *, follow_links: bool = False
) -> list[Path]:
    """Every `suffix` file under `root` (an import folder) by the corpus rule for symlinks: links
    leading outside `root` are skipped with one line each, unless `follow_links`."""
    roots = None if follow_links else (os.path.realpath(root),)
    return sorted(_walk_paths(root, lambda p: p.suffix.lower() == suffix, on_error, roots))


def discover(
    paths: Iterable[str | Path], on_error: Callable[[str], None], *, follow_links: bool = False
) -> Iterator[Source]:
    """Yield every article file under `paths` (folders recursively), each id once.

    Symlinks met while walking are followed only when their target is inside one of `paths`
    (so `passwd.txt -> /etc/passwd` is skipped with one line each), unless `follow_links`.
    """
    given_paths = []
    for given in paths:
        if str(given) == "":  # Path("") would be the current folder
            on_error("an empty path was given; skipped (use . for the current folder)")
        else:
            given_paths.append(Path(given).expanduser())
    roots = None if follow_links else tuple(os.path.realpath(p) for p in given_paths)
    ids: dict[str, str] = {}
    paths_seen: set[str] = set()
    for path in given_paths:
        if path.is_dir():
            sources = _walk(path, on_error, roots)
        elif path.exists() or path.is_symlink():
            source = _source(path, path.name, on_error)
            sources = iter([source] if source is not None else [])
        else:
            on_error(f"{path}: no such file or folder; skipped")
            continue
        for source in sources:
            if source.path in paths_seen:
                continue  # the same file reached twice (a folder and a file in it, or twice named)
            paths_seen.add(source.path)
            earlier = ids.setdefault(source.id, source.path)
            if earlier != source.path:
                on_error(
                    f"{source.path}: same id {source.id!r} as {earlier}; skipped "
                    "(open the folders one at a time, or their common parent)"
                )
                continue
            yield source
