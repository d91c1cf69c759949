"""Shortened copies in the body: a caption or teaser printed again, cut off with "... more"."""

from __future__ import annotations

import re
from bisect import bisect_left

from .features import LineFeatures

# "... more", "…", "... Read more": where a shortened copy stops.
_CUT = re.compile(
    r"\s*(?:\.\.\.|…)\s*(?:more|read more|mehr|weiterlesen|lire la suite|leer más)?$", re.I
)
# "... nation. less": the toggle that folds a caption back to its shortened copy.
_LESS = re.compile(r"\s(?:less|weniger|moins|menos)$", re.I)
CUT_MIN_CHARS = 30  # the shortened copy keeps at least this much of the line it copies
_ENDINGS = ("...", "…", "more", "More", "mehr", "Mehr", "suite", "más")


def drop_cut_copies(
    feats: list[LineFeatures], decisions: list[str], reasons: list[str | None]
) -> None:
    """Drop a kept line that stops at an ellipsis (and "more") where another, longer line of the page
    goes on from its words: a gallery caption's or a teaser's shortened copy. The longer line goes
    too when it ends with the "less" of a more/less toggle: it is the caption the copy folds."""
    cut = [
        i
        for i, d in enumerate(decisions)
        if d == "content" and feats[i].line.text.endswith(_ENDINGS)
    ]
    if not cut:
        return
    texts = [f.line.text for f in feats]
    ordered = sorted((t, k) for k, t in enumerate(texts))  # the lines going on from a stem stand
    for i in cut:  # together from where it would be inserted: no scan of the page per stem
        m = _CUT.search(texts[i])
        stem = texts[i][: m.start()] if m else ""
        if len(stem) < CUT_MIN_CHARS:
            continue
        longer = []
        for t, k in ordered[bisect_left(ordered, (stem, -1)) :]:
            if not t.startswith(stem):
                break
            if len(t) > len(stem) + 5:
                longer.append(k)
        if not longer:
            continue
        decisions[i], reasons[i] = "boilerplate", "shortened copy"
        for k in longer:
            if decisions[k] == "content" and _LESS.search(texts[k]):
                decisions[k], reasons[k] = "boilerplate", "caption"
