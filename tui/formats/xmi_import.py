"""UIMA CAS XMI import (INCEpTION/WebAnno exports, or ours) through dkpro-cassis."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from tui.documents.discover import files_under
from tui.formats.common import progress
from tui.formats.imported import Imported, span_ok
from tui.formats.xmi import (
    CLAIM,
    CLAIM_FEATURES,
    DOCUMENT,
    ENTITY_PREFIX,
    NAMED_ENTITY,
    RELATION,
    TYPESYSTEM_FILE,
    _cassis,
    typesystem,
)

Record = dict[str, Any]
DKPRO_METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"


def read_xmi(
    path: str | Path, *, label_kinds: dict[str, str] | None = None, follow_links: bool = False
) -> Imported:
    """Read one .xmi or every .xmi under a folder, with the TypeSystem.xml beside them."""
    path = Path(path)
    if path.suffix.lower() == ".zip":  # INCEpTION's document export: .xmi + TypeSystem.xml
        with tempfile.TemporaryDirectory() as temporary:
            try:
                with zipfile.ZipFile(path) as archive:
                    _extract(archive, Path(temporary))
            except zipfile.BadZipFile as error:
                raise ValueError(f"{path}: not a zip file ({error})") from None
            imported = read_xmi(temporary, label_kinds=label_kinds)
        for document in imported.documents:
            document["path"] = str(path.resolve())
        return imported
    cassis = _cassis()
    imported = Imported()
    files = (
        files_under(path, ".xmi", imported.warnings.append, follow_links=follow_links)
        if path.is_dir()
        else [path]
    )
    if not files:
        raise ValueError(f"{path}: no .xmi files found; export XMI from INCEpTION (UIMA CAS XMI)")
    systems: dict[Path, Any] = {}
    for file in progress(files, "reading XMI", len(files)):
        folder = file.parent
        if folder not in systems:
            systems[folder] = _typesystem(cassis, folder, imported)
        try:
            with file.open("rb") as stream:
                cas = cassis.load_cas_from_xmi(stream, typesystem=systems[folder], lenient=True)
        except Exception as error:  # cassis raises many kinds on a bad file  # noqa: BLE001
            imported.warnings.append(f"{file}: skipped: not a readable CAS XMI ({error})")
            continue
        _read_cas(cas, file, label_kinds or {}, imported)
    return imported


def _extract(archive: zipfile.ZipFile, folder: Path) -> None:
    """Extract only .xmi and TypeSystem.xml members, each by its base name (no path tricks)."""
    for member in archive.infolist():
        name = Path(member.filename).name
        if member.is_dir() or not (name.endswith(".xmi") or name == TYPESYSTEM_FILE):
            continue
        (folder / name).write_bytes(archive.read(member))


def _typesystem(cassis: Any, folder: Path, imported: Imported) -> Any:
    """The folder's TypeSystem.xml merged with ours (so our layers are known either way)."""
    ours = typesystem()
    file = folder / TYPESYSTEM_FILE
    if not file.is_file():
        return ours
    try:
        with file.open("rb") as stream:
            theirs = cassis.load_typesystem(stream)
        return cassis.merge_typesystems(theirs, ours)
    except Exception as error:  # noqa: BLE001
        imported.warnings.append(f"{file}: ignored ({error}); reading with the DKPro types")
        return ours


def _select(cas: Any, type_name: str) -> list[Any]:
    try:
        return list(cas.select(type_name))
    except Exception:  # the type is not in this CAS's type system  # noqa: BLE001
        return []


def _read_cas(cas: Any, file: Path, label_kinds: dict[str, str], imported: Imported) -> None:
    text = cas.sofa_string or ""
    document_id, title, metadata = file.stem, None, {}
    for info in _select(cas, DKPRO_METADATA):  # INCEpTION's own files carry this
        document_id = info.get("documentId") or info.get("documentTitle") or document_id
        title = info.get("documentTitle")
    for info in _select(cas, DOCUMENT):
        document_id = info.documentId or document_id
        title = info.title
        metadata = json.loads(info.metadata or "{}")
        chars = list(text)
        for offset, code in json.loads(info.replaced or "[]"):
            if 0 <= offset < len(chars) and chars[offset] == "\ufffd":
                chars[offset] = chr(code)
        text = "".join(chars)
    imported.documents.append(
        {
            "id": document_id,
            "text": text,
            "title": title,
            "metadata": metadata,
            "path": str(file.resolve()),
        }
    )
    local: dict[int, str] = {}
    for fs in _select(cas, NAMED_ENTITY):
        label = fs.value or "ENTITY"
        identifier = fs.identifier or ""
        entity_id = (
            identifier[len(ENTITY_PREFIX) :] if identifier.startswith(ENTITY_PREFIX) else None
        )
        _add(
            imported,
            local,
            fs,
            document_id,
            text,
            label_kinds.get(label, "entity"),
            label,
            {},
            entity_id,
            file,
        )
    for fs in _select(cas, CLAIM):
        attributes: Record = {}
        for feature, key in CLAIM_FEATURES.items():
            value = fs.get(feature)
            if value is None or key == "label":
                continue
            if key.startswith("speaker."):
                attributes.setdefault("speaker", {})[key.split(".", 1)[1]] = value
            else:
                attributes[key] = value
        if fs.get("cueBegin") is not None and fs.get("cueEnd") is not None:
            attributes["cue"] = {"start": fs.cueBegin, "end": fs.cueEnd}
        _add(
            imported,
            local,
            fs,
            document_id,
            text,
            "claim",
            fs.label or "CLAIM",
            attributes,
            None,
            file,
        )
    for fs in _select(cas, RELATION):
        ends = (local.get(id(fs.Governor)), local.get(id(fs.Dependent)))
        if None in ends:
            imported.warnings.append(
                f"{file}: skipped a relation whose ends are not entity or claim spans"
            )
            continue
        imported.relations.append({"from": ends[0], "to": ends[1], "type": fs.label or "related"})


def _add(
    imported: Imported,
    local: dict[int, str],
    fs: Any,
    document_id: str,
    text: str,
    kind: str,
    label: str,
    attributes: Record,
    entity_id: str | None,
    file: Path,
) -> None:
    if not span_ok(text, fs.begin, fs.end):
        imported.warnings.append(f"{file}: skipped a span at {fs.begin}-{fs.end}: outside the text")
        return
    local[id(fs)] = annotation_id = f"{document_id}#xmi{fs.xmiID}"
    imported.annotations.append(
        {
            "id": annotation_id,
            "document_id": document_id,
            "kind": kind,
            "label": label,
            "start": fs.begin,
            "end": fs.end,
            "attributes": attributes,
            "entity_id": entity_id,
        }
    )
