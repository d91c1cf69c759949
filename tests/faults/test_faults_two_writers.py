"""Two writers at once never lose an acknowledged change (issue 9, item 1); real processes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from tui.store import AtomicStorage, Store
from tui.store.paths import lock_path
from tui.store.storage import keep_under_new_name

pytestmark = pytest.mark.slow

STORE_WRITER = r"""
import sys, time
from pathlib import Path
from tui.store import Store
db, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
store = Store.open(db, annotator=tag)
print("ready", store.read_only, flush=True)
while not go.exists():
    time.sleep(0.01)
pending = []
for n in range(count):
    pending.append(store.add_annotation("d", "entity", "ORG", n % 20, n % 20 + 3)["id"])
    if n % 10 == 9 and store.flush(timeout=0.5):
        print("acked", *pending, flush=True)
        pending = []
print("closed", store.close(timeout=60), *pending, flush=True)
"""

TINYDB_WRITER = r"""
import sys, time
from pathlib import Path
from tinydb import TinyDB
from tui.store import AtomicStorage
db, count, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
refused = 0
reason = ""
with TinyDB(db, storage=AtomicStorage) as tiny:
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    for n in range(count):
        try:
            tiny.table("annotations").insert({"id": f"tiny-{n}", "document_id": "d",
                "kind": "entity", "label": "ORG", "start": 0, "end": 3, "exact": "Ann"})
            print("acked", f"tiny-{n}", flush=True)
        except PermissionError as error:  # the storage refuses: newsmark holds the lock
            refused += 1
            reason = reason or str(error)
        except ValueError:  # TinyDB's cached next id is stale once newsmark saved: refused too
            refused += 1
print("refused", refused, reason, flush=True)
"""


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "annotations.json"
    with Store.open(db, annotator="setup") as store:
        store.upsert_document("d", text="Ann Lee said the alliance will grow quickly.")
    return db


def _start(code: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _acknowledged(output: str) -> set[str]:
    acked: set[str] = set()
    for line in output.splitlines():
        words = line.split()
        if words[:1] == ["acked"]:
            acked.update(words[1:])
        elif words[:2] == ["closed", "True"]:  # close() saved the rest
            acked.update(words[2:])
    return acked


def _every_saved_id(db: Path) -> set[str]:
    """Annotation ids in the database and every version kept beside it; all must parse."""
    found: set[str] = set()
    for path in [
        db,
        *db.parent.glob(db.name + ".external-*"),
        *db.parent.glob(db.name + ".conflict-*"),
    ]:
        data = orjson.loads(path.read_bytes())
        found.update(record["id"] for record in data.get("annotations", {}).values())
    return found


def test_lock_deleted_while_open_then_a_second_store_writes(tmp_path):
    db = _database(tmp_path)
    go = tmp_path / "go"
    first = _start(STORE_WRITER, db, "first", 300, go)
    assert first.stdout is not None and first.stdout.readline().startswith("ready False")
    lock_path(db).unlink()  # what a cleanup script or a careless `rm *.lock` does
    second = _start(STORE_WRITER, db, "second", 300, go)
    assert second.stdout is not None and second.stdout.readline().startswith("ready False")
    go.touch()
    out_second, _ = second.communicate(timeout=120)
    out_first, _ = first.communicate(timeout=120)
    acked = _acknowledged(out_first) | _acknowledged(out_second)
    lost = acked - _every_saved_id(db)
    print(f"two stores, lock deleted: {len(acked)} acknowledged, {len(lost)} lost")
    assert len(acked) == 600  # both closed cleanly, so everything was acknowledged
    assert not lost


def test_a_tinydb_writer_is_refused_while_newsmark_writes(tmp_path):
    db = _database(tmp_path)
    go = tmp_path / "go"
    store_proc = _start(STORE_WRITER, db, "newsmark", 300, go)
    assert store_proc.stdout is not None and store_proc.stdout.readline().startswith("ready False")
    tiny = _start(TINYDB_WRITER, db, 300, go)
    assert tiny.stdout is not None and tiny.stdout.readline().startswith("ready")
    go.touch()
    out_tiny, _ = tiny.communicate(timeout=120)
    out_store, _ = store_proc.communicate(timeout=120)
    acked = _acknowledged(out_tiny) | _acknowledged(out_store)
    lost = acked - _every_saved_id(db)
    print(f"newsmark + TinyDB(AtomicStorage): {len(acked)} acknowledged, {len(lost)} lost")
    assert not lost
    assert "refused 300" in out_tiny, out_tiny[-600:]
    assert "is being written by pid" in out_tiny, out_tiny[-600:]


def test_atomic_storage_writes_when_nobody_holds_the_lock_and_releases_it(tmp_path):
    db = _database(tmp_path)
    with TinyDB(db, storage=AtomicStorage) as tiny:
        tiny.table("notes").insert({"id": "n1", "text": "from another tool"})
        assert Store.open(db, annotator="x").read_only  # newsmark waits its turn
    with Store.open(db, annotator="x") as store:
        assert not store.read_only


def test_versions_kept_aside_never_overwrite_each_other(tmp_path):
    db = tmp_path / "annotations.json"
    names = set()
    for n in range(5):  # five in the same second, each a new file as every writer makes them
        db.with_name("new").write_text(f'{{"n": {n}}}')
        db.with_name("new").replace(db)
        aside = keep_under_new_name(db, "external")
        assert aside is not None
        names.add(aside)
    assert len(names) == 5
    assert sorted(orjson.loads(p.read_bytes())["n"] for p in names) == [0, 1, 2, 3, 4]


def test_the_app_is_told_when_another_programs_version_was_kept(tmp_path):
    db = _database(tmp_path)
    statuses: list[str] = []
    with Store.open(db, annotator="x") as store:
        store.add_status_listener(statuses.append)
        time.sleep(0.05)
        db.with_name("tmp").write_bytes(db.read_bytes())  # another program replaced the file
        db.with_name("tmp").replace(db)
        store.add_annotation("d", "entity", "PERSON", 0, 3)
        assert store.flush(timeout=10)
    notices = [s for s in statuses if s.startswith("saved; another program changed")]
    assert notices and "annotations.json.external-" in notices[0]
    assert len(list(tmp_path.glob("annotations.json.external-*"))) == 1
