"""A database that parses but is invalid (deep nesting, wrong types) is refused on open in one
line that points at `check`, which explains it; the file is never changed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.store import CorruptDatabaseError, Store


def _nest(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def _deep_meta(data: dict[str, Any]) -> None:
    data["meta"]["1"]["state"] = _nest(1000)


def _deep_annotation(data: dict[str, Any]) -> None:
    next(iter(data["annotations"].values()))["attributes"] = {"x": _nest(300)}


def _first(data: dict[str, Any], table: str) -> dict[str, Any]:
    record: dict[str, Any] = next(iter(data[table].values()))
    return record


BREAKAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "meta nested 1,000 levels": _deep_meta,
    "annotation attribute nested 300 levels": _deep_annotation,
    "document text a number": lambda d: _first(d, "documents").update(text=5),
    "document overrides a list": lambda d: _first(d, "documents").update(overrides=[]),
    "label name a number": lambda d: _first(d, "labels").update(name=3),
    "label kind a number": lambda d: _first(d, "labels").update(kind=1),
    "document metadata a string": lambda d: _first(d, "documents").update(metadata="x"),
    "entity aliases a string": lambda d: _first(d, "entities").update(aliases="ACME"),
    "relation end a number": lambda d: _first(d, "relations").update(to=7),
    "meta schema_version a string": lambda d: d["meta"]["1"].update(schema_version="1"),
    "meta state a list": lambda d: d["meta"]["1"].update(state=[]),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("good") / "db.json"
    with Store.open(db, annotator="t") as store:
        store.upsert_document("d", text="Acme said so. Beta agreed.")
        first = store.add_annotation("d", "entity", "ORG", 0, 4)
        second = store.add_annotation("d", "entity", "ORG", 14, 18)
        store.add_relation(first["id"], second["id"], "same_claim")
        store.add_entity("Acme", "ORG")
    data: dict[str, Any] = json.loads(db.read_text(encoding="utf-8"))
    return data


def _write(tmp_path: Path, good: dict[str, Any], name: str) -> Path:
    data = json.loads(json.dumps(good))
    BREAKAGES[name](data)
    db = tmp_path / "db.json"
    text = json.dumps(data) if "nested" not in name else _dumps_deep(data)
    db.write_text(text, encoding="utf-8")
    return db


def _dumps_deep(data: dict[str, Any]) -> str:
    """json.dumps recurses in Python; raise the limit just for writing the test file."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)
    try:
        return json.dumps(data)
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_invalid_file_is_refused_on_open(tmp_path: Path, good: dict[str, Any], name: str) -> None:
    db = _write(tmp_path, good, name)
    (tmp_path / "db.json.lock").unlink(missing_ok=True)  # left by the store that made `good`
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    with pytest.raises(CorruptDatabaseError) as raised:
        Store.open(db, annotator="t")
    message = str(raised.value)
    assert "\n" not in message and f"newsmark check --db {db}" in message
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["db.json"]  # no lock file, backup, temp or moved-aside copy


def test_refused_open_keeps_a_lock_file_it_did_not_make(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    db = _write(tmp_path, good, "meta nested 1,000 levels")
    lock = tmp_path / "db.json.lock"
    lock.write_text("pid 1 on elsewhere\n", encoding="utf-8")
    with pytest.raises(CorruptDatabaseError):
        Store.open(db, annotator="t")
    assert lock.exists()


@pytest.mark.parametrize("name", ["meta nested 1,000 levels", "label name a number"])
def test_cli_says_one_line_and_check_explains(
    tmp_path: Path, good: dict[str, Any], name: str
) -> None:
    db = _write(tmp_path, good, name)
    before = db.read_bytes()

    def newsmark(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,
        )

    stats = newsmark("stats")
    assert stats.returncode != 0
    assert "Traceback" not in stats.stderr + stats.stdout
    assert len(stats.stderr.strip().splitlines()) == 1, stats.stderr
    check = newsmark("check")
    assert check.returncode != 0 and "Traceback" not in check.stderr + check.stdout
    explained = check.stdout + check.stderr
    assert ("could not save" in explained) if "nested" in name else ("labels" in explained)
    assert db.read_bytes() == before
