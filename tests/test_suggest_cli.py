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
