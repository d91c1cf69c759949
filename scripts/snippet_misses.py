"""Where the cleaner loses the multilingual dev part's snippets: each missed 'with' snippet and each kept
'without' snippet, classed by where its line sits (above the kept text, below it, inside it, or on no
single input line), the line's kind and the reason it was dropped, so a rule is aimed at a family, not
a page. An 'above' line with no reason is the title (scored apart from the body); a snippet on no single
line is mostly one the input does not hold as such (soft hyphens, a line break inside a word).

Run: python scripts/snippet_misses.py [--pages DIR] [--list] [--save FILE] [--diff FILE]
  --list   print every snippet's line; --save writes them as JSON; --diff compares with a saved run
           (what a change fixed and what it broke).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cleaning import DEV_PAGES  # noqa: E402  (the dev set, found as the bench finds it)

from tui.cleaning import clean  # noqa: E402
from tui.cleaning.features import line_features  # noqa: E402
from tui.cleaning.lines import split_lines  # noqa: E402

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()  # as the scorer compares snippets


def page_rows(name: str, raw: str, snippets: dict[str, list[str]]) -> list[dict[str, object]]:
    """One row per lost snippet of a page: side, position, kind, reason, words and the line's text."""
    cleaned = clean(raw)
    body = _norm(cleaned.body)
    lines = split_lines(raw)
    feats = line_features(lines)
    texts = [_norm(line.text) for line in lines]
    kept = [i for i, d in enumerate(cleaned.lines) if d.decision == "content"]
    rows: list[dict[str, object]] = []
    for side, want in (("with", False), ("without", True)):
        for snippet in snippets.get(side, []):
            s = _norm(snippet)
            if (s in body) != want:
                continue
            at = [i for i, t in enumerate(texts) if s in t]
            if side == "without":  # the kept copy, if the text is on the page twice
                at = [i for i in at if cleaned.lines[i].decision == "content"] or at
            i = at[0] if at else None
            if i is None:
                pos = "not on one line"
            elif not kept:
                pos = "nothing kept"
            else:
                pos = "above" if i < kept[0] else "below" if i > kept[-1] else "inside"
            rows.append(
                {
                    "page": name,
                    "side": side,
                    "pos": pos,
                    "kind": feats[i].kind if i is not None else None,
                    "reason": cleaned.lines[i].reason if i is not None else None,
                    "words": feats[i].words if i is not None else None,
                    "text": (lines[i].text if i is not None else snippet)[:160],
                }
            )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEV_PAGES)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path)
    args = ap.parse_args()
    rows: list[dict[str, object]] = []
    for path in sorted(args.pages.glob("tf-*.snippets.json")):
        name = path.name.removesuffix(".snippets.json")
        raw = (args.pages / f"{name}.txt").read_text(encoding="utf-8")
        rows += page_rows(name, raw, json.loads(path.read_text(encoding="utf-8")))
    for side in ("with", "without"):
        mine = [r for r in rows if r["side"] == side]
        print(f"{side} snippets lost: {len(mine)}")
        for (pos, kind, reason), n in Counter(
            (r["pos"], r["kind"], r["reason"]) for r in mine
        ).most_common():
            print(f"  {n:4}  {pos:15} {kind or '-':6} {reason or '-'}")
    if args.list:
        for r in rows:
            print(f"{r['side']:8} {r['pos']:15} {str(r['page'])[:40]:40} | {r['text']}")
    if args.save:
        args.save.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    if args.diff:
        old = json.loads(args.diff.read_text(encoding="utf-8"))
        key = lambda r: (r["page"], r["side"], r["text"])  # noqa: E731
        before, after = {key(r) for r in old}, {key(r) for r in rows}
        for k in sorted(before - after):
            print(f"fixed  {k[1]:8} {k[0][:40]:40} | {k[2][:100]}")
        for k in sorted(after - before):
            print(f"broke  {k[1]:8} {k[0][:40]:40} | {k[2][:100]}")


if __name__ == "__main__":
    main()
