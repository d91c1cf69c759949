"""Export time per format on a generated snapshot (default 100k annotations over 10k documents).

Prints the median of --repeat runs per format, and the ratio to its target where one is set
(jsonl, csv, label-studio: 3 s; xmi: 30 s).
Run: .venv/bin/python benchmarks/bench_formats.py [--documents N] [--annotations N] [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.formats import EXPORT_FORMATS  # noqa: E402
from tui.formats.sample import generated_snapshot  # noqa: E402

# seconds for the default size (issue 10: csv and Label Studio under 3 s, XMI under 30 s)
TARGETS = {"jsonl": 3.0, "csv": 3.0, "label-studio": 3.0, "xmi": 30.0}


def time_export(name: str, snapshot: dict, repeat: int) -> tuple[list[float], int]:
    fmt = EXPORT_FORMATS[name]
    exporter = fmt.load()
    times, size = [], 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            if fmt.target == "directory":
                exporter(snapshot, Path(tmp) / "out")
                size = sum(p.stat().st_size for p in (Path(tmp) / "out").rglob("*") if p.is_file())
            else:
                buffer = io.BytesIO()
                exporter(snapshot, buffer)
                size = buffer.tell()
            times.append(time.perf_counter() - start)
    return times, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--formats", default=",".join(EXPORT_FORMATS), help="comma-separated subset"
    )
    args = parser.parse_args()
    start = time.perf_counter()
    snapshot = generated_snapshot(args.documents, args.annotations)
    print(
        f"snapshot: {len(snapshot['annotations'])} annotations in {len(snapshot['documents'])} documents"
        f" (generated in {time.perf_counter() - start:.2f} s; load average"
        f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other work slows every row alike)"
    )
    print(f"{'format':<17} {'median s':>9} {'min s':>7} {'ann/s':>10} {'MB':>7}  target")
    for name in args.formats.split(","):
        try:
            times, size = time_export(name, snapshot, args.repeat)
        except RuntimeError as error:  # spaCy not installed
            print(f"{name:<17} skipped: {error}")
            continue
        median = statistics.median(times)
        target = TARGETS.get(name)
        note = f"{target:.1f} s, median/target = {median / target:.2f}" if target else ""
        print(
            f"{name:<17} {median:>9.3f} {min(times):>7.3f} {len(snapshot['annotations']) / median:>10.0f}"
            f" {size / 1e6:>7.1f}  {note}"
        )


if __name__ == "__main__":
    main()
