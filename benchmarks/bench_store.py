"""Store speed on generated databases: open, add latency, time to durable, export, peak memory.

Targets (issue): the caller never waits more than 5 ms for a mutation at 100k annotations;
durable within 50 ms at 10k and 300 ms at 100k; open under 0.5 s at 100k; JSONL export of
100k under 3 s. Prints medians (and p99/max for add latency) and the ratio to each target.
Open time and memory are measured in fresh interpreters, three per way of opening (medians):
RSS from /proc before and after the open, and the peak after resetting it (ru_maxrss carries
the parent's peak across exec). The Store is compared with the floor (orjson parsing the file)
and with TinyDB's own table API reading every annotation of the same file.
Run: .venv/bin/python benchmarks/bench_store.py [--sizes 1000,10000,100000] [--adds 300] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from tui.store import records as R  # noqa: E402
from tui.store.storage import write_atomic  # noqa: E402

WORDS = (
    "Beijing backs the Blockchain-based Service Network , said Zhang Wei of the State Information "
    "Center on Monday . Officials expect 100 cities to join the alliance by 2025 ."
).split()
DOCS_FOR = {1_000: 1_000, 10_000: 2_000, 100_000: 10_000}
TARGETS = {
    ("add_p50", 100_000): 0.005,
    ("durable", 10_000): 0.050,
    ("durable", 100_000): 0.300,
    ("open", 100_000): 0.5,
    ("open (app)", 100_000): 0.5,
    ("export jsonl", 100_000): 3.0,
}


def generate(path: Path, n_annotations: int, n_documents: int, seed: int = 1) -> None:
    """A realistic-shaped database: ~1,800-character articles, 10-character-ish spans."""
    rng = random.Random(seed)
    tables: dict[str, dict] = {t: {} for t in R.TABLES}
    tables["meta"]["1"] = R.meta_record()
    for i, label in enumerate(R.default_labels(), 1):
        tables["labels"][str(i)] = label
    docs = []
    for d in range(n_documents):
        text = " ".join(rng.choice(WORDS) for _ in range(300))
        doc = R.document_record(
            f"corpus/{d:05d}.txt",
            text=text,
            path=f"/corpus/{d:05d}.txt",
            raw_sha256="0" * 64,
            cleaner_version="1",
            title=f"Article {d}",
            metadata={"source": "bench"},
            overrides=None,
        )
        tables["documents"][str(d + 1)] = doc
        docs.append(doc)
    labels = [label[0] for label in R.DEFAULT_LABELS[:9]]
    for a in range(n_annotations):
        doc = docs[a % n_documents]
        start = rng.randrange(0, len(doc["text"]) - 40)
        ann = R.annotation_record(
            doc,
            "entity",
            rng.choice(labels),
            start,
            start + rng.randrange(3, 30),
            attributes=None,
            entity_id=None,
            source_start=start,
            source_end=start + 3,
            state="ok",
            annotator="bench",
        )
        ann["source_end"] = ann["source_start"] + (ann["end"] - ann["start"])
        tables["annotations"][str(a + 1)] = ann
    write_atomic(path, [orjson.dumps(tables)])


def rss_mb() -> float:
    """Resident memory now, from /proc (ru_maxrss would carry the parent's peak across exec)."""
    return _status_kb("VmRSS:") / 1024


def peak_mb() -> float:
    """Peak resident memory since the child reset it (see reset_peak)."""
    return _status_kb("VmHWM:") / 1024


def reset_peak() -> None:
    """Start the child's peak from its own current size (Linux: write 5 to clear_refs)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def _status_kb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return float(line.split()[1])
    return 0.0


def open_once(path: Path, how: str) -> dict:
    """Runs in a fresh interpreter: open the file one way, report time and memory it holds.

    Imports happen before the baseline is read, so only the open itself is counted; the peak
    is reset first, so nothing the parent did (ru_maxrss carries it across exec) leaks in.
    """
    from tinydb import TinyDB

    from tui.store import Store

    gc.collect()
    reset_peak()
    before = rss_mb()
    t = time.perf_counter()
    if how == "store":  # the Store, after its saver has prepared the next save
        held = Store.open(path, annotator="bench")
        elapsed = time.perf_counter() - t
        held.flush(timeout=120)
        time.sleep(0.2)
    elif how == "tinydb":  # TinyDB's own table API reading every annotation, kept in memory
        tiny = TinyDB(path, access_mode="rb")
        held = tiny.table("annotations").all()
        elapsed = time.perf_counter() - t
    else:  # the floor: the parsed file, nothing else
        held = orjson.loads(path.read_bytes())
        elapsed = time.perf_counter() - t
    gc.collect()
    return {"open": elapsed, "held_mb": rss_mb() - before, "peak_mb": peak_mb() - before}


def open_in_fresh_processes(path: Path, runs: int = 3) -> dict:
    """Median open time and held memory over `runs` fresh interpreters per way of opening."""
    result = {}
    for how, name in (("parse", "parse only"), ("store", "open"), ("tinydb", "tinydb all()")):
        runs_of = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, __file__, "--open-once", how, str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            runs_of.append(json.loads(out))
        result[name] = statistics.median(r["open"] for r in runs_of)
        suffix = "" if how == "store" else f" {how}"
        result[f"held_mb{suffix}"] = statistics.median(r["held_mb"] for r in runs_of)
        result[f"peak_mb{suffix}"] = statistics.median(r["peak_mb"] for r in runs_of)
    return result


def measure(path: Path, adds: int, quick: bool) -> dict:
    """Runs in the child process: every number for one database size."""
    from tui.formats import EXPORT_FORMATS
    from tui.process_tuning import interactive_start
    from tui.store import Store

    reset_peak()
    result: dict = {"file_mb": path.stat().st_size / 1e6}
    for key, value in open_in_fresh_processes(path).items():
        result[key] = value
    app_opens = []
    for _ in range(3):  # as the newsmark command opens it: collector paused, loaded records frozen
        gc.collect()
        t = time.perf_counter()
        with interactive_start():
            store = Store.open(path, annotator="bench")
        app_opens.append(time.perf_counter() - t)
        store.close()
        del store
        gc.unfreeze()
    result["open (app)"] = statistics.median(app_opens)
    store = Store.open(path, annotator="bench")

    docs = [d["id"] for d in store.documents()[:50]]
    latencies = []
    for i in range(adds):  # a fast typist: the saver is busy writing most of the time
        t = time.perf_counter()
        store.add_annotation(docs[i % len(docs)], "entity", "ORG", 10, 20)
        latencies.append(time.perf_counter() - t)
        time.sleep(0.002)
    store.flush(timeout=60)
    latencies.sort()
    result["add_p50"] = statistics.median(latencies)
    result["add_p99"] = latencies[int(len(latencies) * 0.99) - 1]
    result["add_max"] = latencies[-1]

    durable = []
    for i in range(15):
        t = time.perf_counter()
        store.add_annotation(docs[i % len(docs)], "entity", "GPE", 30, 40)
        store.flush(timeout=60)
        durable.append(time.perf_counter() - t)
    result["durable"] = statistics.median(durable)

    if quick:
        store.close()
        return result
    snapshot = store.snapshot()
    for name in ("jsonl", "json", "w3c", "conll", "brat"):
        fmt = EXPORT_FORMATS[name]
        exporter = fmt.load()
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            if fmt.target == "directory":
                exporter(snapshot, Path(tmp) / "out")
            else:
                exporter(snapshot, io.BytesIO())
            result[f"export {name}"] = time.perf_counter() - t
    store.close()
    result["peak_rss_mb"] = peak_mb()
    return result


def reanchor_timing() -> dict:
    """Re-anchoring when a line is restored: 3,000 spans on a 340,000-character article."""
    from tui.store import Store

    rng = random.Random(2)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(100)) for _ in range(500)]
    text = "\n\n".join(paragraphs)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "db.json")
        store.upsert_document("d", text=text)
        with store.transaction("spans"):
            for _ in range(3000):
                start = rng.randrange(0, len(text) - 30)
                store.add_annotation("d", "entity", "ORG", start, start + rng.randrange(3, 25))
        times = []
        for n in range(5):
            restored = paragraphs[:250] + [f"A restored line {n}."] * (n % 2) + paragraphs[250:]
            t = time.perf_counter()
            store.upsert_document("d", text="\n\n".join(restored))
            times.append(time.perf_counter() - t)
        store.close()
    return {"reanchor 3k": statistics.median(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--adds", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="open and memory only")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--open-once", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_once:
        print(json.dumps(open_once(Path(args.open_once[1]), args.open_once[0])))
        return
    if args.child:
        print(json.dumps(measure(Path(args.child), args.adds, args.quick)))
        return
    if not args.quick:
        print(
            f"re-anchoring 3,000 spans after a paragraph is restored in a 340k-character article: "
            f"{reanchor_timing()['reanchor 3k'] * 1000:.1f} ms (median of 5)"
        )
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(dir=ROOT / "benchmarks") as tmp:
            path = Path(tmp) / "annotations.json"
            t = time.perf_counter()
            generate(path, size, DOCS_FOR.get(size, max(1, size // 10)))
            gen_time = time.perf_counter() - t
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path), "--adds", str(args.adds)]
                + ["--quick"] * args.quick,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        result = json.loads(out)
        print(
            f"\n{size:,} annotations over {DOCS_FOR.get(size, size // 10):,} documents "
            f"({result.pop('file_mb'):.1f} MB file, generated in {gen_time:.1f} s)"
        )
        for key, value in result.items():
            unit = "MB" if "_mb" in key else "ms"
            shown = value if unit == "MB" else value * 1000
            target = TARGETS.get((key, size))
            ratio = (
                f"   target {target * 1000:.0f} ms, ratio {value / target:.2f}" if target else ""
            )
            print(f"  {key:<14} {shown:10.2f} {unit}{ratio}")
        kb = {k: result[k] * 1024 / size for k in ("held_mb", "held_mb parse", "held_mb tinydb")}
        print(
            f"  open / parse   {result['open'] / result['parse only']:10.2f} x   "
            f"open / TinyDB all() {result['open'] / result['tinydb all()']:.2f} x"
        )
        print(
            f"  held per annotation (fresh process, RSS after open): store {kb['held_mb']:.2f} KB, "
            f"parsed file {kb['held_mb parse']:.2f} KB, TinyDB all() {kb['held_mb tinydb']:.2f} KB; "
            f"store / TinyDB {kb['held_mb'] / kb['held_mb tinydb']:.2f} x"
        )


if __name__ == "__main__":
    main()
