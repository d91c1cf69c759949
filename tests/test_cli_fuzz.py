"""Every subcommand against bad paths and bad arguments: a non-zero exit, no traceback, no hang,
nothing changed outside the test's folder (issue 9's CLI fuzz test; run by CI as `slow`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.slow

TIMEOUT = 60  # seconds per call; a hang (a FIFO read, a lock wait) fails instead of blocking CI
ARTICLE = "Officials said on Monday that the alliance would grow to 100 cities by 2025.\n"


def _bad_paths(tmp: Path) -> dict[str, str]:
    tmp.mkdir()
    fifo = tmp / "fifo.json"
    os.mkfifo(fifo)
    (tmp / "loop.json").symlink_to(tmp / "loop.json")
    (tmp / "folder").mkdir()
    (tmp / "binary.json").write_bytes(bytes(range(256)) * 64)
    return {
        "missing": str(tmp / "missing" / "none.json"),
        "folder": str(tmp / "folder"),
        "fifo": str(fifo),
        "devnull": "/dev/null",
        "loop": str(tmp / "loop.json"),
        "long": str(tmp / ("x" * 5000 + ".json")),
        "empty": "",
        "binary": str(tmp / "binary.json"),
    }


Call = tuple[str, list[str], bool]  # name, argv, whether it must fail

DB_COMMANDS = (
    ["check"],
    ["check", "--repair"],
    ["stats"],
    ["stats", "--sessions"],
    ["entities", "--similar"],
    ["claims", "--json"],
    ["export", "-f", "jsonl"],
    ["import", "{corpus}/in.jsonl"],
    ["suggest", "--claims", "{corpus}"],
    ["open", "{corpus}"],
)
PATH_COMMANDS = {  # BAD is replaced by each bad path
    "import": ["import", "BAD", "--db", "{tmp}/import.json"],
    "merge": ["merge", "{good}", "BAD", "-o", "{tmp}/merged.json"],
    "merge -o": ["merge", "{good}", "{good}", "-o", "BAD"],
    "agree": ["agree", "{good}", "BAD"],
    "clean": ["clean", "BAD"],
    "suggest": ["suggest", "BAD", "--db", "{tmp}/suggest.json"],
    "export -o": ["export", "-f", "json", "-o", "BAD", "--db", "{good}"],
}
BAD_ARGUMENTS = {
    "unknown command": ["frobnicate"],
    "unknown option": ["stats", "--frobnicate"],
    "bad format": ["export", "-f", "nope", "--db", "{good}"],
    "bad offsets": ["export", "-f", "jsonl", "--offsets", "bytes", "--db", "{good}"],
    "negative jobs": ["clean", "-j", "-1", "{corpus}"],
    "db without value": ["stats", "--db"],
    "import bad format": ["import", "{corpus}/in.jsonl", "--format", "nope"],
    "clean json and explain": ["clean", "--json", "--explain", "{corpus}"],
    "dask without output": ["clean", "--dask", "local", "{corpus}"],
    "merge one db": ["merge", "{good}", "-o", "{tmp}/one.json"],
    "merge onto existing": ["merge", "{good}", "{good}", "-o", "{good}"],
    "agree nothing": ["agree"],
    "suggest no paths": ["suggest"],
    "label map garbage": ["suggest", "--label-map", "=", "{corpus}", "--db", "{good}"],
    "model missing": ["suggest", "--model", "no_such_model_xyz", "{corpus}", "--db", "{good}"],
}


def _calls(work: Path, good_db: Path, corpus: Path) -> Iterator[Call]:
    """Each call gets its own folder of bad paths, so one call's repair cannot feed another."""
    count = 0

    def fill(argv: list[str], bad: str = "") -> list[str]:
        nonlocal count
        count += 1
        tmp = work / f"call{count}"
        tmp.mkdir()
        names = {"tmp": str(tmp), "good": str(good_db), "corpus": str(corpus)}
        return [bad if part == "BAD" else part.format(**names) for part in argv]

    for bad_name in ("missing", "folder", "fifo", "devnull", "loop", "long", "empty", "binary"):
        for command in DB_COMMANDS:
            name = f"{' '.join(command[:2])} --db {bad_name}"
            if bad_name == "missing":  # a new database: allowed (not for the app), no traceback
                if command[0] != "open":
                    new = str(work / "new" / f"{count + 1}" / "db.json")
                    yield name, fill([*command, "--db", "BAD"], new), False
                continue
            folder = work / f"bad{count + 1}"
            bad = _bad_paths(folder)[bad_name]
            yield name, fill([*command, "--db", "BAD"], bad), True
        for command_name, argv in PATH_COMMANDS.items():
            if command_name == "export -o" and bad_name in ("fifo", "devnull", "missing", "binary"):
                continue  # writable targets: tests/test_export_targets.py
            if command_name == "merge -o" and bad_name == "missing":
                continue  # a new file: that is what -o is for
            folder = work / f"bad{count + 1}"
            bad = _bad_paths(folder)[bad_name]
            yield f"{command_name} {bad_name}", fill(argv, bad), True
    for name, argv in BAD_ARGUMENTS.items():
        yield name, fill(argv), True


