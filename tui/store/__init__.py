"""The annotation database: TinyDB file, atomic saves, one writer, anchoring, undo/redo.

Headless: importable without Textual. See docs/ARCHITECTURE.md (tui.store) and
annotations/README.md for the file format.
"""

from tui.store.errors import (
    CorruptDatabaseError,
    NotFoundError,
    NotWritableError,
    ReadOnlyError,
    SchemaVersionError,
    StoreError,
)
from tui.store.paths import default_db_path
from tui.store.records import SCHEMA_VERSION
from tui.store.storage import AtomicStorage
from tui.store.store import Store

__all__ = [
    "AtomicStorage",
    "CorruptDatabaseError",
    "NotFoundError",
    "NotWritableError",
    "ReadOnlyError",
    "SCHEMA_VERSION",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "default_db_path",
]
