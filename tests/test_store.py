"""The Store API the app and the exporters code against: records, undo, locking, saving."""

from __future__ import annotations

import orjson
import pytest

from tui.store import ReadOnlyError, SchemaVersionError, Store, StoreError, default_db_path
from tui.store.errors import CorruptDatabaseError, NotFoundError

TEXT = "Beijing backs the Blockchain-based Service Network, Mr Zhang said on Monday."


@pytest.fixture
def db(tmp_path):
    return tmp_path / "annotations" / "annotations.json"


@pytest.fixture
def store(db):
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


def on_disk(db):
    return orjson.loads(db.read_bytes())


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


def test_add_annotation_fills_quote_and_is_saved(store, db):
    ann = store.add_annotation("a.txt", "entity", "PERSON", 55, 60, source_start=55, source_end=60)
    assert (ann["exact"], ann["suffix"][:5]) == ("Zhang", " said")
    assert ann["prefix"] == TEXT[55 - 32 : 55]
    assert ann["annotator"] == "alice" and ann["state"] == "ok"
    assert len(ann["id"]) == 36
    assert store.flush()
    assert store.status == "saved"
    saved = [a for a in on_disk(db)["annotations"].values()]
    assert [a["id"] for a in saved] == [ann["id"]]


def test_bad_spans_and_unknown_documents_are_refused(store):
    with pytest.raises(ValueError, match="outside the document"):
        store.add_annotation("a.txt", "entity", "ORG", 10, 10_000)
    with pytest.raises(NotFoundError):
        store.add_annotation("nope", "entity", "ORG", 0, 1)
    with pytest.raises(ValueError, match="kind"):
        store.add_annotation("a.txt", "bogus", "ORG", 0, 1)


def test_annotations_sorted_outer_first_and_nested_allowed(store):
    claim = store.add_annotation(
        "a.txt",
        "claim",
        "CLAIM",
        0,
        74,
        attributes={"speaker": {"text": "Mr Zhang"}, "type": "indirect quote"},
    )
    gpe = store.add_annotation("a.txt", "entity", "GPE", 0, 7)
    org = store.add_annotation("a.txt", "entity", "ORG", 18, 50)
    assert [a["id"] for a in store.annotations("a.txt")] == [claim["id"], gpe["id"], org["id"]]
    assert store.annotations("other") == []


def test_update_delete_undo_redo(store):
    ann = store.add_annotation("a.txt", "entity", "ORG", 18, 50)
    store.update_annotation(ann["id"], label="PRODUCT")
    store.delete_annotation(ann["id"])
    assert store.get_annotation(ann["id"]) is None
    assert store.undo() == "delete annotation"
    assert store.get_annotation(ann["id"])["label"] == "PRODUCT"
    assert store.undo().startswith("update annotation")
    assert store.get_annotation(ann["id"])["label"] == "ORG"
    assert store.redo().startswith("update annotation")
    assert store.get_annotation(ann["id"])["label"] == "PRODUCT"
    store.undo()
    store.undo()
    assert store.get_annotation(ann["id"]) is None
    assert store.undo() is None  # recording the document is not an undoable action
    assert store.get_document("a.txt") is not None


def test_transaction_is_one_undo_step_and_rolls_back_on_error(store):
    anns = [store.add_annotation("a.txt", "entity", "ORG", i, i + 3) for i in (0, 10, 20)]
    with store.transaction("label 3 mentions"):
        for a in anns:
            store.update_annotation(a["id"], label="GPE")
    assert {a["label"] for a in store.annotations("a.txt")} == {"GPE"}
    assert store.undo() == "label 3 mentions"
    assert {a["label"] for a in store.annotations("a.txt")} == {"ORG"}
    with pytest.raises(RuntimeError):
        with store.transaction("half"):
            store.update_annotation(anns[0]["id"], label="LAW")
            raise RuntimeError("boom")
    assert store.get_annotation(anns[0]["id"])["label"] == "ORG"


