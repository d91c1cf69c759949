"""The Store's file: creating, reopening, locking, saving, backups, and refusing damaged files."""

from __future__ import annotations

import orjson
import pytest
from store_support import on_disk

from tui.store import ReadOnlyError, SchemaVersionError, Store, StoreError, default_db_path
from tui.store.errors import CorruptDatabaseError


def test_new_database_has_meta_and_default_labels(db):
    with Store.open(db) as s:
        assert s.flush()
    data = on_disk(db)
    assert set(data) == {
        "meta",
        "documents",
        "annotations",
        "entities",
        "relations",
        "labels",
        "sessions",
    }
    assert next(iter(data["meta"].values()))["schema_version"] == 1
    names = [label["name"] for label in data["labels"].values()]
    assert names[:9] == ["PERSON", "ORG", "GPE", "LOC", "DATE", "MONEY", "PRODUCT", "EVENT", "LAW"]
    assert any(label["kind"] == "claim" for label in data["labels"].values())


def test_second_writer_is_read_only_and_says_who(store, db):
    store.flush()
    other = Store.open(db)
    try:
        assert other.read_only
        assert "pid" in other.lock_holder
        with pytest.raises(ReadOnlyError, match="read-only"):
            other.add_annotation("a.txt", "entity", "GPE", 0, 7)
    finally:
        other.close()


def test_newer_schema_is_refused_and_file_untouched(db):
    db.parent.mkdir(parents=True)
    raw = orjson.dumps({"meta": {"1": {"id": "m", "schema_version": 99}}})
    db.write_bytes(raw)
    with pytest.raises(SchemaVersionError, match="Upgrade newsmark"):
        Store.open(db)
    assert db.read_bytes() == raw


