"""Shared checks for fault tests: the file parses, validates, and holds every acknowledged change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from tui.store.check import consistency_problems
from tui.store.schema import schema_errors

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("annotator.py")


def start_worker(db: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def acknowledged(output: str) -> tuple[set[str], set[str]]:
    """(adds that must be on disk, deletes that must be on disk) when the worker stopped.

    An acknowledged add whose delete was issued but not yet acknowledged may be either
    way on disk, so it is in neither set.
    """
    events: list[tuple[str, str, int]] = []
    saved = 0
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] in ("add", "del"):
            events.append((parts[0], parts[1], int(parts[2])))
        elif len(parts) == 2 and parts[0] == "saved":
            saved = max(saved, int(parts[1]))
    added = {seq for kind, seq, gen in events if kind == "add" and gen <= saved}
    deleted = {seq for kind, seq, gen in events if kind == "del" and gen <= saved}
    issued = {seq for kind, seq, gen in events if kind == "del"}
    return added - issued, deleted


def load_valid(db: Path) -> dict:
    """Parse and validate the file exactly as another tool would find it."""
    data = orjson.loads(db.read_bytes())
    assert list(schema_errors(data)) == []
    assert consistency_problems(data) == []
    return data


def seqs_in(data: dict) -> set[str]:
    return {a["attributes"]["seq"] for a in data["annotations"].values()}
