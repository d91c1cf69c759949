"""Boilerplate removal for plain-text web articles: `from tui.cleaning import clean`.

Pipeline, one module per step: `lines` splits raw text with exact offsets; `features` measures each
line (words, stopwords, punctuation, phrase families from `phrases`; a full sentence is not judged by
a menu word at its start); `body` finds the article body (densest run of prose, with streaks of lone
teaser summaries counting little, extended up to the first good line and down over gaps to
paragraphs on the same topic); `tail` cuts it at comment threads and forms, teaser lists and
end-of-article markers; `classify` judges short lines inside it by context; `metadata` picks the
title (`titles`: a learned ranker over headline evidence; `title_pick`: what the line below its pick
says: a kicker, a breadcrumb), date (`dateline`, forms in `dates`), author (`bylines`; bylines and
datelines read by `authors`, bylines over two lines by `byline_lines`, bylines without a lead word
by `byline_forms`, what a name looks like in
`names`) and section; `copies` then drops a caption's or teaser's copy cut short with "... more";
overrides from the user are applied last; `model` holds the results and the
map back to raw offsets.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from typing import Any

from .classify import classify
from .copies import drop_cut_copies
from .features import line_features
from .lines import RawLine, split_lines
from .metadata import extract
from .model import Cleaned, LineDecision

CLEANER_VERSION = "117"

__all__ = ["CLEANER_VERSION", "Cleaned", "LineDecision", "clean"]

_OVERRIDE_VALUES = ("content", "boilerplate")
_KEPT = ("content", "title")  # decisions that need no reason


def clean(raw: str, overrides: Mapping[int, str] | None = None) -> Cleaned:
    """Keep the article (title + body) of raw, say why each other line went, map text back to raw.

    The cyclic garbage collector is paused meanwhile: cleaning makes no reference cycles (what it drops,
    reference counting frees), but its hundreds of thousands of short-lived line records kept triggering
    full collections that walk every live object (the line caches, an app's whole data): 10% of the time
    on the dev pages, more in a big process. It is turned back on only if it was on."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _clean(raw, overrides)
    finally:
        if paused:
            gc.enable()


def _clean(raw: str, overrides: Mapping[int, str] | None) -> Cleaned:
    lines = split_lines(raw)
    feats = line_features(lines)
    found = classify(feats)
    decisions, reasons = found.decisions, found.reasons
    title_at, meta = extract(feats, decisions, reasons, found.start, found.end, found.run_start)
    if title_at is not None:
        decisions[title_at], reasons[title_at] = "title", None
    # after the title's pick, whose evidence saw the page as it is
    drop_cut_copies(feats, decisions, reasons)
    overridden = [False] * len(lines)
    if overrides:
        by_number = {line.number: i for i, line in enumerate(lines)}
        for number, value in overrides.items():
            if value not in _OVERRIDE_VALUES:
                raise ValueError(
                    f"override for line {number} is {value!r}; use 'content' or 'boilerplate'"
                )
            try:
                i = by_number.get(int(number))
            except (TypeError, ValueError):
                raise ValueError(
                    f"override key {number!r} is not a line number; use the raw line's 1-based number"
                ) from None
            if i is None:
                continue  # a blank or vanished line: nothing to override
            if i == title_at:
                title_at = None
            decisions[i] = value
            reasons[i] = "user override" if value == "boilerplate" else None
            overridden[i] = True
    return _assemble(lines, decisions, reasons, overridden, title_at, meta)


def _assemble(
    lines: list[RawLine],
    decisions: list[str],
    reasons: list[str | None],
    overridden: list[bool],
    title_at: int | None,
    meta: dict[str, Any],
) -> Cleaned:
    """Join title and kept lines with blank lines, recording where each copied run came from."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    text_starts: list[int | None] = [None] * len(lines)
    pos = 0
    order = ([title_at] if title_at is not None else []) + [
        i for i, d in enumerate(decisions) if d == "content"
    ]
    for k, i in enumerate(order):
        if k:
            parts.append("\n\n")
            pos += 2
        line = lines[i]
        parts.append(line.text)
        segments.append((pos, line.start, len(line.text)))
        text_starts[i] = pos
        pos += len(line.text)
    text = "".join(parts)
    title = lines[title_at].text if title_at is not None else ""
    body = text[len(title) + 2 :] if title else text
    if title and len(order) == 1:
        body = ""
    new = tuple.__new__  # LineDecision(...) without its Python-level __new__: one per line
    decided = [
        new(
            LineDecision,
            (line.number, line.start, line.end, d, None if d in _KEPT else why, at, by_user),
        )
        for line, d, why, at, by_user in zip(
            lines, decisions, reasons, text_starts, overridden, strict=True
        )
    ]
    return Cleaned(
        title=title, meta=meta, body=body, text=text, lines=decided, segments=tuple(segments)
    )
