"""Literal substrings every match of a regex must contain, read off its parse tree: a safe prefilter."""

from __future__ import annotations

import re._constants as _c  # the parser's opcodes; stable across 3.11-3.13
import re._parser as _p
from typing import Any

_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _needs(items: Any) -> set[str] | None:
    """Needles of a parsed sequence (one of them is in every match), or None when none can be told."""
    cands: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literal run goes on across it
        if run:
            cands.append({"".join(run)})
            run = []
        found: set[str] | None = None
        if op is _c.SUBPATTERN:
            found = _needs(av[-1])
        elif op is _c.BRANCH:
            parts = [_needs(branch) for branch in av[1]]
            if all(part is not None for part in parts):
                found = set().union(*(part for part in parts if part is not None))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _needs(av[2])
        if found:
            cands.append(found)
    if run:
        cands.append({"".join(run)})
    best: set[str] | None = None
    for cand in cands:  # the most selective: its shortest needle is longest
        if best is None or min(map(len, cand)) > min(map(len, best)):
            best = cand
    return best


def needles(pattern: str) -> tuple[str, ...] | None:
    """Substrings one of which every match of pattern (no flags) contains; None if none can be told."""
    found = _needs(_p.parse(pattern))
    return tuple(sorted(found)) if found else None
