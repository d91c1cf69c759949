"""`newsmark [PATH...]` fails with a fix-it message, never a traceback, on a bad database or keymap."""

from click.testing import CliRunner

from tui.cli import cli


def test_unparsable_database_is_left_alone_and_explained(tmp_path):
    db = tmp_path / "db.json"
    db.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, [str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    assert "newsmark check" in result.output and "Traceback" not in result.output
    assert db.read_text(encoding="utf-8") == "{not json"


def test_broken_keymap_says_which_file(tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("[keymap\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, [str(tmp_path), "--db", str(tmp_path / "db.json"), "--keymap", str(keymap)]
    )
    assert result.exit_code == 1
    assert str(keymap) in result.output and "not valid TOML" in result.output


def test_no_path_and_no_seeds_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 2 and "no seeds/ folder" in result.output


def test_skipped_files_are_printed_safely_on_stderr(capsys):
    from tui.commands.open_app import report_skipped

    report_skipped(["/c/evil\x1b]52;c;aGk=\x07.txt: empty file; skipped"])
    err = capsys.readouterr().err
    assert err.startswith("newsmark: /c/evil") and "\x1b" not in err and "\x07" not in err


def test_a_database_folder_that_cannot_be_written_is_one_clear_line(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be", encoding="utf-8")
    db = blocker / "db.json"
    for args in (
        [str(tmp_path), "--db", str(db)],
        ["import", "--db", str(db), str(tmp_path / "x.jsonl")],
    ):
        if args[0] == "import":
            (tmp_path / "x.jsonl").write_text(
                '{"text": "Some text here.", "spans": []}\n', encoding="utf-8"
            )
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert "cannot write in" in result.output and "--db" in result.output
        assert "Traceback" not in result.output


def test_binary_keymap_says_which_file(tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_bytes(b'[keymap]\n\xf0\x28\x8c\x28 = "x"\n')
    result = CliRunner().invoke(
        cli, [str(tmp_path), "--db", str(tmp_path / "db.json"), "--keymap", str(keymap)]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert str(keymap) in result.output and "UTF-8" in result.output


def test_a_mistyped_command_is_not_taken_for_a_missing_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["exprot", "--format", "json"])
    assert result.exit_code == 2 and "did you mean `newsmark export`" in result.output
    (tmp_path / "exprot").mkdir()  # a real folder with that name is opened, not second-guessed
    (tmp_path / "blocker").write_text(
        "a file, so opening stops at the database with its own message"
    )
    result = CliRunner().invoke(cli, ["exprot", "--db", str(tmp_path / "blocker" / "x.json")])
    assert "did you mean" not in result.output and "cannot write in" in result.output


def test_a_keymap_file_that_does_not_exist_is_said(tmp_path):
    """--keymap names a file on purpose: a typo there is an error, not the default keys."""
    missing = tmp_path / "keympa.toml"
    result = CliRunner().invoke(
        cli, [str(tmp_path), "--db", str(tmp_path / "db.json"), "--keymap", str(missing)]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output and "--keymap" in result.output
    assert not (tmp_path / "db.json").exists()
