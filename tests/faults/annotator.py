"""A stand-in for the app in fault tests: annotates in a loop and says what it was told is saved.

Prints one line per event: `add <seq> <generation>`, `del <seq> <generation>`, and
`saved <generation>` whenever the store reports a newer generation durable, flushing stdout
each time so a parent that SIGKILLs us sees exactly what had been acknowledged.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time

from tui.store import Store

# ~1 MB of text makes every save take a few ms, so many kills land in the middle of a write.
TEXT = (
    "The Blockchain-based Service Network was launched in Beijing by the State Information Center. "
    * 10_000
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--name", default="worker")
    parser.add_argument(
        "--count", type=int, default=0, help="stop after this many adds (0: run until killed)"
    )
    parser.add_argument(
        "--wait-lock", action="store_true", help="wait for the write lock instead of exiting"
    )
    args = parser.parse_args()

    store = Store.open(args.db, annotator=args.name)
    while store.read_only:
        if not args.wait_lock:
            print(f"readonly {store.lock_holder}", flush=True)
            sys.exit(3)
        store.close()
        time.sleep(0.02)
        store = Store.open(args.db, annotator=args.name)
    if store.get_document("d") is None:
        store.upsert_document("d", text=TEXT, title="fault test")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))  # SIGTERM: close cleanly
    print("ready", flush=True)
    added: list[tuple[int, str]] = []
    reported = 0
    seq = 0
    while not stopping and (not args.count or seq < args.count):
        start = (seq * 7) % 10_000
        ann = store.add_annotation(
            "d", "entity", "ORG", start, start + 10, attributes={"seq": f"{args.name}-{seq}"}
        )
        print(f"add {args.name}-{seq} {store.generation}", flush=True)
        added.append((seq, ann["id"]))
        if len(added) > 20:  # keep the file small so 30 rounds stay quick to validate
            gone_seq, gone_id = added.pop(0)
            store.delete_annotation(gone_id)
            print(f"del {args.name}-{gone_seq} {store.generation}", flush=True)
        saved = store.saved_generation
        if saved > reported:
            reported = saved
            print(f"saved {saved}", flush=True)
        seq += 1
        time.sleep(0.001)
    ok = store.close()
    print(f"saved {store.saved_generation}" if ok else "close failed", flush=True)


if __name__ == "__main__":
    main()
