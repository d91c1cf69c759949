"""Repair never leaves the database path empty, and backups outlive a run of short sessions."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from tui.store import backups as backup_module
from tui.store.check import check
from tui.store.paths import backup_dir

ROOT = Path(__file__).resolve().parents[2]
REPAIR = "import sys; from tui.store.check import repair; print(repair(__import__('pathlib').Path(sys.argv[1])))"


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _damaged_database_with_big_backup(tmp_path: Path) -> tuple[Path, bytes]:
    """A damaged file and one good ~18 MB backup, so restoring takes long enough to be killed in."""
    from tui.store import Store

    db = tmp_path / "annotations.json"
    text = "Ann Lee said the alliance will grow quickly. " * 400_000
    with Store.open(db, annotator="t") as store:
        store.upsert_document("d", text=text)
    folder = backup_dir(db)
    folder.mkdir()
    os.link(db, folder / f"{db.stem}.20261201T000000.000000000.json")
    damaged = b'{"meta": {"1": {"schema_version": 1}}, "documents": {"1": '
    replaced = db.with_name("new")
    replaced.write_bytes(damaged)
    replaced.replace(db)
    return db, damaged


@pytest.mark.slow
def test_killing_a_repair_at_any_moment_leaves_a_database(tmp_path):
    rng = random.Random(5)
    work = tmp_path / "timing"
    work.mkdir()
    db, _ = _damaged_database_with_big_backup(work)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", REPAIR, str(db)], env=_env(), check=True, capture_output=True
    )
    whole = time.perf_counter() - started  # the restore itself is the last part of it
    lost = 0
    for trial in range(8):
        work = tmp_path / f"t{trial}"
        work.mkdir()
        db, damaged = _damaged_database_with_big_backup(work)
        child = subprocess.Popen(
            [sys.executable, "-c", REPAIR, str(db)],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.perf_counter() + whole * rng.uniform(0.3, 1.5)  # some run to the end
        while time.perf_counter() < deadline and child.poll() is None:
            if not os.path.lexists(db):  # a kill right now would leave no database at all
                lost += 1
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        if not db.exists():
            lost += 1
            continue
        assert db.read_bytes() == damaged or check(db).ok
    print(f"repair killed 8 times: database missing (or seen missing) {lost} times")
    assert lost == 0


def test_repair_keeps_the_damaged_file_and_the_mode(tmp_path):
    db, damaged = _damaged_database_with_big_backup(tmp_path)
    db.chmod(0o600)
    message = __import__("tui.store.check", fromlist=["repair"]).repair(db)
    assert "restored" in message
    assert check(db).ok
    assert db.stat().st_mode & 0o777 == 0o600
    kept = list(tmp_path.glob("annotations.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_pruning_keeps_the_newest_five_and_one_per_recent_day(tmp_path):
    db = tmp_path / "annotations.json"
    folder = backup_dir(db)
    folder.mkdir()
    names = [
        f"annotations.202612{day:02d}T{hour:02d}0000.000000000.json"
        for day in range(1, 11)
        for hour in (9, 17)
    ]
    for name in names:
        (folder / name).write_bytes(b"{}")
    backup_module.prune(db, keep=5, days=7)
    left = sorted(p.name for p in folder.iterdir())
    newest_five = sorted(names)[-5:]
    one_per_day = [f"annotations.202612{day:02d}T170000.000000000.json" for day in range(4, 11)]
    assert left == sorted(set(newest_five) | set(one_per_day))
    assert "annotations.20261201T170000.000000000.json" not in left  # older than the last 7 days


def test_a_backup_is_made_durable(tmp_path, monkeypatch):
    db = tmp_path / "annotations.json"
    db.write_bytes(orjson.dumps({"meta": {}}))
    synced: list[Path] = []
    monkeypatch.setattr(backup_module, "fsync_dir", synced.append)
    made = backup_module.make_backup(db)
    assert made is not None and synced == [made.parent]
