"""Articles per second cleaning a generated corpus on 1, 2 and N processes and on a local Dask cluster.

Usage: .venv/bin/python benchmarks/bench_scale.py [--n 100000] [--repeat 1]
Prints articles/s per setting (median of --repeat runs) and the ratio to one process. On a
machine shared with other work the ratios say more about the machine than about newsmark.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_corpus import make_corpus  # noqa: E402

from tui.corpus import index  # noqa: E402
from tui.corpus.parallel import local_cores, render_sources  # noqa: E402
from tui.documents import discover  # noqa: E402


def pool_rate(root: Path, jobs: int) -> float:
    """What `newsmark clean --json --jobs N` does: workers clean and format, lines come back."""
    from tui.commands.clean import _json_line

    sources = list(discover([root], print))
    start = time.perf_counter()
    count = sum(1 for _ in render_sources(sources, jobs, print, _json_line))
    return count / (time.perf_counter() - start)


def index_rate(root: Path, cache: Path, jobs: int) -> float:
    """The app's first indexing: clean, fill the cache, list entries (no cache yet)."""
    start = time.perf_counter()
    count = sum(1 for _ in index([root], cache, jobs=jobs))
    return count / (time.perf_counter() - start)


def dask_rate(root: Path, out: Path, workers: int) -> float:
    from tui.corpus.dask_clean import client_for, run

    client = client_for("local", workers)
    try:
        summary = run([str(root)], str(out), client, print)
    finally:
        client.close()
    return summary.articles / summary.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    cores = local_cores()
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        root = work / "corpus"
        root.mkdir()
        started = time.perf_counter()
        make_corpus(root, args.n)
        print(
            f"generated {args.n} articles in {time.perf_counter() - started:.1f} s; {cores} local cores"
        )
        settings = sorted({1, 2, cores})
        rates: dict[str, float] = {}
        for jobs in settings:
            rates[f"clean --json, {jobs} process(es)"] = statistics.median(
                pool_rate(root, jobs) for _ in range(args.repeat)
            )
        for jobs in settings:
            rates[f"first indexing, {jobs} process(es)"] = statistics.median(
                index_rate(root, work / f"cache-{jobs}-{n}", jobs) for n in range(args.repeat)
            )
        runs = []
        for run_number in range(args.repeat):
            runs.append(dask_rate(root, work / f"out{run_number}", cores))
        rates[f"clean, local Dask ({cores} workers)"] = statistics.median(runs)
        for name, rate in rates.items():
            base = rates[
                "first indexing, 1 process(es)"
                if "index" in name
                else "clean --json, 1 process(es)"
            ]
            print(f"{name:<36} {rate:8.0f} articles/s   x{rate / base:.2f} vs 1 process")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
