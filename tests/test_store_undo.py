"""Undo/redo over random sequences of mutations: undoing everything restores the start exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.store import Store
from tui.store.check import consistency_problems
from tui.store.schema import schema_errors

TEXT = "Beijing backs the Blockchain-based Service Network, Mr Zhang said on Monday."

OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "relabel", "move", "delete", "entity", "link", "relate", "bulk", "text"]
        ),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    min_size=1,
    max_size=15,
)


def assert_relation_index(store: Store) -> None:
    """`relations_of` (an index kept by every change, undo and redo) agrees with a full scan."""
    for annotation in store.annotations():
        scan = [r for r in store.relations() if annotation["id"] in (r["from"], r["to"])]
        assert sorted(map(repr, store.relations_of(annotation["id"]))) == sorted(map(repr, scan))


def state(store: Store) -> dict:
    snap = store.snapshot()
    snap.pop("meta")
    for doc in snap["documents"]:
        doc.pop("cursor", None)
        doc.pop("updated", None)  # non-undoable cursor moves touch it
    return {t: sorted(map(repr, records)) for t, records in snap.items()}


def apply(store: Store, op: str, a: int, b: int) -> None:
    anns = store.annotations("d")
    text = store.get_document("d")["text"]
    pick = anns[a % len(anns)] if anns else None
    start = a % (len(text) - 1)
    end = start + 1 + b % min(20, len(text) - start)
    if op == "add" or pick is None:
        store.add_annotation(
            "d", "entity" if b % 3 else "claim", ["ORG", "GPE", "CLAIM"][b % 3], start, end
        )
    elif op == "relabel":
        store.update_annotation(pick["id"], label=f"L{b % 4}", attributes={"n": b})
    elif op == "move":
        store.update_annotation(pick["id"], start=start, end=end)
    elif op == "delete":
        store.delete_annotation(pick["id"])
    elif op == "entity":
        store.add_entity(f"E{b}", "ORG", aliases=[f"e{a}"])
    elif op == "link":
        entities = store.entities()
        if entities:
            store.link(pick["id"], entities[b % len(entities)]["id"])
    elif op == "relate":
        other = anns[b % len(anns)]
        store.add_relation(pick["id"], other["id"], "supports")
    elif op == "bulk":
        with store.transaction("bulk relabel"):
            for ann in anns[: 1 + b % 4]:
                store.update_annotation(ann["id"], label="BULK")
    elif op == "text":
        cut = a % len(text)
        store.upsert_document(
            "d", text=text[:cut] + ["", " new words ", "X"][b % 3] + text[cut + 1 :]
        )
    store.update_document("d", cursor=a)  # not undoable: must never create or break a step


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS, st.sampled_from([2, 500]))
def test_undo_all_then_redo_all_round_trips(ops, segment):
    # tiny segments make every save cross segment boundaries, empty some, and reuse others
    with tempfile.TemporaryDirectory() as tmp, mock.patch("tui.store.rows.SEGMENT", segment):
        store = Store.open(Path(tmp) / "db.json")
        try:
            store.upsert_document("d", text=TEXT)
            start = state(store)
            steps = []
            for op in ops:
                before = store.generation
                apply(store, *op)
                steps.append(state(store))
                assert store.generation > before
                assert_relation_index(store)
            end = state(store)
            undone = 0
            while state(store) != start:
                assert store.undo() is not None, "ran out of undo steps before reaching the start"
                assert_relation_index(store)
                undone += 1
            assert undone <= len(ops)
            for _ in range(undone):
                assert store.redo() is not None
            assert state(store) == end
            assert_relation_index(store)
            assert store.flush()
            written = orjson.loads((Path(tmp) / "db.json").read_bytes())
            assert list(schema_errors(written)) == [] and consistency_problems(written) == []
            with Store.open(
                Path(tmp) / "db.json", read_only=True
            ) as again:  # the file is the memory
                assert again.snapshot() == store.snapshot()
                assert_relation_index(again)  # built on opening too
        finally:
            store.close()


def test_next_undo_names_the_documents_a_step_touched(tmp_path):
    store = Store.open(tmp_path / "db.json", annotator="t")
    try:
        for doc in ("a.txt", "b.txt"):
            store.upsert_document(doc, text="Alice met Bob in Paris.")
        assert store.next_undo() is None  # opening articles is not undoable
        store.add_annotation("a.txt", "entity", "PERSON", 0, 5)
        store.add_annotation("b.txt", "entity", "PERSON", 10, 13)
        assert store.next_undo().document_ids() == {"b.txt"}
        store.undo()
        assert store.next_undo().document_ids() == {"a.txt"}
        assert store.next_redo().document_ids() == {"b.txt"}
        with store.transaction("import"):
            store.upsert_document("c.txt", text="New text.")
            store.add_annotation("c.txt", "entity", "ORG", 0, 3)
        step = store.next_undo()
        assert step.document_ids() == {"c.txt"} and step.creates_document("c.txt")
        store.undo()
        assert store.get_document("c.txt") is None  # an import is undone whole
    finally:
        store.close()


def test_a_machine_suggestion_is_not_an_undo_step_but_accepting_it_is(tmp_path):
    store = Store.open(tmp_path / "db.json", annotator="t")
    try:
        store.upsert_document("a.txt", text="Alice met Bob in Paris.")
        ghost = store.add_annotation(
            "a.txt", "entity", "PERSON", 0, 5, state="suggested", undoable=False
        )
        assert store.next_undo() is None
        store.update_annotation(ghost["id"], state="ok")
        store.undo()
        assert store.get_annotation(ghost["id"])["state"] == "suggested"
    finally:
        store.close()
