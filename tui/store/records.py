"""Record shapes for every table, built in one place so the file always matches the schema."""

from __future__ import annotations

import hashlib
import re
import time
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from tui import __version__

SCHEMA_VERSION = 1
TABLES = ("meta", "documents", "annotations", "entities", "relations", "labels", "sessions")
KINDS = ("entity", "claim")
STATES = ("ok", "orphaned", "suggested")
DOC_STATUSES = ("new", "in progress", "done")
CLAIM_TYPES = ("direct quote", "indirect quote", "assertion", "prediction", "opinion")
STANCES = ("unverified", "supported", "disputed", "false")
CONTEXT = 32
SINGULAR = {
    "meta": "meta",
    "documents": "document",
    "annotations": "annotation",
    "entities": "entity",
    "relations": "relation",
    "labels": "label",
    "sessions": "session",
}

DEFAULT_LABELS = (
    ("PERSON", "entity", "1", "bright_cyan"),
    ("ORG", "entity", "2", "bright_magenta"),
    ("GPE", "entity", "3", "bright_green"),
    ("LOC", "entity", "4", "green"),
    ("DATE", "entity", "5", "bright_yellow"),
    ("MONEY", "entity", "6", "yellow"),
    ("PRODUCT", "entity", "7", "bright_blue"),
    ("EVENT", "entity", "8", "bright_red"),
    ("LAW", "entity", "9", "red"),
    ("CLAIM", "claim", "0", "orange1"),
)


def new_id() -> str:
    """UUIDs, never TinyDB doc_ids: doc_ids are reused after deletes and differ between files."""
    return str(uuid.uuid4())


def now() -> str:
    """UTC timestamps with milliseconds, ISO 8601, so they sort as strings."""
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t % 1 * 1000):03d}Z"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quote(text: str, start: int, end: int) -> dict[str, str]:
    """The W3C TextQuoteSelector parts that let a span be found again after the text changes."""
    return {
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[end : end + CONTEXT],
    }


def meta_record() -> dict[str, Any]:
    return {
        "id": new_id(),
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "created": now(),
        "state": {},
    }


