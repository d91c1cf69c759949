"""A --db that is not a regular file (FIFO, device, folder, loop, empty, too long): one line, exit != 0.

Each command runs in a subprocess with a timeout, so a hang (a FIFO read) fails the test instead
of the suite; nothing may be created next to the bad path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

COMMANDS = [
    ["stats"],
    ["check"],
    ["export", "--format", "json"],
    ["entities"],
    ["claims"],
]


def bad_paths(tmp: Path) -> dict[str, str]:
    fifo = tmp / "fifo.json"
    os.mkfifo(fifo)
    (tmp / "loop.json").symlink_to(tmp / "loop.json")
    folder = tmp / "folder"
    folder.mkdir()
    return {
        "fifo": str(fifo),
        "zero": "/dev/zero",
        "null": "/dev/null",
        "folder": str(folder),
        "loop": str(tmp / "loop.json"),
        "long": str(tmp / ("x" * 5000 + ".json")),
        "empty": "",
    }


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_bad_database_paths_get_one_line_and_no_litter(command, tmp_path):
    before = set(os.listdir("/dev"))
    for name, path in bad_paths(tmp_path).items():
        listing = set(tmp_path.iterdir())
        result = run([*command, "--db", path], tmp_path)
        assert result.returncode != 0, (name, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (name, result.stderr)
        assert result.stderr.strip(), name
        assert set(tmp_path.iterdir()) == listing, name  # no lock, backup or cache left
    assert set(os.listdir("/dev")) == before


def test_a_parseable_file_with_an_annotation_missing_start_is_refused_in_one_line(tmp_path):
    import json

    from tui.store import Store

    db = tmp_path / "db.json"
    with Store.open(db, annotator="t") as store:
        store.upsert_document("d", text="Acme said so.")
        store.add_annotation("d", "entity", "ORG", 0, 4)
    data = json.loads(db.read_text(encoding="utf-8"))
    for record in data["annotations"].values():
        del record["start"]
    db.write_text(json.dumps(data), encoding="utf-8")
    before = db.read_bytes()
    result = run(["stats", "--db", str(db)], tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "without start" in result.stderr and "check" in result.stderr
    assert db.read_bytes() == before
