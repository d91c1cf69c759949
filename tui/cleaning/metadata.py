"""Title, date, author and section from the lines around the article body, with the line each came from."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from . import title_pick, titles
from .authors import byline
from .body import body_vocab
from .bylines import pick_author
from .dateline import pick_date
from .dates import find_date
from .features import BAD, GOOD, NEAR, SHORT, LineFeatures
from .stopwords import content_words

TITLE_WINDOW = 30  # lines above the body searched for the title
TITLE_VOCAB_WEIGHT = (
    4.0  # bonus for a candidate whose content words all recur in the body's opening
)
_SEP = re.compile(r"\s+[-–—|>›»/]\s+|\s*[>›»]\s*")
_META_WORDS = re.compile(
    r"^(published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|"
    r"pubblicato|aggiornato|gepubliceerd|opublikowano|date|datum|stand)\b",
    re.I,
)


def is_meta_line(f: LineFeatures) -> str | None:
    """Why a short line is metadata (date or byline), else None."""
    if f.words > 14:
        return None
    text = f.line.text
    if byline(text, lead_within=40):
        return "byline"
    hit = f.digits and find_date(text)
    if hit and (f.words <= 8 or _META_WORDS.match(text)):
        return "date"
    return None


_NONWORD = re.compile(r"\W+")
_FILE_NAME = re.compile(r"^\S+\.(jpe?g|png|gif|webp|svg|html?|php|pdf)$", re.I)


def _norm(text: str) -> str:
    return _NONWORD.sub(" ", text.casefold()).strip()


_NONWORD_LINE = re.compile(r"[^\w\n]+")


def _norms(texts: list[str]) -> list[str]:
    """_norm of each (single-line) text, in one regex pass over them all."""
    if not texts:
        return []
    joined = _NONWORD_LINE.sub(" ", "\n".join(texts).casefold())
    return [part.strip() for part in joined.split("\n")]


def find_title(
    feats: list[LineFeatures],
    a: int,
    taken: Callable[[int], bool] | None = None,
    vocab: frozenset[str] = frozenset(),
) -> int | None:
    """Index of the title line above the body: headline-shaped, near the body, echoed in a breadcrumb
    or "Title | Site" line, followed by a byline or date; None if nothing looks like one."""
    lo = max(0, a - TITLE_WINDOW)
    heads = _norms([f.line.text for f in feats[: a + 5] if f.words <= 60])
    joined, same = "\x00".join(heads), Counter(heads)  # a head equal to norm holds it exactly once
    best, best_score = None, float("-inf")
    meta = [is_meta_line(g) is not None for g in feats[lo : a + 4]]  # each line tested once
    # The body's first line when a byline follows it at once: a headline the body run took in.
    reach = a + 1 if a + 2 < len(feats) and _headline_over_byline(feats, a) else a
    for j in range(lo, reach):
        f = feats[j]
        if j >= len(feats) or f.kind == BAD or not 2 <= f.words <= 30 or f.chars > 250:
            continue
        if j < a + 4 and meta[j - lo]:
            continue
        if taken is not None and taken(j):
            continue
        text = f.line.text
        if _FILE_NAME.search(text):
            continue  # an image's file name is no headline
        score = -0.1 * (a - j)
        if text.endswith("."):
            score -= 2
        if 0 < j < len(feats) - 1 and feats[j - 1].kind == BAD and feats[j + 1].kind == BAD:
            score -= 1  # an item of a menu
        if 4 <= f.words <= 16:
            score += 2
        norm = _norm(text)
        if (
            norm and joined.count(norm) > same[norm]
        ):  # inside another head: breadcrumb, "Title | Site"
            score += 2
        if any(meta[j + 1 - lo : j + 5 - lo]):
            score += 2
        if j + 1 < len(feats) and feats[j + 1].kind in (GOOD, NEAR):
            score += 1
        if vocab:
            words = content_words(f.lower or text.lower())
            if words:
                score += TITLE_VOCAB_WEIGHT * len(words & vocab) / len(words)
        if score > best_score:
            best, best_score = j, score
    if best is None:
        return None
    # "Section - Title" above or a breadcrumb holding the title: prefer the bare title line.
    return _bare_title(feats, best, lo)


def rule_title(
    feats: list[LineFeatures],
    decisions: list[str],
    reasons: list[str | None],
    a: int,
    run_start: int | None,
    vocab: frozenset[str],
) -> tuple[int | None, int | None]:
    """The headline rule's title line, and the densest run's start when a dropped menu stands
    between it and the body's start a (then the title may stand below that menu), else None."""
    t = find_title(feats, a, vocab=vocab)
    if run_start is not None and run_start > a and "navigation" in reasons[a:run_start]:
        inner = find_title(feats, run_start, taken=lambda j: decisions[j] == "content", vocab=vocab)
        if inner is not None and inner > a:
            t = inner
        return t, run_start
    return t, None


