"""Opening a database read-only for a command: never its write lock, one clear line on failure."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from tui.store import Store, StoreError


@contextmanager
def open_read_only(path: Path, missing: str, missing_code: int = 2) -> Iterator[Store]:
    """The store at `path`, read-only; `missing` (exit `missing_code`) when there is no file."""
    if not path.exists():  # a folder or FIFO is named as such by Store.open below
        click.echo(missing, err=True)
        sys.exit(missing_code)
    try:
        store = Store.open(path, read_only=True)
    except StoreError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    try:
        yield store
    finally:
        store.close()


def read_snapshot(
    path: Path, missing: str, missing_code: int = 2
) -> dict[str, list[dict[str, Any]]]:
    """Every table of the database at `path` as lists of records, read-only."""
    with open_read_only(path, missing, missing_code) as store:
        return store.snapshot()
