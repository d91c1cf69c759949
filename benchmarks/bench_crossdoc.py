"""Cross-document candidates at corpus scale: claims clustered across 10,000 articles, entities paired.

Prints medians and the ratio against a naive all-pairs rapidfuzz run on a subset (extrapolated to
the full size), plus peak Python memory (tracemalloc). Run: .venv/bin/python benchmarks/bench_crossdoc.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz  # noqa: E402

from tui.analysis.claim_clusters import ClaimText, candidate_pairs, clusters  # noqa: E402
from tui.analysis.names import NameRecord, same_entity_candidates  # noqa: E402

SEED = (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")
WORDS = " ".join(p.read_text(encoding="utf-8") for p in SEED).split()
FIRST = (
    "Lin Liu Wang Zhang Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin Guo He Ma Luo".split()
)
GIVEN = (
    "Yunan Wei Fang Jing Lei Min Jun Hui Xia Bo Tao Ying Qiang Ping Yan Hong Li Na Gang Yu".split()
)


def make_claims(n_articles: int, per_article: int, rng: random.Random) -> list[ClaimText]:
    """Quotes of 12-30 real words; a third are re-reported by 2-4 other outlets, some trimmed."""
    statements = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
        for _ in range(n_articles * per_article // 2)
    ]
    claims = []
    for i in range(n_articles * per_article):
        text = rng.choice(statements)
        if rng.random() < 0.3:
            words = text.split()
            cut = rng.randint(2, max(3, len(words) // 3))
            text = " ".join(words[:cut] + ["[…]"] + words[cut * 2 :])
        speaker = f"{rng.choice(GIVEN)} {rng.choice(FIRST)}"
        claims.append(
            ClaimText(f"c{i}", f"d{i // per_article}", text, f"said {speaker}", speaker, None)
        )
    return claims


def make_entities(n: int, rng: random.Random) -> list[NameRecord]:
    names = []
    for i in range(n):
        kind = rng.random()
        if kind < 0.6:
            name = f"{rng.choice(FIRST)} {rng.choice(GIVEN)}{rng.choice(GIVEN).lower()}"
            names.append(NameRecord(f"e{i}", name, "PERSON"))
        else:
            words = [rng.choice(WORDS).strip(",.“”").title() for _ in range(rng.randint(2, 4))]
            names.append(NameRecord(f"e{i}", " ".join(words), "ORG"))
    return names


def timed(function, repeat: int) -> tuple[float, int, object]:
    """Median seconds over `repeat` plain runs, then one more run under tracemalloc for the peak."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak, result


def naive_pairs_seconds(texts: list[str], subset: int, full: int) -> float:
    """All-pairs rapidfuzz on `subset` items, extrapolated quadratically to `full`."""
    sample = texts[:subset]
    start = time.perf_counter()
    for i, a in enumerate(sample):
        for b in sample[i + 1 :]:
            fuzz.token_set_ratio(a, b)
    elapsed = time.perf_counter() - start
    return elapsed * (full * (full - 1)) / (subset * (subset - 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims-per-article", type=int, default=5)
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    claims = make_claims(args.articles, args.claims_per_article, rng)
    entities = make_entities(args.entities, rng)

    seconds, peak, found = timed(lambda: clusters(claims, candidate_pairs(claims)), args.repeat)
    naive = naive_pairs_seconds([c.content for c in claims], 1500, len(claims))
    print(f"claims: {len(claims):,} over {args.articles:,} articles -> {len(found):,} clusters")
    print(f"  blocked candidates + clusters: median {seconds:.2f} s, peak {peak / 2**20:.0f} MiB")
    print(
        f"  naive all-pairs rapidfuzz (extrapolated from 1,500): {naive:,.0f} s  ratio x{naive / seconds:,.0f}"
    )

    seconds, peak, pairs = timed(lambda: same_entity_candidates(entities), args.repeat)
    naive = naive_pairs_seconds([e.name for e in entities], 1500, len(entities))
    print(f"entities: {len(entities):,} -> {len(pairs):,} candidate pairs")
    print(f"  blocked candidates: median {seconds:.2f} s, peak {peak / 2**20:.0f} MiB")
    print(
        f"  naive all-pairs rapidfuzz (extrapolated from 1,500): {naive:,.0f} s  ratio x{naive / seconds:,.0f}"
    )


if __name__ == "__main__":
    main()
