"""brat standoff export: a `.txt` and an `.ann` per document, plus annotation.conf and a manifest."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypedDict

from tui.formats.common import (
    ExportReport,
    Record,
    Snapshot,
    count_raw_offsets,
    iter_documents,
    relations_within,
)

MANIFEST = "newsmark-documents.json"
CLAIM_FLAG = "Claim"
CUE_LABEL = "Cue"
CUE_RELATION = "cue"
# Claim attributes written as brat multi-valued attributes (values may not contain spaces).
VALUE_ATTRIBUTES = {"type": "ClaimType", "stance": "Stance"}


LABELS_FILE = "newsmark-labels.json"
CROSS_DOCUMENT = "CrossDocumentRelation"  # a `#` note: `<type> <other file stem> <its T id>`
# brat's normalization config: the N lines' database names, so brat can show and link them.
TOOLS_CONF = """[normalization]
newsmark\t<URL>:urn:newsmark:registry, <URLBASE>:urn:newsmark:entity:%s
Wikidata\t<URL>:http://www.wikidata.org/, <URLBASE>:http://www.wikidata.org/wiki/%s
"""
# brat reads .ann files with codecs' readline, which breaks lines where str.splitlines() does.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_NOT_LINE_BREAK = re.compile(f"[^{LINE_BREAKS}]+")


class Used(TypedDict):
    """Types, attributes (with values) and relations an export used, for annotation.conf."""

    entities: set[str]
    attributes: dict[str, set[str]]
    relations: set[str]


def brat_name(value: str) -> str:
    """brat type, attribute and value names may not contain whitespace or its separators."""
    return re.sub(r"[\s:;=,|]+", "_", value.strip()) or "_"


def escape_note(value: str) -> str:
    """Notes are single-line in .ann files: backslash-escape every character brat splits lines at."""
    value = value.replace("\\", "\\\\").replace("\t", "\\t")
    return _LINE_BREAK.sub(_escape_break, value)


def _escape_break(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r"}.get(char, f"\\u{ord(char):04x}")


def file_stem(document_id: str, taken: set[str]) -> str:
    """A safe, unique file name for a document id such as `seeds/a.txt` or `feed.jsonl#7`."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", document_id).strip("._") or "document"
    candidate, number = stem, 2
    while candidate.lower() in taken:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate.lower())
    return candidate


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """brat spans may not cross a line break (any str.splitlines() break): one fragment per line."""
    pieces = []
    for match in _NOT_LINE_BREAK.finditer(text[start:end]):
        piece_start, piece_end = start + match.start(), start + match.end()
        pieces.append((piece_start, piece_end))
    return pieces or [(start, end)]