def _snapshot(folder: Path) -> dict[str, int]:
    """mtime_ns of every file under `folder` (no .git, .venv or caches: other tools touch those)."""
    found: dict[str, int] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        skip = {
            ".git",
            ".venv",
            "__pycache__",
            ".hypothesis",
            ".pytest_cache",
            ".mypy_cache",
            ".ruff_cache",
        }
        dirnames[:] = [d for d in dirnames if d not in skip]  # other tests and tools write these
        dirnames[:] = [d for d in dirnames if not d.startswith((".pytest", ".mypy", ".ruff"))]
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                found[path] = os.lstat(path).st_mtime_ns
            except OSError:
                pass
    return found


def test_every_subcommand_survives_bad_paths_and_arguments(tmp_path: Path) -> None:
    from tui.formats.native import export_native
    from tui.formats.sample import sample_snapshot

    work = tmp_path / "work"
    work.mkdir()
    corpus = work / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "in.jsonl").write_text(json.dumps({"id": "r1", "text": ARTICLE.strip()}) + "\n")
    sample = work / "sample.json"
    with sample.open("wb") as out:
        export_native(sample_snapshot(), out)
    good_db = work / "good.json"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("NEWSMARK_")},
        "HOME": str(work / "home"),
        "XDG_CONFIG_HOME": str(work / "home" / ".config"),
        "NEWSMARK_ANNOTATOR": "fuzz",
        "TERM": "dumb",
    }
    made = subprocess.run(
        [sys.executable, "-m", "tui", "import", str(sample), "--db", str(good_db)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
        cwd=work,
    )
    assert made.returncode == 0, made.stderr
    calls = list(_calls(work, good_db, corpus))
    repo_before, dev_before = _snapshot(ROOT), set(os.listdir("/dev"))

    def run(call: Call) -> tuple[str, str | None]:
        name, argv, must_fail = call
        try:
            done = subprocess.run(
                [sys.executable, "-m", "tui", *argv],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                env=env,
                cwd=work,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return name, f"hung for over {TIMEOUT} s"
        output = done.stdout + done.stderr
        if "Traceback" in output:
            return name, "traceback:\n" + output[-1500:]
        if must_fail and done.returncode == 0:
            return name, "exit status 0 on bad input:\n" + output[-500:]
        if done.returncode != 0 and not output.strip():
            return name, f"exit status {done.returncode} without a message"
        return name, None

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, calls))
    problems = [f"{name}: {problem}" for name, problem in results if problem]
    assert not problems, f"{len(problems)} of {len(calls)} calls:\n" + "\n".join(problems)
    assert set(os.listdir("/dev")) == dev_before
    assert _snapshot(ROOT) == repo_before
    assert good_db.read_bytes() != b""  # the good database was only read
