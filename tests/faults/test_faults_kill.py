"""SIGKILL at random moments never leaves a damaged file or loses an acknowledged change."""

from __future__ import annotations

import random
import signal
import time

import pytest

from faults.helpers import acknowledged, load_valid, seqs_in, start_worker

KILLS = 30
MAX_KILLS = 90  # on a loaded machine fewer kills land mid-write; keep going (bounded) until 3 have


@pytest.mark.slow
def test_sigkill_loop_keeps_every_acknowledged_change(tmp_path):
    db = tmp_path / "annotations.json"
    rng = random.Random(20261122)
    must_have: set[str] = set()
    must_not: set[str] = set()
    acknowledged_total = 0
    mid_write = 0  # kills that left a half-written temp file: the dangerous moment
    kills = 0
    while kills < KILLS or (mid_write < 3 and kills < MAX_KILLS):
        round_ = kills = kills + 1
        worker = start_worker(db, "--name", f"r{round_}")
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
        time.sleep(rng.uniform(0.0, 0.12))
        worker.send_signal(signal.SIGKILL)
        output, _ = worker.communicate(timeout=10)
        assert worker.returncode == -signal.SIGKILL
        mid_write += bool(list(tmp_path.glob(".annotations.json.*.tmp")))
        kept, deleted = acknowledged(output)
        must_have |= kept
        must_not |= deleted
        acknowledged_total += len(kept)
        data = load_valid(db)
        present = seqs_in(data)
        assert must_have - must_not <= present, f"round {round_}: acknowledged changes lost"
        assert not (must_not & present), f"round {round_}: acknowledged deletes came back"
    assert acknowledged_total > KILLS  # the loop really exercised saving, not just start-up
    print(f"{mid_write} of {kills} kills landed mid-write; {acknowledged_total} acknowledged adds")
    assert mid_write >= 3, f"only {mid_write} kills landed mid-write"


def test_stale_temp_files_are_removed_by_the_next_writer(tmp_path):
    from tui.store import Store

    db = tmp_path / "annotations.json"
    Store.open(db).close()
    stale = tmp_path / ".annotations.json.999.deadbeef.tmp"
    stale.write_bytes(b"{half")
    Store.open(db).close()
    assert not stale.exists()
