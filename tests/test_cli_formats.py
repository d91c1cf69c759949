"""Every export format through the CLI on the awkward database, and back in with `newsmark import`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.formats import EXPORT_FORMATS
from tui.store import Store

SPECIAL = {"spacy": "out.spacy", "parquet": "out.parquet", "claims-parquet": "claims.parquet"}


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_every_format_exports_and_reports(name, awkward_db, tmp_path):
    fmt = EXPORT_FORMATS[name]
    out = tmp_path / (SPECIAL.get(name) or ("out" if fmt.target == "directory" else "out.txt"))
    result = run("export", "--format", name, "--db", awkward_db, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"{name}: exported" in result.output
    if name not in ("json", "csv", "parquet", "claims-csv", "claims-parquet"):
        assert "not carried: 1 orphaned annotations" in result.output
    if name not in ("json", "jsonl", "csv", "parquet"):  # the claim's raw-file offsets
        assert "not carried: 1 raw-file offsets" in result.output
    assert out.exists()


@pytest.mark.parametrize(
    ("name", "target", "expected_relations"),
    [
        ("json", "backup.json", 6),
        ("jsonl", "out.jsonl", 0),
        ("brat", "brat", 4),
        ("label-studio", "ls", 2),
        ("xmi", "xmi", 2),
    ],
)
def test_round_trip_through_the_cli(name, target, expected_relations, awkward_db, tmp_path):
    out = tmp_path / target
    assert run("export", "--format", name, "--db", awkward_db, "-o", out).exit_code == 0
    db = tmp_path / "back.json"
    result = run("import", out, "--db", db)  # the format is detected from the path
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        placed = [a for a in store.annotations() if a["state"] == "ok"]
        spans = sorted((a["document_id"], a["start"], a["end"], a["label"]) for a in placed)
        relations = store.relations()
    with Store.open(awkward_db, read_only=True) as store:
        wanted = sorted(
            (a["document_id"], a["start"], a["end"], a["label"])
            for a in store.annotations()
            if a["state"] == "ok"
        )
    assert spans == wanted
    assert len(relations) == expected_relations


def test_directory_formats_need_a_directory(awkward_db, tmp_path):
    result = run("export", "--format", "xmi", "--db", awkward_db)
    assert result.exit_code != 0 and "pass -o DIRECTORY" in result.output
    (tmp_path / "file").write_text("x")
    result = run("export", "--format", "label-studio", "--db", awkward_db, "-o", tmp_path / "file")
    assert result.exit_code != 0 and "label-studio needs a directory" in result.output
