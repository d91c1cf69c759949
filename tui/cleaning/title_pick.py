"""The title after the ranker: what the line below its pick says, which a ranker scoring lines one by
one cannot see (a breadcrumb over the headline it ends with)."""

from __future__ import annotations

from .features import LineFeatures
from .titles import scores

BARE_SHARE = 0.5  # the bare line below is at least this share of the pick's length

Candidates = list[tuple[int, list[float]]]


def choose(feats: list[LineFeatures], cands: Candidates) -> int | None:
    """The ranker's pick, or the line below it when the pick is a breadcrumb ending with that line.

    A one- or two-word label right over a headline that scores nearly as well ("Politics" over the
    headline) is a kicker too, but taking the headline below it was left out: it titled 2 more tf
    pages right, and the body then lost a headline that one page's gold snippets count as body text
    (tf snippet F1 0.92139 -> 0.92117)."""
    if not cands:
        return None
    s = scores(cands)
    return bare_below(feats, cands[max(range(len(s)), key=s.__getitem__)][0], cands)


def bare_below(feats: list[LineFeatures], pick: int, cands: Candidates) -> int:
    """The candidate right below the pick when the pick's text ends with it ("Home → News →
    Headline" or "›Headline" over "Headline"): the pick is a breadcrumb or a marked copy of the
    headline under it, which the ranker scoring lines one by one cannot tell apart; else the pick."""
    below = pick + 1
    if below >= len(feats) or not any(j == below for j, _ in cands):
        return pick
    text, bare = feats[pick].line.text, feats[below].line.text
    if text != bare and text.endswith(bare) and len(bare) >= BARE_SHARE * len(text):
        return below
    return pick
