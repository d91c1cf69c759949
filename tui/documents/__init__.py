"""Load article files (.txt, .html/.htm, .jsonl) into Document records the cleaner can work on.

Every bad input (binary, empty, too big, unreadable, broken JSONL line, symlink loop) is
reported as one line through `on_error` and skipped, so one broken file never stops a corpus
from loading. Offsets: for .txt, `raw` is the file exactly as decoded (CR/CRLF kept); for
HTML see `tui.documents.html`; for JSONL, `raw` is the record's `text` (or extracted `html`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.documents.decode import DecodeError, decode_bytes
from tui.documents.discover import KINDS, Source, discover

__all__ = ["Document", "MAX_BYTES", "KINDS", "Source", "discover", "load_paths", "load_source"]

MAX_BYTES = 20 * 1024 * 1024  # per .txt/.html file and per JSONL record


@dataclass(frozen=True)
class Document:
    """One article as loaded: its stable id, where it came from, and the text fed to the cleaner."""

    id: str
    path: str
    kind: str
    raw: str
    raw_sha256: str
    encoding: str
    meta: dict[str, Any] = field(default_factory=dict)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _read(source: Source, on_error: Callable[[str], None]) -> bytes | None:
    """Read a whole .txt/.html file within the size limit, or report why not."""
    if source.size > MAX_BYTES:
        on_error(
            f"{source.path}: {_megabytes(source.size)} is over the {MAX_BYTES // (1024 * 1024)} MB "
            "limit for one article; skipped (split the file)"
        )
        return None
    try:
        with open(source.path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        on_error(f"{source.path}: cannot read ({error.strerror or error}); skipped")
        return None
    if len(data) > MAX_BYTES:
        on_error(f"{source.path}: grew over the size limit while reading; skipped")
        return None
    return data


def _load_file(
    source: Source, on_error: Callable[[str], None], cache_dir: Path | None = None
) -> Document | None:
    """Load one .txt or .html file (slow HTML extractions cached under `cache_dir`)."""
    data = _read(source, on_error)
    if data is None:
        return None
    if not data.strip():
        on_error(f"{source.path}: empty file; skipped")
        return None
    try:
        text, encoding = decode_bytes(data, html=source.kind == "html")
    except DecodeError as error:
        on_error(f"{source.path}: {error}; skipped")
        return None
    meta: dict[str, Any] = {}
    if source.kind == "html":
        from tui.documents.html import HtmlExtractionError
        from tui.documents.html_limit import extract_limited

        try:
            text, meta = extract_limited(text, cache_dir=cache_dir)
        except HtmlExtractionError as error:
            on_error(f"{source.path}: {error}; skipped")
            return None
    elif not text.strip():
        on_error(f"{source.path}: only whitespace; skipped")
        return None
    sha = hashlib.sha256(data).hexdigest()
    return Document(source.id, source.path, source.kind, text, sha, encoding, meta)


def load_source(
    source: Source, on_error: Callable[[str], None], *, cache_dir: Path | None = None
) -> Iterator[Document]:
    """Yield the documents in one discovered file (several for JSONL); `cache_dir` keeps slow
    HTML extractions so the next load is instant."""
    if source.kind == "jsonl":
        from tui.documents.jsonl import load_jsonl

        yield from load_jsonl(source, on_error, max_bytes=MAX_BYTES, cache_dir=cache_dir)
        return
    document = _load_file(source, on_error, cache_dir)
    if document is not None:
        yield document


def load_paths(
    paths: Iterable[str | Path], *, on_error: Callable[[str], None]
) -> Iterator[Document]:
    """Yield every loadable document under `paths`; report each skipped input once via `on_error`."""
    for source in discover(paths, on_error):
        yield from load_source(source, on_error)
