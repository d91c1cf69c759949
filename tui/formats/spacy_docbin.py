"""spaCy `.spacy` DocBin: entities in `doc.ents`, every span in `doc.spans`, the rest in user_data."""

from __future__ import annotations

from typing import Any, BinaryIO

from tui.formats.common import (
    ExportReport,
    Record,
    Snapshot,
    count_raw_offsets,
    iter_documents,
    relations_within,
)

INSTALL_HINT = "spaCy is not installed: pip install 'newsmark[spacy]'"
SPANS_KEY = "sc"  # spaCy's default SpanCategorizer key
CLAIMS_KEY = "claims"
# What spacy.blank tokens carry besides ORTH and SPACY (which DocBin always keeps). The default
# also stores TAG, HEAD, DEP, LEMMA, MORPH and POS, all empty here: for 2,138 articles (2.1M
# tokens) they took the peak memory of to_bytes from 551 MB to 1,261 MB and the file from 11 to 17 MB.
TOKEN_ATTRS = ["ENT_IOB", "ENT_TYPE", "ENT_KB_ID"]


class SpacyMissing(RuntimeError):
    """spaCy is an optional extra; the message says how to install it."""


def _spacy() -> tuple[Any, Any]:
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise SpacyMissing(INSTALL_HINT) from None
    return spacy, DocBin


def export_spacy(snapshot: Snapshot, out: BinaryIO, *, language: str = "en") -> ExportReport:
    """Tokenise with `spacy.blank(language)` (no model) and attach spans with strict alignment."""
    spacy, DocBin = _spacy()
    nlp = spacy.blank(language)
    report = ExportReport("spacy")
    docbin = DocBin(attrs=TOKEN_ATTRS, store_user_data=True)
    document_of = {a.get("id"): a.get("document_id") for a in snapshot.get("annotations", [])}
    relations_of: dict[str | None, list[Record]] = {}
    for relation in snapshot.get("relations", []):
        relations_of.setdefault(document_of.get(relation.get("from")), []).append(relation)
    for document, doc_annotations in iter_documents(snapshot, report):
        doc = nlp.make_doc(document.get("text") or "")
        entities, claims, all_spans, records = [], [], [], []
        last_entity_end = -1
        for annotation in doc_annotations:
            span = doc.char_span(
                annotation["start"],
                annotation["end"],
                label=annotation.get("label") or "",
                alignment_mode="strict",
            )
            if span is None:
                report.lost(
                    "spans not on spaCy token boundaries (misaligned with spacy.blank tokens)"
                )
                continue
            all_spans.append(span)
            records.append(_span_record(annotation))
            if annotation.get("kind") == "claim":
                claims.append(span)
            elif span.start >= last_entity_end:
                entities.append(span)
                last_entity_end = span.end
            else:
                report.lost(
                    "overlapping entity mentions left out of doc.ents (still in doc.spans['sc'])"
                )
        doc.ents = entities
        doc.spans[SPANS_KEY] = all_spans
        doc.spans[CLAIMS_KEY] = claims
        exported = {record["id"] for record in records}
        relations, _ = relations_within(
            {"relations": relations_of.get(document["id"], [])}, exported
        )
        doc.user_data["newsmark"] = {
            "document": {key: document.get(key) for key in ("id", "title", "metadata", "path")},
            "annotations": records,  # parallel to doc.spans["sc"]
            "relations": relations,  # between spans of this document
        }
        report.annotations += len(records)
        report.relations += len(relations)
        docbin.add(doc)
    report.lost(
        "relations whose ends were not both exported in one document",
        len(snapshot.get("relations", [])) - report.relations,
    )
    report.lost(
        "entity registry records (spans keep entity_id in user_data)",
        len(snapshot.get("entities", [])),
    )
    count_raw_offsets(snapshot, report)
    out.write(docbin.to_bytes())
    return report


def _span_record(annotation: Record) -> Record:
    keys = (
        "id",
        "kind",
        "label",
        "start",
        "end",
        "entity_id",
        "attributes",
        "annotator",
        "created",
        "updated",
    )
    return {key: annotation.get(key) for key in keys}
