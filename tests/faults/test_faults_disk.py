"""Disk full or EIO while saving: "not saved", the old file intact, a retry from memory succeeds."""

from __future__ import annotations

import errno
import os

import pytest

import tui.store.database_file as store_module
import tui.store.storage as storage_module
from tui.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "annotations.json", annotator="t")
    s.upsert_document("d", text="Alpha beta gamma delta.")
    assert s.flush()
    yield s
    s.close()


def test_enospc_mid_write_keeps_old_file_and_retries(store, monkeypatch):
    store._saver.RETRY_FIRST = 0.01
    before = store.path.read_bytes()
    real = store_module.write_atomic
    failures = {"left": 3}
    temps: list[str] = []

    def full_disk(path, chunks, **kw):
        def failing():
            for i, chunk in enumerate(chunks):
                if i == 2 and failures["left"]:
                    failures["left"] -= 1
                    temps.extend(p.name for p in path.parent.glob(".*.tmp"))
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                yield chunk

        return real(path, failing(), **kw)

    monkeypatch.setattr(store_module, "write_atomic", full_disk)
    seen: list[str] = []
    store.add_status_listener(seen.append)
    ann = store.add_annotation("d", "entity", "ORG", 0, 5)
    assert store.flush(timeout=5)
    assert "not saved: No space left on device" in seen
    assert seen[-1] == "saved" and store.status == "saved"
    assert len(set(temps)) == 3  # every retry wrote a new temp file
    assert not list(store.path.parent.glob(".*.tmp"))  # and each failed one was removed
    assert ann["id"].encode() in store.path.read_bytes()
    assert before != store.path.read_bytes()


def test_eio_on_fsync_reports_not_saved_and_leaves_file(store, monkeypatch):
    store._saver.RETRY_FIRST = 0.01
    before = store.path.read_bytes()
    real_fsync = os.fsync
    broken = {"on": True}

    def fsync(fd):
        if broken["on"] and not os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_fsync(fd)

    monkeypatch.setattr(storage_module.os, "fsync", fsync)
    store.add_annotation("d", "entity", "ORG", 6, 10)
    assert not store.flush(timeout=0.3)
    assert store.status.startswith("not saved: Input/output error")
    assert store.path.read_bytes() == before
    broken["on"] = False
    assert store.flush(timeout=5)
    assert store.status == "saved" and b'"beta"' in store.path.read_bytes()
