"""Exporters and importers over plain record dicts; each format module is imported only when used."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.formats.common import ExportReport
    from tui.formats.imported import Imported


@dataclass(frozen=True)
class ExportFormat:
    """How a format is written: to a byte stream (text formats), one binary file, or a directory."""

    name: str
    target: str  # "stream" | "file" | "directory"
    function: str  # "module:function"
    utf16: bool  # accepts offsets="utf16"
    description: str

    def load(self) -> Callable[..., ExportReport]:
        """Import the exporter on demand (spaCy's is heavy and optional)."""
        module, function = self.function.split(":")
        exporter: Callable[..., ExportReport] = getattr(importlib.import_module(module), function)
        return exporter


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "json",
            "stream",
            "tui.formats.native:export_native",
            False,
            "the whole database, lossless",
        ),
        ExportFormat(
            "jsonl",
            "stream",
            "tui.formats.jsonl:export_jsonl",
            True,
            "newsmark JSONL: text + spans with kinds, links, attributes",
        ),
        ExportFormat(
            "doccano",
            "stream",
            "tui.formats.doccano:export_doccano",
            True,
            "doccano sequence labelling JSONL (label: [[start, end, LABEL]])",
        ),
        ExportFormat(
            "doccano-relations",
            "stream",
            "tui.formats.doccano:export_doccano_relations",
            True,
            "doccano relation extraction JSONL (entities + relations)",
        ),
        ExportFormat(
            "prodigy",
            "stream",
            "tui.formats.doccano:export_prodigy",
            True,
            "Prodigy JSONL (spans: start, end, label)",
        ),
        ExportFormat(
            "spacy", "file", "tui.formats.spacy_docbin:export_spacy", False, "spaCy DocBin (.spacy)"
        ),
        ExportFormat(
            "w3c",
            "stream",
            "tui.formats.w3c:export_w3c",
            False,
            "W3C Web Annotation JSON-LD (code points)",
        ),
        ExportFormat(
            "brat", "directory", "tui.formats.brat:export_brat", False, "brat standoff .txt/.ann"
        ),
        ExportFormat(
            "label-studio",
            "directory",
            "tui.formats.label_studio:export_label_studio",
            False,
            "Label Studio tasks.json + labeling-config.xml",
        ),
        ExportFormat(
            "xmi",
            "directory",
            "tui.formats.xmi:export_xmi",
            False,
            "INCEpTION/WebAnno UIMA CAS XMI + TypeSystem.xml",
        ),
        ExportFormat(
            "csv",
            "stream",
            "tui.formats.table:export_csv",
            False,
            "one row per annotation, for pandas/polars/DuckDB",
        ),
        ExportFormat(
            "parquet",
            "file",
            "tui.formats.table:export_parquet",
            False,
            "the csv table as Parquet (needs pyarrow: newsmark[parquet])",
        ),
        ExportFormat(
            "claims-csv",
            "stream",
            "tui.formats.claims_table:export_claims_csv",
            False,
            "one row per claim with speaker, outlet, cluster and relations",
        ),
        ExportFormat(
            "claims-parquet",
            "file",
            "tui.formats.claims_table:export_claims_parquet",
            False,
            "the claims table as Parquet (needs pyarrow: newsmark[parquet])",
        ),
        ExportFormat(
            "conll",
            "stream",
            "tui.formats.conll:export_conll",
            False,
            "CoNLL-2003 BIO, flat entities",
        ),
    )
}

# Import readers: name -> "module:function"; each returns tui.formats.imported.Imported.
IMPORT_FORMATS: dict[str, str] = {
    "jsonl": "tui.formats.jsonl:read_jsonl",
    "doccano": "tui.formats.jsonl:read_jsonl",
    "prodigy": "tui.formats.jsonl:read_jsonl",
    "brat": "tui.formats.brat_import:read_brat",
    "json": "tui.formats.native:read_native",
    "label-studio": "tui.formats.label_studio_import:read_label_studio",
    "xmi": "tui.formats.xmi_import:read_xmi",
}


def load_reader(name: str) -> Callable[..., Imported]:
    """The reader function for an import format name."""
    module, function = IMPORT_FORMATS[name].split(":")
    reader: Callable[..., Imported] = getattr(importlib.import_module(module), function)
    return reader
