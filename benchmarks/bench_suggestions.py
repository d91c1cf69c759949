"""Suggestion timings (medians): registry names in a long article, all occurrences over a corpus.

1. Registry suggestions: a 50,000-word article and a 5,000-name registry (names + aliases);
   the automaton build and the search, separately and together. Target: < 200 ms together.
2. Corpus-wide all occurrences: 10,000 articles of ~600 words held as stored clean texts;
   one needle (a two-word name). Target: < 2 s. Also the whole service path on a store.

Run: .venv/bin/python benchmarks/bench_suggestions.py [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.gazetteer import Gazetteer, Name  # noqa: E402
from tui.analysis.occurrences import find_in_corpus  # noqa: E402

WORDS = "the of and to in a is that for on with as was by at from said its it be has".split()


def names(count: int, rng: random.Random) -> list[Name]:
    """Made-up capitalised names of one to three words."""
    syllables = ["Ban", "Chi", "Lo", "Mar", "Ten", "Quo", "Zhu", "Wei", "Ant", "Ho", "Sun", "Li"]
    found = []
    for i in range(count):
        words = [
            "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 3))
        ]
        found.append(Name(" ".join(words), f"e{i}", "ORG"))
    return found


def article(words: int, registry: list[Name], rng: random.Random) -> str:
    """Prose of common words with a registry name every ~20 words."""
    out: list[str] = []
    while len(out) < words:
        out.extend(rng.choice(WORDS) for _ in range(19))
        out.append(rng.choice(registry).text)
        out[-1] += "." if rng.random() < 0.2 else ""
    return " ".join(out)


def median_ms(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(11)
    registry = names(5_000, rng)
    text = article(50_000, registry, rng)
    build = median_ms(lambda: Gazetteer(registry), args.runs)
    gazetteer = Gazetteer(registry)
    found = len(gazetteer.find(text))
    search = median_ms(lambda: gazetteer.find(text), args.runs)
    both = median_ms(lambda: Gazetteer(registry).find(text), args.runs)
    print(f"registry: 5,000 names, 50,000-word article, {found} matches")
    print(f"  build {build:.1f} ms, search {search:.1f} ms, both {both:.1f} ms (target < 200 ms)")

    docs = [(f"doc{i}", article(600, registry[:200], rng)) for i in range(args.articles)]
    needle = registry[7].text
    hits = len(find_in_corpus(docs, needle))
    corpus = median_ms(lambda: find_in_corpus(docs, needle), args.runs)
    print(f"all occurrences: {args.articles:,} articles x 600 words, {hits} hits for {needle!r}")
    print(f"  search {corpus:.0f} ms (target < 2000 ms)")

    from tui.store import Store
    from tui.workspace.suggestions import SuggestionService

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "db.json", annotator="bench")
        with store.transaction("load"):
            for doc_id, body in docs:
                store.upsert_document(doc_id, text=body, title=doc_id)
        first = docs[0][1]
        start = first.index(needle) if needle in first else 0
        source = store.add_annotation("doc0", "entity", "ORG", start, start + len(needle))
        service = SuggestionService(store)
        path = median_ms(lambda: service.occurrences(source, corpus=True), max(1, args.runs // 2))
        print(f"  through the service (store texts, context lines): {path:.0f} ms")
        store.close(timeout=60)


if __name__ == "__main__":
    main()
