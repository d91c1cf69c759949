"""`newsmark import` / `newsmark export` end to end through the real Store and CLI."""

import json

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.formats.native import export_native
from tui.formats.sample import sample_snapshot
from tui.store import Store


def run(*args, **kwargs):
    runner = CliRunner()
    return runner.invoke(cli, list(map(str, args)), catch_exceptions=False, **kwargs)


@pytest.fixture
def sample_db(tmp_path):
    """A database filled from the sample snapshot through `newsmark import` of a native export."""
    source = tmp_path / "sample.json"
    with source.open("wb") as out:
        export_native(sample_snapshot(), out)
    db = tmp_path / "db.json"
    result = run("import", source, "--db", db)
    assert result.exit_code == 0, result.output
    return db


def _spans(db):
    """Annotations with entity links resolved to names (ids differ between databases)."""
    store = Store.open(db, read_only=True)
    try:
        names = {e["id"]: (e["name"], e["type"], e["external_id"]) for e in store.entities()}
        spans = []
        for a in store.annotations():
            attributes = dict(a["attributes"])
            if "speaker" in attributes:
                attributes["speaker"] = dict(
                    attributes["speaker"],
                    entity_id=names.get(attributes["speaker"].get("entity_id")),
                )
            spans.append(
                (
                    a["document_id"],
                    a["kind"],
                    a["label"],
                    a["start"],
                    a["end"],
                    a["state"],
                    names.get(a["entity_id"]),
                    json.dumps(attributes, sort_keys=True),
                )
            )
        return sorted(spans)
    finally:
        store.close()


def test_native_import_fills_the_store(sample_db):
    store = Store.open(sample_db, read_only=True)
    try:
        assert {d["id"] for d in store.documents()} == {"seeds/alliance.txt", "feed.jsonl#7"}
        assert all(d["cleaner_version"] == "imported" for d in store.documents())
        annotations = store.annotations()
        assert len(annotations) == 10
        li = {e["name"]: e for e in store.entities()}["Li Wei"]
        assert li["external_id"] == "Q123"
        linked = [a for a in annotations if a["entity_id"] == li["id"]]
        assert len(linked) == 2
        claim = next(a for a in annotations if a["kind"] == "claim")
        assert claim["attributes"]["speaker"]["entity_id"] == li["id"]
        said_by = next(r for r in store.relations() if r["type"] == "said_by")
        assert said_by["from"] == claim["id"]
    finally:
        store.close()


def test_reimport_adds_nothing(sample_db, tmp_path):
    before = _spans(sample_db)
    result = run("import", tmp_path / "sample.json", "--db", sample_db)
    assert result.exit_code == 0
    assert "0 new" in result.stderr and "0 annotations (10 already present)" in result.stderr
    assert _spans(sample_db) == before


@pytest.mark.parametrize("fmt, suffix", [("jsonl", ".jsonl"), ("brat", "")])
def test_export_then_import_round_trips(sample_db, tmp_path, fmt, suffix):
    out = tmp_path / f"export{suffix}"
    result = run("export", "--format", fmt, "-o", out, "--db", sample_db)
    assert result.exit_code == 0, result.output
    assert f"{fmt}: exported 8 annotations" in result.stderr
    assert "not carried: 1 orphaned annotations" in result.stderr
    second = tmp_path / "second.json"
    result = run("import", out, "--db", second)
    assert result.exit_code == 0, result.output
    placed = [s for s in _spans(sample_db) if s[5] == "ok"]
    assert _spans(second) == placed


def test_jsonl_to_stdout_with_utf16_offsets(sample_db):
    result = run("export", "--format", "jsonl", "--offsets", "utf16", "--db", sample_db)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    emoji = next(r for r in records if r["id"] == "feed.jsonl#7")
    span = next(s for s in emoji["spans"] if s["label"] == "PERSON")
    assert (
        emoji["text"].encode("utf-16-le")[2 * span["start"] : 2 * span["end"]].decode("utf-16-le")
        == "Li Wei"
    )