def export_brat(snapshot: Snapshot, directory: str | Path) -> ExportReport:
    """Write T (spans), A (claim flag and attributes), R (relations, cues), N (entity links), # (notes)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    previous = _previous_stems(directory)
    report = ExportReport("brat")
    entities = {entity["id"]: entity for entity in snapshot.get("entities", []) if "id" in entity}
    taken: set[str] = set()
    manifest: dict[str, Record] = {}
    span_ids: dict[str, tuple[str, str]] = {}  # annotation id -> (file stem, T id)
    per_document: dict[str, list[str]] = {}
    all_counters: dict[str, dict[str, int]] = {}
    used: Used = {"entities": set(), "attributes": {}, "relations": set()}
    placed = [a for a in snapshot.get("annotations", []) if a.get("state", "ok") == "ok"]
    names = label_names(a.get("label") or "" for a in placed)
    for original, name in names.items():
        if name != original:
            count = sum(1 for a in placed if a.get("label") == original)
            report.change(
                f"annotations labelled {original!r} written as {name!r} (brat types have no spaces;"
                f" {LABELS_FILE} maps them back on `newsmark import`)",
                count,
            )
    for document, doc_annotations in iter_documents(snapshot, report):
        text = document.get("text") or ""
        stem = file_stem(document["id"], taken)
        manifest[stem] = {
            "id": document["id"],
            "title": document.get("title"),
            "metadata": document.get("metadata") or {},
            "path": document.get("path"),
        }
        lines = per_document.setdefault(stem, [])
        counters = all_counters[stem] = {"T": 0, "A": 0, "R": 0, "N": 0, "#": 0}

        def next_id(prefix: str, counters: dict[str, int] = counters) -> str:
            counters[prefix] += 1
            return f"{prefix}{counters[prefix]}"

        for annotation in doc_annotations:
            label = names[annotation.get("label") or ""]
            tid = _span_line(
                lines, next_id("T"), label, text, annotation["start"], annotation["end"]
            )
            used["entities"].add(label)
            span_ids[annotation["id"]] = (stem, tid)
            entity = entities.get(annotation.get("entity_id"))
            if annotation.get("entity_id"):
                name = (entity or {}).get("name") or ""
                lines.append(
                    f"{next_id('N')}\tReference {tid} newsmark:{annotation['entity_id']}\t{escape_note(name)}"
                )
                if entity and entity.get("external_id"):
                    lines.append(
                        f"{next_id('N')}\tReference {tid} Wikidata:{entity['external_id']}\t{escape_note(name)}"
                    )
            if annotation.get("kind") == "claim":
                _claim_lines(
                    lines, next_id, tid, text, annotation.get("attributes") or {}, used, report
                )
        report.annotations += len(doc_annotations)
        (directory / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
    relations, missing = relations_within(snapshot, set(span_ids))
    report.lost(
        "relations with an end that is not an exported span (orphan, suggestion or registry entity)",
        missing,
    )
    for relation in relations:
        (from_stem, from_t), (to_stem, to_t) = span_ids[relation["from"]], span_ids[relation["to"]]
        if from_stem != to_stem:
            all_counters[from_stem]["#"] += 1
            kind = brat_name(relation.get("type") or "related")
            per_document[from_stem].append(
                f"#{all_counters[from_stem]['#']}\t{CROSS_DOCUMENT} {from_t}\t{kind} {to_stem} {to_t}"
            )
            report.relations += 1
            report.change(
                f"relations across documents written as {CROSS_DOCUMENT} notes (brat relations"
                " stay in one file; newsmark import restores them)"
            )
            continue
        all_counters[from_stem]["R"] += 1
        kind = brat_name(relation.get("type") or "related")
        used["relations"].add(kind)
        per_document[from_stem].append(
            f"R{all_counters[from_stem]['R']}\t{kind} Arg1:{from_t} Arg2:{to_t}"
        )
        report.relations += 1
    for annotation in snapshot.get("annotations", []):
        speaker = (annotation.get("attributes") or {}).get("speaker")
        mention = speaker.get("annotation_id") if isinstance(speaker, dict) else None
        if annotation.get("id") in span_ids and mention:
            (stem, tid), target = span_ids[annotation["id"]], span_ids.get(mention)
            if target is None or target[0] != stem:
                report.lost("claim speakers' mentions that were not exported with the claim")
                continue
            all_counters[stem]["#"] += 1
            per_document[stem].append(
                f"#{all_counters[stem]['#']}\tSpeakerMention {tid}\t{target[1]}"
            )
    for stem, lines in per_document.items():
        (directory / f"{stem}.ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8"
        )
    registry_only = len(entities)
    report.lost(
        "entity registry records (types, aliases; linked mentions keep id and name)", registry_only
    )
    for stem in previous - set(manifest):  # documents gone since the last export into this folder
        for suffix in (".txt", ".ann"):
            (directory / f"{stem}{suffix}").unlink(missing_ok=True)
    (directory / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (directory / "annotation.conf").write_text(_conf(used), encoding="utf-8")
    (directory / "tools.conf").write_text(TOOLS_CONF, encoding="utf-8")
    renamed = {name: original for original, name in names.items() if name != original}
    (directory / LABELS_FILE).write_text(
        json.dumps(renamed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    count_raw_offsets(snapshot, report)
    report.lost("annotation ids, annotators and times", report.annotations)
    return report


def label_names(labels: Iterable[str]) -> dict[str, str]:
    """newsmark label -> a brat type name, unique even when two labels differ only in spaces."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for label in sorted(set(labels)):
        name = base = brat_name(label)
        number = 2
        while name in taken:
            name, number = f"{base}_{number}", number + 1
        names[label] = name
        taken.add(name)
    return names


