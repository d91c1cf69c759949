"""Adjudicating a merged database: conflicts side by side, take one, reject all, undo."""

from __future__ import annotations

from click.testing import CliRunner
from team_support import make_pair

from tui.cli import cli
from tui.store import Store
from tui.workspace.adjudication import Adjudication


def merged(tmp_path):
    out = tmp_path / "gold.json"
    result = CliRunner().invoke(cli, ["merge", *map(str, make_pair(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_conflicts_take_reject_undo(tmp_path):
    with Store.open(merged(tmp_path), annotator="judge") as store:
        judge = Adjudication(store)
        assert judge.annotators() == ["alice", "bob"]
        found = judge.conflicts()
        # the two claims; bob's Ali against alice's nothing; Bob PERSON vs ORG; Paris alone
        assert [[o.quote for o in c.options] for c in found] == [
            ["Alice met Bob", "Alice met"],
            ["Ali", ""],
            ["Bob", "Bob"],
            ["Paris", ""],
        ]
        assert [(o.claim_type, o.stance) for o in found[0].options] == [
            ("assertion", "supported"),
            ("assertion", "disputed"),
        ]
        bob = found[2]
        assert [(o.label, o.annotators) for o in bob.options] == [
            ("PERSON", ("alice",)),
            ("ORG", ("bob",)),
        ]
        judge.take(bob, 1)  # bob's ORG
        labels = {(a["exact"], a["label"], a["state"]) for a in store.annotations()}
        assert ("Bob", "ORG", "ok") in labels and ("Bob", "PERSON", "suggested") not in labels
        assert len(judge.conflicts()) == 3
        assert judge.undo() == "adjudicate: take bob"
        assert len(judge.conflicts()) == 4
        paris = judge.conflicts()[3]
        assert paris.options[1].annotators == ("bob",) and paris.options[1].annotation_id is None
        judge.take(paris, 1)  # bob's "nothing": Paris goes
        assert all(a["exact"] != "Paris" for a in store.annotations())
        judge.reject(judge.conflicts()[0])
        assert [c.options[0].quote for c in judge.conflicts()] == ["Ali", "Bob"]