@pytest.mark.parametrize("fmt", ["json", "w3c", "conll"])
def test_text_formats_write_files_and_report(sample_db, tmp_path, fmt):
    out = tmp_path / "sub" / f"out.{fmt}"
    result = run("export", "-f", fmt, "-o", out, "--db", sample_db)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and result.stdout == ""
    assert result.stderr.startswith(f"{fmt}: exported")
    assert not (tmp_path / "sub" / f"out.{fmt}.partial").exists()


def test_spacy_export_file(sample_db, tmp_path):
    pytest.importorskip("spacy")
    out = tmp_path / "train.spacy"
    result = run("export", "-f", "spacy", "-o", out, "--db", sample_db)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and "spacy: exported 8 annotations" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "-f", "brat"], "pass -o DIRECTORY"),
        (["export", "-f", "spacy"], "pass -o FILE"),
        (
            ["export", "-f", "conll", "--offsets", "utf16"],
            "jsonl, doccano, doccano-relations, prodigy only",
        ),
        (["export", "-f", "xml"], "Invalid value"),
    ],
)
def test_export_usage_errors(sample_db, args, message):
    result = run(*args, "--db", sample_db)
    assert result.exit_code == 2 and message in result.stderr


def test_missing_database_is_one_clear_line(tmp_path):
    result = run("export", "-f", "jsonl", "--db", tmp_path / "nope.json")
    assert result.exit_code == 1
    assert (
        result.stderr.count("\n") == 1
        and "no database at" in result.stderr
        and "--db" in result.stderr
    )


def test_bad_import_file_imports_nothing(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"text": "Acme", "spans": [{"start": 0, "end": 4, "label": "ORG"}]}) + "\n"
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    db = tmp_path / "db.json"
    result = run("import", good, bad, "--db", db)
    assert result.exit_code == 1
    assert "nothing was imported" in result.stderr and result.stderr.count("\n") == 1
    unknown = tmp_path / "data.csv"
    unknown.write_text("x")
    result = run("import", unknown, "--db", db)
    assert result.exit_code == 1 and "--format" in result.stderr


def test_import_of_an_unknown_file_names_every_format_and_creates_no_database(tmp_path):
    unknown = tmp_path / "export.doccano"
    unknown.write_text('{"text": "Acme", "label": [[0, 4, "ORG"]]}\n')
    db = tmp_path / "new.json"
    result = run("import", unknown, "--db", db)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    for name in ("jsonl", "doccano", "prodigy", "brat", "json", "label-studio", "xmi"):
        assert name in result.stderr
    assert list(tmp_path.iterdir()) == [unknown]  # no empty database, lock or backups left


def test_import_warns_about_skipped_spans_without_raw_control_chars(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "evil\x1b[31m",
                "text": "Acme",
                "spans": [{"start": 0, "end": 9, "label": "ORG"}],
            }
        )
    )
    result = run("import", path, "--db", tmp_path / "db.json")
    assert result.exit_code == 0
    assert "skipped span 1" in result.stderr and "1 new" in result.stderr
    assert "\x1b" not in result.stderr


def test_help_has_examples():
    from tui.cli import SUBCOMMANDS

    for command in SUBCOMMANDS:
        result = run(command, "--help")
        assert (
            result.exit_code == 0
            and "Examples:" in result.output
            and (f"newsmark {command}" in result.output or command == "open")
        )
    overview = run("--help").output
    for command in set(SUBCOMMANDS) - {"open"}:  # `newsmark [PATH...]` is the open command
        assert f"newsmark {command}" in overview, command


