"""`newsmark suggest` fills suggestions headless; nothing is accepted, a bad model is one line."""

from __future__ import annotations

from click.testing import CliRunner

from tui.cli import cli
from tui.store import Store


def test_suggest_adds_registry_and_claim_suggestions_for_the_corpus(seeds, tmp_path):
    db = tmp_path / "db.json"
    with Store.open(db, annotator="t") as store:
        store.add_entity("Blockchain Service Network", "ORG", aliases=["BSN"])
    result = CliRunner().invoke(cli, ["suggest", str(seeds), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "suggestions added" in result.output
    with Store.open(db, read_only=True) as store:
        states = {a["state"] for a in store.annotations()}
        bsn = [a for a in store.annotations() if a["exact"] == "BSN"]
    assert states == {"suggested"}
    assert bsn and all(a["entity_id"] for a in bsn)


def test_a_missing_model_is_one_clear_line(seeds, tmp_path):
    args = ["suggest", str(seeds), "--db", str(tmp_path / "db.json"), "--model", "no_such_model"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "no installed spaCy pipeline 'no_such_model'" in result.output
    assert "Traceback" not in result.output


def test_suggest_needs_no_optional_package(seeds, tmp_path, monkeypatch):
    """`pip install -e .` has no tqdm (only spaCy and label-studio-sdk bring it): suggest still runs."""
    monkeypatch.setitem(__import__("sys").modules, "tqdm", None)  # import tqdm now fails
    result = CliRunner().invoke(cli, ["suggest", str(seeds), "--db", str(tmp_path / "db.json")])
    assert result.exit_code == 0, result.output
    assert "suggestions added" in result.output


def test_ctrl_c_keeps_the_articles_done_and_says_how_to_finish(seeds, tmp_path, monkeypatch):
    from tui.workspace.suggestions import SuggestionService

    real = SuggestionService.claim_proposals
    calls = []

    def interrupt_on_the_third(self, doc_id):
        calls.append(doc_id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(self, doc_id)

    monkeypatch.setattr(SuggestionService, "claim_proposals", interrupt_on_the_third)
    db = tmp_path / "db.json"
    result = CliRunner().invoke(cli, ["suggest", str(seeds), "--db", str(db), "--claims"])
    assert result.exit_code == 130
    assert "interrupted after 2 of 5 articles" in result.output
    assert "run the same command again" in result.output
    with Store.open(db, read_only=True) as store:
        kept = {a["document_id"] for a in store.annotations()}
    assert kept and kept <= set(calls[:2])
