"""The JSON Schema of the database file, shipped in the package (annotations/schema.json is a copy)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("tui.store").joinpath("schema.json").read_text("utf-8"))


def schema_errors(data: Any, limit: int = 20) -> Iterator[str]:
    """Human-readable schema violations, at most `limit` (jsonschema is imported only when checking)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    for n, error in enumerate(validator.iter_errors(data)):
        if n >= limit:
            yield f"... more schema errors not shown (first {limit} listed)"
            return
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        yield f"{where}: {error.message[:200]}"