def label_record(
    name: str, kind: str, hotkey: str | None = None, color: str | None = None
) -> dict[str, Any]:
    if kind not in KINDS:
        raise ValueError(f"label kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not name or not name.strip():
        raise ValueError("a label needs a non-empty name")
    return {"id": new_id(), "name": name, "kind": kind, "hotkey": hotkey, "color": color}


def default_labels() -> list[dict[str, Any]]:
    return [label_record(*spec) for spec in DEFAULT_LABELS]


def document_record(
    doc_id: str,
    *,
    text: str,
    path: str | None,
    raw_sha256: str | None,
    cleaner_version: str | None,
    title: str | None,
    metadata: Mapping[str, Any] | None,
    overrides: Mapping[int | str, str] | None,
) -> dict[str, Any]:
    stamp = now()
    return {
        "id": doc_id,
        "path": path,
        "raw_sha256": raw_sha256,
        "cleaner_version": cleaner_version,
        "clean_sha256": sha256_text(text),
        "title": title,
        "metadata": dict(metadata or {}),
        "text": text,
        "status": "new",
        "overrides": normalize_overrides(overrides),
        "cursor": None,
        "created": stamp,
        "updated": stamp,
    }


def normalize_overrides(overrides: Mapping[int | str, str] | None) -> dict[str, str]:
    """JSON object keys are strings, so raw line numbers are stored as decimal strings."""
    result: dict[str, str] = {}
    for line, decision in (overrides or {}).items():
        if decision not in ("content", "boilerplate"):
            raise ValueError(
                f"override for line {line} must be 'content' or 'boilerplate', not {decision!r}"
            )
        result[str(int(line))] = decision
    return result


def check_span(text: str, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise TypeError("start and end must be integers (code-point offsets)")
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"span [{start}, {end}) is outside the document text (length {len(text)}) or empty"
        )


def check_attributes(attributes: Mapping[str, Any] | None) -> dict[str, Any]:
    """Refuse claim attributes the schema would reject, with the allowed values in the message."""
    result = dict(attributes or {})
    kind = result.get("type")
    if kind is not None and kind not in CLAIM_TYPES:
        raise ValueError(f"claim type must be one of {', '.join(CLAIM_TYPES)}, not {kind!r}")
    stance = result.get("stance")
    if stance is not None and stance not in STANCES:
        raise ValueError(f"claim stance must be one of {', '.join(STANCES)}, not {stance!r}")
    cue = result.get("cue")
    if cue is not None and not (
        isinstance(cue, Mapping)
        and isinstance(cue.get("start"), int)
        and isinstance(cue.get("end"), int)
        and 0 <= cue["start"] <= cue["end"]
    ):
        raise ValueError("claim cue must be {'start': int, 'end': int} with 0 <= start <= end")
    speaker = result.get("speaker")
    if speaker is not None and not isinstance(speaker, Mapping):
        raise ValueError("claim speaker must be {'entity_id': id or None, 'text': str or None}")
    note = result.get("note")
    if note is not None and not isinstance(note, str):
        raise ValueError("claim note must be text")
    return result


def annotation_record(
    doc: Mapping[str, Any],
    kind: str,
    label: str,
    start: int,
    end: int,
    *,
    attributes: Mapping[str, Any] | None,
    entity_id: str | None,
    source_start: int | None,
    source_end: int | None,
    state: str,
    annotator: str | None,
) -> dict[str, Any]:
    if kind not in KINDS:
        raise ValueError(f"annotation kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if state not in STATES:
        raise ValueError(f"annotation state must be one of {', '.join(STATES)}, not {state!r}")
    text = doc["text"]
    check_span(text, start, end)
    stamp = now()
    return {
        "id": new_id(),
        "document_id": doc["id"],
        "kind": kind,
        "label": label,
        "start": start,
        "end": end,
        **quote(text, start, end),
        "source_start": source_start,
        "source_end": source_end,
        "clean_sha256": doc["clean_sha256"],
        "attributes": check_attributes(attributes),
        "entity_id": entity_id,
        "annotator": annotator,
        "created": stamp,
        "updated": stamp,
        "state": state,
    }


RESTORED_FIELDS = ("annotator", "created", "updated")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def utc_stamp(value: str) -> str | None:
    """An ISO 8601 time as the store writes it (UTC, milliseconds, Z); None if it is not one."""
    if _STAMP.fullmatch(value):
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    utc = parsed.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S") + f".{utc.microsecond // 1000:03d}Z"


def restored(restore: Mapping[str, Any] | None, taken: object) -> dict[str, Any]:
    """The provenance a restored record keeps: its id (unless `taken`), annotator and times."""
    if not restore:
        return {}
    kept: dict[str, Any] = {}
    for key in RESTORED_FIELDS:
        value = restore.get(key)
        if isinstance(value, str):
            stamp = value if key == "annotator" else utc_stamp(value)
            if stamp is not None:
                kept[key] = stamp
    if restore.get("annotator", "") is None:
        kept["annotator"] = None
    if isinstance(restore.get("id"), str) and restore["id"] and taken is None:
        kept["id"] = restore["id"]
    return kept


def entity_record(
    name: str, type: str, aliases: Iterable[str] = (), external_id: str | None = None
) -> dict[str, Any]:
    if not name or not name.strip():
        raise ValueError("an entity needs a non-empty canonical name")
    return {
        "id": new_id(),
        "name": name,
        "type": type,
        "aliases": list(aliases),
        "external_id": external_id,
        "created": now(),
    }


def relation_record(from_id: str, to_id: str, type: str, annotator: str | None) -> dict[str, Any]:
    if not type:
        raise ValueError("a relation needs a type, e.g. said_by, same_claim, supports, contradicts")
    return {
        "id": new_id(),
        "from": from_id,
        "to": to_id,
        "type": type,
        "annotator": annotator,
        "created": now(),
    }
