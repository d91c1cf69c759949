"""The title after the ranker: what the line below its pick says, which a ranker scoring lines one by
one cannot see (a section label over its headline, a breadcrumb over the headline it ends with), and
the whole headline for a teaser's copy cut short."""

from __future__ import annotations

from .features import LineFeatures
from .stopwords import folded_words
from .titles import FEATURES, scores

BARE_SHARE = 0.5  # the bare line below is at least this share of the pick's length
KICKER_WORDS = (
    2  # a kicker (a section or topic label over the headline) has at most this many words
)
KICKER_HEAD_WORDS = 5  # ... and stands right over a headline of at least this many
KICKER_MARGIN = 2.0  # ... that the ranker scores at most this much lower (4 cost an rd page)
_CONTENT = FEATURES.index("content")
_ELLIPSIS = ("…", "...")

Candidates = list[tuple[int, list[float]]]


def choose(feats: list[LineFeatures], cands: Candidates) -> int | None:
    """The ranker's pick, or the line below it when the pick is that line's kicker or a breadcrumb
    ending with it."""
    if not cands:
        return None
    s = scores(cands)
    k = max(range(len(s)), key=s.__getitem__)
    pick = cands[k][0]
    if feats[pick].line.text.endswith(_ELLIPSIS):
        pick = full_copy(feats, pick, cands, s)
    elif k + 1 < len(cands):
        below, x = cands[k + 1]
        # a headline the body took in stays in the body: some gold bodies count it as text
        if not x[_CONTENT] and is_kicker(feats, pick, below, s[k] - s[k + 1]):
            pick = below
    return bare_below(feats, pick, cands)


def is_kicker(feats: list[LineFeatures], pick: int, below: int, gap: float) -> bool:
    """Whether a one- or two-word pick is the label right over a headline-shaped candidate that
    scores nearly as well ("Health" over "Cannabis Use Disorder is Rising in U.S. States ...")."""
    if below != pick + 1 or gap > KICKER_MARGIN:
        return False
    top, head = feats[pick], feats[below]
    return (
        top.words <= KICKER_WORDS
        and head.words >= KICKER_HEAD_WORDS
        and not top.line.text.endswith(".")
        and not head.line.text.endswith(".")
    )


def full_copy(feats: list[LineFeatures], pick: int, cands: Candidates, s: list[float]) -> int:
    """The best-scoring candidate that goes on where a pick cut short with an ellipsis stops ("Wild
    beat…" in a teaser, the whole headline elsewhere on the page); else the pick."""
    stem = folded_words(feats[pick].line.text.rstrip(".… "))
    if not stem:
        return pick
    longer = [
        (score, j)
        for (j, _), score in zip(cands, s, strict=True)
        if folded_words(feats[j].line.text).startswith(stem + " ")
    ]
    return max(longer)[1] if longer else pick


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