def _brat_pair(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text("T1\tPER 0 3\tAnn\n", encoding="utf-8")


@pytest.mark.parametrize("follow", [False, True])
def test_brat_import_follows_links_only_inside_the_folder(tmp_path, follow):
    """A link in a brat folder that leads outside it is skipped with a warning, as when opening a
    corpus, unless --follow-links; a link to a file inside the folder is read."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    _brat_pair(project, "inside", "Ann spoke.")
    _brat_pair(outside, "leak", "Ann leaked.")
    (project / "leak.ann").symlink_to(outside / "leak.ann")
    (project / "leak.txt").symlink_to(outside / "leak.txt")
    (project / "sub").mkdir()
    (project / "sub" / "again.ann").symlink_to(project / "inside.ann")
    (project / "sub" / "again.txt").symlink_to(project / "inside.txt")
    db = tmp_path / "db.json"
    args = ["import", project, "--db", db] + (["--follow-links"] if follow else [])
    result = run(*args)
    assert result.exit_code == 0, result.output
    store = Store.open(db, read_only=True)
    try:
        texts = sorted(document["text"] for document in store.documents())
    finally:
        store.close()
    expected = (
        ["Ann leaked.", "Ann spoke.", "Ann spoke."] if follow else ["Ann spoke.", "Ann spoke."]
    )
    assert texts == expected
    assert ("outside the folders given" in result.output) is not follow


def test_failed_folder_export_keeps_the_old_files(sample_db, tmp_path, monkeypatch):
    """A brat export that fails half-way (disk full) leaves the earlier export as it was, and no
    half-written folder beside it."""
    import errno

    import tui.formats.brat as brat

    out = tmp_path / "brat"
    assert run("export", "-f", "brat", "-o", out, "--db", sample_db).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def half_then_full(snapshot, directory, **options):
        (directory / "first.txt").write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(brat, "export_brat", half_then_full)
    result = run("export", "-f", "brat", "-o", out, "--db", sample_db)
    assert result.exit_code == 1 and "disk full" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_folder_export_into_a_new_folder_is_whole(sample_db, tmp_path):
    out = tmp_path / "deep" / "xmi-or-brat"
    result = run("export", "-f", "brat", "-o", out, "--db", sample_db)
    assert result.exit_code == 0, result.output
    assert any(p.suffix == ".ann" for p in out.iterdir())
    assert [p.name for p in out.parent.iterdir()] == ["xmi-or-brat"]


def test_summaries_say_one_relation_not_one_relations(tmp_path):
    """Counts of one read as English in the export, import and entities summaries."""
    from tui.formats.common import ExportReport

    report = ExportReport("jsonl", documents=1, annotations=1, relations=1)
    assert report.lines()[0] == "jsonl: exported 1 annotation and 1 relation in 1 document"
    path = tmp_path / "one.jsonl"
    span = {"start": 0, "end": 4, "label": "ORG", "entity_id": "e1"}
    path.write_text(json.dumps({"id": "d", "text": "Acme rose.", "spans": [span]}) + "\n")
    db = tmp_path / "db.json"
    result = run("import", path, "--db", db)
    assert "imported 1 document (1 new" in result.stderr and ", 1 annotation (" in result.stderr
    assert ", 1 entity, " in result.stderr
    assert "1 mention in 1 article" in run("entities", "--db", db).output


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_import_reads_files_with_a_byte_order_mark(sample_db, tmp_path, encoding):
    """Windows tools write a BOM or UTF-16: JSONL, Label Studio and native JSON still import."""
    line = json.dumps(
        {"text": "Acme Corp rose.", "spans": [{"start": 0, "end": 9, "label": "ORG"}]}
    )
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(line + "\n", encoding=encoding)
    db = tmp_path / "fresh.json"
    result = run("import", jsonl, "--db", db)
    assert result.exit_code == 0 and "1 annotation (" in result.stderr, result.stderr
    studio = tmp_path / "project-1.json"
    tasks = [{"data": {"text": "Acme Corp rose."}, "annotations": [{"result": []}]}]
    studio.write_text(json.dumps(tasks), encoding=encoding)
    result = run("import", studio, "--db", db)
    assert result.exit_code == 0, result.stderr
    native = tmp_path / "backup.json"
    native.write_text(sample_db.read_text(encoding="utf-8"), encoding=encoding)
    result = run("import", native, "--db", db)
    assert result.exit_code == 0 and "entities" in result.stderr, result.stderr


def test_import_that_finds_nothing_says_why(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{oops\n["x"]\n')
    result = run("import", bad, "--db", tmp_path / "db.json")
    assert result.exit_code == 1
    assert "bad.jsonl:1: skipped: not valid JSON" in result.stderr
    assert "bad.jsonl:2: skipped" in result.stderr and "no documents found" in result.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"\xff\xfe{\x00\xd8")  # UTF-16 cut inside a character
    result = run("import", broken, "--db", tmp_path / "db.json")
    assert result.exit_code == 1 and "broken.jsonl: not readable as utf-16" in result.stderr
    assert not (tmp_path / "db.json").exists()  # files are read before a new database is made
