"""`newsmark check`, `check --repair` and `stats` as a user runs them, plus the schema file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.store import Store
from tui.store import backups as backup_module
from tui.store.check import check
from tui.store.schema import schema_errors

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The Ministry said the BSN alliance, founded in 2020, now spans 100 cities."


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "annotations.json"
    with Store.open(path, annotator="alice") as store:
        store.upsert_document("d.txt", text=TEXT, title="BSN")
        store.add_annotation("d.txt", "entity", "ORG", 4, 12)
        claim = store.add_annotation(
            "d.txt",
            "claim",
            "CLAIM",
            22,
            74,
            attributes={
                "type": "indirect quote",
                "stance": "unverified",
                "speaker": {"entity_id": None, "text": "The Ministry"},
                "cue": {"start": 13, "end": 17},
                "note": None,
            },
        )
        person = store.add_entity("Ministry", "ORG", aliases=["the Ministry"])
        store.add_relation(claim["id"], person["id"], "said_by")
    return path


def test_shipped_schema_is_the_repo_schema():
    assert (ROOT / "annotations" / "schema.json").read_bytes() == (
        ROOT / "tui" / "store" / "schema.json"
    ).read_bytes()


def test_written_file_validates(db):
    assert list(schema_errors(orjson.loads(db.read_bytes()))) == []
    assert check(db).ok


def test_check_ok(db):
    result = run("check", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "OK (1 document, 2 annotations, 1 entity, 1 relation, 10 labels)" in result.output


def test_check_lists_orphans_after_text_change(db):
    with Store.open(db) as store:
        report = store.upsert_document(
            "d.txt", text="Completely different words now; nothing of it remains here."
        )
        assert len(report["orphaned"]) == 2
    result = run("check", "--db", str(db))
    assert result.exit_code == 0
    assert "2 orphaned annotation(s)" in result.output and "'Ministry'" in result.output


def test_check_reports_inconsistency(db):
    data = orjson.loads(db.read_bytes())
    next(iter(data["annotations"].values()))["start"] = 5  # quote no longer matches
    db.write_bytes(orjson.dumps(data))
    result = run("check", "--db", str(db))
    assert result.exit_code == 1
    assert "is not its quote" in result.output


def test_damaged_file_check_then_repair_restores_backup_and_keeps_the_bad_file(db, monkeypatch):
    monkeypatch.setattr("tui.store.database_file.BACKUP_EVERY", 0.0)
    with Store.open(db) as store:  # the next save keeps the current good file as a backup
        store.add_annotation("d.txt", "entity", "DATE", 45, 49)
    assert backup_module.list_backups(db)
    garbage = db.read_bytes()[:100]
    db.write_bytes(garbage)
    result = run("check", "--db", str(db))
    assert result.exit_code == 2
    assert "does not parse" in result.output and db.read_bytes() == garbage
    result = run("check", "--repair", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "restored" in result.output
    damaged = [p for p in db.parent.iterdir() if ".damaged-" in p.name]
    assert len(damaged) == 1 and damaged[0].read_bytes() == garbage
    assert check(db).ok
    with Store.open(db) as store:
        assert len(store.annotations()) == 2  # the backup predates the DATE annotation


def test_repair_without_backup_leaves_file(tmp_path):
    path = tmp_path / "annotations.json"
    path.write_bytes(b"{not json")
    result = run("check", "--repair", "--db", str(path))
    assert result.exit_code == 2
    assert "no good backup" in result.output
    assert path.read_bytes() == b"{not json"


def test_repair_refuses_while_another_process_writes(db, monkeypatch):
    store = Store.open(db)
    try:
        db.write_bytes(b"[")  # damaged behind the writer's back
        result = run("check", "--repair", "--db", str(db))
        assert result.exit_code == 2 and "has it open" in result.output
    finally:
        store._saver.stop()  # do not let close() overwrite the evidence
        store._writer.release()
        store._closed = True


def test_env_var_selects_database(db, monkeypatch):
    monkeypatch.setenv("NEWSMARK_DB", str(db))
    assert "OK (" in run("check").output


def test_stats_tables_escape_markup(db):
    with Store.open(db) as store:
        store.upsert_document("x.txt", text="[bold]not markup[/bold] \x1b[31m", title="[red]T")
        store.add_label("[b]L", "entity")
        store.update_document("x.txt", status="done")
    result = run("stats", "--db", str(db))
    assert result.exit_code == 0, result.output
    for heading in ("Documents (2)", "Labels", "Annotators", "Progress"):
        assert heading in result.output
    assert "[red]T" in result.output and "[b]L" in result.output
    assert "\x1b" not in result.output
    assert "alice" in result.output


def test_stats_treats_every_field_from_the_file_as_data(db):
    data = orjson.loads(db.read_bytes())
    next(iter(data["documents"].values()))["status"] = "[blink]x[/blink]\x1b[2J"
    next(iter(data["labels"].values()))["kind"] = "[bold]k"
    next(iter(data["annotations"].values()))["updated"] = "\x1b]52;c;evil\x07"
    db.write_bytes(orjson.dumps(data))
    result = run("stats", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "[blink]x[/blink]" in result.output and "[bold]k" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_stats_without_database(tmp_path):
    result = run("stats", "--db", str(tmp_path / "none.json"))
    assert result.exit_code == 1 and "no database" in result.output


def test_stats_caps_the_document_table(db):
    with Store.open(db) as store:
        with store.transaction("many"):
            for i in range(45):
                store.upsert_document(f"doc{i:02d}.txt", text="some words")
    result = run("stats", "--db", str(db))
    assert "6 more documents not shown" in result.output and "doc38.txt" in result.output
    assert "doc39.txt" not in result.output  # d.txt sorts first, then doc00..doc38
    assert "doc44.txt" in run("stats", "--all", "--db", str(db)).output


def test_newer_schema_is_one_clear_problem(db):
    data = orjson.loads(db.read_bytes())
    next(iter(data["meta"].values()))["schema_version"] = 99
    db.write_bytes(orjson.dumps(data))
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["check", "--db", str(db)])
    assert result.exit_code == 1
    assert "schema version 99" in result.output and "upgrade newsmark" in result.output
    assert "()" not in result.output  # was "1 PROBLEM(S) ()"
    assert db.read_bytes() == before


@pytest.mark.parametrize("content", ['{"meta": 5}', '{"meta": [], "documents": 3}'])
def test_tables_of_the_wrong_type_are_damage_not_a_traceback(tmp_path, content):
    path = tmp_path / "annotations.json"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--db", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 2 and "DAMAGED" in result.output and "schema:" in result.output
    assert path.read_text(encoding="utf-8") == content


def test_stats_keeps_one_row_per_document_at_80_columns(db):
    from rich.console import Console

    from tui.commands.stats import build_tables

    with Store.open(db) as store:
        store.upsert_document(
            "a-rather-long-folder/000_9ea1091cd66686d8.txt",
            text="words",
            title="Huobi Joins Chinese State-Backed Blockchain Alliance With Many Words",
        )
        snapshot = store.snapshot()
    console = Console(width=80, record=True, file=open(os.devnull, "w"))
    console.print(build_tables(snapshot)[0])
    rows = [line for line in console.export_text().splitlines() if line.startswith("│")]
    assert len(rows) == len(snapshot["documents"]), (
        rows
    )  # titles and ids were wrapped over 4-5 lines


def test_a_folder_given_as_the_database_is_named_and_never_moved(tmp_path):
    folder = tmp_path / "annotations"
    folder.mkdir()
    (tmp_path / "annotations.backups").mkdir()
    for args in (
        ["stats"],
        ["check"],
        ["check", "--repair"],
        ["import", str(tmp_path / "x.jsonl")],
    ):
        (tmp_path / "x.jsonl").write_text('{"text": "Some text here."}\n', encoding="utf-8")
        result = CliRunner().invoke(cli, [*args, "--db", str(folder)])
        assert result.exit_code != 0 and (
            "is a folder" in result.output or "is a directory" in result.output
        ), (args, result.output)
        assert "Traceback" not in result.output and not isinstance(result.exception, OSError)
    assert folder.is_dir()


def test_repair_through_a_symlink_restores_the_real_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "synced" / "annotations.json"
    real.parent.mkdir()
    with Store.open(real, annotator="a") as store:
        store.upsert_document("d", text=TEXT)
    with Store.open(real, annotator="a") as store:  # a second save leaves a backup of the first
        store.add_annotation("d", "entity", "ORG", 4, 12)
    link = tmp_path / "annotations.json"
    link.symlink_to(real)
    real.write_text("{broken", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--repair", "--db", str(link)])
    assert "restored" in result.output, result.output
    assert link.is_symlink() and check(real).ok


def test_stats_counts_suggestions_apart_from_annotations(tmp_path):
    """After `newsmark suggest`, nothing is annotated yet: suggestions are their own count."""
    path = tmp_path / "db.json"
    with Store.open(path, annotator="alice") as store:
        store.upsert_document("d.txt", text=TEXT, title="BSN")
        store.add_annotation("d.txt", "entity", "ORG", 4, 12)
    with Store.open(path, annotator="newsmark suggest") as store:
        store.upsert_document("e.txt", text=TEXT, title="BSN")
        store.add_annotation("e.txt", "entity", "ORG", 4, 12, state="suggested")
    output = run("stats", "--db", str(path)).output
    assert re.search(r"│ ORG +│ entity │ 2 +│ +1 │ +1 │", output), output
    assert "newsmark suggest" not in output  # an annotator with only suggestions annotated nothing
    assert re.search(r"│ annotated +│ +1 │", output) and re.search(
        r"suggestions to review +│ +1 │", output
    )


def test_check_on_a_damaged_file_points_to_repair_not_to_itself(tmp_path):
    path = tmp_path / "db.json"
    path.write_text("{not json", encoding="utf-8")
    result = run("check", "--db", str(path))
    assert result.exit_code == 2 and result.output.startswith("DAMAGED: ")
    assert "Run `newsmark check --db" not in result.output  # the user just ran it
    assert f"`newsmark check --repair --db {path}` restores the newest good backup" in result.output
