"""doccano's JSONL import pipeline, replicated for the tests (doccano is not installable here).

Follows doccano/doccano backend/data_import/pipeline (the 1.8 line):
- parsers.py `JSONLParser`/`LineReader`: `for line in open(file)`, `line.rstrip()`, `json.loads`;
  a line that does not parse is an error, the row is `{LINE_NUMBER_COLUMN: n, **row}`.
- builders.py `ColumnBuilder.build`: the data column (`text`) must exist and be non-empty; each
  label column is `[labels] if str/int else labels`, parsed with the label class; a column that
  is missing or does not validate is only logged (KeyError/ValidationError/TypeError) -- which is
  how a file with `spans` imports "0 labels and no error"; every other key becomes `meta`.
- label.py `SpanLabel`: `[start_offset, end_offset, label]` lists or dicts; label non-empty,
  offsets non-negative ints, start < end. `RelationLabel`: int `from_id`/`to_id`, non-empty `type`.
- labels.py `Spans.clean`: unless the project allows overlapping, per example keep spans sorted
  by start whose start >= the last kept end.
- datasets.py: sequence labelling reads column `label` (`column_label`), relation extraction
  reads `entities` and `relations`; `Relations.save` maps from_id/to_id through the span ids.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DoccanoExample:
    text: str
    spans: list[tuple[int, int, str]]
    relations: list[tuple[int, int, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class DoccanoImport:
    examples: list[DoccanoExample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class _Invalid(Exception):
    pass


def _span(obj: Any) -> tuple[int, int, str, int]:
    if isinstance(obj, (list, tuple)):
        values = dict(zip(["start_offset", "end_offset", "label"], obj, strict=False))
    elif isinstance(obj, dict):
        values = dict(obj)
    else:
        raise _Invalid("SpanLabel.parse()")
    label, start, end = values.get("label"), values.get("start_offset"), values.get("end_offset")
    if not isinstance(label, str) or not label:
        raise _Invalid("label")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start and 0 <= end):
        raise _Invalid("offsets")
    if start >= end:
        raise _Invalid("start_offset must be less than end_offset.")
    span_id = values.get("id", -1)
    if not isinstance(span_id, int):
        raise _Invalid("id")
    return start, end, label, span_id


def _relation(obj: Any) -> tuple[int, int, str]:
    if not isinstance(obj, dict):
        raise _Invalid("relation")
    if not isinstance(obj.get("from_id"), int) or not isinstance(obj.get("to_id"), int):
        raise _Invalid("ids")
    if not isinstance(obj.get("type"), str) or not obj["type"]:
        raise _Invalid("type")
    return obj["from_id"], obj["to_id"], obj["type"]


def _labels(row: dict[str, Any], column: str, parse: Any) -> list[Any]:
    labels = row[column]  # KeyError when the column is missing: logged, not reported
    labels = [labels] if isinstance(labels, (str, int)) else labels
    return [parse(label) for label in labels]


def _clean(spans: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    kept, last = [], -1
    for span in sorted(spans, key=lambda s: s[0]):
        if span[0] >= last:
            last = span[1]
            kept.append(span)
    return kept


def doccano_import(
    content: str, *, relation_mode: bool = False, allow_overlapping: bool = False
) -> DoccanoImport:
    """Import a JSONL file's content as a doccano project of the given type would."""
    result = DoccanoImport()
    for number, line in enumerate(io.StringIO(content, newline=None), start=1):  # like open()
        line = line.rstrip()
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            result.errors.append(f"line {number}: {error}")
            continue
        if not isinstance(row.get("text"), str) or not row["text"]:
            result.errors.append(f"line {number}: text field does not exist or is empty")
            continue
        text = row.pop("text")
        spans: list[tuple[int, int, str, int]] = []
        relations: list[tuple[int, int, str]] = []
        columns = ("entities", "relations") if relation_mode else ("label",)
        for column in columns:
            try:
                if column == "relations":
                    relations = _labels(row, column, _relation)
                else:
                    spans = _labels(row, column, _span)
                row.pop(column)
            except (KeyError, TypeError, _Invalid):
                pass  # doccano logs these and imports the example without its labels
        if not allow_overlapping:
            spans = _clean(spans)
        ids = {span[3] for span in spans}
        relations = [r for r in relations if r[0] in ids and r[1] in ids]
        result.examples.append(
            DoccanoExample(text, [(s, e, label) for s, e, label, _ in spans], relations, row)
        )
    return result
