"""Two processes on one database: one writer at a time, and nothing either was told is saved is lost."""

from __future__ import annotations

from faults.helpers import acknowledged, load_valid, seqs_in, start_worker


def test_second_process_is_refused_not_silently_dropped(tmp_path):
    db = tmp_path / "annotations.json"
    first = start_worker(db, "--name", "a")
    assert first.stdout.readline().strip() == "ready"
    second = start_worker(db, "--name", "b", "--count", "10")
    out_b, _ = second.communicate(timeout=30)
    first.terminate()  # the worker closes its store cleanly on SIGTERM
    out_a, _ = first.communicate(timeout=30)
    assert second.returncode == 3 and out_b.startswith("readonly pid ")
    assert first.returncode == 0
    kept, _ = acknowledged(out_a)
    assert kept and kept <= seqs_in(load_valid(db))


def test_two_processes_taking_turns_lose_nothing(tmp_path):
    db = tmp_path / "annotations.json"
    workers = [
        start_worker(db, "--name", name, "--count", "60", "--wait-lock") for name in ("a", "b")
    ]
    outputs = [w.communicate(timeout=60)[0] for w in workers]
    assert [w.returncode for w in workers] == [0, 0]
    present = seqs_in(load_valid(db))
    for output in outputs:
        kept, deleted = acknowledged(output)
        assert len(kept) == 20  # each worker ends with 20 live annotations, all saved on close
        assert kept <= present and not deleted & present
    assert len(present) == 40


def test_readers_never_see_a_partial_file(tmp_path):
    """Another tool reading while we save always gets a complete, parseable snapshot."""
    import threading

    import orjson

    from tui.store import Store

    db = tmp_path / "annotations.json"
    store = Store.open(db)
    store.upsert_document("d", text="word " * 2000)
    store.flush()
    stop = threading.Event()
    reads = []

    def read_loop():
        while not stop.is_set():
            reads.append(len(orjson.loads(db.read_bytes())["annotations"]))

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        for i in range(400):
            store.add_annotation("d", "entity", "ORG", i * 5, i * 5 + 4)
            if i % 40 == 0:
                store.flush()
    finally:
        store.flush()
        stop.set()
        reader.join()
        store.close()
    assert len(reads) > 10 and reads == sorted(reads)  # complete files, never going backwards
