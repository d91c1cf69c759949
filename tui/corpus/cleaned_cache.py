"""Cleaned results on disk, keyed by raw sha256 + cleaner version, so reopening never re-cleans.

The cache lives outside the TinyDB file (default `annotations/.cache/`). A file that is
missing, corrupt or from an older layout is treated as absent and rewritten, never an error.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import orjson

from tui.cleaning import CLEANER_VERSION, Cleaned, LineDecision
from tui.file_modes import file_mode_in, folder_mode_for, make_folders, set_mode

__all__ = ["CleanedCache", "text_sha"]

_LAYOUT = 1  # bump when the on-disk shape below changes


def text_sha(text: str) -> str:
    """sha256 of a decoded string (lone surrogates survive), to check a cache entry fits its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def dump(cleaned: Cleaned, raw: str) -> bytes:
    """Serialise a Cleaned compactly: body is stored as an offset into text when it is a suffix."""
    body_from = len(cleaned.text) - len(cleaned.body)
    record = {
        "layout": _LAYOUT,
        "cleaner": CLEANER_VERSION,
        "raw_text_sha": text_sha(raw),
        "title": cleaned.title,
        "meta": cleaned.meta,
        "text": cleaned.text,
        "body_from": body_from if cleaned.text.endswith(cleaned.body) else None,
        "body": None if cleaned.text.endswith(cleaned.body) else cleaned.body,
        "lines": [
            [d.number, d.start, d.end, d.decision, d.reason, d.text_start, d.overridden]
            for d in cleaned.lines
        ],
        "segments": [list(segment) for segment in cleaned.segments],
    }
    return orjson.dumps(record)


def parse(data: bytes, raw: str | None = None) -> Cleaned | None:
    """Rebuild a Cleaned from `dump` output; None when it is corrupt, stale or for another text."""
    try:
        record = orjson.loads(data)
        if record["layout"] != _LAYOUT or record["cleaner"] != CLEANER_VERSION:
            return None
        if raw is not None and record["raw_text_sha"] != text_sha(raw):
            return None
        text = record["text"]
        body = text[record["body_from"] :] if record["body"] is None else record["body"]
        lines = [LineDecision(*line) for line in record["lines"]]
        segments = tuple(tuple(segment) for segment in record["segments"])
        return Cleaned(
            title=record["title"],
            meta=record["meta"],
            body=body,
            text=text,
            lines=lines,
            segments=segments,
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, IndexError):
        return None


class CleanedCache:
    """A folder of cleaned results; `directory=None` means no disk cache at all."""

    def __init__(self, directory: str | Path | None):
        self.directory = Path(directory) if directory is not None else None

    def _path(self, raw_sha256: str) -> Path:
        assert self.directory is not None
        return self.directory / "cleaned" / raw_sha256[:2] / f"{raw_sha256}-v{CLEANER_VERSION}.json"

    def get(self, raw_sha256: str, raw: str | None = None) -> Cleaned | None:
        """The cached Cleaned for these raw bytes (checked against `raw` when given), or None."""
        if self.directory is None:
            return None
        try:
            data = self._path(raw_sha256).read_bytes()
        except OSError:
            return None
        return parse(data, raw)

    def put(self, raw_sha256: str, raw: str, cleaned: Cleaned) -> None:
        """Write atomically (temp file + rename) so a reader never sees half a file; OSError propagates."""
        if self.directory is None:
            return
        path = self._path(raw_sha256)
        mode = file_mode_in(self.directory)  # files and folders inside take the cache's mode
        make_folders(path.parent, folder_mode_for(mode) if mode is not None else None)
        temp = path.with_name(f".tmp-{os.getpid()}-{threading.get_ident()}-{path.name}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            set_mode(fd, mode)
            with os.fdopen(fd, "wb") as stream:
                stream.write(dump(cleaned, raw))
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
