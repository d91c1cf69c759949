"""`newsmark clean`: text, JSON and --explain output, errors, and hostile article text."""

import json
import re

import pytest
from click.testing import CliRunner

from tui.cli import cli

ARTICLE = (
    "Home | World | Business | Markets | Tech\n"
    "China forms state-backed blockchain alliance\n"
    "\n"
    "China has unveiled a state-backed blockchain alliance featuring big players such as Huobi, "
    "China Telecom and China UnionPay, according to reports from the local media outlet Xinhua.\r\n"
    "\r\n"
    "The network has been planned by top-level employees at the NIC and is being developed by "
    "China UnionPay and China Mobile, the director of the agency said on Tuesday afternoon.\n"
    "Share this article\n"
)

HOSTILE = (
    "Markets rally as \x1b[31mred alert\x1b[0m hits Beijing\n\n"
    "The agency said \x1b]52;c;ZXZpbA==\x07 that [bold]nothing[/bold] would change, and the "
    "statement [link=https://evil.example]click here[/link] was repeated by officials in Beijing.\n\n"
    "A second paragraph with a C1 \x9b31m control, a bidi \u202eoverride\u202c, an :smile: code and "
    "a hidden\u200bword keeps going so the cleaner sees a long, sentence-final line of prose here.\n"
)

SGR = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args):
    return CliRunner().invoke(cli, ["clean", *map(str, args)])


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode())
    return path


def test_plain_prints_clean_text_of_one_file(article):
    result = invoke(article)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "China forms state-backed blockchain alliance\n\nChina has unveiled"
    )
    assert "Home | World" not in result.stdout and "==>" not in result.stdout
    assert "\r" not in result.stdout


def test_several_files_get_headers(article, tmp_path):
    (tmp_path / "second.txt").write_text(ARTICLE)
    result = invoke(tmp_path)
    assert result.exit_code == 0
    assert result.stdout.count("==> ") == 2
    assert "==> second.txt <==" in result.stdout and "==> story.txt <==" in result.stdout


def test_json_has_one_object_per_document(article, tmp_path):
    (tmp_path / "second.txt").write_text(ARTICLE)
    result = invoke("--json", tmp_path)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["id"] for record in records] == ["second.txt", "story.txt"]
    record = records[1]
    assert {"id", "title", "meta", "body", "text", "lines"} <= set(record)
    assert record["text"] == record["title"] + "\n\n" + record["body"]
    raw = ARTICLE
    for line in record["lines"]:
        if line["text_start"] is not None:
            kept = raw[line["start"] : line["end"]].strip()
            assert record["text"][line["text_start"] : line["text_start"] + len(kept)] == kept
    assert record["lines"][0]["decision"] == "boilerplate" and record["lines"][0]["reason"]


def test_explain_lists_every_line_with_decision_and_reason(article):
    result = invoke("--explain", article)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "\x1b" not in result.stdout  # piped: plain
    first = next(line for line in lines if line.lstrip().startswith("1 "))
    assert "boilerplate" in first and "Home | World" in first
    assert any("title" in line and "China forms" in line for line in lines)
    assert sum("content" in line for line in lines) == 2
    assert any(
        line.lstrip().startswith("7 boilerplate") and "Share this article" in line for line in lines
    )


def hostile_checks(output):
    assert "\x07" not in output and "\x9b" not in output and "\u202e" not in output
    assert "\u200b" not in output
    assert "\x1b" not in SGR.sub("", output)
    assert "\u241b]52;c;ZXZpbA==\u2407" in output  # the OSC 52 shown as symbols
    assert "[bold]nothing[/bold]" in output
    assert "[link=https://evil.example]click here[/link]" in output
    assert ":smile:" in output


@pytest.mark.parametrize(
    "options", [[], ["--explain"], ["--explain", "--color", "always"], ["--json"]]
)
def test_hostile_article_is_never_interpreted(tmp_path, options):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE)
    result = invoke(*options, path)
    assert result.exit_code == 0, result.output
    output = result.stdout
    if "--json" in options:
        record = json.loads(output)
        assert "\x1b]52" in record["text"]  # JSON keeps the real text, escaped
        assert "\\u001b" in output and "\\u202e" in output and "\\u009b" in output
        output = output.replace("\\u001b", "\u241b").replace("\\u0007", "\u2407")
        assert "\x1b" not in output and "\u202e" not in output
        return
    hostile_checks(output)
    if "always" in options:
        assert SGR.search(output), "colour was asked for"


def test_explain_colours_only_when_asked(article):
    assert "\x1b[" in invoke("--explain", "--color", "always", article).stdout
    assert "\x1b" not in invoke("--explain", "--color", "never", article).stdout


def test_errors_are_one_line_and_exit_non_zero(tmp_path, article):
    missing = invoke(tmp_path / "missing")
    assert missing.exit_code == 2
    assert missing.stderr.strip().count("\n") == 0 and "no such file or folder" in missing.stderr

    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = invoke(empty)
    assert nothing.exit_code == 2 and "no .txt, .html, .htm or .jsonl files" in nothing.stderr

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "zero.txt").write_bytes(b"")
    unloadable = invoke(bad)
    assert unloadable.exit_code == 1
    assert unloadable.stderr.splitlines()[0].endswith("zero.txt: empty file; skipped")
    assert len(unloadable.stderr.splitlines()) == 2

    (bad / "good.txt").write_text(ARTICLE)
    partial = invoke(bad)
    assert partial.exit_code == 0 and "China forms" in partial.stdout
    assert partial.stderr.strip().endswith("zero.txt: empty file; skipped")


def test_a_file_with_no_article_text_says_so_on_stderr(tmp_path, article):
    (tmp_path / "menu.txt").write_text("Home\nNews\nContact\n")
    result = invoke(tmp_path)
    assert result.exit_code == 0 and "China forms" in result.stdout
    assert result.stderr.strip() == (
        "menu.txt: no article text found (3 lines dropped; --explain shows why each went)"
    )
    assert "==> menu.txt <==" in result.stdout  # printed empty, as --help says (not skipped)
    assert "printed empty" in invoke("--help").stdout


def test_hostile_file_name_in_errors_is_made_visible(tmp_path):
    path = tmp_path / "evil\x1b[2Jname.txt"
    path.write_bytes(b"")
    result = invoke(path)
    assert "\x1b" not in result.stderr and "\u241b[2Jname.txt" in result.stderr


def test_json_and_explain_together_is_a_usage_error(article):
    result = invoke("--json", "--explain", article)
    assert result.exit_code == 2 and "either --json or --explain" in result.stderr


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["clean", "--help"])
    assert result.exit_code == 0
    assert "newsmark clean --explain" in result.stdout and "--json" in result.stdout
