"""Shared by the Store tests: one short article and a reader of the saved file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

TEXT = "Beijing backs the Blockchain-based Service Network, Mr Zhang said on Monday."


def on_disk(db: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(db.read_bytes())
    return data
