"""The save cache: segment encodings kept in an unlinked file beside the database, not in memory."""

from __future__ import annotations

import orjson

import tui.store.segments as segments
from tui.store import Store
from tui.store.records import TABLES
from tui.store.segments import SegmentCache

TEXT = "Beijing backs the Blockchain-based Service Network, Mr Zhang said on Monday."


def tables_of(cache: SegmentCache) -> dict:
    return orjson.loads(b"".join(cache.stream()))


def test_cached_segments_stream_the_whole_file_in_order(tmp_path):
    cache = SegmentCache(tmp_path)
    cache.put("annotations", 1, {"600": {"id": "b"}})
    cache.put("annotations", 0, {"1": {"id": "a"}})
    cache.put("labels", 0, {"1": {"id": "l"}})
    data = tables_of(cache)
    assert list(data) == list(TABLES)
    assert data["annotations"] == {"1": {"id": "a"}, "600": {"id": "b"}}
    assert data["labels"] == {"1": {"id": "l"}}
    cache.put("annotations", 1, {})  # an emptied segment disappears
    assert tables_of(cache)["annotations"] == {"1": {"id": "a"}}
    assert list(tmp_path.iterdir()) == []  # the spill file has no name
    cache.close()


def test_superseded_encodings_are_compacted_away(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "SLACK", 0)
    cache = SegmentCache(tmp_path)
    for n in range(50):
        cache.put("annotations", n % 3, {str(n % 3 * 500 + 1): {"id": str(n), "pad": "x" * 100}})
    assert cache._end <= 2 * cache._live + 200  # rewritten, not grown to 50 encodings
    data = tables_of(cache)["annotations"]
    assert sorted(r["id"] for r in data.values()) == ["47", "48", "49"]
    cache.close()


def test_a_full_disk_keeps_the_encoding_in_memory(tmp_path, monkeypatch):
    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(segments.os, "pwrite", refuse)
    cache = SegmentCache(tmp_path)
    cache.put("annotations", 0, {"1": {"id": "a"}})
    assert tables_of(cache)["annotations"] == {"1": {"id": "a"}}
    cache.close()


def test_a_lost_cache_file_is_rebuilt_from_the_records(tmp_path):
    db = tmp_path / "db.json"
    store = Store.open(db, annotator="t")
    store.upsert_document("a.txt", text=TEXT)
    first = store.add_annotation("a.txt", "entity", "ORG", 0, 7)
    assert store.flush(timeout=5)
    store._saver.RETRY_FIRST = 0.01
    store._segments.close()  # the cache file vanishes under the saver (an I/O error, say)
    second = store.add_annotation("a.txt", "entity", "GPE", 8, 13)
    assert store.flush(timeout=5)
    store.close()
    saved = orjson.loads(db.read_bytes())
    assert {a["id"] for a in saved["annotations"].values()} == {first["id"], second["id"]}
    with Store.open(db, read_only=True) as reopened:
        assert len(saved["labels"]) == len(reopened.labels())


def test_many_saves_of_a_reopened_database_keep_every_record(tmp_path):
    db = tmp_path / "db.json"
    with Store.open(db, annotator="t") as store:
        store.upsert_document("a.txt", text=TEXT)
        for n in range(1200):  # three segments of annotations
            store.add_annotation("a.txt", "entity", "ORG", n % 60, n % 60 + 5)
    with Store.open(db, annotator="t") as store:
        assert store.flush(timeout=5)
        ids = [a["id"] for a in store.annotations("a.txt")][:600]
        for ann_id in ids[::7]:
            store.update_annotation(ann_id, label="GPE")
            store.flush(timeout=5)
        expected = store.snapshot()
    saved = orjson.loads(db.read_bytes())
    for table in TABLES:
        assert sorted(saved[table].values(), key=lambda r: r["id"]) == sorted(
            expected[table], key=lambda r: r["id"]
        )
