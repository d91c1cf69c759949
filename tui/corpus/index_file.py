"""One file per set of corpus roots that remembers every file's size, mtime and entries.

A second start checks each file's size and mtime against it and reuses the entries of the
ones that did not change, so 10,000 articles list without reading or hashing any of them.
A missing, corrupt or outdated index file just means a full re-read.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from tui.cleaning import CLEANER_VERSION
from tui.file_modes import file_mode_in, set_mode

if TYPE_CHECKING:
    from tui.corpus import CorpusEntry
    from tui.documents import Source

__all__ = ["IndexFile", "roots_key"]

_LAYOUT = 1


def roots_key(roots: Iterable[Path]) -> str:
    """A short stable name for a set of corpus roots, so each set keeps its own index file."""
    joined = "\n".join(sorted(str(root) for root in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class IndexFile:
    """Remembered entries per file path; `path=None` keeps them in memory only."""

    def __init__(self, path: Path | None, files: dict[str, Any]) -> None:
        self.path = path
        self._old = files
        self._new: dict[str, Any] = {}
        self._changed = False

    @classmethod
    def open(cls, cache_dir: Path | None, roots: Iterable[Path]) -> IndexFile:
        """Read the index file for these roots, or start empty when it is absent or unusable."""
        if cache_dir is None:
            return cls(None, {})
        path = Path(cache_dir) / f"index-{roots_key(roots)}.json"
        try:
            record = orjson.loads(path.read_bytes())
            if record.get("layout") != _LAYOUT or record.get("cleaner") != CLEANER_VERSION:
                return cls(path, {})
            files = record["files"]
            if not isinstance(files, dict):
                return cls(path, {})
        except (OSError, orjson.JSONDecodeError, AttributeError, KeyError):
            return cls(path, {})
        return cls(path, files)

    def lookup(self, source: Source) -> tuple[list[CorpusEntry], list[str]] | None:
        """The entries and error lines remembered for an unchanged file, or None to re-read it."""
        from tui.corpus import CorpusEntry

        remembered = self._old.get(source.path)
        if remembered is None:
            return None
        try:
            size, mtime_ns, kind, rows, errors = remembered
            if (size, mtime_ns, kind) != (source.size, source.mtime_ns, source.kind):
                return None
            entries = [
                CorpusEntry(source.id, source.path, kind, title, date, outlet, words, sha, record)
                for record, title, date, outlet, words, sha in rows
            ]
        except (TypeError, ValueError):
            return None
        self._new[source.path] = remembered
        return entries, list(errors)

    def remember(self, source: Source, entries: list[CorpusEntry], errors: list[str]) -> None:
        """Record what reading a (new or changed) file produced."""
        rows = [[e.record, e.title, e.date, e.source, e.words, e.raw_sha256] for e in entries]
        self._new[source.path] = [source.size, source.mtime_ns, source.kind, rows, errors]
        self._changed = True

    def save(self) -> None:
        """Write the files seen in this run, atomically, when anything differs from what was read."""
        if self.path is None or not (self._changed or set(self._new) != set(self._old)):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = orjson.dumps({"layout": _LAYOUT, "cleaner": CLEANER_VERSION, "files": self._new})
        handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-index-")
        try:
            set_mode(handle, file_mode_in(self.path.parent))  # the cache's mode, not mkstemp's 0600
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
