"""Literal substrings every match of a regex must contain, read off its parse tree: a safe prefilter.

A run of consecutive items that each match one of a few known strings (literals, small character
classes, optional parts, alternations of such) is multiplied out: `\\((afp|ap)\\s` needs "(afp" or
"(ap", not just "ap". Of all the candidate sets a sequence offers, the most selective is kept.
"""

from __future__ import annotations

import re
import re._constants as _c  # the parser's opcodes; stable across 3.11-3.13
import re._parser as _p
from typing import Any

_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
MAX_STRINGS = 64  # a multiplied-out run stops growing here (the automaton stays small)
MAX_CLASS = 16  # characters a class may spell out


def _class_chars(items: Any) -> set[str] | None:
    """The characters a [...] class matches, when it is a short list of literals and small ranges."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_CLASS:
            out.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, CATEGORY (\w, \d...): too many
    return out if len(out) <= MAX_CLASS else None


def _strings(op: Any, av: Any) -> set[str] | None:
    """Every string one parsed item can match, when they are few (a zero-width item matches ''), else None."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is _c.IN:
        return _class_chars(av)
    if op is _c.SUBPATTERN:
        return None if av[1] & _c.SRE_FLAG_IGNORECASE else _sequence_strings(av[-1])
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            part = _sequence_strings(branch)
            if part is None:
                return None
            out |= part
        return out if len(out) <= MAX_STRINGS else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] == 1:  # x? (or x{1})
        inner = _sequence_strings(av[2])
        if inner is None:
            return None
        return inner | {""} if av[0] == 0 else inner
    return None


def _sequence_strings(items: Any) -> set[str] | None:
    out = {""}
    for op, av in items:
        alts = _strings(op, av)
        if alts is None:
            return None
        out = {a + b for a in out for b in alts}
        if len(out) > MAX_STRINGS:
            return None
    return out


def _needs(items: Any) -> set[str] | None:
    """Needles of a parsed sequence (one of them is in every match), or None when none can be told."""
    cands: list[set[str]] = []
    run: set[str] = {""}  # the strings the current run of few-string items spells

    def close() -> None:
        nonlocal run
        if "" not in run:
            cands.append(run)
        run = {""}

    for op, av in items:
        alts = _strings(op, av)
        if alts is not None:
            grown = {a + b for a in run for b in alts}
            if len(grown) <= MAX_STRINGS:
                run = grown
                continue
            close()  # too many: what the run spelled so far is a candidate; start again here
            run = alts if len(alts) <= MAX_STRINGS else {""}
            continue
        close()
        found: set[str] | None = None
        if op is _c.SUBPATTERN and not av[1] & _c.SRE_FLAG_IGNORECASE:
            found = _needs(av[-1])
        elif op is _c.BRANCH:
            parts = [_needs(branch) for branch in av[1]]
            if all(part is not None for part in parts):
                found = set().union(*(part for part in parts if part is not None))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _needs(av[2])
        if found:
            cands.append(found)
    close()
    best: set[str] | None = None
    for cand in cands:  # the most selective: its shortest needle is longest
        if best is None or min(map(len, cand)) > min(map(len, best)):
            best = cand
    return best


def needles(pattern: str) -> tuple[str, ...] | None:
    """Substrings one of which every match of pattern contains; None if none can be told (or if it
    ignores case, since the needles are matched as they are)."""
    parsed = _p.parse(pattern)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    found = _needs(parsed)
    return tuple(sorted(found)) if found else None


def repeat_guard(pattern: str) -> int | None:
    """For a pattern '^(X)...\\1' (a line that repeats its opening), the least width w of X: every match
    has text[:w] again at w or later, a test much cheaper than the backreference; else None."""
    parsed = _p.parse(pattern)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    items = list(parsed)
    if len(items) < 3 or items[0] != (_c.AT, _c.AT_BEGINNING) or items[1][0] is not _c.SUBPATTERN:
        return None
    group, add_flags = items[1][1][0], items[1][1][1]
    if group is None or add_flags & _c.SRE_FLAG_IGNORECASE:
        return None
    if not any(op is _c.GROUPREF and av == group for op, av in items[2:]):
        return None  # only a reference at the top level is sure to be matched
    width = int(items[1][1][-1].getwidth()[0])
    return width if width >= 1 else None


_UNSPLITTABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]+[:)]")  # back-references, inline flags


def _top_alternatives(pattern: str) -> list[str]:
    """The source of each top-level alternative of pattern (split at '|' outside groups and classes)."""
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":  # a ']' first in a class is literal
                i += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def split_at_start(pattern: str) -> tuple[str | None, str | None]:
    """(the top-level alternatives that begin with '^', the others) as two patterns, either None when
    empty: `re.search(pattern, s)` finds a match iff the first matches at 0 or the second is found. Trying
    the anchored ones only at 0 spares the engine testing them at every position. A pattern with
    back-references or inline flags is not split: (None, pattern)."""
    if _UNSPLITTABLE.search(pattern):
        return None, pattern
    parts = _top_alternatives(pattern)
    if "" in parts:
        return None, pattern  # an empty alternative matches anywhere
    anchored = [p for p in parts if p.startswith("^")]
    anywhere = [p for p in parts if not p.startswith("^")]
    return ("|".join(anchored) or None), ("|".join(anywhere) or None)
