"""Memory stays flat while a session adds and deletes at a steady count (issue 9, "Also")."""

from __future__ import annotations

import gc
import tracemalloc

from tui.store import Store

TEXT = "word " * 4000


def _cycle(store: Store, live: list[str], i: int) -> None:
    """One claim added and linked to the newest one, the oldest deleted (with its links)."""
    start = (i * 5) % 19_990
    new = store.add_annotation("d", "claim", "CLAIM", start, start + 4)["id"]
    store.add_relation(new, live[-1], "supports")
    live.append(new)
    store.delete_annotation(live.pop(0))


def test_add_link_delete_at_a_steady_count_does_not_grow(tmp_path):
    store = Store.open(tmp_path / "annotations.json", annotator="t")
    try:
        store.upsert_document("d", text=TEXT)
        live = [store.add_annotation("d", "claim", "CLAIM", 0, 4)["id"] for _ in range(50)]
        store._undo.history.limit = (
            50  # the undo history is bounded on purpose; keep it out of the count
        )
        for i in range(1000):  # fill the bounded structures first
            _cycle(store, live, i)
        assert store.flush()
        gc.collect()
        tracemalloc.start(1)
        try:
            before = tracemalloc.get_traced_memory()[0]
            for i in range(3000):
                _cycle(store, live, i)
            assert store.flush()
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
    finally:
        store.close()
    # before the fix every annotation that was ever linked left an empty index entry: ~1.1 MB here
    assert grown < 300_000, f"{grown} bytes kept after 3,000 add/link/delete cycles"