def title_candidates(
    feats: list[LineFeatures],
    decisions: list[str],
    reasons: list[str | None],
    a: int,
    run_start: int | None,
    vocab: frozenset[str],
) -> list[tuple[int, list[float]]]:
    """Every line that may be the title with its features for the learned ranker: above the body's
    start a, and above the densest run's start when the body starts higher (see titles.candidates)."""
    n = len(feats)
    spans = [range(max(0, a - titles.WINDOW_ABOVE), min(n, a + titles.WINDOW_BELOW + 5))]
    if run_start is not None and run_start > a:
        spans.append(
            range(
                max(spans[0].stop, run_start - titles.WINDOW_DENSE - 1),
                min(n, run_start + titles.WINDOW_BELOW + 5),
            )
        )
    meta_lines = [False] * n
    for span in spans:
        for j in span:
            meta_lines[j] = is_meta_line(feats[j]) is not None
    return titles.candidates(feats, decisions, reasons, a, meta_lines, vocab, run_start)


def choose_title(
    feats: list[LineFeatures],
    decisions: list[str],
    reasons: list[str | None],
    a: int,
    run_start: int | None,
    vocab: frozenset[str],
) -> int | None:
    """The title line: the learned ranker's pick among the candidates, or the line right below it when
    the pick is its kicker or a breadcrumb ending with it (title_pick); not swapped for a shorter line
    above that it contains: on the dev pages that swap only turned right titles into fragments."""
    return title_pick.choose(
        feats, title_candidates(feats, decisions, reasons, a, run_start, vocab)
    )


def _bare_title(feats: list[LineFeatures], best: int, lo: int) -> int:
    """A line above that the chosen one contains, at least half its length: the bare title."""
    text = feats[best].line.text
    for j in range(best - 1, lo - 1, -1):
        other = feats[j].line.text
        if (
            2 <= feats[j].words
            and other in text
            and len(other) >= 0.5 * len(text)
            and other != text
        ):
            return j
    return best


def _headline_over_byline(feats: list[LineFeatures], a: int) -> bool:
    f = feats[a]
    return (
        f.kind != GOOD
        and 4 <= f.words <= 25
        and f.line.text[-1] not in '.:;,"”“»«'
        and any(byline(g.line.text, lead_within=40) for g in feats[a + 1 : a + 3] if g.words <= 14)
    )


def section_of(title: str, f: LineFeatures) -> str | None:
    """The section in a 'Section - Title' or breadcrumb line ending in the title, else None."""
    text = f.line.text
    if not title or not text.endswith(title) or text == title:
        return None
    head = _SEP.split(text[: -len(title)].rstrip(" -–—|>›»/:"))
    head = [h for h in head if h.strip()]
    return head[-1].strip() if head else None


