"""Every bad --db of issue 9, tried while newsmark writes a real database beside them.

Each bad path runs every command in one child process under a timeout (a FIFO read would hang
it); each must exit non-zero with one line and no traceback, create nothing next to the bad
path, and leave the real database whole with every acknowledged change on it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from faults.helpers import ROOT, acknowledged, load_valid, seqs_in, start_worker

pytestmark = pytest.mark.slow

COMMANDS = [
    ["check"],
    ["check", "--repair"],
    ["stats"],
    ["export", "--format", "json"],
    ["entities"],
    ["claims"],
    ["import", "{source}"],
]

RUNNER = """
import contextlib, io, json, sys
from tui.cli import main
results = []
for args in json.loads(sys.argv[1]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(args)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    results.append([args[0], code, err.getvalue()])
print(json.dumps(results))
"""


def bad_paths(tmp: Path) -> dict[str, str]:
    fifo = tmp / "fifo.json"
    os.mkfifo(fifo)
    (tmp / "loop.json").symlink_to(tmp / "loop.json")
    (tmp / "folder").mkdir()
    return {
        "fifo": str(fifo),
        "/dev/zero": "/dev/zero",
        "/dev/null": "/dev/null",
        "folder": str(tmp / "folder"),
        "symlink loop": str(tmp / "loop.json"),
        "5,000-character name": str(tmp / ("x" * 5000 + ".json")),
        'empty ""': "",
    }


def test_every_bad_db_is_refused_while_a_real_database_is_written(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    db = real / "annotations.json"
    bad = tmp_path / "bad"
    bad.mkdir()
    source = tmp_path / "source.txt"
    source.write_text("Acme Corp said so on Monday.\n", encoding="utf-8")
    worker = start_worker(db, "--name", "w")
    assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
    refused = failures = 0
    dev_before = set(os.listdir("/dev"))
    try:
        for name, path in bad_paths(bad).items():
            listing = set(bad.iterdir())
            argv = [
                [*(a.replace("{source}", str(source)) for a in cmd), "--db", path]
                for cmd in COMMANDS
            ]
            child = subprocess.run(
                [sys.executable, "-c", RUNNER, json.dumps(argv)],
                cwd=bad,
                capture_output=True,
                text=True,
                timeout=60,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            assert child.returncode == 0, (name, child.stderr[-2000:])
            for command, code, stderr in json.loads(child.stdout.splitlines()[-1]):
                lines = [
                    line
                    for line in stderr.strip().splitlines()
                    if line.strip() and not line.startswith(("Usage:", "Try "))
                ]  # click's own usage errors carry two lines of help before theirs
                ok = code != 0 and "Traceback" not in stderr and len(lines) == 1
                refused += ok
                failures += not ok
                assert ok, (name, command, code, stderr)
            assert set(bad.iterdir()) == listing, f"{name}: something was left beside it"
    finally:
        worker.send_signal(signal.SIGTERM)  # closes its store cleanly
        output, errors = worker.communicate(timeout=60)
    assert set(os.listdir("/dev")) == dev_before
    kept, deleted = acknowledged(output)
    try:
        present = seqs_in(load_valid(db))
        corrupt = 0
    except Exception:
        present, corrupt = set(), 1
    lost = len(kept - present) + len(deleted & present)
    print(
        f"bad --db: {refused} command runs refused in one line, {failures} not; "
        f"{len(kept)} acknowledged on the real database, {lost} lost, {corrupt} corrupt"
    )
    assert worker.returncode == 0, errors[-2000:]
    assert lost == 0 and corrupt == 0
