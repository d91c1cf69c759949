"""A version another program writes in the instant between our check and our save is kept too."""

from __future__ import annotations

import os

import orjson

from tui.store import Store


def test_a_version_written_between_the_check_and_the_replace_is_kept(tmp_path):
    db = tmp_path / "annotations.json"
    store = Store.open(db, annotator="t")
    try:
        store.upsert_document("d", text="Alpha beta gamma delta.")
        assert store.flush()
        foreign = b'{"written": "by another program in the last instant"}'
        real_backup = store._file.maybe_backup
        calls = []

        def other_program_writes_now() -> None:
            """Runs after the store checked the file and before it swaps its own in."""
            if not calls:
                temp = tmp_path / "other.tmp"
                temp.write_bytes(foreign)
                os.replace(temp, db)  # an atomic writer that ignores the lock
            calls.append(1)
            real_backup()

        store._file.maybe_backup = other_program_writes_now  # type: ignore[method-assign]
        seen: list[str] = []
        store.add_status_listener(seen.append)
        store.add_annotation("d", "entity", "ORG", 0, 5)
        assert store.flush()
    finally:
        store.close()
    kept = [p for p in tmp_path.glob("annotations.json.external-*") if p.read_bytes() == foreign]
    lost = 0 if kept else 1
    print(f"a version written in the last instant: {lost} lost")
    assert lost == 0, "the other program's version was replaced without being kept"
    assert any(kept[0].name in status for status in seen)  # and the user is told where it is
    assert len(orjson.loads(db.read_bytes())["annotations"]) == 1
    assert not list(tmp_path.glob(".annotations.json.*.tmp"))


def test_a_lock_file_deleted_while_it_is_being_taken_is_taken_again(tmp_path, monkeypatch):
    import fcntl

    import tui.store.lock as lock_module
    from tui.store.lock import WriterLock

    path = tmp_path / "annotations.json.lock"
    real_flock = fcntl.flock
    deleted = []

    def flock_after_someone_deletes_the_file(fd, operation):
        if not deleted:
            deleted.append(1)
            path.unlink()  # another process's cleanup, between our open and our flock
        return real_flock(fd, operation)

    monkeypatch.setattr(lock_module.fcntl, "flock", flock_after_someone_deletes_the_file)
    lock = WriterLock(path)
    assert lock.acquire() is None
    try:
        assert deleted and path.exists()
        assert lock.still_ours()  # a lock on the deleted file would let a second writer in
        assert WriterLock(path).acquire() is not None
    finally:
        lock.release()


def test_a_file_another_program_creates_before_a_new_databases_first_save_is_kept(tmp_path):
    db = tmp_path / "annotations.json"
    store = Store.open(db, annotator="t")  # no file yet: the first save creates it
    try:
        assert store.flush()
        db.unlink()  # as if the store had not saved yet
        store._file.known = None
        foreign = b'{"created": "by another program"}'
        db.write_bytes(foreign)
        store.upsert_document("d", text="Alpha beta.")
        assert store.flush()
    finally:
        store.close()
    kept = [p for p in tmp_path.glob("annotations.json.external-*") if p.read_bytes() == foreign]
    assert kept, "the other program's new file was replaced without being kept"