def test_entities_links_relations_labels(store):
    person = store.add_entity("Zhang Wei", "PERSON", aliases=["Mr Zhang"], external_id="Q1")
    mention = store.add_annotation("a.txt", "entity", "PERSON", 55, 60)
    claim = store.add_annotation("a.txt", "claim", "CLAIM", 0, 50)
    store.link(mention["id"], person["id"])
    assert store.get_annotation(mention["id"])["entity_id"] == person["id"]
    rel = store.add_relation(claim["id"], mention["id"], "said_by")
    assert store.relations() == [rel]
    with pytest.raises(NotFoundError):
        store.link(mention["id"], "missing")
    store.delete_annotation(mention["id"])  # takes its relation with it
    assert store.relations() == []
    store.undo()
    assert len(store.relations()) == 1
    label = store.add_label("OFFICIAL", "entity", hotkey="o", color="#ff8800")
    assert label in store.labels()
    assert store.add_label("OFFICIAL", "entity", hotkey="f")["id"] == label["id"]


def test_document_fields_and_state_are_not_undoable(store):
    store.update_document("a.txt", status="in progress", cursor=12)
    store.set_state("last_document", "a.txt")
    assert store.get_document("a.txt")["cursor"] == 12
    assert store.get_state("last_document") == "a.txt"
    assert store.undo() is None  # neither the creation nor the cursor/status is undoable
    assert store.get_document("a.txt")["cursor"] == 12
    with pytest.raises(ValueError, match="status"):
        store.update_document("a.txt", status="finished")
    store.update_document("a.txt", undoable=True, overrides={3: "content"})
    assert store.get_document("a.txt")["overrides"] == {"3": "content"}
    store.undo()
    assert store.get_document("a.txt")["overrides"] == {}


def test_reopen_keeps_everything(store, db):
    ann = store.add_annotation("a.txt", "entity", "GPE", 0, 7)
    store.close()
    with Store.open(db) as again:
        assert again.get_annotation(ann["id"]) == ann
        assert again.get_document("a.txt")["text"] == TEXT


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


def test_undo_restores_text_but_not_cursor_or_status(store):
    store.update_document("a.txt", undoable=True, overrides={2: "content"})
    store.update_document("a.txt", status="done", cursor=40)
    store.undo()
    doc = store.get_document("a.txt")
    assert doc["overrides"] == {} and doc["status"] == "done" and doc["cursor"] == 40


def test_backups_roll_and_keep_the_previous_file(db, monkeypatch):
    monkeypatch.setattr("tui.store.store.BACKUP_EVERY", 0.0)
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

    import tui.store.store as store_module

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


def test_claim_attributes_and_links_are_checked_before_they_reach_the_file(store):
    with pytest.raises(ValueError, match="claim type must be one of"):
        store.add_annotation("a.txt", "claim", "CLAIM", 0, 20, attributes={"type": "rumour"})
    with pytest.raises(ValueError, match="stance"):
        store.add_annotation("a.txt", "claim", "CLAIM", 0, 20, attributes={"stance": "maybe"})
    with pytest.raises(ValueError, match="cue"):
        store.add_annotation("a.txt", "claim", "CLAIM", 0, 20, attributes={"cue": [1, 2]})
    with pytest.raises(NotFoundError):
        store.add_annotation("a.txt", "entity", "ORG", 0, 7, entity_id="nope")
    claim = store.add_annotation(
        "a.txt", "claim", "CLAIM", 0, 20, attributes={"type": "assertion", "stance": None}
    )
    with pytest.raises(ValueError, match="stance"):
        store.update_annotation(claim["id"], attributes={"stance": "wrong"})
    assert store.get_annotation(claim["id"])["attributes"] == {"type": "assertion", "stance": None}


def test_values_json_cannot_hold_are_refused_at_once(store):
    with pytest.raises(ValueError, match="JSON types only"):
        store.add_annotation("a.txt", "entity", "ORG", 0, 7, attributes={"tags": {"a", "b"}})
    assert store.annotations("a.txt") == []
    assert store.flush() and store.status == "saved"


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


def test_a_workers_transaction_does_not_swallow_other_threads_changes(store):
    import threading

    inside, proceed = threading.Event(), threading.Event()

    def worker():
        with store.transaction("import 2"):
            store.add_annotation("a.txt", "entity", "ORG", 0, 7)
            inside.set()
            proceed.wait(5)
            store.add_annotation("a.txt", "entity", "ORG", 8, 13)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    key_press = store.add_annotation("a.txt", "entity", "GPE", 18, 28)
    proceed.set()
    thread.join(5)
    assert store.undo() == "import 2"
    assert [a["id"] for a in store.annotations("a.txt")] == [key_press["id"]]
    assert store.undo().startswith("add annotation GPE")
    assert store.annotations("a.txt") == []


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
