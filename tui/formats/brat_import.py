"""brat standoff import: `.ann` + `.txt` pairs (ours or any brat project's) into store records."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tui.documents.discover import files_under
from tui.formats.brat import (
    CLAIM_FLAG,
    CROSS_DOCUMENT,
    CUE_LABEL,
    CUE_RELATION,
    LABELS_FILE,
    MANIFEST,
    VALUE_ATTRIBUTES,
)
from tui.formats.common import Record
from tui.formats.imported import Imported, span_ok

_ATTRIBUTE_KEYS = {name: key for key, name in VALUE_ATTRIBUTES.items()}
_NOTE_KEYS = {
    "AnnotatorNotes": "note",
    "Speaker": "speaker.text",
    "SpeakerEntity": "speaker.entity_id",
    "SpeakerMention": "speaker.annotation_id",
}


def unescape_note(value: str) -> str:
    """Undo tui.formats.brat.escape_note."""
    return _ESCAPE.sub(_unescape, value)


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] == "u" and len(code) == 5:
        return chr(int(code[1:], 16))
    return {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}.get(code, "\\" + code)


def read_brat(
    path: str | Path, *, label_kinds: dict[str, str] | None = None, follow_links: bool = False
) -> Imported:
    """Read one `.ann` file (its `.txt` beside it) or every `.ann` under a directory."""
    path = Path(path)
    root = path if path.is_dir() else path.parent
    imported = Imported()
    ann_files = (
        files_under(path, ".ann", imported.warnings.append, follow_links=follow_links)
        if path.is_dir()
        else [path.with_suffix(".ann")]
    )
    if not ann_files:
        raise ValueError(
            f"{path}: no .ann files found; brat import needs .ann files with .txt beside them"
            " (plain articles are opened with `newsmark PATH`, not imported)"
        )
    manifests: dict[Path, Record] = {}
    renamed: dict[Path, dict[str, str]] = {}
    for ann in ann_files:
        txt = ann.with_suffix(".txt")
        if not txt.is_file() or not ann.is_file():
            imported.warnings.append(f"{ann}: skipped: brat needs both {ann.name} and {txt.name}")
            continue
        if ann.parent not in manifests:
            manifests[ann.parent] = _manifest(ann.parent, imported)
            renamed[ann.parent] = _renamed_labels(ann.parent, imported)
        entry = manifests[ann.parent].get(ann.stem) or {}
        document_id = str(entry.get("id") or txt.relative_to(root).as_posix())
        with txt.open(encoding="utf-8", newline="") as stream:
            text = stream.read()  # brat offsets count a CRLF as two characters
        imported.documents.append(
            {
                "id": document_id,
                "text": text,
                "title": entry.get("title"),
                "metadata": entry.get("metadata") or {},
                "path": str(txt.resolve()),
            }
        )
        _read_ann(
            ann,
            text,
            document_id,
            label_kinds or {},
            imported,
            renamed[ann.parent],
            manifests[ann.parent],
        )
    return imported


def _manifest(directory: Path, imported: Imported) -> Record:
    file = directory / MANIFEST
    if not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (ValueError, OSError) as error:
        imported.warnings.append(f"{file}: ignored ({error}); document ids fall back to file names")
        return {}
    return data if isinstance(data, dict) else {}


def _renamed_labels(directory: Path, imported: Imported) -> dict[str, str]:
    """brat type -> newsmark label for labels the export had to rename (spaces in them)."""
    file = directory / LABELS_FILE
    if not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (ValueError, OSError) as error:
        imported.warnings.append(f"{file}: ignored ({error}); labels keep their brat names")
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and v}


def _read_ann(
    ann: Path,
    text: str,
    document_id: str,
    label_kinds: Record,
    imported: Imported,
    renamed: dict[str, str],
    manifest: Record,
) -> None:
    spans: dict[str, Record] = {}
    attributes: dict[str, Record] = {}
    claims: set[str] = set()
    relations: list[tuple[str, str, str]] = []
    links: dict[str, list[tuple[str, str, str]]] = {}
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{ann}:{number}"
        fields = line.split("\t")
        ident, body = fields[0], (fields[1] if len(fields) > 1 else "")
        words = body.split()
        try:
            if ident.startswith("T"):
                label, offsets = body.split(" ", 1)
                pieces = [tuple(int(n) for n in piece.split()) for piece in offsets.split(";")]
                start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
                if not span_ok(text, start, end):
                    raise ValueError(
                        f"offsets {start}-{end} are outside the {len(text)}-character text"
                    )
                spans[ident] = {"label": renamed.get(label, label), "start": start, "end": end}
            elif ident.startswith("A") or ident.startswith("M"):
                name, target, *value = words
                if name == CLAIM_FLAG:
                    claims.add(target)
                elif name in _ATTRIBUTE_KEYS:
                    attributes.setdefault(target, {})[_ATTRIBUTE_KEYS[name]] = value[0].replace(
                        "_", " "
                    )
                else:
                    attributes.setdefault(target, {})[name] = value[0] if value else True
            elif ident.startswith("R"):
                kind, arg1, arg2 = words[0], words[1].split(":", 1)[1], words[2].split(":", 1)[1]
                relations.append((kind, arg1, arg2))
            elif ident.startswith("N"):
                _, target, reference = words[:3]
                database, _, reference_id = reference.partition(":")
                links.setdefault(target, []).append(
                    (database, reference_id, fields[2] if len(fields) > 2 else "")
                )
            elif ident.startswith("#") and words[:1] == [CROSS_DOCUMENT]:
                kind, stem, other = fields[2].split()
                entry = manifest.get(stem) or {}
                other_document = str(entry.get("id") or f"{stem}.txt")
                imported.relations.append(
                    {
                        "from": f"{document_id}#{words[1]}",
                        "to": f"{other_document}#{other}",
                        "type": kind,
                    }
                )
            elif ident.startswith("#"):
                kind, target = words[:2]
                key = _NOTE_KEYS.get(kind, "note")
                note = unescape_note(fields[2] if len(fields) > 2 else "")
                if key == "speaker.annotation_id":
                    note = f"{document_id}#{note}"
                _set(attributes.setdefault(target, {}), key, note)
            else:
                kind = ident[:1]
                reason = (
                    f"{kind} lines (events, equivalences) are not supported"
                    if kind in ("E", "*")
                    else "not a brat standoff line (T, A, M, R, N, # or E, each id then a tab)"
                )
                imported.warnings.append(f"{where}: skipped: {reason}")
        except (ValueError, IndexError) as error:
            imported.warnings.append(f"{where}: skipped malformed line ({error})")
    _emit(spans, attributes, claims, relations, links, document_id, label_kinds, imported, ann)


def _set(attributes: Record, key: str, value: str) -> None:
    if key.startswith("speaker."):
        attributes.setdefault("speaker", {})[key.split(".", 1)[1]] = value
    else:
        attributes[key] = value


def _emit(
    spans: dict[str, Record],
    attributes: dict[str, Record],
    claims: set[str],
    relations: list[tuple[str, str, str]],
    links: dict[str, list[tuple[str, str, str]]],
    document_id: str,
    label_kinds: dict[str, str],
    imported: Imported,
    ann: Path,
) -> None:
    cues: dict[str, str] = {}
    for kind, arg1, arg2 in relations:
        if (
            kind == CUE_RELATION
            and arg1 in claims
            and spans.get(arg2, {}).get("label") == CUE_LABEL
        ):
            cues[arg2] = arg1
            attributes.setdefault(arg1, {})["cue"] = {
                "start": spans[arg2]["start"],
                "end": spans[arg2]["end"],
            }
    for tid, span in spans.items():
        if tid in cues:
            continue
        attrs = attributes.get(tid, {})
        entity_id = None
        ordered = sorted(links.get(tid, []), key=lambda link: link[0] != "newsmark")
        for database, reference, name in ordered:
            if database == "newsmark":
                entity_id = reference
                imported.entities.append(
                    {
                        "id": reference,
                        "name": name,
                        "type": span["label"],
                        "aliases": [],
                        "external_id": None,
                    }
                )
            elif database.lower() == "wikidata" and entity_id is not None:
                imported.entities[-1]["external_id"] = reference
            elif database.lower() == "wikidata":  # brat's own normalisation: one entity per item
                entity_id = f"wikidata:{reference}"
                imported.entities.append(
                    {
                        "id": entity_id,
                        "name": name or reference,
                        "type": span["label"],
                        "aliases": [],
                        "external_id": reference,
                    }
                )
            else:
                imported.warnings.append(
                    f"{ann}: {tid}: reference {database}:{reference} not kept"
                    " (newsmark keeps newsmark and Wikidata references)"
                )
        imported.annotations.append(
            {
                "id": f"{document_id}#{tid}",
                "document_id": document_id,
                "kind": "claim" if tid in claims else label_kinds.get(span["label"], "entity"),
                "label": span["label"],
                "start": span["start"],
                "end": span["end"],
                "attributes": attrs,
                "entity_id": entity_id,
            }
        )
    for kind, arg1, arg2 in relations:
        if arg2 in cues:
            continue
        if arg1 not in spans or arg2 not in spans:
            imported.warnings.append(
                f"{ann}: skipped relation {kind} {arg1}->{arg2}: an end is not a text span"
            )
            continue
        imported.relations.append(
            {"from": f"{document_id}#{arg1}", "to": f"{document_id}#{arg2}", "type": kind}
        )
