"""Store annotations -> reader spans, styled from the label records so colours stay data."""

from __future__ import annotations

from bisect import bisect_left, insort_right
from collections.abc import Sequence

from tui.app.widgets.reader_types import Span
from tui.workspace import AnnotationRecord, LabelRecord


def label_styles(labels: Sequence[LabelRecord]) -> dict[str, str]:
    """Rich style per label: entities on a coloured background, claims underlined in colour."""
    styles: dict[str, str] = {}
    for label in labels:
        color = label.get("color") or ""
        if label.get("kind") == "claim":
            styles[label["name"]] = f"italic underline {color}".strip()
        else:
            styles[label["name"]] = f"bold {color}".strip()
    return styles


def _order(annotation: AnnotationRecord) -> tuple[int, int]:
    return annotation["start"], -annotation["end"]


def _placed(annotation: AnnotationRecord) -> bool:
    placed: bool = annotation.get("state", "ok") != "orphaned"
    return placed and annotation["start"] < annotation["end"]


class ArticleMarks:
    """One article's annotations in text order, with their reader spans, updated one record at a time.

    A label key changes one annotation; finding, inserting and styling it here costs O(log n)
    plus a list insert, so the key's time does not grow with the article's annotations.
    """

    def __init__(
        self, labels: Sequence[LabelRecord], annotations: Sequence[AnnotationRecord] = ()
    ) -> None:
        self.styles = label_styles(labels)
        self.annotations: list[AnnotationRecord] = []
        self.by_id: dict[str, AnnotationRecord] = {}
        self.spans_by_id: dict[str, Span] = {}
        self.suggested: dict[str, AnnotationRecord] = {}  # open suggestions, kept per change
        self.max_length = 0
        self.reset(annotations)

    def reset(self, annotations: Sequence[AnnotationRecord]) -> None:
        """Take a fresh list (an article opened, an undo): sorted by start, longest first."""
        self.annotations = sorted(annotations, key=_order)
        self.by_id = {a["id"]: a for a in self.annotations}
        self.suggested = {a["id"]: a for a in self.annotations if a.get("state") == "suggested"}
        self.spans_by_id = {a["id"]: self.span_of(a) for a in self.annotations if _placed(a)}
        self.max_length = max((a["end"] - a["start"] for a in self.annotations), default=0)

    def span_of(self, annotation: AnnotationRecord) -> Span:
        label = annotation["label"]
        return Span(
            annotation["id"],
            annotation["start"],
            annotation["end"],
            label,
            annotation["kind"],
            self.styles.get(label, "bold"),
            suggested=annotation.get("state") == "suggested",  # styled by newsmark.tcss
        )

    def spans(self) -> list[Span]:
        return list(self.spans_by_id.values())

    def apply(
        self, record: AnnotationRecord, *, removed: bool = False
    ) -> tuple[Span | None, Span | None]:
        """Put one added, changed or removed record in place; returns its (old, new) span."""
        old = self.by_id.pop(record["id"], None)
        if old is not None:
            index = bisect_left(self.annotations, _order(old), key=_order)
            while self.annotations[index]["id"] != record["id"]:
                index += 1
            del self.annotations[index]
        old_span = self.spans_by_id.pop(record["id"], None)
        self.suggested.pop(record["id"], None)
        new_span = None
        if not removed:
            if record.get("state") == "suggested":
                self.suggested[record["id"]] = record
            insort_right(self.annotations, record, key=_order)
            self.by_id[record["id"]] = record
            self.max_length = max(self.max_length, record["end"] - record["start"])
            if _placed(record):
                new_span = self.spans_by_id[record["id"]] = self.span_of(record)
        return old_span, new_span

    def overlapping(self, start: int, end: int) -> list[AnnotationRecord]:
        """Annotations overlapping [start, end), found by bisection (the longest bounds the search)."""
        low = bisect_left(self.annotations, start - self.max_length, key=lambda a: a["start"])
        high = bisect_left(self.annotations, end, key=lambda a: a["start"])
        return [a for a in self.annotations[low:high] if a["end"] > start]

    def innermost(self, offset: int, end: int | None = None) -> AnnotationRecord | None:
        """The shortest placed annotation covering `offset` (or overlapping [offset, end)):
        what `E` and `x` act on."""
        end = offset + 1 if end is None else end
        covering = [a for a in self.overlapping(offset, end) if a.get("state", "ok") != "orphaned"]
        return min(covering, key=lambda a: a["end"] - a["start"], default=None)
