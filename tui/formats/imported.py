"""The importers' common result: records for the store to insert, plus what could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.formats.common import Record


@dataclass
class Imported:
    """Documents, annotations and registry records read from files, not yet in any store.

    Annotation and relation `id`s are local to the import (from the file when it has them)
    so relations and entity links can be wired up after the store assigns real ids.
    """

    documents: list[Record] = field(default_factory=list)
    annotations: list[Record] = field(default_factory=list)
    entities: list[Record] = field(default_factory=list)
    relations: list[Record] = field(default_factory=list)
    labels: list[Record] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: Imported) -> None:
        """Append another import's records (several files in one command)."""
        for name in ("documents", "annotations", "entities", "relations", "labels", "warnings"):
            getattr(self, name).extend(getattr(other, name))


def span_ok(text: str, start: object, end: object) -> bool:
    """True when start/end are integer code-point offsets of a non-empty span inside text."""
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and 0 <= start < end <= len(text)
    )
