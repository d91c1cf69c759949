"""Reader widget latency (medians, ms) on a generated 50,000-word article with 3,000 spans.

Each timing is a key's handler plus rendering every visible line the way the compositor asks
for them (cached Strips are reused, changed lines rebuilt). Targets from the issue: word move
< 5 ms, page down < 20 ms, label (set_spans with one more span) < 16 ms. Also reported: the
end-to-end time of a pilot key press (handler + Textual's own refresh cycle) and set_document.

Run: python benchmarks/bench_reader.py [--words 50000] [--spans 3000] [--runs 200] [--size 120x40]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402

from tui.app.widgets.reader import Block, ReaderView, Span  # noqa: E402

_WORDS = (
    "the of and to in a is that for on said with as was by government officials would market "
    "report new year people company will its from at has been more than about after their which "
    "who also but have this had not were they could two first percent"
).split()
_NAMES = ["Xi Jinping", "Ministry of Industry", "Beijing", "Conflux", "BSN", "Hong Kong", "Reuters"]


def generate(words: int, spans: int, seed: int = 7) -> tuple[str, list[Block], list[Span]]:
    """A long article of realistic paragraphs with entity and claim spans spread through it."""
    rnd = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rnd.randint(2, 6)):
            chunk = [rnd.choice(_WORDS) for _ in range(rnd.randint(8, 24))]
            if rnd.random() < 0.5:
                chunk.insert(rnd.randrange(len(chunk)), rnd.choice(_NAMES))
            sentences.append(" ".join(chunk).capitalize() + ".")
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    title = "A generated article for the reader benchmark"
    text = "\n\n".join([title, *paragraphs])
    blocks, offset = [Block(title, 0, "title")], len(title) + 2
    for paragraph in paragraphs:
        blocks.append(Block(paragraph, offset, "content"))
        offset += len(paragraph) + 2
    word_spans = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+", text)]
    result = []
    for n in range(spans):
        if n % 5 == 0:  # a claim over a few words to a sentence
            first = rnd.randrange(len(word_spans) - 40)
            start, end = word_spans[first][0], word_spans[first + rnd.randint(5, 35)][1]
            result.append(Span(f"c{n}", start, end, "CLAIM", "claim", "on #202040"))
        else:
            first = rnd.randrange(len(word_spans) - 3)
            start, end = word_spans[first][0], word_spans[first + rnd.randint(0, 2)][1]
            result.append(Span(f"e{n}", start, end, "ORG", "entity", "on #553300"))
    return text, blocks, result


class Host(App):
    def compose(self) -> ComposeResult:
        yield ReaderView()


def _render_visible(reader: ReaderView) -> None:
    for y in range(reader.scrollable_content_region.height):
        reader.render_line(y)


async def _presses(pilot, count: int) -> list[float]:
    """CPU seconds per pilot key press: the wall time is mostly pilot's idle polling, not work."""
    samples = []
    for _ in range(count):
        started = time.process_time()
        await pilot.press("w")
        samples.append(time.process_time() - started)
    return samples


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def run(args: argparse.Namespace) -> None:
    text, blocks, spans = generate(args.words, args.spans)
    width, height = (int(v) for v in args.size.split("x"))
    app = Host()
    async with app.run_test(size=(width, height)) as pilot:
        reader = app.query_one(ReaderView)
        started = time.perf_counter()
        reader.set_document(blocks, spans, cursor=len(text) // 3)
        first_document = (
            time.perf_counter() - started
        )  # includes one-off tables (safe_text, regexes)
        started = time.perf_counter()
        reader.set_document(blocks, spans, cursor=len(text) // 3)
        set_document = time.perf_counter() - started
        reader.focus()
        await pilot.pause()
        _render_visible(reader)

        def timed(action, before=None) -> list[float]:
            samples = []
            for _ in range(args.runs):
                if before is not None:
                    before()
                started = time.perf_counter()
                action()
                _render_visible(reader)
                samples.append(time.perf_counter() - started)
            return samples

        lines_before = reader.lines_rendered
        word = timed(reader.action_word_next)
        word_lines = (reader.lines_rendered - lines_before) / args.runs

        def fresh_page() -> None:
            """Start over near the top at the end, and forget Strips: a page down shows unseen lines."""
            if reader.scroll_y >= reader.max_scroll_y:
                reader.move_to(0)
                _render_visible(reader)
            reader._strips.clear()

        lines_before = reader.lines_rendered
        page = timed(reader.action_page_down, fresh_page)
        page_lines = (reader.lines_rendered - lines_before) / args.runs
        reader.move_to(len(text) // 3)
        _render_visible(reader)
        sentence = timed(reader.action_sentence_next)  # pysbd runs once per newly entered paragraph
        reader.move_to(len(text) // 3)
        _render_visible(reader)
        label_spans = list(spans)
        counter = iter(range(10**9))

        def label() -> None:
            target = reader.target_range()
            label_spans.append(Span(f"n{next(counter)}", *target, "PERSON", "entity", "on #003355"))
            reader.set_spans(label_spans)
            reader.action_word_next()

        lines_before = reader.lines_rendered
        labels = timed(label)
        label_lines = (reader.lines_rendered - lines_before) / args.runs

        presses = await _presses(pilot, min(args.runs, 50))
    async with Host().run_test(size=(width, height)) as pilot:
        pilot.app.query_one(ReaderView).focus()
        baseline = await _presses(
            pilot, min(args.runs, 50)
        )  # same key, empty reader: pilot overhead

    print(
        f"article: {len(text.split()):,} words, {len(spans):,} spans, {len(blocks)} blocks, "
        f"terminal {width}x{height}, {args.runs} runs"
    )
    print(
        f"set_document (wrap + index):       {set_document * 1000:8.2f} ms per article opened "
        f"(first in the process {first_document * 1000:.2f} ms)"
    )
    for name, samples, target, lines in (
        ("word move (w)", word, 5, word_lines),
        ("page down", page, 20, page_lines),
        ("sentence next (')')", sentence, 5, None),
        ("label (set_spans +1 span, w)", labels, 16, label_lines),
    ):
        median = _median_ms(samples)
        extra = f", max {max(samples) * 1000:.2f} ms"
        extra += f", {lines:.2f} lines rebuilt/press" if lines is not None else ""
        print(
            f"{name + ':':34} {median:8.3f} ms median (target {target} ms, {median / target:.2f}x of "
            f"budget){extra}"
        )
    print(
        f"{'pilot press w, CPU end to end:':34} {_median_ms(presses):8.3f} ms median; same press on an "
        f"empty reader {_median_ms(baseline):.3f} ms (Textual's own cost)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--spans", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--size", default="120x40")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
