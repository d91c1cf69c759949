"""Native JSON is a backup: export, import into an empty database, and every record comes back."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tui.cli import cli

# Fields a restore cannot keep: documents are re-created by the import (their created/updated
# are the import's time); everything else, ids included, comes back as it was.
DOCUMENT_STAMPS = ("created", "updated")


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def _export(db, path):
    result = run("export", "--format", "json", "--db", db, "-o", path)
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))


def test_json_export_restores_every_record_into_an_empty_database(awkward_db, tmp_path):
    """Issue 10 #4: annotators came back null, statuses `new`, times reset."""
    first = _export(awkward_db, tmp_path / "backup.json")
    restored = tmp_path / "restored.json"
    result = run("import", tmp_path / "backup.json", "--db", restored)
    assert result.exit_code == 0, result.output
    second = _export(restored, tmp_path / "again.json")
    for table in ("annotations", "entities", "relations"):
        before = {record["id"]: record for record in first[table]}
        after = {record["id"]: record for record in second[table]}
        assert before.keys() == after.keys(), table
        for key, record in before.items():
            assert after[key] == record, (table, key)
    documents = {d["id"]: d for d in second["documents"]}
    for document in first["documents"]:
        back = documents[document["id"]]
        for key, value in document.items():
            if key not in DOCUMENT_STAMPS:
                assert back[key] == value, (document["id"], key)
    labels = sorted(
        (label["name"], label["kind"], label["hotkey"], label["color"])
        for label in second["labels"]
    )
    for label in first["labels"]:
        assert (label["name"], label["kind"], label["hotkey"], label["color"]) in labels
    assert {a["annotator"] for a in second["annotations"]} == {"alice", "bob"}
    assert {d["status"] for d in second["documents"]} == {"in progress", "done"}