def test_unparseable_file_is_refused_and_untouched(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(b'{"meta": {"1": ')
    with pytest.raises(CorruptDatabaseError, match="check --repair"):
        Store.open(db)
    assert db.read_bytes() == b'{"meta": {"1": '


def test_status_listener_reports_saving_then_saved(store):
    seen = []
    store.add_status_listener(seen.append)
    store.add_annotation("a.txt", "entity", "GPE", 0, 7)
    assert store.flush()
    assert seen[-1] == "saved" and "saving" in seen


def test_default_db_path(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSMARK_DB", raising=False)
    assert default_db_path(None) == tmp_path / "annotations" / "annotations.json"
    monkeypatch.setenv("NEWSMARK_DB", "/x/env.json")
    assert str(default_db_path(None)) == "/x/env.json"
    assert str(default_db_path("cli.json")) == "cli.json"


def test_tinydb_can_read_the_file(store, db):
    from tinydb import TinyDB

    from tui.store import AtomicStorage

    store.add_annotation("a.txt", "entity", "GPE", 0, 7)
    store.flush()
    with TinyDB(db, storage=AtomicStorage, read_only=True) as tdb:
        assert [a["exact"] for a in tdb.table("annotations").all()] == ["Beijing"]


def test_file_changed_behind_our_back_is_kept_aside(store, db):
    store.add_annotation("a.txt", "entity", "GPE", 0, 7)
    assert store.flush()
    foreign = b'{"edited": "by hand"}'
    db.write_bytes(foreign)
    store.add_annotation("a.txt", "entity", "ORG", 18, 50)
    assert store.flush()
    kept = list(db.parent.glob("annotations.json.external-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == foreign
    assert len(on_disk(db)["annotations"]) == 2


def test_backups_roll_and_keep_the_previous_file(db, monkeypatch):
    monkeypatch.setattr("tui.store.database_file.BACKUP_EVERY", 0.0)
    with Store.open(db) as s:
        s.upsert_document("d", text="one two three")
        for _i in range(8):
            s.add_annotation("d", "entity", "ORG", 0, 3)
            assert s.flush()
        backups = s.backups()
    assert 1 <= len(backups) <= 5
    newest = orjson.loads(backups[0].read_bytes())
    assert len(newest["annotations"]) == 7  # the file as it was before the last save


def test_fast_changes_are_coalesced_and_on_disk_within_a_second(store, db, monkeypatch):
    import time

    import tui.store.database_file as store_module

    writes = []
    real = store_module.write_atomic
    monkeypatch.setattr(
        store_module, "write_atomic", lambda *a, **k: (writes.append(1), real(*a, **k))
    )
    anns = [store.add_annotation("a.txt", "entity", "ORG", i % 60, i % 60 + 5) for i in range(300)]
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline and store.status != "saved":
        time.sleep(0.01)
    assert store.status == "saved"
    assert len(on_disk(db)["annotations"]) == 300 and anns[-1]["id"] in {
        a["id"] for a in on_disk(db)["annotations"].values()
    }
    assert 1 <= len(writes) < 300


def test_read_only_store_refuses_every_mutation(store, db):
    store.flush()
    other = Store.open(db)
    ann_id = store.add_annotation("a.txt", "entity", "GPE", 0, 7)["id"]
    try:
        for call in (
            lambda: other.upsert_document("b", text="x"),
            lambda: other.update_document("a.txt", cursor=3),
            lambda: other.update_annotation(ann_id, label="ORG"),
            lambda: other.delete_annotation(ann_id),
            lambda: other.add_entity("X", "ORG"),
            lambda: other.add_label("X", "entity"),
            lambda: other.set_state("k", 1),
            other.undo,
        ):
            with pytest.raises(ReadOnlyError):
                call()
        with other.transaction("nothing"):
            pass
        assert other.status == "saved"
    finally:
        other.close()


def test_a_save_that_dies_mid_stream_is_retried_in_full(store, db, monkeypatch):
    from types import SimpleNamespace

    import tui.store.segments as segments

    store._saver.RETRY_FIRST = 0.01
    real = orjson.dumps
    calls = {"n": 0}

    def flaky(obj, *a, **k):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(5, "Input/output error")
        return real(obj, *a, **k)

    monkeypatch.setattr(
        segments, "orjson", SimpleNamespace(dumps=flaky)
    )  # only the saver's encoder
    ann = store.add_annotation("a.txt", "entity", "ORG", 0, 7)
    store.update_document("a.txt", cursor=5)
    assert store.flush(timeout=5)
    assert calls["n"] > 2  # it failed once and was retried
    data = on_disk(db)
    assert ann["id"] in {a["id"] for a in data["annotations"].values()}
    assert next(iter(data["documents"].values()))["cursor"] == 5


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: next(iter(d["annotations"].values())).pop("document_id"),
        lambda d: d.update(annotations=[1, 2]),
        lambda d: d["annotations"].update({"x": {"id": "a"}}),
        lambda d: d.update(meta={"1": "not a record"}),
    ],
)
def test_wrong_shapes_are_refused_with_the_repair_hint(store, db, damage):
    store.add_annotation("a.txt", "entity", "GPE", 0, 7)
    store.close()
    data = on_disk(db)
    damage(data)
    db.write_bytes(orjson.dumps(data))
    before = db.read_bytes()
    with pytest.raises((CorruptDatabaseError, StoreError), match="check --repair"):
        Store.open(db)
    assert db.read_bytes() == before


def test_saving_keeps_the_database_file_permissions(tmp_path):
    import stat

    path = tmp_path / "private.json"
    with Store.open(path, annotator="a") as store:
        store.upsert_document("d", text="Some text.")
    path.chmod(0o600)
    with Store.open(path, annotator="a") as store:
        store.add_annotation("d", "entity", "ORG", 0, 4)
        assert store.flush()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # was widened to 0644 by every save


def test_a_symlinked_database_stays_a_link_to_the_real_file(tmp_path):
    real = tmp_path / "synced" / "annotations.json"
    real.parent.mkdir()
    with Store.open(real, annotator="a") as store:
        store.upsert_document("d", text="Some text.")
    link = tmp_path / "annotations.json"
    link.symlink_to(real)
    with Store.open(link, annotator="a") as store:
        store.add_annotation("d", "entity", "ORG", 0, 4)
        assert store.flush()
    assert link.is_symlink()  # os.replace on the link used to turn it into a separate file
    assert b'"ORG"' in real.read_bytes()
    backups = list((real.parent / "annotations.json.backups").iterdir())
    assert backups and not any(
        b.is_symlink() for b in backups
    )  # a link to the live file backs up nothing
    with Store.open(real, annotator="b") as writer, Store.open(link, annotator="c") as second:
        assert not writer.read_only and second.read_only  # one lock, whichever name opened it


def test_a_table_another_version_added_survives_a_save(db):
    """A same-schema file with a table this version does not know keeps it when newsmark writes."""
    with Store.open(db) as s:
        assert s.flush()
    data = on_disk(db)
    data["widgets"] = {"1": {"id": "w", "colour": "blue", "nested": {"a": [1, 2]}}}
    next(iter(data["labels"].values()))["future_field"] = 1
    db.write_bytes(orjson.dumps(data))
    with Store.open(db) as s:
        s.add_label("NEW", "entity", None, None)
        assert s.flush()
    after = on_disk(db)
    assert after["widgets"] == data["widgets"]
    assert next(iter(after["labels"].values()))["future_field"] == 1
    assert "NEW" in [label["name"] for label in after["labels"].values()]
