"""The typed shapes of what crosses the workspace door (the store keeps them as JSON objects).

TypedDicts rather than classes: records stay the plain dicts the store, the formats and the
JSON file share (annotations/README.md describes every field), while the UI gets names and
types it can check. Only the fields the UI reads are listed as required.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class LabelRecord(TypedDict):
    """A label of the labels table: `kind` is "entity" or "claim"; `hotkey` a key 1-9, 0."""

    id: str
    name: str
    kind: str
    hotkey: NotRequired[str | None]
    color: NotRequired[str | None]


class AnnotationRecord(TypedDict):
    """One annotation: a labelled `[start, end)` of the clean text, `exact` being that text."""

    id: str
    document_id: str
    kind: str
    label: str
    start: int
    end: int
    exact: str
    state: str  # "ok" | "fuzzy" | "orphaned"
    attributes: NotRequired[dict[str, Any] | None]
    entity_id: NotRequired[str | None]
    prefix: NotRequired[str]
    suffix: NotRequired[str]
    source_start: NotRequired[int | None]
    source_end: NotRequired[int | None]
    clean_sha256: NotRequired[str]
    annotator: NotRequired[str | None]
    created: NotRequired[str]
    updated: NotRequired[str]


class DocumentRecord(TypedDict):
    """A document's record: its clean text's hash, status and where the user left it."""

    id: str
    text: str
    clean_sha256: str
    status: str  # "new" | "in progress" | "done"
    overrides: dict[str, str]
    cursor: NotRequired[int | None]
    title: NotRequired[str | None]
    path: NotRequired[str | None]
    raw_sha256: NotRequired[str | None]
    cleaner_version: NotRequired[str | None]
    metadata: NotRequired[dict[str, Any]]
    created: NotRequired[str]
    updated: NotRequired[str]


class AnchorReport(TypedDict, total=False):
    """What recording an article's (changed) clean text did to its annotations."""

    document: DocumentRecord
    created: bool
    text_changed: bool
    kept: int
    moved: int
    fuzzy: int
    orphaned: list[str]  # annotation ids that could not be placed


class ResumeState(TypedDict, total=False):
    """Where the last session was: the article, the cursor, whether "v" mode was on."""

    document_id: str
    cursor: int
    selecting: bool


class EntityRecord(TypedDict):
    """An entity of the cross-document registry that mentions link to."""

    id: str
    name: str
    type: str
    aliases: NotRequired[list[str]]
    external_id: NotRequired[str | None]
