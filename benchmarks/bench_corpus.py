"""Time indexing a 10,000-article corpus: the first index, and the second start the app relies on.

Usage: .venv/bin/python benchmarks/bench_corpus.py [--articles 10000] [--repeat 3]
Prints medians; the target is a second start under 2 s for 10,000 articles.
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


def timed(root: Path, cache: Path) -> tuple[float, int]:
    start = time.perf_counter()
    count = sum(1 for _ in index([root], cache, on_progress=lambda done, total: None))
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        root = work / "corpus"
        root.mkdir()
        started = time.perf_counter()
        make_corpus(root, args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - started:.1f} s")
        firsts, seconds = [], []
        for run in range(args.repeat):
            cache = work / f"cache{run}"
            first, count = timed(root, cache)
            firsts.append(first)
            for _ in range(3):
                seconds.append(timed(root, cache)[0])
            assert count == args.articles, count
        first_median, second_median = statistics.median(firsts), statistics.median(seconds)
        print(
            f"first index  : median {first_median:.2f} s over {len(firsts)} runs "
            f"({first_median / args.articles * 1e3:.2f} ms/article)"
        )
        print(
            f"second start : median {second_median:.3f} s over {len(seconds)} runs (target < 2 s)"
        )
        print(f"ratio first/second: {first_median / second_median:.0f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
