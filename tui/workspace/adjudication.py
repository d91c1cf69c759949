"""Adjudicating a merged database: each disagreement's competing spans, take one or reject all, undoable.

`newsmark merge` keeps what every annotator agreed on and the rest as `suggested` annotations
naming their annotators (attributes.annotators). Overlapping suggestions in one document are one
disagreement; each decision is one store transaction, so undo puts it back exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from tui.analysis.merging import conflicts


class AdjudicationStore(Protocol):
    """What adjudication needs from the store (tui.store.Store has it)."""

    read_only: bool

    def annotations(self, doc_id: str | None = None) -> list[dict[str, Any]]: ...
    def get_document(self, doc_id: str) -> dict[str, Any] | None: ...
    def update_annotation(self, ann_id: str, **changes: Any) -> dict[str, Any]: ...
    def delete_annotation(self, ann_id: str) -> None: ...
    def transaction(self, description: str) -> Any: ...
    def undo(self) -> str | None: ...
    def next_undo(self) -> Any: ...


@dataclass(frozen=True)
class Option:
    """One annotator's version of the disputed text (or `None` span: they tagged nothing here)."""

    annotators: tuple[str, ...]
    annotation_id: str | None
    label: str
    start: int
    end: int
    quote: str
    claim_type: str | None = None
    stance: str | None = None


@dataclass(frozen=True)
class Conflict:
    doc_id: str
    title: str
    context: str  # the sentence-sized text around the disputed spans
    context_start: int
    options: tuple[Option, ...]


def _option(ann: Mapping[str, Any]) -> Option:
    attributes = ann.get("attributes") or {}
    names = attributes.get("annotators") or str(ann.get("annotator") or "?").split("+")
    claim = ann.get("kind") == "claim"
    return Option(
        tuple(str(n) for n in names),
        str(ann["id"]),
        str(ann["label"]),
        int(ann["start"]),
        int(ann["end"]),
        str(ann.get("exact", "")),
        attributes.get("type") if claim else None,
        attributes.get("stance") if claim else None,
    )


class Adjudication:
    """The disagreements of the open database and the three decisions on them."""

    def __init__(self, store: AdjudicationStore) -> None:
        self.store = store

    def annotators(self) -> list[str]:
        """Everyone named in the merged database, from agreed spans and suggestions alike."""
        names: dict[str, None] = {}
        for ann in self.store.annotations():
            listed = (ann.get("attributes") or {}).get("annotators")
            for name in listed or str(ann.get("annotator") or "").split("+"):
                if name and name != "merge":
                    names[str(name)] = None
        return list(names)

    def conflicts(self) -> list[Conflict]:
        """Every open disagreement, by document and position; a lone suggestion faces 'nothing'."""
        suggested = [a for a in self.store.annotations() if a.get("state") == "suggested"]
        everyone = self.annotators()
        found = []
        titles: dict[str, str] = {}
        texts: dict[str, str] = {}
        for group in conflicts(suggested):
            doc_id = str(group[0]["document_id"])
            if doc_id not in texts:
                doc = self.store.get_document(doc_id) or {}
                texts[doc_id] = str(doc.get("text", ""))
                titles[doc_id] = str(doc.get("title") or doc_id)
            rank = {name: n for n, name in enumerate(everyone)}
            options = sorted(
                (_option(a) for a in group),
                key=lambda o: (min(rank.get(n, len(rank)) for n in o.annotators), o.start),
            )
            named = {n for o in options for n in o.annotators}
            silent = tuple(n for n in everyone if n not in named)
            if silent:
                first = options[0]
                options.append(Option(silent, None, "nothing", first.start, first.start, ""))
            start = min(int(a["start"]) for a in group)
            end = max(int(a["end"]) for a in group)
            text = texts[doc_id]
            lo = max(0, text.rfind("\n", 0, start) + 1, start - 120)
            newline = text.find("\n", end)
            hi = min(len(text), end + 120, newline if newline != -1 else len(text))
            found.append(Conflict(doc_id, titles[doc_id], text[lo:hi], lo, tuple(options)))
        return found

    def take(self, conflict: Conflict, index: int) -> str:
        """Accept option `index` (an annotation becomes `ok`; 'nothing' rejects the rest)."""
        chosen = conflict.options[index]
        with self.store.transaction(f"adjudicate: take {', '.join(chosen.annotators)}"):
            for option in conflict.options:
                if option.annotation_id is None:
                    continue
                if option is chosen:
                    self.store.update_annotation(option.annotation_id, state="ok")
                else:
                    self.store.delete_annotation(option.annotation_id)
        return f"took {chosen.label} {chosen.quote!r} ({', '.join(chosen.annotators)})"

    def reject(self, conflict: Conflict) -> str:
        with self.store.transaction("adjudicate: reject all"):
            for option in conflict.options:
                if option.annotation_id is not None:
                    self.store.delete_annotation(option.annotation_id)
        return "rejected every version"

    def undo(self) -> str | None:
        """Undo the last decision; None when the last change was not one (nothing else is undone here)."""
        step = self.store.next_undo()
        if step is None or not str(step.description).startswith("adjudicate"):
            return None
        return self.store.undo()
