"""Memory of an open Store while a session adds, links, edits, undoes and deletes at a steady count.

Issue 9 ("Also"): memory grew 561 -> 608 MB over 200,000 operations at a steady annotation
count. The growing structure was the relation index (`_by_end`): every annotation that was ever
linked kept an empty entry after its links were deleted. This script repeats one cycle (add a
claim, link it to the newest, relabel, undo + redo, delete the oldest with its links) and prints,
after each block, RSS from /proc and the Python heap traced from the start (tracemalloc), so a
leak shows as a rising "traced" column; the last line gives the growth per 1,000 cycles.
Run: .venv/bin/python benchmarks/bench_memory.py [--count 2000] [--cycles 20000] [--blocks 10]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.store import Store  # noqa: E402

DOCS = 20
TEXT = "Officials said the network would reach 100 cities. " * 2000


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cycle(store: Store, live: list[str], i: int) -> None:
    """Five mutations a tagging session makes, plus an undo and a redo; the count stays the same."""
    doc = f"d{i % DOCS}"
    start = (i * 7) % (len(TEXT) - 20)
    new = store.add_annotation(doc, "claim", "CLAIM", start, start + 9)["id"]
    store.add_relation(new, live[-1], "supports")
    store.update_annotation(new, attributes={"type": "assertion"})
    store.undo()
    store.redo()
    live.append(new)
    store.delete_annotation(live.pop(0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="annotations kept alive")
    parser.add_argument("--cycles", type=int, default=20_000)
    parser.add_argument("--blocks", type=int, default=10)
    args = parser.parse_args()
    tracemalloc.start(1)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "annotations.json", annotator="bench")
        for k in range(DOCS):
            store.upsert_document(f"d{k}", text=TEXT)
        live = [
            store.add_annotation(f"d{i % DOCS}", "claim", "CLAIM", 0, 9)["id"]
            for i in range(args.count)
        ]
        for i in range(args.count + store._undo.history.limit):  # every live one linked, undo full
            cycle(store, live, i)
        store.flush(60)
        gc.collect()
        first_traced = tracemalloc.get_traced_memory()[0] / 1e6
        first_rss = rss_mb()
        print(f"{'cycles':>8} {'rss MB':>8} {'traced MB':>10} {'s':>6}")
        print(f"{0:>8} {first_rss:>8.1f} {first_traced:>10.2f} {0:>6.1f}")
        block = max(1, args.cycles // args.blocks)
        began = time.perf_counter()
        for i in range(args.cycles):
            cycle(store, live, i)
            if (i + 1) % block == 0:
                store.flush(60)
                gc.collect()
                traced = tracemalloc.get_traced_memory()[0] / 1e6
                elapsed = time.perf_counter() - began
                print(f"{i + 1:>8} {rss_mb():>8.1f} {traced:>10.2f} {elapsed:>6.1f}", flush=True)
        store.close()
    per_k = (traced - first_traced) * 1000 / args.cycles
    print(
        f"traced growth {traced - first_traced:+.2f} MB ({per_k * 1000:+.1f} KB per 1,000 cycles); "
        f"rss {rss_mb() - first_rss:+.1f} MB"
    )


if __name__ == "__main__":
    main()
