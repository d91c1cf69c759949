"""Shared pieces of the exporters: the loss report, span selection and offset units."""

from __future__ import annotations

import codecs
import io
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

import orjson

from tui.documents.decode import bom_codec
from tui.wording import plural

Record = dict[str, Any]
Snapshot = dict[str, list[Record]]
OFFSET_UNITS = ("codepoint", "utf16")
T = TypeVar("T")

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass
class ExportReport:
    """What an export wrote and, per reason, how much its format could not carry."""

    format: str
    documents: int = 0
    annotations: int = 0
    relations: int = 0
    not_carried: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)

    def lost(self, reason: str, count: int = 1) -> None:
        """Count `count` items the format could not carry, so nothing is dropped silently."""
        if count:
            self.not_carried[reason] += count

    def change(self, what: str, count: int = 1) -> None:
        """Count items written differently from the database (e.g. renamed), with how to get them back."""
        if count:
            self.changed[what] += count

    def lines(self) -> list[str]:
        """Human-readable summary lines for stderr: the totals first, then every loss."""
        lines = [
            f"{self.format}: exported {plural(self.annotations, 'annotation')}"
            f" and {plural(self.relations, 'relation')} in {plural(self.documents, 'document')}"
        ]
        for reason, count in sorted(self.not_carried.items()):
            lines.append(f"{self.format}: not carried: {count} {reason}")
        for what, count in sorted(self.changed.items()):
            lines.append(f"{self.format}: changed: {count} {what}")
        return lines


_SPLITLINES_ONLY = (
    (b"\xc2\x85", b"\\u0085"),
    (b"\xe2\x80\xa8", b"\\u2028"),
    (b"\xe2\x80\xa9", b"\\u2029"),
)


def json_line(record: object) -> bytes:
    """One JSON line, with the line breaks only str.splitlines() sees (U+0085, U+2028/9) escaped.

    JSON allows them raw, but readers that split lines with splitlines() (or JavaScript before
    ES2019) would cut the record there.
    """
    data = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
    for raw, escaped in _SPLITLINES_ONLY:
        if raw in data:
            data = data.replace(raw, escaped)
    return data


def check_offsets(offsets: str) -> None:
    """Reject an unknown offset unit with a message that lists the known ones."""
    if offsets not in OFFSET_UNITS:
        raise ValueError(f"unknown offset unit {offsets!r}: use one of {', '.join(OFFSET_UNITS)}")


def offset_converter(text: str, offsets: str) -> Callable[[int], int]:
    """Map code-point offsets in `text` to the requested unit (UTF-16 code units for JavaScript)."""
    check_offsets(offsets)
    if offsets == "codepoint" or text.isascii():
        return _identity
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return _identity
    return lambda i: i + bisect_left(astral, i)


def codepoint_converter(text: str, offsets: str) -> Callable[[int], int | None]:
    """Map offsets in the given unit back to code points; None when one falls inside a surrogate pair."""
    check_offsets(offsets)
    if offsets == "codepoint" or text.isascii():
        return _identity
    table: dict[int, int] = {}
    unit = 0
    for index, char in enumerate(text):
        table[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    table[unit] = len(text)
    return table.get


def _identity(i: int) -> int:
    return i


def iter_documents(
    snapshot: Snapshot, report: ExportReport
) -> Iterator[tuple[Record, list[Record]]]:
    """Yield (document, its placeable annotations sorted by position), counting what is skipped.

    Span formats need a trustworthy position: orphaned annotations and unconfirmed
    suggestions are counted as not carried (the native JSON export keeps them).
    """
    by_document: dict[str | None, list[Record]] = {}
    for annotation in snapshot.get("annotations", []):
        by_document.setdefault(annotation.get("document_id"), []).append(annotation)
    documents = snapshot.get("documents", [])
    known = {document["id"] for document in documents}
    for document_id, doc_annotations in by_document.items():
        if document_id not in known:
            report.lost(
                "annotations whose document is missing from the database", len(doc_annotations)
            )
    for document in documents:
        text = document.get("text") or ""
        placed = []
        for annotation in by_document.get(document["id"], []):
            state = annotation.get("state", "ok")
            if state == "orphaned":
                report.lost("orphaned annotations (no reliable position; kept in native json)")
            elif state == "suggested":
                report.lost("unconfirmed suggestions (kept in native json)")
            elif not _in_bounds(annotation, len(text)):
                report.lost("annotations with offsets outside their document's text")
            else:
                placed.append(annotation)
        placed.sort(key=lambda a: (a["start"], -a["end"]))
        report.documents += 1
        yield document, placed


def _in_bounds(annotation: Record, length: int) -> bool:
    start, end = annotation.get("start"), annotation.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def count_raw_offsets(snapshot: Snapshot, report: ExportReport) -> None:
    """Formats with no field for offsets into the raw file say how many they dropped."""
    report.lost(
        "raw-file offsets (source_start/source_end; kept in json, jsonl, csv)",
        sum(
            1
            for a in snapshot.get("annotations", [])
            if a.get("state", "ok") == "ok" and a.get("source_start") is not None
        ),
    )


def relations_within(snapshot: Snapshot, exported_ids: set[str]) -> tuple[list[Record], int]:
    """Split relations into those whose two ends were exported, and a count of the others."""
    kept, missing = [], 0
    for relation in snapshot.get("relations", []):
        if relation.get("from") in exported_ids and relation.get("to") in exported_ids:
            kept.append(relation)
        else:
            missing += 1
    return kept, missing


def label_kinds(snapshot: Snapshot) -> dict[str, str]:
    """Label name -> kind, so importers can tell claims from entities by label."""
    return {
        label["name"]: label.get("kind", "entity")
        for label in snapshot.get("labels", [])
        if "name" in label
    }


def progress(items: Iterable[T], description: str, total: int) -> Iterable[T]:
    """`items`, with a progress bar on stderr when it is a terminal (long exports and imports).

    rich, a core dependency, draws it: tqdm came only with optional extras.
    """
    from rich.console import Console
    from rich.progress import track

    console = Console(stderr=True)
    if not console.is_terminal:
        return items
    return track(items, description=description, total=total, console=console, transient=True)


def utf8_json(data: bytes) -> bytes:
    """JSON as UTF-8 without a byte order mark (Windows tools add one, or write UTF-16), so a
    JSON parser reads it; raises UnicodeDecodeError if the marked encoding does not hold."""
    codec = bom_codec(data[:4])
    return data.decode(codec).encode("utf-8") if codec else data


def utf8_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a JSONL file as UTF-8, streamed unless a UTF-16/32 mark means decoding it whole."""
    codec = bom_codec(stream.read(4))
    stream.seek(0)
    if codec == "utf-8-sig":
        stream.seek(len(codecs.BOM_UTF8))
        yield from stream
    elif codec:
        yield from io.BytesIO(utf8_json(stream.read()))
    else:
        yield from stream
