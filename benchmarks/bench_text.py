"""Time word and sentence splitting on a 50,000-word article (what the app does when one opens).

Usage: .venv/bin/python benchmarks/bench_text.py [--words 50000] [--repeat 5]
Prints medians for: words, sentences (many paragraphs), sentences (one huge paragraph),
sentences_in for one screenful (what the reader needs first), and the cached second call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui import text  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(word_target: int) -> str:
    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    copies = word_target // len(seeds.split()) + 1
    # Number the paragraphs so no two are equal (sentences are cached per paragraph text).
    paragraphs = "\n\n".join([seeds] * copies).split("\n\n")
    return "\n\n".join(f"Part {number}. {paragraph}" for number, paragraph in enumerate(paragraphs))


def median_time(function, value, repeat: int, clear: bool = True) -> float:
    times = []
    for _ in range(repeat):
        if clear:
            for cached in (
                text._words,
                text._sentences,
                text._paragraphs,
                text._paragraph_sentences,
            ):
                cached.cache_clear()
        start = time.perf_counter()
        function(value)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    body = article(args.words)
    one_paragraph = body.replace("\n\n", " ")
    count = text.word_count(body)
    print(f"article: {count} words, {len(body)} code points, {len(text.sentences(body))} sentences")
    words = median_time(text.words, body, args.repeat)
    split = median_time(text.sentences, body, args.repeat)
    huge = median_time(text.sentences, one_paragraph, args.repeat)
    text.sentences(body)
    cached = median_time(text.sentences, body, args.repeat, clear=False)
    middle = len(body) // 2
    screen = median_time(
        lambda value: text.sentences_in(value, middle, middle + 4000), body, args.repeat
    )
    print(f"words                      : median {words * 1e3:8.1f} ms")
    print(
        f"sentences (paragraphs)     : median {split * 1e3:8.1f} ms ({split / count * 1e6:.1f} us/word)"
    )
    print(f"sentences (one paragraph)  : median {huge * 1e3:8.1f} ms")
    print(
        f"sentences_in (one screen)  : median {screen * 1e3:8.1f} ms  (ratio {split / screen:,.0f}x)"
    )
    print(
        f"sentences (cached)         : median {cached * 1e6:8.1f} us  (ratio {split / cached:,.0f}x)"
    )


if __name__ == "__main__":
    main()
