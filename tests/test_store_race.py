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
        real_backup = store._maybe_backup
        calls = []

        def other_program_writes_now() -> None:
            """Runs after the store checked the file and before it swaps its own in."""
            if not calls:
                temp = tmp_path / "other.tmp"
                temp.write_bytes(foreign)
                os.replace(temp, db)  # an atomic writer that ignores the lock
            calls.append(1)
            real_backup()

        store._maybe_backup = other_program_writes_now
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
