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