def _previous_stems(directory: Path) -> set[str]:
    """File stems a previous export wrote here (from its manifest); other files are left alone."""
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return (
        {
            stem
            for stem in data
            if isinstance(stem, str) and "/" not in stem and stem not in ("", ".", "..")
        }
        if isinstance(data, dict)
        else set()
    )


def _span_line(lines: list[str], tid: str, label: str, text: str, start: int, end: int) -> str:
    pieces = fragments(text, start, end)
    offsets = ";".join(f"{s} {e}" for s, e in pieces)
    covered = _LINE_BREAK.sub(" ", " ".join(text[s:e] for s, e in pieces))
    lines.append(f"{tid}\t{label} {offsets}\t{covered}")
    return tid


def _claim_lines(
    lines: list[str],
    next_id: Callable[[str], str],
    tid: str,
    text: str,
    attributes: Record,
    used: Used,
    report: ExportReport,
) -> None:
    lines.append(f"{next_id('A')}\t{CLAIM_FLAG} {tid}")
    used["attributes"].setdefault(CLAIM_FLAG, set())
    for key, name in VALUE_ATTRIBUTES.items():
        if attributes.get(key):
            value = brat_name(str(attributes[key]))
            lines.append(f"{next_id('A')}\t{name} {tid} {value}")
            used["attributes"].setdefault(name, set()).add(value)
    cue = attributes.get("cue") or {}
    if (
        isinstance(cue.get("start"), int)
        and isinstance(cue.get("end"), int)
        and 0 <= cue["start"] < cue["end"] <= len(text)
    ):
        cue_id = _span_line(lines, next_id("T"), CUE_LABEL, text, cue["start"], cue["end"])
        lines.append(f"{next_id('R')}\t{CUE_RELATION} Arg1:{tid} Arg2:{cue_id}")
        used["entities"].add(CUE_LABEL)
        used["relations"].add(CUE_RELATION)
    elif cue:
        report.lost("claim cues outside their document's text")
    speaker = attributes.get("speaker") or {}
    if speaker.get("text"):
        lines.append(f"{next_id('#')}\tSpeaker {tid}\t{escape_note(str(speaker['text']))}")
    if speaker.get("entity_id"):
        lines.append(
            f"{next_id('#')}\tSpeakerEntity {tid}\t{escape_note(str(speaker['entity_id']))}"
        )
    if attributes.get("note"):
        lines.append(
            f"{next_id('#')}\tAnnotatorNotes {tid}\t{escape_note(str(attributes['note']))}"
        )
    known = {"type", "stance", "cue", "speaker", "note"}
    extra = [
        key for key, value in attributes.items() if key not in known and value not in (None, "", {})
    ]
    report.lost("claim attributes with no brat field", len(extra))


def _conf(used: Used) -> str:
    """The annotation.conf brat needs to display the files (types seen in this export)."""
    entity_types = sorted(used["entities"])
    lines = ["[entities]", *entity_types, "", "[relations]"]
    for kind in sorted(used["relations"]):
        lines.append(f"{kind}\tArg1:<ENTITY>, Arg2:<ENTITY>")
    lines += [
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    for name, values in sorted(used["attributes"].items()):
        spec = f"{name}\tArg:<ENTITY>"
        if values:
            spec += ", Value:" + "|".join(sorted(values))
        lines.append(spec)
    return "\n".join(lines) + "\n"
