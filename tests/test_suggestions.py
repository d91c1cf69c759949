"""Headless suggestions: all occurrences, registry gazetteer, claim splits, spaCy, and the service."""

from __future__ import annotations

import pytest

from tui.analysis.claims import candidates
from tui.analysis.gazetteer import Gazetteer, Name
from tui.analysis.model import model_matches
from tui.analysis.occurrences import find_all, find_in_corpus
from tui.store import Store
from tui.workspace.suggestions import SuggestionService

TEXT = (
    "China Mobile joined the BSN. Hainan’s officials met China Mobile staff.\n\n"
    "“The network will cut costs for small firms,” said Lin Yunan, director of the SIC.\n\n"
    "Mu Changchun told a forum that the central bank will issue the currency first."
)


def test_occurrences_keep_word_boundaries_and_leave_the_possessive_out():
    text = "Hainan’s plan. Hainans. hainan\nprovince and Hainan's port"
    assert find_all(text, "Hainan") == [(0, 6), (44, 50)]
    assert find_all(text, "hainan", ignore_case=True) == [(0, 6), (24, 30), (44, 50)]
    assert find_all("China\nMobile and China Mobiles", "China Mobile") == [(0, 12)]


def test_corpus_occurrences_name_the_document():
    hits = find_in_corpus([("a", "BSN and BSN"), ("b", "no"), ("c", "the BSN")], "BSN")
    assert [(h.document_id, h.start) for h in hits] == [("a", 0), ("a", 8), ("c", 4)]


def test_gazetteer_takes_the_longest_whole_word_name():
    names = [
        Name("China", "e1", "GPE"),
        Name("China Mobile", "e2", "ORG"),
        Name("BSN", "e3", "ORG"),
    ]
    found = Gazetteer(names).find(TEXT)
    assert [(TEXT[m.start : m.end], m.name.entity_id) for m in found] == [
        ("China Mobile", "e2"),
        ("BSN", "e3"),
        ("China Mobile", "e2"),
    ]
    assert Gazetteer([Name("bsn", None, "ORG")], ignore_case=True).find("the BSN.")[0].start == 4


def test_claim_candidates_split_content_cue_and_speaker():
    found = candidates(TEXT)
    quote, reported = found
    assert TEXT[quote.start : quote.end] == "The network will cut costs for small firms"
    assert TEXT[quote.cue_start : quote.cue_end] == "said"
    assert (quote.type, quote.speaker_text) == ("direct quote", "Lin Yunan")
    assert TEXT[reported.start : reported.end].startswith("the central bank will issue")
    assert TEXT[reported.cue_start : reported.cue_end] == "told"
    assert reported.speaker_text == "Mu Changchun"


def test_a_blank_pipeline_with_an_entity_ruler_suggests_mapped_labels():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "BSN"}, {"label": "NORP", "pattern": "Hainan"}])
    assert [(m.start, m.end, m.label) for m in model_matches(nlp, TEXT)] == [(24, 27, "ORG")]
    assert model_matches(nlp, TEXT, {"NORP": "GPE"})[0].label == "GPE"


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "db.json", annotator="t")
    store.upsert_document("a", text=TEXT, title="A")
    store.upsert_document("b", text="Staff of China Mobile said nothing.", title="B")
    yield store
    store.close()


def test_registry_suggestions_accept_links_and_reject_is_remembered(store):
    service = SuggestionService(store)
    entity = store.add_entity("China Mobile", "ORG", aliases=["CMCC"])
    added = service.add("a", service.registry_proposals("a"))
    assert [(a["exact"], a["state"], a["entity_id"]) for a in added] == [
        ("China Mobile", "suggested", entity["id"]),
        ("China Mobile", "suggested", entity["id"]),
    ]
    assert store.next_undo() is None or "suggest" not in store.next_undo().description
    service.accept(added[0]["id"])
    service.reject(added[1]["id"])
    assert service.add("a", service.registry_proposals("a")) == []  # rejected and tagged spans
    ok = [a for a in store.annotations("a") if a["state"] == "ok"]
    assert [(a["exact"], a["entity_id"]) for a in ok] == [("China Mobile", entity["id"])]
    assert service.count("a") == 0


def test_accept_all_and_claim_suggestions_carry_cue_and_speaker(store):
    service = SuggestionService(store)
    lin = store.add_annotation("a", "entity", "PERSON", TEXT.index("Lin"), TEXT.index(", director"))
    added = service.add("a", service.claim_proposals("a"))
    assert len(added) == 2 and service.count("a") == 2
    accepted = service.accept_all("a")
    claim = next(a for a in accepted if a["attributes"]["type"] == "direct quote")
    cue = claim["attributes"]["cue"]
    assert TEXT[cue["start"] : cue["end"]] == "said"
    assert claim["attributes"]["speaker"]["annotation_id"] == lin["id"]
    assert any(r["from"] == claim["id"] and r["to"] == lin["id"] for r in store.relations())
    store.undo()
    assert service.count("a") == 2  # accept all was one step


def test_tag_all_occurrences_in_the_corpus_is_one_undo_step_linked_like_the_source(store):
    service = SuggestionService(store)
    entity = store.add_entity("China Mobile", "ORG")
    source = store.add_annotation("a", "entity", "ORG", 0, 12, entity_id=entity["id"])
    assert [h.document_id for h in service.occurrences(source)] == ["a"]
    hits = service.occurrences(source, corpus=True)
    assert [(h.document_id, h.title) for h in hits] == [("a", "A"), ("b", "B")]
    assert hits[1].context[hits[1].offset :].startswith("China Mobile")
    records = service.tag_occurrences(source, hits)
    assert {r["entity_id"] for r in records} == {entity["id"]}
    assert service.occurrences(source, corpus=True) == []
    store.undo()
    assert len(service.occurrences(source, corpus=True)) == 2


def test_c_on_a_sentence_gets_the_split_and_a_typed_registry_name_links(store):
    from tui.workspace.session import Session

    session = Session(store)
    start = TEXT.index("“The network")
    end = TEXT.index("SIC.") + 4
    split = session.suggestions.claim_split("a", start, end)
    assert TEXT[split.start : split.end] == "The network will cut costs for small firms"
    assert session.suggestions.claim_split("a", start + 1, end) is None  # not a whole sentence
    entity = store.add_entity("Yunan Lin", "PERSON", aliases=["Lin  Yunan"])
    claim = store.add_annotation("a", "claim", "CLAIM", split.start, split.end)
    attributes = {"speaker": {"text": "lin yunan", "entity_id": None, "annotation_id": None}}
    saved = session.claiming.set_claim_attributes(claim["id"], attributes)
    assert saved["attributes"]["speaker"]["entity_id"] == entity["id"]


def test_a_label_key_on_a_suggestion_accepts_it_with_that_label(store):
    from tui.workspace.session import Session

    session = Session(store)
    ghost = store.add_annotation("a", "entity", "GPE", 0, 12, state="suggested", undoable=False)
    org = next(label for label in session.labels() if label["name"] == "ORG")
    article = type("A", (), {"id": "a", "text": TEXT, "cleaned": None})()
    record = session.apply_label(article, org, 0, 12, [ghost])
    assert (record["id"], record["label"], record["state"]) == (ghost["id"], "ORG", "ok")
