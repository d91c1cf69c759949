"""Shared fixtures: the async backend for Pilot tests and the app factory on a private corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import make_app, seed_copy


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the seed articles."""
    return seed_copy(tmp_path)


@pytest.fixture
def app_factory(tmp_path: Path):
    """Build an app on a temp database and cache: `app_factory(paths=None, **options)`."""

    def build(paths=None, **options):
        return make_app(tmp_path, paths, **options)

    return build


@pytest.fixture
def awkward():
    """The awkward-cases snapshot (tui.formats.sample_awkward) every format reader test uses."""
    from tui.formats.sample_awkward import awkward_snapshot

    return awkward_snapshot()


@pytest.fixture
def awkward_db(tmp_path: Path) -> Path:
    """The awkward-cases snapshot as a real database file (imported through the store)."""
    from tui.formats.into_store import apply_import
    from tui.formats.native import imported_from_tables
    from tui.formats.sample_awkward import awkward_snapshot
    from tui.store import Store

    path = tmp_path / "awkward.json"
    store = Store.open(path, annotator="alice")
    try:
        summary = apply_import(store, imported_from_tables(awkward_snapshot()))
        assert summary.warnings == [], summary.warnings
        assert store.flush(timeout=30)
    finally:
        store.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where a Store test's database goes (a folder that does not exist yet)."""
    return tmp_path / "annotations" / "annotations.json"


@pytest.fixture
def store(db: Path):
    """A writable Store on `db` holding one document, a.txt (store_support.TEXT)."""
    from store_support import TEXT

    from tui.store import Store

    s = Store.open(db, annotator="alice")
    s.upsert_document(
        "a.txt",
        text=TEXT,
        path="/corpus/a.txt",
        raw_sha256="r1",
        cleaner_version="1",
        title="T",
        metadata={},
    )
    yield s
    s.close()
