"""Everything newsmark creates next to a database takes the database's mode (issue 9, item 6)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tui.store import Store
from tui.store.check import repair
from tui.workspace.session import Session

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


def _everything_beside(db: Path) -> dict[str, int]:
    """Mode of every file and folder newsmark made in the database's folder (the corpus aside)."""
    found = {}
    for path in db.parent.rglob("*"):
        if "corpus" in path.relative_to(db.parent).parts:
            continue
        found[str(path.relative_to(db.parent))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def _work_session(tmp_path: Path, db_mode: int, monkeypatch) -> Path:
    """Create, annotate, back up, index a corpus, damage and repair: every kind of file made."""
    monkeypatch.setattr("tui.store.database_file.BACKUP_EVERY", 0.0)
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    db = tmp_path / "data" / "annotations.json"
    db.parent.mkdir()
    with Store.open(db, annotator="t") as store:
        store.upsert_document("d", text="Ann Lee said so.")
    db.chmod(db_mode)
    session = Session.open(db, annotator="t")
    list(session.index([str(corpus)], db.parent / ".cache"))
    session.store.add_annotation("d", "entity", "PERSON", 0, 7)
    session.store.flush(timeout=10)
    session.close()
    db.with_name("x").write_bytes(b"{broken")
    db.with_name("x").replace(db)
    db.chmod(db_mode)
    assert "restored" in repair(db)
    return db


def test_a_private_database_keeps_everything_private(tmp_path, monkeypatch, umask_000):
    db = _work_session(tmp_path, 0o600, monkeypatch)
    modes = _everything_beside(db)
    assert {".cache", "annotations.json.backups", "annotations.json.lock"} <= set(modes)
    assert any(name.startswith(".cache/cleaned/") and name.endswith(".json") for name in modes)
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (db.parent / name).is_dir() else 0o600)
    }
    assert not wrong, wrong


def test_umask_000_makes_nothing_world_writable(tmp_path, monkeypatch, umask_000):
    db = _work_session(tmp_path, 0o644, monkeypatch)
    writable = {name: oct(mode) for name, mode in _everything_beside(db).items() if mode & 0o022}
    assert not writable, writable
