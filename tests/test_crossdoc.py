"""Across the corpus, headless: the seeds' BSN quote found in 000 and 001, compared and linked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import ROOT

from tui.analysis.claim_clusters import (
    ClaimText,
    attribution_differences,
    candidate_pairs,
    split_claim,
    word_diff,
)
from tui.analysis.names import NameRecord, acronym, acronyms_in, fold, same_entity_candidates
from tui.cli import cli
from tui.store import Store
from tui.workspace.session import Session


def test_fold_and_acronyms():
    assert fold("Lín  Yúnan,") == "lin yunan"
    assert acronym("National Information Centre") == "NIC"
    assert acronym("Bank of China") == "BC"
    text = "the State Information Centre (SIC) met the National Information Center (NIC)."
    assert acronyms_in(text) == {
        "SIC": "State Information Centre",
        "NIC": "National Information Center",
    }


def test_same_entity_candidates_give_reasons_and_skip_dismissed():
    records = [
        NameRecord("e1", "Lin Yunan", "PERSON"),
        NameRecord("e2", "Yunan Liu", "PERSON"),
        NameRecord("e3", "Liu Yunan", "PERSON"),
        NameRecord("e4", "NIC", "ORG"),
        NameRecord("e5", "National Information Centre", "ORG"),
        NameRecord("e6", "China Mobile", "ORG"),
        NameRecord("e7", "China Telecom", "ORG"),
        NameRecord("e8", "Zoë Li", "PERSON"),
        NameRecord("e9", "zoe li", "PERSON"),
    ]
    found = {frozenset((c.a, c.b)): c for c in same_entity_candidates(records)}
    assert "another order" in found[frozenset(("e2", "e3"))].reason
    assert "initials" in found[frozenset(("e4", "e5"))].reason
    assert "near spelling" in found[frozenset(("e1", "e2"))].reason
    assert found[frozenset(("e8", "e9"))].score == 1.0
    assert frozenset(("e6", "e7")) not in found
    kept = same_entity_candidates(records, dismissed=[("e3", "e2")])
    assert all({c.a, c.b} != {"e2", "e3"} for c in kept)


def test_claims_cluster_by_content_and_show_what_differs():
    s1 = "“The network can effectively reduce the threshold of blockchain application,” said Lin Yunan, director of the NIC."
    s2 = "“Network can […] reduce the threshold of blockchain application,” Yunan Liu, director of the SIC, said."
    s3 = "Bitcoin prices fell sharply on Monday after the announcement, traders said."
    claims = []
    for i, sentence in enumerate((s1, s2, s3)):
        content, attribution = split_claim(sentence, sentence)
        claims.append(ClaimText(f"c{i}", f"d{i}", content, attribution, "", None))
    assert claims[0].attribution == "said Lin Yunan, director of the NIC"
    pairs = candidate_pairs(claims)
    assert [(p.a, p.b) for p in pairs] == [("c0", "c1")]
    left, right = word_diff(claims[0].attribution, claims[1].attribution)
    assert ("NIC", "changed") in [(p.text, p.kind) for p in left]
    named = ClaimText("a", "d0", claims[0].content, claims[0].attribution, "Lin Yunan", None)
    other = ClaimText("b", "d1", claims[1].content, claims[1].attribution, "Yunan Liu", None)
    # the agency differs; the cue word "said" that moved is no part of what differs
    assert attribution_differences(named, other)[-1] == "attribution: NIC ≠ SIC"


def _tag(session: Session, article, name: str, hotkey: str) -> dict:
    start = article.text.index(name)
    return session.apply_label(article, session.label_for_hotkey(hotkey), start, start + len(name))


def _quote_claim(session: Session, article, speaker: dict) -> dict:
    start = article.text.index("“")
    end = (
        article.text.index("said.", start) + 5
        if "said." in article.text[start : start + 400]
        else None
    )
    if end is None:
        end = article.text.index("NIC.", start) + 4
    return session.claiming.add_claim(
        article, start, end, {"speaker": {"text": speaker["exact"], "annotation_id": speaker["id"]}}
    )


@pytest.fixture
def bsn_db(tmp_path: Path) -> Path:
    """The seeds with the BSN quote tagged as a claim in 000 and 001, each with its speaker."""
    from tui import corpus

    entries = [e for e in corpus.index([ROOT / "seeds"], None) if e.id[:3] in ("000", "001")]
    db = tmp_path / "db.json"
    with Store.open(db, annotator="t") as store:
        session = Session(store, entries)
        for entry, name in zip(entries, ("Lin Yunan", "Yunan Liu"), strict=True):
            article = session.open_article(entry)
            speaker = _tag(session, article, name, "1")
            _quote_claim(session, article, speaker)
    return db


def test_seeds_bsn_quote_is_offered_flagged_marked_and_merged(bsn_db: Path):
    with Store.open(bsn_db, annotator="t") as store:
        session = Session(store)
        clusters = session.claims.clusters()
        assert len(clusters) == 1 and clusters[0].documents == 2
        cluster = clusters[0]
        assert cluster.attribution_differs
        assert any("NIC" in d and "SIC" in d for d in cluster.differing)
        a, b = cluster.claims
        session.claims.mark(a.id, b.id, "same_claim")
        assert session.claims.clusters()[0].pairs[0].relation == "same_claim"
        assert [kind for kind, _ in session.claims.relations_of(a.id)] == ["same_claim"]
        assert session.claims.relations_of(b.id)[0][1] == a.document_title
        candidates = session.registry.candidates()
        assert {(c.a_name, c.b_name) for c in candidates} & {
            ("Lin Yunan", "Yunan Liu"),
            ("Yunan Liu", "Lin Yunan"),
        }
        pair = candidates[0]
        session.registry.merge(pair.a, pair.b)
        [entity] = session.registry.entities()
        assert {entity.name, *entity.aliases} == {"Lin Yunan", "Yunan Liu"}
        assert entity.mentions == 2 and len(entity.documents) == 2
        assert session.undo_last().done  # the merge, in one step
        assert len(session.registry.entities()) == 2
        assert session.undo_last().done  # the same_claim mark
        assert not any(r["type"] == "same_claim" for r in store.relations())
        session.undo_last(undoing=False)
        session.undo_last(undoing=False)
        assert len(session.registry.entities()) == 1
    runner = CliRunner()
    result = runner.invoke(cli, ["claims", "--similar", "--json", "--db", str(bsn_db)])
    assert result.exit_code == 0, result.output
    [cluster_json] = json.loads(result.output)
    assert (
        cluster_json["attribution_differs"] and cluster_json["pairs"][0]["relation"] == "same_claim"
    )
    result = runner.invoke(cli, ["entities", "--json", "--db", str(bsn_db)])
    [entity_json] = json.loads(result.output)
    assert set(entity_json["aliases"]) == {"Yunan Liu"} or set(entity_json["aliases"]) == {
        "Lin Yunan"
    }
    exported = runner.invoke(cli, ["export", "--format", "json", "--db", str(bsn_db)])
    assert exported.exit_code == 0
    assert "same_claim" in exported.output and "Yunan Liu" in exported.output


def test_link_picker_search_and_link_to_last(bsn_db: Path):
    with Store.open(bsn_db, annotator="t") as store:
        session = Session(store)
        mentions = [a for a in store.annotations() if a["kind"] == "entity"]
        first = session.registry.new_entity_from_mention(mentions[0]["id"])
        assert session.registry.link_to_last(mentions[1]["id"]) == first
        [entity] = [e for e in session.registry.entities() if e.id == first]
        assert (
            entity.mentions == 2 and len(entity.aliases) == 1
        )  # the other spelling became an alias
        assert first in [m.entity_id for m in session.registry.search("yunan")]
        assert {m.document_id[:3] for m in session.registry.mentions(first)} == {"000", "001"}
        assert session.claims.search_corpus("Yunan")[0].hits >= 1


def test_read_only_store_lists_but_refuses_to_change(bsn_db: Path):
    with Store.open(bsn_db, annotator="t") as writer:
        reader = Store.open(bsn_db, read_only=True)
        try:
            session = Session(reader)
            cluster = session.claims.clusters()[0]
            with pytest.raises(Exception, match="read-only"):
                session.claims.mark(cluster.claims[0].id, cluster.claims[1].id, "contradicts")
        finally:
            reader.close()
        assert writer.relations() == [r for r in writer.relations() if r["type"] == "said_by"]


def test_claims_table_export_has_the_cluster_and_relations(bsn_db: Path):
    import csv
    import io

    with Store.open(bsn_db, annotator="t") as store:
        session = Session(store)
        a, b = session.claims.clusters()[0].claims
        session.claims.mark(a.id, b.id, "contradicts", "different agency")
    result = CliRunner().invoke(cli, ["export", "--format", "claims-csv", "--db", str(bsn_db)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    assert rows[0]["cluster_id"] and rows[0]["cluster_id"] == rows[1]["cluster_id"]
    assert {r["attribution_differs"] for r in rows} == {"true"}
    assert rows[0]["contradicts"] == rows[1]["claim_id"]
    assert {r["speaker"] for r in rows} == {"Lin Yunan", "Yunan Liu"}
