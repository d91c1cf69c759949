"""JSONL dumps: one article per line, each with `text` or `html` and optional id/title/url/date/author."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

import orjson

from tui.documents.decode import DecodeError, bom_codec, decode_bytes

if TYPE_CHECKING:
    from tui.documents import Document
    from tui.documents.discover import Source

__all__ = ["load_jsonl"]

_POSITION = re.compile(r":? line \d+ column (\d+) \(char \d+\)")
_META_KEYS = ("title", "url", "date", "author", "source")


def _parse(line: bytes) -> object:
    """Parse one JSON line; lines in a legacy encoding are decoded first."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        text, _ = decode_bytes(line)
        return orjson.loads(text)


def _reason(error: Exception) -> str:
    """orjson's message without its "line 1" position, which would contradict our line number."""
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    return _POSITION.sub(r" at column \1", message)


def _record_meta(record: dict[str, Any]) -> dict[str, Any]:
    meta = {}
    for key in _META_KEYS:
        value = record.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            meta[key] = str(value).strip()
    return meta


def _record_id(record: dict[str, Any], number: int) -> str:
    """The record's own id, or `L<line number>` when it has none."""
    record_id = record.get("id")
    if (
        isinstance(record_id, (str, int))
        and not isinstance(record_id, bool)
        and str(record_id).strip()
    ):
        return str(record_id).strip()
    return f"L{number}"  # marked so it cannot pass for a real id


_SKIP_CHUNK = 1024 * 1024


class _Lines(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


class _Utf8Lines:
    """A UTF-16 or UTF-32 dump (Windows tools write them; the byte order mark says which) read
    line by line as UTF-8, so the loader below treats it like any other."""

    def __init__(self, handle: BinaryIO, encoding: str) -> None:
        self._text = io.TextIOWrapper(handle, encoding=encoding, newline="")

    def readline(self, size: int = -1, /) -> bytes:
        return self._text.readline(size).encode("utf-8")


def _wide(handle: BinaryIO) -> str | None:
    """The encoding a UTF-16/32 byte order mark at the start names, else None (position kept)."""
    codec = bom_codec(handle.read(4))
    handle.seek(0)
    return codec if codec != "utf-8-sig" else None  # a UTF-8 mark: the loader strips it


def _capped_lines(handle: _Lines, max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines, None for a line longer than `max_bytes` (+3 for a BOM and CRLF): it is
    read past in 1 MB chunks, never held, so a 600 MB one-line file costs no memory."""
    while True:
        line = handle.readline(max_bytes + 4)
        if not line:
            return
        if len(line) <= max_bytes + 3 or line.endswith(b"\n"):
            yield line
            continue
        while True:
            rest = handle.readline(_SKIP_CHUNK)
            if not rest or rest.endswith(b"\n"):
                break
        yield None


def load_jsonl(
    source: Source,
    on_error: Callable[[str], None],
    *,
    max_bytes: int,
    only: str | None = None,
    cache_dir: Path | None = None,
) -> Iterator[Document]:
    """Yield one Document per good line; report each bad line (with its number) and go on.

    With `only` (a record id), skip every other record before any HTML extraction and stop
    at the first match: opening one article of a big dump stays cheap.
    """
    from tui.documents import Document

    seen: set[str] = set()
    try:
        handle = open(source.path, "rb")  # noqa: SIM115 - closed in finally; a generator holds it
    except OSError as error:
        on_error(f"{source.path}: cannot read ({error.strerror or error}); skipped")
        return
    found_any = False
    number = 0
    try:
        wide = _wide(handle)
        lines = _Utf8Lines(handle, wide) if wide else handle
        for number, line in enumerate(_capped_lines(lines, max_bytes), start=1):
            where = f"{source.path}:{number}"
            if line is None:
                found_any = True
                on_error(
                    f"{where}: record over the {max_bytes // (1024 * 1024)} MB limit; line skipped"
                )
                continue
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            found_any = True
            if len(line) > max_bytes:
                on_error(
                    f"{where}: record over the {max_bytes // (1024 * 1024)} MB limit; line skipped"
                )
                continue
            try:
                record = _parse(line)
            except (orjson.JSONDecodeError, DecodeError) as error:
                on_error(f"{where}: not valid JSON ({_reason(error)}); line skipped")
                continue
            if not isinstance(record, dict):
                on_error(f"{where}: not a JSON object; line skipped")
                continue
            if only is not None and _record_id(record, number) != only:
                continue
            document = _document(
                record, line, source, (number, where), seen, on_error, Document, cache_dir
            )
            if document is not None:
                yield document
                if only is not None:
                    return
    except OSError as error:
        on_error(f"{source.path}: read failed ({error.strerror or error}); rest of file skipped")
    except UnicodeDecodeError as error:  # a UTF-16/32 file broken after line `number`
        found_any = True
        on_error(
            f"{source.path}:{number + 1}: not valid {error.encoding} ({error.reason});"
            " rest of file skipped"
        )
    finally:
        handle.close()
    if not found_any and only is None:
        on_error(f"{source.path}: empty file; skipped")


def _document(
    record: dict[str, Any],
    line: bytes,
    source: Source,
    position: tuple[int, str],
    seen: set[str],
    on_error: Callable[[str], None],
    document_class: type[Document],
    cache_dir: Path | None,
) -> Document | None:
    """Turn one parsed record into a Document, or report why it cannot be one."""
    number, where = position
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (
        isinstance(html, str) and html.strip()
    ):
        on_error(f'{where}: record has no non-empty "text" or "html" string; line skipped')
        return None
    record_id = _record_id(record, number)
    if record_id in seen:
        on_error(f"{where}: duplicate id {record_id!r} in this file; line skipped")
        return None
    seen.add(record_id)
    meta = _record_meta(record)
    if isinstance(text, str) and text.strip():
        raw = text
    else:
        from tui.documents.html import HtmlExtractionError
        from tui.documents.html_limit import extract_limited

        try:
            raw, extracted = extract_limited(str(html), meta.get("url"), cache_dir=cache_dir)
        except HtmlExtractionError as error:
            on_error(f"{where}: {error}; line skipped")
            return None
        meta = {**extracted, **meta}
    sha = hashlib.sha256(line.rstrip(b"\r\n")).hexdigest()
    return document_class(f"{source.id}#{record_id}", source.path, "jsonl", raw, sha, "utf-8", meta)
