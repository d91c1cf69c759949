"""A really full filesystem (a 4 MB tmpfs): "not saved", the old file intact, nothing lost after."""

from __future__ import annotations

import os
import shutil
import subprocess

import orjson
import pytest

from tui.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip(
            "mounting a small tmpfs needs root; the disk-full path is also faked in test_faults_disk"
        )
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)  # busy: detach it lazily


def test_disk_full_keeps_the_old_file_and_saves_everything_once_space_is_back(small_disk):
    db = small_disk / "annotations.json"
    store = Store.open(db, annotator="t")
    store._saver.RETRY_FIRST = 0.01  # retry quickly in the test
    store.upsert_document("d", text="Ann Lee said the alliance will grow quickly. " * 2000)
    assert store.flush(timeout=10)
    filler = small_disk / "filler"
    with open(filler, "wb") as handle:  # leave room for one copy of the file, not two
        free = shutil.disk_usage(small_disk).free
        handle.write(b"\0" * max(0, free - db.stat().st_size - 4096))
    acknowledged: set[str] = set()
    statuses: list[str] = []
    store.add_status_listener(statuses.append)
    ids = [store.add_annotation("d", "entity", "ORG", 0, 3)["id"] for _ in range(400)]
    assert not store.flush(timeout=1.0), "the save should not fit on the full disk"
    assert any(s.startswith("not saved") for s in statuses)
    on_disk = orjson.loads(db.read_bytes())  # the last file that fitted is whole
    assert len(on_disk["annotations"]) < len(ids)
    filler.unlink()
    assert store.flush(timeout=20)
    acknowledged.update(ids)
    store.close()
    saved = {a["id"] for a in orjson.loads(db.read_bytes())["annotations"].values()}
    lost = acknowledged - saved
    leftovers = [p.name for p in small_disk.iterdir() if p.name.endswith(".tmp")]
    print(
        f"disk full on a 4 MB tmpfs: {len(acknowledged)} acknowledged after space came back, {len(lost)} lost"
    )
    assert not lost and not leftovers
