"""What a document's new clean text does to its annotations: the records to write and a tally."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from tui.store import records as R
from tui.store.anchoring import reanchor

Record = dict[str, Any]
SourceSpan = Callable[[int, int], tuple[int, int] | None]


def reanchored(
    anns: Iterable[Record],
    old: Record,
    new: Record,
    source_span: SourceSpan | None,
    report: dict[str, Any],
) -> list[Record]:
    """Place each annotation of `old` in `new`'s text; returns the records that changed.

    Counts kept/moved/fuzzy into `report` and lists orphaned ids; `source_span(start, end)`
    gives fresh raw offsets when the caller knows them.
    """
    raw_changed = old.get("raw_sha256") != new.get("raw_sha256")
    stamp = R.now()
    changed = []
    for ann, placement, changes in reanchor(list(anns), old["text"], new["text"]):
        record = dict(ann, **changes)
        if placement.method == "orphaned":
            report["orphaned"].append(ann["id"])
        else:
            record["clean_sha256"] = new["clean_sha256"]
            moved = (ann["start"], ann["end"]) != (record["start"], record["end"])
            if placement.method == "fuzzy":
                report["fuzzy"] += 1
            elif moved:
                report["moved"] += 1
            else:
                report["kept"] += 1
            raw = source_span(record["start"], record["end"]) if source_span else None
            if raw is not None:
                record["source_start"], record["source_end"] = raw
            elif raw_changed or source_span is not None:
                record["source_start"] = record["source_end"] = None
        if record != ann:
            record["updated"] = stamp
            changed.append(record)
    return changed
