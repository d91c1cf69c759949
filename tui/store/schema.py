"""The JSON Schema of the database file, shipped in the package (annotations/schema.json is a copy)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        resources.files("tui.store").joinpath("schema.json").read_text("utf-8")
    )
    return loaded


@lru_cache(maxsize=1)
def _fast_validator() -> Callable[[Any], Any]:
    """fastjsonschema compiles the schema to Python: ~20x faster than jsonschema at 100k records."""
    import fastjsonschema

    return fastjsonschema.compile(schema())


def schema_errors(data: Any, limit: int = 20) -> Iterator[str]:
    """Human-readable schema violations, at most `limit`.

    A fast compiled pass first; only a file that fails it pays for jsonschema, which lists
    every violation with its path rather than stopping at the first.
    """
    import fastjsonschema

    nesting = nesting_problem(data)
    if nesting is not None:
        yield nesting
        return  # jsonschema would recurse as deep and fail the same way
    try:
        _fast_validator()(data)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    for n, error in enumerate(validator.iter_errors(data)):
        if n >= limit:
            yield f"... more schema errors not shown (first {limit} listed)"
            return
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        yield f"{where}: {error.message[:200]}"


# Checked on open by hand: the compiled schema takes ~2 s at 100k annotations, and an unknown
# enum value or a missing optional field is displayed, not a crash. `check` validates everything.
# (field, allowed types, required); annotations' own fields are checked while they are indexed.
_Field = tuple[str, tuple[type, ...], bool]
_OPEN_TYPES: dict[str, tuple[_Field, ...]] = {
    "meta": (("id", (str,), True), ("schema_version", (int,), True), ("state", (dict,), False)),
    "labels": (("id", (str,), True), ("name", (str,), True), ("kind", (str,), True)),
    "documents": (
        ("id", (str,), True),
        ("text", (str,), True),
        ("overrides", (dict,), True),
        ("metadata", (dict,), False),
    ),
    "entities": (
        ("id", (str,), True),
        ("name", (str,), True),
        ("type", (str,), True),
        ("aliases", (list,), True),
    ),
    "relations": (
        ("id", (str,), True),
        ("from", (str,), True),
        ("to", (str,), True),
        ("type", (str,), True),
    ),
    "sessions": (("id", (str,), True),),
}
_TYPE_NAMES = {str: "a string", int: "an integer", dict: "an object", list: "an array"}


def open_problem(data: dict[str, Any], newest_version: int, *, encode: bool = True) -> str | None:
    """Why a parsed file cannot be opened safely, in a few words, or None; fast at 100k records.

    Catches what would otherwise open and then fail every save (nesting deeper than the encoder
    takes: ~90 ms at 100k annotations) and fields of the wrong type (a few ms). A file from a
    newer newsmark is left to the version check, which says to upgrade. `encode=False` skips
    the nesting test for a caller that encodes the records itself (the Store, segment by segment).
    """
    table = data.get("meta")
    meta = next(iter(table.values()), None) if isinstance(table, dict) else None
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if isinstance(version, int) and version > newest_version:
        return None
    unsavable = _unsavable(data) if encode else None
    if unsavable is not None:
        return unsavable
    for table, fields in _OPEN_TYPES.items():
        rows = data.get(table) or {}
        if type(rows) is not dict:
            return f"has a {table!r} table that is not an object"
        for key, record in rows.items():
            if type(record) is not dict:
                return f"has {table}/{key} that is not an object"
            for name, kinds, required in fields:
                value = record.get(name)
                if type(value) not in kinds and (required or value is not None):
                    wanted = " or ".join(_TYPE_NAMES[kind] for kind in kinds)
                    return f"has {table}/{key} whose {name!r} is not {wanted}"
    return None


def _unsavable(data: Any) -> str | None:
    """A value the encoder refuses (nesting too deep), which the schema cannot express.

    Encoded 2,000 records at a time: small buffers make it ~2x faster than one 70 MB dump.
    """
    import orjson

    try:
        if not isinstance(data, dict):
            orjson.dumps(data)
            return None
        for table in data.values():
            if not isinstance(table, dict):
                orjson.dumps(table)
                continue
            rows = list(table.values())
            for start in range(0, len(rows), 2000):
                orjson.dumps(rows[start : start + 2000])
    except orjson.JSONEncodeError as error:
        return unsavable_message(error)
    return None


def unsavable_message(error: Exception) -> str:
    return f"holds a value newsmark could not save ({error}: nesting deeper than 254 levels?)"


def nesting_problem(data: Any) -> str | None:
    """`check`'s wording of `_unsavable`."""
    problem = _unsavable(data)
    return None if problem is None else f"(top level): {problem}"
