"""newsmark JSONL round trip on the awkward data: every placed annotation back, field by field."""

from __future__ import annotations

from tui.formats.into_store import apply_import
from tui.formats.jsonl import export_jsonl, read_jsonl
from tui.store import Store

FIELDS = (
    "document_id",
    "kind",
    "label",
    "start",
    "end",
    "entity_id",
    "attributes",
    "source_start",
    "source_end",
)
KEPT = ("annotator", "created", "updated")


def test_jsonl_round_trip_record_by_record(awkward_db, tmp_path):
    """Issue 10 #4: JSONL wrote annotator/created/updated and the importer dropped them."""
    with Store.open(awkward_db, read_only=True) as store:
        snapshot = store.snapshot()
    path = tmp_path / "out.jsonl"
    for offsets in ("codepoint", "utf16"):
        with path.open("wb") as out:
            export_jsonl(snapshot, out, offsets=offsets)
        assert b"\xe2\x80\xa8" not in path.read_bytes()  # U+2028 escaped
        restored = tmp_path / f"{offsets}.json"
        with Store.open(restored) as store:
            summary = apply_import(store, read_jsonl(path))
            assert store.flush(timeout=30)
            back = {a["id"]: a for a in store.snapshot()["annotations"]}
        assert not [w for w in summary.warnings if "annotation" in w]
        placed = [a for a in snapshot["annotations"] if a["state"] == "ok"]
        assert len(back) == len(placed) == 12
        for annotation in placed:
            got = back[annotation["id"]]  # newsmark ids (UUIDs) are kept
            for key in FIELDS + KEPT:
                assert got[key] == annotation[key], (annotation["id"], key)