def extract(
    feats: list[LineFeatures],
    decisions: list[str],
    reasons: list[str | None],
    a: int,
    b: int,
    run_start: int | None = None,
) -> tuple[int | None, dict[str, Any]]:
    """Choose the title line and fill meta; marks meta lines in decisions/reasons in place.

    The title is sought above the body [a, b]; when a menu was dropped between a and the densest
    run, below that menu too."""
    meta: dict[str, Any] = {"date": None, "author": None, "section": None, "found": {}}
    if b < a:
        return None, meta
    vocab = body_vocab(feats, decisions, a, b)
    t = choose_title(feats, decisions, reasons, a, run_start, vocab)
    title = feats[t].line.text if t is not None else ""
    ref = t if t is not None else a
    for j in range(max(0, ref - 3), min(len(feats), max(a + 3, ref + 4))):
        if j == t or decisions[j] == "content" and feats[j].kind == GOOD:
            continue
        f = feats[j]
        sec = section_of(title, f) if j != t and title else None
        if sec and meta["section"] is None:
            meta["section"] = sec
            meta["found"]["section"] = f.line.number
            decisions[j], reasons[j] = "meta", "section"
            continue
        why = is_meta_line(f)
        if not why:
            continue
        decisions[j], reasons[j] = "meta", why
    dated = pick_date(feats, ref, b)
    if dated:
        meta["date"], meta["found"]["date"] = dated[0], feats[dated[1]].line.number
    author = pick_author(feats, decisions, t, ref, a, b)
    if author is not None:
        meta["author"], meta["found"]["author"] = author.name, feats[author.at].line.number
        if decisions[author.at] != "meta" and (
            decisions[author.at] == "boilerplate"
            or feats[author.at].words <= 14
            or author.why == "author bio"
        ):  # not a long body line that opens "By Jane Doe, a reporter who ..."
            decisions[author.at], reasons[author.at] = "meta", author.why
    if t is not None:
        _keep_standfirst(feats, decisions, reasons, t, a)
    return t, meta


STANDFIRST_REACH = (
    4  # lines below the title where the article's lead sentence (standfirst) may stand
)


def _keep_standfirst(
    feats: list[LineFeatures], decisions: list[str], reasons: list[str | None], t: int, a: int
) -> None:
    """A prose sentence just below the title and above the body is the article's standfirst, not a teaser."""
    for j in range(t + 1, min(a, t + STANDFIRST_REACH + 1)):
        f = feats[j]
        if decisions[j] == "boilerplate" and (
            f.kind in (NEAR, GOOD) and f.ends_sentence or _dek(feats, t, j, a)
        ):
            decisions[j], reasons[j] = "content", None


DEK_WORDS = (6, 25)  # a dek (a headline's subtitle) is a short line of this many words ...
DEK_TITLE_SHARE = 0.6  # ... which is not mostly the title's own words again (a caption, a repeat)
_ARROWS = "«»‹›<>←→"


def _dek(feats: list[LineFeatures], t: int, j: int, a: int) -> bool:
    """A short line below the title that names what the title and the opening paragraphs name, with no
    phrase family's reason: the subtitle (dek) that the article's own text goes with, not a teaser."""
    f, text = feats[j], feats[j].line.text
    if f.kind != SHORT or f.reason is not None or not DEK_WORDS[0] <= f.words <= DEK_WORDS[1]:
        return False
    if not f.stops or text[0].islower():
        return (
            False  # a tag list ('Technology PC Raspberry Pi'), a category line ('in Featured ...')
        )
    if text[-1] == ":" or text[0] in _ARROWS or text[-1] in _ARROWS or find_date(text):
        return False
    own = _stems(feats[j])
    vocab = _stems(feats[t])
    if not own or len(own & vocab) >= DEK_TITLE_SHARE * len(own):
        return False
    for g in feats[a : a + 5]:
        vocab |= _stems(g)
    return bool(own & vocab)


def _stems(f: LineFeatures) -> set[str]:
    return {w[:5] for w in content_words(f.lower or f.line.text.lower())}
