"""The Store's record API: annotations, documents, registry, relations, transactions and undo."""

from __future__ import annotations

import pytest
from store_support import TEXT, on_disk

from tui.store import Store
from tui.store.errors import NotFoundError


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


def test_undo_restores_text_but_not_cursor_or_status(store):
    store.update_document("a.txt", undoable=True, overrides={2: "content"})
    store.update_document("a.txt", status="done", cursor=40)
    store.undo()
    doc = store.get_document("a.txt")
    assert doc["overrides"] == {} and doc["status"] == "done" and doc["cursor"] == 40


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
