"""Store errors carry the next step for the user in their message."""

from __future__ import annotations


class StoreError(Exception):
    """Base class so callers can catch every store failure at once."""


class CorruptDatabaseError(StoreError):
    """The file on disk does not parse or validate; it is left exactly as it is."""


class SchemaVersionError(StoreError):
    """The file was written by a newer newsmark whose fields this version would lose."""


class ReadOnlyError(StoreError):
    """Another process holds the write lock, so this store refuses mutations."""


class NotWritableError(StoreError):
    """The database's folder cannot hold the lock and temp files (read-only, no permission)."""


class NotFoundError(StoreError, KeyError):
    """A record id that is not in the database was asked for."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else "not found"


class LockLostError(StoreError):
    """Another process locked the database after our lock file was deleted; we save beside it."""
