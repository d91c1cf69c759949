"""Time indexing a 10,000-article corpus: the first index, and the second start the app relies on.

Usage: .venv/bin/python benchmarks/bench_corpus.py [--articles 10000] [--repeat 3] [--jobs 1,0]
Prints medians; the target is a second start under 2 s for 10,000 articles. The first index is
timed once per `--jobs` value (processes that clean; 0 = every local core, as the app does) and
compared with the first one given.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.corpus import index  # noqa: E402
from tui.corpus.parallel import local_cores, resolve_jobs  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def make_corpus(root: Path, count: int) -> None:
    """Write `count` articles spread over 20 outlet folders, each a shuffled variant of a seed."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(7)
    for number in range(count):
        folder = root / f"outlet{number % 20:02d}"
        folder.mkdir(exist_ok=True)
        lines = seeds[number % len(seeds)].split("\n")
        body = lines[1:]
        rng.shuffle(body)
        text = f"Article {number}: {lines[0]}\n" + "\n".join(body)
        (folder / f"article{number:05d}.txt").write_text(text, encoding="utf-8")


def timed(root: Path, cache: Path, jobs: int | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    count = sum(1 for _ in index([root], cache, on_progress=lambda done, total: None, jobs=jobs))
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--jobs",
        default="1,0",
        help="comma-separated worker counts for the first index (0: all cores)",
    )
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        root = work / "corpus"
        root.mkdir()
        started = time.perf_counter()
        make_corpus(root, args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - started:.1f} s")
        firsts: dict[int, list[float]] = {j: [] for j in jobs}
        seconds: list[float] = []
        for run in range(args.repeat):
            for j in jobs:
                cache = work / f"cache{run}-{j}"
                first, count = timed(root, cache, j)
                firsts[j].append(first)
                assert count == args.articles, count
            for _ in range(3):
                seconds.append(timed(root, cache)[0])
        base = statistics.median(firsts[jobs[0]])
        for j in jobs:
            med = statistics.median(firsts[j])
            print(
                f"first index, jobs={j} ({resolve_jobs(j)} workers of {local_cores()} cores): "
                f"median {med:.2f} s over {args.repeat} runs "
                f"({med / args.articles * 1e3:.2f} ms/article, x{base / med:.2f} vs jobs={jobs[0]})"
            )
        second_median = statistics.median(seconds)
        print(
            f"second start : median {second_median:.3f} s over {len(seconds)} runs (target < 2 s)"
        )
        print(f"ratio first (jobs={jobs[-1]}) / second: {med / second_median:.0f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
