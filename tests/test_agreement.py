"""`newsmark agree` and `merge` on small databases whose answers are computed by hand."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from team_support import ALICE, BOB, make_db, make_pair

from tui.analysis.agreement import agreement, cohen_kappa, krippendorff_alpha
from tui.analysis.spans import load_annotator
from tui.cli import cli
from tui.store import Store


@pytest.fixture
def pair(tmp_path):
    return make_pair(tmp_path)


def annotators(*paths):
    out = []
    for p in paths:
        with Store.open(p, read_only=True) as store:
            out.append(load_annotator(p.stem, store.snapshot()))
    return out


def test_hand_computed_kappa_and_alpha():
    a = ["P", "O", "P", "O", "G", "O"]
    b = ["P", "O", "R", "O", "O", "O"]
    # po = 4/6; pe = (2*1 + 3*4)/36 = 14/36; kappa = (24/36 - 14/36) / (22/36) = 10/22
    assert cohen_kappa(a, b) == pytest.approx(10 / 22)
    # coincidences: n = 12, 4 off-diagonal; De = (144 - (9 + 49 + 1 + 1)) / 132 = 84/132
    assert krippendorff_alpha([a, b]) == pytest.approx(1 - (4 / 12) / (84 / 132))


def test_agreement_by_hand(pair):
    report = agreement(annotators(*pair))
    assert report.documents == ["d1"]  # d2 has no annotations in either
    (p,) = report.pairs
    # exact: alice {Alice/P, Bob/P, Paris/G, claim}, bob {Alice/P, Bob/ORG, Ali/P, claim 0-9}
    assert (
        p.exact["overall"].matched,
        p.exact["overall"].reference,
        p.exact["overall"].predicted,
    ) == (1, 4, 4)
    assert p.exact["PERSON"].precision == pytest.approx(1 / 2)  # bob's 2 PERSON, 1 right
    assert p.exact["PERSON"].recall == pytest.approx(1 / 2)
    assert p.exact["GPE"].precision is None and p.exact["GPE"].recall == 0.0
    # overlap: Alice/Alice, claims overlap; Ali stays unmatched (one-to-one)
    assert p.overlap["overall"].matched == 2
    assert p.overlap["CLAIM"].f1 == pytest.approx(1.0)
    assert p.overlap["PERSON"].f1 == pytest.approx(0.5)
    # entity tokens: alice P O P O G O, bob P O ORG O O O (Ali is inside Alice: token stays P)
    assert p.kappa["entity"] == pytest.approx(10 / 22)
    assert report.alpha["entity"] == pytest.approx(1 - (4 / 12) / (84 / 132))
    # claim tokens: alice C C C O O O, bob C C O O O O: po 5/6, pe (3*2 + 3*4)/36 = 1/2
    assert p.kappa["claim"] == pytest.approx((5 / 6 - 1 / 2) / (1 / 2))
    assert (p.claim_type.agreed, p.claim_type.compared) == (1, 1)
    assert (p.stance.agreed, p.stance.compared) == (0, 1)
    quotes = {(d.quote, d.by) for d in report.disagreements["d1"]}
    assert ("Bob", ("alice",)) in quotes and ("Bob", ("bob",)) in quotes
    assert ("Alice", ("alice", "bob")) not in quotes


def test_two_copies_agree_perfectly(pair, tmp_path):
    copy = tmp_path / "copy.json"
    shutil.copy(pair[0], copy)
    report = agreement(annotators(pair[0], copy))
    (p,) = report.pairs
    for figures in (p.exact, p.overlap):
        assert all(prf.f1 == 1.0 for prf in figures.values())
    assert set(p.kappa.values()) == {1.0} and set(report.alpha.values()) == {1.0}
    assert p.claim_type.ratio == 1.0 and p.stance.ratio == 1.0
    assert not report.disagreements


def test_relations_compared(tmp_path):
    a = make_db(tmp_path / "a.json", [("PERSON", *ALICE), ("PERSON", *BOB)], relate=True)
    b = make_db(tmp_path / "b.json", [("PERSON", *ALICE), ("PERSON", *BOB)])
    (p,) = agreement(annotators(a, b)).pairs
    rel = p.relations["same_claim"]
    assert (rel.matched, rel.reference, rel.predicted, rel.recall) == (0, 1, 0, 0.0)


def test_agree_cli_json_and_text(pair):
    runner = CliRunner()
    result = runner.invoke(cli, ["agree", str(pair[0]), str(pair[1]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents_all_annotated"] == ["d1"]
    assert data["pairs"][0]["exact"]["overall"]["matched"] == 1
    text = runner.invoke(cli, ["agree", *map(str, pair)])
    assert text.exit_code == 0 and "Disagreements by document" in text.output
    missing = runner.invoke(cli, ["agree", str(pair[0]), "nope.json"])
    assert missing.exit_code == 2 and "no database at nope.json" in missing.output


def test_three_annotators_alpha(pair, tmp_path):
    copy = tmp_path / "carol.json"
    shutil.copy(pair[0], copy)
    report = agreement(annotators(*pair, copy))
    assert len(report.pairs) == 3
    # entity tokens: alice/carol P O P O G O, bob P O R O O O; alpha by hand over 3 coders:
    # units 3 and 5 each: values (P,P,R) -> 2 disagreeing ordered pairs * 2 / (m-1=2) = 2 each
    # n = 18; counts P 5, O 11, G 2, R 1... computed from the coincidence matrix below
    rows = [
        ["P", "O", "P", "O", "G", "O"],
        ["P", "O", "R", "O", "O", "O"],
        ["P", "O", "P", "O", "G", "O"],
    ]
    counts = {"P": 5, "O": 10, "G": 2, "R": 1}
    n = 18
    d_o = (2 + 2) / n  # unit 3: P-R pairs 2*2/2 = 2; unit 5: G-O pairs 2*2/2 = 2
    d_e = (n * n - sum(c * c for c in counts.values())) / (n * (n - 1))
    assert krippendorff_alpha(rows) == pytest.approx(1 - d_o / d_e)
    assert report.alpha["entity"] == pytest.approx(1 - d_o / d_e)


def test_merge_keeps_agreed_and_suggests_the_rest(pair, tmp_path):
    out = tmp_path / "gold.json"
    result = CliRunner().invoke(cli, ["merge", *map(str, pair), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    anns = list(data["annotations"].values())
    ok = [(a["exact"], a["label"]) for a in anns if a["state"] == "ok"]
    assert ok == [("Alice", "PERSON")]
    suggested = sorted(
        (a["exact"], a["label"], tuple(a["attributes"]["annotators"]))
        for a in anns
        if a["state"] == "suggested"
    )
    assert suggested == [
        ("Ali", "PERSON", ("bob",)),
        ("Alice met", "CLAIM", ("bob",)),
        ("Alice met Bob", "CLAIM", ("alice",)),
        ("Bob", "ORG", ("bob",)),
        ("Bob", "PERSON", ("alice",)),
        ("Paris", "GPE", ("alice",)),
    ]
    assert {a["annotator"] for a in anns} == {"alice+bob", "alice", "bob"}
    again = CliRunner().invoke(cli, ["merge", *map(str, pair), "-o", str(out)])
    assert again.exit_code == 2 and "exists" in again.output


def test_a_folder_given_as_a_database_is_named_as_a_folder(tmp_path):
    from tui.cli import cli

    alice, _bob = make_pair(tmp_path)
    folder = tmp_path / "bob"
    folder.mkdir()
    for command in (["agree", alice, folder], ["merge", alice, folder, "-o", tmp_path / "g.json"]):
        result = CliRunner().invoke(cli, list(map(str, command)))
        assert result.exit_code == 2
        assert "is a folder, not a database file" in result.output, result.output
