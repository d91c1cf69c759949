"""A cleaned corpus as partitioned Parquet: rows written by `newsmark clean --dask`, opened without re-cleaning.

A folder (local or any fsspec URL) holds `part-NNNNN.parquet` files and `_newsmark.json`
(cleaner version, parts, rows). Each row is one article: id, path, title, meta, text and its
line decisions, plus what the reader needs to show and re-clean it (raw text, segments).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tui.cleaning import CLEANER_VERSION, Cleaned, LineDecision
from tui.documents import Document

MANIFEST = "_newsmark.json"
INDEX_COLUMNS = ["id", "path", "kind", "title", "meta", "words", "raw_sha256"]


class ParquetMissing(RuntimeError):
    """pyarrow is not installed; the message says how to get it."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ParquetMissing(
            "reading and writing Parquet needs pyarrow: pip install 'newsmark[parquet]'"
        ) from None
    return pyarrow


def line_dicts(cleaned: Cleaned) -> list[dict[str, Any]]:
    """The line decisions as `newsmark clean --json` prints them."""
    return [
        {
            "number": line.number,
            "start": line.start,
            "end": line.end,
            "decision": line.decision,
            "reason": line.reason,
            "text_start": line.text_start,
            "overridden": line.overridden,
        }
        for line in cleaned.lines
    ]


def row(document: Document, cleaned: Cleaned, words: int) -> dict[str, Any]:
    """One article as a Parquet row (JSON text for the nested parts, so any reader can use it)."""
    suffix = cleaned.text.endswith(cleaned.body)
    return {
        "id": document.id,
        "path": document.path,
        "kind": document.kind,
        "title": cleaned.title,
        "meta": json.dumps({**cleaned.meta, **document.meta}, ensure_ascii=False),
        "text": cleaned.text,
        "lines": json.dumps(line_dicts(cleaned)),
        "words": words,
        "raw": document.raw,
        "raw_sha256": document.raw_sha256,
        "encoding": document.encoding,
        "cleaner_version": CLEANER_VERSION,
        "document_meta": json.dumps(document.meta, ensure_ascii=False),
        "clean_meta": json.dumps(cleaned.meta, ensure_ascii=False),
        "body_from": len(cleaned.text) - len(cleaned.body) if suffix else -1,
        "body": None if suffix else cleaned.body,
        "segments": json.dumps([list(s) for s in cleaned.segments]),
    }


def write_part(rows: list[dict[str, Any]], url: str) -> None:
    """Write one partition to a local path or fsspec URL."""
    pa = _pyarrow()
    import fsspec

    table = pa.Table.from_pylist(rows, schema=_schema(pa))
    with fsspec.open(url, "wb") as handle:
        pa.parquet.write_table(table, handle, compression="zstd")


def _schema(pa: Any) -> Any:
    text, number = pa.string(), pa.int64()
    names = ["id", "path", "kind", "title", "meta", "text", "lines", "words", "raw", "raw_sha256"]
    names += ["encoding", "cleaner_version", "document_meta", "clean_meta", "body_from", "body"]
    names += ["segments"]
    return pa.schema([(n, number if n in ("words", "body_from") else text) for n in names])


def is_parquet_corpus(path: str) -> bool:
    import fsspec

    fs, root = fsspec.core.url_to_fs(path)
    return bool(fs.exists(f"{root.rstrip('/')}/{MANIFEST}"))


def parts(path: str) -> list[str]:
    """The partition files of a corpus folder, in corpus order, as URLs fsspec can open."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(path)
    found = sorted(p for p in fs.ls(root, detail=False) if str(p).endswith(".parquet"))
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return [str(p) if protocol == "file" else f"{protocol}://{p}" for p in found]


def read_rows(url: str, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    pa = _pyarrow()
    import fsspec

    with fsspec.open(url, "rb") as handle:
        table = pa.parquet.read_table(handle, columns=columns)
    yield from table.to_pylist()


@dataclass(frozen=True)
class StoredArticle:
    document: Document
    cleaned: Cleaned


def article(record: Mapping[str, Any]) -> StoredArticle:
    """The Document and Cleaned a row was made from, exactly, without cleaning again."""
    text = str(record["text"])
    body = record["body"] if record["body"] is not None else text[int(record["body_from"]) :]
    lines = [
        LineDecision(
            d["number"],
            d["start"],
            d["end"],
            d["decision"],
            d["reason"],
            d["text_start"],
            d["overridden"],
        )
        for d in json.loads(record["lines"])
    ]
    cleaned = Cleaned(
        title=str(record["title"]),
        meta=json.loads(record["clean_meta"]),
        body=str(body),
        text=text,
        lines=lines,
        segments=tuple((a, b, c) for a, b, c in json.loads(record["segments"])),
    )
    document = Document(
        id=str(record["id"]),
        path=str(record["path"]),
        kind=str(record["kind"]),
        raw=str(record["raw"]),
        raw_sha256=str(record["raw_sha256"]),
        encoding=str(record["encoding"]),
        meta=json.loads(record["document_meta"]),
    )
    return StoredArticle(document, cleaned)


def find(part: str, doc_id: str) -> StoredArticle | None:
    """One article of a partition by id."""
    pa = _pyarrow()
    import fsspec

    with fsspec.open(part, "rb") as handle:
        table = pa.parquet.read_table(handle, filters=[("id", "==", doc_id)])
    found = table.to_pylist()
    return article(found[0]) if found else None
